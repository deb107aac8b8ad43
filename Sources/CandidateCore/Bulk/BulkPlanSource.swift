/// Candidates a status plan reads by position instead of copying: what the editor's marks lend
/// a plan (`BulkStatusPlan(lending:target:)`). Each position gives a candidate with at least id,
/// names and status; ids are distinct. The source must not change while a plan holds it (a value
/// type whose copies share storage until one is changed serves).
public protocol BulkPlanSource: RandomAccessCollection, Sendable where Element == Candidate, Index == Int {}

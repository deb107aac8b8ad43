/// Static ingredients of the seeded demo data: jobs, names, phone plans, CV snippets.
///
/// Names are realistic and international on purpose, so the TUI and the search meet
/// diacritics (Šťastný, Nguyễn, Müller, Ødegaard), CJK (王小明, 佐藤 花子), apostrophes
/// (O'Brien) and hyphens (Jean-Luc, Smith-Jones). Every `ascii` spelling feeds email addresses.
enum DemoData {
    /// A seeded job: fixed ids so tests and docs can name them.
    struct JobSeed: Sendable {
        let id: String
        let companyId: String
        let title: String
        let status: String
        let city: String
        let country: String
        let employmentType: String
        /// Days before seeding that the job was created.
        let ageDays: Int
    }

    static let jobs: [JobSeed] = [
        JobSeed(id: "30fa4acf-19cd-4e87-8940-4394552ea925", companyId: SandboxDemo.northwindId, title: "Senior iOS Engineer",
                status: "OPEN", city: "Bratislava", country: "SK", employmentType: "FULL_TIME", ageDays: 120),
        JobSeed(id: "03f1193e-4bf1-4e0d-bbca-5403382fe2ae", companyId: SandboxDemo.northwindId, title: "Backend Developer (Swift/Go)",
                status: "OPEN", city: "Prague", country: "CZ", employmentType: "FULL_TIME", ageDays: 95),
        JobSeed(id: "daf2a023-8535-4dbe-955d-f3e80d90b0e1", companyId: SandboxDemo.northwindId, title: "Customer Success Manager",
                status: "OPEN", city: "Vienna", country: "AT", employmentType: "FULL_TIME", ageDays: 60),
        JobSeed(id: "70594d87-672b-44e5-a352-7dbded0a5a05", companyId: SandboxDemo.northwindId, title: "Data Analyst Intern",
                status: "CLOSED", city: "Košice", country: "SK", employmentType: "INTERNSHIP", ageDays: 300),
        JobSeed(id: "ccdd288f-3d38-49b4-b936-30081f26f580", companyId: SandboxDemo.globexId, title: "Warehouse Shift Lead",
                status: "OPEN", city: "Hamburg", country: "DE", employmentType: "FULL_TIME", ageDays: 40),
        JobSeed(id: "c20c9ee1-4a93-4f16-8332-336a66d21c2f", companyId: SandboxDemo.globexId, title: "Logistics Planner",
                status: "OPEN", city: "Rotterdam", country: "NL", employmentType: "FULL_TIME", ageDays: 75),
        JobSeed(id: "b3b888ea-423f-46cf-944b-958cd7bfbb7d", companyId: SandboxDemo.globexId, title: "HR Generalist (part-time)",
                status: "OPEN", city: "Oslo", country: "NO", employmentType: "PART_TIME", ageDays: 20),
        JobSeed(id: "3b068a74-afea-42c9-8e94-0b38bd2a3caa", companyId: SandboxDemo.initechId, title: "TPS Report Analyst",
                status: "OPEN", city: "Austin", country: "US", employmentType: "FULL_TIME", ageDays: 200),
        JobSeed(id: "db743f8d-8cd6-417e-9f32-78d4f2218056", companyId: SandboxDemo.initechId, title: "QA Engineer",
                status: "OPEN", city: "Dublin", country: "IE", employmentType: "CONTRACT", ageDays: 15),
    ]

    /// A name with an ASCII spelling for email addresses; `female` is the feminine form when the language has one.
    struct Surname: Sendable {
        let male: String
        let female: String
        let ascii: String
        let asciiFemale: String
        init(_ male: String, _ ascii: String, female: String? = nil, asciiFemale: String? = nil) {
            self.male = male; self.ascii = ascii
            self.female = female ?? male; self.asciiFemale = asciiFemale ?? ascii
        }
    }

    struct GivenName: Sendable {
        let name: String
        let ascii: String
        let female: Bool
        init(_ name: String, _ ascii: String, female: Bool) { self.name = name; self.ascii = ascii; self.female = female }
    }

    /// Mobile numbers of a country: `prefix` (with `+` and country code) then `digits` random digits.
    /// Every result matches E.164 `^\+[1-9]\d{1,14}$`.
    struct PhonePlan: Sendable {
        let prefixes: [String]
        let digits: Int
    }

    struct Culture: Sendable {
        let given: [GivenName]
        let surnames: [Surname]
        let phone: PhonePlan
        /// ISO 639-1 codes for `metadata.languages`.
        let languages: [String]
        /// Email domain (reserved `example.*` names only).
        let domain: String
    }

    static let cultures: [Culture] = [
        Culture(given: [GivenName("Tomáš", "tomas", female: false), GivenName("Ján", "jan", female: false),
                        GivenName("Jiří", "jiri", female: false), GivenName("Lukáš", "lukas", female: false),
                        GivenName("Zuzana", "zuzana", female: true), GivenName("Kateřina", "katerina", female: true),
                        GivenName("Ľubica", "lubica", female: true), GivenName("Veronika", "veronika", female: true)],
                surnames: [Surname("Šťastný", "stastny", female: "Šťastná", asciiFemale: "stastna"),
                           Surname("Novák", "novak", female: "Nováková", asciiFemale: "novakova"),
                           Surname("Dvořák", "dvorak", female: "Dvořáková", asciiFemale: "dvorakova"),
                           Surname("Horváth", "horvath", female: "Horváthová", asciiFemale: "horvathova"),
                           Surname("Kováč", "kovac", female: "Kováčová", asciiFemale: "kovacova"),
                           Surname("Černý", "cerny", female: "Černá", asciiFemale: "cerna")],
                phone: PhonePlan(prefixes: ["+4219", "+4206", "+4207"], digits: 8), languages: ["sk", "cs", "en"],
                domain: "example.sk"),
        Culture(given: [GivenName("Minh", "minh", female: false), GivenName("Hùng", "hung", female: false),
                        GivenName("Dũng", "dung", female: false), GivenName("Lan", "lan", female: true),
                        GivenName("Hương", "huong", female: true), GivenName("Thảo", "thao", female: true)],
                surnames: [Surname("Nguyễn", "nguyen"), Surname("Trần", "tran"), Surname("Lê", "le"), Surname("Phạm", "pham")],
                phone: PhonePlan(prefixes: ["+849", "+843"], digits: 8), languages: ["vi", "en"], domain: "example.com"),
        Culture(given: [GivenName("Jürgen", "juergen", female: false), GivenName("Lukas", "lukas", female: false),
                        GivenName("Maximilian", "maximilian", female: false), GivenName("Jördis", "joerdis", female: true),
                        GivenName("Sophie", "sophie", female: true), GivenName("Anna-Lena", "anna-lena", female: true)],
                surnames: [Surname("Müller", "mueller"), Surname("Schröder", "schroeder"), Surname("Weiß", "weiss"),
                           Surname("Groß", "gross"), Surname("Köhler", "koehler")],
                phone: PhonePlan(prefixes: ["+49151", "+49160", "+49176"], digits: 8), languages: ["de", "en"],
                domain: "example.de"),
        Culture(given: [GivenName("Øystein", "oystein", female: false), GivenName("Håkon", "hakon", female: false),
                        GivenName("Magnus", "magnus", female: false), GivenName("Ingrid", "ingrid", female: true),
                        GivenName("Sølvi", "solvi", female: true), GivenName("Åse", "ase", female: true)],
                surnames: [Surname("Ødegaard", "odegaard"), Surname("Bjørnstad", "bjornstad"), Surname("Løvås", "lovas"),
                           Surname("Hansen", "hansen")],
                phone: PhonePlan(prefixes: ["+474", "+479"], digits: 7), languages: ["no", "en"], domain: "example.no"),
        Culture(given: [GivenName("小明", "xiaoming", female: false), GivenName("伟", "wei", female: false),
                        GivenName("强", "qiang", female: false), GivenName("丽", "li", female: true),
                        GivenName("芳", "fang", female: true), GivenName("静", "jing", female: true)],
                surnames: [Surname("王", "wang"), Surname("李", "li"), Surname("张", "zhang"), Surname("刘", "liu")],
                phone: PhonePlan(prefixes: ["+86138", "+86139", "+86186"], digits: 8), languages: ["zh", "en"],
                domain: "example.cn"),
        Culture(given: [GivenName("健太", "kenta", female: false), GivenName("翔", "sho", female: false),
                        GivenName("花子", "hanako", female: true), GivenName("美咲", "misaki", female: true),
                        GivenName("さくら", "sakura", female: true)],
                surnames: [Surname("佐藤", "sato"), Surname("鈴木", "suzuki"), Surname("高橋", "takahashi"), Surname("田中", "tanaka")],
                phone: PhonePlan(prefixes: ["+8190", "+8180"], digits: 8), languages: ["ja", "en"], domain: "example.jp"),
        Culture(given: [GivenName("Seán", "sean", female: false), GivenName("Liam", "liam", female: false),
                        GivenName("Conor", "conor", female: false), GivenName("Siobhán", "siobhan", female: true),
                        GivenName("Aoife", "aoife", female: true), GivenName("Emily", "emily", female: true)],
                surnames: [Surname("O'Brien", "obrien"), Surname("O'Connor", "oconnor"), Surname("Smith-Jones", "smith-jones"),
                           Surname("MacDonald", "macdonald"), Surname("Murphy", "murphy")],
                phone: PhonePlan(prefixes: ["+35385", "+35387", "+447700"], digits: 6), languages: ["en", "ga"],
                domain: "example.ie"),
        Culture(given: [GivenName("Jean-Luc", "jean-luc", female: false), GivenName("François", "francois", female: false),
                        GivenName("Loïc", "loic", female: false), GivenName("Chloé", "chloe", female: true),
                        GivenName("Hélène", "helene", female: true), GivenName("Marie-Claire", "marie-claire", female: true)],
                surnames: [Surname("Lefèvre", "lefevre"), Surname("Dubois", "dubois"), Surname("Girard", "girard"),
                           Surname("Le Gall", "legall")],
                phone: PhonePlan(prefixes: ["+336", "+337"], digits: 8), languages: ["fr", "en"], domain: "example.fr"),
        Culture(given: [GivenName("José", "jose", female: false), GivenName("Álvaro", "alvaro", female: false),
                        GivenName("Iñigo", "inigo", female: false), GivenName("María José", "mariajose", female: true),
                        GivenName("Lucía", "lucia", female: true), GivenName("Begoña", "begona", female: true)],
                surnames: [Surname("Muñoz", "munoz"), Surname("Peña", "pena"), Surname("García Márquez", "garciamarquez"),
                           Surname("Núñez", "nunez")],
                phone: PhonePlan(prefixes: ["+346", "+347"], digits: 8), languages: ["es", "en"], domain: "example.es"),
        Culture(given: [GivenName("Łukasz", "lukasz", female: false), GivenName("Paweł", "pawel", female: false),
                        GivenName("Grzegorz", "grzegorz", female: false), GivenName("Małgorzata", "malgorzata", female: true),
                        GivenName("Zofia", "zofia", female: true), GivenName("Agnieszka", "agnieszka", female: true)],
                surnames: [Surname("Wiśniewski", "wisniewski", female: "Wiśniewska", asciiFemale: "wisniewska"),
                           Surname("Zieliński", "zielinski", female: "Zielińska", asciiFemale: "zielinska"),
                           Surname("Kowalczyk", "kowalczyk"), Surname("Łukasiewicz", "lukasiewicz")],
                phone: PhonePlan(prefixes: ["+4850", "+4860", "+4879"], digits: 7), languages: ["pl", "en"], domain: "example.pl"),
        Culture(given: [GivenName("Mehmet", "mehmet", female: false), GivenName("Emre", "emre", female: false),
                        GivenName("Ayşe", "ayse", female: true), GivenName("Elif", "elif", female: true)],
                surnames: [Surname("Yılmaz", "yilmaz"), Surname("Öztürk", "ozturk"), Surname("Çelik", "celik"), Surname("Şahin", "sahin")],
                phone: PhonePlan(prefixes: ["+90532", "+90505"], digits: 7), languages: ["tr", "en"], domain: "example.com.tr"),
        Culture(given: [GivenName("Arjun", "arjun", female: false), GivenName("Rahul", "rahul", female: false),
                        GivenName("Priya", "priya", female: true), GivenName("Ananya", "ananya", female: true)],
                surnames: [Surname("Sharma", "sharma"), Surname("Iyer", "iyer"), Surname("Patel", "patel"), Surname("D'Souza", "dsouza")],
                phone: PhonePlan(prefixes: ["+9198", "+9199"], digits: 8), languages: ["hi", "en"], domain: "example.in"),
        Culture(given: [GivenName("James", "james", female: false), GivenName("Michael", "michael", female: false),
                        GivenName("Olivia", "olivia", female: true), GivenName("Emma", "emma", female: true)],
                surnames: [Surname("Johnson", "johnson"), Surname("Williams", "williams"), Surname("Smith-Jones", "smith-jones"),
                           Surname("Brown", "brown")],
                phone: PhonePlan(prefixes: ["+1512", "+1646", "+1415"], digits: 7), languages: ["en"], domain: "example.com"),
    ]

    /// Candidates every demo database starts with (company 1, newest first), so tests and demos
    /// can rely on these names whatever `demoSize` is (as long as it is at least this many).
    /// Each entry: (culture index, given name index, surname index).
    static let showcase: [(culture: Int, given: Int, surname: Int)] = [
        (0, 0, 0),   // Tomáš Šťastný
        (1, 3, 0),   // Lan Nguyễn
        (2, 0, 0),   // Jürgen Müller
        (3, 0, 0),   // Øystein Ødegaard
        (4, 0, 0),   // 小明 王
        (5, 2, 0),   // 花子 佐藤
        (6, 3, 0),   // Siobhán O'Brien
        (7, 0, 0),   // Jean-Luc Lefèvre
        (12, 3, 2),  // Emma Smith-Jones
        (0, 4, 0),   // Zuzana Šťastná
    ]

    static let sources = ["LinkedIn", "referral", "career site", "job board", "career fair", "agency"]
    static let tags = ["remote", "relocation", "senior", "junior", "visa needed", "part-time", "night shifts", "driving licence"]
    static let referrers = ["Petra K.", "Marek H.", "Ines W.", "Tom B.", "Aiko S."]

    /// Anonymized CV openings, one per rough profile, as the text before and after the years of
    /// experience; the skills list follows (built by concatenation: seeding 100_000 stays quick).
    static let cvOpenings: [(String, String)] = [
        ("Software engineer with ", " years of experience building backend services. Skills: "),
        ("Mobile developer with ", " years of experience shipping consumer apps. Skills: "),
        ("Logistics professional with ", " years in warehouse operations and shift planning. Skills: "),
        ("Customer success specialist with ", " years supporting B2B accounts. Skills: "),
        ("Data analyst with ", " years of experience in reporting and forecasting. Skills: "),
        ("HR generalist with ", " years across recruiting, onboarding and payroll. Skills: "),
    ]
    static let skills = ["Swift", "Kotlin", "Go", "PostgreSQL", "Kubernetes", "SQL", "Excel", "Power BI", "SAP",
                         "forklift licence", "Salesforce", "Python", "German (C1)", "English (C2)", "people management"]
    static let cvClosings = [
        "Previous employer: [REDACTED]. Education: [REDACTED], MSc.",
        "Previous employers: [REDACTED], [REDACTED]. Education: BSc.",
        "Led a team of [REDACTED] people. Contact details removed.",
        "Open to hybrid work. References available on request.",
    ]
}

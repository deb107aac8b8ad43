import Foundation
import Testing
@testable import CandidateCore

@Suite("APIConfiguration, CandidateQuery and request URLs")
struct APIConfigurationTests {
    /// The configuration error's message, or `nil` when the configuration is accepted.
    func refusal(_ base: String, key: String = "sk_test_abc", companyId: String? = nil, timeout: Double = 15) -> String? {
        do { _ = try APIConfiguration(baseURL: base, apiKey: key, companyId: companyId, timeout: timeout); return nil } catch let APIError.configuration(m) {
            return m
        } catch { Issue.record("unexpected \(error)"); return "?" }
    }

    @Test("https to any host is accepted", arguments: ["https://api.instaview.sk", "HTTPS://API.INSTAVIEW.SK", "https://example.com:8443/v1/public"])
    func httpsAccepted(_ base: String) { #expect(refusal(base) == nil) }

    @Test("plain http is accepted for loopback hosts", arguments: [
        "http://127.0.0.1:8080", "http://localhost:8080", "http://LOCALHOST", "http://[::1]:8080", "http://127.0.0.2/v1", "http://localhost/",
    ])
    func httpLoopbackAccepted(_ base: String) { #expect(refusal(base) == nil) }

    @Test("plain http to a remote host is refused, so the key never travels unencrypted", arguments: [
        "http://api.instaview.sk", "http://10.0.0.1:8080", "http://192.168.1.20", "http://localhost.example.com",
        "http://127.example.com", "http://127.0.0.1.example.com", "http://[::2]:8080",
    ])
    func httpRemoteRefused(_ base: String) {
        let message = refusal(base)
        #expect(message?.hasPrefix("Refusing plain http://") == true, "\(base): \(message ?? "accepted")")
    }

    @Test("loopback means localhost, ::1 or a 127.x.y.z address, not a name that starts with 127.", arguments: [
        ("127.0.0.1", true), ("127.1.2.3", true), ("127.255.255.255", true), ("localhost", true), ("LocalHost", true),
        ("::1", true), ("[::1]", true), ("127.0.0.256", false), ("127.0.0", false), ("127.0.0.1.2", false),
        ("127.example.com", false), ("127.0.0.1.example.com", false), ("127.0.0.x", false), ("127..0.1", false),
        ("128.0.0.1", false), ("localhost.example.com", false), ("::2", false), ("", false),
    ])
    func loopback(_ host: String, expected: Bool) {
        #expect(APIConfiguration.isLoopback(host) == expected)
    }

    @Test("what is not an http(s) URL is refused", arguments: ["", "api.instaview.sk", "ftp://api.instaview.sk", "https://", "not a url"])
    func notAURL(_ base: String) { #expect(refusal(base) != nil) }

    @Test("trailing slashes and white space are removed, a path prefix is kept", arguments: [
        ("https://api.instaview.sk/", "https://api.instaview.sk"),
        ("https://api.instaview.sk///", "https://api.instaview.sk"),
        ("  https://api.instaview.sk/v1/public/ ", "https://api.instaview.sk/v1/public"),
        ("https://api.instaview.sk/v1", "https://api.instaview.sk/v1"),
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080"),
    ])
    func normalizedBase(_ input: String, expected: String) throws {
        #expect(try APIConfiguration(baseURL: input, apiKey: "k").baseURL == expected)
    }

    @Test("an empty or blank key is refused; any other key is accepted whatever its length")
    func keys() throws {
        #expect(refusal("https://a.example", key: "") == "The API key is empty")
        #expect(refusal("https://a.example", key: "  \n") == "The API key is empty")
        #expect(try APIConfiguration(baseURL: "https://a.example", apiKey: "x").apiKey == "x")
        #expect(try APIConfiguration(baseURL: "https://a.example", apiKey: " sk_live_" + String(repeating: "a", count: 200) + " ").apiKey
                == "sk_live_" + String(repeating: "a", count: 200))
    }

    @Test("a company id must be a UUID; empty means none")
    func companyId() throws {
        #expect(refusal("https://a.example", companyId: "acme") == "The company id \"acme\" is not a UUID")
        #expect(refusal("https://a.example", companyId: "12345") != nil)
        #expect(try APIConfiguration(baseURL: "https://a.example", apiKey: "k", companyId: " \(Fixture.companyId) ").companyId == Fixture.companyId)
        #expect(try APIConfiguration(baseURL: "https://a.example", apiKey: "k", companyId: "").companyId == nil)
        #expect(try APIConfiguration(baseURL: "https://a.example", apiKey: "k", companyId: "  ").companyId == nil)
    }

    @Test("the timeout must be positive, finite and at most an hour")
    func timeout() {
        #expect(refusal("https://a.example", timeout: 0) == "The timeout must be between 0 and 3600 seconds")
        #expect(refusal("https://a.example", timeout: .infinity) == "The timeout must be between 0 and 3600 seconds")
        #expect(refusal("https://a.example", timeout: 1e300) == "The timeout must be between 0 and 3600 seconds")
        #expect(refusal("https://a.example", timeout: -1) != nil)
        #expect(refusal("https://a.example", timeout: 0.5) == nil)
    }

    @Test("the default base URL is the documented one")
    func defaultBase() throws {
        #expect(APIConfiguration.defaultBaseURL == "https://api.instaview.sk")
        #expect(refusal(APIConfiguration.defaultBaseURL) == nil)
    }

    @Test("displayHost shows host and port")
    func displayHost() throws {
        #expect(try APIConfiguration(baseURL: "https://api.instaview.sk/v1", apiKey: "k").displayHost == "api.instaview.sk")
        #expect(try APIConfiguration(baseURL: "http://127.0.0.1:8080", apiKey: "k").displayHost == "127.0.0.1:8080")
    }

    @Test("the refusal message never contains the key")
    func refusalHidesKey() {
        let key = "sk_live_SECRET123"
        for base in ["http://api.instaview.sk", "ftp://x", "nope"] {
            #expect(refusal(base, key: key)?.contains(key) == false)
        }
    }

    // MARK: CandidateQuery

    @Test("page and limit are clamped to the API's ranges")
    func queryClamps() {
        #expect(CandidateQuery(page: 0, limit: 0).page == 1)
        #expect(CandidateQuery(page: 0, limit: 0).limit == 1)
        #expect(CandidateQuery(page: 20_000, limit: 500).page == 10_000)
        #expect(CandidateQuery(page: 20_000, limit: 500).limit == 100)
        #expect(CandidateQuery().page == 1)
    }

    @Test("query items are in a stable order and omit empty filters")
    func queryItems() {
        let all = CandidateQuery(page: 2, limit: 20, status: .inProcess, jobId: Fixture.jobA, search: "Nov")
        #expect(all.queryItems.map { "\($0.0)=\($0.1)" } == ["page=2", "limit=20", "status=IN_PROCESS", "jobId=\(Fixture.jobA)", "search=Nov"])
        let none = CandidateQuery(page: 1, limit: 50, jobId: "", search: "")
        #expect(none.queryItems.map { "\($0.0)=\($0.1)" } == ["page=1", "limit=50"])
    }

    // MARK: URLs

    func client(_ base: String = "https://api.instaview.sk", companyId: String? = nil) throws -> CandidatesClient {
        CandidatesClient(configuration: try APIConfiguration(baseURL: base, apiKey: "sk_test_SECRET", companyId: companyId))
    }

    @Test("a URL without query has no question mark; a path prefix is kept")
    func urlPlain() throws {
        #expect(try client().url("/candidates/abc") == "https://api.instaview.sk/candidates/abc")
        #expect(try client("https://h.example/v1/public/").url("/jobs") == "https://h.example/v1/public/jobs")
    }

    @Test("companyId is appended to every request when configured")
    func urlCompanyId() throws {
        let c = try client(companyId: Fixture.companyId)
        #expect(c.url("/candidates/abc") == "https://api.instaview.sk/candidates/abc?companyId=\(Fixture.companyId)")
        #expect(c.url("/candidates", query: CandidateQuery(page: 3, limit: 10).queryItems)
                == "https://api.instaview.sk/candidates?page=3&limit=10&companyId=\(Fixture.companyId)")
    }

    @Test("search text is percent-encoded", arguments: [
        ("a+b", "a%2Bb"),
        ("Jana Nováková", "Jana%20Nov%C3%A1kov%C3%A1"),
        ("Šťastný", "%C5%A0%C5%A5astn%C3%BD"),
        ("a&limit=100", "a%26limit%3D100"),
        ("50% #1", "50%25%20%231"),
        ("+421 905", "%2B421%20905"),
    ])
    func urlSearchEncoding(_ search: String, encoded: String) throws {
        let url = try client(companyId: Fixture.companyId).url("/candidates", query: CandidateQuery(page: 1, limit: 20, search: search).queryItems)
        #expect(url == "https://api.instaview.sk/candidates?page=1&limit=20&search=\(encoded)&companyId=\(Fixture.companyId)")
        // What a server decodes is exactly what was typed.
        let items = URLComponents(string: url)?.queryItems ?? []
        #expect(items.first(where: { $0.name == "search" })?.value == search)
        #expect(items.filter { $0.name == "limit" }.count == 1)
    }

    @Test("ids in paths are percent-encoded as one segment")
    func pathComponent() {
        #expect(CandidatesClient.pathComponent(Fixture.candidateId) == Fixture.candidateId)
        #expect(CandidatesClient.pathComponent("a/b?c#d e") == "a%2Fb%3Fc%23d%20e")
    }
}

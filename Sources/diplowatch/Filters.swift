import ArgumentParser
import DiploWatch
import Foundation

/// Checks `--country`, `--type` and `--topic` against what can match; an unknown value is a usage
/// error (exit 64) with a suggestion. What a check needs (stored codes and topics, the extractor's
/// dictionary) is read only for a filter that is given: a query without one reads none of it.
struct Filters {
    let config: Config
    let store: Store

    init(config: Config, store: Store) {
        self.config = config
        self.store = store
    }

    func check(countries: Bool = false, topics: Bool = false) throws -> FilterCheck {
        var codes: [String: Set<String>] = [:]
        if countries {
            codes = try store.participantCountries()
            for t in config.topics { for c in t.countries { codes[c, default: []] = codes[c, default: []] } }
            for a in config.actors { codes[a.country, default: []].insert(a.name) }
        }
        let names = topics ? Set(config.topics.map(\.name)).union(try store.alertTopics()) : []
        let config = self.config
        return FilterCheck(countries: codes, topics: names, lexicon: { config.lexicon })
    }

    func country(_ value: String?) throws -> String? {
        try value.map { try unwrap(check(countries: true).country($0), "--country") }
    }
    func type(_ value: String?) throws -> String? { try value.map { try unwrap(check().type($0), "--type") } }
    func topic(_ value: String?) throws -> String? { try value.map { try unwrap(check(topics: true).topic($0), "--topic") } }

    private func unwrap(_ result: Result<String, FilterError>, _ option: String) throws -> String {
        switch result {
        case .success(let v): return v
        case .failure(let e): throw CLIError.usage("\(option): \(e.description)")
        }
    }
}

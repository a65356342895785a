import ArgumentParser
import DiploWatch
import Foundation

/// Checks `--country`, `--type` and `--topic` against what can match; an unknown value is a usage
/// error (exit 64) with a suggestion.
struct Filters {
    let check: FilterCheck

    init(config: Config, store: Store) throws {
        var countries = try store.participantCountries()
        for t in config.topics { for c in t.countries { countries[c, default: []] = countries[c, default: []] } }
        for a in config.actors { countries[a.country, default: []].insert(a.name) }
        let topics = Set(config.topics.map(\.name)).union(try store.alertTopics())
        check = FilterCheck(countries: countries, topics: topics, lexicon: config.lexicon)
    }

    func country(_ value: String?) throws -> String? { try value.map { try unwrap(check.country($0), "--country") } }
    func type(_ value: String?) throws -> String? { try value.map { try unwrap(check.type($0), "--type") } }
    func topic(_ value: String?) throws -> String? { try value.map { try unwrap(check.topic($0), "--topic") } }

    private func unwrap(_ result: Result<String, FilterError>, _ option: String) throws -> String {
        switch result {
        case .success(let v): return v
        case .failure(let e): throw CLIError.usage("\(option): \(e.description)")
        }
    }
}

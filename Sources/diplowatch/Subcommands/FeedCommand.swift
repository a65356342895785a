import ArgumentParser
import DiploWatch
import Feeds
import Foundation

struct FeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed", abstract: "Work with single feeds.", subcommands: [Inspect.self, Page.self])

    /// What `full_text = true` reads from an entry's page.
    struct Page: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fetch or read an article page and print its main text, as full_text feeds read it.")
        @OptionGroup var global: GlobalOptions

        @Argument(help: "A file path or an http(s):// URL.")
        var source: String

        func run() async throws {
            try await reporting {
                let data: Data
                var charset: String?
                if source.hasPrefix("http://") || source.hasPrefix("https://") {
                    let settings = (try? global.loadConfig().daemon) ?? DaemonSettings()
                    do {
                        let result = try await CurlFeedFetcher(settings: settings).fetch(FetchRequest(url: source, accept: .page))
                        data = result.body
                        charset = result.charset
                    } catch let e as FetchError {
                        throw CLIError.badInput(e.description)
                    }
                } else {
                    guard let d = FileManager.default.contents(atPath: source) else {
                        throw CLIError.badInput("feed page: cannot read \(source)")
                    }
                    data = d
                }
                guard let text = MainText.extract(html: data, charset: charset) else {
                    throw CLIError.badInput("feed page: \(source): no article text found (the feed's own text would be used)")
                }
                print(text)
            }
        }
    }

    struct Inspect: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Fetch or read a feed and print what DiploWatch sees in it.")
        @OptionGroup var global: GlobalOptions

        @Flag(
            name: .long,
            help: "Print JSON: {format, title, link, entries: [{id, title, link, published, updated, author, summary, content, media}]}.")
        var json = false

        @Argument(help: "A file path or an http(s):// URL.")
        var source: String

        func run() async throws {
            try await reporting {
                let data: Data
                var base: URL?
                var charset: String?
                if source.hasPrefix("http://") || source.hasPrefix("https://") || source.hasPrefix("sample:") {
                    let settings = (try? global.loadConfig().daemon) ?? DaemonSettings()
                    do {
                        let result = try await CurlFeedFetcher(settings: settings).fetch(FetchRequest(url: source))
                        if result.notModified { throw CLIError.failure("feed inspect: \(source): unexpected 304 Not Modified") }
                        data = result.body
                        charset = result.charset
                        base = URL(string: result.finalURL)
                    } catch let e as FetchError {
                        throw CLIError.badInput(e.description)
                    }
                } else {
                    guard let d = FileManager.default.contents(atPath: source) else {
                        throw CLIError.badInput("feed inspect: cannot read \(source)")
                    }
                    data = d
                }
                let feed: Feed
                do {
                    feed = try FeedParser.parse(data, baseURL: base, charset: charset)
                } catch {
                    throw CLIError.badInput("feed inspect: \(source): \((error as? FeedError)?.reason ?? "\(error)")")
                }
                if json {
                    print(try JSONOutput.string(InspectedFeed(feed)))
                } else {
                    print("\(feed.format.rawValue): \(feed.title ?? "(untitled)") — \(feed.entries.count) entries")
                    for e in feed.entries {
                        print("- \(e.published.map(RFC3339.string) ?? "undated") \(e.title ?? "(untitled)") \(e.link ?? "")")
                    }
                }
            }
        }
    }
}

/// The `feed inspect --json` shape, with dates as RFC 3339 strings.
struct InspectedFeed: Encodable {
    struct Entry: Encodable {
        var id, title, link, published, updated, author, summary, content: String?
        /// Media RSS objects and enclosures; left out when there are none.
        var media: [FeedMedia]?
    }
    var format: String
    var title: String?
    var link: String?
    var entries: [Entry]

    init(_ feed: Feed) {
        format = feed.format.rawValue
        title = feed.title
        link = feed.link
        entries = feed.entries.map {
            Entry(
                id: $0.id, title: $0.title, link: $0.link, published: $0.published.map(RFC3339.string),
                updated: $0.updated.map(RFC3339.string), author: $0.author, summary: $0.summary, content: $0.content,
                media: $0.media.isEmpty ? nil : $0.media)
        }
    }

    func encode(to encoder: any Encoder) throws {
        enum K: String, CodingKey { case format, title, link, entries }
        var c = encoder.container(keyedBy: K.self)
        try c.encode(format, forKey: .format)
        try c.encode(title, forKey: .title)
        try c.encode(link, forKey: .link)
        try c.encode(entries, forKey: .entries)
    }
}

import ArgumentParser
import DiploWatch
import Feeds
import Foundation

struct FeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed", abstract: "Work with single feeds.", subcommands: [Inspect.self, Page.self])

    /// A URL fetched as the daemon would (its config's fetch settings), or a file read.
    static func load(
        _ source: String, accept: FetchRequest.Accept, global: GlobalOptions, command: String
    ) async throws -> (data: Data, charset: String?, base: URL?) {
        guard source.hasPrefix("http://") || source.hasPrefix("https://") || source.hasPrefix("sample:") else {
            guard let data = FileManager.default.contents(atPath: source) else {
                throw CLIError.badInput("\(command): cannot read \(source)")
            }
            return (data, nil, nil)
        }
        let settings = (try? global.loadConfig().daemon) ?? DaemonSettings()
        do {
            let result = try await CurlFeedFetcher(settings: settings).fetch(FetchRequest(url: source, accept: accept))
            if result.notModified { throw CLIError.failure("\(command): \(source): unexpected 304 Not Modified") }
            // How it came, on stderr so that --json output stays clean.
            var how = "\(command): fetched \(source): \(result.status)"
            if let v = result.httpVersion { how += " over HTTP/\(v)" }
            how += ", \(result.body.count) bytes"
            if let type = result.contentType { how += ", \(type)" }
            if let moved = result.permanentURL {
                how += "; moved permanently to \(moved)"
            } else if result.finalURL != source {
                how += "; redirected to \(result.finalURL)"
            }
            FileHandle.standardError.write(Data((TerminalText.safe(Redact.text(how)) + "\n").utf8))
            return (result.body, result.charset, URL(string: result.finalURL))
        } catch let e as FetchError {
            throw CLIError.badInput(e.description)
        }
    }

    /// What `full_text = true` reads from an entry's page.
    struct Page: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fetch or read an article page and print its main text, as full_text feeds read it.")
        @OptionGroup var global: GlobalOptions

        @Argument(help: "A file path or an http(s):// URL.")
        var source: String

        func run() async throws {
            try await reporting {
                let (data, charset, _) = try await FeedCommand.load(source, accept: .page, global: global, command: "feed page")
                guard let text = MainText.extract(html: data, charset: charset) else {
                    throw CLIError.badInput("feed page: \(source): no article text found (the feed's own text would be used)")
                }
                print(TerminalText.safe(text, keepingNewlines: true))
            }
        }
    }

    struct Inspect: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Fetch or read a feed and print what DiploWatch sees in it.")
        @OptionGroup var global: GlobalOptions

        @Flag(
            name: .long,
            help:
                "Print JSON: {format, title, link, entries: [{id, title, link, published, updated, author, authors, summary, content, media}]}."
        )
        var json = false

        @Argument(help: "A file path or an http(s):// URL.")
        var source: String

        func run() async throws {
            try await reporting {
                let (data, charset, base) = try await FeedCommand.load(source, accept: .feed, global: global, command: "feed inspect")
                let feed: Feed
                do {
                    feed = try FeedParser.parse(data, baseURL: base, charset: charset)
                } catch {
                    throw CLIError.badInput("feed inspect: \(source): \((error as? FeedError)?.reason ?? "\(error)")")
                }
                if json {
                    print(try JSONOutput.string(InspectedFeed(feed)))
                } else {
                    // A feed's text on a terminal: its control characters neutralised (JSON escapes them).
                    print(TerminalText.safe("\(feed.format.rawValue): \(feed.title ?? "(untitled)") — \(feed.entries.count) entries"))
                    for e in feed.entries {
                        print(
                            TerminalText.safe(
                                "- \(e.published.map(RFC3339.string) ?? "undated") \(e.title ?? "(untitled)") \(e.link ?? "")"))
                    }
                }
            }
        }
    }
}

/// The `feed inspect --json` shape, with dates as RFC 3339 strings.
struct InspectedFeed: Encodable {
    struct Entry: Encodable {
        var id, title, link, published, updated, author: String?
        /// Every author in order (`author` joins them); left out when there is none.
        var authors: [String]?
        var summary, content: String?
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
                updated: $0.updated.map(RFC3339.string), author: $0.author, authors: $0.authors.isEmpty ? nil : $0.authors,
                summary: $0.summary, content: $0.content,
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

import ArgumentParser
import DiploWatch
import Feeds
import Foundation

extension Feeds {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a feed by its URL, or by a web page that links one (<link rel=\"alternate\">), to the included feeds file.")
        @OptionGroup var global: GlobalOptions

        @Option(help: "The feed's name (default: the feed's title).")
        var name: String?

        @Option(help: "A folder for it, kept in OPML exports.")
        var category: String?

        @Argument(help: "An http(s):// URL: a feed, or a page that links its feed.")
        var url: String

        func run() async throws {
            try await reporting {
                let edit = try FeedsEdit(global: global, command: "feeds add")
                let lower = url.lowercased()
                guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
                    throw CLIError.usage("feeds add: \"\(url)\" is not an http:// or https:// URL")
                }
                let path = try edit.target()
                let found: FeedDiscovery.Found
                do {
                    found = try await FeedDiscovery(fetcher: CurlFeedFetcher(settings: edit.config.daemon)).discover(url)
                } catch {
                    throw CLIError.badInput("feeds add: \(error)")
                }
                if let existing = edit.config.feeds.first(where: { $0.url == found.url }) {
                    throw CLIError.badInput("feeds add: \(found.url) is already configured (as \"\(existing.name ?? existing.url)\")")
                }
                if let page = found.page { print("feeds add: \(page) links the feed \(found.url)") }
                let feed = FeedConfig(url: found.url, name: name ?? found.feed.title, category: category)
                let config = try edit.apply(to: path) { text in
                    var t = text ?? "# Feeds added with `diplowatch feeds add` and `feeds import`.\n"
                    if !t.hasSuffix("\n") { t += "\n" }
                    return t + "\n" + FeedsFile.toml(feed)
                }
                let format = found.feed.format.rawValue
                edit.done(
                    "added \"\(feed.name ?? feed.url)\" (\(format), \(found.feed.entries.count) entries) to \(shortPath(path, config: config))",
                    config: config)
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add the feeds of an OPML file (names and folders kept) to the included feeds file; known URLs are skipped.")
        @OptionGroup var global: GlobalOptions

        @Argument(help: "An OPML file, as feed readers export them (- for standard input).")
        var file: String

        func run() async throws {
            try await reporting {
                let edit = try FeedsEdit(global: global, command: "feeds import")
                let data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: file)
                guard let data else { throw CLIError.badInput("feeds import: cannot read \(file)") }
                let listed: [FeedConfig]
                do { listed = try OPML.feeds(data) } catch { throw CLIError.badInput("feeds import: \(file): \(error)") }
                var fresh: [FeedConfig] = []
                for f in listed where !edit.config.feeds.contains(where: { $0.url == f.url }) && !fresh.contains(where: { $0.url == f.url })
                {
                    fresh.append(f)
                }
                let path = try edit.target()
                let config = try edit.apply(to: path) { text in
                    var t = text ?? "# Feeds added with `diplowatch feeds add` and `feeds import`.\n"
                    for f in fresh {
                        if !t.hasSuffix("\n") { t += "\n" }
                        t += "\n" + FeedsFile.toml(f)
                    }
                    return t
                }
                let skipped = listed.count - fresh.count
                edit.done(
                    "imported \(fresh.count) of \(listed.count) feeds into \(shortPath(path, config: config))"
                        + (skipped > 0 ? " (\(skipped) already configured)" : ""), config: config)
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print every configured feed as OPML 2.0, names and folders kept.")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await reporting {
                let config = try global.loadConfig()
                print(OPML.document(config.feeds, title: "DiploWatch feeds"), terminator: "")
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a feed, by name or URL, from the included feeds file.")
        @OptionGroup var global: GlobalOptions

        @Argument(help: "The feed's name or URL.")
        var feed: String

        func run() async throws {
            try await reporting {
                let edit = try FeedsEdit(global: global, command: "feeds remove")
                for path in ConfigLoader.includedFiles(of: edit.config) {
                    guard let text = try? String(contentsOfFile: path, encoding: .utf8),
                        let block = FeedsFile.blocks(in: text).first(where: { $0.url == feed || $0.name == feed })
                    else { continue }
                    let config = try edit.apply(to: path) { _ in FeedsFile.removing(block, from: text) }
                    edit.done("removed \"\(block.name ?? block.url ?? feed)\" from \(shortPath(path, config: config))", config: config)
                    return
                }
                if let source = edit.config.source, let text = try? String(contentsOfFile: source, encoding: .utf8),
                    let block = FeedsFile.blocks(in: text).first(where: { $0.url == feed || $0.name == feed })
                {
                    throw CLIError.badInput(
                        "feeds remove: \"\(feed)\" is in \(source) itself, at line \(block.lines.lowerBound + 1); remove it there (the config is never rewritten)"
                    )
                }
                throw CLIError.badInput("feeds remove: no configured feed is named \"\(feed)\" or has that URL")
            }
        }
    }
}

import Foundation
import TOML

#if canImport(Glibc)
    import Glibc
#endif

extension ConfigLoader {
    /// The files `[daemon] include` names, in order: each glob relative to the config's directory,
    /// its matches sorted. A pattern that matches nothing is not an error (an empty `feeds.d`).
    public static func includedFiles(of config: Config) -> [String] {
        guard let source = config.source else { return [] }
        let dir = directory(of: source)
        var files: [String] = []
        for pattern in config.daemon.include {
            let full = pattern.hasPrefix("/") ? pattern : dir + "/" + pattern
            var g = glob_t()
            defer { globfree(&g) }
            guard glob(full, 0, nil, &g) == 0 else { continue }
            var matches: [String] = []
            for i in 0..<Int(g.gl_pathc) { if let p = g.gl_pathv[i] { matches.append(String(cString: p)) } }
            for m in matches.sorted() where !files.contains(m) { files.append(m) }
        }
        return files
    }

    /// Reads the `[[feeds]]` of every included file into `config`. An included file holds feeds
    /// only; its problems are named by its own file and line, like the config's.
    static func addIncludedFeeds(to config: inout Config, file: String, text own: String) throws(ConfigError) {
        let files = includedFiles(of: config)
        guard !files.isEmpty else { return }
        var problems: [ConfigProblem] = []
        // The line of the include key in the config itself, for a file it names that cannot be read.
        let includeLine =
            own.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("include") }.map { $0 + 1 } ?? 1
        var urls = Set(config.feeds.map(\.url))
        for path in files {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                problems.append(
                    ConfigProblem(
                        file: file, line: includeLine, key: "daemon.include", message: "cannot read \(path), which it includes"))
                continue
            }
            let document = try? TOMLDocument(parsing: text)
            let lines = KeyLines(document?.lines ?? [:])
            if let root = document?.root {
                for key in root.keys where key != "feeds" {
                    problems.append(
                        ConfigProblem(
                            file: path, line: lines.line(of: key), key: key, message: "an included file holds [[feeds]] tables only"))
                }
            }
            var included: Config
            do {
                included = try parse(text, file: path)
            } catch {
                problems += error.problems
                continue
            }
            included.resolvePaths(relativeTo: directory(of: path))
            for (i, feed) in included.feeds.enumerated() {
                if !urls.insert(feed.url).inserted {
                    problems.append(
                        ConfigProblem(
                            file: path, line: lines.line(of: "feeds[\(i)].url"), key: "feeds[\(i)].url",
                            message: "duplicate feed \(feed.url)"))
                } else {
                    config.feeds.append(feed)
                }
            }
        }
        if !problems.isEmpty { throw ConfigError(problems: problems) }
    }
}

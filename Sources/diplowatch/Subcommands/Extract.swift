import ArgumentParser
import DiploWatch
import Extraction
import Foundation

struct Extract: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract developments from an article JSON file ({\"title\", \"text\", \"published\", \"url\"}).")

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Print {\"developments\": [...]} as JSON (the default is one line per development).")
    var json = false

    @Argument(help: "The article JSON file, or - for standard input.")
    var file: String

    func run() async throws {
        try await reporting { try extract() }
    }

    private func extract() throws {
        let data: Data
        do {
            data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw CLIError.badInput("extract: cannot read \(file): \(error.localizedDescription)")
        }
        let article: Article
        do {
            article = try JSONDecoder().decode(Article.self, from: data)
        } catch {
            throw CLIError.badInput("extract: \(file) is not an article JSON object with a \"text\" field")
        }
        let lexicon = global.config == nil ? Lexicon.builtIn : try global.loadConfig().lexicon
        let developments = Extractor(lexicon: lexicon).extract(article)
        if json {
            print(try JSONOutput.string(["developments": developments]))
        } else {
            for d in developments { print(TerminalText.safe(DevelopmentFormatter.line(d))) }
        }
    }
}

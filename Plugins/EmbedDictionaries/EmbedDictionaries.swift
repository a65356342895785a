import Foundation
import PackagePlugin

/// Compiles the extractor's plain-text dictionaries (`Sources/Extraction/Dictionaries/*.txt`) into
/// the binary, so they are readable data in the repository and need no files at run time.
@main
struct EmbedDictionaries: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let directory = target.directoryURL.appending(path: "Dictionaries")
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedDictionaries.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) extractor dictionaries",
                executable: try context.tool(named: "EmbedTool").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output])
        ]
    }
}

/// The trained stages run in order on a sentence's tokens: tag, lemmatize, parse.
struct Pipeline: Sendable {
    init(reading bytes: UnsafeRawBufferPointer) throws {
        throw ModelFileError.badMagic
    }

    func annotate(_ tokens: inout [SyntaxToken]) {}
}

/// Why a model file could not be read.
enum ModelFileError: Error {
    case badMagic
}

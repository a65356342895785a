import Foundation

FileHandle.standardError.write(Data("SyntaxTrain: not written yet\n".utf8))
exit(1)

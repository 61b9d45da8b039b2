import Foundation
import TaroNet

// Argument parsing and dispatch only; the work lives in the libraries.

let arguments = Array(CommandLine.arguments.dropFirst())

switch arguments.first {
case "--help", "-h", "help":
    print(HelpText.usage)
    exit(0)
case "--version", "-V":
    print(TaroVersion.full)
    exit(0)
default:
    FileHandle.standardError.write(Data("taro-tui: unknown arguments: \(arguments.joined(separator: " "))\n\(HelpText.short)\n".utf8))
    exit(2)
}

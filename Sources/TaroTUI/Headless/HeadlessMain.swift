import Foundation

/// The same binary without a screen: `get`, `upload`, `request`. Exit
/// status 0 when every transfer succeeded, 1 when any failed, 2 for usage
/// errors; each failure is explained in one line on stderr.
public enum HeadlessMain {
    public static let commands: Set<String> = ["get", "upload", "request"]

    public static func run(command: String, arguments: [String]) -> Int32 {
        // One malloc arena here too, before any thread starts (see
        // MallocArenas): the engine thread's own arena kept 0.25 MiB more
        // resident at W7's peak than sharing the main one did.
        MallocArenas.useOne()
        do {
            switch command {
            case "get": return try GetCommand.run(arguments)
            case "upload": return try UploadCommand.run(arguments)
            case "request": return try RequestCommand.run(arguments)
            default: throw UsageError(description: "unknown command \(command)")
            }
        } catch let error as UsageError {
            FileHandle.standardError.write(Data("taro-tui \(command): \(error.description)\nTry 'taro-tui --help'.\n".utf8))
            return 2
        } catch let error as WireFlags.OptionError {
            FileHandle.standardError.write(Data("taro-tui \(command): \(error.description)\nTry 'taro-tui --help'.\n".utf8))
            return 2
        } catch {
            FileHandle.standardError.write(Data("taro-tui \(command): \(error)\n".utf8))
            return 1
        }
    }
}

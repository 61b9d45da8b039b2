import TaroNet

/// The dispatch table: aria2's method names to what answers them. One
/// place to see which of aria2's methods exist here; `system.multicall`
/// is the service's own (it calls back into this table).
enum Aria2Methods {
    typealias Handler = @Sendable (Aria2Service, Aria2Params) throws -> JSONValue

    static let table: [String: Handler] = [
        "aria2.addUri": { try $0.addUri($1) },
        "aria2.remove": { try $0.remove($1) },
        "aria2.forceRemove": { try $0.remove($1) },
        "aria2.pause": { try $0.pause($1) },
        "aria2.forcePause": { try $0.pause($1) },
        "aria2.pauseAll": { service, _ in service.pauseAll() },
        "aria2.forcePauseAll": { service, _ in service.pauseAll() },
        "aria2.unpause": { try $0.unpause($1) },
        "aria2.unpauseAll": { service, _ in service.unpauseAll() },
        "aria2.changePosition": { try $0.changePosition($1) },
        "aria2.tellStatus": { try $0.tellStatus($1) },
        "aria2.getUris": { try $0.getUris($1) },
        "aria2.getFiles": { try $0.getFiles($1) },
        "aria2.getServers": { try $0.getServers($1) },
        "aria2.tellActive": { try $0.tellActive($1) },
        "aria2.tellWaiting": { try $0.tellWaiting($1) },
        "aria2.tellStopped": { try $0.tellStopped($1) },
        "aria2.getOption": { try $0.getOption($1) },
        "aria2.changeOption": { try $0.changeOption($1) },
        "aria2.getGlobalOption": { service, _ in service.getGlobalOption() },
        "aria2.changeGlobalOption": { try $0.changeGlobalOption($1) },
        "aria2.getGlobalStat": { service, _ in service.getGlobalStat() },
        "aria2.purgeDownloadResult": { service, _ in service.purgeDownloadResult() },
        "aria2.removeDownloadResult": { try $0.removeDownloadResult($1) },
        "aria2.getVersion": { service, _ in service.getVersion() },
        "aria2.getSessionInfo": { service, _ in .object(["sessionId": .string(service.sessionID)]) },
        "aria2.addTorrent": { _, _ in throw unsupported("BitTorrent") },
        "aria2.addMetalink": { _, _ in throw unsupported("Metalink") },
        "aria2.getPeers": { _, _ in throw unsupported("BitTorrent") },
        "system.listMethods": { _, _ in .array(names.map(JSONValue.string)) },
        "system.listNotifications": { _, _ in .array([]) },
    ]

    /// Methods aria2 answers without the secret: they reveal nothing.
    static let withoutToken: Set<String> = ["system.listMethods", "system.listNotifications"]

    /// Every method, in the order aria2's manual lists them.
    static let names: [String] = [
        "aria2.addUri", "aria2.addTorrent", "aria2.getPeers", "aria2.addMetalink", "aria2.remove",
        "aria2.pause", "aria2.forcePause", "aria2.pauseAll", "aria2.forcePauseAll", "aria2.unpause",
        "aria2.unpauseAll", "aria2.forceRemove", "aria2.changePosition", "aria2.tellStatus", "aria2.getUris",
        "aria2.getFiles", "aria2.getServers", "aria2.tellActive", "aria2.tellWaiting", "aria2.tellStopped",
        "aria2.getOption", "aria2.changeOption", "aria2.getGlobalOption", "aria2.changeGlobalOption",
        "aria2.purgeDownloadResult", "aria2.removeDownloadResult", "aria2.getVersion", "aria2.getSessionInfo",
        "aria2.getGlobalStat", "system.multicall", "system.listMethods", "system.listNotifications",
    ]

    /// What aria2 built without a feature answers, in its words.
    static func unsupported(_ feature: String) -> RPCError {
        RPCError("\(feature) support is disabled in this build")
    }
}

/// A saved unfinished transfer that the current run has not taken up. Its
/// record stays in the state directory untouched: a run never drops what
/// another run left, it only says that it is there.
public struct UnclaimedTransfer: Sendable, Equatable {
    public let kind: TransferSnapshot.Kind
    /// Without userinfo: this is shown.
    public let url: String
    /// The download's destination or the upload's source, canonical.
    public let localPath: String
    /// What its .part held when it was last saved.
    public let bytesDone: Int64

    init(_ record: StoredTransfer) {
        kind = record.request.kind
        url = URLRedaction.withoutUserinfo(record.request.url)
        localPath = record.request.localPath
        bytesDone = record.resume?.bytesOnDisk ?? 0
    }
}

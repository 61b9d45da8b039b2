/// Counts and hashes an upload as it streams through. For multipart bodies
/// it hashes only the first part that carries a filename (the file) and
/// keeps the small named fields as text.
final class UploadSink: MultipartPartHandler {
    private enum CurrentPart {
        case file
        case field(String)
        case ignored
    }

    private var hasher = SHA256()
    private(set) var byteCount: Int64 = 0
    private(set) var fileName: String?
    private(set) var fieldName: String?
    private(set) var formFields: [String: String] = [:]
    private var sawFile = false
    private var current = CurrentPart.ignored
    private var fieldValue: [UInt8] = []

    /// Field values beyond this are truncated: fields are for small metadata.
    private static let fieldLimit = 1 << 20

    var sha256: String { SHA256.hex(hasher.finalize()) }

    /// Raw (non-multipart) body bytes: all of them count.
    func consume(_ bytes: UnsafeRawBufferPointer) {
        hasher.update(bytes)
        byteCount += Int64(bytes.count)
    }

    func partBegan(_ headers: MultipartPartHeaders) {
        if let name = headers.fileName, !sawFile {
            sawFile = true
            fileName = name
            fieldName = headers.name
            current = .file
        } else if headers.fileName == nil, let name = headers.name {
            current = .field(name)
            fieldValue = []
        } else {
            current = .ignored
        }
    }

    func partContent(_ bytes: UnsafeRawBufferPointer) {
        switch current {
        case .file:
            consume(bytes)
        case .field:
            let room = max(0, Self.fieldLimit - fieldValue.count)
            fieldValue.append(contentsOf: bytes.prefix(room))
        case .ignored:
            break
        }
    }

    func partEnded() {
        if case .field(let name) = current {
            formFields[name] = String(decoding: fieldValue, as: UTF8.self)
        }
        current = .ignored
    }

    func record(kind: UploadRecord.Kind) -> UploadRecord {
        UploadRecord(kind: kind, bytes: byteCount, sha256: sha256, fileName: fileName,
                     fieldName: fieldName, formFields: formFields)
    }
}

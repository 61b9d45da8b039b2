/// What the `/upload` sink measured for one request: how many bytes of file
/// content arrived and their SHA-256, so an upload can be checked end to end
/// without the server ever holding the file.
public struct UploadRecord: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case put
        case multipart
        /// A non-multipart body sent with another method, e.g. `POST` with
        /// `application/octet-stream`.
        case raw(String)
    }

    public var kind: Kind
    /// Body bytes for put/raw; for multipart only the file part's content,
    /// without boundaries and part headers.
    public var bytes: Int64
    /// Lowercase hexadecimal SHA-256 of the same bytes.
    public var sha256: String
    /// The `filename` of the multipart file part, if any.
    public var fileName: String?
    /// The `name` of the multipart file part, if any.
    public var fieldName: String?
    /// The multipart parts without a filename, by name.
    public var formFields: [String: String]

    public init(kind: Kind, bytes: Int64, sha256: String, fileName: String? = nil,
                fieldName: String? = nil, formFields: [String: String] = [:]) {
        self.kind = kind
        self.bytes = bytes
        self.sha256 = sha256
        self.fileName = fileName
        self.fieldName = fieldName
        self.formFields = formFields
    }
}

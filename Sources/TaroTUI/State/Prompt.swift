/// A question on the bottom line and the answer being typed.
public struct Prompt: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        /// `a`: the URL to download into the download directory.
        case downloadURL
        /// `u`, first step: the local file to upload.
        case uploadFile
        /// `u`, second step: where to upload the chosen file.
        case uploadURL(filePath: String)
        /// `/`: the filter, applied to the list as it is typed.
        case filter
    }

    public var purpose: Purpose
    public var editor: LineEditor

    public init(purpose: Purpose, text: String = "") {
        self.purpose = purpose
        self.editor = LineEditor(text)
    }

    /// The label shown before the text.
    public var label: String {
        switch purpose {
        case .downloadURL: return "Download URL: "
        case .uploadFile: return "Upload file: "
        case .uploadURL: return "Upload to URL: "
        case .filter: return "Filter (state:failed host:NAME text): "
        }
    }
}

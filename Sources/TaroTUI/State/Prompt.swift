/// A question on the bottom line and the answer being typed.
public struct Prompt: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        /// `a`: the URL to download into the download directory.
        case downloadURL
        /// `u`, first step: the local file to upload.
        case uploadFile
        /// `u`, second step: where to upload the chosen file.
        case uploadURL(filePath: String)
        /// `l`: the global rate limits, "DOWN" or "DOWN/UP".
        case globalRate
        /// `L`: the selected transfer's own cap.
        case transferRate(id: UInt64, name: String)
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
        case .globalRate: return "Rate limit for all, down[/up] (2M, 512k/100k, 0 = none): "
        case .transferRate: return "Rate limit for this transfer (2M, 512k, 0 = none): "
        case .filter: return "Filter (state:failed host:NAME text): "
        }
    }
}

/// The version of TaroNet and the taro-tui program.
public enum TaroVersion {
    public static let string = "0.1.0"

    /// "taro-tui 0.1.0 (libcurl/7.88.1 OpenSSL/…)", for --version.
    public static var full: String {
        "taro-tui \(string) (\(CurlGlobal.versionDescription))"
    }
}

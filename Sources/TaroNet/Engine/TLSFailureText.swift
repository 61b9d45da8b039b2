/// What a person should read when a server's certificate fails the check:
/// curl's own words say what went wrong, not what to do about it.
enum TLSFailureText {
    /// "SSL certificate problem: self-signed certificate" → a sentence that
    /// names the cause and both ways out.
    static func untrusted(_ detail: String) -> String {
        "the server's certificate is not trusted (\(detail)); "
            + "pass the CA that signed it with --cacert FILE, or skip the check with --insecure"
    }

    static func unreadableCA(_ detail: String) -> String {
        "cannot use the CA certificates given with --cacert/--capath (\(detail))"
    }
}

import Glibc

/// Whether the user's locale can show UTF-8. Under any other codeset wide
/// text comes out mangled, so the screen falls back to ASCII.
enum LocaleCodeset {
    /// Adopts the environment's locale (as curses needs before `initscr`)
    /// and reports whether its codeset is UTF-8.
    static func isUTF8() -> Bool {
        _ = setlocale(LC_ALL, "")
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).lowercased()
        return name == "utf-8" || name == "utf8"
    }
}

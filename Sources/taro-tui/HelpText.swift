/// The text of `taro-tui --help`.
enum HelpText {
    static let short = "Try 'taro-tui --help'."

    static let usage = """
    taro-tui — a terminal transfer manager on libcurl

    Usage:
      taro-tui --help            this text
      taro-tui --version         version of taro-tui and libcurl
    """
}

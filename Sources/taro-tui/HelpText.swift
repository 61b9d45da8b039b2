import Foundation
import TaroTUI

/// The text of `taro-tui --help`: every command, option and key.
enum HelpText {
    static let short = "Try 'taro-tui --help'."

    static var usage: String {
        var text = """
        taro-tui — a terminal transfer manager on libcurl

        Usage:
          taro-tui [options] [URL ...]     the full-screen manager; URLs are queued at once
          taro-tui [options] -i LIST|-     the same, queueing every URL of a list (or of stdin)
          taro-tui --demo                  the manager on a built-in loopback server, no network needed
          taro-tui get [options] URL ...   download without a screen
          taro-tui upload [options] FILE URL
          taro-tui request [options] URL   print a response body
          taro-tui serve [--port N]        run the built-in test server (for trying things and benchmarks)
          taro-tui --help | --version

        Options of the manager:
          -d, --dir DIR          download directory (default: the current one)
          -j, --jobs N           transfers at once, 1–256 (default 4; + and - change it live)
          -i, --input LIST       queue every URL of LIST, one per line (blank and # lines skipped),
                                 read while the screen is already live; - reads stdin when it is
                                 not the terminal (producer | taro-tui -i -), keys then come from
                                 /dev/tty. A line may end in a checksum: URL<TAB>sha256=HEX
          --state-dir DIR        where unfinished transfers are kept (default
                                 $XDG_STATE_HOME/taro-tui, else ~/.local/state/taro-tui);
                                 one process per directory
          --retries N            retries of a transient failure (default 7)
          --max-size BYTES       fail a download whose body is larger (default: no limit)

        get [-d DIR] [-o FILE] [-j N] [-s N] [-i LIST|-] [-H 'K: V']... [--json]
            [--state-dir DIR | --no-state] [--retries N] [--max-size BYTES] [--checksum ALG=HEX] URL...
          -o FILE                name the file of a single URL (never replaces an existing file)
          -s N                   fetch each file over N connections when the server allows ranges
          -i LIST                read URLs one per line from a file, or - for stdin (streamed);
                                 a line may carry its checksum: URL<TAB>sha256=HEX
          --checksum ALG=HEX     the single URL's file must hash to this (sha256, sha512 or md5);
                                 a mismatch fails it and leaves the bytes as NAME.part
          -H 'Name: value'       add a request header
          --json                 one JSON object per event per line on stdout
          --no-state             keep nothing for resuming after a crash
          Run the same command again after an interruption (Ctrl-C, SIGTERM, SIGHUP save and exit
          128+signal; a kill -9 loses at most the last quarter second): downloads continue from
          their .part, whatever the spelling of -d/-o (relative, ./, .., ~, a symlink). Unfinished
          transfers of other runs in the state directory are kept and named on stderr, each with
          the command that continues it.

        upload [--put] [--name FIELD] [--form K=V]... [-H 'K: V']... [--json] FILE URL
          multipart/form-data POST with the file under FIELD (default "file"), or --put for a raw PUT

        request [-X METHOD] [-H 'K: V']... [--data BODY] [-i] URL
          prints the body (escaped on a terminal); -i prints the status line and headers first

        Integrity: a download with a checksum, or whose server sends Repr-Digest or Digest
        (sha-256, sha-512, md5), is hashed while it arrives and gets its final name only when it
        matches; the list then shows "done ✓".

        Exit status: 0 when every transfer succeeded, 1 when any failed, 2 for usage errors,
        128 + the signal when interrupted (130 for Ctrl-C).
        Environment: NO_COLOR turns colours off; TARO_TUI_LOG=FILE keeps stderr while the screen is in use;
        TARO_TUI_TICK_LOG=FILE writes each screen tick's duration there at exit (for benchmarks).

        Keys:
        """
        for section in KeyHelp.sections {
            text += "\n  \(section.title)\n"
            for entry in section.entries {
                text += "    " + entry.keys.padding(toLength: 16, withPad: " ", startingAt: 0) + entry.action + "\n"
            }
        }
        return text
    }
}

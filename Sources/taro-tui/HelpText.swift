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
                                 /dev/tty
          --state-dir DIR        where unfinished transfers are kept (default
                                 $XDG_STATE_HOME/taro-tui, else ~/.local/state/taro-tui);
                                 one process per directory
          --retries N            retries of a transient failure (default 7)
          --max-size BYTES       fail a download whose body is larger (default: no limit)

        Rate options (the manager, get and upload); RATE is bytes per second with curl's
        suffixes k, m, g (powers of 1024): 2M, 512k; 0 for none:
          --limit-rate RATE          all downloads together, shared fairly (l changes it live)
          --limit-rate-up RATE       all uploads together
          --limit-rate-each RATE     each download (L changes one transfer's live)
          --limit-rate-up-each RATE  each upload
          --per-host N               transfers at once to one host (default: as many as -j)

        get [-d DIR] [-o FILE] [-j N] [-s N] [-i LIST|-] [-H 'K: V']... [--json]
            [--state-dir DIR | --no-state] [--retries N] [--max-size BYTES] [rate options] URL...
          -o FILE                name the file of a single URL (never replaces an existing file)
          -s N                   fetch each file over N connections when the server allows ranges
          -i LIST                read URLs one per line from a file, or - for stdin (streamed)
          -H 'Name: value'       add a request header
          --json                 one JSON object per event per line on stdout
          --no-state             keep nothing for resuming after a crash
          Run the same command again after an interruption: downloads continue from their .part.

        upload [--put] [--name FIELD] [--form K=V]... [-H 'K: V']... [--json] [rate options] FILE URL
          multipart/form-data POST with the file under FIELD (default "file"), or --put for a raw PUT

        request [-X METHOD] [-H 'K: V']... [--data BODY] [-i] URL
          prints the body (escaped on a terminal); -i prints the status line and headers first

        Exit status: 0 when every transfer succeeded, 1 when any failed, 2 for usage errors.
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

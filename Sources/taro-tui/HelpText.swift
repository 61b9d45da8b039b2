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

        get [-d DIR] [-o FILE] [-j N] [-s N] [-i LIST|-] [-H 'K: V']... [--json]
            [--state-dir DIR | --no-state] [--retries N] [--max-size BYTES] URL...
          -o FILE                name the file of a single URL (never replaces an existing file)
          -s N                   fetch each file over N connections when the server allows ranges
          -i LIST                read URLs one per line from a file, or - for stdin (streamed)
          -H 'Name: value'       add a request header
          --json                 one JSON object per event per line on stdout
          --no-state             keep nothing for resuming after a crash
          Run the same command again after an interruption: downloads continue from their .part.

        upload [--put] [--name FIELD] [--form K=V]... [-H 'K: V']... [--json] FILE URL
          multipart/form-data POST with the file under FIELD (default "file"), or --put for a raw PUT

        request [-X METHOD] [-H 'K: V']... [--data BODY] [-i] URL
          prints the body (escaped on a terminal); -i prints the status line and headers first

        Network options (the manager, get, upload and request; defaults from the config file):
          --cacert FILE          trust the CA certificates in FILE (PEM)
          --capath DIR           trust the hashed CA certificates in DIR
          -k, --insecure         do not check the server's certificate (marked on every row and in
                                 the pane; never the default)
          --proxy URL            use this proxy ("" for none); --noproxy HOSTS skips it for HOSTS
          -u, --user USER:PASS   credentials for the server; never shown, never saved, never sent on
                                 to another host, port or scheme after a redirect
          --netrc, --netrc-file FILE
                                 credentials from ~/.netrc or FILE for hosts that have none
          -b, --cookie DATA|FILE send cookies ("k=v; k2=v2") or those in a cookie file
          -c, --cookie-jar FILE  write every cookie known at the end to FILE
          -A, --user-agent NAME  the User-Agent sent (default taro-tui/VERSION)
          --connect-timeout S    give up connecting after S seconds
          --http1.1, --http2     speak this HTTP version (default: HTTP/2 over TLS when offered)
          --segment-connections  each segment of -s N on a connection of its own, also over HTTP/2
                                 (where they are otherwise streams of one connection)
          --max-host-connections N
                                 connections to one host at most (default: no cap; HTTP/2 runs
                                 the transfers of one host as streams of one connection)
          Config file: $XDG_CONFIG_HOME/taro-tui/config (else ~/.config/taro-tui/config), one long
          option a line without its dashes ("cacert = /path", "insecure"); # starts a comment.
          A bad line is named by its number and nothing starts.

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

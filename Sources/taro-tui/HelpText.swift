import Foundation
import TaroTUI

/// The text of `taro-tui --help`: every command, option and key.
enum HelpText {
    static let short = "Try 'taro-tui --help'."

    /// With `keys`, the key list says what the config file bound.
    static func usage(keys: KeyTable = .standard) -> String {
        var text = """
        taro-tui — a terminal transfer manager on libcurl

        Usage:
          taro-tui [options] [URL ...]     the full-screen manager; URLs are queued at once
          taro-tui [options] -i LIST|-     the same, queueing every URL of a list (or of stdin)
          taro-tui --demo                  the manager on a built-in loopback server, no network needed
          taro-tui get [options] URL ...   download without a screen
          taro-tui upload [options] FILE URL
          taro-tui request [options] URL   print a response body
          taro-tui daemon [options] [URL ...]   the manager without a screen, driven over JSON-RPC
          taro-tui add [-d DIR] [-o NAME] URL ...   hand URLs to the running instance (--rpc or daemon)
          taro-tui ls [--json]             list the running instance's transfers
          taro-tui pause|resume|abort ID   act on one of them (ID as ls shows it)
                                           (these find the instance by --state-dir DIR's rpc.json,
                                           or by --rpc-port N and --rpc-secret S)
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
          --retries N            retries of a transient failure (default 7); get says each on
                                 stderr as it happens; 0 fails at once
          --max-size BYTES       fail a download whose body is larger (default: no limit)
          --notify bell|osc9|osc777|off
                                 when the queue empties: ring the bell, or a desktop
                                 notification by OSC 9 or OSC 777 (default off; config: notify = …)
          --no-title             leave the terminal title alone (by default it shows the
                                 progress: "taro-tui 40% · 12/30 done · 2.1 MiB/s")

        Rate options (the manager, get and upload); RATE is bytes per second with curl's
        suffixes k, m, g (powers of 1024): 2M, 512k; 0 for none:
          --limit-rate RATE          all downloads together, shared fairly (l changes it live)
          --limit-rate-up RATE       all uploads together
          --limit-rate-each RATE     each download (L changes one transfer's live)
          --limit-rate-up-each RATE  each upload
          --per-host N               transfers at once to one host (default: as many as -j)

        Remote control (aria2's JSON-RPC at http://127.0.0.1:PORT/jsonrpc):
          --rpc                  turn it on (always on for daemon); the footer shows the port
          --rpc-port N           port (default 6800; 0 for any free one)
          --rpc-secret S         the token:S every call needs (default: $TARO_TUI_RPC_SECRET, which
                                 other users cannot read as they can a command line, else
                                 generated); port and secret are in STATE_DIR/rpc.json (0600)
                                 while it runs, which add, ls, pause, resume, abort and a
                                 second `taro-tui URL` read
          --rpc-listen-all       listen on every address, not only loopback
          --rpc-allow-dir DIR    let clients' dir option name DIR too (default: only -d's tree)
          --rpc-max-request-size SIZE   largest request body (default 2M)
          From aria2p:  aria2p --port 6800 --secret S add URL;  aria2p ... show;  aria2p ... pause GID
          From curl:    curl http://127.0.0.1:6800/jsonrpc -d '{"jsonrpc":"2.0","id":"1",
                          "method":"aria2.addUri","params":["token:S",["URL"]]}'

        get [-d DIR] [-o FILE] [-j N] [-s N] [-i LIST|-] [-H 'K: V']... [--json]
            [--state-dir DIR | --no-state] [--retries N] [--max-size BYTES] [--checksum ALG=HEX]
            [--print-curl [--show-secrets]] [rate options] URL...
          -o FILE                name the file of a single URL (never replaces an existing file)
          -s N                   fetch each file over N connections when the server allows ranges
          -i LIST                read URLs one per line from a file, or - for stdin (streamed);
                                 a line may carry its checksum: URL<TAB>sha256=HEX
          --checksum ALG=HEX     the single URL's file must hash to this (sha256, sha512 or md5);
                                 a mismatch fails it and leaves the bytes as NAME.part
          -H 'Name: value'       add a request header
          --json                 one JSON object per event per line on stdout (headers, progress,
                                 retry, done, failed, summary)
          --print-curl           print the curl command for each URL instead of fetching
                                 (a .part of -o FILE is continued with -C -; -u, -b, -k, --proxy
                                 and the other curl-named options passed on); Authorization,
                                 Cookie and credentials show as *** unless --show-secrets
          --no-state             keep nothing for resuming after a crash
          Run the same command again after an interruption (Ctrl-C, SIGTERM, SIGHUP save and exit
          128+signal; a kill -9 loses at most the last quarter second): downloads continue from
          their .part, whatever the spelling of -d/-o (relative, ./, .., ~, a symlink). Unfinished
          transfers of other runs in the state directory are kept and named on stderr, each with
          the command that continues it.

        upload [--put] [--name FIELD] [--form K=V]... [-H 'K: V']... [--json] [rate options] FILE URL
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
          option a line without its dashes ("cacert = /path", "insecure", "notify = bell",
          "no-title"); # starts a comment.
          A bad line is named by its number and nothing starts. "key.abort = X" rebinds a key
          (key.ACTION = KEY [KEY...]; actions and key names in the man page); the keys listed
          below are as bound (the standard ones when the config file is wrong).

        Integrity: a download with a checksum, or whose server sends Repr-Digest or Digest
        (sha-256, sha-512, md5), is hashed while it arrives and gets its final name only when it
        matches; the list then shows "done ✓".

        Exit status: 0 when every transfer succeeded, 1 when any failed, 2 for usage errors,
        128 + the signal when interrupted (130 for Ctrl-C).
        Environment: NO_COLOR turns colours off; TARO_TUI_LOG=FILE keeps stderr while the screen is in use;
        TARO_TUI_TICK_LOG=FILE writes each screen tick's duration there at exit (for benchmarks);
        TARO_LOCK_PROFILE=FILE writes how long each taker waited for and held the transfer list's lock
        there at exit (for benchmarks);
        TARO_TUI_RPC_SECRET=S is the JSON-RPC secret when --rpc-secret is not given.

        Keys:
        """
        for section in KeyHelp.sections(for: keys) {
            text += "\n  \(section.title)\n"
            for entry in section.entries {
                text += "    " + entry.keys.padding(toLength: 16, withPad: " ", startingAt: 0) + entry.action + "\n"
            }
        }
        return text
    }
}

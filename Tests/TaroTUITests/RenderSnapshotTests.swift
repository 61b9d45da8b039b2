import XCTest
import TaroNet
@testable import TaroTUI

/// Whole screens rendered from fixed fixtures, compared as text. Styles
/// (reverse, colour) are not part of the text; StyleTests checks those.
final class RenderSnapshotTests: XCTestCase {
    func testMixedStatesAt40x10() {
        // The narrowest supported screen: size, speed and ETA columns give way to the name and bar;
        // unknown length shows its byte count where the bar would be.
        assertScreen(SnapshotScenes.render(SnapshotScenes.state(10, 40)), #"""
           NAME           PROGRESS     % STATE
        >↓ ubuntu-…64.iso [█▊░░░░░]  26% active
         ↓ 数据集-…タ.bin [██░░░░░]  30% active
         ↓ stream.log     2.3 MiB     ?% active
         ↑ photo.jpg      [░░░░░░░]   0% queued
         ↓ paused.tar.gz  [██▊░░░░]  40% paused
         ↓ done.zip       [███████] 100% done
         ↓ timeout.bin    downloadFile:… failed
         4 active · 13.1 MiB/s · ETA 5m34s+
         a add  x abort  p pause  ? help  q quit
        """#)
    }

    func testMixedStatesAt80x24() {
        // Unknown length: moving block and ?%, never a made-up percentage. The wide name stays aligned.
        assertScreen(SnapshotScenes.render(SnapshotScenes.state(24, 80)), #"""
           NAME             PROGRESS       %              SIZE      SPEED    ETA STATE
        >↓ ubuntu-2…d64.iso [██▎░░░░░░]  26%   1.5 GiB/5.7 GiB 12.5 MiB/s  5m44s active
         ↓ 数据集-デ…タ.bin [██▋░░░░░░]  30%  3.0 MiB/10.0 MiB  512 KiB/s    14s active
         ↓ stream.log       [▓▓▓      ]   ?%         2.3 MiB/?  100 KiB/s        active
         ↑ photo.jpg        [░░░░░░░░░]   0%       0 B/2.0 MiB                   queued
         ↓ paused.tar.gz    [███▌░░░░░]  40%  40.0 MiB/100 MiB                   paused
         ↓ done.zip         [█████████] 100% 12.0 MiB/12.0 MiB                   done
         ↓ timeout.bin      downloadFile:fail timeout                            failed
         ↓ aborted.iso      [███▊░░░░░]  42%   300 MiB/700 MiB                   aborted
         ↓ connecting.dat   [▓▓▓      ]   ?%             0 B/?                   active












         4 active · 1 queued · 1 paused · 1 done · 1 failed · 13.1 MiB/s · ETA 5m34s+
         a add  u upload  x abort  p pause  r retry  d remove  ⏎ headers  ? help  q quit
        """#)
    }

    func testMixedStatesAt200x50() {
        assertScreen(SnapshotScenes.render(SnapshotScenes.state(50, 200)), #"""
           NAME                                                                                                        PROGRESS                                    %              SIZE      SPEED    ETA STATE
        >↓ ubuntu-24.04-desktop-amd64.iso                                                                              [██████████░░░░░░░░░░░░░░░░░░░░░░░░░░░░]  26%   1.5 GiB/5.7 GiB 12.5 MiB/s  5m44s active
         ↓ 数据集-データ.bin                                                                                           [███████████▍░░░░░░░░░░░░░░░░░░░░░░░░░░]  30%  3.0 MiB/10.0 MiB  512 KiB/s    14s active
         ↓ stream.log                                                                                                  [                                  ▓▓▓ ]   ?%         2.3 MiB/?  100 KiB/s        active
         ↑ photo.jpg                                                                                                   [░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░]   0%       0 B/2.0 MiB                   queued
         ↓ paused.tar.gz                                                                                               [███████████████▏░░░░░░░░░░░░░░░░░░░░░░]  40%  40.0 MiB/100 MiB                   paused
         ↓ done.zip                                                                                                    [██████████████████████████████████████] 100% 12.0 MiB/12.0 MiB                   done
         ↓ timeout.bin                                                                                                 downloadFile:fail timeout                                                         failed
         ↓ aborted.iso                                                                                                 [████████████████▎░░░░░░░░░░░░░░░░░░░░░]  42%   300 MiB/700 MiB                   aborted
         ↓ connecting.dat                                                                                              [▓▓▓                                   ]   ?%             0 B/?                   active






































         4 active · 1 queued · 1 paused · 1 done · 1 failed · 1 aborted · 13.1 MiB/s · ETA 5m34s+ · limit 4
         a add  u upload  x abort  p pause  r retry  d remove  ⏎ headers  +/- limit  l rate  ? help  q quit
        """#)
    }

    func testASCIIOnlyAt80x24() {
        // Not a UTF-8 locale: ASCII glyphs, and non-ASCII names escaped rather than mangled.
        assertScreen(SnapshotScenes.render(SnapshotScenes.state(24, 80, ascii: true)), #"""
           NAME             PROGRESS       %              SIZE      SPEED    ETA STATE
        >v ubuntu-2~d64.iso [##-------]  26%   1.5 GiB/5.7 GiB 12.5 MiB/s  5m44s active
         v \u{6570}~bf}.bin [##-------]  30%  3.0 MiB/10.0 MiB  512 KiB/s    14s active
         v stream.log       [<=>      ]   ?%         2.3 MiB/?  100 KiB/s        active
         ^ photo.jpg        [---------]   0%       0 B/2.0 MiB                   queued
         v paused.tar.gz    [###------]  40%  40.0 MiB/100 MiB                   paused
         v done.zip         [#########] 100% 12.0 MiB/12.0 MiB                   done
         v timeout.bin      downloadFile:fail timeout                            failed
         v aborted.iso      [###------]  42%   300 MiB/700 MiB                   aborted
         v connecting.dat   [<=>      ]   ?%             0 B/?                   active












         4 active | 1 queued | 1 paused | 1 done | 1 failed | 13.1 MiB/s | ETA 5m34s+
         a add  x abort  p pause  r retry  d remove  Enter headers  ? help  q quit
        """#)
    }

    func testHeaderPaneAt80x24() {
        // The list keeps the top half; the Authorization value is never shown.
        assertScreen(SnapshotScenes.paneOpen(24, 80), #"""
           NAME             PROGRESS       %              SIZE      SPEED    ETA STATE
         ↓ ubuntu-2…d64.iso [██▎░░░░░░]  26%   1.5 GiB/5.7 GiB 12.5 MiB/s  5m44s active
         ↓ 数据集-デ…タ.bin [██▋░░░░░░]  30%  3.0 MiB/10.0 MiB  512 KiB/s    14s active
         ↓ stream.log       [▓▓▓      ]   ?%         2.3 MiB/?  100 KiB/s        active
         ↑ photo.jpg        [░░░░░░░░░]   0%       0 B/2.0 MiB                   queued
         ↓ paused.tar.gz    [███▌░░░░░]  40%  40.0 MiB/100 MiB                   paused
        >↓ done.zip         [█████████] 100% 12.0 MiB/12.0 MiB                   done
         ↓ timeout.bin      downloadFile:fail timeout                            failed
         ↓ aborted.iso      [███▊░░░░░]  42%   300 MiB/700 MiB                   aborted
         ↓ connecting.dat   [▓▓▓      ]   ?%             0 B/?                   active

        ─ Headers: done.zip ────────────────────────────────────────────────── 1-10/23 ─
        Name           done.zip
        URL            https://example.com/files/6
        File           /tmp/x/done.zip
        State          done

        GET /files/6 HTTP/1.1
        Host: example.com
        Authorization: (hidden)
        Accept: */*

         4 active · 1 queued · 1 paused · 1 done · 1 failed · 13.1 MiB/s · ETA 5m34s+
         a add  u upload  x abort  p pause  r retry  d remove  ⏎ headers  ? help  q quit
        """#)
    }

    func testHeaderPaneFocusedAt40x10() {
        assertScreen(SnapshotScenes.paneOpen(10, 40, focus: .pane), #"""
           NAME           PROGRESS     % STATE
         ↑ photo.jpg      [░░░░░░░]   0% queued
         ↓ paused.tar.gz  [██▊░░░░]  40% paused
        >↓ done.zip       [███████] 100% done
          Headers: done.zip             1-3/26
        Name           done.zip
        URL            https://example.com/file
         s/6
         4 active · 13.1 MiB/s · ETA 5m34s+
         a add  x abort  p pause  ? help  q quit
        """#)
    }

    func testASavedRowSaysItIsNotInThisRunAndHowToActAt80x6() {
        let items = [Fixtures.item(1, "mine.iso", .active, done: 3 * Fixtures.MiB, total: 10 * Fixtures.MiB),
                     Fixtures.item(2, "other.bin", .saved, done: Fixtures.MiB, total: 4 * Fixtures.MiB)]
        // Not this run's work: outside the ETA and the quit question, counted apart.
        assertScreen(SnapshotScenes.render(SnapshotScenes.state(6, 80), items), #"""
           NAME             PROGRESS       %              SIZE      SPEED    ETA STATE
        >↓ mine.iso         [██▋░░░░░░]  30%  3.0 MiB/10.0 MiB                   active
         ↓ other.bin        saved, not in this run: p continues, d discards      saved

         1 active · 0 queued · 0 done · 0 failed · 1 saved · 0 B/s · ETA ? · limit 4
         a add  u upload  x abort  p pause  r retry  d remove  ⏎ headers  ? help  q quit
        """#)
    }

    func testHelpAt80x24() {
        assertScreen(SnapshotScenes.help(24, 80), #"""
         taro-tui keys · Space pages · any other key closes this screen
        Transfers
          a              download a URL; 'URL sha256=HEX' also checks the file
          u              upload a file (asks for the file, then the URL)
          x              abort the selected transfer
          p              pause or resume; continue one saved by another run
          r              retry a failed or aborted transfer
          d              remove a finished or saved transfer (its file or .part stays)
          Space          mark the row (and move on); again: unmark
          *              mark all shown (again: unmark)
          K              in queue order: move a waiting transfer up
          J              in queue order: move a waiting transfer down
          T              in queue order: to the top (next to start)
          B              in queue order: to the bottom
          + =            raise the number of simultaneous transfers
          - _            lower the number of simultaneous transfers
          l              limit the rate of all transfers: 2M, or down/up 2M/512k
          L              limit the rate of the selected transfer
          C              copy the selected download as a curl command (secrets ***)
          x p r d        with rows marked: act on every marked row (many aborts ask y)

        Moving
         4 active · 1 queued · 1 paused · 1 done · 1 failed · 13.1 MiB/s · ETA 5m34s+
         a add  u upload  x abort  p pause  r retry  d remove  ⏎ headers  ? help  q quit
        """#)
    }

    func testHelpAt40x10() {
        assertScreen(SnapshotScenes.help(10, 40), #"""
         taro-tui keys · Space pages · any othe…
        Transfers
          a              download a URL; 'URL s…
          u              upload a file (asks fo…
          x              abort the selected tra…
          p              pause or resume; conti…
          r              retry a failed or abor…
          d              remove a finished or s…
         4 active · 13.1 MiB/s · ETA 5m34s+
         a add  x abort  p pause  ? help  q quit
        """#)
    }

    func testPromptWithTextAt40x10() {
        // The text scrolls horizontally so the cursor (after the text) stays on screen.
        assertScreen(SnapshotScenes.prompt(10, 40, text: "https://example.com/数据/file.bin"), #"""
           NAME           PROGRESS     % STATE
        >↓ ubuntu-…64.iso [█▊░░░░░]  26% active
         ↓ 数据集-…タ.bin [██░░░░░]  30% active
         ↓ stream.log     2.3 MiB     ?% active
         ↑ photo.jpg      [░░░░░░░]   0% queued
         ↓ paused.tar.gz  [██▊░░░░]  40% paused
         ↓ done.zip       [███████] 100% done
         ↓ timeout.bin    downloadFile:… failed
         4 active · 13.1 MiB/s · ETA 5m34s+
        Download URL: example.com/数据/file.bin
        """#)
    }

    func testQuitQuestionAt80x24() {
        assertScreen(SnapshotScenes.quitQuestion(24, 80), #"""
           NAME             PROGRESS       %              SIZE      SPEED    ETA STATE
        >↓ ubuntu-2…d64.iso [██▎░░░░░░]  26%   1.5 GiB/5.7 GiB 12.5 MiB/s  5m44s active
         ↓ 数据集-デ…タ.bin [██▋░░░░░░]  30%  3.0 MiB/10.0 MiB  512 KiB/s    14s active
         ↓ stream.log       [▓▓▓      ]   ?%         2.3 MiB/?  100 KiB/s        active
         ↑ photo.jpg        [░░░░░░░░░]   0%       0 B/2.0 MiB                   queued
         ↓ paused.tar.gz    [███▌░░░░░]  40%  40.0 MiB/100 MiB                   paused
         ↓ done.zip         [█████████] 100% 12.0 MiB/12.0 MiB                   done
         ↓ timeout.bin      downloadFile:fail timeout                            failed
         ↓ aborted.iso      [███▊░░░░░]  42%   300 MiB/700 MiB                   aborted
         ↓ connecting.dat   [▓▓▓      ]   ?%             0 B/?                   active












         4 active · 1 queued · 1 paused · 1 done · 1 failed · 13.1 MiB/s · ETA 5m34s+
        6 transfers are not finished. Quit anyway? (y/N)
        """#)
    }

    func testEmptyListAt80x24() {
        // A newcomer sees what to press first.
        assertScreen(SnapshotScenes.render(SnapshotScenes.state(24, 80, items: []), []), #"""
           NAME             PROGRESS       %              SIZE      SPEED    ETA STATE
         No transfers yet. Press a to download a URL, u to upload a file, ? for help.




















         0 active · 0 queued · 0 done · 0 failed · 0 B/s · limit 4
         a add  u upload  x abort  p pause  r retry  d remove  ⏎ headers  ? help  q quit
        """#)
    }

    func testTheFooterShowsAnImportInProgressFirst() {
        var state = SnapshotScenes.state(24, 80)
        state.importing = 12_345
        XCTAssertEqual(SnapshotScenes.render(state).lines[22],
                       " importing… 12,345 URLs · 4 active · 1 queued · 1 done · 13.1 MiB/s · ETA 5m34s+")
        state.asciiOnly = true
        XCTAssertTrue(SnapshotScenes.render(state).lines[22].hasPrefix(" importing... 12,345 URLs | 4 active"),
                      SnapshotScenes.render(state).lines[22])
        // On a narrow screen the import stays, before the counts.
        state = SnapshotScenes.state(10, 40)
        state.importing = 7
        XCTAssertEqual(SnapshotScenes.render(state).lines[8], " importing… 7 URLs · 4 active · 1 queued")
    }

    func testTheFooterShowsRemoteControlAndItsPortWhenOn() {
        var state = SnapshotScenes.state(24, 80, items: [])
        XCTAssertFalse(SnapshotScenes.render(state, []).lines[22].contains("RPC"))
        state.rpcPort = 6800
        XCTAssertEqual(SnapshotScenes.render(state, []).lines[22],
                       " 0 active · 0 queued · 0 done · 0 failed · 0 B/s · limit 4 · RPC :6800")
        // On a busy footer it gives way to the counts but not to the limit.
        var busy = SnapshotScenes.state(24, 92)
        busy.rpcPort = 6800
        XCTAssertEqual(SnapshotScenes.render(busy).lines[22],
                       " 4 active · 1 queued · 1 paused · 1 done · 1 failed · 13.1 MiB/s · ETA 5m34s+ · RPC :6800")
    }
}

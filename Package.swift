// swift-tools-version:6.0
import Foundation
import PackageDescription

// Swift 6 language mode (the tools-version default) gives strict concurrency
// checking everywhere; the only dependencies are the toolchain and three system
// C libraries, reached through the shim modules CCurl, CCrypto and CNcursesw. Their
// pkg-config files are not consulted: they only add -D flags SwiftPM rejects
// with a warning, and the headers live on the default include path.
// The functions a run of taro-tui executes (Linker/record-hot-symbols.sh),
// placed first in .text. The kernel maps 64 KiB around each page of code a
// process first touches; spread over 15 MiB of text, the 0.7 MiB a W7 run
// executes kept 7.7 MiB of it resident, gathered 4.1 MiB (W7 peak RSS 30.5
// -> 27.5 MiB). The linker ignores names it no longer finds. SwiftPM does
// not know the file: after changing it, relink (rm .build/release/taro-tui).
let hotSymbols = Context.packageDirectory + "/Linker/hot-symbols.order"
// The Swift driver links libstdc++ (for the runtime and Foundation) with a
// plain -lstdc++, which finds the shared library: 1.5 MiB resident in every
// run (its symbol tables read and relocated by the loader at start), where
// the part of it used is a few hundred KiB of code. A directory searched
// before the compiler's holds a linker script of that name that names the
// static archive instead. -L, not -Xlinker -L: only the driver's own
// search paths come before the compiler's.
let staticCxx = Context.packageDirectory + "/Linker/static-cxx"

let package = Package(
    name: "taro-tui",
    products: [
        .library(name: "TaroNet", targets: ["TaroNet"]),
        .library(name: "TaroServer", targets: ["TaroServer"]),
        .executable(name: "taro-tui", targets: ["taro-tui"]),
    ],
    targets: [
        .systemLibrary(
            name: "CCurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // Message digests (integrity checks, the server's upload hashes).
        .systemLibrary(
            name: "CCrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // Linux calls that need _GNU_SOURCE or are variadic (sync_file_range, prctl).
        .systemLibrary(name: "CSystem"),
        // The lock every module guards its shared state with (a pthread
        // mutex in Thread Sanitizer builds, -DTARO_TSAN; Mutex otherwise),
        // and threads started under names that ps, top -H and perf show.
        .target(name: "TaroSync", dependencies: ["CSystem"]),
        // The allocation hooks curl is initialised with: its receive buffers
        // come from a pool that stays mapped (see its header).
        .target(name: "CReceiveBuffers"),
        .target(name: "TaroNet", dependencies: ["CCurl", "CCrypto", "CReceiveBuffers", "CSystem", "TaroSync"]),
        // The server fills bodies on the hot path; tests run in debug, where
        // that code would be 3x slower than the clients it serves, so it is
        // always optimised. It hashes uploads with libcrypto.
        .target(name: "TaroServer", dependencies: ["CCrypto", "TaroSync"], swiftSettings: [.unsafeFlags(["-O"])]),
        // aria2's JSON-RPC over a small loopback HTTP listener: the remote
        // control of a running manager, and the client the command line uses.
        .target(name: "TaroRPC", dependencies: ["TaroNet", "TaroSync"]),
        .target(name: "TaroTUI", dependencies: ["TaroNet", "TaroRPC", "TaroSync", "CNcursesw", "CSystem"]),
        // Linked by lld with packed relative relocations (DT_RELR, glibc
        // 2.36+): the position-independent binary has 75,000 of them, and
        // as RELA entries (gold's only form) the loader read 1.8 MB of them
        // at every start, resident for the whole run (W7's peak RSS).
        .executableTarget(name: "taro-tui", dependencies: ["TaroNet", "TaroServer", "TaroTUI", "TaroRPC"],
                          linkerSettings: [.unsafeFlags(["-L", staticCxx, "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
                                                        "-Xlinker", "--symbol-ordering-file=" + hotSymbols,
                                                        "-Xlinker", "--no-warn-symbol-ordering"])]),
        .testTarget(name: "TaroNetTests", dependencies: ["TaroNet", "TaroServer", "TaroSync"]),
        .testTarget(name: "TaroServerTests", dependencies: ["TaroServer"]),
        .testTarget(name: "TaroTUITests", dependencies: ["TaroTUI", "TaroNet", "TaroServer", "TaroSync"]),
        .testTarget(name: "TaroRPCTests", dependencies: ["TaroRPC", "TaroNet", "TaroServer", "TaroSync"]),
    ]
)

// The libFuzzer targets (`make fuzz`): declared only when TARO_FUZZ is set,
// so that the normal build never compiles them; they are built with
// `-sanitize=fuzzer,address` into a build directory of their own.
if ProcessInfo.processInfo.environment["TARO_FUZZ"] != nil {
    package.targets.append(.executableTarget(name: "taro-fuzz", dependencies: ["TaroNet", "TaroTUI"], path: "Fuzz/TaroFuzz"))
}

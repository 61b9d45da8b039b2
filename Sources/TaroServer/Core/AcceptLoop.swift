import Foundation
import TaroSync

/// The accept thread: one blocking thread per connection is the simplest
/// design that serves hundreds of slow, stalled or throttled connections at
/// once, which is exactly what the test suites need.
enum AcceptLoop {
    /// Connection threads mostly sit in recv/send; a modest stack keeps
    /// hundreds of them cheap.
    private static let connectionStackSize = 512 * 1024

    static func start(core: ServerCore, listener: Int32) {
        core.threadStarted()
        NamedThread.start("taro-srv-accept") {
            run(core: core, listener: listener)
            core.closeListener()
            core.threadFinished()
        }
    }

    private static func run(core: ServerCore, listener: Int32) {
        while !core.isStopping {
            // Poll with a timeout as well as relying on shutdown() to wake
            // accept, so the loop notices stop() within a bounded time.
            var ready = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            let count = poll(&ready, 1, 250)
            if count <= 0 || core.isStopping { continue }

            let socket = accept(listener, nil, nil)
            if socket < 0 {
                // Out of descriptors: back off instead of spinning.
                if errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM { usleep(10_000) }
                continue
            }
            // Keep connections out of child processes (tests spawn curl).
            _ = fcntl(socket, F_SETFD, FD_CLOEXEC)
            var enable: Int32 = 1
            setsockopt(socket, Int32(IPPROTO_TCP), TCP_NODELAY, &enable, socklen_t(MemoryLayout<Int32>.size))

            guard core.adopt(connection: socket) else {
                close(socket)
                break
            }
            NamedThread.start("taro-srv-conn", stackSize: connectionStackSize) {
                Connection(socket: socket, core: core).run()
                core.release(connection: socket)
                close(socket)
                core.threadFinished()
            }
        }
    }
}

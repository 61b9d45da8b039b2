import Foundation
import XCTest

/// nginx on loopback, started by a test: HTTPS with HTTP/2 on `tlsPort`
/// (a certificate for 127.0.0.1 and localhost made now with openssl), plain
/// HTTP on `plainPort`, and a forward proxy on `proxyPort` that sends every
/// request it gets to the plain server. Its access log names each request's
/// connection, port, path, Authorization, Cookie, User-Agent, protocol and Range, so a test
/// can count connections and see what was sent where.
final class TLSNginx {
    let dir: TestDirectory
    let tlsPort: Int
    let plainPort: Int
    let proxyPort: Int
    /// HTTPS without HTTP/2 (ALPN offers only http/1.1).
    let tlsH1Port: Int
    private let process: Process

    var certificate: String { dir.file("cert.pem") }
    var root: String { dir.file("www") }
    var accessLog: String { dir.file("access.log") }

    struct LogLine {
        let connection: String
        let port: Int
        let path: String
        let authorization: String
        let cookie: String
        let userAgent: String
        /// "HTTP/2.0" or "HTTP/1.1".
        let protocolName: String
        /// The Range asked for, "-" for none.
        let range: String
    }

    init() throws {
        dir = TestDirectory()
        try FileManager.default.createDirectory(atPath: dir.file("www"), withIntermediateDirectories: true)
        try Self.run("/usr/bin/openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                                          "-keyout", dir.file("key.pem"), "-out", dir.file("cert.pem"),
                                          "-subj", "/CN=127.0.0.1",
                                          "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"])
        // Ports others are not likely to hold: below the kernel's ephemeral
        // range (32768–60999), where every port-0 server of the suite and
        // every outgoing connection takes its port. nginx says so when one
        // is taken, and the next try takes other ones.
        var lastError = ""
        for _ in 0..<8 {
            let base = Int.random(in: 20_000...32_000)
            let (tls, plain, proxy) = (base, base + 1, base + 2)
            try Self.config(dir: dir, tls: tls, plain: plain, proxy: proxy, tlsH1: base + 3)
                .write(toFile: dir.file("nginx.conf"), atomically: true, encoding: .utf8)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/sbin/nginx")
            p.arguments = ["-c", dir.file("nginx.conf"), "-p", dir.path]
            // stderr to a file, not a pipe: a pipe's read end goes when this
            // init returns, and a late line from nginx would then kill it with
            // SIGPIPE in the middle of a test.
            let errPath = dir.file("stderr.log")
            FileManager.default.createFile(atPath: errPath, contents: nil)
            let err = FileHandle(forWritingAtPath: errPath)
            p.standardError = err
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            // Listening, and still running a moment later: a port held by
            // someone else would have stopped it.
            if Self.waitListening(tls, while: p) && Self.waitListening(proxy, while: p) && { usleep(200_000); return p.isRunning }() {
                process = p
                tlsPort = tls
                plainPort = plain
                proxyPort = proxy
                tlsH1Port = base + 3
                return
            }
            if p.isRunning { p.terminate() }
            p.waitUntilExit()
            lastError = String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self)
        }
        dir.remove()
        throw NSError(domain: "TLSNginx", code: 1, userInfo: [NSLocalizedDescriptionKey: "nginx did not start: \(lastError)"])
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        dir.remove()
    }

    func https(_ path: String, host: String = "127.0.0.1") -> String { "https://\(host):\(tlsPort)\(path)" }
    func http(_ path: String) -> String { "http://127.0.0.1:\(plainPort)\(path)" }

    /// Writes `count` files of `size` bytes into the web root: name → content.
    @discardableResult
    func addFiles(prefix: String, count: Int, size: Int) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let random = try XCTUnwrap(FileHandle(forReadingAtPath: "/dev/urandom"))
        defer { try? random.close() }
        for i in 0..<count {
            let bytes = Array(try XCTUnwrap(try random.read(upToCount: size)))
            let name = "\(prefix)\(i).bin"
            try Data(bytes).write(to: URL(fileURLWithPath: root + "/" + name))
            files[name] = bytes
        }
        return files
    }

    /// The access log so far. nginx writes a line when a request ends, which
    /// is before the client sees the end of the response.
    func log() -> [LogLine] {
        let text = (try? String(contentsOfFile: accessLog, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 8, let port = Int(f[1]) else { return nil }
            return LogLine(connection: f[0], port: port, path: f[2], authorization: f[3], cookie: f[4], userAgent: f[5],
                           protocolName: f[6], range: f[7])
        }
    }

    private static func config(dir: TestDirectory, tls: Int, plain: Int, proxy: Int, tlsH1: Int) -> String {
        // As root, the workers would otherwise run as nobody, who cannot read
        // the test's private directory.
        let user = getuid() == 0 ? "user root;" : ""
        return """
        \(user)
        worker_processes 1;
        daemon off;
        pid \(dir.file("nginx.pid"));
        error_log \(dir.file("error.log")) warn;
        events { worker_connections 1024; }
        http {
          log_format taro "$connection\t$server_port\t$request_uri\t$http_authorization\t$http_cookie\t$http_user_agent\t$server_protocol\t$http_range";
          access_log \(dir.file("access.log")) taro;
          client_body_temp_path \(dir.file("body"));
          proxy_temp_path \(dir.file("proxy"));
          fastcgi_temp_path \(dir.file("fastcgi"));
          uwsgi_temp_path \(dir.file("uwsgi"));
          scgi_temp_path \(dir.file("scgi"));
          server {
            listen 127.0.0.1:\(tls) ssl http2;
            ssl_certificate \(dir.file("cert.pem"));
            ssl_certificate_key \(dir.file("key.pem"));
            root \(dir.file("www"));
            location = /to-http { return 302 http://127.0.0.1:\(plain)/landing; }
            location = /to-other-host { return 302 https://localhost:\(tls)/landing; }
            location = /to-same-host { return 302 https://127.0.0.1:\(tls)/landing; }
            location = /landing { default_type text/plain; return 200 "landed\\n"; }
            # Slow enough to be interrupted mid-file.
            location /slow/ { alias \(dir.file("www"))/; limit_rate 2m; }
            location = /set-cookie {
              add_header Set-Cookie "session=abc123; Path=/";
              default_type text/plain;
              return 200 "cookie set\\n";
            }
          }
          server {
            listen 127.0.0.1:\(tlsH1) ssl;
            ssl_certificate \(dir.file("cert.pem"));
            ssl_certificate_key \(dir.file("key.pem"));
            root \(dir.file("www"));
            location /slow/ { alias \(dir.file("www"))/; limit_rate 2m; }
          }
          server {
            listen 127.0.0.1:\(plain);
            root \(dir.file("www"));
            location /slow/ { alias \(dir.file("www"))/; limit_rate 2m; }
            location = /landing { default_type text/plain; return 200 "landed\\n"; }
          }
          server {
            listen 127.0.0.1:\(proxy);
            location / { proxy_pass http://127.0.0.1:\(plain); }
          }
        }
        """
    }

    private static func waitListening(_ port: Int, while process: Process) -> Bool {
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline && process.isRunning {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                }
            }
            close(fd)
            if connected { return true }
            usleep(50_000)
        }
        return false
    }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw NSError(domain: "TLSNginx", code: 2, userInfo: [NSLocalizedDescriptionKey: "\(tool) failed"])
        }
    }
}

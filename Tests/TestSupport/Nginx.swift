import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// nginx from Debian, started for a test on free 127.0.0.1 ports: plain HTTP with ETag,
/// Last-Modified and gzip, and optionally HTTPS with HTTP/2 and a certificate from a throwaway CA
/// made with the openssl command. Its access log tells what a client asked and got.
public final class Nginx: @unchecked Sendable {
    /// The nginx binary, if installed.
    public static let binary: String? = ["/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    public static let openssl: String? = ["/usr/bin/openssl", "/usr/local/bin/openssl"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    /// Whether these tests can run here. CI sets DIPLOWATCH_REQUIRE_NGINX=1 so that a missing nginx
    /// fails there instead of skipping.
    public static var isAvailable: Bool { binary != nil && openssl != nil }
    public static var isRequired: Bool { ProcessInfo.processInfo.environment["DIPLOWATCH_REQUIRE_NGINX"] == "1" }

    public let directory: String
    /// The document root: put files here.
    public let root: String
    public let port: UInt16
    public let tlsPort: UInt16?
    /// The CA that signed the HTTPS certificate (PEM), when TLS is on.
    public let caFile: String?
    private let process: Process

    public struct StartError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Starts nginx; `locations` is extra config inside the plain HTTP server block.
    public init(directory: String, locations: String = "", tls: Bool = false) throws {
        guard let binary = Self.binary else { throw StartError(description: "nginx is not installed (apt-get install nginx-light)") }
        self.directory = directory
        root = directory + "/www"
        let fm = FileManager.default
        try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
        // Started by root, nginx's workers run as an unprivileged user: let them read the files.
        chmod((directory as NSString).deletingLastPathComponent, 0o755)
        chmod(directory, 0o755)
        chmod(root, 0o755)
        port = try Self.freePort()
        var tlsServer = ""
        if tls {
            let ca = try Self.makeCertificates(in: directory)
            caFile = ca
            let p = try Self.freePort()
            tlsPort = p
            tlsServer = """
                  server {
                    listen 127.0.0.1:\(p) ssl http2;
                    ssl_certificate \(directory)/server.pem; ssl_certificate_key \(directory)/server.key;
                    root \(root); etag on;
                  }
                """
        } else {
            caFile = nil
            tlsPort = nil
        }
        let conf = """
            worker_processes 1;
            daemon off;
            pid \(directory)/nginx.pid;
            error_log \(directory)/error.log;
            events { worker_connections 64; }
            http {
              log_format probe '$request_method $uri $status $body_bytes_sent "$http_accept_encoding" $server_protocol $connection';
              access_log \(directory)/access.log probe;
              client_body_temp_path \(directory)/tmp; proxy_temp_path \(directory)/tmp; fastcgi_temp_path \(directory)/tmp;
              uwsgi_temp_path \(directory)/tmp; scgi_temp_path \(directory)/tmp;
              types { application/rss+xml rss; application/atom+xml atom; text/html html; }
              gzip on; gzip_types application/rss+xml application/atom+xml; gzip_min_length 256;
              server {
                listen 127.0.0.1:\(port);
                root \(root); etag on;
            \(locations)
              }
            \(tlsServer)
            }
            """
        try fm.createDirectory(atPath: directory + "/tmp", withIntermediateDirectories: true)
        try conf.write(toFile: directory + "/nginx.conf", atomically: true, encoding: .utf8)
        process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["-c", directory + "/nginx.conf", "-p", directory, "-e", directory + "/error.log"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<100 {
            if Self.accepts(port) && (tlsPort.map(Self.accepts) ?? true) { return }
            if !process.isRunning { break }
            usleep(50_000)
        }
        let log = (try? String(contentsOfFile: directory + "/error.log", encoding: .utf8)) ?? ""
        stop()
        throw StartError(description: "nginx did not start on 127.0.0.1:\(port): \(log)")
    }

    deinit { stop() }

    public func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    public func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }
    public func tlsURL(_ path: String) -> String { "https://localhost:\(tlsPort ?? 0)\(path)" }

    /// Writes a file under the document root, readable by nginx's workers.
    public func put(_ path: String, _ data: Data) throws {
        let file = root + path
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: file))
        var dir = (file as NSString).deletingLastPathComponent
        while dir.count > root.count {
            chmod(dir, 0o755)
            dir = (dir as NSString).deletingLastPathComponent
        }
        chmod(file, 0o644)
    }

    /// One access log line: method, path, status, body bytes sent, Accept-Encoding, protocol, and the
    /// serial number of the connection it came on.
    public struct Access: Sendable {
        public var method: String
        public var path: String
        public var status: Int
        public var bytes: Int
        public var acceptEncoding: String
        public var proto: String
        public var connection: Int
    }

    /// The access log once it has at least `count` lines, or as it is after `timeout` seconds:
    /// nginx writes a line after the response has gone, so a client can be faster than the log.
    public func accessLog(atLeast count: Int, timeout: Double = 3) -> [Access] {
        let deadline = Date().addingTimeInterval(timeout)
        var log = accessLog
        while log.count < count, Date() < deadline {
            usleep(20_000)
            log = accessLog
        }
        return log
    }

    /// The access log so far (nginx writes each line when the response is done).
    public var accessLog: [Access] {
        let text = (try? String(contentsOfFile: directory + "/access.log", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            let quoted = line.split(separator: "\"", omittingEmptySubsequences: false)
            guard quoted.count >= 3 else { return nil }
            let head = quoted[0].split(separator: " ")
            guard head.count >= 4, let status = Int(head[2]), let bytes = Int(head[3]) else { return nil }
            let tail = quoted[2].split(separator: " ")
            return Access(
                method: String(head[0]), path: String(head[1]), status: status, bytes: bytes, acceptEncoding: String(quoted[1]),
                proto: tail.first.map(String.init) ?? "", connection: tail.dropFirst().first.flatMap { Int($0) } ?? 0)
        }
    }

    // MARK: Helpers

    static func freePort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0 }
        }
        guard ok else { throw StartError(description: "no free port on 127.0.0.1") }
        return UInt16(bigEndian: addr.sin_port)
    }

    static func accepts(_ port: UInt16) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    /// A CA and a server certificate for localhost and 127.0.0.1 signed by it; returns the CA's PEM path.
    static func makeCertificates(in dir: String) throws -> String {
        guard let openssl else { throw StartError(description: "openssl is not installed") }
        try """
        subjectAltName = DNS:localhost, IP:127.0.0.1
        basicConstraints = CA:FALSE
        extendedKeyUsage = serverAuth
        """.write(toFile: dir + "/server.ext", atomically: true, encoding: .utf8)
        let steps: [[String]] = [
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", dir + "/ca.key",
                "-out", dir + "/ca.pem", "-days", "2", "-subj", "/CN=DiploWatch test CA", "-addext",
                "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
            ],
            [
                "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", dir + "/server.key", "-out",
                dir + "/server.csr", "-subj", "/CN=localhost",
            ],
            [
                "x509", "-req", "-in", dir + "/server.csr", "-CA", dir + "/ca.pem", "-CAkey", dir + "/ca.key", "-CAcreateserial",
                "-out", dir + "/server.pem", "-days", "2", "-extfile", dir + "/server.ext",
            ],
        ]
        for args in steps {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: openssl)
            p.arguments = args
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            guard p.terminationStatus == 0 else { throw StartError(description: "openssl \(args[0]) failed") }
        }
        for f in ["server.pem", "server.key", "ca.pem"] { chmod(dir + "/" + f, 0o644) }
        return dir + "/ca.pem"
    }
}

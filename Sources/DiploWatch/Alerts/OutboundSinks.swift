import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A sink beside the alert log, fed from the same outbox at its own pace, with retries.
public protocol OutboundSink: Sendable {
    var name: String { get }
    var maxAttempts: Int { get }
    /// Sends one alert; throws a one-line reason on failure.
    func send(_ alert: Alert, json: Data) throws(AlertError)
}

/// POSTs each alert as JSON. With a secret, `X-DiploWatch-Signature: sha256=<hex HMAC of the body>`.
public struct WebhookSink: OutboundSink {
    public var config: WebhookConfig
    public var secret: [UInt8]?
    public var userAgent: String

    public var name: String { "webhook:" + config.name }
    public var maxAttempts: Int { config.maxAttempts }

    public init(config: WebhookConfig, userAgent: String) throws(AlertError) {
        self.config = config
        self.userAgent = userAgent
        if let file = config.secretFile {
            if let why = SecretFile.problem(file) { throw AlertError("webhook \(config.name): \(why)") }
            guard let data = FileManager.default.contents(atPath: file) else {
                throw AlertError("webhook \(config.name): cannot read the secret file \(file)")
            }
            secret = Array(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).utf8)
        }
    }

    public func send(_ alert: Alert, json: Data) throws(AlertError) {
        var headers = ["X-DiploWatch-Alert-Id: \(alert.id)"]
        if let secret { headers.append("X-DiploWatch-Signature: sha256=" + HMAC.hex(HMAC.sha256(key: secret, message: [UInt8](json)))) }
        let status: Int
        do {
            status = try CurlPoster.post(url: config.url, body: json, headers: headers, timeout: config.timeout, userAgent: userAgent)
        } catch {
            throw AlertError("webhook \(config.name): \(error.reason)")
        }
        guard (200..<300).contains(status) else { throw AlertError("webhook \(config.name): HTTP \(status)") }
    }
}

/// Runs a program for each alert: argv as configured (no shell), the alert JSON on stdin,
/// success when it exits 0 within the timeout.
public struct ExecSink: OutboundSink {
    public var config: ExecConfig
    public var name: String { "exec:" + config.name }
    public var maxAttempts: Int { config.maxAttempts }

    public init(config: ExecConfig) { self.config = config }

    public func send(_ alert: Alert, json: Data) throws(AlertError) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: config.argv[0])
        p.arguments = Array(config.argv.dropFirst())
        let input = Pipe()
        p.standardInput = input
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { throw AlertError("exec \(config.name): cannot start \(config.argv[0]): \(error.localizedDescription)") }
        // A program that does not read its stdin is not an error here: its exit status decides.
        try? input.fileHandleForWriting.write(contentsOf: json + Data("\n".utf8))
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(config.timeout)
        while p.isRunning, Date() < deadline { usleep(10_000) }
        if p.isRunning {
            p.terminate()
            usleep(200_000)
            if p.isRunning { kill(p.processIdentifier, SIGKILL) }
            p.waitUntilExit()
            throw AlertError("exec \(config.name): timed out after \(config.timeout) s")
        }
        guard p.terminationStatus == 0 else { throw AlertError("exec \(config.name): exited with status \(p.terminationStatus)") }
    }
}

/// Delivers the outbox to the webhook and exec sinks: in order per sink, retrying a failed
/// alert with capped exponential backoff, giving it up after the sink's `maxAttempts`.
public struct SinkDelivery: Sendable {
    public var store: Store
    public var sinks: [any OutboundSink]
    /// Seconds before the first retry; doubles each attempt, capped at an hour.
    public var firstRetry: Double = 30

    public init(store: Store, sinks: [any OutboundSink], firstRetry: Double = 30) {
        self.store = store
        self.sinks = sinks
        self.firstRetry = firstRetry
    }

    /// The names the configured sinks are registered and counted under (`webhook:NAME`, `exec:NAME`).
    public static func names(for settings: AlertSettings) -> [String] {
        settings.webhooks.map { "webhook:" + $0.name } + settings.execs.map { "exec:" + $0.name }
    }

    /// Builds the configured sinks; a sink that cannot be built is reported and skipped.
    public static func sinks(for settings: AlertSettings, userAgent: String) -> (sinks: [any OutboundSink], problems: [String]) {
        var sinks: [any OutboundSink] = []
        var problems: [String] = []
        for w in settings.webhooks {
            do { sinks.append(try WebhookSink(config: w, userAgent: userAgent)) } catch { problems.append(error.description) }
        }
        for e in settings.execs { sinks.append(ExecSink(config: e)) }
        return (sinks, problems)
    }

    /// Returns (delivered, failed attempts, problems as one line each).
    public func deliver(now: Date = Date()) -> (delivered: Int, failures: [String]) {
        var delivered = 0
        var failures: [String] = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for sink in sinks {
            do {
                try store.registerSink(sink.name)
                for (alert, notBefore) in try store.pendingAlerts(sink: sink.name) {
                    // In order: an alert waiting out its backoff holds back the ones after it.
                    if let notBefore, notBefore > now { break }
                    let json = try encoder.encode(alert)
                    do throws(AlertError) {
                        try sink.send(alert, json: json)
                    } catch {
                        let givenUp = try store.recordSinkFailure(
                            sink: sink.name, alert: alert.id, error: error.description, now: Date(), maxAttempts: sink.maxAttempts,
                            firstRetry: firstRetry)
                        failures.append(givenUp ? "\(error) (given up after \(sink.maxAttempts) attempts)" : "\(error)")
                        // Keep order: the sink waits until this alert goes through or is given up.
                        if !givenUp { break }
                        continue
                    }
                    try store.recordSinkDelivery(sink: sink.name, alert: alert.id, now: Date())
                    delivered += 1
                }
            } catch {
                failures.append("\(sink.name): \(error)")
            }
        }
        return (delivered, failures)
    }
}

import Foundation
import TestSupport
import Testing

@testable import DiploWatch

@Suite("sd_notify")
struct SystemdNotifierTests {
    @Test func sendsDatagramsToThePathInNOTIFY_SOCKET() {
        let listener = NotifyListener(path: Fixtures.tempDirectory() + "/notify.sock", timeoutSeconds: 2)
        let notifier = SystemdNotifier(socketPath: listener.path)
        #expect(notifier.notify("READY=1\nSTATUS=polling"))
        #expect(listener.receive() == "READY=1\nSTATUS=polling")
        #expect(notifier.notify("STOPPING=1"))
        #expect(listener.receive() == "STOPPING=1")
    }

    @Test func aLongStartAsksForMoreTimeUntilItEnds() {
        let listener = NotifyListener(path: Fixtures.tempDirectory() + "/notify.sock", timeoutSeconds: 1)
        let notifier = SystemdNotifier(socketPath: listener.path)
        // Quick work sends nothing.
        #expect(notifier.extendingStartTimeout(status: "upgrading", every: 0.05, after: 1) { 7 } == 7)
        // Long work asks for twice the interval, again and again, with the reason.
        let value = notifier.extendingStartTimeout(status: "upgrading the database", every: 0.1, after: 0.05) {
            Thread.sleep(forTimeInterval: 0.5)
            return "opened"
        }
        #expect(value == "opened")
        var messages: [String] = []
        while let m = listener.receive() { messages.append(m) }
        #expect(messages.count >= 2)
        #expect(messages.allSatisfy { $0 == "EXTEND_TIMEOUT_USEC=200000\nSTATUS=upgrading the database" })
        // And none once the work has returned.
        Thread.sleep(forTimeInterval: 0.3)
        #expect(listener.receive() == nil)
    }

    @Test func withoutASocketNothingIsSent() {
        #expect(!SystemdNotifier(socketPath: nil).notify("READY=1"))
        #expect(!SystemdNotifier(socketPath: "/nonexistent/dir/sock").notify("READY=1"))
    }
}

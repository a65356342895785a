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

    @Test func withoutASocketNothingIsSent() {
        #expect(!SystemdNotifier(socketPath: nil).notify("READY=1"))
        #expect(!SystemdNotifier(socketPath: "/nonexistent/dir/sock").notify("READY=1"))
    }
}

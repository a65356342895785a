import Testing

@testable import DiploWatch

@Suite("SHA-256 and HMAC")
struct HMACTests {
    @Test func sha256KnownAnswers() {
        #expect(HMAC.hex(HMAC.sha256(Array("".utf8))) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(HMAC.hex(HMAC.sha256(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(HMAC.hex(HMAC.sha256(long)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func hmacRFC4231() {
        // Test cases 1 and 2 of RFC 4231.
        let key1 = [UInt8](repeating: 0x0b, count: 20)
        #expect(
            HMAC.hex(HMAC.sha256(key: key1, message: Array("Hi There".utf8)))
                == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        #expect(
            HMAC.hex(HMAC.sha256(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8)))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        // Test case 6: a key longer than a block.
        let key6 = [UInt8](repeating: 0xaa, count: 131)
        #expect(
            HMAC.hex(HMAC.sha256(key: key6, message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)))
                == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }
}

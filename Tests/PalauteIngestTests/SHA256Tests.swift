import Testing
@testable import PalauteIngest

@Suite struct SHA256Tests {
    @Test func knownVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func incrementalEqualsOneShot() {
        let text = String(repeating: "ääkkösiä ja tekstiä ", count: 50)
        var d = SHA256()
        let bytes = Array(text.utf8)
        d.update(Array(bytes[0..<7]))
        d.update(Array(bytes[7..<130]))
        d.update(Array(bytes[130...]))
        #expect(d.hexDigest() == SHA256.hex(text))
    }

    @Test func oneShotEqualsIncrementalAtEveryPaddingLength() {
        for n in 0...200 {
            let bytes = (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            var d = SHA256()
            d.update(bytes)
            let oneShot = bytes.withUnsafeBytes(SHA256.hex)
            #expect(oneShot == d.hexDigest(), "length \(n)")
        }
    }

    @Test func contentHashIgnoresIdAndLineButNotContent() {
        let a = SurveyRecord(externalID: "1", unit: "X", score: 5, text: "t", line: 2)
        let b = SurveyRecord(externalID: "2", unit: "X", score: 5, text: "t", line: 9)
        var c = a
        c.score = 6
        var d = a
        d.unit = nil
        #expect(a.contentHash == b.contentHash)
        #expect(a.contentHash != c.contentHash)
        #expect(a.contentHash != d.contentHash)
    }
}

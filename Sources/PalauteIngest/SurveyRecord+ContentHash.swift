extension SurveyRecord {
    /// SHA-256 (hex) over the fields the export owns (not the id, not the line): equal hashes mean
    /// re-ingesting the row changes nothing; a different hash means the response changed and needs re-classification.
    public var contentHash: String {
        var message: [UInt8] = []
        message.reserveCapacity(64 + text.utf8.count)
        func add(_ s: String?) {
            if let s {
                message.append(UInt8(ascii: "s"))
                message.append(contentsOf: s.utf8)
            } else {
                message.append(UInt8(ascii: "n"))
            }
            message.append(0x1F)
        }
        add(channel)
        add(unit)
        add(service)
        add(visitedOn)
        add(score.map(String.init))
        add(text)
        return message.withUnsafeBytes(SHA256.hex)
    }
}

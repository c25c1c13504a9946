extension SurveyRecord {
    /// SHA-256 (hex) over the fields the export owns (not the id, not the line): equal hashes mean
    /// re-ingesting the row changes nothing; a different hash means the response changed and needs re-classification.
    public var contentHash: String {
        var d = SHA256()
        func add(_ s: String?) {
            if let s { d.update("s"); d.update(s) } else { d.update("n") }
            d.update("\u{1F}")
        }
        add(channel)
        add(unit)
        add(service)
        add(visitedOn)
        add(score.map(String.init))
        add(text)
        return d.hexDigest()
    }
}

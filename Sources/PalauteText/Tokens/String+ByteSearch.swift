extension StringProtocol {
    /// Where `needle` first occurs, compared byte for byte. Foundation's `contains(_:)` and `range(of:)` on
    /// Linux run a locale-aware search costing microseconds a call; the rules and the Voikko reader search short
    /// ASCII tags and rule names, where byte equality is the meaning.
    public func utf8Range(of needle: some StringProtocol) -> Range<Index>? {
        let hay = utf8, pat = Array(needle.utf8)
        guard let first = pat.first else { return startIndex..<startIndex }
        var i = hay.startIndex
        while i != hay.endIndex {
            if hay[i] == first {
                var h = i, k = 0
                while k < pat.count, h != hay.endIndex, hay[h] == pat[k] {
                    hay.formIndex(after: &h)
                    k += 1
                }
                if k == pat.count { return i..<h }
            }
            hay.formIndex(after: &i)
        }
        return nil
    }

    /// Whether `needle` occurs, compared byte for byte (see `utf8Range(of:)`).
    public func utf8Contains(_ needle: some StringProtocol) -> Bool { utf8Range(of: needle) != nil }
}

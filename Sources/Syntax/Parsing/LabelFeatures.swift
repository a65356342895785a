/// The feature templates of the relation classifier, which labels each arc as the parser makes
/// it: the head and dependent words and tags, direction and distance, the dependent's own
/// (complete) dependents and the head's so far, and the neighbouring tags.
extension ParserFeatures {
    static let labelCount = 40

    func fillLabel(_ c: ArcHybrid, head h: Int, dependent d: Int, into k: UnsafeMutablePointer<UInt32>) {
        typealias H = FeatureHash
        let (hw, hp, dw, dp) = (w(h), p(h), w(d), p(d))
        let dir: UInt64 = d < h ? 1 : 2
        let dist = UInt64(h == c.n ? 0 : min(abs(h - d), 8))
        let dl = c.left1[d]
        let dl2 = c.left2[d]
        let dr = c.right1[d]
        let hl = c.left1[h]
        let hr = c.right1[h]
        func near(_ i: Int) -> UInt64 { i < 0 || i >= c.n ? Self.none : tags[i] }
        k[0] = H.key(H.mix(2000, hw))
        k[1] = H.key(H.mix(2001, hp))
        k[2] = H.key(H.mix(2002, H.mix(hw, hp)))
        k[3] = H.key(H.mix(2003, dw))
        k[4] = H.key(H.mix(2004, dp))
        k[5] = H.key(H.mix(2005, H.mix(dw, dp)))
        k[6] = H.key(H.mix(2006, H.mix(hw, dw)))
        k[7] = H.key(H.mix(2007, H.mix(hp, dp)))
        k[8] = H.key(H.mix(2008, H.mix(hw, dp)))
        k[9] = H.key(H.mix(2009, H.mix(hp, dw)))
        k[10] = H.key(H.mix(2010, H.mix(hp, dp, dir)))
        k[11] = H.key(H.mix(2011, H.mix(hp, dp, dist, dir)))
        k[12] = H.key(H.mix(2012, H.mix(dw, dir)))
        k[13] = H.key(H.mix(2013, H.mix(dp, dir, dist)))
        k[14] = H.key(H.mix(2014, H.mix(hw, dir)))
        k[15] = H.key(H.mix(2015, H.mix(dp, w(dl))))
        k[16] = H.key(H.mix(2016, H.mix(dp, p(dl), Self.l(c, dl))))
        k[17] = H.key(H.mix(2017, H.mix(w(dl), Self.l(c, dl))))
        k[18] = H.key(H.mix(2018, H.mix(dp, Self.l(c, dl2), Self.l(c, dl))))
        k[19] = H.key(H.mix(2019, H.mix(dp, p(dr), Self.l(c, dr))))
        k[20] = H.key(H.mix(2020, H.mix(dp, c.leftLabels[d])))
        k[21] = H.key(H.mix(2021, H.mix(dp, c.rightLabels[d])))
        k[22] = H.key(H.mix(2022, H.mix(dp, hp, c.leftLabels[d])))
        k[23] = H.key(H.mix(2023, H.mix(hp, c.leftLabels[h], dir)))
        k[24] = H.key(H.mix(2024, H.mix(hp, c.rightLabels[h], dir)))
        k[25] = H.key(H.mix(2025, H.mix(hp, Self.l(c, hl), dir)))
        k[26] = H.key(H.mix(2026, H.mix(hp, Self.l(c, hr), dir)))
        k[27] = H.key(H.mix(2027, H.mix(hw, Self.l(c, hl), dp)))
        k[28] = H.key(H.mix(2028, H.mix(dp, near(d - 1), dir)))
        k[29] = H.key(H.mix(2029, H.mix(dp, near(d + 1), dir)))
        k[30] = H.key(H.mix(2030, H.mix(hp, near(h - 1), dp)))
        k[31] = H.key(H.mix(2031, H.mix(hp, near(h + 1), dp)))
        k[32] = H.key(H.mix(2032, H.mix(dw, w(dl), hp)))
        k[33] = H.key(H.mix(2033, H.mix(dw, hw, dir)))
        k[34] = H.key(H.mix(2034, H.mix(hp, dp, w(dl))))
        k[35] = H.key(H.mix(2035, H.mix(hw, dp, w(dl))))
        k[36] = H.key(H.mix(2036, H.mix(dp, UInt64(min(c.leftCount[d], 3)), UInt64(min(c.rightCount[d], 3)), dir)))
        k[37] = H.key(H.mix(2037, H.mix(dw, dp, hp, dir)))
        k[38] = H.key(H.mix(2038, H.mix(hp, dp, c.leftLabels[h] & c.rightLabels[h], dir)))
        k[39] = H.key(H.mix(2039, H.mix(dw, dp, dir)))
    }
}

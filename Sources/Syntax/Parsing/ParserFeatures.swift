/// The feature templates of the transition classifier: words, tags, dependents' labels,
/// distances and valencies around the stack and buffer (Zhang and Nivre 2011, adapted to
/// arc-hybrid), each hashed to a 32-bit key without building strings.
struct ParserFeatures {
    static let count = 97
    static let none: UInt64 = 0x4E4F_4E45
    /// The words (normalised) and tags of the tokens, with the root's at index n.
    let words: [UInt64]
    let tags: [UInt64]

    init(words w: WordFeatures, tags: [Int]) {
        words = w.norm + [0x524F_4F54]
        self.tags = tags.map { UInt64($0 + 1) } + [0x524F_4F54]
    }

    @inline(__always) func w(_ i: Int) -> UInt64 { i < 0 ? Self.none : words[i] }
    @inline(__always) func p(_ i: Int) -> UInt64 { i < 0 ? Self.none : tags[i] }
    @inline(__always) static func l(_ c: ArcHybrid, _ i: Int) -> UInt64 { i < 0 ? none : UInt64(c.labels[i] + 1) }

    func fill(_ c: ArcHybrid, into k: UnsafeMutablePointer<UInt32>) {
        typealias H = FeatureHash
        let s0 = c.s0
        let s1 = c.s1
        let s2 = c.s2
        let b0 = c.b0
        let b1 = c.next + 1 < c.n ? c.next + 1 : -1
        let b2 = c.next + 2 < c.n ? c.next + 2 : -1
        let (s0w, s0p, s1w, s1p, b0w, b0p) = (w(s0), p(s0), w(s1), p(s1), w(b0), p(b0))
        let (b1w, b1p, b2w, b2p, s2w, s2p) = (w(b1), p(b1), w(b2), p(b2), w(s2), p(s2))
        let s0l = s0 >= 0 ? c.left1[s0] : -1
        let s0l2 = s0 >= 0 ? c.left2[s0] : -1
        let s0r = s0 >= 0 ? c.right1[s0] : -1
        let s0r2 = s0 >= 0 ? c.right2[s0] : -1
        let s1l = s1 >= 0 ? c.left1[s1] : -1
        let s1r = s1 >= 0 ? c.right1[s1] : -1
        let s1r2 = s1 >= 0 ? c.right2[s1] : -1
        let b0l = b0 >= 0 ? c.left1[b0] : -1
        let b0l2 = b0 >= 0 ? c.left2[b0] : -1
        let d0: UInt64 = s0 >= 0 && b0 >= 0 && s0 < c.n ? UInt64(min(b0 - s0, 6)) : 0
        let d1: UInt64 = s0 >= 0 && s1 >= 0 && s1 < c.n ? UInt64(min(s0 - s1, 6)) : 0
        let s0vl = UInt64(s0 >= 0 ? min(c.leftCount[s0], 4) : 9)
        let s0vr = UInt64(s0 >= 0 ? min(c.rightCount[s0], 4) : 9)
        let s1vl = UInt64(s1 >= 0 ? min(c.leftCount[s1], 4) : 9)
        let s1vr = UInt64(s1 >= 0 ? min(c.rightCount[s1], 4) : 9)
        let b0vl = UInt64(b0 >= 0 ? min(c.leftCount[b0], 4) : 9)
        let s0ls = s0 >= 0 ? c.leftLabels[s0] : 1 << 63
        let s0rs = s0 >= 0 ? c.rightLabels[s0] : 1 << 63
        let s1ls = s1 >= 0 ? c.leftLabels[s1] : 1 << 63
        let s1rs = s1 >= 0 ? c.rightLabels[s1] : 1 << 63
        let b0ls = b0 >= 0 ? c.leftLabels[b0] : 1 << 63
        k[0] = H.key(H.mix(1000, s0w))
        k[1] = H.key(H.mix(1001, s0p))
        k[2] = H.key(H.mix(1002, H.mix(s0w, s0p)))
        k[3] = H.key(H.mix(1003, s1w))
        k[4] = H.key(H.mix(1004, s1p))
        k[5] = H.key(H.mix(1005, H.mix(s1w, s1p)))
        k[6] = H.key(H.mix(1006, b0w))
        k[7] = H.key(H.mix(1007, b0p))
        k[8] = H.key(H.mix(1008, H.mix(b0w, b0p)))
        k[9] = H.key(H.mix(1009, b1w))
        k[10] = H.key(H.mix(1010, b1p))
        k[11] = H.key(H.mix(1011, H.mix(b1w, b1p)))
        k[12] = H.key(H.mix(1012, b2w))
        k[13] = H.key(H.mix(1013, b2p))
        k[14] = H.key(H.mix(1014, s2w))
        k[15] = H.key(H.mix(1015, s2p))
        k[16] = H.key(H.mix(1016, H.mix(s0w, s0p, b0w, b0p)))
        k[17] = H.key(H.mix(1017, H.mix(s0w, s0p, b0w)))
        k[18] = H.key(H.mix(1018, H.mix(s0w, b0w, b0p)))
        k[19] = H.key(H.mix(1019, H.mix(s0w, s0p, b0p)))
        k[20] = H.key(H.mix(1020, H.mix(s0p, b0w, b0p)))
        k[21] = H.key(H.mix(1021, H.mix(s0w, b0w)))
        k[22] = H.key(H.mix(1022, H.mix(s0p, b0p)))
        k[23] = H.key(H.mix(1023, H.mix(b0p, b1p)))
        k[24] = H.key(H.mix(1024, H.mix(s1w, s1p, s0w, s0p)))
        k[25] = H.key(H.mix(1025, H.mix(s1w, s1p, s0w)))
        k[26] = H.key(H.mix(1026, H.mix(s1w, s0w, s0p)))
        k[27] = H.key(H.mix(1027, H.mix(s1w, s1p, s0p)))
        k[28] = H.key(H.mix(1028, H.mix(s1p, s0w, s0p)))
        k[29] = H.key(H.mix(1029, H.mix(s1w, s0w)))
        k[30] = H.key(H.mix(1030, H.mix(s1p, s0p)))
        k[31] = H.key(H.mix(1031, H.mix(s1w, b0w)))
        k[32] = H.key(H.mix(1032, H.mix(s1p, b0p)))
        k[33] = H.key(H.mix(1033, H.mix(b0p, b1p, b2p)))
        k[34] = H.key(H.mix(1034, H.mix(s0p, b0p, b1p)))
        k[35] = H.key(H.mix(1035, H.mix(s1p, s0p, b0p)))
        k[36] = H.key(H.mix(1036, H.mix(s2p, s1p, s0p)))
        k[37] = H.key(H.mix(1037, H.mix(s0p, p(s0l), b0p)))
        k[38] = H.key(H.mix(1038, H.mix(s0p, p(s0r), b0p)))
        k[39] = H.key(H.mix(1039, H.mix(s0p, b0p, p(b0l))))
        k[40] = H.key(H.mix(1040, H.mix(s1p, s0p, p(s0l))))
        k[41] = H.key(H.mix(1041, H.mix(s1p, s0p, p(s0r))))
        k[42] = H.key(H.mix(1042, H.mix(s1p, p(s1r), s0p)))
        k[43] = H.key(H.mix(1043, H.mix(s1p, p(s1l), s0p)))
        k[44] = H.key(H.mix(1044, H.mix(s1w, s0p, b0p)))
        k[45] = H.key(H.mix(1045, H.mix(s1p, s0w, b0p)))
        k[46] = H.key(H.mix(1046, H.mix(s1p, s0p, b0w)))
        k[47] = H.key(H.mix(1047, H.mix(s0w, d0)))
        k[48] = H.key(H.mix(1048, H.mix(s0p, d0)))
        k[49] = H.key(H.mix(1049, H.mix(b0w, d0)))
        k[50] = H.key(H.mix(1050, H.mix(b0p, d0)))
        k[51] = H.key(H.mix(1051, H.mix(s0w, b0w, d0)))
        k[52] = H.key(H.mix(1052, H.mix(s0p, b0p, d0)))
        k[53] = H.key(H.mix(1053, H.mix(s1w, d1)))
        k[54] = H.key(H.mix(1054, H.mix(s1p, d1)))
        k[55] = H.key(H.mix(1055, H.mix(s0w, d1)))
        k[56] = H.key(H.mix(1056, H.mix(s0p, d1)))
        k[57] = H.key(H.mix(1057, H.mix(s1w, s0w, d1)))
        k[58] = H.key(H.mix(1058, H.mix(s1p, s0p, d1)))
        k[59] = H.key(H.mix(1059, H.mix(s0w, s0vr)))
        k[60] = H.key(H.mix(1060, H.mix(s0p, s0vr)))
        k[61] = H.key(H.mix(1061, H.mix(s0w, s0vl)))
        k[62] = H.key(H.mix(1062, H.mix(s0p, s0vl)))
        k[63] = H.key(H.mix(1063, H.mix(s1w, s1vr)))
        k[64] = H.key(H.mix(1064, H.mix(s1p, s1vr)))
        k[65] = H.key(H.mix(1065, H.mix(s1w, s1vl)))
        k[66] = H.key(H.mix(1066, H.mix(s1p, s1vl)))
        k[67] = H.key(H.mix(1067, H.mix(b0w, b0vl)))
        k[68] = H.key(H.mix(1068, H.mix(b0p, b0vl)))
        k[69] = H.key(H.mix(1069, w(s0l)))
        k[70] = H.key(H.mix(1070, p(s0l)))
        k[71] = H.key(H.mix(1071, Self.l(c, s0l)))
        k[72] = H.key(H.mix(1072, w(s0r)))
        k[73] = H.key(H.mix(1073, p(s0r)))
        k[74] = H.key(H.mix(1074, Self.l(c, s0r)))
        k[75] = H.key(H.mix(1075, w(s1r)))
        k[76] = H.key(H.mix(1076, p(s1r)))
        k[77] = H.key(H.mix(1077, Self.l(c, s1r)))
        k[78] = H.key(H.mix(1078, w(b0l)))
        k[79] = H.key(H.mix(1079, p(b0l)))
        k[80] = H.key(H.mix(1080, Self.l(c, b0l)))
        k[81] = H.key(H.mix(1081, H.mix(s0p, Self.l(c, s0l), Self.l(c, s0l2))))
        k[82] = H.key(H.mix(1082, H.mix(s0p, Self.l(c, s0r), Self.l(c, s0r2))))
        k[83] = H.key(H.mix(1083, H.mix(b0p, Self.l(c, b0l), Self.l(c, b0l2))))
        k[84] = H.key(H.mix(1084, H.mix(s1p, Self.l(c, s1r), Self.l(c, s1r2))))
        k[85] = H.key(H.mix(1085, H.mix(s0w, s0ls)))
        k[86] = H.key(H.mix(1086, H.mix(s0p, s0rs)))
        k[87] = H.key(H.mix(1087, H.mix(s1p, s1ls, s1rs)))
        k[88] = H.key(H.mix(1088, H.mix(b0p, b0ls)))
        let d2: UInt64 = s1 >= 0 && b0 >= 0 && s1 < c.n ? UInt64(min(b0 - s1, 8)) : 0
        k[89] = H.key(H.mix(1089, H.mix(s0w, Self.l(c, s0l), Self.l(c, s0r))))
        k[90] = H.key(H.mix(1090, H.mix(s1w, Self.l(c, s1r))))
        k[91] = H.key(H.mix(1091, H.mix(b0w, Self.l(c, b0l))))
        k[92] = H.key(H.mix(1092, H.mix(s0w, b1w)))
        k[93] = H.key(H.mix(1093, H.mix(s0p, b1w)))
        k[94] = H.key(H.mix(1094, H.mix(s1p, b0p, d2)))
        k[95] = H.key(H.mix(1095, H.mix(s0w, s0p, b0p, b1p)))
        k[96] = H.key(H.mix(1096, H.mix(s1w, s1p, b0w, b0p)))
    }
}

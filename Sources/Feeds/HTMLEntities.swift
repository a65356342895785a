/// Named HTML character references, so a feed using `&nbsp;` without declaring it still parses.
enum HTMLEntities {
    static let table: [String: UInt32] = {
        var t: [String: UInt32] = [
            "quot": 34, "amp": 38, "apos": 39, "lt": 60, "gt": 62, "OElig": 338, "oelig": 339, "Scaron": 352,
            "scaron": 353, "Yuml": 376, "fnof": 402, "circ": 710, "tilde": 732, "ensp": 8194, "emsp": 8195,
            "thinsp": 8201, "zwnj": 8204, "zwj": 8205, "lrm": 8206, "rlm": 8207, "ndash": 8211, "mdash": 8212,
            "lsquo": 8216, "rsquo": 8217, "sbquo": 8218, "ldquo": 8220, "rdquo": 8221, "bdquo": 8222,
            "dagger": 8224, "Dagger": 8225, "bull": 8226, "hellip": 8230, "permil": 8240, "prime": 8242,
            "Prime": 8243, "lsaquo": 8249, "rsaquo": 8250, "oline": 8254, "frasl": 8260, "euro": 8364,
            "trade": 8482, "larr": 8592, "uarr": 8593, "rarr": 8594, "darr": 8595, "harr": 8596,
            "minus": 8722, "infin": 8734, "ne": 8800, "le": 8804, "ge": 8805, "Alpha": 913, "Beta": 914,
            "alpha": 945, "beta": 946, "gamma": 947, "delta": 948, "pi": 960, "mu": 956,
        ]
        let latin1 = [
            "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo",
            "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot",
            "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute",
            "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml",
            "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde",
            "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig",
            "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil", "egrave", "eacute",
            "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc",
            "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn",
            "yuml",
        ]
        for (i, name) in latin1.enumerated() { t[name] = UInt32(160 + i) }
        return t
    }()

    static let xmlPredefined: Set<String> = ["amp", "lt", "gt", "quot", "apos"]

    /// Rewrites `&name;` references that XML does not predefine into numeric references.
    /// Returns nil when there is nothing to rewrite (the common case: no copy is made).
    static func numericReferences(in data: [UInt8]) -> [UInt8]? {
        var out: [UInt8]?
        var i = 0
        let n = data.count
        var copiedUpTo = 0
        while i < n {
            if data[i] == 38 {  // &
                var j = i + 1
                while j < n, j - i <= 10, isAlnum(data[j]) { j += 1 }
                if j < n, data[j] == 59, j > i + 1 {  // ;
                    let name = String(decoding: data[(i + 1)..<j], as: UTF8.self)
                    if !xmlPredefined.contains(name), let code = table[name] {
                        if out == nil { out = []; out!.reserveCapacity(n + 64) }
                        out!.append(contentsOf: data[copiedUpTo..<i])
                        out!.append(contentsOf: Array("&#\(code);".utf8))
                        copiedUpTo = j + 1
                    }
                    i = j + 1
                    continue
                }
            }
            i += 1
        }
        guard var result = out else { return nil }
        result.append(contentsOf: data[copiedUpTo..<n])
        return result
    }

    private static func isAlnum(_ c: UInt8) -> Bool {
        (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
    }
}

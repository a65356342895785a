/// Text made safe inside XML and HTML, element content and quoted attributes alike: the Atom
/// file, OPML export and the HTML digest all write text that comes from feeds.
enum XMLEscape {
    static func text(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                // Characters XML 1.0 cannot hold are left out.
                if u.value < 0x20 && u != "\n" && u != "\t" && u != "\r" { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}

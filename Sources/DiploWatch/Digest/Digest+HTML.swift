import Foundation

extension Digest {
    /// One self-contained HTML page: styles inline, no scripts, images or fonts fetched; only the
    /// sources' links point elsewhere.
    public var html: String {
        var s = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(XMLEscape.text(heading))</title>
            <style>
            body { font: 16px/1.45 system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1d232a; }
            h1 { font-size: 1.5rem; } h2 { border-bottom: 1px solid #ccd; margin-top: 2rem; } h3 { margin-bottom: .3rem; }
            ol { padding-left: 1.2rem; } li { margin: .6rem 0; }
            .line { font-weight: 600; } .kind { color: #a4400a; } blockquote { margin: .2rem 0; color: #444; }
            .src { font-size: .9rem; } .count { color: #667; font-weight: normal; }
            </style>
            </head>
            <body>
            <h1>\(XMLEscape.text(heading))</h1>

            """
        if alerts.isEmpty { return s + "<p>No alerts in this period.</p>\n</body>\n</html>\n" }
        for (id, title, groups) in [("by-topic", "By topic", byTopic), ("by-countries", "By countries", byCountries)] {
            s += "<section id=\"\(id)\">\n<h2>\(title)</h2>\n"
            for g in groups {
                s += "<h3>\(XMLEscape.text(g.title)) <span class=\"count\">(\(g.alerts.count))</span></h3>\n<ol>\n"
                for a in g.alerts {
                    let d = a.development.record
                    s += "<li><div class=\"line\">"
                    if a.kind != "new" { s += "<span class=\"kind\">\(XMLEscape.text(a.kind)):</span> " }
                    s += "\(XMLEscape.text(DevelopmentFormatter.line(d)))</div>\n"
                    s += "<blockquote>\(XMLEscape.text(Self.shorten(d.evidence)))</blockquote>\n"
                    for src in a.sources.prefix(3) {
                        let label = XMLEscape.text(src.title ?? src.url ?? "source")
                        let link = src.url.map { "<a href=\"\(XMLEscape.text($0))\">\(label)</a>" } ?? label
                        let meta = [src.feed, src.published].compactMap { $0 }.map(XMLEscape.text).joined(separator: ", ")
                        s += "<div class=\"src\">\(link)\(meta.isEmpty ? "" : " — \(meta)")</div>\n"
                    }
                    s += "</li>\n"
                }
                s += "</ol>\n"
            }
            s += "</section>\n"
        }
        return s + "</body>\n</html>\n"
    }

}

import Foundation

/// RSS 0.9x, 1.0 (RDF) and 2.0 channels and items.
extension XMLFeedParser {
    static let rss10 = "http://purl.org/rss/1.0/"
    static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
    static let dcterms = "http://purl.org/dc/terms/"
    static let xhtml = "http://www.w3.org/1999/xhtml"

    /// The RSS core elements live in no namespace (0.9x, 2.0) or in RSS 1.0's or 0.90's.
    static let userland = "http://backend.userland.com/rss2"
    static func isCore(_ ns: String?) -> Bool { ns == nil || ns == rss10 || ns == rss090 || ns == userland }

    /// The link of a channel or item with several `<link>` elements: the first with text, else the
    /// first `href` that is not the feed's own address.
    static func rssLink(_ links: [XMLNode], base: URL?) -> String? {
        for l in links {
            if let url = URLResolver.resolve(l.text, base: Self.base(of: l, inherited: base)) { return url }
        }
        for l in links where (l.attribute("rel") ?? "alternate") == "alternate" {
            if let url = URLResolver.resolve(l.attribute("href"), base: Self.base(of: l, inherited: base)) { return url }
        }
        return nil
    }

    static func rss(format: FeedFormat, channel: XMLNode?, items: [XMLNode], base baseURL: URL?) -> Feed {
        var feed = Feed(format: format)
        var feedBase = baseURL
        var channelAuthors: [String] = []
        if let channel {
            var dcTitle: String?
            var links: [XMLNode] = []
            var atomLink: String?
            for child in channel.children {
                switch (isCore(child.namespace), child.namespace, child.name) {
                case (true, _, "title"): feed.title = title(child.text)
                case (true, _, "link"): links.append(child)
                case (_, dc?, "title") where dc == Self.dc: dcTitle = text(child.text)
                case (_, dc?, "creator") where dc == Self.dc: if let a = text(child.text) { channelAuthors.append(a) }
                case (_, let ns?, "link") where ns == atom10:
                    if atomLink == nil, (child.attribute("rel") ?? "alternate") == "alternate" {
                        atomLink = URLResolver.resolve(child.attribute("href"), base: base(of: child, inherited: baseURL))
                    }
                default: break
                }
            }
            if feed.title == nil { feed.title = dcTitle }
            // Relative channel links stay as written: the fetch URL, when known, is their base.
            feed.link = rssLink(links, base: baseURL) ?? atomLink
            if let l = feed.link, let u = URL(string: l), u.scheme != nil { feedBase = feedBase ?? u }
        }
        for item in items {
            var e = rssItem(item, base: base(of: item, inherited: feedBase))
            if e.authors.isEmpty { e.authors = unique(channelAuthors) }
            feed.entries.append(e)
        }
        return feed
    }

    /// What an item says, by element, before the choices between alternatives are made.
    private struct ItemParts {
        var description, summary, encoded, dcDescription: String?
        var body, dcTitle, atomContent: String?
        var links: [XMLNode] = []
        var atomLink: String?
        var authors: [String] = []
        var dcAuthors: [String] = []
        var atomAuthors: [String] = []
        var guidIsLink = false
    }

    static func rssItem(_ item: XMLNode, base itemBase: URL?) -> FeedEntry {
        var e = FeedEntry()
        var p = ItemParts()
        var mediaText = MediaText()
        for c in item.children {
            if c.namespace == mediaRSS {
                readMedia(c, into: &e, text: &mediaText, base: itemBase)
                continue
            }
            switch (isCore(c.namespace), c.namespace ?? "", c.name) {
            case (true, _, "title"): e.title = title(c.text)
            case (true, _, "link"): p.links.append(c)
            case (true, _, "guid"):
                let g = c.text.trimmed
                if !g.isEmpty { e.id = g }
                p.guidIsLink = (c.attribute("isPermaLink") ?? "true") == "true"
            case (true, _, "pubDate"): e.published = DateParser.parse(c.text)
            case (true, _, "description"): p.description = c.text
            case (true, _, "summary"): p.summary = c.text
            case (true, _, "fullitem"): p.body = text(c.text)
            case (true, _, "author"): if let a = text(c.text) { p.authors.append(a) }
            case (true, _, "enclosure"):
                if let url = c.attribute("url").flatMap({ URLResolver.resolve($0, base: itemBase) }),
                    !e.media.contains(where: { $0.url == url })
                {
                    e.media.append(FeedMedia(url: url, type: c.attribute("type")))
                }
            case (_, dc, "title"): p.dcTitle = text(c.text)
            case (_, dc, "date"): e.updated = DateParser.parse(c.text)
            case (_, dc, "creator"), (_, dc, "author"): if let a = text(c.text) { p.dcAuthors.append(a) }
            case (_, dc, "description"): p.dcDescription = c.text
            case (_, dcterms, "issued"): e.published = e.published ?? DateParser.parse(c.text)
            case (_, dcterms, "modified"): e.updated = DateParser.parse(c.text)
            case (_, content, "encoded"): p.encoded = c.text
            case (_, atom10, "content"): p.atomContent = atomText(c)
            case (_, atom10, "published"): e.published = e.published ?? DateParser.parse(c.text)
            case (_, atom10, "updated"): e.updated = e.updated ?? DateParser.parse(c.text)
            case (_, atom10, "author"): if let a = atomPerson(c) { p.atomAuthors.append(a) }
            case (_, atom10, "link"):
                let l = atomLink(c, base: base(of: c, inherited: itemBase))
                if l.rel == "alternate", p.atomLink == nil { p.atomLink = l.href }
            case (_, xhtml, "body"):
                let t = HTMLText.plainText(node: c.ptr)
                if !t.isEmpty { p.body = t }
            default: break
            }
        }
        e.link = rssLink(p.links, base: itemBase) ?? p.atomLink
        e.authors = unique(!p.authors.isEmpty ? p.authors : !p.dcAuthors.isEmpty ? p.dcAuthors : p.atomAuthors)
        if e.title == nil { e.title = p.dcTitle ?? mediaText.title }
        if e.published == nil { e.published = e.updated }
        if e.id == nil, let about = item.attribute("about", namespace: rdf) { e.id = about }
        if e.link == nil, p.guidIsLink, let g = e.id, g.hasPrefix("http") { e.link = g }
        let description = p.description ?? p.dcDescription
        // With both <summary> and <description>, the description is the content.
        if let summary = p.summary {
            e.summary = text(summary)
            e.content = text(p.encoded) ?? p.body ?? p.atomContent ?? text(description)
        } else {
            e.summary = text(description)
            e.content = text(p.encoded) ?? p.body ?? p.atomContent
        }
        if e.summary == nil, e.content == nil { e.summary = mediaText.description }
        return e
    }
}

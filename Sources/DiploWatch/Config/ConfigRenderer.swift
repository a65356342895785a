/// Renders a config back to TOML with every default filled in (`diplowatch config show`).
public enum ConfigRenderer {
    public static func toml(_ c: Config) -> String {
        var s = "# effective configuration (\(c.source ?? "embedded default"))\n"
        s += "[daemon]\n"
        s += "database = \(q(c.daemon.database))\n"
        s += "poll_interval = \(q(ConfigDuration.format(c.daemon.pollInterval)))\n"
        s += "min_interval = \(q(ConfigDuration.format(c.daemon.intervalBounds.lowerBound)))\n"
        s += "max_interval = \(q(ConfigDuration.format(c.daemon.intervalBounds.upperBound)))\n"
        s += "concurrency = \(c.daemon.concurrency)\n"
        s += "per_host = \(c.daemon.perHost)\n"
        s += "dead_after = \(q(ConfigDuration.format(c.daemon.deadAfter)))\n"
        if let p = c.daemon.proxy { s += "proxy = \(q(redact(p)))\n" }
        if let f = c.daemon.caFile { s += "ca_file = \(q(f))\n" }
        s += "connect_timeout = \(q(ConfigDuration.format(c.daemon.connectTimeout)))\n"
        s += "timeout = \(q(ConfigDuration.format(c.daemon.timeout)))\n"
        s += "max_body = \(c.daemon.maxBodyBytes)\n"
        s += "user_agent = \(q(c.daemon.userAgent))\n"
        if let r = c.daemon.retention { s += "retention = \(q(ConfigDuration.format(r)))\n" }
        if let m = c.daemon.metrics { s += "metrics = \(q(m))\n" }
        s += "\n"
        s += "[alerts]\nlog = \(q(c.alerts.log))\nformat = \(q(c.alerts.format.rawValue))\n"
        s += "max_age = \(q(ConfigDuration.format(c.alerts.policy.maxAge)))\n"
        if let a = c.alerts.atom { s += "atom = \(q(a))\n" }
        if let d = c.dictionaries { s += "\n[extraction]\ndictionaries = \(q(d))\n" }
        for f in c.feeds {
            s += "\n[[feeds]]\nurl = \(q(redact(f.url)))\n"
            if let n = f.name { s += "name = \(q(n))\n" }
            if let i = f.interval { s += "interval = \(q(ConfigDuration.format(i)))\n" }
            if let p = f.proxy { s += "proxy = \(q(redact(p)))\n" }
            if f.fullText { s += "full_text = true\n" }
            if let c = f.category { s += "category = \(q(c))\n" }
        }
        for t in c.topics {
            s += "\n[[topics]]\nname = \(q(t.name))\n"
            if !t.keywords.isEmpty { s += "keywords = \(list(t.keywords))\n" }
            if !t.countries.isEmpty { s += "countries = \(list(t.countries))\n" }
            if !t.types.isEmpty { s += "types = \(list(t.types))\n" }
            if !t.status.isEmpty { s += "status = \(list(t.status))\n" }
            if let m = t.maxPerHour { s += "max_per_hour = \(m)\n" }
        }
        for a in c.actors {
            s += "\n[[actors]]\nname = \(q(a.name))\ncountry = \(q(a.country))\n"
            if !a.aliases.isEmpty { s += "aliases = \(list(a.aliases))\n" }
            if let t = a.title { s += "title = \(q(t))\n" }
        }
        return s
    }

    /// Hides a password and secret query parameters in a URL (`https://user:***@host/?api_key=***`).
    static func redact(_ url: String) -> String { Redact.url(url) }

    static func q(_ s: String) -> String {
        var out = "\""
        for ch in s {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.append(ch)
            }
        }
        return out + "\""
    }

    static func list(_ items: [String]) -> String { "[" + items.map(q).joined(separator: ", ") + "]" }
}

import Foundation

/// A seeded generator of news-like articles and feeds, written for benchmarks: a fraction
/// diplomatic, the rest everyday news; full articles (about 4 KB) mixed with one-paragraph
/// summaries, publication dates spread over weeks, and developments between some forty (or a
/// hundred) states over several years, so the number of distinct developments grows with the corpus. Same seed,
/// same corpus.
struct SyntheticNews {
    var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    /// SplitMix64: every bit is well mixed (an LCG's low bits repeat after a few thousand draws,
    /// which made whole articles repeat).
    mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

    static let leaders = [
        ("US Secretary of State", "Marco Rubio"), ("Chinese Foreign Minister", "Wang Yi"), ("Indian Prime Minister", "Narendra Modi"),
        ("French President", "Emmanuel Macron"), ("Russian Foreign Minister", "Sergey Lavrov"),
        ("Japanese Prime Minister", "Shigeru Ishiba"),
        ("Brazilian President", "Luiz Inacio Lula da Silva"), ("Turkish President", "Recep Tayyip Erdogan"),
        ("German Chancellor", "Friedrich Merz"), ("Australian Foreign Minister", "Penny Wong"),
    ]
    static let cities = ["Geneva", "Jakarta", "Brasilia", "Nairobi", "Doha", "Vienna", "Singapore", "Ankara", "Hanoi", "Oslo"]
    static let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    static let topics = [
        "trade", "tariffs", "the Taiwan Strait", "climate finance", "a ceasefire in Gaza", "critical minerals", "fentanyl",
    ]
    static let filler = [
        "Officials said the talks had been planned for several weeks and covered a wide range of issues.",
        "Markets were little changed after the announcement, with analysts saying the outcome had largely been expected.",
        "The city council approved a new budget for public transport, including more buses on evening routes.",
        "Heavy rain is forecast for the weekend, and residents near the river were advised to prepare sandbags.",
        "The company reported higher quarterly revenue, helped by strong demand for its cloud services.",
        "Local schools will reopen on Monday after the holiday break, the education department said.",
        "The museum's new exhibition draws on archives that have not been shown to the public before.",
        "Both teams will play again next week in the second leg of the semi-final.",
    ]

    /// States as news names them: name, demonym, capital.
    static let states = [
        ("Kenya", "Kenyan", "Nairobi"), ("Peru", "Peruvian", "Lima"), ("Chile", "Chilean", "Santiago"),
        ("Norway", "Norwegian", "Oslo"), ("Ghana", "Ghanaian", "Accra"), ("Bolivia", "Bolivian", "La Paz"),
        ("Egypt", "Egyptian", "Cairo"), ("Vietnam", "Vietnamese", "Hanoi"), ("Poland", "Polish", "Warsaw"),
        ("Mexico", "Mexican", "Mexico City"), ("Indonesia", "Indonesian", "Jakarta"), ("Nigeria", "Nigerian", "Abuja"),
        ("Argentina", "Argentine", "Buenos Aires"), ("Sweden", "Swedish", "Stockholm"), ("Thailand", "Thai", "Bangkok"),
        ("Morocco", "Moroccan", "Rabat"), ("Colombia", "Colombian", "Bogota"), ("Finland", "Finnish", "Helsinki"),
        ("Senegal", "Senegalese", "Dakar"), ("Malaysia", "Malaysian", "Kuala Lumpur"), ("Canada", "Canadian", "Ottawa"),
        ("Ethiopia", "Ethiopian", "Addis Ababa"), ("Portugal", "Portuguese", "Lisbon"), ("Pakistan", "Pakistani", "Islamabad"),
        ("Greece", "Greek", "Athens"), ("Uruguay", "Uruguayan", "Montevideo"), ("Tunisia", "Tunisian", "Tunis"),
        ("Austria", "Austrian", "Vienna"), ("Philippines", "Philippine", "Manila"), ("Qatar", "Qatari", "Doha"),
        ("Hungary", "Hungarian", "Budapest"), ("Kazakhstan", "Kazakh", "Astana"), ("Ireland", "Irish", "Dublin"),
        ("Angola", "Angolan", "Luanda"), ("Ecuador", "Ecuadorian", "Quito"), ("Denmark", "Danish", "Copenhagen"),
        ("Jordan", "Jordanian", "Amman"), ("Romania", "Romanian", "Bucharest"), ("Zambia", "Zambian", "Lusaka"),
        ("Mongolia", "Mongolian", "Ulaanbaatar"),
        // The states past the first `classicStates`: a scale run draws from all of them, as a year
        // of news does, so that a step's developments are mostly new ones (see `stateCount`).
        ("Albania", "Albanian", "Tirana"), ("Algeria", "Algerian", "Algiers"), ("Armenia", "Armenian", "Yerevan"),
        ("Australia", "Australian", "Canberra"), ("Bangladesh", "Bangladeshi", "Dhaka"), ("Belarus", "Belarusian", "Minsk"),
        ("Bulgaria", "Bulgarian", "Sofia"), ("Cambodia", "Cambodian", "Phnom Penh"), ("Croatia", "Croatian", "Zagreb"),
        ("Cuba", "Cuban", "Havana"), ("Cyprus", "Cypriot", "Nicosia"), ("Estonia", "Estonian", "Tallinn"),
        ("Gabon", "Gabonese", "Libreville"), ("Germany", "German", "Berlin"), ("Guatemala", "Guatemalan", "Guatemala City"),
        ("Haiti", "Haitian", "Port-au-Prince"), ("Honduras", "Honduran", "Tegucigalpa"), ("Iceland", "Icelandic", "Reykjavik"),
        ("Iraq", "Iraqi", "Baghdad"), ("Italy", "Italian", "Rome"), ("Jamaica", "Jamaican", "Kingston"),
        ("Japan", "Japanese", "Tokyo"), ("Kuwait", "Kuwaiti", "Kuwait City"), ("Latvia", "Latvian", "Riga"),
        ("Lebanon", "Lebanese", "Beirut"), ("Liberia", "Liberian", "Monrovia"), ("Libya", "Libyan", "Tripoli"),
        ("Lithuania", "Lithuanian", "Vilnius"), ("Madagascar", "Malagasy", "Antananarivo"), ("Malawi", "Malawian", "Lilongwe"),
        ("Malta", "Maltese", "Valletta"), ("Mauritania", "Mauritanian", "Nouakchott"), ("Moldova", "Moldovan", "Chisinau"),
        ("Montenegro", "Montenegrin", "Podgorica"), ("Mozambique", "Mozambican", "Maputo"), ("Namibia", "Namibian", "Windhoek"),
        ("Nicaragua", "Nicaraguan", "Managua"), ("Oman", "Omani", "Muscat"), ("Panama", "Panamanian", "Panama City"),
        ("Paraguay", "Paraguayan", "Asuncion"), ("Rwanda", "Rwandan", "Kigali"), ("Serbia", "Serbian", "Belgrade"),
        ("Slovakia", "Slovak", "Bratislava"), ("Slovenia", "Slovenian", "Ljubljana"), ("Somalia", "Somali", "Mogadishu"),
        ("Sudan", "Sudanese", "Khartoum"), ("Switzerland", "Swiss", "Bern"), ("Syria", "Syrian", "Damascus"),
        ("Tajikistan", "Tajik", "Dushanbe"), ("Tanzania", "Tanzanian", "Dodoma"), ("Uganda", "Ugandan", "Kampala"),
        ("Uzbekistan", "Uzbek", "Tashkent"), ("Yemen", "Yemeni", "Sanaa"), ("Zimbabwe", "Zimbabwean", "Harare"),
        ("Afghanistan", "Afghan", "Kabul"), ("Bahrain", "Bahraini", "Manama"), ("Kyrgyzstan", "Kyrgyz", "Bishkek"),
        ("Turkmenistan", "Turkmen", "Ashgabat"), ("Belize", "Belizean", "Belmopan"), ("Benin", "Beninese", "Porto-Novo"),
        ("Togo", "Togolese", "Lome"), ("Eritrea", "Eritrean", "Asmara"),
    ]
    /// How many of `states` the corpus of `make bench` draws from (its corpus stays what it was).
    static let classicStates = 40
    /// How many of `states` developments are drawn from: `classicStates`, or up to all of them.
    /// Developments are told apart by their type, their two states and their month, so 40 states
    /// give a scale run some 560,000 possible ones, and after a few steps most of a step's entries
    /// repeat a stored development; all 102 give about 3.7 million (over 144 months).
    var stateCount = classicStates
    /// A scale run's year of news (`newsYear(_:)`): entries published over the year that ends this
    /// many years before 2026-11-24, each development dated in the week before its entry.
    var yearsBack: Int?
    /// The publication of the entry being written, in a year of news.
    var newsDate: Date?

    /// A year of news, `yearsBack` years before the corpus's end: developments between all
    /// `states`, each the news of its day (occurred or planned, not background, so each alerts).
    /// Told apart by type, states and month, a year holds some 300,000 of them; before, every
    /// entry of every step was dated in the same 30 days, its developments in 2015-2026, and
    /// with the status of an old date ('background') raised no alert.
    mutating func newsYear(_ yearsBack: Int) {
        self.yearsBack = yearsBack
        stateCount = Self.states.count
    }

    mutating func pickState() -> (String, String, String) { Self.states[Int(next() % UInt64(stateCount))] }
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]
    static let surnames = ["Odhiambo", "Ruiz", "Lindqvist", "Mensah", "Nguyen", "Kowalski", "Haddad", "Santos", "Okafor", "Novak"]
    /// How many years the developments' own dates spread over (each month a distinct development).
    static let years = 2015...2026

    /// A development between two of `states`, dated a day of the week (near the publication) or a
    /// day of a month of `years`.
    mutating func stateSentence() -> String {
        let a = pickState()
        var b = pickState()
        if b.0 == a.0 { b = Self.states[(Self.states.firstIndex { $0.0 == a.0 }! + 1) % stateCount] }
        let topic = pick(Self.topics)
        let when =
            newsDate != nil
            ? recentWhen()
            : next() % 3 == 0
                ? "on \(pick(Self.days))"
                : "on \(pick(Self.months)) \(1 + next() % 28), \(Self.years.lowerBound + Int(next() % UInt64(Self.years.count)))"
        switch next() % 7 {
        case 0:
            return "\(a.1) Foreign Minister Ana \(pick(Self.surnames)) met \(b.1) Foreign Minister Luis \(pick(Self.surnames)) in "
                + "\(pick([a.2, b.2])) \(when) to discuss \(topic), officials said."
        case 1: return "The foreign ministers of \(a.0) and \(b.0) will meet in \(pick(Self.cities)) \(when) to discuss \(topic)."
        case 2: return "\(a.0) urged \(b.0) to make progress on \(topic), the ministry said \(when)."
        case 3: return "\(a.0) expelled two \(b.1) diplomats \(when), the foreign ministry said."
        case 4: return "\(a.0) and \(b.0) signed an agreement on \(topic) in \(pick(Self.cities)) \(when)."
        case 5:
            return
                "\(a.1) President Maria \(pick(Self.surnames)) spoke by phone with \(b.1) President Jose \(pick(Self.surnames)) \(when) about \(topic)."
        default: return "\(a.0) imposed sanctions on \(b.0) \(when) over a border dispute."
        }
    }

    static let utc: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    /// A day in the week before `newsDate`: its date, or a third of the time its weekday.
    mutating func recentWhen() -> String {
        let day = Self.utc.dateComponents([.year, .month, .day, .weekday], from: newsDate!.addingTimeInterval(-Double(next() % 7) * 86400))
        let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
        if next() % 3 == 0 { return "on \(weekdays[day.weekday! - 1])" }
        return "on \(Self.months[day.month! - 1]) \(day.day!), \(day.year!)"
    }

    /// A one-paragraph summary, as most feeds carry: a development and a line of context, or two
    /// lines of everyday news.
    mutating func summary(diplomatic: Bool) -> String {
        diplomatic
            ? stateSentence() + " " + pick(Self.filler)
            : pick(Self.filler) + " " + pick(Self.filler) + " Reported by \(pick(Self.surnames)) in \(pick(Self.cities)), "
                + "story \(next() % 1_000_000)."
    }

    mutating func diplomaticSentence() -> String {
        // Half the developments are between the states of `states`, many and spread over years.
        if next() % 2 == 0 { return stateSentence() }
        let (t1, n1) = pick(Self.leaders)
        var (t2, n2) = pick(Self.leaders)
        if n2 == n1 { (t2, n2) = Self.leaders[(Self.leaders.firstIndex { $0.1 == n1 }! + 1) % Self.leaders.count] }
        let city = pick(Self.cities)
        let day = pick(Self.days)
        let topic = pick(Self.topics)
        switch next() % 6 {
        case 0: return "\(t1) \(n1) met \(t2) \(n2) in \(city) on \(day) to discuss \(topic), officials said."
        case 1: return "\(t1) \(n1) and \(t2) \(n2) will speak by phone next week about \(topic)."
        case 2: return "\(t1) \(n1) urged \(t2) \(n2) to make progress on \(topic)."
        case 3: return "\(n1) is expected to visit \(city) later this month for talks with \(n2)."
        case 4: return "\(t1) \(n1) warned \(n2) against new tariffs, the ministry said on \(day)."
        default: return "The two governments signed an agreement on \(topic) in \(city) on \(day)."
        }
    }

    /// An article of about `bytes` bytes. A diplomatic one opens with a development and tells two
    /// or three more among its paragraphs, as wire copy does; the rest is everyday news.
    mutating func article(bytes: Int = 4096, diplomatic: Bool) -> String {
        var paragraphs: [String] = []
        var size = 0
        var developments = diplomatic ? 3 + Int(next() % 2) : 0
        while size < bytes {
            let s: String
            if developments > 0, paragraphs.isEmpty || next() % 8 == 0 {
                s = diplomaticSentence()
                developments -= 1
            } else {
                s = pick(Self.filler)
            }
            paragraphs.append(s)
            size += s.utf8.count + 1
        }
        return paragraphs.joined(separator: "\n")
    }

    /// What a feed generator needs besides the feed's number: the share of diplomatic articles,
    /// the share of full articles (the rest are one-paragraph summaries), and the prefix that
    /// makes entry ids and links of one generation of the corpus distinct from another's.
    struct Mix {
        var diplomaticShare = 0.3
        var fullShare = 0.4
        var generation = ""
    }

    /// A publication time in the 30 days before 2026-11-24 10:00 UTC, to the second.
    /// In a year of news (`yearsBack`), a time in that year.
    mutating func published() -> Date {
        if let yearsBack {
            return Date(timeIntervalSince1970: 1_795_514_400 - Double(yearsBack * 365 * 86400) - Double(next() % (365 * 86400)))
        }
        return Date(timeIntervalSince1970: 1_795_514_400 - Double(next() % (30 * 86400)))
    }

    nonisolated(unsafe) static let iso8601 = ISO8601DateFormatter()

    static let rfc822: DateFormatter = {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return f
    }()

    /// An Atom 1.0 feed of `items` articles.
    mutating func atom(feed: Int, items: Int, mix: Mix = Mix()) -> String {
        var s = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Bench feed \(feed)</title>"
        s += "<id>tag:bench.example,2026:\(feed)</id><updated>2026-11-24T10:00:00Z</updated>"
        for (i, (html, date)) in escapedArticles(items, mix: mix).enumerated() {
            let id = "\(mix.generation)\(feed)-\(i)"
            let published = date ?? published()
            s += "<entry><title>Story \(id)</title><link href=\"https://bench.example/\(id)\"/>"
            s += "<id>tag:bench.example,2026:\(id)</id><published>\(Self.iso8601.string(from: published))</published>"
            s += "<content type=\"html\">\(html)</content></entry>\n"
        }
        return s + "</feed>\n"
    }

    /// An RSS 2.0 feed of `items` articles.
    mutating func rss(feed: Int, items: Int, mix: Mix = Mix()) -> String {
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Bench feed \(feed)</title>"
        s += "<link>https://bench.example/\(feed)/</link>"
        for (i, (html, date)) in escapedArticles(items, mix: mix).enumerated() {
            let id = "\(mix.generation)\(feed)-\(i)"
            let published = date ?? published()
            s += "<item><title>Story \(id)</title><link>https://bench.example/\(id)</link>"
            s += "<guid isPermaLink=\"false\">bench-\(id)</guid><pubDate>\(Self.rfc822.string(from: published))</pubDate>"
            s += "<description>\(html)</description></item>\n"
        }
        return s + "</channel></rss>\n"
    }

    /// Articles as HTML paragraphs, escaped for an XML element; in a year of news, each with the
    /// publication its developments are dated from (otherwise the feed draws one).
    mutating func escapedArticles(_ count: Int, mix: Mix) -> [(html: String, published: Date?)] {
        (0..<count).map { _ in
            newsDate = yearsBack == nil ? nil : published()
            let diplomatic = Double(next() % 1000) / 1000 < mix.diplomaticShare
            let full = Double(next() % 1000) / 1000 < mix.fullShare
            let text = (full ? article(diplomatic: diplomatic) : summary(diplomatic: diplomatic)).replacingOccurrences(
                of: "&", with: "&amp;"
            ).replacingOccurrences(of: "<", with: "&lt;")
            return ("&lt;p&gt;" + text.replacingOccurrences(of: "\n", with: "&lt;/p&gt;&lt;p&gt;") + "&lt;/p&gt;", newsDate)
        }
    }
}

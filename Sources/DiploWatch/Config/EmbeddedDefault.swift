/// The configuration used when no config file exists: a bundled sample feed (served from the
/// binary through the `sample:` URL scheme), a few topics, and the default database and alert log.
public enum EmbeddedDefault {
    public static var config: Config {
        var c = Config()
        c.feeds = [FeedConfig(url: "sample:world", name: "DiploWatch sample feed", interval: 900)]
        c.topics = [
            TopicConfig(name: "us-china", countries: ["USA", "CHN"], types: ["CONSULT", "THREATEN", "SANCTION", "ACCUSE", "AGREE"]),
            TopicConfig(name: "sanctions", types: ["SANCTION"]),
            TopicConfig(name: "leader-contact", types: ["CONSULT"], status: ["occurred", "planned"]),
        ]
        return c
    }

    /// Feeds bundled in the binary, by name (`sample:NAME`). Their entries carry no date, so they
    /// count as published when fetched and alert on a first poll whatever `max_age` is.
    public static let samples: [String: String] = [
        "world": """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel>
        <title>DiploWatch sample feed</title>
        <link>https://example.org/diplowatch-sample</link>
        <description>Bundled with DiploWatch so a new install shows alerts before any feed is configured.</description>
        <item>
          <title>US and Chinese top diplomats meet in Kuala Lumpur</title>
          <link>https://example.org/diplowatch-sample/us-china-meeting</link>
          <guid isPermaLink="false">diplowatch-sample-1</guid>
          <description>US Secretary of State Marco Rubio met Chinese Foreign Minister Wang Yi on Tuesday in Kuala Lumpur, where the two sides discussed tariffs and the Taiwan Strait.</description>
        </item>
        <item>
          <title>EU imposes sanctions on Russian shadow fleet</title>
          <link>https://example.org/diplowatch-sample/eu-sanctions</link>
          <guid isPermaLink="false">diplowatch-sample-2</guid>
          <description>The European Union on Monday imposed sanctions on Russia targeting tankers of its shadow fleet, the EU Council said.</description>
        </item>
        <item>
          <title>Harvest festival opens</title>
          <link>https://example.org/diplowatch-sample/festival</link>
          <guid isPermaLink="false">diplowatch-sample-3</guid>
          <description>The annual harvest festival opened on Sunday with music and food stalls.</description>
        </item>
        </channel></rss>
        """
    ]
}

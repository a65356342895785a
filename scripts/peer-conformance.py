#!/usr/bin/env python3
"""Scores `diplowatch feed inspect --json` against the expectations of three other feed parsers' test
suites (gofeed, feedjira, miniflux), read at run time from SHARED/data/peer-feeds/<peer>/: the peer's own
inputs, its license, and expectations.json (file, field, expected value, where in the peer's tests it
comes from). Nothing of the peers is kept in this repository.

Usage: peer-conformance.py [SHARED_DIR] [BINARY] [--verbose] [--peer NAME]

How a peer's field maps onto DiploWatch's model (`feed inspect --json`):

  feed_title   -> title              feed_link -> link             entry_count -> len(entries)
  id           -> entries[i].id      title     -> entries[i].title link        -> entries[i].link
  published    -> entries[i].published (miniflux's `or_updated`: published, else updated)
  updated      -> entries[i].updated
  author       -> entries[i].authors (every author, in order). DiploWatch writes a person "Name (email)"
                  (feedparser's way) and keeps RSS's "email (Name)" as written; the peers' author is the
                  name, so the name is compared. gofeed's item.Author is the first of its authors;
                  miniflux joins its authors sorted and without repeats, so ours are compared that way.
  summary      -> entries[i].summary
  content      -> entries[i].content (miniflux's `either`: miniflux keeps one text per entry, the
                  content or else the description, so it is compared with our content or our summary)
  media        -> the URLs of entries[i].media (enclosures, Media RSS, Atom rel="enclosure", JSON Feed
                  attachments): every URL the peer expects must be there, and any other must be a
                  thumbnail or an entry image, which DiploWatch collects and the peers keep apart.

Text is compared as plain text: DiploWatch keeps no markup, so the peer's value is made plain too (tags
dropped, entities decoded once) and whitespace is collapsed on both sides. A body (summary, content) that
is markup with no text, an image alone, is no text. Peers that cut a summary to a preview ("…to...")
are compared on the preview's length. Dates are compared as instants, to the second (DiploWatch keeps
whole seconds).

Expectations that are not applicable (counted apart, never as agreements or misses; --verbose lists
each, with whether DiploWatch happens to agree) are in EXCLUDED below, each with the reason: a value a
peer makes up (a title taken from a link or the text, a feed URL as the title), a convention of that
peer's own model (FeedBurner's origLink as the link, a feed's managing editor as every item's author,
the last of several <link>s), or a URL that depends on the address the peer's test pretended to fetch
the feed from (a relative reference with no xml:base, which a file input cannot resolve).

Every input is also run for crashes and hangs (TIMEOUT seconds each), applicable or not.
"""
import concurrent.futures, datetime, html, json, os, re, subprocess, sys, time
from fnmatch import fnmatch

argv = sys.argv[1:]
verbose = "--verbose" in argv
only = argv[argv.index("--peer") + 1] if "--peer" in argv else None
args = [a for i, a in enumerate(argv) if not a.startswith("--") and (i == 0 or argv[i - 1] != "--peer")]
shared = args[0] if args else "../shared"
binary = args[1] if len(args) > 1 else ".build/release/diplowatch"
root = os.path.join(shared, "data/peer-feeds")
PEERS = ["gofeed", "feedjira", "miniflux"]
TIMEOUT = 10
ENV = dict(os.environ, SWIFT_BACKTRACE="enable=no")  # a crash is reported at once, not symbolicated
if not os.path.isdir(root):
    print(f"peer-conformance: skipped, no peer test data at {os.path.abspath(root)} (set SHARED=DIR)")
    sys.exit(0)

# (peer, file pattern, field or "*", reason). A field may also be "field@N" for one entry.
MADE_UP_TITLE = "entry title made up from its link, summary or content"
FETCH_URL = "URL made up from the address the peer's test fetched from"
EXCLUDED = [
    # Made-up values: the peer invents what the feed does not say; DiploWatch leaves it empty.
    ("miniflux", "inputs/*/TestParse*WithoutFeedTitle*", "feed_title", "feed URL made up as the title"),
    ("miniflux", "inputs/*/TestParseFeedWithoutTitle*", "feed_title", "feed URL made up as the title"),
    ("miniflux", "inputs/*/TestParse*FeedWithEmptyTitle*", "feed_title", "feed URL made up as the title"),
    ("miniflux", "inputs/*/TestParse*WithoutTitle*", "title", MADE_UP_TITLE),
    ("miniflux", "inputs/*/TestParse*WithoutEntryTitle*", "title", MADE_UP_TITLE),
    ("miniflux", "inputs/*/TestParse*WithMissingTitle*", "title", MADE_UP_TITLE),
    ("miniflux", "inputs/*/TestParse*EmptyTitle*", "title", MADE_UP_TITLE),
    ("miniflux", "inputs/*/TestParse*EmptyXHTMLTitle*", "title", MADE_UP_TITLE),
    ("miniflux", "inputs/rss/TestParseEntryWithRelativeURL*", "title", MADE_UP_TITLE),
    ("miniflux", "inputs/rdf/TestParseRDFItemWitEmptyTitleElement*", "title", MADE_UP_TITLE),
    ("miniflux", "inputs/json/TestParseJsonFeedVersion1.json", "title", MADE_UP_TITLE),
    ("miniflux", "inputs/*/TestParse*WithoutSiteURL*", "feed_link", FETCH_URL),
    ("miniflux", "inputs/*/TestParse*WithoutHomePage*", "feed_link", FETCH_URL),
    ("miniflux", "inputs/*/TestParse*WithoutFeedURL*", "feed_link", FETCH_URL),
    ("miniflux", "inputs/*/TestParse*FeedWithEmptyLink*", "feed_link", FETCH_URL),
    ("miniflux", "inputs/*/TestParseFeedWithoutLink*", "feed_link", FETCH_URL),
    ("miniflux", "inputs/*/TestParseEntryWithoutLink*", "link", "entry link made up from the feed's"),
    ("miniflux", "inputs/rdf/TestParseItemWithoutLink*", "link", "entry link made up from the feed's"),
    ("miniflux", "inputs/atom10/TestParseEntryWithIDAsURL*", "link", "an Atom id taken as the link (ids name, links locate)"),
    # Conventions of the peer's own model.
    ("feedjira", "spec/sample_feeds/*FeedBurner*", "link", "FeedBurner's feedburner:origLink used as the link"),
    ("feedjira", "spec/sample_feeds/PaulDixExplainsNothing*", "link", "FeedBurner's feedburner:origLink used as the link"),
    ("feedjira", "spec/sample_feeds/TechCrunch*", "link", "FeedBurner's feedburner:origLink used as the link"),
    ("miniflux", "inputs/rss/TestParseEntryWithFeedBurner*", "link", "FeedBurner's feedburner:origLink used as the link"),
    ("miniflux", "inputs/rss/TestParseEntryWithFeedBurner*", "media", "FeedBurner's origEnclosureLink used for the enclosure"),
    ("feedjira", "spec/sample_feeds/google_alerts_atom*", "feed_link", "the feed's own address (rel=self) taken as its link"),
    ("miniflux", "inputs/rss/TestParseFeedWithWebmaster*", "author", "the feed's webMaster made every item's author"),
    ("miniflux", "inputs/rss/TestParseFeedWithManagingEditor*", "author", "the feed's managingEditor made every item's author"),
    ("miniflux", "inputs/rss/TestParseEntryWithIncorrectEnclosureLength*", "media", "an enclosure with a blank length dropped"),
    # With several <link>s gofeed keeps the last; DiploWatch the first with text (later ones are, in
    # the wild, atom:link self references written without their prefix).
    ("gofeed", "testdata/*rss_channel_links*", "feed_link", "the last of several <link>s"),
    ("gofeed", "testdata/*rdf_channel_links*", "feed_link", "the last of several <link>s"),
    ("gofeed", "testdata/*rss_channel_item_links*", "link", "the last of several <link>s"),
    ("gofeed", "testdata/*rdf_item_links*", "link", "the last of several <link>s"),
]


URL_FIELDS = {"feed_link", "link", "media", "feed_title", "title"}


def excluded(peer, file, field, entry, expected, source):
    for p, pattern, f, reason in EXCLUDED:
        if p == peer and fnmatch(file, pattern) and f in ("*", field, f"{field}@{entry}"):
            return reason
    # An absolute URL the input holds only as a relative reference, with no xml:base: the peer's test
    # resolved it against the address it pretended to fetch the feed from, which a file does not have.
    values = expected if isinstance(expected, list) else [expected]
    for v in values:
        m = re.match(r"https?://[^/]+(/.*)", str(v)) if field in URL_FIELDS else None
        if m and str(v) not in source and "xml:base" not in source and re.search(
                r"[\s\"'>]/?" + re.escape(m.group(1).lstrip("/")) + r"\s*[<\"']", source):
            return FETCH_URL
    return None


def plain(s):
    s = re.sub(r"<[^>]*>", " ", str(s))
    return " ".join(html.unescape(s).split())


def same_text(mine, expected, markup_only_is_empty=False):
    if mine is None or expected is None or (markup_only_is_empty and plain(expected) == ""):
        # Markup with no text in it (an image alone) is no text in a plain-text model.
        blank = expected is None or not str(expected).strip() or (markup_only_is_empty and plain(expected) == "")
        return not mine and blank
    a = " ".join(str(mine).split())
    b = plain(expected)
    if a == b or a == " ".join(str(expected).split()):
        return True
    # Tags removed with or without a space left behind ("<b>x</b>." vs "x .").
    squash = lambda s: re.sub(r"\s+([.,;:!?)])", r"\1", re.sub(r"([(])\s+", r"\1", s))
    if squash(a) == squash(b) or a.replace(" ", "") == b.replace(" ", ""):
        return True
    # A peer's preview: its text cut and ended with "..." is compared with ours on that length.
    if b.endswith("...") and len(b) > 40:
        cut = b[:-3].rstrip()
        return a.replace(" ", "").startswith(cut.replace(" ", ""))
    return False


def instant(s):
    if not s:
        return None
    try:
        d = datetime.datetime.fromisoformat(str(s).replace("Z", "+00:00")).replace(microsecond=0)
        return d if d.tzinfo else d.replace(tzinfo=datetime.timezone.utc)
    except ValueError:
        return None


def person_name(a):
    """DiploWatch writes a person as feedparser does, "Name (email)", and keeps RSS's "email (Name)" as
    written; the peers' author is the name alone (the email, when there is no name)."""
    a = a.strip()
    m = re.fullmatch(r"(.+?)\s*\(([^()]*)\)", a)
    if m:
        outer, inner = m.group(1).strip(), m.group(2).strip()
        if "@" in outer and "@" not in inner:
            return inner
        if "@" in inner or inner.startswith("mailto:"):
            return outer
    return a


def authors(e):
    if e.get("authors"):
        return [a for a in e["authors"] if a]
    return [e["author"]] if e.get("author") else []


def same_url(mine, expected):
    if expected is None or expected == "":
        return not mine
    return (mine or "").strip() == str(expected).strip()


def agrees(peer, field, check, feed):
    exp = check["expected"]
    if field == "entry_count":
        return len(feed.get("entries", [])) == exp
    if field == "feed_title":
        return same_text(feed.get("title"), exp)
    if field == "feed_link":
        return same_url(feed.get("link"), exp)
    entries = feed.get("entries", [])
    i = check.get("entry", 0)
    if i >= len(entries):
        return False
    e = entries[i]
    if field in ("published", "updated"):
        want = instant(exp)
        got = [instant(e.get(field))] + ([instant(e.get("updated"))] if check.get("or_updated") else [])
        return want is not None and want in got
    if field == "author":
        want = exp if isinstance(exp, list) else [exp]
        names = [person_name(a) for a in authors(e)]
        if peer == "gofeed" and len(want) == 1 and names:
            names = names[:1]  # gofeed's item.Author is the first of item.Authors
        if peer == "miniflux":
            names = sorted(set(names))  # miniflux joins its authors sorted, without repeats
        return same_text(", ".join(names), ", ".join(want)) or same_text(", ".join(authors(e)), ", ".join(want))
    if field == "media":
        want = set(exp if isinstance(exp, list) else [exp])
        media = e.get("media") or []
        mine = {m["url"] for m in media}
        extra = {m["url"] for m in media if m.get("medium") in ("thumbnail", "image")}
        return want <= mine and mine - want <= extra
    if field == "link":
        return same_url(e.get("link"), exp)
    body = field in ("content", "summary")
    if field == "content" and check.get("either"):
        return same_text(e.get("content"), exp, body) or same_text(e.get("summary"), exp, body)
    return same_text(e.get(field), exp, body)


grand_fail = False
for peer in PEERS:
    if only and peer != only:
        continue
    base = os.path.join(root, peer)
    spec = json.load(open(os.path.join(base, "expectations.json")))
    stats = {}  # field -> [applicable, agreed]
    excluded_n = {}
    excluded_list = []
    failures, broken = [], []
    inputs = crashes = hangs = 0
    outputs = {}
    files = sorted({f["file"] for f in spec["files"]})  # the peer's inputs; its expected-output files are not
    def inspect(rel):
        try:
            return rel, subprocess.run([binary, "feed", "inspect", "--json", os.path.join(base, rel)],
                                       capture_output=True, timeout=TIMEOUT, env=ENV)
        except subprocess.TimeoutExpired:
            return rel, None

    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(inspect, files))
    for rel, out in results:
        inputs += 1
        if out is None:
            hangs += 1
            broken.append(f"HANG {rel}")
            continue
        if out.returncode not in (0, 65):
            crashes += 1
            broken.append(f"CRASH({out.returncode}) {rel}")
            continue
        outputs[rel] = json.loads(out.stdout) if out.returncode == 0 else None
        if out.returncode != 0:
            outputs[rel + "#error"] = out.stderr.decode("utf-8", "replace").strip()
    for f in spec["files"]:
        rel = f["file"]
        feed = outputs.get(rel)
        source = open(os.path.join(base, rel), "rb").read().decode("utf-8", "replace")
        for check in f["checks"]:
            field = check["field"]
            reason = excluded(peer, rel, field, check.get("entry", 0), check["expected"], source)
            if reason:
                excluded_n[reason] = excluded_n.get(reason, 0) + 1
                ok = feed is not None and agrees(peer, field, check, feed)
                excluded_list.append(f"NOT APPLICABLE ({'agrees' if ok else 'differs'}) {rel} {field}: {reason}")
                continue
            s = stats.setdefault(field, [0, 0])
            s[0] += 1
            ok = feed is not None and agrees(peer, field, check, feed)
            if ok:
                s[1] += 1
            else:
                if feed is None:
                    got = outputs.get(rel + "#error", "no output")
                elif field == "entry_count":
                    got = len(feed.get("entries", []))
                elif field.startswith("feed_"):
                    got = feed.get(field[5:])
                else:
                    es = feed.get("entries", [])
                    i = check.get("entry", 0)
                    e = es[i] if i < len(es) else {}
                    got = {"author": authors(e), "media": [m["url"] for m in e.get("media") or []]}.get(field, e.get(field))
                failures.append(f"MISS {rel} {field}[{check.get('entry', '')}] expected={json.dumps(check['expected'])[:160]} "
                                f"got={json.dumps(got)[:160]}")
    total = [sum(s[0] for s in stats.values()), sum(s[1] for s in stats.values())]
    print(f"{peer}: inputs={inputs} crashes={crashes} hangs={hangs}")
    for field in sorted(stats):
        a, g = stats[field]
        print(f"  {field:<12} applicable={a:<4} agreed={g:<4} {100 * g / max(1, a):5.1f}%")
    print(f"  {'TOTAL':<12} applicable={total[0]:<4} agreed={total[1]:<4} {100 * total[1] / max(1, total[0]):5.1f}%"
          f"  (not applicable: {sum(excluded_n.values())})")
    if verbose:
        for reason, n in sorted(excluded_n.items()):
            print(f"  excluded {n}: {reason}")
        for line in excluded_list + broken + failures:
            print("  " + line)
    grand_fail = grand_fail or crashes or hangs
sys.exit(1 if grand_fail else 0)

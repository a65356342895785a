#!/usr/bin/env python3
"""Runs `diplowatch feed inspect --json` over the feedparser test corpus (../shared/data/feeds/feedparser-tests,
read at run time) and checks every expectation that maps to DiploWatch's model: feed title and link; entry id,
title, link, published/updated dates, author, summary and content. Text is compared as plain text (DiploWatch
keeps no markup), dates as instants. Reports the pass rate over applicable well-formed cases and any crash or
hang on any input. Usage: conformance.py [SHARED_DIR] [BINARY] [--verbose]
"""
import datetime, email.utils, html, json, os, re, subprocess, sys, time

args = [a for a in sys.argv[1:] if not a.startswith("--")]
verbose = "--verbose" in sys.argv
shared = args[0] if args else "../shared"
binary = args[1] if len(args) > 1 else ".build/release/diplowatch"
root = os.path.join(shared, "data/feeds/feedparser-tests")
if not os.path.isdir(root):
    sys.exit(f"conformance: no corpus at {root} (set SHARED=DIR)")

FEED_KEYS = {"title", "link"}
ENTRY_KEYS = {"id", "title", "link", "published", "published_parsed", "updated", "updated_parsed", "author", "summary", "content", "value"}
SKIP_FOLDERS = {"sanitize", "itunes", "media-rss", "geo", "psc", "cdf", "feedburner", "sgml", "lang", "http"}


def plain(s):
    s = re.sub(r"<[^>]*>", "", str(s))
    return " ".join(html.unescape(s).split())


class Text(str):
    """DiploWatch's plain text, compared with feedparser's value once that is made plain too (markup
    dropped, entities decoded); whitespace collapsed on both sides."""
    def __eq__(self, other):
        if not isinstance(other, str): return False
        mine = " ".join(self.split())
        return mine == plain(other) or mine == " ".join(other.split())
    def __ne__(self, other):
        return not self.__eq__(other)
    __hash__ = str.__hash__


def instant(s):
    if s is None: return None
    for parse in (lambda v: datetime.datetime.fromisoformat(v.replace("Z", "+00:00")), email.utils.parsedate_to_datetime):
        try:
            d = parse(s)
            return d if d.tzinfo else d.replace(tzinfo=datetime.timezone.utc)
        except Exception:
            pass
    return None


class Date(str):
    """A date compared as an instant with whatever string feedparser kept."""
    def __eq__(self, other):
        a, b = instant(self), instant(other) if isinstance(other, str) else None
        return a is not None and b is not None and a == b
    __hash__ = str.__hash__


def model(j):
    feed = {k: Text(j[k]) for k in ("title", "link") if j.get(k) is not None}
    entries = []
    for e in j.get("entries", []):
        d = {}
        for k in ("id", "title", "link", "author", "summary"):
            if e.get(k) is not None: d[k] = Text(e[k])
        if e.get("content") is not None: d["content"] = [{"value": Text(e["content"])}]
        for k in ("published", "updated"):
            if e.get(k):
                d[k] = Date(e[k])
                t = instant(e[k])
                d[k + "_parsed"] = t.astimezone(datetime.timezone.utc).utctimetuple() if t else None
        entries.append(Entry(d))
    return Entry(feed), entries


class Entry(dict):
    def __getattr__(self, k):
        return self[k]


def expectation(text):
    m = re.search(r"Description:\s*(.*?)\s*Expect:\s*(.*?)\s*-->", text, re.S)
    return (m.group(1), " ".join(m.group(2).split())) if m else (None, None)


def applicable(expr):
    """Only expressions over keys DiploWatch's model has, feed keys on the feed, entry keys on entries."""
    if re.search(r"\b(encoding|headers|etag|version|namespaces|status|href)\b", expr): return False
    feed_keys = set(re.findall(r"feed(?:\[['\"](\w+)['\"]\]|\.(\w+))", expr))
    feed_keys = {a or b for a, b in feed_keys}
    entry_keys = set(re.findall(r"entries\[\d+\](?:\[['\"](\w+)['\"]\]|\.(\w+))", expr))
    entry_keys = {a or b for a, b in entry_keys}
    other = set(re.findall(r"\[['\"](\w+)['\"]\]", expr)) - feed_keys - entry_keys - {"value"}
    if not (feed_keys or entry_keys) or other: return False
    return feed_keys <= FEED_KEYS and entry_keys <= ENTRY_KEYS


total = applicable_n = passed = crashes = hangs = 0
failures = []
for dirpath, _, files in sorted(os.walk(root)):
    rel = os.path.relpath(dirpath, root)
    top = rel.split(os.sep)[0]
    for name in sorted(files):
        if not (name.endswith(".xml") or name.endswith(".json")): continue
        path = os.path.join(dirpath, name)
        total += 1
        try:
            started = time.time()
            out = subprocess.run([binary, "feed", "inspect", "--json", path], capture_output=True, timeout=10)
        except subprocess.TimeoutExpired:
            hangs += 1
            failures.append(f"HANG {os.path.join(rel, name)}")
            continue
        if out.returncode < 0 or out.returncode not in (0, 65):
            crashes += 1
            failures.append(f"CRASH({out.returncode}) {os.path.join(rel, name)}")
            continue
        if top not in ("wellformed", "entities", "json") or any(s in rel for s in SKIP_FOLDERS): continue
        raw = open(path, "rb").read()
        for enc in ("utf-8", "utf-16", "latin-1"):
            try:
                text = raw.decode(enc)
                break
            except UnicodeDecodeError:
                continue
        # Files whose expectations depend on being served at feedparser's test URL, or on a codec check.
        if "SkipUnless:" in text or "Header:" in text or "http" in name: continue
        description, expr = expectation(text)
        if not expr: continue
        expr = re.sub(r"^\s*not bozo and\s*", "", expr)
        if "bozo" in expr or not applicable(expr): continue
        applicable_n += 1
        try:
            feed, entries = model(json.loads(out.stdout)) if out.returncode == 0 else (Entry(), [])
            ok = bool(eval(expr, {"feed": feed, "entries": entries, "datetime": datetime, "time": time}))
        except Exception as e:
            ok = False
        if ok:
            passed += 1
        else:
            failures.append(f"FAIL {os.path.join(rel, name)}: {expr}")

print(f"files={total} crashes={crashes} hangs={hangs} applicable_wellformed={applicable_n} passed={passed} "
      f"rate={passed / max(1, applicable_n):.3f}")
if verbose:
    print("\n".join(failures))

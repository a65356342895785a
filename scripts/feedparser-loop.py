#!/usr/bin/env python3
"""A third peer for make bench: feedparser over every URL, 16 at a time, with conditional GET
from the validators kept in STATE between runs (as a careful feed reader does).
Usage: feedparser-loop.py URLS_FILE STATE_FILE"""
import json
import os
import sys
from concurrent.futures import ThreadPoolExecutor

import feedparser

urls = [u.strip() for u in open(sys.argv[1]) if u.strip()]
state_file = sys.argv[2]
state = json.load(open(state_file)) if os.path.exists(state_file) else {}


def poll(url):
    v = state.get(url, {})
    d = feedparser.parse(url, etag=v.get("etag"), modified=v.get("modified"))
    return url, d.get("status"), d.get("etag"), d.get("modified"), len(d.entries)


entries = unchanged = 0
with ThreadPoolExecutor(16) as pool:
    for url, status, etag, modified, n in pool.map(poll, urls):
        entries += n
        unchanged += status == 304
        if etag or modified:
            state[url] = {"etag": etag, "modified": modified}
json.dump(state, open(state_file, "w"))
print(f"feedparser: {len(urls)} feeds, {unchanged} unchanged, {entries} entries")

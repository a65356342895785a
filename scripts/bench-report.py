#!/usr/bin/env python3
"""make bench's table and JSON file, from the figures scripts/bench.sh measured."""
import json
import os
import re
import sys

work, out, size, feeds, items, dw, nb, fp, old, versions = sys.argv[1:11]
f = lambda s: None if s == "null" else float(s)
dw, nb, fp, old = ([f(x) for x in group.split()] for group in (dw, nb, fp, old))
stages = open(os.path.join(work, "stages.txt")).read()
poll = open(os.path.join(work, "dw-cold.out")).read().strip()
corpus = os.path.join(work, "corpus")
corpus_mb = sum(os.path.getsize(os.path.join(corpus, n)) for n in os.listdir(corpus)) / 1e6


def num(pattern):
    m = re.search(pattern, stages)
    return float(m.group(1)) if m else None


def run(wall, cpu, rss=None):
    r = {"wall_s": wall, "cpu_s": cpu}
    if rss is not None:
        r["peak_rss_mb"] = round(rss / 1024, 1)
    return r


r = {
    "size": size, "feeds": int(feeds), "items_per_feed": int(items), "corpus_mb": round(corpus_mb, 1),
    "load_average_before": open("/proc/loadavg").read().split()[:3], "versions": versions.splitlines(),
    "diplowatch": {"cold": run(*dw[0:3]), "warm": run(*dw[3:6]), "warm_304": int(dw[6]), "cold_summary": poll},
    "newsboat": {"cold": run(*nb[0:3]), "second_reload": run(nb[7], nb[8]), "warm_third_reload": run(*nb[3:6]), "warm_304": int(nb[6])},
    "feedparser": {"cold": run(*fp[0:3]), "warm": run(fp[3], fp[4]), "warm_304": int(fp[5])},
    "stages_one_core": {"parse_mb_s": num(r"feed parsing: ([\d.]+) MB/s"),
                        "extraction_articles_s": num(r"extraction: ([\d.]+) articles/s"),
                        "extraction_diplomatic_only_articles_s": num(r"diplomatic articles only: ([\d.]+) articles/s"),
                        "storage_rows_s": num(r"storage: ([\d.]+) rows/s")},
}
if old[0] is not None:
    r["older_build"] = {"cold": run(old[0], old[1]), "warm": run(old[2], old[3])}
os.makedirs(os.path.dirname(out), exist_ok=True)
json.dump(r, open(out, "w"), indent=2)

d, n, p = r["diplowatch"], r["newsboat"], r["feedparser"]
print()
print(f"{size}: {feeds} feeds x {items} items, {corpus_mb:.0f} MB uncompressed, served gzipped by nginx on 127.0.0.1-16")
print(f"{'':26}{'DiploWatch':>12}{'newsboat':>12}{'feedparser':>12}{'DW/nb':>8}")
for label, key, nkey in [("cold", "cold", "cold"), ("warm", "warm", "warm_third_reload")]:
    for unit in ("wall_s", "cpu_s"):
        a, b, c = d[key][unit], n[nkey][unit], p[key][unit]
        print(f"{label + ' cycle ' + ('wall' if unit == 'wall_s' else 'CPU') + ' (s)':26}{a:>12.2f}{b:>12.2f}{c:>12.2f}{a / b:>8.2f}")
print(f"{'peak RSS cold (MB)':26}{d['cold']['peak_rss_mb']:>12.1f}{n['cold']['peak_rss_mb']:>12.1f}{p['cold']['peak_rss_mb']:>12.1f}")
print(f"warm answers 304: DiploWatch {d['warm_304']}, newsboat (third reload) {n['warm_304']}, feedparser {p['warm_304']} of {feeds}")
print(f"newsboat's second reload (no validators sent): {n['second_reload']['wall_s']:.2f} s wall, {n['second_reload']['cpu_s']:.2f} s CPU")
if "older_build" in r:
    o = r["older_build"]
    for key in ("cold", "warm"):
        print(f"older build {key}: {o[key]['wall_s']:.2f} s wall, {o[key]['cpu_s']:.2f} s CPU "
              f"(this build: {d[key]['wall_s']:.2f} s, {d[key]['cpu_s']:.2f} s CPU, "
              f"{100 * (1 - d[key]['cpu_s'] / o[key]['cpu_s']):.0f}% less CPU)")
s = r["stages_one_core"]
print(f"one core: parse {s['parse_mb_s']} MB/s, extraction {s['extraction_articles_s']} articles/s "
      f"({s['extraction_diplomatic_only_articles_s']} when all are diplomatic), storage {s['storage_rows_s']} rows/s")
print(f"DiploWatch cold cycle: {d['cold_summary']}")
print(f"figures written to {out}")

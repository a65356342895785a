#!/usr/bin/env python3
"""How many states people.txt covers each year with a head of state, a head of government and a
foreign minister in office (at least 90% of the year's days, to mid-2026 for 2026).

  scripts/office-coverage.py [--gaps] [PEOPLE [COUNTRIES]]

A state with no prime minister or chancellor in a year is counted as governed by its head of state
that year (presidential systems, or a period without a prime minister). --gaps lists, per state,
the years and offices below the threshold with the share of days covered.
"""
import collections
import datetime
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DICT = os.path.join(HERE, "..", "Sources", "Extraction", "Dictionaries")
KINDS = {"president": "HOS", "king": "HOS", "leader": "HOS", "prime minister": "HOG", "chancellor": "HOG",
         "foreign minister": "FM"}
END = datetime.date(2026, 6, 30)


def day(s):
    p = s.strip().split("-")
    return datetime.date(int(p[0]), int(p[1]), int(p[2]) if len(p) > 2 else 1)


def data_lines(path):
    for line in open(path, encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            yield [f.strip() for f in line.split("|")]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    people = args[0] if args else os.path.join(DICT, "people.txt")
    countries = args[1] if len(args) > 1 else os.path.join(DICT, "countries.txt")
    codes = [f[0] for f in data_lines(countries)]
    terms = collections.defaultdict(list)
    for f in data_lines(people):
        if len(f) >= 5 and f[2] in KINDS:
            terms[(f[1], KINDS[f[2]])].append((day(f[3]), day(f[4]) if f[4] else datetime.date(2026, 12, 31)))

    def share(code, kind, year):
        start, end = datetime.date(year, 1, 1), min(datetime.date(year, 12, 31), END)
        days = set()
        for a, b in terms.get((code, kind), []):
            d = max(a, start)
            while d <= min(b, end):
                days.add(d)
                d += datetime.timedelta(1)
        return len(days) / ((end - start).days + 1)

    gaps = collections.defaultdict(list)
    print(f"states: {len(codes)}")
    print("year   HoS  HoG   FM  all three")
    for year in range(2014, 2027):
        n = collections.Counter()
        for c in codes:
            ok = {}
            for kind in ("HOS", "HOG", "FM"):
                f = share(c, kind, year)
                if kind == "HOG" and f == 0:
                    f = share(c, "HOS", year)
                ok[kind] = f >= 0.9
                if not ok[kind]:
                    gaps[c].append(f"{kind}{year}:{f:.2f}")
                n[kind] += ok[kind]
            n["all"] += all(ok.values())
        print(f"{year}  {n['HOS']:4} {n['HOG']:4} {n['FM']:4} {n['all']:6}")
    if "--gaps" in sys.argv:
        for c, g in sorted(gaps.items()):
            print(c, " ".join(g))


if __name__ == "__main__":
    main()

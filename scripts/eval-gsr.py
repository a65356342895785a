#!/usr/bin/env python3
"""Scores `diplowatch extract` on the PETRARCH-2 gold-standard records (real news sentences coded in
CAMEO) from ../shared/data/event-coding, read at run time and never copied into the project.

CAMEO codes map to PLOVER types with the OEDA table; the country is the first three letters of an
actor code (IGOUNO -> UN). Lenient matching: same type and the gold countries within the predicted
ones. Records marked noevents count false alarms. Usage: eval-gsr.py [SHARED_DIR] [BINARY]
"""
import json, os, re, subprocess, sys, tempfile

shared = sys.argv[1] if len(sys.argv) > 1 else "../shared"
binary = sys.argv[2] if len(sys.argv) > 2 else ".build/release/diplowatch"
path = os.path.join(shared, "data/event-coding/universalpetrarch/PETR2_GSR_validation.xml")
if not os.path.exists(path):
    sys.exit(f"eval-gsr: no gold records at {path} (set SHARED=DIR)")


def plover(code):
    c = code.strip()
    if c.startswith("03"): return "AGREE"
    if c.startswith("04"): return "CONSULT"
    if c.startswith("05"): return "SUPPORT"
    if c.startswith("06"): return "COOPERATE"
    if c.startswith("07"): return "AID"
    if c[:3] in ("081", "082", "083"): return "CONCEDE"
    if c.startswith("08"): return "RETREAT"
    if c.startswith("09") or c.startswith("11"): return "ACCUSE"
    if c.startswith("10"): return "REQUEST"
    if c.startswith("12"): return "REJECT"
    if c.startswith("13"): return "THREATEN"
    if c.startswith("14"): return "PROTEST"
    if c.startswith("15"): return "MOBILIZE"
    if c.startswith("16"): return "SANCTION"
    if c.startswith("17"): return "COERCE"
    if c[:2] in ("18", "19", "20"): return "ASSAULT"
    return None


IGO = {"IGOUNO": "UN", "IGOEUR": "EU", "IGONAT": "NATO", "IGOASN": "ASEAN", "IGOAFR": "AU", "IGOWTO": "WTO", "IGOIAE": "IAEA"}


def country(actor):
    a = (actor or "").upper()
    if a.startswith("UNO"): return "UN"
    if a.startswith("IGO"): return IGO.get(a[:6], a[:6])
    if a.startswith("---"): return None
    return a[:3] if len(a) >= 3 else None


text = open(path, encoding="utf-8").read()
records = re.split(r"(?=<Sentence )", text)[1:]
tp = fp = fn = 0
negatives = false_on_negatives = 0
for rec in records:
    head = re.match(r'<Sentence [^>]*date="(\d+)"[^>]*id="([^"]+)"', rec)
    body = re.search(r"<Text>\s*(.*?)\s*</Text>", rec, re.S)
    if not head or not body:
        continue
    date = head.group(1)
    if len(date) == 6: date = "20" + date
    published = f"{date[0:4]}-{date[4:6]}-{date[6:8]}"
    gold = []
    noevents = 'noevents="True"' in rec
    for m in re.finditer(r'<EventCoding ([^>]*)/?>', rec):
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
        t = plover(attrs.get("eventcode", ""))
        if not t: continue
        codes = {c for c in (country(attrs.get("sourcecode")), country(attrs.get("targetcode"))) if c}
        if (t, frozenset(codes)) not in [(g[0], g[1]) for g in gold]:
            gold.append((t, frozenset(codes)))
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump({"text": " ".join(body.group(1).split()), "published": published}, f)
    out = subprocess.run([binary, "extract", "--json", f.name], capture_output=True, text=True)
    os.unlink(f.name)
    system = [(d["type"], {p.get("country") for p in d["participants"] if p.get("country")}) for d in json.loads(out.stdout or '{"developments": []}')["developments"]]
    if noevents:
        negatives += 1
        false_on_negatives += len(system) > 0
    used = set()
    for t, codes in gold:
        hit = next((i for i, (st, sc) in enumerate(system) if i not in used and st == t and codes <= sc), None)
        if hit is None: fn += 1
        else:
            used.add(hit)
            tp += 1
    fp += len(system) - len(used)

p = tp / (tp + fp) if tp + fp else 1.0
r = tp / (tp + fn) if tp + fn else 0.0
f1 = 2 * p * r / (p + r) if p + r else 0.0
print(f"GSR records={len(records)} gold_events={tp + fn} system={tp + fp} noevents_records={negatives} with_false_alarms={false_on_negatives}")
print(f"lenient P={p:.3f} R={r:.3f} F1={f1:.3f}")

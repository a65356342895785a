#!/usr/bin/env python3
"""Converts the CAMEO verb dictionary of PETRARCH-2 (CAMEO.2.0.txt, MIT) into the extractor's verb
classes, Sources/Extraction/Dictionaries/verbs.txt.

    scripts/cameo-verbs.py ../shared/data/event-coding/petrarch2/CAMEO.2.0.txt > Sources/Extraction/Dictionaries/verbs.txt

A verb takes the code written on its line, else its block's. A verb with neither takes the CAMEO
root most of its own patterns give, when at least five patterns and three in four agree. Only
single verbs and verb-particle pairs ("lash out") are kept; the object patterns are not. The
roots kept and the type and frame each gets are in CLASSES; DROPPED lists the verbs whose usual
sense in news is not the act (each measured on the development articles or plainly another sense).
"""
import collections, re, sys

# CAMEO code prefix -> (type, frame written as in frames.txt without the lemma). Longest prefix wins.
CLASSES = [
    ("010", "SPEECH", "VERB +ccomp nsubj=source"),
    ("015", "SPEECH", "VERB +ccomp nsubj=source"),
    ("02", "REQUEST", "VERB nsubj=source obj=target obl:to=target obl:with=target ccomp=target"),
    ("10", "REQUEST", "VERB nsubj=source obj=target obl:from=target obl:on=target ccomp=target"),
    ("11", "ACCUSE", "VERB nsubj=source obj=target obl:against=target obl:at=target obl:with=target ccomp=target"),
    ("12", "REJECT", "VERB nsubj=source obj=target obl:to=target"),
    ("13", "THREATEN", "VERB nsubj=source obj=target obl:against=target ccomp=target"),
    ("051", "SUPPORT", "VERB nsubj=source obj=target"),
    ("050", "SUPPORT", "VERB nsubj=source obj=target obl:with=target"),
]

DROPPED = set("""
outline circulate diffuse dispense disperse disseminate dissipate distribute propagate scatter spread speak talk
utter verbalise verbalize ordain pronounce accentuate impress pinpoint punctuate spotlight assess calculate count
estimate figure gauge measure reassesment score sum tally total clear_up articulate cite clarify convey define
depict describe detail elucidate explicate expound impart inform narrate rationalize refer take_note watch_over
notice observe saw see view watch witness anticipate augur auspicate await envisage forebode foresee foreshadow
foretell portend prefigure presage prognosticate quote retell bemock copy echo imitate mimic repeat address
apply desire hope advocate counsel hint propose recommend suggest solicit
decree order bid campaign clamor clamour crusade necessitate need insist
grill dismiss spurn express compensate renounce allege aver avow claim swear blaspheme curse despair disappoint
discourage dishearten dismay sadden distrust oppugn suspect cry grieve mourn wail weep whine rebuff slight snub
regret argue challenge compete contend contest contradict contrast contravene counter counterbalance differ
dispute dissent refute wrangle debase defile degrade disgrace humble humiliate lecture reprobate jeer scoff abhor
crucify savage charge implicate defer delay forestall hamper hinder impede inhibit obstruct postpone prevent
procrastinate remit retard shelve stall stymie table override overrule
defect fail defy breach resist withstand deny
react haggle confer consult converse discuss advise ask_for
endanger risk
agree bargain barter deal ally associate collaborate concert cooperate conform coordinate correlate harmonise
harmonize integrate orchestrate organise organize synchronise synchronize unionise unionize admit confess confide
divulge expose profess reveal unveil affect impact influence persuade tempt exuberate exult rejoice triumph
advertise advertize promote affirm admire celebrate clap commemorate greet honor honour recognise recognize respect
reward toast bless sanctify cheer embolden encourage enliven galvanize inspire invigorate reassure revitalize rouse
spur favor favour prefer exalt glorify legitimise legitimize reassert esteem prize value
""".split())

NOTICE = """# Verb classes of the verbal acts and of speech, converted by scripts/cameo-verbs.py from the CAMEO
# verb dictionary of PETRARCH-2 (CAMEO.2.0.txt, openeventdata/petrarch2), under its MIT license:
#
#   The MIT License (MIT)
#   Copyright (c) 2015 Open Event Data Alliance
#
#   Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
#   associated documentation files (the "Software"), to deal in the Software without restriction,
#   including without limitation the rights to use, copy, modify, merge, publish, distribute,
#   sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
#   furnished to do so, subject to the following conditions:
#
#   The above copyright notice and this permission notice shall be included in all copies or
#   substantial portions of the Software.
#
#   THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
#   NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
#   NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
#   DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
#   OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
#
# TYPE | CAMEO code | frame: a part of speech and items as in frames.txt | lemmas separated by ;
# ("lash out" is a verb and its particle). A lemma with a frame in frames.txt keeps only that one.
"""


def verbs(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    start = next(i for i, l in enumerate(lines) if l.startswith("####### VERB PATTERNS"))
    block, block_code, found, patterns = None, None, [], collections.defaultdict(list)
    for line in lines[start + 1:]:
        text, _, comment = line.partition("#")
        if not text.strip():
            continue
        m = re.match(r"^---\s+(\S+)\s+\[(.*?)\]\s+---", text)
        if m:
            block, block_code = m.group(1), m.group(2)
            continue
        if text.startswith("-"):
            m = re.search(r"\[:?(\d+)", text)
            if m and comment.split():
                patterns[(block, comment.split()[0])].append(m.group(1))
            continue
        m = re.match(r"^\s*\+?([A-Z][A-Z_'\-]*)\s*(\{[^}]*\})?\s*(\[(\d+)\])?", text)
        if m:
            code = m.group(4) or (block_code if block_code != "---" else None)
            found.append((block, m.group(1).rstrip("_"), code))
    for block, verb, code in found:
        if code is None:
            roots = collections.Counter(c[:2] for c in patterns.get((block, verb), []))
            if roots and sum(roots.values()) >= 5:
                root, n = roots.most_common(1)[0]
                if n * 4 >= sum(roots.values()) * 3:
                    code = root + "0"
        if code:
            yield verb.lower(), code


def main():
    classes = collections.OrderedDict()
    for verb, code in verbs(sys.argv[1]):
        words = verb.split("_")
        if verb in DROPPED or len(words) > 2 or not all(w.isalpha() for w in words):
            continue
        match = max((c for c in CLASSES if code.startswith(c[0])), key=lambda c: len(c[0]), default=None)
        if match is None:
            continue
        key = (match[1], match[0], match[2])
        lemma = " ".join(words)
        if lemma not in classes.setdefault(key, []):
            classes[key].append(lemma)
    sys.stdout.write(NOTICE)
    for (type_, code, frame), lemmas in classes.items():
        print(f"{type_}|{code}|{frame}|{'; '.join(lemmas)}")


if __name__ == "__main__":
    main()

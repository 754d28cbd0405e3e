#!/usr/bin/env python3
"""Finds Dutch text written in C that reached an English build.

usage: lang_check.py SRC_DIR OUT_DIR

Collects the string literals of plugins/*/*.c, splits them at printf
directives, keeps the fragments that read as Dutch (a Dutch function word
and at least two words), and looks for each in the English build's visible
text: the .gp scripts (titles, labels, keys, datablock text), the .svg files
and the manifests' notes. Prints one line per hit, "FILE: FRAGMENT (from
SOURCE:LINE)", and exits 1 when there is any. Data (table labels, place
names) is not C text and is not looked for."""
import glob
import json
import os
import re
import sys

DUTCH = {"de", "het", "een", "van", "geen", "niet", "voor", "naar", "met", "zijn", "tellen", "ontbreekt",
         "gegevens", "waarde", "januari", "bron", "paneel", "afgerond", "overig", "rapport", "bij", "uit",
         "jaren", "onbekend", "aandeel", "gemeenten", "geïnterpoleerd", "regel", "regels", "generatie",
         "eerste", "tweede", "waargenomen", "ontbreken", "eindigt", "beginnen", "personen"}
# Words that are Dutch text even alone (legend defaults such as "waargenomen").
DUTCH_ALONE = {"waargenomen", "generatie", "onbekend", "geïnterpoleerd"}
# Fragments of gnuplot commands are not text.
GNUPLOT = re.compile(r"\b(using|with|plot|set|unset|sprintf|lc|rgb|title)\b")
ENGLISH = {"the", "of", "and", "no", "not", "for", "by", "with", "from", "to", "is", "are", "expected"}

LIT = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
DIRECTIVE = re.compile(r'%[-+ #0-9.*]*(?:zu|ld|lu|[sdfgqcui%])')


def fragments(src_dir):
    out = []
    for path in sorted(glob.glob(os.path.join(src_dir, "plugins", "*", "*.c"))):
        for ln, line in enumerate(open(path, encoding="utf-8", errors="replace"), 1):
            s = line.strip()
            if s.startswith("#include") or s.startswith("//") or s.startswith("*") or s.startswith("/*"):
                continue
            if "log(" in line:  # messages to the terminal, not figure text
                continue
            for m in LIT.finditer(line):
                text = m.group(1).encode().decode("unicode_escape", errors="ignore")
                try:
                    text = text.encode("latin-1").decode("utf-8")
                except (UnicodeDecodeError, UnicodeEncodeError):
                    pass
                for frag in DIRECTIVE.split(text):
                    frag = frag.strip(" .,;:()'\"\n")
                    words = re.findall(r"[A-Za-zÀ-ÿ]+", frag.lower())
                    if GNUPLOT.search(frag):
                        continue
                    alone = len(words) == 1 and words[0] in DUTCH_ALONE
                    if not alone and (len(words) < 2 or len(frag) < 8):
                        continue
                    if DUTCH & set(words) and not (ENGLISH & set(words)):
                        out.append((frag, "%s:%d" % (os.path.relpath(path, src_dir), ln)))
    return out


def visible_texts(out_dir):
    for path in sorted(glob.glob(os.path.join(out_dir, "*.gp")) + glob.glob(os.path.join(out_dir, "*.svg"))):
        yield path, open(path, encoding="utf-8", errors="replace").read()
    for path in sorted(glob.glob(os.path.join(out_dir, "*.json"))):
        try:
            notes = json.load(open(path, encoding="utf-8")).get("notes", [])
        except (ValueError, AttributeError):
            continue
        yield path, "\n".join(n if isinstance(n, str) else json.dumps(n, ensure_ascii=False) for n in notes)


def main():
    src_dir, out_dir = sys.argv[1], sys.argv[2]
    frags = fragments(src_dir)
    hits = 0
    for path, text in visible_texts(out_dir):
        for frag, where in frags:
            if frag in text:
                print("%s: %s (from %s)" % (os.path.basename(path), frag, where))
                hits += 1
    print("# %d Dutch fragments from C looked for, %d found in the English build" % (len(frags), hits))
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())

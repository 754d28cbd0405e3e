#!/usr/bin/env python3
"""Adds claims to the registry and exclusions to data/claims/scan-exclusions.tsv
from a small spec file, keeping each registry file in report order and its
formatting (json.dumps indent=1). Used while accounting for the numbers the
scanner finds (docs/claims.md); every claim added still needs its quote to be
verbatim at its line (tests/e2e/test_claims_quotes.c checks it).

Spec lines (tab-separated):
  claim  ch  id  line  op  value  unit  tol  measure|-  quote  en  [note]
  excl   line  text  class  reason
"""
import json, sys, os

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
reg = os.path.join(root, 'data', 'claims')
excl = os.path.join(reg, 'scan-exclusions.tsv')

def main(spec):
    claims = {}
    ex = []
    for raw in open(spec, encoding='utf-8'):
        raw = raw.rstrip('\n')
        if not raw or raw.startswith('#'):
            continue
        f = raw.split('\t')
        if f[0] == 'claim':
            ch, cid, line, op, value, unit, tol, measure, quote, en = f[1:11]
            note = f[11] if len(f) > 11 else None
            c = {"id": cid, "line": int(line), "figure": None, "quote_nl": quote, "en": en,
                 "op": op, "value": float(value) if '.' in value else int(value), "unit": unit,
                 "tolerance": float(tol) if '.' in tol else int(tol),
                 "measure": None if measure == '-' else measure}
            if note:
                c["note"] = note
            c["source"] = "report text (added by the number scanner)"
            claims.setdefault(int(ch), []).append(c)
        elif f[0] == 'excl':
            ex.append('\t'.join(f[1:5]))
        else:
            sys.exit('bad spec line: ' + raw)
    for ch, new in claims.items():
        p = os.path.join(reg, 'ch%d.json' % ch)
        d = json.load(open(p, encoding='utf-8'))
        ids = {x['id'] for x in d}
        for c in new:
            if c['id'] in ids:
                sys.exit('duplicate id ' + c['id'])
            d.append(c)
        d.sort(key=lambda x: x['line'])
        open(p, 'w', encoding='utf-8').write(json.dumps(d, indent=1, ensure_ascii=False) + '\n')
    if ex:
        with open(excl, 'a', encoding='utf-8') as o:
            for e in ex:
                o.write(e + '\n')

main(sys.argv[1])

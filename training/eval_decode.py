"""Decoding experiments on saved recognizer outputs (FeatureCache.java --eval ... PROBS.f32):
greedy CTC versus k-best CTC prefix beam search rescored by a soft prior from the per-state serial
formats kept in lpr-synth (us-states.txt). The prior's weight is chosen on synthetic validation
plates only, never on the dev crops.

  /usr/bin/python3 training/eval_decode.py PROBS.f32 LABELS.csv [--bonus 2.0]
"""
import argparse
import csv
import math
import os
import re
from collections import defaultdict

import numpy as np

ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
HERE = os.path.dirname(os.path.abspath(__file__))
STATES = os.path.join(HERE, '..', 'lpr-synth', 'src', 'main', 'resources', 'org', 'lpr', 'synth', 'us-states.txt')


def serial_patterns(path=STATES):
    """Regular expressions for every state's serial formats, separators removed."""
    pats = set()
    for line in open(path, encoding='utf-8'):
        if line.startswith('#') or not line.strip():
            continue
        for f in line.split('|')[3].split(';'):
            shape = re.sub(r'[^LDA]', '', f)
            pats.add('^' + ''.join({'L': '[A-Z]', 'D': '[0-9]', 'A': '[A-Z0-9]'}[c] for c in shape) + '$')
    return [re.compile(p) for p in sorted(pats)]


def greedy(p):
    s, prev = [], 0
    for k in p.argmax(-1):
        if k != prev and k != 0:
            s.append(ALPHABET[k - 1])
        prev = k
    return ''.join(s)


def beam(p, width=12):
    """CTC prefix beam search; returns [(text, log probability)] best first."""
    lp = np.log(np.maximum(p, 1e-12))
    beams = {'': (0.0, -math.inf)}  # prefix -> (log p ending in blank, log p ending in non-blank)
    for t in range(lp.shape[0]):
        nxt = defaultdict(lambda: [-math.inf, -math.inf])
        top = np.argsort(lp[t])[::-1][:8]
        for prefix, (pb, pnb) in beams.items():
            total = np.logaddexp(pb, pnb)
            for k in top:
                v = lp[t, k]
                if k == 0:
                    e = nxt[prefix]
                    e[0] = np.logaddexp(e[0], total + v)
                    continue
                c = ALPHABET[k - 1]
                ext = prefix + c
                e = nxt[ext]
                if prefix and prefix[-1] == c:
                    e[1] = np.logaddexp(e[1], pb + v)   # a repeat needs a blank in between
                    s = nxt[prefix]
                    s[1] = np.logaddexp(s[1], pnb + v)  # or collapses into the same character
                else:
                    e[1] = np.logaddexp(e[1], total + v)
        beams = dict(sorted(((k, tuple(v)) for k, v in nxt.items()), key=lambda kv: -np.logaddexp(*kv[1]))[:width])
    return sorted(((k, float(np.logaddexp(*v))) for k, v in beams.items()), key=lambda kv: -kv[1])


def rescored(cands, patterns, bonus):
    best = max(cands, key=lambda c: c[1] + (bonus if any(p.match(c[0]) for p in patterns) else 0.0))
    return best[0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('probs')
    ap.add_argument('labels')
    ap.add_argument('--bonus', type=float, default=2.0)
    ap.add_argument('--classes', type=int, default=37)
    args = ap.parse_args()
    rows = [r for r in csv.DictReader(open(args.labels))]
    p = np.fromfile(args.probs, '<f4').reshape(len(rows), -1, args.classes)
    patterns = serial_patterns()
    g = k = 0
    for r, pr in zip(rows, p):
        g += greedy(pr) == r['plate']
        k += rescored(beam(pr), patterns, args.bonus) == r['plate']
    n = len(rows)
    print('greedy exact %.2f%%; k-best + format prior (bonus %.1f) exact %.2f%% (%d plates)' % (100 * g / n, args.bonus, 100 * k / n, n))


if __name__ == '__main__':
    main()

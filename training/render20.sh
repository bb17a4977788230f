#!/usr/bin/env bash
# plate-lite, twentieth run (2026-12-01, twelfth session): renders with a plain-bar 1 (lpr-synth --plain-one-share: the 1
# without flag or foot, as Massachusetts stamps it, and the I with serifs), on half the plates of the sixteenth run's mix
# (render15.sh). Indices 1,956,000 to 2,027,999, seed 1 (none of the earlier renders): synth-B0, far synth-B1, clean-B2,
# val-B4, packed as train20a, train20b and val-B4.
set -euo pipefail
cd "$(dirname "$0")/.."
CP=lpr-synth/target/classes:lpr-core/target/classes
W="nice -n 10 java -cp $CP org.lpr.synth.DatasetWriter"
D=training/data
S="--plate-gothic-share 0.5 --full-alphabet-share 0.5 --sign-font-share 0.5 --picture-emblem-share 0.2 --specialty-share 0.3 --plain-one-share 0.5"
I=1956000
$W --out $D/synth-B0 --count 36000 --start $I --seed 1 --threads 2 --size 192x96 $S
$W --out $D/synth-B1 --count 28000 --start $((I + 36000)) --seed 1 --threads 2 --size 192x96 --plate-widths 45:110 $S
$W --out $D/clean-B2 --count 6000 --start $((I + 64000)) --seed 1 --threads 2 --size 192x96 --clean $S
$W --out $D/val-B4 --count 2000 --start $((I + 70000)) --seed 1 --threads 2 --size 192x96 $S
L=$D/lite
mkdir -p $L
/usr/bin/python3 training/pack_lite.py --out $L/train20a $D/synth-B0 $D/clean-B2
/usr/bin/python3 training/pack_lite.py --out $L/train20b $D/synth-B1
/usr/bin/python3 training/pack_lite.py --out $L/val-B4 $D/val-B4

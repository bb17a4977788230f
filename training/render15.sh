#!/usr/bin/env bash
# plate-lite, sixteenth run: fresh renders in the fourteenth run's mix (plate-gothic M and W, road-sign faces, picture
# emblems, specialty plates, the full alphabet), with a larger share of far, low-resolution plates (--plate-widths 45:110)
# for the small photo plates that remain misread. Indices 1,774,000 to 1,845,999, seed 1: none of the earlier renders.
set -euo pipefail
cd "$(dirname "$0")/.."
CP=lpr-synth/target/classes:lpr-core/target/classes
W="nice -n 10 java -cp $CP org.lpr.synth.DatasetWriter"
D=training/data
S="--plate-gothic-share 0.5 --full-alphabet-share 0.5 --sign-font-share 0.5 --picture-emblem-share 0.2 --specialty-share 0.3"
$W --out $D/synth-80 --count 36000 --start 1774000 --seed 1 --threads 2 --size 192x96 $S
$W --out $D/synth-81 --count 28000 --start 1810000 --seed 1 --threads 2 --size 192x96 --plate-widths 45:110 $S
$W --out $D/clean-82 --count 6000 --start 1838000 --seed 1 --threads 2 --size 192x96 --clean $S
$W --out $D/val-84 --count 2000 --start 1844000 --seed 1 --threads 2 --size 192x96 $S
L=$D/lite
/usr/bin/python3 training/pack_lite.py --out $L/train15a $D/synth-80 $D/clean-82
/usr/bin/python3 training/pack_lite.py --out $L/train15b $D/synth-81
/usr/bin/python3 training/pack_lite.py --out $L/val-84 $D/val-84

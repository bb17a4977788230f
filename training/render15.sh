#!/usr/bin/env bash
# plate-lite, sixteenth run: fresh renders in the fourteenth run's mix (plate-gothic M and W, road-sign faces, picture
# emblems, specialty plates, the full alphabet), with a larger share of far, low-resolution plates (--plate-widths 45:110)
# for the small photo plates that remain misread. Indices 1,774,000 to 1,845,999, seed 1: none of the earlier renders.
# Later runs reuse it with other indices and names (render16.sh): RENDER_START (first index), RENDER_SET (the folders'
# tens digit: synth-S0, synth-S1, clean-S2, val-S4), RENDER_PACK (packs trainNa, trainNb), RENDER_VAL (0: no new val set).
set -euo pipefail
cd "$(dirname "$0")/.."
CP=lpr-synth/target/classes:lpr-core/target/classes
W="nice -n 10 java -cp $CP org.lpr.synth.DatasetWriter"
D=training/data
S="--plate-gothic-share 0.5 --full-alphabet-share 0.5 --sign-font-share 0.5 --picture-emblem-share 0.2 --specialty-share 0.3"
I=${RENDER_START:-1774000}
T=${RENDER_SET:-8}
P=${RENDER_PACK:-15}
V=${RENDER_VAL:-1}
$W --out $D/synth-${T}0 --count 36000 --start $I --seed 1 --threads 2 --size 192x96 $S
$W --out $D/synth-${T}1 --count 28000 --start $((I + 36000)) --seed 1 --threads 2 --size 192x96 --plate-widths 45:110 $S
$W --out $D/clean-${T}2 --count 6000 --start $((I + 64000)) --seed 1 --threads 2 --size 192x96 --clean $S
if [ "$V" = 1 ]; then
  $W --out $D/val-${T}4 --count 2000 --start $((I + 70000)) --seed 1 --threads 2 --size 192x96 $S
fi
L=$D/lite
/usr/bin/python3 training/pack_lite.py --out $L/train${P}a $D/synth-${T}0 $D/clean-${T}2
/usr/bin/python3 training/pack_lite.py --out $L/train${P}b $D/synth-${T}1
if [ "$V" = 1 ]; then
  /usr/bin/python3 training/pack_lite.py --out $L/val-${T}4 $D/val-${T}4
fi

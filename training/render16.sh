#!/usr/bin/env bash
# plate-lite, eighteenth run: fresh renders in the sixteenth run's mix, which is the fourteenth run's mix (plate-gothic M and W, road-sign faces, picture
# emblems, specialty plates, the full alphabet), with a larger share of far, low-resolution plates (--plate-widths 45:110)
# for the small photo plates that remain misread. Indices 1,846,000 to 1,915,999, seed 1: none of the earlier renders.
set -euo pipefail
cd "$(dirname "$0")/.."
CP=lpr-synth/target/classes:lpr-core/target/classes
W="nice -n 10 java -cp $CP org.lpr.synth.DatasetWriter"
D=training/data
S="--plate-gothic-share 0.5 --full-alphabet-share 0.5 --sign-font-share 0.5 --picture-emblem-share 0.2 --specialty-share 0.3"
$W --out $D/synth-90 --count 36000 --start 1846000 --seed 1 --threads 2 --size 192x96 $S
$W --out $D/synth-91 --count 28000 --start 1882000 --seed 1 --threads 2 --size 192x96 --plate-widths 45:110 $S
$W --out $D/clean-92 --count 6000 --start 1910000 --seed 1 --threads 2 --size 192x96 --clean $S
L=$D/lite
/usr/bin/python3 training/pack_lite.py --out $L/train16a $D/synth-90 $D/clean-92
/usr/bin/python3 training/pack_lite.py --out $L/train16b $D/synth-91

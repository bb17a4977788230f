#!/usr/bin/env bash
# plate-lite, fourteenth run: renders with plate-gothic M and W (--plate-gothic-share), all PlateFonts faces
# installed (check fc-list first). Indices 1,700,000 to 1,773,999, seed 1: none of the earlier renders.
set -euo pipefail
cd "$(dirname "$0")/.."
CP=lpr-synth/target/classes:lpr-core/target/classes
W="nice -n 10 java -cp $CP org.lpr.synth.DatasetWriter"
D=training/data
$W --out $D/synth-70 --count 36000 --start 1700000 --seed 1 --threads 2 --size 192x96 --plate-gothic-share 0.5 --full-alphabet-share 0.5 --sign-font-share 0.5 --picture-emblem-share 0.2 --specialty-share 0.3
$W --out $D/synth-71 --count 20000 --start 1740000 --seed 1 --threads 2 --size 192x96 --plate-gothic-share 0.5 --full-alphabet-share 0.5 --sign-font-share 0.5 --plate-widths 45:110 --picture-emblem-share 0.2 --specialty-share 0.3
$W --out $D/clean-72 --count 8000 --start 1760000 --seed 1 --threads 2 --size 192x96 --clean --plate-gothic-share 0.5 --full-alphabet-share 0.5 --sign-font-share 0.5 --picture-emblem-share 0.2 --specialty-share 0.3
$W --out $D/val-74 --count 2000 --start 1772000 --seed 1 --threads 2 --size 192x96 --plate-gothic-share 0.5 --full-alphabet-share 0.5 --sign-font-share 0.5 --picture-emblem-share 0.2 --specialty-share 0.3
L=$D/lite
/usr/bin/python3 training/pack_lite.py --out $L/train14a $D/synth-70 $D/clean-72
/usr/bin/python3 training/pack_lite.py --out $L/train14b $D/synth-71
/usr/bin/python3 training/pack_lite.py --out $L/val-74 $D/val-74

#!/usr/bin/env bash
# plate-lite, thirteenth run: the renders (all PlateFonts faces installed; check fc-list first).
set -euo pipefail
cd "$(dirname "$0")/.."
CP=lpr-synth/target/classes:lpr-core/target/classes
W="nice -n 10 java -cp $CP org.lpr.synth.DatasetWriter"
D=training/data
$W --out $D/synth-60 --count 32000 --start 1400000 --seed 1 --threads 2 --size 192x96 --full-alphabet-share 0.5 --sign-font-share 0.7 --picture-emblem-share 0.3 --specialty-share 0.4
$W --out $D/synth-61 --count 16000 --start 1440000 --seed 1 --threads 2 --size 192x96 --full-alphabet-share 0.5 --sign-font-share 0.7 --plate-widths 45:110 --picture-emblem-share 0.2 --specialty-share 0.3
$W --out $D/clean-62 --count 8000 --start 1460000 --seed 1 --threads 2 --size 192x96 --clean --full-alphabet-share 0.5 --sign-font-share 0.6 --picture-emblem-share 0.3 --specialty-share 0.4
$W --out $D/synth-63 --count 16000 --start 1480000 --seed 1 --threads 2 --size 192x96 --picture-emblem-share 0.2 --specialty-share 0.3
$W --out $D/synth-65 --count 32000 --start 1500000 --seed 1 --threads 2 --size 192x96 --full-alphabet-share 0.5 --sign-font-share 0.3 --picture-emblem-share 0.2 --specialty-share 0.3
$W --out $D/val-64 --count 2000 --start 1600000 --seed 1 --threads 2 --size 192x96 --full-alphabet-share 0.5 --sign-font-share 0.6 --picture-emblem-share 0.3 --specialty-share 0.4
L=$D/lite
/usr/bin/python3 training/pack_lite.py --out $L/train13a $D/synth-60 $D/clean-62
/usr/bin/python3 training/pack_lite.py --out $L/train13b $D/synth-61
/usr/bin/python3 training/pack_lite.py --out $L/train13c $D/synth-63
/usr/bin/python3 training/pack_lite.py --out $L/train13d $D/synth-65
/usr/bin/python3 training/pack_lite.py --out $L/val-64 $D/val-64

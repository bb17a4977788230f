#!/usr/bin/env bash
# plate-lite, nineteenth run (seventh 2026-11-30 session): renders with a far camera's look (lpr-synth
# --camera-far-share: detail lost below the pixel grid, haze, hard JPEG), for the small photo plates the readers trained
# on renders misread. Indices 1,916,000 to 1,955,999, seed 1 (none of the earlier renders): synth-A0, 24,000 far plates
# (--plate-widths 45:110) all with the far camera's look; synth-A1, 16,000 at the default widths, half with it; both in
# the sixteenth run's mix (render15.sh), packed as train19a and train19b.
set -euo pipefail
cd "$(dirname "$0")/.."
CP=lpr-synth/target/classes:lpr-core/target/classes
W="nice -n 10 java -cp $CP org.lpr.synth.DatasetWriter"
D=training/data
S="--plate-gothic-share 0.5 --full-alphabet-share 0.5 --sign-font-share 0.5 --picture-emblem-share 0.2 --specialty-share 0.3"
I=1916000
$W --out $D/synth-A0 --count 24000 --start $I --seed 1 --threads 2 --size 192x96 --plate-widths 45:110 --camera-far-share 1 $S
$W --out $D/synth-A1 --count 16000 --start $((I + 24000)) --seed 1 --threads 2 --size 192x96 --camera-far-share 0.5 $S
L=$D/lite
/usr/bin/python3 training/pack_lite.py --out $L/train19a $D/synth-A0
/usr/bin/python3 training/pack_lite.py --out $L/train19b $D/synth-A1

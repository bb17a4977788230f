#!/usr/bin/env bash
# plate-lite, twenty-first run (2026-12-01, fourteenth session): the plain-bar 1 bound to the states that stamp it
# (lpr-synth --plain-one-states MA,ID: every Massachusetts and Idaho plate has a plain-bar 1 and a serifed I; every
# other plate is drawn as in the sixteenth run's mix, render15.sh), plus packs of Massachusetts plates only and Idaho
# plates only (--states), so that about 14 % of the training crops are from the two states. Indices 2,028,000 to
# 2,109,999 (74,000 to 75,999 past the start unused), seed 1 (none of the earlier renders): synth-C0, far synth-C1,
# clean-C2, Massachusetts synth-C3, val-C4, Idaho synth-C5, packed as train21a, train21b, val-C4.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -e training/data/synth-C0 ] && { echo "training/data/synth-C0 exists: remove the C renders first" >&2; exit 1; }
CP=lpr-synth/target/classes:lpr-core/target/classes
usage=$(java -cp $CP org.lpr.synth.DatasetWriter 2>&1 || true)   # the usage, which names every option
[[ $usage == *--states* ]] || { echo "lpr-synth lacks --states: mvn -B -q install -pl lpr-synth -am -DskipTests" >&2; exit 1; }
W="nice -n 10 java -cp $CP org.lpr.synth.DatasetWriter"
D=training/data
S="--plate-gothic-share 0.5 --full-alphabet-share 0.5 --sign-font-share 0.5 --picture-emblem-share 0.2 --specialty-share 0.3 --plain-one-states MA,ID"
I=2028000
$W --out $D/synth-C0 --count 36000 --start $I --seed 1 --threads 2 --size 192x96 $S
$W --out $D/synth-C1 --count 28000 --start $((I + 36000)) --seed 1 --threads 2 --size 192x96 --plate-widths 45:110 $S
$W --out $D/clean-C2 --count 6000 --start $((I + 64000)) --seed 1 --threads 2 --size 192x96 --clean $S
$W --out $D/synth-C3 --count 4000 --start $((I + 70000)) --seed 1 --threads 2 --size 192x96 --states MA $S
$W --out $D/val-C4 --count 2000 --start $((I + 76000)) --seed 1 --threads 2 --size 192x96 $S
$W --out $D/synth-C5 --count 4000 --start $((I + 78000)) --seed 1 --threads 2 --size 192x96 --states ID $S
L=$D/lite
mkdir -p $L
/usr/bin/python3 training/pack_lite.py --out $L/train21a $D/synth-C0 $D/clean-C2 $D/synth-C3 $D/synth-C5
/usr/bin/python3 training/pack_lite.py --out $L/train21b $D/synth-C1
/usr/bin/python3 training/pack_lite.py --out $L/val-C4 $D/val-C4

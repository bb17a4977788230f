#!/bin/bash
# Renders COUNT plates of the default mix (sign-font share 0.6, 192x96) from SEED and keeps only those of one
# state, for measuring a state-specific step (lpr-ocr-onnx/README.md, "Wyoming's county number"). About one
# plate in 51 is of a given state. The set is never trained on; its seeds are apart from every training set's.
# usage (repository root, after `mvn -B -q package -pl lpr-synth -am -DskipTests`):
#   training/render_state_set.sh STATE SEED COUNT OUT [ARG...]      e.g. training/render_state_set.sh wy 2029 25000 training/data/eval/wy-choose
# (further ARGs go to DatasetWriter, e.g. --plain-one-states MA)
set -euo pipefail
[ $# -ge 4 ] || { echo "usage: $0 STATE SEED COUNT OUT [DatasetWriter ARG...]" >&2; exit 2; }
ST=${1,,}; SEED=$2; COUNT=$3; OUT=$4   # the state as labels.csv writes it: a lower-case postal code
shift 4
[ -f "$OUT/labels.csv" ] && { echo "$OUT: kept" >&2; exit 0; }
TMP=$OUT.all
rm -rf "$TMP"
nice -n 10 java -cp lpr-synth/target/classes:lpr-core/target/classes org.lpr.synth.DatasetWriter \
    --out "$TMP" --count "$COUNT" --seed "$SEED" --threads 2 --size 192x96 --sign-font-share 0.6 "$@"
mkdir -p "$OUT/images"
awk -F, -v s="$ST" 'NR == 1 || $2 == s' "$TMP/labels.csv" > "$OUT/labels.csv.part"
tail -n +2 "$OUT/labels.csv.part" | cut -d, -f1 | while read -r f; do mv "$TMP/$f" "$OUT/$f"; done
rm -rf "$TMP"
kept=$(($(wc -l < "$OUT/labels.csv.part") - 1))
if [ "$kept" -eq 0 ]; then
  rm -rf "$OUT"; echo "no plate of state '$ST' in $COUNT renders (a postal code such as wy?)" >&2; exit 1
fi
mv "$OUT/labels.csv.part" "$OUT/labels.csv"
echo "$OUT: $kept plates of $ST" >&2

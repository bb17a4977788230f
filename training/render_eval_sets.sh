#!/bin/bash
# Renders every measuring set that training/README.md and training/eval_candidate.sh use, with the current
# lpr-synth, into training/data/eval/ (git-ignored). The sets are never trained on; their seeds and index
# ranges are apart from every training set's. Rendering is seeded and deterministic, so a fresh machine gets
# the same images back from the same lpr-synth; after a renderer change, re-render and re-measure the shipped
# model in the same sitting before comparing a candidate with it.
# usage (repository root, after `mvn -B -q package -pl lpr-synth -am -DskipTests`):
#   training/render_eval_sets.sh [SET...]      (no argument: all of them but those named only; a set already rendered is kept)
set -euo pipefail
OUT=training/data/eval
CP=lpr-synth/target/classes:lpr-core/target/classes
W="nice -n 10 java -cp $CP org.lpr.synth.DatasetWriter --count 1000 --threads 2"
# name -> DatasetWriter arguments
declare -A SETS=(
  # the six sets of the shipping rule (training/README.md, "Road-sign gothic faces")
  [fresh-sign]="--seed 2024 --size 192x96 --sign-font-share 0.6"
  [fresh-sign-clean]="--seed 2024 --size 192x96 --clean --sign-font-share 0.6"
  [fresh-photo]="--seed 2024 --size 192x96"
  [fresh-clean]="--seed 2024 --size 192x96 --clean"
  [fresh-photo-320]="--seed 2024 --size 320x160"
  [val-q]="--start 51000000 --seed 2 --size 192x96 --full-alphabet-share 0.5"
  # the two further (confirming) sets of the rule
  [confirm-photo]="--seed 31337 --size 192x96"
  [confirm-sign]="--seed 31337 --size 192x96 --sign-font-share 0.6"
  # far, low-resolution plates at natural size; picture emblems in the serial's row (reported)
  [fresh-lowres-nat]="--seed 2025 --sign-font-share 0.6 --plate-widths 45:110"
  [fresh-picture]="--seed 2026 --sign-font-share 0.6 --picture-emblem-share 1"
  # specialty plates: a seal beside the serial, stacked letters at its other end (reported)
  [fresh-specialty]="--seed 2027 --sign-font-share 0.6 --specialty-share 1"
  # plate-gothic M and W (short-vertex M; W flat-bottomed or pointed) on every plate that has them (reported)
  [fresh-gothic]="--seed 2028 --sign-font-share 0.6 --full-alphabet-share 0.5 --plate-gothic-share 1"
  # far plates again, another seed: for choosing a far-plate setting apart from fresh-lowres-nat (named only)
  [far-choose]="--seed 2031 --sign-font-share 0.6 --plate-widths 45:110"
  # far plates with a far camera's look (blur below the pixel grid, haze, hard JPEG; lpr-synth --camera-far-share):
  # one set for choosing, one for checking (named only; seventh 2026-11-30 session)
  [camfar-choose]="--seed 2034 --sign-font-share 0.6 --plate-widths 45:110 --camera-far-share 1"
  [camfar-check]="--seed 2035 --sign-font-share 0.6 --plate-widths 45:110 --camera-far-share 1"
  # a plain-bar 1 and a serifed I (lpr-synth --plain-one-share) on every plate: one set for choosing, one for checking
  # (named only; twelfth 2026-12-01 session)
  [plain-choose]="--seed 2036 --sign-font-share 0.6 --full-alphabet-share 0.5 --plain-one-share 1"
  [plain-check]="--seed 2037 --sign-font-share 0.6 --full-alphabet-share 0.5 --plain-one-share 1"
)
# Wyoming plates only, kept from 25,000 renders of the default mix (training/render_state_set.sh; named only):
# wy-choose for choosing the county-number settings, wy-check for checking them (lpr-ocr-onnx/README.md)
# ma-choose and ma-check: Massachusetts plates only, every one with its plain-bar 1 (lpr-synth --plain-one-states MA),
# for a reader trained on that state-bound look (named only; 2026-12-01, thirteenth session); id-choose and id-check:
# Idaho's, with the plain-bar 1 its plates stamp too (fourteenth session)
declare -A STATE_SETS=([wy-choose]="wy 2029 25000" [wy-check]="wy 2030 25000"
  [ma-choose]="ma 2038 25000 --plain-one-states MA" [ma-check]="ma 2039 25000 --plain-one-states MA"
  [id-choose]="id 2040 25000 --plain-one-states ID" [id-check]="id 2041 25000 --plain-one-states ID")
names=("$@")
[ ${#names[@]} -eq 0 ] && names=(fresh-sign fresh-sign-clean fresh-photo fresh-clean fresh-photo-320 val-q \
  confirm-photo confirm-sign fresh-lowres-nat fresh-picture fresh-specialty fresh-gothic)
for n in "${names[@]}"; do
  if [ -n "${STATE_SETS[$n]:-}" ]; then
    read -r -a st <<< "${STATE_SETS[$n]}"
    training/render_state_set.sh "${st[0]}" "${st[1]}" "${st[2]}" $OUT/$n "${st[@]:3}"; continue
  fi
  args=${SETS[$n]:-}
  [ -z "$args" ] && { echo "unknown set: $n (known: ${!SETS[*]} ${!STATE_SETS[*]})" >&2; exit 2; }
  if [ -f $OUT/$n/labels.csv ]; then echo "$n: kept" >&2; continue; fi
  $W --out $OUT/$n $args
  echo "$n: $(($(wc -l < $OUT/$n/labels.csv) - 1)) crops" >&2
done

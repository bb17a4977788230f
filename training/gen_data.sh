#!/bin/sh
# Renders the synthetic training set with lpr-synth's DatasetWriter, in shards of 20,000 plates.
# usage: training/gen_data.sh FIRST_SHARD LAST_SHARD [THREADS]   (run from the repository root)
set -e
first=${1:-0}; last=${2:-9}; threads=${3:-2}
cp="lpr-synth/target/classes:lpr-core/target/classes"
for s in $(seq "$first" "$last"); do
  dir="training/data/synth-$s"
  if [ -f "$dir/DONE" ]; then continue; fi
  java -cp "$cp" org.lpr.synth.DatasetWriter --out "$dir" --count 20000 --start $((s * 20000)) \
       --seed 1 --threads "$threads" --size 192x96
  touch "$dir/DONE"
done

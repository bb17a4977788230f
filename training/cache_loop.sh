#!/bin/sh
# Caches backbone features (FeatureCache.java on ONNX Runtime) for the validation set, the dev crops
# (measured only) and every finished training shard as gen_data.sh completes them. Run from the repo root.
ORT=${ORT:-$HOME/.m2/repository/com/microsoft/onnxruntime/onnxruntime/1.23.2/onnxruntime-1.23.2.jar}
BACKBONE=training/out/models/ppocrv4-backbone.onnx
run() { nice -n 10 java -cp "$ORT" training/FeatureCache.java "$BACKBONE" "$@" 2>&1 | grep --line-buffered -v WARNING; }
run training/data/val-synth training/data/dev-crops
while :; do
  for d in training/data/synth-*; do
    if [ -f "$d/DONE" ] && [ ! -f "$d/features-48x128.txt" ]; then run "$d"; fi
  done
  [ -f training/data/STOP_CACHE ] && exit 0
  sleep 30
done

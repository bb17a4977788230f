#!/usr/bin/env bash
# plate-lite, twenty-second run (set up 2026-12-01, fourteenth session; rule 59 in training/README.md, set before it
# trains): the twenty-first run's renders (render21.sh: the plain-bar 1 bound to Massachusetts and Idaho) mixed with the
# sixteenth run's older packs again (render15.sh and render14.sh, re-rendered if missing), their Massachusetts and Idaho
# plates dropped (drawn there with the flagged 1), 65 minutes warm from the shipped plate-lite. Every warm start on
# 70,000 to 78,000 fresh renders alone lost reads on the ten render sets; the sixteenth run trained on 238,000 crops.
# Resumable: run it again after an interruption (renders kept, training resumes from its checkpoint).
# usage (repository root, after `mvn -B -q install -pl lpr-synth -am -DskipTests`): nohup training/run22.sh > training/out/run22.log 2>&1 &
set -euo pipefail
cd "$(dirname "$0")/.."
L=training/data/lite
[ -f $L/train21a.npy ] && [ -f $L/train21b.npy ] && [ -f $L/val-C4.npy ] || training/render21.sh
[ -f $L/train15a.npy ] && [ -f $L/train15b.npy ] || training/render15.sh
[ -f $L/train14a.npy ] && [ -f $L/train14b.npy ] || training/render14.sh
OMP_WAIT_POLICY=PASSIVE nice -n 19 /usr/bin/python3 training/train_lite.py \
  --init lpr-ocr-onnx/src/main/resources/org/lpr/onnx/models/plate-lite.onnx \
  --train $L/train21a --train-extra $L/train21b $L/train15a $L/train15b $L/train14a $L/train14b \
  --drop-states ma id --drop-from $L/train15a $L/train15b $L/train14a $L/train14b \
  --val $L/val-C4 --ckpt training/checkpoints/lite22-last.pt \
  --lr 3e-4 --steps 40000 --minutes 65 --ckpt-every 250 --eval-every 1000 --threads 2 --seed 15 \
  --out training/out/plate-lite22.onnx

#!/bin/bash
# Measures a plate-lite candidate through the SDK: alone and in the default ensemble, on the six render sets
# and the two further sets of training/README.md ("Road-sign gothic faces", "Far, low-resolution plates").
# The set folders are gitignored renders in other worktrees (paths below); LPR_JAR (default /tmp/lpr-main.jar)
# is the lpr jar built from the branch under test. usage: training/eval_candidate.sh NAME MODEL.onnx -> /tmp/cand-NAME.txt
N=$1; M=$2
J=/tmp/lpr-$N.jar
cp "${LPR_JAR:-/tmp/lpr-main.jar}" $J
rm -rf /tmp/jx-$N && mkdir -p /tmp/jx-$N/org/lpr/onnx/models && cp $M /tmp/jx-$N/org/lpr/onnx/models/plate-lite.onnx
(cd /tmp/jx-$N && jar uf $J org/lpr/onnx/models/plate-lite.onnx)
SIX="/work/wt/gothic/training/data/fresh-sign /work/wt/gothic/training/data/fresh-sign-clean /work/wt/lite3/training/data/fresh-photo /work/wt/lite3/training/data/fresh-clean /tmp/fresh-photo-320 /work/wt/qrich/training/data/val-q"
CONF="/work/wt/gothic/training/data/confirm-photo /work/wt/gothic/training/data/confirm-sign"
out=/tmp/cand-$N.txt; : > $out
tot=0
for d in $SIX; do e=$(java -jar $J eval-crops $d --threads 2 --recognizer plate-lite 2>/dev/null | tail -1 | sed 's/.*"exact":\([0-9]*\).*/\1/'); tot=$((tot+e)); echo "alone $d $e" >> $out; done
echo "alone six $tot" >> $out
e=$(java -jar $J eval-crops /work/wt/gothic/training/data/fresh-lowres-nat --threads 2 --recognizer plate-lite 2>/dev/null | tail -1 | sed "s/.*\"exact\":\([0-9]*\).*/\1/"); echo "alone lowres-nat $e" >> $out
tot=0
for d in $SIX; do e=$(java -jar $J eval-crops $d --threads 2 2>/dev/null | tail -1 | sed 's/.*"exact":\([0-9]*\).*/\1/'); tot=$((tot+e)); echo "ens $d $e" >> $out; done
echo "ens six $tot" >> $out
for d in $CONF; do e=$(java -jar $J eval-crops $d --threads 2 2>/dev/null | tail -1 | sed 's/.*"exact":\([0-9]*\).*/\1/'); echo "ens $d $e" >> $out; done
e=$(java -jar $J eval-crops /work/wt/gothic/training/data/fresh-lowres-nat --threads 2 2>/dev/null | tail -1 | sed "s/.*\"exact\":\([0-9]*\).*/\1/"); echo "ens lowres-nat $e" >> $out
echo done >> $out

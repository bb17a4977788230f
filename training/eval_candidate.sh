#!/bin/bash
# Measures a plate-lite (or plate-rec) candidate through the SDK: alone and in the default ensemble, on the six render sets
# and the two further sets of training/README.md ("Road-sign gothic faces", "Far, low-resolution plates"),
# and on the far, picture-emblem, specialty and plate-gothic renders. The sets are rendered by training/render_eval_sets.sh into EVAL (default
# training/data/eval of this checkout); LPR_JAR (default /tmp/lpr-main.jar) is the lpr jar built from the branch under test.
# TARGET (default plate-lite; plate-rec-v3 for a whole-crop candidate) names the shipped model the candidate replaces.
# MODES (default "alone ens") picks the candidate's measurements on the six and the reported sets (the two further sets
# are always read in the ensemble); JAVA_OPTS (default none) goes to every java run, split at spaces (a trial's -D settings).
# usage: [TARGET=plate-rec-v3] [MODES=ens] [JAVA_OPTS=-Dx=y] training/eval_candidate.sh NAME MODEL.onnx -> /tmp/cand-NAME.txt
N=$1; M=$2; T=${TARGET:-plate-lite}
J=/tmp/lpr-$N.jar
cp "${LPR_JAR:-/tmp/lpr-main.jar}" $J
rm -rf /tmp/jx-$N && mkdir -p /tmp/jx-$N/org/lpr/onnx/models && cp $M /tmp/jx-$N/org/lpr/onnx/models/$T.onnx
(cd /tmp/jx-$N && jar uf $J org/lpr/onnx/models/$T.onnx)
# the sets: SIX, FAR, PIC, SPEC, GOTH, CONF in EVAL
. "$(dirname "$0")/eval_sets.sh"
out=/tmp/cand-$N.txt; : > $out
# exact reads of DIR, through the candidate jar (further arguments go to eval-crops)
exact() { java ${JAVA_OPTS:-} -jar $J eval-crops "$@" --threads 2 2>/dev/null | tail -1 | sed 's/.*"exact":\([0-9]*\).*/\1/'; }
for mode in ${MODES:-alone ens}; do
  case $mode in alone|ens) ;; *) echo "unknown mode '$mode' in MODES (alone, ens)" >&2; exit 2;; esac
  opt=(); [ $mode = alone ] && opt=(--recognizer $T)
  tot=0
  for d in $SIX; do e=$(exact $d "${opt[@]}"); tot=$((tot+e)); echo "$mode $d $e" >> $out; done
  echo "$mode six $tot" >> $out
  echo "$mode lowres-nat $(exact $FAR "${opt[@]}")" >> $out
  echo "$mode picture $(exact $PIC "${opt[@]}")" >> $out
  echo "$mode specialty $(exact $SPEC "${opt[@]}")" >> $out
  [ -d $GOTH ] && echo "$mode gothic $(exact $GOTH "${opt[@]}")" >> $out
done
for d in $CONF; do echo "ens $d $(exact $d)" >> $out; done
echo done >> $out

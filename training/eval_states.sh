#!/bin/bash
# Exact readings and states through an lpr jar on the twelve measuring sets (the ten render sets of the shipping rules and
# the two confirm sets, rendered by training/render_eval_sets.sh into EVAL, default training/data/eval of this checkout).
# One line a set: SET EXACT STATES_RIGHT STATES_TOLD_WRONGLY (a known state that is not the label's), then the sums
# (six, ten = six + far, picture, specialty, gothic; confirm; twelve) and "done".
# usage: training/eval_states.sh JAR NAME [java options, e.g. a trial's -D settings] -> /tmp/st-NAME.txt
[ $# -ge 2 ] || { echo "usage: $0 JAR NAME [java options]" >&2; exit 2; }
J=$1; N=$2; shift 2
[ -f "$J" ] || { echo "no jar $J" >&2; exit 2; }
. "$(dirname "$0")/eval_sets.sh"
SETS="$SIX $FAR $PIC $SPEC $GOTH $CONF"
for d in $SETS; do
  [ -f "$d/labels.csv" ] || { echo "no $d/labels.csv: render it with training/render_eval_sets.sh" >&2; exit 2; }
done
out=/tmp/st-$N.txt; : > "$out"
for d in $SETS; do
  s=$(basename "$d"); csv=/tmp/st-$N-$s.csv; rm -f "$csv"
  r=$(java "$@" -jar "$J" eval-crops "$d" --threads 2 --errors "$csv" 2>/dev/null | tail -1)
  case $r in *'"exact":'*) ;; *) echo "eval-crops on $s gave no result: $r" >&2; exit 1;; esac
  ex=$(echo "$r" | sed 's/.*"exact":\([0-9]*\).*/\1/'); tot=$(echo "$r" | sed 's/.*"total":\([0-9]*\).*/\1/')
  sa=$(echo "$r" | sed 's/.*"state_accuracy":\([0-9.]*\).*/\1/')
  # state_accuracy has 3 decimals: the count is exact for sets of up to 1,000 crops, as these are
  right=$(awk -v a="$sa" -v t="$tot" 'BEGIN{printf "%d", a*t+0.5}')
  # an untold state is "unknown" (jars before 2026-11-30, fifth session, wrote XX)
  wrong=$(awk -F, 'NR>1 && toupper($2)!=$5 && $5!="XX" && $5!="unknown"' "$csv" | wc -l)
  echo "$s $ex $right $wrong" >> "$out"
done
awk '{e[NR]=$2; r[NR]=$3; w[NR]=$4}
  function sum(a, b, c,   k, x) { x = 0; for (k = b; k <= c; k++) x += a[k]; return x }
  END {
    printf "six %d %d %d\n", sum(e,1,6), sum(r,1,6), sum(w,1,6)
    printf "ten %d %d %d\n", sum(e,1,10), sum(r,1,10), sum(w,1,10)
    printf "confirm %d %d %d\n", sum(e,11,12), sum(r,11,12), sum(w,11,12)
    printf "twelve %d %d %d\n", sum(e,1,12), sum(r,1,12), sum(w,1,12)
  }' "$out" >> "$out.sums" && cat "$out.sums" >> "$out" && rm -f "$out.sums"
echo done >> "$out"

# The measuring sets of the shipping rules, sourced by eval_candidate.sh and eval_states.sh; E is the folder that
# training/render_eval_sets.sh rendered them into (EVAL, default training/data/eval of this checkout).
E=${EVAL:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/data/eval}
SIX="$E/fresh-sign $E/fresh-sign-clean $E/fresh-photo $E/fresh-clean $E/fresh-photo-320 $E/val-q"
# far, low-resolution plates (DatasetWriter --plate-widths 45:110, seed 2025)
FAR=$E/fresh-lowres-nat
# picture emblems in the serial's row (DatasetWriter --picture-emblem-share 1, seed 2026)
PIC=$E/fresh-picture
# specialty plates (DatasetWriter --specialty-share 1, seed 2027)
SPEC=$E/fresh-specialty
# plate-gothic M and W on every plate that has them (DatasetWriter --plate-gothic-share 1, seed 2028)
GOTH=$E/fresh-gothic
# the two further (confirm) sets
CONF="$E/confirm-photo $E/confirm-sign"

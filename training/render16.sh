#!/usr/bin/env bash
# plate-lite, eighteenth run: fresh renders in the sixteenth run's mix (render15.sh), indices 1,846,000 to 1,915,999,
# seed 1 (none of the earlier renders): synth-90, far synth-91, clean-92, packed as train16a and train16b; no new val set.
RENDER_START=1846000 RENDER_SET=9 RENDER_PACK=16 RENDER_VAL=0 exec "$(dirname "$0")/render15.sh"

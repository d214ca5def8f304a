#!/usr/bin/env bash
# Held-out ACLED evaluation: for each current-schema ACLED export, train a model and actor tables on every other
# export (plus the pre-2019 exports and the IndiaPoliceEvents sentences, as the shipped model is trained, but
# without the transformer expert), then score the whole pipeline on the held-out file.
#
#   bench/heldout.sh [DATA_DIR] [OUT_DIR] [LIMIT]
#
# DATA_DIR holds acled/*.csv, acled/old_schema/*.csv and news/india_police_events_sents.jsonl
# (default ../shared/data); OUT_DIR gets one model folder per held-out file and its eval JSON and rows
# (default /tmp/sitrep-heldout); LIMIT scores each held-out file on its first N notes (default 1500, as the
# README's table; 0 scores every note). Two trainings run at a time: about 15 minutes on 2 cores for the four
# exports we have. Set SITREP to the sitrep executable (default .venv/bin/sitrep).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-../shared/data}
OUT=${2:-/tmp/sitrep-heldout}
LIMIT=${3:-1500}
SITREP=${SITREP:-.venv/bin/sitrep}
mkdir -p "$OUT"

shopt -s nullglob
current=("$DATA"/acled/*.csv)
old=("$DATA"/acled/old_schema/*.csv)
if [ ${#current[@]} -lt 2 ]; then
    echo "error: $DATA/acled holds fewer than two ACLED exports" >&2
    exit 1
fi
negatives=()
if [ -f "$DATA/news/india_police_events_sents.jsonl" ]; then
    negatives=(--negatives "$DATA/news/india_police_events_sents.jsonl")
fi

name_of() { basename "$1" .csv; }

train_without() {
    local held=$1 others=() f
    for f in "${current[@]}"; do [ "$f" != "$held" ] && others+=("$f"); done
    "$SITREP" train --acled "${others[@]}" "${old[@]}" "${negatives[@]}" --seed 0 \
        --out "$OUT/$(name_of "$held")" > "$OUT/$(name_of "$held").train.log" 2>&1
}

evaluate() {
    local held=$1 name limit=()
    name=$(name_of "$held")
    if [ "$LIMIT" -gt 0 ]; then limit=(--limit "$LIMIT"); fi
    SITREP_MODEL_DIR="$OUT/$name" SITREP_ACTOR_DIR="$OUT/$name/actors" \
        "$SITREP" eval acled "$held" "${limit[@]}" --json --rows "$OUT/$name.rows.jsonl" > "$OUT/$name.json" \
        2> "$OUT/$name.eval.log"
}

# run "$1 FILE" for every export, two at a time; stop at the first pair with a failure, naming its log
two_at_a_time() {
    local step=$1 log=$2 i pids files k
    for ((i = 0; i < ${#current[@]}; i += 2)); do
        pids=() files=()
        for f in "${current[@]:i:2}"; do
            "$step" "$f" & pids+=($!) files+=("$f")
        done
        for k in "${!pids[@]}"; do
            if ! wait "${pids[k]}"; then
                echo "error: $step failed for ${files[k]}; see $OUT/$(name_of "${files[k]}").$log.log" >&2
                exit 1
            fi
        done
    done
}
two_at_a_time train_without train
two_at_a_time evaluate eval

python3 - "$OUT" "${current[@]}" <<'EOF'
import json
import sys
from pathlib import Path

out = Path(sys.argv[1])
fields = ["detected", "event_type", "sub_event_type_weighted_f1", "fatalities", "fatalities_with_deaths",
          "event_date", "inter1", "actor1", "country", "admin1", "coords_25km"]
print("held out".ljust(44), "n".rjust(5), *(f[:10].rjust(10) for f in fields))
for held in sys.argv[2:]:
    result = json.loads((out / f"{Path(held).stem}.json").read_text())
    metrics = result["metrics"]
    print(Path(held).stem[:44].ljust(44), str(result["n"]).rjust(5),
          *(f"{metrics[f]:.3f}".rjust(10) for f in fields))
EOF

#!/usr/bin/env bash
# Issue 19 rehearsal: the Semi-Aves / LAION-400M / ViT-B/32 path at real sizes on generated stand-ins.
# Run by hand (not in CI), from the repository root, after `mvn -o -q -DskipTests package test-compile`:
#   scripts/rehearsal.sh WORK STAGE...      stages in order: dataset checkpoint captions init serve retrieve
#                                           embed rank small lp-bench ct-step stop-server table
#   scripts/rehearsal.sh WORK all           every stage
# Each stage runs under /usr/bin/time -v (log in WORK/logs/STAGE.log) and appends a row to WORK/results.tsv:
# stage, wall seconds, peak RSS (MB), disk of what it wrote (MB), the command. `table` prints the rows.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:?usage: scripts/rehearsal.sh WORK STAGE...}"; shift
mkdir -p "$work/logs"
work="$(cd "$work" && pwd)"
cp="$here/target/test-classes:$here/target/classes:$(cat "$here/target/classpath.txt")"
alor="$here/target/alor"
port="${REHEARSAL_PORT:-18080}"
java_opts="${REHEARSAL_JAVA_OPTS:--Xmx2g}"
export ALOR_JAVA_OPTS="${ALOR_JAVA_OPTS:--Xmx4g}"
project="$work/project"

# measure STAGE DISK_PATH COMMAND... : runs the command niced, timed, logged; records a results row
measure() {
  local stage="$1" disk="$2"; shift 2
  local log="$work/logs/$stage.log"
  echo "== $stage: $*"
  local t0; t0=$(date +%s.%N)
  local rc=0
  /usr/bin/time -v -o "$work/logs/$stage.time" nice -n 10 "$@" > "$log" 2>&1 || rc=$?
  local t1; t1=$(date +%s.%N)
  local rss; rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$work/logs/$stage.time")
  local mb; mb=$(du -sm "$disk" 2>/dev/null | cut -f1 || echo 0)
  printf '%s\t%.1f\t%s\t%s\t%s\t%s\n' "$stage" "$(echo "$t1 - $t0" | bc)" "$rss" "$mb" "$rc" "$*" >> "$work/results.tsv"
  tail -n 5 "$log"
  return 0
}

# target/rehearsal: the stand-in generator on the test class path (like target/alor)
rehearsal="$here/target/rehearsal"
printf '#!/usr/bin/env bash\nexec java %s -cp "%s" org.alor.rehearsal.Rehearsal "$@"\n' "$java_opts" "$cp" > "$rehearsal"
chmod +x "$rehearsal"

stage() {
  case "$1" in
    dataset)    measure dataset "$work/semi-aves" "$rehearsal" dataset "$work/semi-aves" ;;
    checkpoint) measure checkpoint "$work/vit-b-32" "$rehearsal" checkpoint "$work/vit-b-32" ;;
    captions)   measure captions "$work/laion" "$rehearsal" captions "$work/laion" 20000000 2 "$port" ;;
    init)       measure init "$project" "$alor" init "$project" --images "$work/semi-aves" --format splits \
                  --checkpoint "$work/vit-b-32" --corpus "$work/laion" --prompts birds ;;
    serve)      # the image server stays up until stop-server
                nohup "$rehearsal" serve "$port" > "$work/logs/serve.log" 2>&1 &
                echo $! > "$work/server.pid"; sleep 5; cat "$work/logs/serve.log" ;;
    retrieve)   # scan, cap, download; killed with -9 once REHEARSAL_KILL_AT images are on disk, then run again:
                # the rerun must not fetch finished images again (server request counts in logs/serve.log)
                local images="$project/retrieval/images" kill_at="${REHEARSAL_KILL_AT:-10000}"
                /usr/bin/time -v -o "$work/logs/retrieve-killed.time" nice -n 10 "$alor" retrieve "$project" --no-rank \
                  > "$work/logs/retrieve-killed.log" 2>&1 &
                local pid=$! t0; t0=$(date +%s)
                while kill -0 "$pid" 2>/dev/null; do
                  sleep 5
                  [ "$(find "$images" -type f 2>/dev/null | wc -l)" -ge "$kill_at" ] && { kill -9 "$(pgrep -P "$pid")" || true; break; }
                done
                wait "$pid" 2>/dev/null || true
                echo "killed after $(( $(date +%s) - t0 )) s; image files on disk: $(find "$images" -type f | wc -l)" \
                  | tee "$work/logs/resume-counts.txt"
                measure retrieve "$project/retrieval" "$alor" retrieve "$project" --no-rank --json --force \
                  --metadata-out "$work/metadata-out.json"
                echo "after the rerun: image files on disk: $(find "$images" -type f | wc -l)" | tee -a "$work/logs/resume-counts.txt" ;;
    embed)      measure embed "$project/features" "$alor" embed "$project" --batch 64 ;;
    rank)       # ranking cost on a 1 M-row table (the caption text tower); stop it once downloads begin
                measure rank-captions "$work/laion-1m" "$rehearsal" captions "$work/laion-1m" 1000000 1 "$port"
                [ -d "$work/project-rank" ] || "$alor" init "$work/project-rank" --images "$work/semi-aves" --format splits \
                  --checkpoint "$work/vit-b-32" --corpus "$work/laion-1m" --prompts birds > "$work/logs/rank-init.log" 2>&1
                "$alor" retrieve "$work/project-rank" > "$work/logs/rank.log" 2>&1 &
                local pid=$! t1 t2
                until grep -q 'shards 1/1' "$work/logs/rank.log"; do sleep 0.5; done; t1=$(date +%s.%N)
                until grep -q 'images' "$work/logs/rank.log"; do sleep 0.5; done; t2=$(date +%s.%N)
                kill -9 "$pid"
                echo "ranking took $(echo "$t2 - $t1" | bc) s" | tee -a "$work/logs/rank.log" ;;
    small)      # real LP and CT rounds with 200 classes on a small slice (2 pool / 1 val / 1 test per class)
                measure small-dataset "$work/semi-aves-small" "$rehearsal" dataset "$work/semi-aves-small" 200 2 1 1 256 19
                measure small-init "$work/project-small" "$alor" init "$work/project-small" --images "$work/semi-aves-small" \
                  --format splits --checkpoint "$work/vit-b-32" --prompts birds
                measure small-embed "$work/project-small/features" "$alor" embed "$work/project-small" --batch 64
                measure lp-round "$work/project-small/models" "$alor" round "$work/project-small" --method lp --oracle --rda off
                measure ct-round "$work/project-small/models" "$alor" round "$work/project-small" --method ct --oracle --rda off \
                  --epochs 1 --batch "${REHEARSAL_CT_BATCH:-32}" ;;
    lp-bench)   measure lp-bench "$work/logs" java -Xmx3g -Dlp.n="${REHEARSAL_LP_N:-50137}" -cp "$cp" org.alor.adapt.LinearProbeBenchmark ;;
    ct-step)    # batch 128 is the paper's; on a CPU it needs ≈ 15-18 GB, so REHEARSAL_CT_BATCH=32 there
                measure ct-step "$work/logs" "$alor" bench train-step --batch "${REHEARSAL_CT_BATCH:-128}" --steps 2 --warmup 1 ;;
    stop-server) [ -f "$work/server.pid" ] && kill "$(cat "$work/server.pid")" && rm "$work/server.pid" ;;
    table)      column -t -s $'\t' "$work/results.tsv" ;;
    all)        for s in dataset checkpoint captions init serve retrieve embed rank small lp-bench ct-step stop-server table; do
                  stage "$s"; done ;;
    *)          echo "unknown stage $1" >&2; exit 2 ;;
  esac
}

for s in "$@"; do stage "$s"; done

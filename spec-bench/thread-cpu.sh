#!/usr/bin/env bash
# The CLI's `check` on one input, timed, with the CPU seconds of each group of the JVM's threads:
# the record work (the calling thread and the pipeline's workers), the C2 and C1 compilers, the
# garbage collector and the rest, read from /proc/PID/task/*/stat every POLL seconds (default 2;
# one awk per poll, so that the poller takes next to no CPU from the run it measures), and the
# whole process's user and system time and peak RSS from /usr/bin/time. The per-thread figures are
# as of the last poll: a run of a few seconds needs a smaller POLL; compare them only between long runs.
#
#   bash spec-bench/thread-cpu.sh JAR INPUT THREADS TAG
#   e.g. SINK=/dev/null bash spec-bench/thread-cpu.sh spec-cli/target/perfspecs.jar /tmp/records-1000000.ndjson 2 m2
#
# Environment: SINK (where the CSV goes; default OUT/out.csv, whose SHA-256 is printed, then
# removed), JOPTS (more JVM options, e.g. a flight recording), POLL, XMX (default 256m), OUT_DIR
# (default /tmp/thread-cpu). Linux only (/proc, GNU time).
set -u
JAR=$1; IN=$2; T=$3; TAG=$4
OUT=${OUT_DIR:-/tmp/thread-cpu}/$TAG; mkdir -p "$OUT"; rm -f "$OUT/last.txt"
start=$(date +%s.%N)
/usr/bin/time -v -o "$OUT/time.txt" java -Xmx"${XMX:-256m}" ${JOPTS:-} -jar "$JAR" check "$IN" \
  --as-of 2024-06-03T12:00:00-04:00 --format csv --no-progress --threads "$T" > "${SINK:-$OUT/out.csv}" 2> "$OUT/err.txt" &
TPID=$!
sleep 0.3; PID=$(pgrep -P $TPID java || pgrep -P $TPID)
TCK=$(getconf CLK_TCK)
while kill -0 "$PID" 2>/dev/null; do
  # tid|name|utime+stime (fields 14 and 15 of stat, after the parenthesised name)
  awk '{ l=$0; name=l; sub(/^[^(]*\(/, "", name); sub(/\).*$/, "", name); rest=l; sub(/^.*\) /, "", rest); split(rest, f, " "); print $1 "|" name "|" f[12]+f[13] }' /proc/"$PID"/task/*/stat >> "$OUT/last.txt" 2>/dev/null
  sleep "${POLL:-2}"
done
wait $TPID; rc=$?
end=$(date +%s.%N)
awk -F'|' '{ if ($3+0 >= m[$1]+0) { m[$1]=$3; nm[$1]=$2 } } END { for (k in m) print nm[k] "|" m[k] }' "$OUT/last.txt" > "$OUT/max.txt"
awk -F'|' -v tck="$TCK" -v wall="$(echo "$end - $start" | bc)" -v tag="$TAG" -v rc=$rc '
 { n=$1; t=$2/tck; g="other";
   if (n ~ /^C2 /) g="C2"; else if (n ~ /^C1 /) g="C1"; else if (n ~ /^(GC|G1)/) g="GC";
   else if (n ~ /^(java|main|perfspecs)/) g="work"; sum[g]+=t; tot+=t }
 END { printf "%s rc=%d wall=%.1fs threads-total=%.1f work=%.1f C2=%.1f C1=%.1f GC=%.1f other=%.1f\n", tag, rc, wall, tot, sum["work"], sum["C2"], sum["C1"], sum["GC"], sum["other"] }' "$OUT/max.txt"
echo "$TAG user=$(grep 'User time' "$OUT/time.txt" | awk '{print $NF}') sys=$(grep 'System time' "$OUT/time.txt" | awk '{print $NF}') peak-rss=$(grep 'Maximum resident' "$OUT/time.txt" | awk '{print $NF}')kB $(grep -E 'records read' "$OUT/err.txt")"
if [ -z "${SINK:-}" ]; then sha256sum "$OUT/out.csv" | cut -c1-16; rm -f "$OUT/out.csv"; fi

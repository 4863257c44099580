# Sourced by bench.sh and bench-fhir.sh: run NAME COMMAND... times COMMAND (its own JVM) with
# /usr/bin/time into $D/NAME.{out,err,time} and adds a Markdown table row to "results": wall, CPU
# (user + sys), records per second for $N records (wall and CPU), peak RSS, load before -> after.
# Exit codes 1 and 2 (findings, rejections) are results, not failures.
results=()
run() {
  local name="$1"
  shift
  local before after
  before="$(cut -d' ' -f1 /proc/loadavg)"
  /usr/bin/time -f '%e %U %S %M' -o "$D/$name.time" "$@" > "$D/$name.out" 2> "$D/$name.err" || {
    local code=$?
    if [ "$code" -gt 2 ]; then echo "$name failed ($code): see $D/$name.err" >&2; exit 1; fi
  }
  after="$(cut -d' ' -f1 /proc/loadavg)"
  read -r wall user sys rss < <(tail -1 "$D/$name.time")
  results+=("$(awk -v n="$N" -v name="$name" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v lb="$before" -v la="$after" \
    'BEGIN { printf "| %s | %.1f s | %.1f s | %.0f | %.0f | %.0f MB | %s -> %s |", name, w, u + s, n / w, n / (u + s), r / 1024, lb, la }')")
}

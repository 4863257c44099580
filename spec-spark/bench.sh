#!/usr/bin/env bash
# The command line and Spark on local[2] over the same generated NDJSON, in one sitting:
#
#   bash spec-spark/bench.sh [RECORDS] [AS_OF]       # default 20000 records, as of 2024-06-03T12:00-04:00
#
# Builds the jars (offline), writes RECORDS TypicalRecords (seed 42) to target/spark-bench/records.ndjson,
# then times four runs, each in its own JVM, one after the other:
#   cli-report   perfspecs report --format json --threads 2        (the aggregate only)
#   spark-report CheckJob --no-findings on local[2]                (the aggregate only)
#   cli-check    perfspecs check --output DIR --threads 2          (findings.ndjson, aggregate.json, ...)
#   spark-check  CheckJob on local[2], findings as Parquet
# and prints wall time, CPU time (user + sys), records per second (wall) and per CPU-second, and peak
# RSS, with the date, load and JVM. It checks that the aggregate.json files are identical.
# RUNS=report runs only the first two (no findings written: a million records of findings would
# take tens of gigabytes of disk).
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-20000}"
AS_OF="${2:-2024-06-03T12:00:00-04:00}"
D="${BENCH_DIR:-target/spark-bench}"
mkdir -p "$D"

mvn -B -o -q -DskipTests -pl spec-cli,spec-spark,spec-bench -am package \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.includeScope=provided -Dmdep.outputFile=target/provided-classpath.txt
SPARK_CP="spec-spark/target/perfspecs-spark.jar:$(cat spec-spark/target/provided-classpath.txt)"

if [ ! -s "$D/records-$N.ndjson" ]; then
  java -cp spec-bench/target/benchmarks.jar org.perfspecs.testkit.GenerateRecords --count "$N" --seed 42 \
    --out "$D/records-$N.ndjson"
fi
IN="$D/records-$N.ndjson"

echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC'); records: $N ($(du -h "$IN" | cut -f1)); as of $AS_OF"
echo "jvm: $(java -version 2>&1 | head -2 | tail -1); cores: $(nproc)"

. spec-spark/bench-run.sh   # run NAME COMMAND...: timed, a row in "results"

rm -rf "$D/cli-check" "$D/spark-report" "$D/spark-check"
run cli-report java -jar spec-cli/target/perfspecs.jar report "$IN" --as-of "$AS_OF" --format json --threads 2 \
  --no-progress -o "$D/cli-aggregate.json"
run spark-report java -Xmx2g -Dspark.master='local[2]' -cp "$SPARK_CP" org.perfspecs.spark.CheckJob "$IN" \
  "$D/spark-report" --as-of "$AS_OF" --no-findings
if [ "${RUNS:-all}" != report ]; then
run cli-check java -jar spec-cli/target/perfspecs.jar check "$IN" --as-of "$AS_OF" --threads 2 --no-progress \
  --output "$D/cli-check"
run spark-check java -Xmx2g -Dspark.master='local[2]' -cp "$SPARK_CP" org.perfspecs.spark.CheckJob "$IN" \
  "$D/spark-check" --as-of "$AS_OF"
fi

echo
echo "| run | wall | CPU (user + sys) | records/s (wall) | records/CPU-s | peak RSS | load before -> after |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${results[@]}"
echo
for f in "$D/spark-report/aggregate.json" "$D/cli-check/aggregate.json" "$D/spark-check/aggregate.json"; do
  if [ -e "$f" ]; then cmp "$D/cli-aggregate.json" "$f"; fi
done
echo "aggregate.json: identical in all runs"
grep -h "nothing lost" "$D"/spark-*.out

#!/usr/bin/env bash
# A bulk FHIR export: the FHIR command line and Spark on local[2], in one sitting:
#
#   bash spec-spark/bench-fhir.sh [RECORDS] [AS_OF]   # default 5000 records, as of 2024-06-03T12:00-04:00
#
# Builds the jars (offline), writes RECORDS TypicalRecords (seed 42) and converts them to a bulk export
# (perfspecs-fhir convert --to fhir --bulk) in target/spark-bench-fhir/export-RECORDS, then times, each
# in its own JVM, alternating, ROUNDS times (default 2):
#   cli-report    perfspecs-fhir report --from fhir DIR --format json   (the aggregate only; one JVM)
#   spark-report  CheckJob --from fhir DIR --no-findings on local[2]    (the aggregate only)
# and prints wall time, CPU time (user + sys), records per second (wall) and per CPU-second, and peak
# RSS, with the date, load and JVM. It checks that the aggregate.json files are identical.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-5000}"
AS_OF="${2:-2024-06-03T12:00:00-04:00}"
ROUNDS="${ROUNDS:-2}"
D="${BENCH_DIR:-target/spark-bench-fhir}"
mkdir -p "$D"

mvn -B -o -q -DskipTests -pl spec-fhir,spec-spark,spec-bench -am package \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.includeScope=provided -Dmdep.outputFile=target/provided-classpath.txt
SPARK_CP="spec-spark/target/perfspecs-spark.jar:$(cat spec-spark/target/provided-classpath.txt)"

EXPORT="$D/export-$N"
if [ ! -d "$EXPORT" ]; then
  java -cp spec-bench/target/benchmarks.jar org.perfspecs.testkit.GenerateRecords --count "$N" --seed 42 \
    --out "$D/records-$N.ndjson"
  java -jar spec-fhir/target/perfspecs-fhir.jar convert --to fhir --bulk "$D/records-$N.ndjson" --output "$EXPORT"
fi

echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC'); records: $N; export: $(du -sh "$EXPORT" | cut -f1), \
$(cat "$EXPORT"/*.ndjson | wc -l) resources; as of $AS_OF"
echo "jvm: $(java -version 2>&1 | head -2 | tail -1); cores: $(nproc)"

. spec-spark/bench-run.sh   # run NAME COMMAND...: timed, a row in "results"

for i in $(seq 1 "$ROUNDS"); do
  run "cli-report-$i" java -jar spec-fhir/target/perfspecs-fhir.jar report --from fhir "$EXPORT" --as-of "$AS_OF" \
    --format json --no-progress -o "$D/cli-aggregate.json"
  rm -rf "$D/spark-report"
  run "spark-report-$i" java -Xmx2g -Dspark.master='local[2]' -cp "$SPARK_CP" org.perfspecs.spark.CheckJob \
    --from fhir "$EXPORT" "$D/spark-report" --as-of "$AS_OF" --no-findings
  cmp "$D/cli-aggregate.json" "$D/spark-report/aggregate.json"
done

echo
echo "| run | wall | CPU (user + sys) | records/s (wall) | records/CPU-s | peak RSS | load before -> after |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${results[@]}"
echo
echo "aggregate.json: identical in all runs"
grep -h "nothing lost\|export lines" "$D"/spark-report-*.out

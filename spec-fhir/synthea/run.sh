#!/usr/bin/env bash
# Generates a small fixed-seed Synthea population (women 20-35 in Massachusetts, every Synthea
# module loaded: pregnancy and opioid_addiction among them) as a FHIR bulk-data export, then reads it
# with spec-fhir (SyntheaPopulationTest). Not part of `mvn verify`: generation takes minutes.
# Synthea (org.mitre.synthea:synthea 3.3.0, Maven Central) runs in its own JVM on its own class
# path (it brings HAPI 6.1.0), resolved by the standalone pom.xml beside this script.
#
#   bash spec-fhir/synthea/run.sh [POPULATION]        (from the repository root; default 12)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
population="${1:-12}"
out="$here/target/out"
mvn -B -q -f "$here/pom.xml" dependency:build-classpath -Dmdep.outputFile="$here/target/classpath.txt"
rm -rf "$out"
start=$(date +%s)
java -Xmx1g -cp "$(cat "$here/target/classpath.txt")" App -s 42 -cs 42 -r 20240601 -e 20240601 \
  -p "$population" -g F -a 20-35 \
  --exporter.baseDirectory="$out" --exporter.fhir.bulk_data=true --exporter.fhir.export=true \
  --exporter.hospital.fhir.export=false --exporter.practitioner.fhir.export=false \
  --exporter.csv.export=false --generate.only_alive_patients=true Massachusetts > "$here/target/synthea.log"
echo "Synthea: $population women in $(( $(date +%s) - start )) s -> $out/fhir"
cd "$root"
mvn -B -q -o -pl spec-fhir -am test -Dtest=SyntheaPopulationTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dperfspecs.synthea.dir="$out/fhir"
cat "$root/spec-fhir/target/synthea-members.txt"

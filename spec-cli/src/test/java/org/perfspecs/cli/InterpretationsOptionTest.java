package org.perfspecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfspecs.checks.Interpretation;
import org.perfspecs.checks.catalog.Catalog;

/** {@code --interpretations FILE} on check and report, and the interpretations in the catalog. */
class InterpretationsOptionTest {
  private static final String AS_OF = "2024-06-03T12:00:00-04:00";
  private static final String SAMPLES = "../spec-examples/src/main/resources/org/perfspecs/examples/samples/";

  @TempDir
  Path dir;

  private Path file(String json) throws IOException {
    return Files.writeString(dir.resolve("readings.json"), json);
  }

  private static String findings(String... extra) {
    String[] args = new String[5 + extra.length];
    args[0] = "check";
    args[1] = SAMPLES + "case-records.ndjson";
    args[2] = "--as-of";
    args[3] = AS_OF;
    args[4] = "--format=json";
    System.arraycopy(extra, 0, args, 5, extra.length);
    CliRun run = CliRun.of(args);
    assertThat(run.exitCode).as(run.err).isIn(0, 1);
    return run.out;
  }

  @Test
  void restatingEveryDefaultChangesNoFinding() throws IOException {
    String defaults = Catalog.standard().interpretations().stream()
        .map(i -> "\"" + i.key() + "\": " + (i.kind() == Interpretation.Kind.BUSINESS_DAYS || i.kind() == Interpretation.Kind.DAYS
            ? i.defaultText() : "\"" + i.defaultText() + "\""))
        .collect(Collectors.joining(",\n", "{\n", "\n}"));
    assertThat(findings("--interpretations", file(defaults).toString())).isEqualTo(findings());
  }

  @Test
  void anOverrideChangesTheFindingsThatReadIt() throws IOException {
    String changed = findings("--interpretations", file("{\"IOP.COMP.9.review\": \"PLANNING_DEADLINE\"}").toString());
    assertThat(changed).isNotEqualTo(findings());
    ObjectMapper json = new ObjectMapper();
    var before = findings().lines().toList();
    var after = changed.lines().toList();
    assertThat(after).hasSameSizeAs(before);
    for (int i = 0; i < before.size(); i++) {
      if (!before.get(i).equals(after.get(i))) {
        JsonNode f = json.readTree(after.get(i));
        assertThat(f.get("requirementId").asText()).isEqualTo("IOP.COMP.9");
      }
    }
  }

  @Test
  void anUnknownKeyOrAWrongValueIsAUsageErrorNamingTheKey() throws IOException {
    CliRun unknown = CliRun.of("check", SAMPLES + "case-records.ndjson", "--as-of", AS_OF,
        "--interpretations", file("{\"ESOAP.ASMT.3.d.soon\": \"PT1H\"}").toString());
    assertThat(unknown.exitCode).isEqualTo(3);
    assertThat(unknown.err).contains("ESOAP.ASMT.3.d.soon");
    CliRun wrong = CliRun.of("report", SAMPLES + "case-records.ndjson", "--as-of", AS_OF, "--format", "json",
        "--interpretations", file("{\"ESOAP.ASMT.3.d.immediately\": 24}").toString());
    assertThat(wrong.exitCode).isEqualTo(3);
    assertThat(wrong.err).contains("ESOAP.ASMT.3.d.immediately");
    CliRun notAnObject = CliRun.of("check", SAMPLES + "case-records.ndjson", "--interpretations", file("[1]").toString());
    assertThat(notAnObject.exitCode).isEqualTo(3);
    assertThat(notAnObject.err).contains("must be a JSON object");
    CliRun missing = CliRun.of("check", SAMPLES + "case-records.ndjson", "--interpretations", dir.resolve("none.json").toString());
    assertThat(missing.exitCode).isEqualTo(3);
  }

  @Test
  void theCatalogPrintsEachRequirementsInterpretations() throws IOException {
    JsonNode root = new ObjectMapper().readTree(CliRun.of("catalog", "--format", "json", "--spec", "ESOAP").out);
    JsonNode found = null;
    for (JsonNode section : root.get(0).get("sections")) {
      for (JsonNode req : section.get("requirements")) {
        if (req.get("id").asText().equals("ESOAP.ASMT.3.d")) {
          found = req.get("interpretations").get(0);
        }
      }
    }
    assertThat(found).isNotNull();
    assertThat(found.get("key").asText()).isEqualTo("ESOAP.ASMT.3.d.immediately");
    assertThat(found.get("words").asText()).isEqualTo("immediately upon admission");
    assertThat(found.get("default").asText()).isEqualTo("PT24H");
    assertThat(found.get("rationale").asText()).isNotBlank();
    assertThat(CliRun.of("catalog", "--spec", "RC").out).contains("reads \"at the onset of service delivery\" as RC.CASE.1.onset = 7");
    assertThat(CliRun.of("catalog", "--format", "csv", "--spec", "IOP").out).contains("IOP.COMP.9.review = STAY_SO_FAR");
  }
}

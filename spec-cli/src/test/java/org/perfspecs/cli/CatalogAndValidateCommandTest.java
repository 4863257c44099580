package org.perfspecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.catalog.Catalog;

class CatalogAndValidateCommandTest {
  private static final String SAMPLES = "../spec-examples/src/main/resources/org/perfspecs/examples/samples/";

  @Test
  void catalogTextListsEveryRequirementWithItsCitation() {
    CliRun run = CliRun.of("catalog");
    assertThat(run.exitCode).isEqualTo(0);
    Catalog.standard().requirements().forEach(r -> {
      assertThat(run.out).contains(r.id());
      assertThat(run.out).contains("\"" + r.citation().text() + "\"");
    });
  }

  @Test
  void catalogJsonHasSpecificationsSectionsAndRequirements() throws IOException {
    CliRun run = CliRun.of("catalog", "--format", "json");
    JsonNode root = new ObjectMapper().readTree(run.out);
    assertThat(root.size()).isEqualTo(5);
    int count = 0;
    for (JsonNode spec : root) {
      for (JsonNode section : spec.get("sections")) {
        for (JsonNode req : section.get("requirements")) {
          count++;
          assertThat(req.get("citation").get("text").asText()).isNotBlank();
          assertThat(req.get("strength").asText()).isIn("MUST", "SHOULD", "MAY");
          assertThat(req.get("rule").asText()).as("rule of %s", req.get("id")).isEqualTo(
              Catalog.standard().rule(req.get("id").asText()).orElseThrow());
        }
      }
    }
    assertThat(count).isEqualTo(Catalog.standard().requirements().size());
  }

  @Test
  void catalogCsvOneRowPerRequirementAndSpecFilter() {
    CliRun run = CliRun.of("catalog", "--format", "csv", "--spec", "IOP");
    assertThat(run.out.lines().findFirst()).contains(
        "spec,section,sectionHeading,requirementId,strength,basis,condition,externalDocument,document,label,text,rule");
    assertThat(run.out.lines().filter(l -> l.startsWith("IOP,COMP,")).filter(l -> l.contains(",IOP.COMP.4.a,")))
        .singleElement().asString().endsWith(",\"\"\"The member will be evaluated/assessed within one business day of "
            + "referral\"\": the initial evaluation by the end of the first business day after the day the referral was "
            + "received.\"");
    assertThat(run.out.lines().skip(1)).allMatch(l -> l.startsWith("IOP,"));
    assertThat(run.out.lines().count() - 1)
        .isEqualTo(Catalog.standard().specification("IOP").orElseThrow().requirements().size());
    assertThat(CliRun.of("catalog", "--spec", "NOPE").exitCode).isEqualTo(3);
  }

  @Test
  void validateReportsEachViolationWithLineAndPath() {
    CliRun run = CliRun.of("validate", Path.of(SAMPLES, "invalid-records.ndjson").toString());
    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.out).contains("line 2: $.episode.contacts[0].minutes: must be greater than or equal to 0")
        .contains("line 3: $.episode.dischargedAt: must not be before admittedAt")
        .contains("line 4: $.member.product: must be one of TUFTS_HEALTH_PLAN_COMMERCIAL, ")
        .contains("records read: 5, valid: 1, rejected: 4");
    assertThat(run.out).doesNotContain("1990-01-01");
  }

  @Test
  void validateAcceptsTheSamples() {
    assertThat(CliRun.of("validate", Path.of(SAMPLES, "case-records.ndjson").toString()).exitCode).isEqualTo(0);
    CliRun programs = CliRun.of("validate", Path.of(SAMPLES, "programs.json").toString(), "--type", "program");
    assertThat(programs.exitCode).isEqualTo(0);
    assertThat(programs.out).contains("records read: 6, valid: 6, rejected: 0");
  }
}

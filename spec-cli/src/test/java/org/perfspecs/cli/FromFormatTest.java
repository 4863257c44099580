package org.perfspecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The default jar has no other input format: --from fhir and --findings-as fhir are usage errors naming the FHIR jar. */
class FromFormatTest {
  static final String SAMPLES = "../spec-examples/src/main/resources/org/perfspecs/examples/samples/case-records.ndjson";

  @Test
  void fromFhirIsAUsageErrorNamingTheFhirJar() {
    CliRun run = CliRun.of("check", "--from", "fhir", SAMPLES, "--as-of", "2024-06-03");
    assertThat(run.exitCode).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err).contains("perfspecs-fhir.jar").doesNotContain("Exception");
    assertThat(run.out).isEmpty();
  }

  @Test
  void findingsAsFhirIsAUsageErrorNamingTheFhirJar() {
    CliRun run = CliRun.of("check", SAMPLES, "--as-of", "2024-06-03", "--findings-as", "fhir");
    assertThat(run.exitCode).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err).contains("perfspecs-fhir.jar");
  }

  @Test
  void fromPerfspecsIsTheDefault() {
    CliRun run = CliRun.of("check", "--from", "perfspecs", SAMPLES, "--as-of", "2024-06-03", "--format", "json");
    assertThat(run.exitCode).isIn(ExitCodes.CLEAN, ExitCodes.FAIL_ON);
    assertThat(run.out).contains("requirementId");
  }
}

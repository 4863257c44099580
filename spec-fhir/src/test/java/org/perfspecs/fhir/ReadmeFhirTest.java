package org.perfspecs.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.perfspecs.model.CaseRecord;

/**
 * The README's FHIR section: its Java block (fenced {@code Java}, so that spec-examples'
 * ReadmeCodeTest, whose classpath has no HAPI, leaves it to this test) is FhirReadmeExample.java as
 * is (so it compiles as pasted), and it runs.
 */
class ReadmeFhirTest {
  static final Path README = Path.of("../README.md");
  static final Path EXAMPLE = Path.of("src/test/java/FhirReadmeExample.java");

  @Test
  void theReadmeJavaBlockIsTheCompiledExample() throws IOException {
    String readme = Files.readString(README);
    int section = readme.indexOf("\n## FHIR\n");
    assertThat(section).as("README has a FHIR section").isPositive();
    Matcher block = Pattern.compile("```Java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertThat(block.find(section)).as("the FHIR section has a java block").isTrue();
    assertThat(block.group(1).strip()).isEqualTo(Files.readString(EXAMPLE).strip());
  }

  @Test
  void theExampleRuns() throws Exception {
    CaseRecord esoap = Samples.caseRecords().stream().filter(r -> r.episode().service().name().equals("ESOAP"))
        .findFirst().orElseThrow();
    Class<?> example = Class.forName("FhirReadmeExample");
    var check = example.getMethod("check", org.hl7.fhir.r4.model.Bundle.class, Instant.class);
    Object out = check.invoke(null, FhirCaseRecords.toBundle(esoap),
        esoap.episode().admittedAt().orElseThrow().plusSeconds(3600));
    assertThat((java.util.List<?>) out).isNotEmpty().hasAtLeastOneElementOfType(org.hl7.fhir.r4.model.Task.class);
  }
}

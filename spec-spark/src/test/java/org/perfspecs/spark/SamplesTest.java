package org.perfspecs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfspecs.cli.InterpretationsFile;
import org.perfspecs.model.ModelJson;

/** The bundled sample records and program profiles: Spark on {@code local[2]} gives what the command line gives. */
class SamplesTest {
  static final String AS_OF = "2024-06-03T12:00:00-04:00";
  private static final String SAMPLES = "/org/perfspecs/examples/samples/";

  @TempDir
  Path dir;

  @AfterEach
  void wholeSplits() {
    LocalSpark.session().sparkContext().hadoopConfiguration().unset("mapreduce.input.fileinputformat.split.maxsize");
  }

  /** A bundled sample file, copied to {@code dir}. */
  static Path sample(Path dir, String name) throws IOException {
    try (InputStream in = SamplesTest.class.getResourceAsStream(SAMPLES + name)) {
      Path p = dir.resolve(name);
      Files.copy(in, p);
      return p;
    }
  }

  /** The bundled program profiles (a JSON array) as NDJSON, one profile per line: what spec-spark reads. */
  static Path programsNdjson(Path dir) throws IOException {
    JsonNode array;
    try (InputStream in = SamplesTest.class.getResourceAsStream(SAMPLES + "programs.json")) {
      array = ModelJson.newMapper().readTree(in);
    }
    StringBuilder out = new StringBuilder();
    array.forEach(p -> out.append(p.toString()).append('\n'));
    Path p = dir.resolve("programs.ndjson");
    Files.writeString(p, out, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void theSamplesGiveTheCommandLinesAggregateFindingsAndRejections() throws IOException {
    // small splits: the 19 lines are read by several tasks, each numbering from its first line
    LocalSpark.session().sparkContext().hadoopConfiguration().set("mapreduce.input.fileinputformat.split.maxsize", "8192");
    // the programs as the bundled JSON array: read on the driver, as the command line reads --programs
    CliComparison c = new CliComparison(sample(dir, "case-records.ndjson"), sample(dir, "programs.json"), AS_OF);

    CliComparison.Outcome o = c.assertSame();

    assertThat(o.summary().records().read()).isEqualTo(19);
    assertThat(o.summary().records().rejected()).isZero();
    assertThat(o.summary().programs().evaluated()).isPositive();
    assertThat(o.summary().actionLists().failingFirst()).isNotEmpty();
    assertThat(o.cliFindings()).isNotEmpty();
    assertThat(o.cliExitCode()).isZero();
  }

  @Test
  void interpretationOverridesCitationsAndListOptionsAreTheCommandLines() throws IOException {
    Path overrides = dir.resolve("interpretations.json");
    Files.writeString(overrides, "{\"ESOAP.ASMT.3.d.immediately\": \"PT12H\"}", StandardCharsets.UTF_8);
    CliComparison c = new CliComparison(sample(dir, "case-records.ndjson"), programsNdjson(dir), AS_OF);
    c.extraCliArgs.addAll(List.of("--interpretations", overrides.toString(), "--drill-down", "2", "--coming-due", "60"));
    c.withCitations = true;
    c.checks = c.checks.withInterpretations(InterpretationsFile.values(overrides)).withActionLists(2, 60)
        .withCitationText(true);

    CliComparison.Outcome o = c.assertSame();

    assertThat(o.summary().actionLists().failingFirst().values()).allSatisfy(ids -> assertThat(ids).hasSizeLessThanOrEqualTo(2));
    assertThat(o.sparkAggregate()).contains("\"listedPerRequirement\" : 2").contains("\"days\" : 60");
  }

  @Test
  void anUnknownInterpretationKeyIsRefusedOnTheDriver() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SparkChecks.asOf(java.time.Instant.parse("2024-06-03T16:00:00Z"))
        .withInterpretations(java.util.Map.of("NO.SUCH.key", "PT1H")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NO.SUCH.key");
  }

  @Test
  void theInvalidSamplesAreRejectedAsTheCommandLineRejectsThem() throws IOException {
    CliComparison c = new CliComparison(sample(dir, "invalid-records.ndjson"), null, AS_OF);

    CliComparison.Outcome o = c.assertSame();

    assertThat(o.sparkRejections()).isNotEmpty();
    assertThat(o.summary().records().rejected()).isEqualTo(o.summary().records().read() - o.summary().records().evaluated());
    assertThat(o.summary().anyRejected()).isTrue();
  }
}

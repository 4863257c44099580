package org.perfspecs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfspecs.cli.PerfspecsCommand;

/**
 * The job's entry point: its aggregate.json is what {@code perfspecs report --format json} writes
 * for the same input, its findings are {@code perfspecs check}'s, and it exits as the command line
 * does.
 */
class CheckJobTest {
  @TempDir
  Path dir;

  @Test
  void theJobWritesTheCommandLinesAggregateJsonAndTheRowsAsJson() throws IOException {
    LocalSpark.session(); // the job joins the running local[2] session
    Path records = SamplesTest.sample(dir, "case-records.ndjson");
    Path programs = SamplesTest.programsNdjson(dir);
    Path out = dir.resolve("out");

    int code = CheckJob.run(records.toString(), out.toString(), "--as-of", SamplesTest.AS_OF, "--programs",
        programs.toString(), "--format", "json", "--drill-down", "3");

    StringWriter report = new StringWriter();
    int cliCode = PerfspecsCommand.run(new PrintWriter(report, true), new PrintWriter(new StringWriter(), true),
        "report", records.toString(), "--programs", programs.toString(), "--as-of", SamplesTest.AS_OF, "--format",
        "json", "--drill-down", "3", "--no-progress");
    StringWriter check = new StringWriter();
    PerfspecsCommand.run(new PrintWriter(check, true), new PrintWriter(new StringWriter(), true), "check",
        records.toString(), "--programs", programs.toString(), "--as-of", SamplesTest.AS_OF, "--format", "json",
        "--no-progress");
    assertThat(code).isEqualTo(cliCode).isZero();
    assertThat(Files.readString(out.resolve("aggregate.json"))).isEqualTo(report.toString());
    for (String part : List.of("findings", "rejected", "aggregate")) {
      assertThat(out.resolve(part).resolve("_SUCCESS")).exists();
    }
    List<String> cliFindings = check.toString().lines().sorted().toList();
    List<String> jobFindings = LocalSpark.session().read().schema(Schemas.FINDINGS).json(out.resolve("findings").toString())
        .drop("file", "line").toJSON().collectAsList().stream().sorted().toList();
    assertThat(jobFindings).hasSize(cliFindings.size()).isEqualTo(cliFindings);
  }

  @Test
  void rejectedRecordsExitWithTheCommandLinesCode() throws IOException {
    LocalSpark.session();
    Path records = SamplesTest.sample(dir, "invalid-records.ndjson");

    int code = CheckJob.run(records.toString(), dir.resolve("out").toString(), "--as-of", SamplesTest.AS_OF,
        "--no-findings");

    int cliCode = PerfspecsCommand.run(new PrintWriter(new StringWriter(), true),
        new PrintWriter(new StringWriter(), true), "report", records.toString(), "--as-of", SamplesTest.AS_OF,
        "--format", "json", "--no-progress");
    assertThat(code).isEqualTo(cliCode).isEqualTo(2);
    assertThat(dir.resolve("out/findings")).doesNotExist();
    assertThat(LocalSpark.session().read().parquet(dir.resolve("out/rejected").toString()).count()).isPositive();
  }

  @Test
  void fromFhirReadsABulkExportAsTheCommandLineDoes() throws IOException {
    LocalSpark.session();
    Path export = dir.resolve("export");
    Path records = SamplesTest.sample(dir, "case-records.ndjson");
    assertThat(FhirExportTest.cli("convert", "--to", "fhir", "--bulk", records.toString(), "--output", export.toString())
        .code()).isZero();
    Path out = dir.resolve("out");

    int code = CheckJob.run("--from", "fhir", export.toString(), out.toString(), "--as-of", SamplesTest.AS_OF,
        "--no-findings");

    FhirExportTest.Run report = FhirExportTest.cli("report", "--from", "fhir", export.toString(), "--as-of",
        SamplesTest.AS_OF, "--format", "json", "--no-progress");
    assertThat(code).isEqualTo(report.code()).isZero();
    assertThat(Files.readString(out.resolve("aggregate.json"))).isEqualTo(report.out());
    assertThat(CheckJob.run("--from", "hl7v2", export.toString(), out.toString(), "--as-of", SamplesTest.AS_OF))
        .isEqualTo(3);
  }

  @Test
  void aMissingAsOfIsAUsageError() {
    assertThat(CheckJob.run("in.ndjson", "out")).isEqualTo(3);
    assertThat(CheckJob.run("in.ndjson", "out", "--as-of", "yesterday")).isEqualTo(3);
    assertThat(CheckJob.run("in.ndjson", "out", "--as-of", "2024-06-03", "--drill-down", "-1")).isEqualTo(3);
  }
}

package org.perfspecs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfspecs.cli.AsOfTime;
import org.perfspecs.cli.PerfspecsCommand;
import org.perfspecs.fhir.FhirBulkExport;
import org.perfspecs.testkit.CaseRecords;

/**
 * Bulk FHIR exports on {@code local[2]} against {@code perfspecs-fhir check --from fhir DIR} run in
 * process on the same directory: the bundled samples (with their programs, as {@code convert --to
 * fhir --bulk --programs} writes them) and 1,000 testkit-generated records (written by {@link
 * FhirBulkExport}; records of one member are read as one patient, as the command line reads them), each with a blank line, a line that is not JSON, a resource that HAPI's parser
 * rejects and a resource of no patient added. {@code aggregate.json} byte for byte, the findings as
 * the same multiset, the rejections as the same lines the command line prints, the exit code, and
 * read = evaluated + rejected with every line accounted for.
 */
class FhirExportTest {
  static final String AS_OF = "2024-06-03T12:00:00-04:00";
  /** Generated records; {@code -Dperfspecs.spark.fhirRecords=N} runs another number. */
  static final int RECORDS = Integer.getInteger("perfspecs.spark.fhirRecords", 1_000);

  @TempDir
  Path dir;

  @AfterEach
  void wholeSplits() {
    LocalSpark.session().sparkContext().hadoopConfiguration().unset("mapreduce.input.fileinputformat.split.maxsize");
  }

  @Test
  void theSamplesAsABulkExportGiveTheCommandLinesResults() throws IOException {
    Path samples = SamplesTest.sample(dir, "case-records.ndjson");
    Path programs = SamplesTest.sample(dir, "programs.json");
    Path export = dir.resolve("export");
    Run convert = cli("convert", "--to", "fhir", "--bulk", samples.toString(), "--programs", programs.toString(),
        "--output", export.toString());
    assertThat(convert.code()).as(convert.err()).isZero();
    String patient = addBadLines(export);
    // small splits: each file read by several tasks, each numbering from its first line
    LocalSpark.session().sparkContext().hadoopConfiguration().set("mapreduce.input.fileinputformat.split.maxsize", "8192");

    Compared c = compare(export, null, AS_OF);

    assertThat(c.summary().records().evaluated()).isEqualTo(19);
    assertThat(c.summary().programs().evaluated()).isPositive();
    assertThat(c.summary().exportLines().orElseThrow().rejected()).isEqualTo(1);
    assertThat(c.summary().exportLines().orElseThrow().ignored()).isEqualTo(1);
    assertThat(c.summary().exportLines().orElseThrow().blank()).isEqualTo(1);
    assertThat(c.sparkRejections()).anySatisfy(r -> assertThat(r).startsWith("Encounter.ndjson line ")
        .contains("is not well-formed JSON"));
    assertThat(c.sparkRejections()).anySatisfy(r -> assertThat(r).startsWith("Encounter.ndjson line ")
        .contains("Encounter (in status): has a value that is not valid for its FHIR datatype"));
    assertThat(patient).isNotBlank();
    assertThat(c.cliExitCode()).isEqualTo(2);

    // with the program profiles: a profile replaces the export's program of its id, as in the command line
    Compared withProfiles = compare(export, programs, AS_OF);
    assertThat(withProfiles.summary().programs().evaluated()).isPositive();
  }

  @Test
  void generatedRecordsAsABulkExportGiveTheCommandLinesResults() throws IOException {
    Path export = dir.resolve("generated");
    try (FhirBulkExport out = FhirBulkExport.into(export)) {
      CaseRecords.caseRecords().withAtMostContacts(3).sampleStream().limit(RECORDS).forEach(r -> {
        try {
          out.add(r);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
    addBadLines(export);
    LocalSpark.session().sparkContext().hadoopConfiguration()
        .set("mapreduce.input.fileinputformat.split.maxsize", Integer.toString(1 << 20));

    Compared c = compare(export, null, "2025-06-30T12:00:00-04:00");

    assertThat(c.summary().records().read()).isGreaterThanOrEqualTo(RECORDS / 2);
    assertThat(c.cliFindings().length).isGreaterThan(RECORDS);
  }

  /**
   * Appends to the export a blank line and a line that is not JSON (Encounter.ndjson), an Encounter
   * of an existing patient that HAPI's parser rejects (a status of the wrong JSON type), and a
   * resource of no patient (Medication); returns that patient's id.
   */
  private static String addBadLines(Path export) throws IOException {
    String firstPatient = Files.readAllLines(export.resolve("Patient.ndjson")).get(0);
    Matcher m = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(firstPatient);
    assertThat(m.find()).isTrue();
    String patient = m.group(1);
    Files.writeString(export.resolve("Encounter.ndjson"), "\n{\"resourceType\": \"Encounter\", \n"
        + "{\"resourceType\":\"Encounter\",\"id\":\"bad-status\",\"status\":12,\"class\":{\"code\":\"AMB\"},"
        + "\"subject\":{\"reference\":\"Patient/" + patient + "\"}}\n", StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    Files.writeString(export.resolve("Medication.ndjson"), "{\"resourceType\":\"Medication\",\"id\":\"m1\"}\n",
        StandardCharsets.UTF_8);
    return patient;
  }

  record Run(int code, String out, String err) {}

  record Compared(CheckSummary summary, int cliExitCode, long[] cliFindings, List<String> sparkRejections) {}

  static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = PerfspecsCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  private static final Pattern REJECTION = Pattern.compile("^[A-Za-z]+\\.ndjson line \\d+: .*$");

  /** Runs both sides on {@code export} and asserts they agree. */
  static Compared compare(Path export, Path programs, String asOf) {
    List<String> common = new ArrayList<>(List.of("--from", "fhir", export.toString(), "--as-of", asOf,
        "--no-progress", "--format", "json"));
    if (programs != null) {
      common.addAll(List.of("--programs", programs.toString()));
    }
    List<String> check = new ArrayList<>(List.of("check"));
    check.addAll(common);
    CliComparison.HashingWriter hashes = new CliComparison.HashingWriter();
    StringWriter err = new StringWriter();
    int code = PerfspecsCommand.run(new PrintWriter(hashes, false), new PrintWriter(err, true),
        check.toArray(new String[0]));
    List<String> report = new ArrayList<>(List.of("report"));
    report.addAll(common);
    Run aggregate = cli(report.toArray(new String[0]));
    List<String> cliRejections = Arrays.stream(err.toString().split("\n")).filter(l -> REJECTION.matcher(l).matches())
        .sorted().toList();

    SparkSession spark = LocalSpark.session();
    SparkChecks checks = SparkChecks.asOf(AsOfTime.parse(asOf));
    if (programs != null) {
      checks = checks.withPrograms(spark, programs.toString());
    }
    CheckResult result = checks.evaluateFhir(SparkChecks.readFhirExport(spark, export.toString()));
    CheckSummary summary = result.summary();
    String sparkAggregate = summary.aggregateJson(export.getFileName().toString(),
        programs == null ? "" : programs.getFileName().toString());
    List<String> sparkRejections = result.rejected().collectAsList().stream()
        .map((Row r) -> r.getAs("file") + " line " + r.getAs("line") + ": " + r.getAs("path") + ": " + r.getAs("message"))
        .sorted().toList();
    result.unpersist();
    long[] sparkFindings = result.findings().drop("file", "line").toJSON()
        .map((MapFunction<String, Long>) CliComparison::hash, Encoders.LONG()).collectAsList().stream()
        .mapToLong(Long::longValue).sorted().toArray();
    long[] cliFindings = hashes.sorted();

    assertThat(sparkAggregate).isEqualTo(aggregate.out());
    assertThat(sparkFindings.length).isEqualTo(cliFindings.length);
    assertThat(Arrays.equals(sparkFindings, cliFindings)).as("the same findings").isTrue();
    assertThat(sparkRejections).containsExactlyElementsOf(cliRejections);
    assertThat(summary.nothingLost()).as(summary.toString()).isTrue();
    assertThat(summary.records().read()).isEqualTo(summary.records().evaluated() + summary.records().rejected());
    assertThat(summary.exitCode()).as("the exit code").isEqualTo(code);
    return new Compared(summary, code, cliFindings, sparkRejections);
  }
}

package org.perfspecs.spark;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apiguardian.api.API;
import org.perfspecs.cli.AggregateJson;
import org.perfspecs.cli.AsOfTime;
import org.perfspecs.cli.InterpretationsFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The Spark job: {@code spark-submit --class org.perfspecs.spark.CheckJob perfspecs-spark.jar INPUT
 * OUTPUT --as-of TIME [options]} ({@code --from fhir}: INPUT is a bulk FHIR export directory). Writes into OUTPUT: {@code findings/} and {@code rejected/}
 * ({@link Schemas#FINDINGS}, {@link Schemas#REJECTIONS}), {@code aggregate/} ({@link
 * Schemas#AGGREGATE}, one file) and {@code aggregate.json} (the command line's, byte for byte,
 * with its failing and coming-due lists), and prints the summary. Without a master (no {@code
 * spark-submit}, no {@code -Dspark.master}) it runs on {@code local[*]}.
 *
 * <p>Exit codes as the command line's: 0 clean, 2 input rejected, 3 usage error, 4 internal error
 * (here also: a line not accounted for).
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
@Command(name = "perfspecs-spark", mixinStandardHelpOptions = true,
    description = {"Evaluates case-record NDJSON on Spark as 'perfspecs check' does, writing findings, rejected records "
        + "and the aggregate (as Parquet or JSON, and aggregate.json as 'perfspecs report --format json' writes it) "
        + "into OUTPUT."})
public final class CheckJob implements Callable<Integer> {
  /** Output formats of the findings, rejections and aggregate rows. */
  enum Format { parquet, json }

  @Parameters(index = "0", paramLabel = "INPUT", description = "Case records: an NDJSON file, a directory or a glob "
      + "(any Hadoop file system); with --from fhir, a bulk FHIR export directory (its *.ndjson files).")
  String input;

  @Option(names = "--from", paramLabel = "FORMAT", defaultValue = "perfspecs", description = "perfspecs (case-record "
      + "NDJSON) or fhir (a bulk FHIR export directory, read as 'perfspecs-fhir check --from fhir DIR' reads it). "
      + "Default: ${DEFAULT-VALUE}.")
  String from;

  @Parameters(index = "1", paramLabel = "OUTPUT", description = "The output directory.")
  String output;

  @Option(names = "--as-of", required = true, paramLabel = "TIME", converter = AsOfTime.Converter.class, description = "Evaluation time: ISO-8601 with "
      + "offset (2024-06-01T12:00:00-04:00), or a date meaning the end of that day in America/New_York. Required: a "
      + "job never reads a clock.")
  Instant asOf;

  @Option(names = "--programs", paramLabel = "FILE", description = "Program profiles: NDJSON or a JSON array (read on "
      + "the driver).")
  String programs;

  @Option(names = "--interpretations", paramLabel = "FILE", description = "Readings of vague words to use instead of "
      + "the defaults, as the command line's --interpretations (a local JSON file, read on the driver).")
  java.nio.file.Path interpretations;

  @Option(names = "--format", defaultValue = "parquet", paramLabel = "FORMAT",
      description = "parquet or json (JSON lines). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--findings", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Write the findings (a second pass over the input). Default: yes.")
  boolean findings;

  @Option(names = "--with-citations", description = "Add each requirement's verbatim text (citationText) to every finding.")
  boolean withCitations;

  @Option(names = "--max-record-size", paramLabel = "BYTES", description = "Largest record, in bytes. Default: 16 MiB.")
  Integer maxRecordBytes;

  @Option(names = "--drill-down", paramLabel = "N", defaultValue = "" + AggregateJson.DEFAULT_DRILL_DOWN,
      description = "Failing episodes aggregate.json lists per requirement (the first N in input order). Default: "
          + "${DEFAULT-VALUE}.")
  int drillDown;

  @Option(names = "--coming-due", paramLabel = "DAYS", defaultValue = "" + AggregateJson.DEFAULT_COMING_DUE_DAYS,
      description = "aggregate.json lists PENDING findings due within DAYS days of --as-of. Default: ${DEFAULT-VALUE}.")
  int comingDueDays;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private CheckJob() {}

  /**
   * Runs the job and exits with its code.
   *
   * @param args {@code INPUT OUTPUT --as-of TIME [options]}
   */
  public static void main(String[] args) {
    int code = run(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs the job and returns its exit code (for callers that must not exit). */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new CheckJob()).setCaseInsensitiveEnumValuesAllowed(true);
    CommandLine.IParameterExceptionHandler usage = cl.getParameterExceptionHandler();
    cl.setParameterExceptionHandler((ex, a) -> {
      usage.handleParseException(ex, a);
      return 3;
    });
    cl.setExecutionExceptionHandler((ex, c, parsed) -> {
      // never the message of an unexpected failure: it may quote input
      c.getErr().println("perfspecs-spark: internal error (" + ex.getClass().getName() + "): please report it");
      return 4;
    });
    return cl.execute(args);
  }

  @Override
  public Integer call() throws IOException {
    CommandLine cl = spec.commandLine();
    if (drillDown < 0 || drillDown > 1000) {
      throw new CommandLine.ParameterException(cl, "--drill-down must be between 0 and 1000");
    }
    if (comingDueDays < 0 || comingDueDays > 366) {
      throw new CommandLine.ParameterException(cl, "--coming-due must be between 0 and 366 days");
    }
    if (!from.equals("perfspecs") && !from.equals("fhir")) {
      throw new CommandLine.ParameterException(cl, "--from must be perfspecs or fhir");
    }
    if (maxRecordBytes != null && maxRecordBytes < 1) {
      throw new CommandLine.ParameterException(cl, "--max-record-size must be at least 1 byte");
    }
    SparkChecks checks = SparkChecks.asOf(asOf).withActionLists(drillDown, comingDueDays).withCitationText(withCitations);
    if (interpretations != null) {
      try {
        Map<String, String> values = InterpretationsFile.values(interpretations);
        checks = checks.withInterpretations(values);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(cl, "--interpretations " + interpretations + ": " + e.getMessage());
      }
    }
    if (maxRecordBytes != null) {
      checks = checks.withMaxRecordBytes(maxRecordBytes);
    }
    SparkConf conf = new SparkConf().setAppName("perfspecs check");
    if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = cl.getErr();
    Dataset<Row> lines;
    try {
      if (programs != null) {
        checks = checks.withPrograms(spark, programs);
      }
      lines = from.equals("fhir") ? SparkChecks.readFhirExport(spark, input) : SparkChecks.readLines(spark, input);
    } catch (UncheckedIOException e) {
      err.println(e.getMessage());
      return 2;
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    } catch (RuntimeException e) {
      if (e.getClass().getName().endsWith("InvalidInputException")) {
        err.println(input + ": cannot be read (no such file)");
        return 2;
      }
      throw e;
    }
    CheckResult result = from.equals("fhir") ? checks.evaluateFhir(lines) : checks.evaluate(lines);
    CheckSummary summary = result.summary();
    write(result.rejected(), output + "/rejected");
    write(summary.aggregateRows(spark).coalesce(1), output + "/aggregate");
    writeText(spark, output + "/aggregate.json",
        summary.aggregateJson(LineNumbers.name(input), programs == null ? "" : LineNumbers.name(programs)));
    result.unpersist();
    if (findings) {
      write(result.findings(), output + "/findings");
    }
    out.println("wrote " + output + (findings ? "/{findings,rejected,aggregate,aggregate.json}"
        : "/{rejected,aggregate,aggregate.json}"));
    out.println(summary);
    out.flush();
    if (!summary.nothingLost()) {
      err.println("perfspecs-spark: input lines are not all accounted for (see the summary): a perfspecs bug");
      return 4;
    }
    return summary.exitCode();
  }

  private void write(Dataset<Row> rows, String path) {
    var writer = rows.write().mode(SaveMode.Overwrite);
    if (format == Format.json) {
      writer.json(path);
    } else {
      writer.parquet(path);
    }
  }

  private static void writeText(SparkSession spark, String path, String text) throws IOException {
    Path p = new Path(path);
    FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
    try (Writer w = new OutputStreamWriter(fs.create(p, true), StandardCharsets.UTF_8)) {
      w.write(text);
    }
  }
}

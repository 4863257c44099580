package org.perfspecs.spark;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apiguardian.api.API;
import org.perfspecs.cli.AsOfTime;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The Spark job: {@code spark-submit --class org.perfspecs.spark.CheckJob perfspecs-spark.jar INPUT
 * OUTPUT --as-of TIME [--programs FILE] [--format parquet|json] [--no-findings]}. Writes into
 * OUTPUT: {@code findings/} and {@code rejected/} ({@link Schemas#FINDINGS}, {@link
 * Schemas#REJECTIONS}), {@code aggregate/} ({@link Schemas#AGGREGATE}, one file) and {@code
 * aggregate.json} (the command line's, byte for byte), and prints the summary. Without a master
 * (no {@code spark-submit}, no {@code -Dspark.master}) it runs on {@code local[*]}.
 *
 * <p>Exit codes as the command line's: 0 clean, 2 input rejected, 3 usage error, 4 internal error
 * (here also: a line not accounted for).
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
@Command(name = "perfspecs-spark", mixinStandardHelpOptions = true,
    description = {"Evaluates case-record NDJSON on Spark as 'perfspecs check' does, writing findings, rejected records "
        + "and the aggregate (as Parquet or JSON, and aggregate.json as the command line writes it) into OUTPUT."})
public final class CheckJob implements Callable<Integer> {
  /** Output formats of the findings, rejections and aggregate rows. */
  enum Format { parquet, json }

  @Parameters(index = "0", paramLabel = "INPUT", description = "Case records: an NDJSON file, a directory or a glob "
      + "(any Hadoop file system).")
  String input;

  @Parameters(index = "1", paramLabel = "OUTPUT", description = "The output directory.")
  String output;

  @Option(names = "--as-of", required = true, paramLabel = "TIME", converter = AsOf.class, description = "Evaluation time: ISO-8601 with "
      + "offset (2024-06-01T12:00:00-04:00), or a date meaning the end of that day in America/New_York. Required: a "
      + "job never reads a clock.")
  Instant asOf;

  @Option(names = "--programs", paramLabel = "FILE", description = "Program profiles (NDJSON).")
  String programs;

  @Option(names = "--format", defaultValue = "parquet", paramLabel = "FORMAT",
      description = "parquet or json (JSON lines). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--findings", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Write the findings (a second pass over the input). Default: yes.")
  boolean findings;

  @Option(names = "--max-record-size", paramLabel = "BYTES", description = "Largest record, in bytes. Default: 16 MiB.")
  Integer maxRecordBytes;

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
      c.getErr().println("perfspecs-spark: " + ex.getClass().getName() + ": " + ex.getMessage());
      return 4;
    });
    return cl.execute(args);
  }

  @Override
  public Integer call() throws IOException {
    Instant at = asOf;
    SparkConf conf = new SparkConf().setAppName("perfspecs check");
    if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    SparkChecks checks = SparkChecks.asOf(at);
    if (maxRecordBytes != null) {
      checks = checks.withMaxRecordBytes(maxRecordBytes);
    }
    if (programs != null) {
      checks = checks.withPrograms(SparkChecks.readLines(spark, programs));
    }
    CheckResult result = checks.evaluate(SparkChecks.readLines(spark, input));
    CheckSummary summary = result.summary();
    write(result.rejected(), output + "/rejected");
    write(summary.aggregateRows(spark).coalesce(1), output + "/aggregate");
    writeText(spark, output + "/aggregate.json", summary.aggregateJson(name(input), programs == null ? "" : name(programs)));
    result.unpersist();
    if (findings) {
      write(result.findings(), output + "/findings");
    }
    out.println("wrote " + output + (findings ? "/{findings,rejected,aggregate,aggregate.json}" : "/{rejected,aggregate,aggregate.json}"));
    out.println(summary);
    out.flush();
    if (!summary.nothingLost()) {
      System.err.println("perfspecs-spark: input lines are not all accounted for (see the summary): a perfspecs bug");
      return 4;
    }
    return summary.anyRejected() ? 2 : 0;
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

  /** The last element of a path, as the command line names its input in aggregate.json. */
  static String name(String path) {
    String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return p.substring(p.lastIndexOf('/') + 1);
  }

  /** Reads --as-of: an ISO-8601 instant with offset, or a date meaning the end of that day in America/New_York (as the command line does). */
  static final class AsOf implements CommandLine.ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return AsOfTime.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}

package org.perfspecs.spark;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apiguardian.api.API;
import org.perfspecs.checks.engine.RecordReader;

/**
 * The perfspecs checks as Spark transformations: case-record NDJSON lines in; findings, rejected
 * records and the aggregate out, the same as {@code perfspecs check} and {@code perfspecs report}
 * give for the same lines and as-of time.
 *
 * <pre>{@code
 * SparkChecks checks = SparkChecks.asOf(Instant.parse("2024-06-03T16:00:00Z"));
 * CheckResult result = checks.evaluate(SparkChecks.readLines(spark, "s3://lake/case-records/"));
 * CheckSummary summary = result.summary();          // one pass: counts, rejections, the aggregate
 * result.rejected().write().parquet("out/rejected"); // read back from the pass above
 * result.findings().write().parquet("out/findings"); // a second pass
 * }</pre>
 *
 * <p>Each executor JVM creates one {@link org.perfspecs.checks.engine.Engine} lazily (a static
 * holder) and evaluates each partition with {@code mapPartitions}, one record at a time; nothing
 * per record is serialized but the rows. The as-of time is a parameter of the job, never an
 * executor's clock. Immutable; the {@code with...} methods return a copy.
 *
 * <p>Input is NDJSON only (a JSON array, which {@code perfspecs check} also reads, is not split
 * into records: each of its lines is rejected as a record). A second input kind (bulk FHIR export
 * grouped per patient) will be another {@code evaluate...} method giving the same {@link
 * CheckResult}.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class SparkChecks {
  private final Parameters parameters;
  private final Dataset<Row> programs;

  private SparkChecks(Parameters parameters, Dataset<Row> programs) {
    this.parameters = parameters;
    this.programs = programs;
  }

  /**
   * Checks as of {@code asOf} with the standard engine, no program profiles and the command
   * line's default maximum record size (16 MiB).
   *
   * @throws NullPointerException if {@code asOf} is null
   */
  public static SparkChecks asOf(Instant asOf) {
    return new SparkChecks(new Parameters(asOf, RecordReader.DEFAULT_MAX_RECORD_BYTES, EngineFactory.standard()),
        null);
  }

  /**
   * With program profiles, as {@code perfspecs check --programs}: each valid profile is evaluated
   * against the program-level and external requirements of the services it provides; its findings
   * join the findings and the aggregate, its rejections the rejected rows ({@code input =
   * program}).
   *
   * @param programLines program-profile NDJSON lines, with the {@link Schemas#LINES} columns
   * @throws NullPointerException if {@code programLines} is null
   */
  public SparkChecks withPrograms(Dataset<Row> programLines) {
    return new SparkChecks(parameters, lines(requireNonNull(programLines, "programLines")));
  }

  /**
   * With another maximum record size: a longer line is rejected, as the command line's {@code
   * --max-record-size} rejects it (Spark still reads the whole line into memory).
   *
   * @param bytes at least 1
   * @throws IllegalArgumentException if {@code bytes} is less than 1
   */
  public SparkChecks withMaxRecordBytes(int bytes) {
    return new SparkChecks(new Parameters(parameters.asOf(), bytes, parameters.engine()), programs);
  }

  /**
   * With another engine (another catalog, or requirements of your own). The factory is serialized
   * with the job; each executor JVM calls it once.
   *
   * @throws NullPointerException if {@code engine} is null
   */
  public SparkChecks withEngine(EngineFactory engine) {
    return new SparkChecks(new Parameters(parameters.asOf(), parameters.maxRecordBytes(), engine), programs);
  }

  /** The as-of instant every record is judged at. */
  public Instant asOf() {
    return parameters.asOf();
  }

  /** The program profiles, if any. */
  public Optional<Dataset<Row>> programs() {
    return Optional.ofNullable(programs);
  }

  /**
   * Evaluates case-record NDJSON lines. Lazy: nothing runs until an action on the result.
   *
   * @param lines rows with the {@link Schemas#LINES} columns ({@code file}, {@code line},
   *     {@code value} as binary or string); other columns are ignored. A value must hold one line:
   *     no line break
   * @throws IllegalArgumentException if a column is missing or of another type
   */
  public CheckResult evaluate(Dataset<Row> lines) {
    return new CheckResult(parameters, lines(requireNonNull(lines, "lines")), programs);
  }

  /**
   * Evaluates case-record NDJSON lines without a file: each line's reference is its 1-based
   * position in the Dataset (its order, as {@code zipWithIndex} sees it) and {@code file} is null.
   * Numbering the lines runs one job.
   */
  public CheckResult evaluateText(Dataset<String> lines) {
    return evaluate(numbered(requireNonNull(lines, "lines")));
  }

  /**
   * The lines of the text files at {@code path} (a file, a directory or a glob that Hadoop reads:
   * {@code file:}, {@code hdfs:}, {@code s3a:}, {@code dbfs:}, ...) with each line's file and
   * number in that file, as the command line counts them (lines end at {@code \n}; compressed
   * files Hadoop knows are read too). Reads the input twice: once to count each split's lines.
   */
  public static Dataset<Row> readLines(SparkSession spark, String path) {
    return LineNumbers.read(requireNonNull(spark, "spark"), requireNonNull(path, "path"));
  }

  /** {@code lines} numbered by position, with a null file. */
  static Dataset<Row> numbered(Dataset<String> lines) {
    SparkSession spark = lines.sparkSession();
    return spark.createDataFrame(lines.javaRDD().zipWithIndex()
        .map(t -> RowFactory.create(null, t._2() + 1, t._1().getBytes(StandardCharsets.UTF_8))), Schemas.LINES);
  }

  private static Dataset<Row> lines(Dataset<Row> lines) {
    for (String column : new String[] {"file", "line", "value"}) {
      if (!java.util.Arrays.asList(lines.columns()).contains(column)) {
        throw new IllegalArgumentException("the lines have no column '" + column + "' (expected file, line, value)");
      }
    }
    var type = lines.schema().apply("value").dataType();
    if (!type.equals(DataTypes.BinaryType) && !type.equals(DataTypes.StringType)) {
      throw new IllegalArgumentException("the column 'value' is " + type.simpleString() + ", not binary or string");
    }
    Column value = functions.col("value").cast(DataTypes.BinaryType);
    return lines.select(functions.col("file").cast(DataTypes.StringType).as("file"),
        functions.col("line").cast(DataTypes.LongType).as("line"), value.as("value"));
  }

  /** The encoder of the evaluation's rows (for {@link CheckResult}). */
  static org.apache.spark.sql.Encoder<Row> outEncoder() {
    return Encoders.row(PartitionEvaluator.OUT);
  }
}

package org.perfspecs.spark;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apiguardian.api.API;
import org.perfspecs.checks.engine.RecordReader;
import org.perfspecs.cli.AggregateJson;

/**
 * The perfspecs checks as Spark transformations: case-record NDJSON lines in; findings, rejected
 * records, the aggregate and the report's action lists out, the same as {@code perfspecs check}
 * and {@code perfspecs report} give for the same lines and parameters.
 *
 * <pre>{@code
 * SparkChecks checks = SparkChecks.asOf(Instant.parse("2024-06-03T16:00:00Z"));
 * CheckResult result = checks.evaluate(SparkChecks.readLines(spark, "s3a://lake/case-records/"));
 * CheckSummary summary = result.summary();          // counts, rejections, the aggregate, the lists
 * result.rejected().write().parquet("out/rejected"); // read back from the pass above
 * result.findings().write().parquet("out/findings"); // a second pass
 * }</pre>
 *
 * <p>Each executor JVM creates one {@link org.perfspecs.checks.engine.Engine} lazily (a static
 * holder) and evaluates each partition with {@code mapPartitions}, one record at a time; nothing
 * per record is serialized but the rows. The as-of time and the interpretation overrides are
 * parameters of the job, never an executor's clock. A valid record whose episode id an earlier
 * valid record has is refused, as the command line refuses it ({@link CheckResult}). Immutable;
 * the {@code with...} methods return a copy.
 *
 * <p>Case records are NDJSON only ({@link #readLines} refuses a file that is a JSON array, which
 * the command line also reads). Program profiles are read on the driver, as the command line reads
 * {@code --programs}: NDJSON or a JSON array.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class SparkChecks {
  private final Parameters parameters;
  private final ProgramInput programs;

  private SparkChecks(Parameters parameters, ProgramInput programs) {
    this.parameters = parameters;
    this.programs = programs;
  }

  /**
   * Checks as of {@code asOf} with the standard engine, no interpretation overrides, no program
   * profiles, the command line's default maximum record size (16 MiB) and its default lists
   * ({@code --drill-down 10}, {@code --coming-due 7}).
   *
   * @throws NullPointerException if {@code asOf} is null
   */
  public static SparkChecks asOf(Instant asOf) {
    return new SparkChecks(new Parameters(asOf, new LinkedHashMap<>(), RecordReader.DEFAULT_MAX_RECORD_BYTES,
        EngineFactory.standard(), false, AggregateJson.DEFAULT_DRILL_DOWN, AggregateJson.DEFAULT_COMING_DUE_DAYS),
        null);
  }

  /**
   * With program profiles, as {@code perfspecs check --programs FILE}: the file (NDJSON or a JSON
   * array, on any Hadoop file system) is read and its profiles evaluated on the driver, against the
   * program-level and external requirements of the services each provides; their findings join
   * the findings, the aggregate and the lists (before the records, as in the command line), their
   * rejections the rejected rows ({@code input = program}).
   *
   * @throws java.io.UncheckedIOException if the file cannot be read
   */
  public SparkChecks withPrograms(SparkSession spark, String path) {
    return new SparkChecks(parameters, ProgramInput.read(requireNonNull(spark, "spark"), requireNonNull(path, "path")));
  }

  /**
   * With interpretation overrides, as {@code --interpretations FILE} gives them: interpretation
   * keys ({@code perfspecs catalog} lists them) to values as text ({@code PT12H}, a choice, a whole
   * number). {@link org.perfspecs.cli.InterpretationsFile#values} reads such a file.
   *
   * @throws IllegalArgumentException naming the key when a key is unknown to the engine's catalog
   *     or a value is of the wrong kind
   */
  public SparkChecks withInterpretations(Map<String, String> values) {
    Parameters p = parameters.withInterpretations(requireNonNull(values, "values"));
    p.context(Engines.engine(p.engine()).catalog()); // checked on the driver, before any task
    return new SparkChecks(p, programs);
  }

  /**
   * With another maximum record size: a longer line is rejected, as the command line's {@code
   * --max-record-size} rejects it (Spark still reads the whole line into memory).
   *
   * @param bytes at least 1
   * @throws IllegalArgumentException if {@code bytes} is less than 1
   */
  public SparkChecks withMaxRecordBytes(int bytes) {
    return new SparkChecks(parameters.withMaxRecordBytes(bytes), programs);
  }

  /**
   * With another engine (another catalog, or requirements of your own). The factory is serialized
   * with the job; each executor JVM calls it once.
   *
   * @throws NullPointerException if {@code engine} is null
   */
  public SparkChecks withEngine(EngineFactory engine) {
    return new SparkChecks(parameters.withEngine(requireNonNull(engine, "engine")), programs);
  }

  /** With (or without) each requirement's verbatim words in the findings' {@code citationText}, as {@code --with-citations}. */
  public SparkChecks withCitationText(boolean withCitationText) {
    return new SparkChecks(parameters.withCitationText(withCitationText), programs);
  }

  /**
   * With the report's list options, as {@code --drill-down N} (failing subjects listed per
   * requirement, 0 to 1000) and {@code --coming-due DAYS} (0 to 366).
   *
   * @throws IllegalArgumentException if an option is out of its range
   */
  public SparkChecks withActionLists(int drillDown, int comingDueDays) {
    return new SparkChecks(parameters.withLists(drillDown, comingDueDays), programs);
  }

  /** The as-of instant every record is judged at. */
  public Instant asOf() {
    return parameters.asOf();
  }

  /** The program-profile file's path, if any. */
  public Optional<String> programsFile() {
    return programs == null ? Optional.empty() : Optional.of(programs.file());
  }

  /**
   * Evaluates case-record NDJSON lines. Lazy: nothing runs until an action on the result.
   *
   * @param lines rows with the {@link Schemas#LINES} columns ({@code file}, {@code line},
   *     {@code value} as binary or string); other columns are ignored. A value must hold one line:
   *     no LF or CR. Input order (which record of a repeated episode id is the first) is by file,
   *     then line
   * @throws IllegalArgumentException if a column is missing or of another type
   */
  public CheckResult evaluate(Dataset<Row> lines) {
    requireNonNull(lines, "lines");
    Long counted = LineNumbers.counted(lines).orElse(null);
    return new CheckResult(parameters, lines(lines), counted, programs);
  }

  /**
   * Evaluates a bulk FHIR export as {@code perfspecs check --from fhir DIR} does: its lines (from
   * {@link #readFhirExport}) placed per patient by spec-fhir's rules, grouped per patient by Spark
   * (a repartition by patient, each partition sorted by patient, file name and line), each patient
   * mapped to case records by spec-fhir's own mapping and evaluated in {@code mapPartitions}; the
   * programs the export describes (Organization, HealthcareService, ...) mapped and evaluated on the
   * driver, after the records, unless a program profile ({@link #withPrograms}) has the same id.
   * The aggregate, the findings and the rejections are the command line's; a record's {@code file} is
   * {@code Patient/ID} and its {@code line} its position among that patient's records, a rejection's
   * {@code file} and {@code line} those the command line names, its {@code path} the FHIRPath. Lazy.
   *
   * @param lines rows with the {@link Schemas#LINES} columns: each line of the export's {@code
   *     *.ndjson} files with the file's path (its last element, such as {@code Encounter.ndjson}, is
   *     the file name the messages use) and its 1-based line number in that file
   * @throws IllegalArgumentException if a column is missing or of another type
   */
  public CheckResult evaluateFhir(Dataset<Row> lines) {
    requireNonNull(lines, "lines");
    Long counted = LineNumbers.counted(lines).orElse(null);
    Dataset<Row> checked = lines(lines);
    long inInput = counted != null ? counted : checked.count();
    return new CheckResult(parameters, checked, inInput, programs, new FhirInput(checked, inInput));
  }

  /**
   * The lines of the {@code *.ndjson} files of the bulk FHIR export directory {@code directory}
   * (any Hadoop file system), numbered as the command line numbers them (see {@link #readLines}):
   * for {@link #evaluateFhir}. Runs one job to count each split's lines.
   *
   * @throws IllegalArgumentException naming the file when one begins with {@code [} (the command line
   *     would reject that line alone)
   */
  public static Dataset<Row> readFhirExport(SparkSession spark, String directory) {
    requireNonNull(directory, "directory");
    String dir = directory.endsWith("/") ? directory.substring(0, directory.length() - 1) : directory;
    return LineNumbers.read(requireNonNull(spark, "spark"), dir + "/*.ndjson");
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
   * number in that file, as the command line counts them (lines end at LF, CR LF or a lone CR;
   * compressed files Hadoop knows are read too). Runs one job to count each split's lines (the
   * count also serves {@link CheckSummary#nothingLost()}).
   *
   * @throws IllegalArgumentException naming the file when one is a JSON array
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
}

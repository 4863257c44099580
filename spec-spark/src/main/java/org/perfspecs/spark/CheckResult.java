package org.perfspecs.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apiguardian.api.API;
import org.perfspecs.checks.Outcome;
import org.perfspecs.spark.Evaluator.Mode;

/**
 * The evaluation of one set of lines (and program profiles): the findings and the rejected records
 * as Datasets, and the {@linkplain #summary() summary} (counts, the aggregate and the report's
 * action lists). Lazy until an action: {@link #summary()} is one; each action on {@link
 * #findings()} evaluates every record again (cache or write the findings once if you read them
 * twice).
 *
 * <p>Before the first evaluation, one pre-pass finds the episode ids that several records repeat
 * ({@link RepeatedEpisodes}); the evaluation refuses every valid record but the first of each, as
 * the command line does. Then two passes, by design: the <em>side</em> pass gives the rejections,
 * the counts and the lists (per partition, findings are counted per requirement, program, month and
 * outcome, and the first failing subjects and earliest coming-due findings are kept; Spark sums
 * the counts, the driver rolls them up with the library's own {@link
 * org.perfspecs.checks.engine.Aggregate} and merges the lists in input order, so the rows, their
 * order and the lists are the command line's by construction, and no finding is shuffled); the
 * <em>findings</em> pass gives one row per finding. {@link #summary()} keeps the side pass's rows
 * (small: rejections, counts and lists) cached, so {@link #rejected()} after it does not evaluate
 * again.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class CheckResult {
  private final Parameters parameters;
  private final Dataset<Row> lines;
  private final Long linesCounted;
  private final ProgramInput programs;
  private final FhirInput fhir;
  private Broadcast<HashMap<String, RepeatedEpisodes.First>> repeated;
  private Dataset<Row> side;
  private CheckSummary summary;

  CheckResult(Parameters parameters, Dataset<Row> lines, Long linesCounted, ProgramInput programs) {
    this(parameters, lines, linesCounted, programs, null);
  }

  /** A bulk FHIR export's evaluation ({@code fhir} not null) or case-record NDJSON's. */
  CheckResult(Parameters parameters, Dataset<Row> lines, Long linesCounted, ProgramInput programs, FhirInput fhir) {
    this.parameters = parameters;
    this.lines = lines;
    this.linesCounted = linesCounted;
    this.programs = programs;
    this.fhir = fhir;
  }

  private SparkSession spark() {
    return lines.sparkSession();
  }

  /** The repeated episode ids with their first valid record, found once (a Spark job) and broadcast. */
  private synchronized Broadcast<HashMap<String, RepeatedEpisodes.First>> repeated() {
    if (repeated == null) {
      HashMap<String, RepeatedEpisodes.First> firsts = RepeatedEpisodes.find(lines, parameters.maxRecordBytes());
      repeated = JavaSparkContext.fromSparkContext(spark().sparkContext()).broadcast(firsts);
    }
    return repeated;
  }

  /**
   * How many episode ids more than one record has (the pre-pass, run once). Always 0 for a bulk FHIR
   * export: the command line refuses no repeated episode id there either.
   */
  public long repeatedEpisodeIds() {
    return fhir != null ? 0 : repeated().value().size();
  }

  private Dataset<Row> pass(Mode mode) {
    Dataset<Row> out;
    if (fhir != null) {
      // records (Spark's partitions), then the rows made on the driver: the lines before the first
      // patient and the export's programs
      java.util.Set<String> profileIds = programs == null ? java.util.Set.of() : programs.ids(parameters);
      out = fhir.patients(parameters, mode)
          .union(spark().createDataFrame(fhir.driverRows(parameters, mode, profileIds), Evaluator.OUT));
    } else {
      out = lines.mapPartitions(new PartitionEvaluator(parameters, mode, repeated()), Encoders.row(Evaluator.OUT));
    }
    if (programs != null) {
      out = spark().createDataFrame(programs.rows(parameters, mode), Evaluator.OUT).union(out);
    }
    return out;
  }

  private synchronized Dataset<Row> side() {
    if (side == null) {
      side = pass(Mode.SIDE);
    }
    return side;
  }

  /**
   * One row per finding, with the {@link Schemas#FINDINGS} columns: program profiles' findings
   * and every evaluated record's, each record's in document order (partitions in no set order).
   * Lazy.
   */
  public Dataset<Row> findings() {
    return pass(Mode.FINDINGS).filter(col("kind").equalTo(Evaluator.FINDING)).select(columns(Schemas.FINDINGS));
  }

  /**
   * One row per violation of each rejected record or program profile, with the {@link
   * Schemas#REJECTIONS} columns: the line reference, JSON path and rule the command line reports,
   * never a value from the input. Lazy; read from the cache after {@link #summary()}.
   */
  public Dataset<Row> rejected() {
    Column[] columns = columns(Schemas.REJECTIONS);
    columns[Schemas.REJECTIONS.fieldIndex("reason")] = col(Evaluator.REJECTION_REASON).as("reason");
    return side().filter(col("kind").equalTo(Evaluator.REJECTION)).select(columns);
  }

  /**
   * Runs the side pass (once; later calls return the same summary): records and programs read,
   * evaluated and rejected (by reason), the aggregate, the report's lists, and whether nothing was
   * lost (every input line read is blank or a record, every record evaluated or rejected, and the
   * lines counted by the evaluation are the lines counted in the input independently: by {@link
   * SparkChecks#readLines}'s first pass, else by a count of the Dataset). Caches the side rows
   * until {@link #unpersist()}.
   */
  public synchronized CheckSummary summary() {
    if (summary == null) {
      Dataset<Row> rows = side().persist(StorageLevel.MEMORY_AND_DISK());
      List<Column> sums = new ArrayList<>();
      for (Outcome o : Outcome.values()) {
        sums.add(sum(o.name()).as(o.name()));
      }
      List<Row> counts = rows.filter(col("kind").isin(Evaluator.CELL, Evaluator.TALLY, Evaluator.REASON,
              Evaluator.EPISODES))
          .groupBy(col("kind"), col("input"), col("requirementId"), col("programId"), col("month"), col("path"),
              col(Evaluator.REJECTION_REASON))
          .agg(sum("count").as("count"), sums.toArray(new Column[0]))
          .collectAsList();
      List<Row> lists = rows.filter(col("kind").isin(Evaluator.FAILING, Evaluator.DUE)).collectAsList();
      long inputLines = linesCounted != null ? linesCounted : lines.count();
      summary = CheckSummary.of(parameters, counts, lists, inputLines,
          fhir == null ? null : fhir.directory().counts());
    }
    return summary;
  }

  /** Drops the cached side rows (after {@link #summary()} and {@link #rejected()} are done with). */
  public synchronized void unpersist() {
    if (side != null) {
      side.unpersist();
    }
  }

  private static Column[] columns(org.apache.spark.sql.types.StructType type) {
    Column[] out = new Column[type.fields().length];
    for (int i = 0; i < out.length; i++) {
      out[i] = col(type.fields()[i].name());
    }
    return out;
  }
}

package org.perfspecs.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.apiguardian.api.API;
import org.perfspecs.checks.Outcome;
import org.perfspecs.spark.PartitionEvaluator.Input;
import org.perfspecs.spark.PartitionEvaluator.Mode;

/**
 * The evaluation of one set of lines (and program profiles): the findings and the rejected records
 * as Datasets, and the {@linkplain #summary() summary} (counts and the aggregate). Lazy until an
 * action: {@link #summary()} is one; each action on {@link #findings()} evaluates every record
 * again (cache or write the findings once if you read them twice).
 *
 * <p>Two passes, by design: the <em>side</em> pass gives the rejections, the counts and the
 * aggregate (per partition, findings are counted per requirement, program, month and outcome;
 * Spark sums the counts, the driver rolls them up with the library's own {@link
 * org.perfspecs.checks.engine.Aggregate}, so the rows and their order are the command line's by
 * construction, and no finding is shuffled); the <em>findings</em> pass gives one row per finding.
 * {@link #summary()} keeps the side pass's rows (small: rejections and counts) cached, so
 * {@link #rejected()} after it does not evaluate again.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class CheckResult {
  private final Parameters parameters;
  private final Dataset<Row> lines;
  private final Dataset<Row> programs;
  private final Dataset<Row> side;
  private CheckSummary summary;

  CheckResult(Parameters parameters, Dataset<Row> lines, Dataset<Row> programs) {
    this.parameters = parameters;
    this.lines = lines;
    this.programs = programs;
    this.side = pass(Mode.SIDE);
  }

  private Dataset<Row> pass(Mode mode) {
    Dataset<Row> out = lines.mapPartitions(new PartitionEvaluator(parameters, Input.CASE_RECORD, mode),
        SparkChecks.outEncoder());
    if (programs != null) {
      out = programs.mapPartitions(new PartitionEvaluator(parameters, Input.PROGRAM, mode), SparkChecks.outEncoder())
          .union(out);
    }
    return out;
  }

  /**
   * One row per finding, with the {@link Schemas#FINDINGS} columns: program profiles' findings
   * and every valid record's, each record's in document order (partitions in no set order). Lazy.
   */
  public Dataset<Row> findings() {
    return pass(Mode.FINDINGS).filter(col("kind").equalTo(PartitionEvaluator.FINDING)).select(columns(Schemas.FINDINGS));
  }

  /**
   * One row per violation of each rejected record or program profile, with the {@link
   * Schemas#REJECTIONS} columns: the line reference, JSON path and rule the command line reports,
   * never a value from the input. Lazy; read from the cache after {@link #summary()}.
   */
  public Dataset<Row> rejected() {
    Column[] columns = columns(Schemas.REJECTIONS);
    columns[Schemas.REJECTIONS.fieldIndex("reason")] = col(PartitionEvaluator.REJECTION_REASON).as("reason");
    return side.filter(col("kind").equalTo(PartitionEvaluator.REJECTION)).select(columns);
  }

  /**
   * Runs the side pass (once; later calls return the same summary): records and programs read,
   * evaluated and rejected (by reason), the aggregate, and whether nothing was lost (every input
   * line read is blank or a record, every record evaluated or rejected, and the lines counted by
   * the evaluation are the lines Spark counts in the input). Caches the side rows until {@link
   * #unpersist()}.
   */
  public synchronized CheckSummary summary() {
    if (summary == null) {
      side.persist(StorageLevel.MEMORY_AND_DISK());
      List<Column> sums = new ArrayList<>();
      sums.add(sum("count").as("count"));
      for (Outcome o : Outcome.values()) {
        sums.add(sum(o.name()).as(o.name()));
      }
      List<Row> counts = side.filter(col("kind").isin(PartitionEvaluator.CELL, PartitionEvaluator.TALLY,
              PartitionEvaluator.REASON))
          .groupBy(col("kind"), col("input"), col("requirementId"), col("programId"), col("month"), col("path"),
              col(PartitionEvaluator.REJECTION_REASON))
          .agg(sums.get(0), sums.subList(1, sums.size()).toArray(new Column[0]))
          .collectAsList();
      long inputLines = lines.count();
      long programLines = programs == null ? 0 : programs.count();
      summary = CheckSummary.of(parameters, counts, inputLines, programLines);
    }
    return summary;
  }

  /** Drops the cached side rows (after {@link #summary()} and {@link #rejected()} are done with). */
  public void unpersist() {
    side.unpersist();
  }

  private static Column[] columns(org.apache.spark.sql.types.StructType type) {
    Column[] out = new Column[type.fields().length];
    for (int i = 0; i < out.length; i++) {
      out[i] = col(type.fields()[i].name());
    }
    return out;
  }
}

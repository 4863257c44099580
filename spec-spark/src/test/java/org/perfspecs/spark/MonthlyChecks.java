package org.perfspecs.spark;

// README:BEGIN
import java.time.Instant;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.perfspecs.spark.CheckResult;
import org.perfspecs.spark.CheckSummary;
import org.perfspecs.spark.SparkChecks;

public class MonthlyChecks {
  public static void main(String[] args) {
    SparkSession spark = SparkSession.builder().appName("perfspecs").getOrCreate();
    Dataset<Row> lines = SparkChecks.readLines(spark, args[0]); // file, line, value
    CheckResult result = SparkChecks.asOf(Instant.parse("2024-06-03T16:00:00Z")).evaluate(lines);

    CheckSummary summary = result.summary(); // counts, rejections, the aggregate, the report's lists
    if (!summary.nothingLost()) {
      throw new IllegalStateException("input lines not accounted for:\n" + summary);
    }
    result.rejected().write().parquet(args[1] + "/rejected"); // line, JSON path, rule: no member data
    summary.aggregateRows(spark).write().parquet(args[1] + "/aggregate");
    result.findings().write().parquet(args[1] + "/findings"); // a second pass over the input
    System.out.println(summary);
  }
}
// README:END

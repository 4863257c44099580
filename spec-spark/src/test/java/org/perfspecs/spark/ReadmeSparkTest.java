package org.perfspecs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Spark example is {@link MonthlyChecks}, word for word, and it runs. */
class ReadmeSparkTest {
  @TempDir
  Path dir;

  @Test
  void theReadmeShowsTheSparkExampleAsItRuns() throws IOException {
    String source = Files.readString(Path.of("src/test/java/org/perfspecs/spark/MonthlyChecks.java"));
    String example = source.substring(source.indexOf("// README:BEGIN\n") + "// README:BEGIN\n".length(),
        source.indexOf("// README:END"));
    assertThat(Files.readString(Path.of("../README.md"))).contains("```java spark\n" + example + "```");
  }

  @Test
  void theExampleWritesRejectionsTheAggregateAndTheFindings() throws IOException {
    SparkSession spark = LocalSpark.session();
    Path records = SamplesTest.sample(dir, "case-records.ndjson");

    MonthlyChecks.main(new String[] {records.toString(), dir.resolve("out").toString()});

    assertThat(spark.read().parquet(dir.resolve("out/findings").toString()).count()).isPositive();
    assertThat(spark.read().parquet(dir.resolve("out/rejected").toString()).count()).isZero();
    Row spec = spark.read().parquet(dir.resolve("out/aggregate").toString()).filter("level = 'SPECIFICATION'").first();
    assertThat(spec.<Long>getAs("findings")).isPositive();
  }
}

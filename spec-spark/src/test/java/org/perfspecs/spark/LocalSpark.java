package org.perfspecs.spark;

import org.apache.spark.sql.SparkSession;

/** One real Spark session on {@code local[2]} for every test of the module, started on first use. */
final class LocalSpark {
  private LocalSpark() {}

  static SparkSession session() {
    return Holder.SPARK;
  }

  private static final class Holder {
    static final SparkSession SPARK = SparkSession.builder()
        .master("local[2]")
        .appName("perfspecs spec-spark tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
  }
}

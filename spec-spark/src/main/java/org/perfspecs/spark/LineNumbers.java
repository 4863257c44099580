package org.perfspecs.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * Text files as {@link Schemas#LINES} rows with each line's number in its file, read in splits as
 * Spark reads any text file. Lines end at {@code \n} only (a {@code \r} before it stays and the
 * reader trims it), exactly as the command line splits them. Two passes over the input: the first
 * counts the lines of each split, so that every split knows the number of its first line.
 */
final class LineNumbers {
  private LineNumbers() {}

  static Dataset<Row> read(SparkSession spark, String path) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Configuration conf = new Configuration(spark.sparkContext().hadoopConfiguration());
    conf.set("textinputformat.record.delimiter", "\n");
    @SuppressWarnings("unchecked")
    JavaNewHadoopRDD<LongWritable, Text> text = (JavaNewHadoopRDD<LongWritable, Text>) jsc.newAPIHadoopFile(path,
        TextInputFormat.class, LongWritable.class, Text.class, conf);

    List<SplitCount> counts = text.mapPartitionsWithInputSplit(LineNumbers::count, true).collect();
    Map<String, Long> firstLine = firstLines(counts);
    Broadcast<Map<String, Long>> first = jsc.broadcast(firstLine);
    JavaRDD<Row> rows = text.mapPartitionsWithInputSplit(number(first), true);
    return spark.createDataFrame(rows, Schemas.LINES);
  }

  /** The line count of one split of one file. */
  record SplitCount(String file, long start, long lines) implements java.io.Serializable {}

  private static Iterator<SplitCount> count(InputSplit split, Iterator<Tuple2<LongWritable, Text>> lines) {
    long n = 0;
    while (lines.hasNext()) {
      lines.next();
      n++;
    }
    FileSplit fs = (FileSplit) split;
    return List.of(new SplitCount(fs.getPath().toString(), fs.getStart(), n)).iterator();
  }

  /** The key of a split: its file and start offset (a task's partition id is not the split's). */
  static String key(String file, long start) {
    return start + ":" + file;
  }

  /** Split -> the file line number of its first line: 1 + the lines of the file's earlier splits. */
  static Map<String, Long> firstLines(List<SplitCount> counts) {
    List<SplitCount> sorted = new ArrayList<>(counts);
    sorted.sort(Comparator.comparing(SplitCount::file).thenComparingLong(SplitCount::start));
    Map<String, Long> first = new HashMap<>();
    String file = null;
    long next = 1;
    for (SplitCount c : sorted) {
      if (!c.file().equals(file)) {
        file = c.file();
        next = 1;
      }
      first.put(key(c.file(), c.start()), next);
      next += c.lines();
    }
    return first;
  }

  private static Function2<InputSplit, Iterator<Tuple2<LongWritable, Text>>, Iterator<Row>> number(
      Broadcast<Map<String, Long>> first) {
    return (split, lines) -> {
      FileSplit fs = (FileSplit) split;
      String file = fs.getPath().toString();
      long start = first.value().get(key(file, fs.getStart()));
      return new Iterator<>() {
        long line = start;

        @Override
        public boolean hasNext() {
          return lines.hasNext();
        }

        @Override
        public Row next() {
          Text t = lines.next()._2();
          return RowFactory.create(file, line++, Arrays.copyOf(t.getBytes(), t.getLength()));
        }
      };
    };
  }
}

package org.perfspecs.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
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
 * Spark reads any text file. Lines end at LF, CR LF or a lone CR, exactly as the command line's
 * {@link org.perfspecs.checks.engine.RecordReader} counts them (Hadoop's own line reader with its
 * default delimiters, which also keeps a CR LF split between two splits one line break). Two passes
 * over the input: the first counts the lines of each split, so that every split knows the number
 * of its first line; it also sees where each file's content begins, to refuse a JSON array.
 */
final class LineNumbers {
  private LineNumbers() {}

  /** Lines counted by {@link #read}, per Dataset it returned (weakly held). */
  private static final Map<Dataset<Row>, Long> COUNTED = Collections.synchronizedMap(new WeakHashMap<>());

  /**
   * The lines of {@code path}, numbered.
   *
   * @throws IllegalArgumentException naming the file when a file is a JSON array (its first
   *     character after spaces, TABs and line breaks is {@code [}): the command line reads one, but
   *     a JSON array cannot be split into records line by line
   */
  static Dataset<Row> read(SparkSession spark, String path) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Configuration conf = new Configuration(spark.sparkContext().hadoopConfiguration());
    conf.unset("textinputformat.record.delimiter"); // Hadoop's default: LF, CR LF and CR
    @SuppressWarnings("unchecked")
    JavaNewHadoopRDD<LongWritable, Text> text = (JavaNewHadoopRDD<LongWritable, Text>) jsc.newAPIHadoopFile(path,
        TextInputFormat.class, LongWritable.class, Text.class, conf);

    List<SplitCount> counts = text.mapPartitionsWithInputSplit(LineNumbers::count, true).collect();
    Optional<String> array = jsonArray(counts);
    if (array.isPresent()) {
      throw new IllegalArgumentException(name(array.get()) + ": is a JSON array; spec-spark reads NDJSON, one record "
          + "per line (jq -c '.[]' writes one)");
    }
    Map<String, Long> firstLine = firstLines(counts);
    Broadcast<Map<String, Long>> first = jsc.broadcast(firstLine);
    JavaRDD<Row> rows = text.mapPartitionsWithInputSplit(number(first), true);
    Dataset<Row> lines = spark.createDataFrame(rows, Schemas.LINES);
    COUNTED.put(lines, counts.stream().mapToLong(SplitCount::lines).sum());
    return lines;
  }

  /** The lines {@link #read} counted in {@code lines}, when it returned that Dataset. */
  static Optional<Long> counted(Dataset<Row> lines) {
    return Optional.ofNullable(COUNTED.get(lines));
  }

  /**
   * The line count of one split of one file, and the first byte of its first line that is not a
   * space or TAB (after a byte-order mark at the start of the file), or -1 when all its lines are
   * blank.
   */
  record SplitCount(String file, long start, long lines, int firstByte) implements java.io.Serializable {}

  private static Iterator<SplitCount> count(InputSplit split, Iterator<Tuple2<LongWritable, Text>> lines) {
    FileSplit fs = (FileSplit) split;
    long n = 0;
    int first = -1;
    while (lines.hasNext()) {
      Tuple2<LongWritable, Text> line = lines.next();
      if (first < 0) {
        byte[] b = line._2().getBytes();
        int length = line._2().getLength();
        int i = line._1().get() == 0 && length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB
            && b[2] == (byte) 0xBF ? 3 : 0;
        while (i < length && (b[i] == ' ' || b[i] == '\t')) {
          i++;
        }
        first = i < length ? b[i] & 0xFF : -1;
      }
      n++;
    }
    return List.of(new SplitCount(fs.getPath().toString(), fs.getStart(), n, first)).iterator();
  }

  private static List<SplitCount> sorted(List<SplitCount> counts) {
    List<SplitCount> sorted = new ArrayList<>(counts);
    sorted.sort(Comparator.comparing(SplitCount::file).thenComparingLong(SplitCount::start));
    return sorted;
  }

  /** A file whose content begins with {@code [}, if any. */
  static Optional<String> jsonArray(List<SplitCount> counts) {
    String file = null;
    boolean decided = false;
    for (SplitCount c : sorted(counts)) {
      if (!c.file().equals(file)) {
        file = c.file();
        decided = false;
      }
      if (!decided && c.firstByte() >= 0) {
        decided = true;
        if (c.firstByte() == '[') {
          return Optional.of(file);
        }
      }
    }
    return Optional.empty();
  }

  /** The key of a split: its file and start offset (a task's partition id is not the split's). */
  static String key(String file, long start) {
    return start + ":" + file;
  }

  /** Split -> the file line number of its first line: 1 + the lines of the file's earlier splits. */
  static Map<String, Long> firstLines(List<SplitCount> counts) {
    Map<String, Long> first = new HashMap<>();
    String file = null;
    long next = 1;
    for (SplitCount c : sorted(counts)) {
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

  /** The last element of a path, as the command line names its input in aggregate.json. */
  static String name(String path) {
    String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return p.substring(p.lastIndexOf('/') + 1);
  }
}

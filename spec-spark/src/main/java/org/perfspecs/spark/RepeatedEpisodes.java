package org.perfspecs.spark;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Serializable;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.perfspecs.checks.engine.RecordReader;
import org.perfspecs.model.CaseRecord;

/**
 * The episode ids that more than one record of the input has, each with the line of its first
 * valid record: the command line judges that record and refuses every later valid record with the
 * same id ({@link org.perfspecs.checks.engine.EpisodeIds}); spec-spark does the same across
 * partitions, in three steps:
 *
 * <ol>
 *   <li>a pre-pass reads each line's episode id with Jackson's streaming parser (its tokens only:
 *       no binding, no validation) and Spark counts the ids ({@code groupBy}, combined per
 *       partition before the shuffle): nothing but the ids seen more than once comes back to the
 *       driver, a small set;
 *   <li>that set is broadcast, and a second pass fully reads (decodes, binds, validates) only the
 *       lines whose id is in it, giving back each valid one's id and line;
 *   <li>the driver keeps, per id, the first of them in input order (file, then line): the map the
 *       evaluation broadcasts.
 * </ol>
 *
 * <p>A record the pre-pass cannot read an id from is not valid (a valid record is strict JSON with
 * {@code $.episode.id}), so it repeats no id. Unlike the command line, which remembers 64-bit
 * hashes of the ids, this compares the ids themselves: two different ids are never taken for one.
 */
final class RepeatedEpisodes {
  private RepeatedEpisodes() {}

  /** The first valid record of a repeated episode id: its file (null without one) and line. */
  record First(String file, long line) implements Serializable {
    private static final Comparator<First> ORDER = Comparator.comparing(First::file,
        Comparator.nullsFirst(Comparator.naturalOrder())).thenComparingLong(First::line);

    /** Whether the record at {@code file} line {@code line} is this one. */
    boolean is(String otherFile, long otherLine) {
      return line == otherLine && Objects.equals(file, otherFile);
    }

    /** {@code line N}, naming the file when it is not {@code currentFile}'s. */
    String where(String currentFile) {
      return "line " + line + (Objects.equals(file, currentFile) || file == null ? "" : " of " + LineNumbers.name(file));
    }
  }

  static final StructType IDS = DataTypes.createStructType(List.of(
      DataTypes.createStructField("id", DataTypes.StringType, false),
      DataTypes.createStructField("file", DataTypes.StringType, true),
      DataTypes.createStructField("line", DataTypes.LongType, false)));

  /**
   * Finds the repeated episode ids of {@code lines} and the first valid record of each; runs one
   * Spark job, and a second one (over the lines of the repeated ids only) when there are any.
   */
  static HashMap<String, First> find(Dataset<Row> lines, int maxRecordBytes) {
    List<String> repeated = lines.mapPartitions(new Scan(maxRecordBytes, null), Encoders.row(IDS))
        .groupBy(col("id")).count().filter(col("count").gt(1)).select(col("id")).as(Encoders.STRING())
        .collectAsList();
    HashMap<String, First> firsts = new HashMap<>();
    if (repeated.isEmpty()) {
      return firsts;
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(lines.sparkSession().sparkContext());
    Broadcast<HashSet<String>> ids = jsc.broadcast(new HashSet<>(repeated));
    try {
      List<Row> valid = lines.mapPartitions(new Scan(maxRecordBytes, ids), Encoders.row(IDS)).collectAsList();
      for (Row r : valid) {
        First f = new First(r.isNullAt(1) ? null : r.getString(1), r.getLong(2));
        firsts.merge(r.getString(0), f, (a, b) -> First.ORDER.compare(a, b) <= 0 ? a : b);
      }
    } finally {
      ids.destroy();
    }
    return firsts;
  }

  /**
   * The pre-pass over one partition: without {@code repeated}, the episode id of every record the
   * token scan reads one from; with it, the id of every valid record whose scanned id is repeated.
   */
  private static final class Scan implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final int maxRecordBytes;
    private final Broadcast<HashSet<String>> repeated;

    Scan(int maxRecordBytes, Broadcast<HashSet<String>> repeated) {
      this.maxRecordBytes = maxRecordBytes;
      this.repeated = repeated;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> source) {
      LineStream lines = new LineStream(source);
      RecordReader<CaseRecord> reader = RecordReader.of(lines, CaseRecord.class, Engines.validator(), maxRecordBytes);
      HashSet<String> ids = repeated == null ? null : repeated.value();
      return new Iterator<>() {
        private Row next;

        @Override
        public boolean hasNext() {
          while (next == null) {
            Optional<RecordReader.Framed<CaseRecord>> framed = reader.nextFramed();
            if (framed.isEmpty()) {
              return false;
            }
            RecordReader.Framed<CaseRecord> f = framed.get();
            if (f.line() == 1 || f.size() == 0) {
              continue; // the sentinel, or a line the framing rejects (too long)
            }
            LineStream.Ref ref = lines.refOf(f.line());
            String id = episodeId(ref.value(), ref.offset());
            if (id == null) {
              continue;
            }
            if (ids == null) {
              next = RowFactory.create(id, ref.file(), ref.line());
            } else if (ids.contains(id)) {
              Optional<CaseRecord> record = f.parse().result().value();
              if (record.isPresent()) {
                next = RowFactory.create(record.get().episode().id(), ref.file(), ref.line());
              }
            }
          }
          return true;
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new java.util.NoSuchElementException();
          }
          Row r = next;
          next = null;
          return r;
        }
      };
    }
  }

  /**
   * The value of {@code $.episode.id} in the JSON object of {@code bytes} from {@code offset}, read
   * from its tokens only; null when there is none or the bytes are not JSON.
   */
  static String episodeId(byte[] bytes, int offset) {
    try (JsonParser p = Engines.jsonFactory().createParser(bytes, offset, bytes.length - offset)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if ("episode".equals(name) && value == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            if (p.nextToken() == JsonToken.VALUE_STRING && "id".equals(field)) {
              return p.getText();
            }
            p.skipChildren();
          }
          return null;
        }
        p.skipChildren();
      }
      return null;
    } catch (IOException | RuntimeException notJson) {
      return null;
    }
  }
}

package org.perfspecs.spark;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.perfspecs.checks.engine.RecordReader;
import org.perfspecs.model.CaseRecord;

/**
 * Evaluates one partition of {@link Schemas#LINES} rows: the lines go, in order, through one {@link
 * RecordReader} (the command line's own reading, validation and messages), each valid record
 * through the executor JVM's {@link org.perfspecs.checks.engine.Engine}, and an {@link Evaluator}
 * turns what happens into rows. Lazy: one record at a time, in constant memory.
 */
final class PartitionEvaluator implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final Parameters parameters;
  private final Evaluator.Mode mode;
  private final Broadcast<HashMap<String, RepeatedEpisodes.First>> repeated;

  PartitionEvaluator(Parameters parameters, Evaluator.Mode mode,
      Broadcast<HashMap<String, RepeatedEpisodes.First>> repeated) {
    this.parameters = parameters;
    this.mode = mode;
    this.repeated = repeated;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> lines) {
    return new Rows(lines);
  }

  /** The output rows of one partition, produced as they are pulled. */
  private final class Rows extends EvaluatorRows {
    private final LineStream lines;
    private final RecordReader<CaseRecord> reader;

    Rows(Iterator<Row> source) {
      super(new Evaluator(parameters, Evaluator.Input.CASE_RECORD, mode, repeated == null ? Map.of() : repeated.value()));
      this.lines = new LineStream(source);
      this.reader = RecordReader.of(lines, CaseRecord.class, Engines.validator(), parameters.maxRecordBytes());
    }

    @Override
    void step() {
      Optional<RecordReader.Entry<CaseRecord>> next = reader.next();
      if (next.isEmpty()) {
        done = true;
        lines.drain();
        evaluator.end(lines.count, lines.blank);
        return;
      }
      RecordReader.Entry<CaseRecord> entry = next.get();
      if (entry.line() == 1) {
        return; // the sentinel
      }
      LineStream.Ref ref = lines.refOf(entry.line());
      evaluator.entry(entry, ref.file(), ref.line());
    }
  }
}

package org.perfspecs.examples;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.engine.Aggregate;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.checks.engine.RecordReader;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ModelValidator;

/**
 * For integrators: stream an NDJSON file of case records, in constant memory, into an aggregate
 * and write it as CSV (one row per specification, section, requirement and program). Rejected
 * records are counted, never dropped.
 */
public final class BatchReportExample {
  private BatchReportExample() {}

  /** Aggregates {@code ndjson} as of {@code asOf} and writes CSV to {@code out}; returns records rejected. */
  public static long aggregate(Path ndjson, Instant asOf, PrintWriter out) throws IOException {
    Engine engine = Engine.standard();
    EvaluationContext ctx = EvaluationContext.asOf(asOf);
    Aggregate aggregate = new Aggregate(engine.catalog());
    long rejected = 0;
    try (Reader in = Files.newBufferedReader(ndjson, StandardCharsets.UTF_8);
        RecordReader<CaseRecord> reader = RecordReader.of(in, CaseRecord.class, ModelValidator.create())) {
      for (Optional<RecordReader.Entry<CaseRecord>> e = reader.next(); e.isPresent(); e = reader.next()) {
        Optional<CaseRecord> record = e.get().result().value();
        if (record.isPresent()) {
          engine.evaluate(record.get(), ctx).forEach(aggregate::add);
        } else {
          rejected++;
        }
      }
    }
    out.println("level,key,strength,MET,NOT_MET,PENDING,NOT_APPLICABLE,UNDETERMINED,NOT_EVALUATED,ERROR,complianceRate");
    for (Aggregate.Row row : aggregate.rows()) {
      StringBuilder line = new StringBuilder(row.level() + "," + row.key() + "," + row.strength());
      for (Outcome o : Outcome.values()) {
        line.append(',').append(row.counts().get(o));
      }
      line.append(',').append(row.complianceRate().isPresent()
          ? String.format(Locale.ROOT, "%.4f", row.complianceRate().getAsDouble()) : "");
      out.println(line);
    }
    out.flush();
    return rejected;
  }

  /** {@code BatchReportExample FILE AS-OF}: prints the aggregate of FILE as CSV. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: BatchReportExample FILE.ndjson 2024-06-03T16:00:00Z");
      return;
    }
    aggregate(Path.of(args[0]), Instant.parse(args[1]), new PrintWriter(System.out, true, StandardCharsets.UTF_8));
  }
}

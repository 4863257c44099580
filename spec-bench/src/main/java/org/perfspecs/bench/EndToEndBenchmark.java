package org.perfspecs.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.engine.Aggregate;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.checks.engine.RecordReader;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ModelJson;
import org.perfspecs.model.ModelValidator;
import org.perfspecs.model.Validated;
import org.perfspecs.testkit.GenerateRecords;
import org.perfspecs.testkit.TypicalRecords;

/**
 * One NDJSON file of generated records, read four ways, side by side (each score is the time of
 * one pass over the whole file; records per second = {@code count} / score):
 *
 * <ul>
 *   <li>{@code floorTokens}: Jackson's streaming parser over every token, nothing built (the
 *       absolute floor);
 *   <li>{@code floorParse}: each line bound to a {@link CaseRecord} by the strict model mapper
 *       ({@link ModelJson}), nothing else: the parse-only floor the targets compare with;
 *   <li>{@code parseAndEvaluate}: that, then every requirement of the record's specification,
 *       findings counted into an {@link Aggregate}; no Bean Validation;
 *   <li>{@code endToEnd}: what {@code perfspecs check} does: {@link RecordReader} over the file's
 *       bytes (parse and {@link ModelValidator}), evaluation, {@link Aggregate} by month of admission.
 * </ul>
 *
 * <p>The file is {@code file} when that is set (use {@code -p file=/tmp/records.ndjson}), else
 * {@code count} records of seed 42 generated into a temporary file at setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class EndToEndBenchmark {
  @Param("10000")
  public int count;

  @Param("")
  public String file;

  private final Engine engine = Engine.standard();
  private final EvaluationContext ctx = EvaluationContext.asOf(TypicalRecords.AS_OF);
  private final ModelValidator validator = ModelValidator.create();
  private final ObjectReader recordReader = ModelJson.reader(CaseRecord.class);
  private final JsonFactory factory = new JsonFactory();
  private Path path;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    if (file != null && !file.isEmpty()) {
      path = Path.of(file);
    } else {
      path = Files.createTempFile("perfspecs-bench-", ".ndjson");
      path.toFile().deleteOnExit();
      try (OutputStream out = Files.newOutputStream(path)) {
        GenerateRecords.write(count, 42, out);
      }
    }
  }

  @Benchmark
  public long floorTokens() throws IOException {
    long tokens = 0;
    try (JsonParser p = factory.createParser(Files.newBufferedReader(path, StandardCharsets.UTF_8))) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        tokens++;
      }
    }
    return tokens;
  }

  @Benchmark
  public long floorParse() throws IOException {
    long contacts = 0;
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        CaseRecord r = recordReader.readValue(line);
        contacts += r.episode().contacts().size();
      }
    }
    return contacts;
  }

  @Benchmark
  public long parseAndEvaluate() throws IOException {
    Aggregate aggregate = new Aggregate(engine.catalog());
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        CaseRecord r = recordReader.readValue(line);
        aggregate.add(r, engine.evaluate(r, ctx));
      }
    }
    return aggregate.total(Outcome.MET);
  }

  @Benchmark
  public long endToEnd() throws IOException {
    return EndToEnd.run(path, engine, validator, ctx).total(Outcome.MET);
  }

  /** The end-to-end path, shared with {@link ConstantMemoryRun}. */
  static final class EndToEnd {
    private EndToEnd() {}

    static Aggregate run(Path path, Engine engine, ModelValidator validator, EvaluationContext ctx)
        throws IOException {
      return run(Files.newInputStream(path), engine, validator, ctx, new long[2]);
    }

    /** {@code counts} receives the records evaluated [0] and rejected [1]. */
    static Aggregate run(java.io.InputStream input, Engine engine, ModelValidator validator, EvaluationContext ctx,
        long[] counts) throws IOException {
      return run(input, engine, validator, ctx, counts, 0, n -> { });
    }

    /** As above, calling {@code progress} with the records read every {@code every} records (0: never). */
    static Aggregate run(java.io.InputStream input, Engine engine, ModelValidator validator, EvaluationContext ctx,
        long[] counts, long every, java.util.function.LongConsumer progress) throws IOException {
      Aggregate aggregate = new Aggregate(engine.catalog());
      try (RecordReader<CaseRecord> reader = RecordReader.of(input, CaseRecord.class, validator)) {
        for (Optional<RecordReader.Entry<CaseRecord>> e = reader.next(); e.isPresent(); e = reader.next()) {
          Validated<CaseRecord> v = e.get().result();
          if (every > 0 && (counts[0] + counts[1] + 1) % every == 0) {
            progress.accept(counts[0] + counts[1] + 1);
          }
          if (v.isValid()) {
            counts[0]++;
            CaseRecord record = v.orElseThrow();
            aggregate.add(record, engine.evaluate(record, ctx));
          } else {
            counts[1]++;
          }
        }
      }
      return aggregate;
    }
  }
}

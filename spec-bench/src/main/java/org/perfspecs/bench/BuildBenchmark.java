package org.perfspecs.bench;

import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ModelJson;
import org.perfspecs.model.ModelValidator;
import org.perfspecs.testkit.TypicalRecords;

/**
 * What "valid by construction" costs, per typical record (60 contacts, 10 documents, 5
 * appointments, ...; about 80 model objects, each built once):
 *
 * <ul>
 *   <li>{@code bind}: the strict mapper reads one record's JSON into model objects, through their
 *       builders, so it includes every rule {@code build()} enforces (run it on the commit before
 *       and after a change to the rules: the difference is what the rules cost);
 *   <li>{@code hibernateValidator}: a Bean Validation pass over the built record ({@link
 *       ModelValidator#validate}), the alternative of checking in {@code Engine.evaluate}.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class BuildBenchmark {
  private static final int POOL = 16;

  private final ObjectReader reader = ModelJson.reader(CaseRecord.class);
  private final ModelValidator validator = ModelValidator.hibernate(); // the Bean Validation pass this benchmark is about
  private List<String> json;
  private List<CaseRecord> records;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    records = java.util.stream.LongStream.range(0, POOL).mapToObj(i -> TypicalRecords.record(42, i)).toList();
    json = records.stream().map(ModelJson::toJson).toList();
  }

  @Benchmark
  public CaseRecord bind() throws IOException {
    next = (next + 1) % POOL;
    return reader.readValue(json.get(next));
  }

  @Benchmark
  public int hibernateValidator() {
    next = (next + 1) % POOL;
    return validator.validate(records.get(next)).size();
  }
}

package org.perfspecs.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.engine.Aggregate;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.testkit.TypicalRecords;

/**
 * A batch of {@value #BATCH} generated records (all five services in turn) evaluated and
 * aggregated on {@code threads} threads, each thread taking an equal share and its own
 * {@link Aggregate}, merged at the end. The score is records per second.
 *
 * <p>Holding 100,000 typical records in memory would take about 2 GB, so the batch cycles
 * through a pool of {@code pool} distinct generated records (2,000 by default, ~40 MB): what is
 * measured is evaluation and aggregation, not generation or parsing (see
 * {@link EndToEndBenchmark} for that).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class BatchBenchmark {
  static final int BATCH = 100_000;

  @Param({"1", "2"})
  public int threads;

  @Param("2000")
  public int pool;

  private final Engine engine = Engine.standard();
  private final EvaluationContext ctx = EvaluationContext.asOf(TypicalRecords.AS_OF);
  private CaseRecord[] records;
  private ExecutorService executor;

  @Setup(Level.Trial)
  public void setUp() {
    records = new CaseRecord[pool];
    for (int i = 0; i < pool; i++) {
      records[i] = TypicalRecords.record(42, i);
    }
    executor = Executors.newFixedThreadPool(threads);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    executor.shutdownNow();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long batch() throws InterruptedException, ExecutionException {
    List<Future<Aggregate>> parts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int from = BATCH * t / threads;
      int to = BATCH * (t + 1) / threads;
      parts.add(executor.submit(() -> run(from, to)));
    }
    Aggregate total = new Aggregate(engine.catalog());
    for (Future<Aggregate> part : parts) {
      total.merge(part.get());
    }
    return total.rows().size();
  }

  private Aggregate run(int from, int to) {
    Aggregate aggregate = new Aggregate(engine.catalog());
    for (int i = from; i < to; i++) {
      for (Finding f : engine.evaluate(records[i % records.length], ctx)) {
        aggregate.add(f);
      }
    }
    return aggregate;
  }
}

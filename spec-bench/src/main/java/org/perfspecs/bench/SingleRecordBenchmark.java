package org.perfspecs.bench;

import java.util.List;
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
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ServiceType;
import org.perfspecs.testkit.TypicalRecords;

/**
 * One typical episode (60 contacts, 10 documents, 5 appointments) of each service against every
 * episode requirement of its specification. Sample mode, so JMH reports the median (p0.50) as
 * well as the mean; run with {@code -prof gc} for {@code gc.alloc.rate.norm} (bytes per record).
 *
 * <p>{@code records} typical episodes of the service are evaluated in turn, so the figure is not
 * one lucky record's: each invocation is one record.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SingleRecordBenchmark {
  @Param({"ESOAP", "RRS_PPW", "IOP", "CSP", "RC"})
  public ServiceType service;

  /** How many distinct typical records of the service are cycled through. */
  @Param("16")
  public int records;

  private final Engine engine = Engine.standard();
  private final EvaluationContext ctx = EvaluationContext.asOf(TypicalRecords.AS_OF);
  private CaseRecord[] pool;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    pool = new CaseRecord[records];
    for (int i = 0; i < records; i++) {
      pool[i] = TypicalRecords.record(service, 42, i);
    }
  }

  @Benchmark
  public List<Finding> evaluate() {
    CaseRecord r = pool[next];
    next = next + 1 == pool.length ? 0 : next + 1;
    return engine.evaluate(r, ctx);
  }
}

package org.perfspecs.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ServiceType;
import org.perfspecs.testkit.TypicalRecords;

/**
 * {@link SingleRecordCpu}'s measure (thread CPU time and allocated bytes per typical record, median
 * of 21 rounds, per service) taken two ways in one JVM: {@code evaluate}, the engine's call alone,
 * as a caller that only counts outcomes (the aggregate) pays it; and {@code evaluate+text}, the call
 * and a read of every finding's reason and every evidence's id and note, as a caller that prints the
 * findings pays it. The two differ where the library makes text only when it is read.
 *
 * <pre>java -cp spec-bench/target/benchmarks.jar org.perfspecs.bench.EvaluateCpu [warm-up-rounds]</pre>
 */
public final class EvaluateCpu {
  private EvaluateCpu() {}

  private static long sink;

  public static void main(String[] args) {
    int warmupRounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    Engine engine = Engine.standard();
    EvaluationContext ctx = EvaluationContext.asOf(TypicalRecords.AS_OF);
    System.out.printf("%-8s %8s %12s %12s %14s %14s%n", "service", "findings", "eval us", "eval B",
        "eval+text us", "eval+text B");
    double[] sums = new double[4];
    for (ServiceType service : ServiceType.values()) {
      CaseRecord[] pool = new CaseRecord[16];
      for (int i = 0; i < pool.length; i++) {
        pool[i] = TypicalRecords.record(service, 42, i);
      }
      for (int w = 0; w < warmupRounds; w++) {
        round(engine, ctx, pool, false);
        round(engine, ctx, pool, true);
      }
      double[] plain = measure(engine, ctx, pool, false);
      double[] text = measure(engine, ctx, pool, true);
      System.out.printf("%-8s %8d %12.1f %12.0f %14.1f %14.0f%n", service, engine.evaluate(pool[0], ctx).size(),
          plain[0], plain[1], text[0], text[1]);
      sums[0] += plain[0];
      sums[1] += plain[1];
      sums[2] += text[0];
      sums[3] += text[1];
    }
    int n = ServiceType.values().length;
    System.out.printf("%-8s %8s %12.1f %12.0f %14.1f %14.0f%n", "mean", "", sums[0] / n, sums[1] / n, sums[2] / n,
        sums[3] / n);
    if (sink == 42) {
      System.out.println();
    }
  }

  private static final int PER_ROUND = 2000;

  /** Median CPU µs and bytes per record over 21 rounds. */
  private static double[] measure(Engine engine, EvaluationContext ctx, CaseRecord[] pool, boolean readText) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long self = Thread.currentThread().getId();
    double[] cpu = new double[21];
    double[] bytes = new double[21];
    for (int r = 0; r < cpu.length; r++) {
      long b0 = threads.getThreadAllocatedBytes(self);
      long c0 = threads.getCurrentThreadCpuTime();
      round(engine, ctx, pool, readText);
      cpu[r] = (threads.getCurrentThreadCpuTime() - c0) / 1e3 / PER_ROUND;
      bytes[r] = (threads.getThreadAllocatedBytes(self) - b0) / (double) PER_ROUND;
    }
    Arrays.sort(cpu);
    Arrays.sort(bytes);
    return new double[] {cpu[cpu.length / 2], bytes[bytes.length / 2]};
  }

  private static void round(Engine engine, EvaluationContext ctx, CaseRecord[] pool, boolean readText) {
    for (int i = 0; i < PER_ROUND; i++) {
      List<Finding> findings = engine.evaluate(pool[i & 15], ctx);
      long s = findings.size();
      if (readText) {
        for (Finding f : findings) {
          s += f.reason().length();
          for (Evidence e : f.evidence()) {
            s += e.id().length() + e.note().length();
          }
        }
      }
      sink += s;
    }
  }
}

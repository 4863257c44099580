package org.perfspecs.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ServiceType;
import org.perfspecs.testkit.TypicalRecords;

/**
 * A load-robust companion to {@link SingleRecordBenchmark} for a shared machine: the same records,
 * timed by the thread's CPU time (not wall time, so other processes' load inflates it far less)
 * and measured for allocation by the thread's allocated-bytes counter. Per service: warm-up, then
 * 21 rounds; prints the median round's CPU time per record and the bytes allocated per record.
 *
 * <pre>java -cp spec-bench/target/benchmarks.jar org.perfspecs.bench.SingleRecordCpu [seconds-of-warm-up]</pre>
 */
public final class SingleRecordCpu {
  private SingleRecordCpu() {}

  public static void main(String[] args) {
    int warmupRounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long self = Thread.currentThread().getId();
    Engine engine = Engine.standard();
    EvaluationContext ctx = EvaluationContext.asOf(TypicalRecords.AS_OF);
    long sink = 0;
    System.out.printf("%-8s %10s %14s %10s%n", "service", "findings", "cpu us/record", "B/record");
    for (ServiceType service : ServiceType.values()) {
      CaseRecord[] pool = new CaseRecord[16];
      for (int i = 0; i < pool.length; i++) {
        pool[i] = TypicalRecords.record(service, 42, i);
      }
      int perRound = 2000;
      for (int w = 0; w < warmupRounds; w++) {
        for (int i = 0; i < perRound; i++) {
          sink += engine.evaluate(pool[i & 15], ctx).size();
        }
      }
      double[] cpu = new double[21];
      double[] bytes = new double[21];
      for (int round = 0; round < cpu.length; round++) {
        long b0 = threads.getThreadAllocatedBytes(self);
        long c0 = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < perRound; i++) {
          sink += engine.evaluate(pool[i & 15], ctx).size();
        }
        cpu[round] = (threads.getCurrentThreadCpuTime() - c0) / 1e3 / perRound;
        bytes[round] = (threads.getThreadAllocatedBytes(self) - b0) / (double) perRound;
      }
      Arrays.sort(cpu);
      Arrays.sort(bytes);
      int findings = engine.evaluate(pool[0], ctx).size();
      System.out.printf("%-8s %10d %14.1f %10.0f%n", service, findings, cpu[cpu.length / 2], bytes[bytes.length / 2]);
    }
    if (sink == 42) {
      System.out.println();
    }
  }
}

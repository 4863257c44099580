package org.perfspecs.bench;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.engine.Aggregate;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ModelJson;
import org.perfspecs.testkit.GenerateRecords;
import org.perfspecs.testkit.TypicalRecords;

/**
 * What this machine gives two threads over one for a record's work when nothing is shared between
 * them: the ceiling of any pipeline's two-thread speed-up, whatever its ordered stage costs.
 *
 * <p>Two threads, each with its own pool of generated lines (seeds 42 and 43; 100 lines by default,
 * which stay in the processor's caches; a few thousand, some 15 KB each, stream through memory as
 * a long run's input does), do a worker's part of {@code check} for each line: bind ({@code ModelJson.read(byte[], CaseRecord.class)},
 * strict, with the model's rules), evaluate ({@code Engine.evaluate}) and work out the aggregate
 * delta. Rounds alternate: a <em>solo</em> round (one thread works, the other waits, the two taking
 * turns) and a <em>duo</em> round (both work at once, released together). For each duo round and
 * the solo round before it, it prints the median over rounds of: the CPU per record of a working
 * thread, duo ÷ solo (what running beside another thread costs each one), and the throughput of the
 * duo round over the solo one (records per second of wall time: at most 2).
 *
 * <pre>java -cp spec-bench/target/benchmarks.jar org.perfspecs.bench.ConcurrencyTax [ROUNDS] [RECORDS_PER_ROUND] [WARM_UP_ROUNDS] [POOL]</pre>
 */
public final class ConcurrencyTax {
  private ConcurrencyTax() {}

  /** One thread's records and the work on them, measured by the thread itself. */
  private static final class Worker implements Runnable {
    final byte[][] lines;
    final int perRound;
    final Engine engine = Engine.standard();
    final EvaluationContext context = EvaluationContext.asOf(TypicalRecords.AS_OF);
    final CyclicBarrier start;
    final CyclicBarrier end;
    volatile boolean works;
    volatile boolean stop;
    long cpuNanos;
    long sink;
    int next;

    Worker(byte[][] lines, int perRound, CyclicBarrier start, CyclicBarrier end) {
      this.lines = lines;
      this.perRound = perRound;
      this.start = start;
      this.end = end;
    }

    @Override
    public void run() {
      java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
      try {
        while (true) {
          start.await();
          if (stop) {
            return;
          }
          if (works) {
            long c0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < perRound; i++) {
              CaseRecord r = ModelJson.read(lines[next], CaseRecord.class);
              next = next + 1 == lines.length ? 0 : next + 1; // round after round through the pool
              List<Finding> findings = engine.evaluate(r, context);
              sink += Aggregate.delta(r, findings).findings().size();
            }
            cpuNanos = mx.getCurrentThreadCpuTime() - c0;
          }
          end.await();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    int pool = args.length > 3 ? Integer.parseInt(args[3]) : 100;
    CyclicBarrier start = new CyclicBarrier(3);
    CyclicBarrier end = new CyclicBarrier(3);
    Worker[] w = new Worker[2];
    for (int k = 0; k < 2; k++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      GenerateRecords.write(pool, 42 + k, out); // each thread its own records
      String[] text = out.toString(StandardCharsets.UTF_8).split("\n");
      byte[][] lines = new byte[text.length][];
      for (int i = 0; i < text.length; i++) {
        lines[i] = text[i].getBytes(StandardCharsets.UTF_8);
      }
      w[k] = new Worker(lines, perRound, start, end);
      Thread t = new Thread(w[k], "tax-" + k);
      t.setDaemon(true);
      t.start();
    }
    double[] cpuRatio = new double[rounds];
    double[] speedUp = new double[rounds];
    double[] soloUs = new double[rounds];
    double[] duoUs = new double[rounds];
    for (int r = -warmUp; r < rounds; r++) {
      int solo = Math.floorMod(r, 2);
      w[solo].works = true;
      w[1 - solo].works = false;
      long t0 = System.nanoTime();
      start.await();
      end.await();
      long soloWall = System.nanoTime() - t0;
      double soloCpu = w[solo].cpuNanos / (double) perRound;
      w[0].works = true;
      w[1].works = true;
      t0 = System.nanoTime();
      start.await();
      end.await();
      long duoWall = System.nanoTime() - t0;
      double duoCpu = (w[0].cpuNanos + w[1].cpuNanos) / 2.0 / perRound;
      if (r >= 0) {
        cpuRatio[r] = duoCpu / soloCpu;
        speedUp[r] = 2.0 * soloWall / duoWall;
        soloUs[r] = soloCpu / 1e3;
        duoUs[r] = duoCpu / 1e3;
      }
    }
    w[0].stop = true;
    w[1].stop = true;
    start.await();
    System.out.printf(Locale.ROOT, "%d rounds of %d records per working thread (bind, evaluate, delta) from a pool of %d"
        + " per thread, %s %s%n", rounds, perRound, pool, System.getProperty("java.vm.name"), System.getProperty("java.version"));
    print("CPU µs per record, one thread alone", soloUs);
    print("CPU µs per record, each of two at once", duoUs);
    print("CPU per record, two at once ÷ alone", cpuRatio);
    print("records/s, two at once ÷ alone", speedUp);
    if (w[0].sink + w[1].sink == 42) {
      System.out.println();
    }
  }

  private static void print(String what, double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    System.out.printf(Locale.ROOT, "%-42s p50 %.3f  (p25 %.3f, p75 %.3f)%n", what, s[s.length / 2], s[s.length / 4],
        s[3 * s.length / 4]);
  }
}

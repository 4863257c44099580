package org.perfspecs.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.engine.Aggregate;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.model.ModelValidator;
import org.perfspecs.testkit.TypicalRecords;

/**
 * The end-to-end path of {@link EndToEndBenchmark} (read, validate, evaluate, aggregate) once over
 * a file or standard input, then the heap figures: run it with {@code -Xmx256m} over 1,000,000
 * records to show memory stays flat.
 *
 * <pre>
 * java -cp spec-bench/target/benchmarks.jar org.perfspecs.testkit.GenerateRecords --count 1000000 --seed 42 \
 *   | java -Xmx256m -cp spec-bench/target/benchmarks.jar org.perfspecs.bench.ConstantMemoryRun -
 * </pre>
 *
 * <p>Prints progress every 50,000 records (second argument), then records, findings by outcome, wall time, and per heap pool the peak usage, with GC
 * counts and times. (Wall time is measured here, in the bench, never in library code.)
 */
public final class ConstantMemoryRun {
  private ConstantMemoryRun() {}

  public static void main(String[] args) throws IOException {
    String in = args.length == 0 ? "-" : args[0];
    Engine engine = Engine.standard();
    ModelValidator validator = ModelValidator.create();
    EvaluationContext ctx = EvaluationContext.asOf(TypicalRecords.AS_OF);
    long start = System.nanoTime();
    InputStream reader = in.equals("-") ? System.in : Files.newInputStream(Path.of(in));
    long[] counts = new long[2];
    long every = args.length > 1 ? Long.parseLong(args[1]) : 50_000;
    Aggregate aggregate = EndToEndBenchmark.EndToEnd.run(reader, engine, validator, ctx, counts, every, n -> {
      double s = (System.nanoTime() - start) / 1e9;
      System.out.printf("  %,10d records %8.1fs %7.0f records/s  heap used after last GC %s MB, RSS %s%n",
          n, s, n / s, liveAfterGc(), rss());
    });
    double seconds = (System.nanoTime() - start) / 1e9;
    long findings = 0;
    StringBuilder outcomes = new StringBuilder();
    for (Outcome o : Outcome.values()) {
      long n = aggregate.total(o);
      findings += n;
      outcomes.append(' ').append(o).append('=').append(n);
    }
    long records = counts[0];
    System.out.printf("findings=%d%s%n", findings, outcomes);
    System.out.printf("records=%d rejected=%d wall=%.1fs (%.0f records/s)%n", records, counts[1], seconds, records / seconds);
    System.out.printf("max heap (-Xmx)=%d MB%n", Runtime.getRuntime().maxMemory() >> 20);
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        System.out.printf("  heap pool %-24s peak used %6d MB%n", pool.getName(), pool.getPeakUsage().getUsed() >> 20);
      }
    }
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      System.out.printf("  gc %-24s count %6d time %6d ms%n", gc.getName(), gc.getCollectionCount(), gc.getCollectionTime());
    }
    System.out.printf("  heap used after last GC %s MB, RSS %s%n", liveAfterGc(), rss());
  }

  private static final java.util.Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
      .collect(java.util.stream.Collectors.toUnmodifiableSet());

  /** Heap in use right after the most recent collection (of any collector), summed over its pools. */
  private static long liveAfterGc() {
    long used = -1;
    long latest = -1;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof com.sun.management.GarbageCollectorMXBean g && g.getLastGcInfo() != null
          && g.getLastGcInfo().getEndTime() > latest) {
        latest = g.getLastGcInfo().getEndTime();
        used = 0;
        for (var e : g.getLastGcInfo().getMemoryUsageAfterGc().entrySet()) {
          if (HEAP_POOLS.contains(e.getKey())) {
            used += e.getValue().getUsed();
          }
        }
      }
    }
    return used < 0 ? -1 : used >> 20;
  }

  /** Resident set size and its peak, from /proc (Linux), or "n/a". */
  private static String rss() {
    try {
      String rss = "?";
      String hwm = "?";
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = line.substring(6).trim();
        } else if (line.startsWith("VmHWM:")) {
          hwm = line.substring(6).trim();
        }
      }
      return rss + " (peak " + hwm + ")";
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }
}

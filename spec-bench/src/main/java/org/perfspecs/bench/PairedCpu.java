package org.perfspecs.bench;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.perfspecs.testkit.GenerateRecords;

/**
 * Two or more builds of perfspecs measured in one JVM, round by round, so that a noisy machine's
 * drifts hit them alike: each {@code benchmarks.jar} is loaded in a class loader of its own (under
 * the platform loader: nothing shared but the JDK), and in every round each build runs the same
 * stage on the same records, the order reversed every other round. Per stage and build it prints
 * the median thread CPU time and allocated bytes per record, and per round the CPU ratio of each
 * build to the first one; the median of those paired ratios is the figure to compare builds by.
 *
 * <p>Stages: {@code bind}, a typical record's line bound by {@code ModelJson.read(byte[], Class)}
 * (the fast binding; the 100 lines of {@link BindCpu}'s pool, seed 42), and {@code eval:SERVICE},
 * {@code Engine.evaluate} of {@link EvaluateCpu}'s 16 typical records of that service. Builds older
 * than a stage's method are refused with a message naming it.
 *
 * <pre>java -cp spec-bench/target/benchmarks.jar org.perfspecs.bench.PairedCpu ROUNDS STAGES NAME=JAR NAME=JAR...
 * e.g. ... PairedCpu 30 bind,eval:CSP,eval:IOP base=/tmp/base/benchmarks.jar new=spec-bench/target/benchmarks.jar</pre>
 */
public final class PairedCpu {
  private PairedCpu() {}

  /** Records per round and stage. */
  private static final int PER_ROUND = 2000;
  private static final int WARM_UP_ROUNDS = 15;

  /** One stage of one build: runs a round and says how many records it did. */
  interface Round {
    long run() throws Exception;
  }

  private static final class Build {
    final String name;
    final ClassLoader loader;
    long sink;

    Build(String name, String jar) throws Exception {
      this.name = name;
      this.loader = new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    Round stage(String stage, byte[][] lines) throws Exception {
      if (stage.equals("bind")) {
        Class<?> record = loader.loadClass("org.perfspecs.model.CaseRecord");
        Method read = loader.loadClass("org.perfspecs.model.ModelJson").getMethod("read", byte[].class, Class.class);
        return () -> {
          for (int i = 0; i < PER_ROUND; i++) {
            sink += read.invoke(null, lines[i % lines.length], record) == null ? 0 : 1;
          }
          return PER_ROUND;
        };
      }
      if (stage.startsWith("eval:")) {
        Class<?> engineType = loader.loadClass("org.perfspecs.checks.engine.Engine");
        Class<?> contextType = loader.loadClass("org.perfspecs.checks.EvaluationContext");
        Class<?> typical = loader.loadClass("org.perfspecs.testkit.TypicalRecords");
        Class<?> serviceType = loader.loadClass("org.perfspecs.model.ServiceType");
        Object engine = engineType.getMethod("standard").invoke(null);
        Object asOf = typical.getField("AS_OF").get(null);
        Object context = contextType.getMethod("asOf", asOf.getClass()).invoke(null, asOf);
        Method evaluate = engineType.getMethod("evaluate", loader.loadClass("org.perfspecs.model.CaseRecord"),
            contextType);
        Method make = typical.getMethod("record", serviceType, long.class, long.class);
        Object service = serviceType.getMethod("valueOf", String.class).invoke(null, stage.substring(5));
        Object[] pool = new Object[16];
        for (int i = 0; i < pool.length; i++) {
          pool[i] = make.invoke(null, service, 42L, (long) i);
        }
        return () -> {
          for (int i = 0; i < PER_ROUND; i++) {
            sink += ((List<?>) evaluate.invoke(engine, pool[i & 15], context)).size();
          }
          return PER_ROUND;
        };
      }
      throw new IllegalArgumentException("unknown stage " + stage + " (bind, eval:SERVICE)");
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: PairedCpu ROUNDS STAGES NAME=JAR NAME=JAR...  (STAGES: bind,eval:CSP,...)");
      System.exit(2);
    }
    int rounds = Integer.parseInt(args[0]);
    String[] stages = args[1].split(",");
    List<Build> builds = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      String[] p = args[i].split("=", 2);
      builds.add(new Build(p[0], p[1]));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GenerateRecords.write(100, 42, out);
    String[] text = out.toString(StandardCharsets.UTF_8).split("\n");
    byte[][] lines = new byte[text.length][];
    for (int i = 0; i < text.length; i++) {
      lines[i] = text[i].getBytes(StandardCharsets.UTF_8);
    }
    int n = builds.size();
    Round[][] work = new Round[stages.length][n];
    for (int s = 0; s < stages.length; s++) {
      for (int b = 0; b < n; b++) {
        work[s][b] = builds.get(b).stage(stages[s], lines);
      }
    }
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long self = Thread.currentThread().getId();
    for (int w = 0; w < WARM_UP_ROUNDS; w++) {
      for (Round[] stage : work) {
        for (Round r : stage) {
          r.run();
        }
      }
    }
    double[][][] cpu = new double[stages.length][n][rounds];
    double[][][] bytes = new double[stages.length][n][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int s = 0; s < stages.length; s++) {
        for (int k = 0; k < n; k++) {
          int b = r % 2 == 0 ? k : n - 1 - k;
          long b0 = threads.getThreadAllocatedBytes(self);
          long c0 = threads.getCurrentThreadCpuTime();
          long done = work[s][b].run();
          cpu[s][b][r] = (threads.getCurrentThreadCpuTime() - c0) / 1e3 / done;
          bytes[s][b][r] = (threads.getThreadAllocatedBytes(self) - b0) / (double) done;
        }
      }
    }
    System.out.printf(Locale.ROOT, "%-12s %-10s %10s %10s %10s %12s %s%n", "stage", "build", "µs p50", "µs p25",
        "µs p75", "bytes p50", "paired CPU ratio to the first: p50 (p25-p75)");
    for (int s = 0; s < stages.length; s++) {
      for (int b = 0; b < n; b++) {
        double[] c = cpu[s][b].clone();
        double[] a = bytes[s][b].clone();
        Arrays.sort(c);
        Arrays.sort(a);
        String ratio = "";
        if (b > 0) {
          double[] q = new double[rounds];
          for (int r = 0; r < rounds; r++) {
            q[r] = cpu[s][b][r] / cpu[s][0][r];
          }
          Arrays.sort(q);
          ratio = String.format(Locale.ROOT, "%.3f (%.3f-%.3f)", q[rounds / 2], q[rounds / 4], q[3 * rounds / 4]);
        }
        System.out.printf(Locale.ROOT, "%-12s %-10s %10.2f %10.2f %10.2f %12.0f %s%n", stages[s], builds.get(b).name,
            c[rounds / 2], c[rounds / 4], c[3 * rounds / 4], a[rounds / 2], ratio);
      }
    }
    long sink = 0;
    for (Build b : builds) {
      sink += b.sink;
    }
    if (sink == 42) {
      System.out.println();
    }
  }
}

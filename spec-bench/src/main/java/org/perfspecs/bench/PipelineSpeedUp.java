package org.perfspecs.bench;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import org.perfspecs.cli.PerfspecsCommand;

/**
 * The CLI's {@code check} (NDJSON file to findings CSV, standard output discarded) on one thread
 * and on more, in one JVM, round by round, so that the compilers' warm-up and a noisy machine's
 * drifts hit every thread count alike. After the warm-up rounds, each round runs every thread count
 * once (the order reversed every other round) and reads its wall time and the process's CPU time.
 * Per thread count it prints the median wall time, records per second and cores kept busy, and the
 * median over rounds of the paired speed-up: the one-thread run's wall time over this one's, in
 * the same round. This is the steady state a long run converges to; a run of a fresh JVM adds the
 * compilers' work, which a one-thread run does on an otherwise idle core.
 *
 * <p>A thread count {@code 1x2} is two one-thread runs of the same file at once, on two threads of
 * this JVM that share nothing but the JVM and the machine: the same work as a two-thread run with
 * no pipeline at all, so its speed-up (twice the records in its wall time) is the ceiling the
 * machine gives two threads, round by round; {@code 2} over {@code 1x2} is what the pipeline keeps
 * of it.
 *
 * <pre>java -cp spec-bench/target/benchmarks.jar org.perfspecs.bench.PipelineSpeedUp FILE [ROUNDS] [THREADS,...] [WARM_UP_ROUNDS]
 * e.g. ... PipelineSpeedUp /tmp/records-5000.ndjson 30 1,2,1x2 8</pre>
 */
public final class PipelineSpeedUp {
  private PipelineSpeedUp() {}

  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: PipelineSpeedUp FILE [ROUNDS] [THREADS,...] [WARM_UP_ROUNDS]");
      System.exit(2);
    }
    String file = args[0];
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    String[] counts = (args.length > 2 ? args[2] : "1,2").split(",");
    int[] threads = new int[counts.length];
    int[] copies = new int[counts.length];
    for (int i = 0; i < counts.length; i++) {
      String[] p = counts[i].split("x");
      threads[i] = Integer.parseInt(p[0]);
      copies[i] = p.length > 1 ? Integer.parseInt(p[1]) : 1;
    }
    int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 8;
    if (threads[0] != 1 || copies[0] != 1) {
      throw new IllegalArgumentException("the first thread count must be 1, the base of the speed-ups");
    }
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    int n = threads.length;
    double[][] wall = new double[n][rounds];
    double[][] busy = new double[n][rounds];
    double[] pipelineOverCeiling = new double[rounds];
    long records = -1;
    for (int r = -warmUp; r < rounds; r++) {
      for (int k = 0; k < n; k++) {
        int t = Math.floorMod(r, 2) == 0 ? k : n - 1 - k;
        long c0 = os.getProcessCpuTime();
        long w0 = System.nanoTime();
        long read = runCopies(file, threads[t], copies[t]);
        long w = System.nanoTime() - w0;
        long c = os.getProcessCpuTime() - c0;
        records = read / copies[t];
        if (r >= 0) {
          wall[t][r] = w / 1e9 / copies[t]; // per copy's records: comparable with one run's
          busy[t][r] = (double) c / w;
        }
      }
      if (r >= 0) {
        int two = indexOf(counts, "2");
        int ceiling = indexOf(counts, "1x2");
        if (two > 0 && ceiling > 0) {
          pipelineOverCeiling[r] = wall[ceiling][r] / wall[two][r];
        }
      }
    }
    System.out.printf(Locale.ROOT, "%s: %d records, %d rounds after %d warm-up rounds, %d processors, %s %s%n", file,
        records, rounds, warmUp, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
        System.getProperty("java.version"));
    System.out.printf(Locale.ROOT, "%8s %10s %12s %12s  %s%n", "threads", "wall p50", "records/s", "cores busy",
        "speed-up over one thread, paired: p50 (p25-p75)");
    for (int t = 0; t < n; t++) {
      double[] w = wall[t].clone();
      double[] b = busy[t].clone();
      Arrays.sort(w);
      Arrays.sort(b);
      String speedUp = "";
      if (t > 0) {
        double[] q = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          q[r] = wall[0][r] / wall[t][r];
        }
        Arrays.sort(q);
        speedUp = String.format(Locale.ROOT, "%.3f (%.3f-%.3f)", q[rounds / 2], q[rounds / 4], q[3 * rounds / 4]);
      }
      System.out.printf(Locale.ROOT, "%8s %9.3fs %12.0f %12.2f  %s%n", counts[t], w[rounds / 2],
          records / w[rounds / 2], b[rounds / 2], speedUp);
    }
    if (indexOf(counts, "2") > 0 && indexOf(counts, "1x2") > 0) {
      double[] q = pipelineOverCeiling.clone();
      Arrays.sort(q);
      System.out.printf(Locale.ROOT, "two threads' speed-up over the ceiling (1x2), paired: p50 %.3f (p25 %.3f, p75 %.3f)%n",
          q[rounds / 2], q[rounds / 4], q[3 * rounds / 4]);
    }
  }

  private static int indexOf(String[] counts, String count) {
    return Arrays.asList(counts).indexOf(count);
  }

  /** {@code copies} runs of {@code check} at once, each on {@code threads} threads; the records read in all. */
  private static long runCopies(String file, int threads, int copies) {
    if (copies == 1) {
      return check(file, threads);
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(copies);
    try {
      java.util.List<java.util.concurrent.Future<Long>> runs = new java.util.ArrayList<>();
      for (int i = 0; i < copies; i++) {
        runs.add(pool.submit(() -> check(file, threads)));
      }
      long read = 0;
      for (java.util.concurrent.Future<Long> f : runs) {
        read += f.get();
      }
      return read;
    } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e);
    } finally {
      pool.shutdown();
    }
  }

  /** One run of {@code check}; the records it read. */
  private static long check(String file, int threads) {
    StringWriter errText = new StringWriter();
    int code = PerfspecsCommand.run(OutputStream.nullOutputStream(), new PrintWriter(errText), "check", file,
        "--as-of", "2024-06-03T12:00:00-04:00", "--format", "csv", "--no-progress", "--threads",
        Integer.toString(threads));
    if (code > 1) {
      throw new IllegalStateException("check exited with " + code + ": " + errText);
    }
    return records(errText.toString());
  }

  /** The records read, from the summary's {@code records read: N} on standard error. */
  private static long records(String err) {
    int at = err.indexOf("records read: ");
    if (at < 0) {
      throw new IllegalStateException("no summary on standard error: " + err);
    }
    int from = at + "records read: ".length();
    int to = from;
    while (to < err.length() && Character.isDigit(err.charAt(to))) {
      to++;
    }
    return Long.parseLong(err.substring(from, to));
  }
}

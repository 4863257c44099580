package org.perfspecs.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ModelJson;
import org.perfspecs.testkit.GenerateRecords;
import org.perfspecs.testkit.TypicalRecords;

/**
 * The findings output of {@code check} per typical record, as the CLI's workers render it (one
 * subject's findings to the UTF-8 bytes the ordered stage writes), before and after issue 19's
 * second output pass, in one JVM: "before" is the rendering as it was (CSV cells into a {@link
 * StringBuilder}, then {@code toString()} and {@code getBytes}; NDJSON through a generator over a
 * {@link java.io.StringWriter}, then {@code getBytes}), "after" {@link FindingBytes}. Thread CPU
 * time and allocated bytes per record, median of 15 rounds after warm-up, over the same pool of
 * generated records as {@link StageCpu} (seed 42); and the output bytes per record.
 *
 * <pre>java -cp spec-bench/target/benchmarks.jar org.perfspecs.cli.OutputCpu [pool-size] [warm-up-rounds]</pre>
 */
public final class OutputCpu {
  private OutputCpu() {}

  interface Stage {
    int run(List<Finding> findings);
  }

  public static void main(String[] args) throws IOException {
    int pool = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    GenerateRecords.write(pool, 42, bytes);
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    Engine engine = Engine.standard();
    EvaluationContext ctx = EvaluationContext.asOf(TypicalRecords.AS_OF);
    List<List<Finding>> findings = new ArrayList<>();
    for (String line : lines) {
      findings.add(engine.evaluate((CaseRecord) ModelJson.reader(CaseRecord.class).readValue(line), ctx));
    }
    Set<Outcome> all = EnumSet.allOf(Outcome.class);
    System.out.printf("pool %d records, %.1f findings each, %s, %s%n", findings.size(),
        findings.stream().mapToInt(List::size).average().orElse(0), System.getProperty("java.vm.name"),
        System.getProperty("java.version"));
    System.out.printf("%-40s %12s %12s %12s%n", "stage", "cpu us/rec", "B alloc/rec", "B out/rec");
    for (boolean withText : new boolean[] {false, true}) {
      FindingBytes after = new FindingBytes(all, withText);
      String with = withText ? ", --with-citations" : "";
      for (List<Finding> f : findings) { // the same bytes, or the comparison means nothing
        if (!Arrays.equals(csvBefore(f, all, withText), after.csv(f).toByteArray())
            || !Arrays.equals(jsonBefore(f, all, withText), after.json(f).toByteArray())) {
          throw new IllegalStateException("the renderings differ");
        }
      }
      stage("CSV, before (builder, string, bytes)" + with, findings, warmup, f -> csvBefore(f, all, withText).length);
      stage("CSV, after (FindingBytes)" + with, findings, warmup, f -> after.csv(f).length());
      stage("JSON, before (StringWriter, bytes)" + with, findings, warmup, f -> jsonBefore(f, all, withText).length);
      stage("JSON, after (FindingBytes)" + with, findings, warmup, f -> after.json(f).length());
    }
  }

  /** {@code check --format csv}'s rendering of a subject before the second output pass. */
  static byte[] csvBefore(List<Finding> findings, Set<Outcome> only, boolean withText) {
    StringBuilder b = new StringBuilder(findings.size() * 512);
    for (Finding f : findings) {
      if (only.contains(f.outcome())) {
        FindingOutput.csv(b, f, withText);
        b.append(System.lineSeparator());
      }
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** {@code check --format json}'s rendering of a subject before the second output pass. */
  static byte[] jsonBefore(List<Finding> findings, Set<Outcome> only, boolean withText) {
    return FindingOutput.jsonLines(findings, only, withText).getBytes(StandardCharsets.UTF_8);
  }

  private static void stage(String name, List<List<Finding>> pool, int warmup, Stage stage) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long self = Thread.currentThread().getId();
    long out = 0;
    for (int w = 0; w < warmup; w++) {
      for (List<Finding> f : pool) {
        out += stage.run(f);
      }
    }
    double[] cpu = new double[15];
    double[] alloc = new double[15];
    out = 0;
    for (int round = 0; round < cpu.length; round++) {
      long b0 = threads.getThreadAllocatedBytes(self);
      long c0 = threads.getCurrentThreadCpuTime();
      for (List<Finding> f : pool) {
        out += stage.run(f);
      }
      cpu[round] = (threads.getCurrentThreadCpuTime() - c0) / 1e3 / pool.size();
      alloc[round] = (threads.getThreadAllocatedBytes(self) - b0) / (double) pool.size();
    }
    Arrays.sort(cpu);
    Arrays.sort(alloc);
    System.out.printf("%-40s %12.1f %12.0f %12.0f%n", name, cpu[cpu.length / 2], alloc[alloc.length / 2],
        out / (double) cpu.length / pool.size());
  }
}

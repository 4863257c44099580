package org.perfspecs.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ModelJson;
import org.perfspecs.model.ModelValidator;
import org.perfspecs.model.Validated;
import org.perfspecs.testkit.GenerateRecords;

/**
 * The cost of binding one typical record, load-robust: thread CPU time and allocated bytes per
 * record, over the pool of generated records {@code StageCpu} uses (seed 42, the five services in
 * turn), from the line's bytes. Stages: Jackson's tokens only (the floor); Jackson databind
 * ({@code ModelJson.reader}, the reference binding); {@code ModelJson.read(byte[], Class)} (the
 * fast binding, where this version of the library has it, else databind again); validation of
 * the bound record ({@code ModelValidator.create()}); and the whole read as the CLI does it
 * ({@code ModelValidator.create().parse(byte[], Class)}). Each stage: warm-up rounds, then
 * 15 rounds in which the stages take turns (so that load drifts hit them alike); the median
 * round of each is printed. Reached by reflection where a method is newer than a version to
 * compare with, so the same class runs against older jars.
 *
 * <pre>java -cp spec-bench/target/benchmarks.jar org.perfspecs.bench.BindCpu [pool-size] [warm-up-rounds]</pre>
 */
public final class BindCpu {
  private BindCpu() {}

  interface Stage {
    long run(int i) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    int pool = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GenerateRecords.write(pool, 42, out);
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    byte[][] raw = new byte[lines.length][];
    long total = 0;
    for (int i = 0; i < lines.length; i++) {
      raw[i] = lines[i].getBytes(StandardCharsets.UTF_8);
      total += raw[i].length;
    }
    JsonFactory factory = new JsonFactory();
    ObjectReader databind = ModelJson.reader(CaseRecord.class);
    ModelValidator validator = ModelValidator.create();
    Method fast = fastRead();
    Method parseBytes = parseBytes();
    CaseRecord[] records = new CaseRecord[lines.length];
    for (int i = 0; i < lines.length; i++) {
      records[i] = databind.readValue(raw[i]);
      if (fast != null && !fast.invoke(null, raw[i], CaseRecord.class).equals(records[i])) {
        throw new IllegalStateException("the two bindings differ on record " + i);
      }
    }
    String[] names = {"tokens only (Jackson, bytes)", "bind, databind (ModelJson.reader)",
        fast != null ? "bind, ModelJson.read (fast)" : "bind, ModelJson.read (absent: databind)",
        "validate (ModelValidator.create)", "read = parse(byte[]) + validate"};
    Stage[] stages = {
        i -> {
          long n = 0;
          try (JsonParser p = factory.createParser(raw[i])) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
              n++;
            }
          }
          return n;
        },
        i -> ((CaseRecord) databind.readValue(raw[i])).episode().contacts().size(),
        fast != null
            ? i -> ((CaseRecord) fast.invoke(null, raw[i], CaseRecord.class)).episode().contacts().size()
            : i -> ((CaseRecord) databind.readValue(raw[i])).episode().contacts().size(),
        i -> validator.validate(records[i]).size(),
        parseBytes != null
            ? i -> ((Validated<?>) parseBytes.invoke(validator, raw[i], CaseRecord.class)).violations().size()
            : i -> validator.parse(new String(raw[i], StandardCharsets.ISO_8859_1), CaseRecord.class).violations().size()
    };
    System.out.printf("pool %d records, %.1f KB each on average, %s %s%n", lines.length,
        total / 1024.0 / lines.length, System.getProperty("java.vm.name"), System.getProperty("java.version"));
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long self = Thread.currentThread().getId();
    long sink = 0;
    for (Stage stage : stages) {
      for (int w = 0; w < warmup; w++) {
        for (int i = 0; i < lines.length; i++) {
          sink += stage.run(i);
        }
      }
    }
    int rounds = 15;
    double[][] cpu = new double[stages.length][rounds];
    double[][] alloc = new double[stages.length][rounds];
    for (int round = 0; round < rounds; round++) {
      for (int s = 0; s < stages.length; s++) {
        long b0 = threads.getThreadAllocatedBytes(self);
        long c0 = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < lines.length; i++) {
          sink += stages[s].run(i);
        }
        cpu[s][round] = (threads.getCurrentThreadCpuTime() - c0) / 1e3 / lines.length;
        alloc[s][round] = (threads.getThreadAllocatedBytes(self) - b0) / (double) lines.length;
      }
    }
    System.out.printf("%-40s %12s %12s%n", "stage", "cpu us/rec", "B/rec");
    for (int s = 0; s < stages.length; s++) {
      Arrays.sort(cpu[s]);
      Arrays.sort(alloc[s]);
      System.out.printf("%-40s %12.1f %12.0f%n", names[s], cpu[s][rounds / 2], alloc[s][rounds / 2]);
    }
    System.out.println(sink == 42 ? " " : "");
  }

  /** {@code ModelJson.read(byte[], Class)}, where this version of the library has it. */
  private static Method fastRead() {
    try {
      return ModelJson.class.getMethod("read", byte[].class, Class.class);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /** {@code ModelValidator.parse(byte[], Class)}, where this version of the library has it. */
  private static Method parseBytes() {
    try {
      return ModelValidator.class.getMethod("parse", byte[].class, Class.class);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }
}

package org.perfspecs.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.engine.Aggregate;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ModelJson;
import org.perfspecs.model.ModelValidator;
import org.perfspecs.testkit.GenerateRecords;
import org.perfspecs.testkit.TypicalRecords;

/**
 * The per-stage cost of one typical record (issue 19's table), load-robust: thread CPU time and
 * allocated bytes per record for each stage of {@code perfspecs check}, measured stage by stage
 * over the same pool of generated records (seed 42, the five services in turn). Per stage: warm-up,
 * then 15 rounds over the pool; prints the median round. In the package of the CLI to reach its
 * findings writers ({@link FindingOutput}).
 *
 * <pre>java -cp spec-bench/target/benchmarks.jar org.perfspecs.cli.StageCpu [pool-size] [warm-up-rounds]</pre>
 */
public final class StageCpu {
  private StageCpu() {}

  interface Stage {
    long run(int i) throws IOException;
  }

  public static void main(String[] args) throws IOException {
    int pool = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    GenerateRecords.write(pool, 42, bytes);
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    byte[][] raw = new byte[lines.length][];
    for (int i = 0; i < lines.length; i++) {
      raw[i] = lines[i].getBytes(StandardCharsets.UTF_8);
    }
    Engine engine = Engine.standard();
    EvaluationContext ctx = EvaluationContext.asOf(TypicalRecords.AS_OF);
    ModelValidator validator = ModelValidator.create();
    ModelValidator reference = hibernate();
    ObjectReader bind = ModelJson.reader(CaseRecord.class);
    JsonFactory factory = new JsonFactory();
    CaseRecord[] records = new CaseRecord[lines.length];
    List<List<Finding>> findings = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      records[i] = bind.readValue(lines[i]);
      findings.add(engine.evaluate(records[i], ctx));
    }
    Aggregate aggregate = new Aggregate(engine.catalog());
    Writer nowhere = Writer.nullWriter();
    JsonGenerator g = FindingOutput.ndjson(nowhere);
    long totalBytes = 0;
    for (byte[] r : raw) {
      totalBytes += r.length;
    }
    System.out.printf("pool %d records, %.1f KB each on average, %s, %s%n", lines.length,
        totalBytes / 1024.0 / lines.length, System.getProperty("java.vm.name"), System.getProperty("java.version"));
    System.out.printf("%-34s %12s %12s%n", "stage", "cpu us/rec", "B/rec");
    stage("tokens only (Jackson, bytes)", lines.length, warmup, i -> {
      long n = 0;
      try (JsonParser p = factory.createParser(raw[i])) {
        for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
          n++;
        }
      }
      return n;
    });
    stage("bind (ModelJson, from the line)", lines.length, warmup,
        i -> ((CaseRecord) bind.readValue(lines[i])).episode().contacts().size());
    ObjectReader blackbird = ModelJson.newMapper()
        .registerModule(new com.fasterxml.jackson.module.blackbird.BlackbirdModule()).readerFor(CaseRecord.class);
    stage("bind, with Blackbird", lines.length, warmup,
        i -> ((CaseRecord) blackbird.readValue(lines[i])).episode().contacts().size());
    stage("validate (ModelValidator)", lines.length, warmup, i -> validator.validate(records[i]).size());
    if (reference != null) {
      stage("validate (Hibernate Validator)", lines.length, warmup, i -> reference.validate(records[i]).size());
    }
    java.lang.reflect.Method fromBytes = parseBytes();
    stage("read = decode + parse + validate", lines.length, warmup, i -> {
      // as the CLI's RecordReader reads a line: from its bytes where the library can, else decoded first
      if (fromBytes != null) {
        try {
          return ((org.perfspecs.model.Validated<?>) fromBytes.invoke(validator, raw[i], CaseRecord.class)).violations().size();
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
      return validator.parse(new String(raw[i], StandardCharsets.ISO_8859_1), CaseRecord.class).violations().size();
    });
    stage("evaluate (Engine)", lines.length, warmup, i -> engine.evaluate(records[i], ctx).size());
    stage("aggregate", lines.length, warmup, i -> {
      aggregate.add(records[i], findings.get(i));
      return 1;
    });
    stage("findings JSON (FindingJson)", lines.length, warmup, i -> {
      for (Finding f : findings.get(i)) {
        FindingOutput.json(g, f, false);
      }
      g.flush();
      return 1;
    });
    stage("findings CSV", lines.length, warmup, i -> {
      for (Finding f : findings.get(i)) {
        nowhere.write(FindingOutput.csv(f, false));
        nowhere.write('\n');
      }
      return 1;
    });
  }

  /**
   * {@code ModelValidator.hibernate()}, the reference validator, where this version of the library
   * has it (reached by reflection, so that the harness also runs against versions without it).
   */
  private static ModelValidator hibernate() {
    try {
      return (ModelValidator) ModelValidator.class.getMethod("hibernate").invoke(null);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  /** {@code ModelValidator.parse(byte[], Class)}, where this version of the library has it. */
  private static java.lang.reflect.Method parseBytes() {
    try {
      return ModelValidator.class.getMethod("parse", byte[].class, Class.class);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static void stage(String name, int n, int warmup, Stage stage) throws IOException {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long self = Thread.currentThread().getId();
    long sink = 0;
    for (int w = 0; w < warmup; w++) {
      for (int i = 0; i < n; i++) {
        sink += stage.run(i);
      }
    }
    double[] cpu = new double[15];
    double[] alloc = new double[15];
    for (int round = 0; round < cpu.length; round++) {
      long b0 = threads.getThreadAllocatedBytes(self);
      long c0 = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < n; i++) {
        sink += stage.run(i);
      }
      cpu[round] = (threads.getCurrentThreadCpuTime() - c0) / 1e3 / n;
      alloc[round] = (threads.getThreadAllocatedBytes(self) - b0) / (double) n;
    }
    Arrays.sort(cpu);
    Arrays.sort(alloc);
    System.out.printf("%-34s %12.1f %12.0f%s%n", name, cpu[cpu.length / 2], alloc[alloc.length / 2],
        sink == 42 ? " " : "");
  }
}

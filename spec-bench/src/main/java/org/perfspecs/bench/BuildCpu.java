package org.perfspecs.bench;

import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ModelJson;
import org.perfspecs.model.ModelValidator;
import org.perfspecs.testkit.TypicalRecords;

/**
 * The load-robust companion of {@link BuildBenchmark}: the thread's CPU time per typical record
 * (median of 15 rounds of 200 records, after warm-up) to bind its JSON through the builders, which
 * enforce the model's rules; to bind it with those rules suspended (the package-private switch
 * {@code ModelValidator} uses, reached by reflection: in the same rounds, so the difference is
 * what the rules cost under the same load); and to run Hibernate Validator over the record.
 *
 * <pre>java -cp spec-bench/target/benchmarks.jar org.perfspecs.bench.BuildCpu</pre>
 */
public final class BuildCpu {
  private static final int POOL = 16;
  private static final int PER_ROUND = 200;

  private BuildCpu() {}

  public static void main(String[] args) throws IOException {
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    ObjectReader reader = ModelJson.reader(CaseRecord.class);
    ModelValidator validator = ModelValidator.hibernate(); // Hibernate Validator, as this harness measured it
    CaseRecord[] records = new CaseRecord[POOL];
    String[] json = new String[POOL];
    for (int i = 0; i < POOL; i++) {
      records[i] = TypicalRecords.record(42, i);
      json[i] = ModelJson.toJson(records[i]);
    }
    java.lang.reflect.Method unchecked;
    try {
      unchecked = Class.forName("org.perfspecs.model.ModelRules")
          .getDeclaredMethod("unchecked", java.util.concurrent.Callable.class);
      unchecked.setAccessible(true);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("this build has no ModelRules", e);
    }
    long sink = 0;
    for (int w = 0; w < 10; w++) {
      for (int i = 0; i < PER_ROUND; i++) {
        sink += ((CaseRecord) reader.readValue(json[i % POOL])).episode().contacts().size();
        sink += validator.validate(records[i % POOL]).size();
      }
    }
    double[] bind = new double[15];
    double[] bare = new double[15];
    double[] hv = new double[15];
    for (int round = 0; round < bind.length; round++) {
      long c0 = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < PER_ROUND; i++) {
        sink += ((CaseRecord) reader.readValue(json[i % POOL])).episode().contacts().size();
      }
      long c1 = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < PER_ROUND; i++) {
        sink += validator.validate(records[i % POOL]).size();
      }
      long c2 = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < PER_ROUND; i++) {
        String text = json[i % POOL];
        try {
          sink += ((CaseRecord) unchecked.invoke(null, (java.util.concurrent.Callable<CaseRecord>)
              () -> reader.readValue(text))).episode().contacts().size();
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
      long c3 = threads.getCurrentThreadCpuTime();
      bind[round] = (c1 - c0) / 1e3 / PER_ROUND;
      hv[round] = (c2 - c1) / 1e3 / PER_ROUND;
      bare[round] = (c3 - c2) / 1e3 / PER_ROUND;
    }
    Arrays.sort(bind);
    Arrays.sort(bare);
    Arrays.sort(hv);
    System.out.printf("bind (JSON through the builders) %8.1f cpu us/record%n", bind[bind.length / 2]);
    System.out.printf("bind, the rules suspended        %8.1f cpu us/record%n", bare[bare.length / 2]);
    System.out.printf("hibernateValidator               %8.1f cpu us/record%n", hv[hv.length / 2]);
    if (sink == 42) {
      System.out.println();
    }
  }
}

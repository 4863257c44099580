package org.perfspecs.fhir;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.engine.Engine;

/**
 * Reads (and evaluates) a bulk-data export in a JVM of its own, for {@link BulkMemoryTest} and the
 * benchmark: {@code BulkMemoryRun DIR CHUNK_CHARS [parse-only]}. Prints {@code records=N
 * rejected=N resources=N findings=N peakHeapMiB=N seconds=S}.
 */
public final class BulkMemoryRun {
  private BulkMemoryRun() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    long chunk = Long.parseLong(args[1]);
    long started = System.nanoTime();
    long records = 0;
    long rejected = 0;
    long findings = 0;
    Engine engine = Engine.standard();
    EvaluationContext ctx = EvaluationContext.asOf(Instant.parse("2024-06-03T16:00:00Z"));
    long resources;
    try (BulkExportSource source = new BulkExportSource(dir, FhirCaseRecords.validator(), chunk)) {
      for (Optional<FhirReadResult> r = source.next(); r.isPresent(); r = source.next()) {
        for (var record : r.get().records()) {
          records++;
          findings += engine.evaluate(record, ctx).size();
        }
        rejected += r.get().recordsRejected();
      }
      resources = source.summary().resourcesRead();
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(java.util.Locale.ROOT, "records=%d rejected=%d resources=%d findings=%d peakHeapMiB=%d seconds=%.1f%n",
        records, rejected, resources, findings, peak >> 20, (System.nanoTime() - started) / 1e9);
  }
}

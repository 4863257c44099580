package org.perfspecs.fhir;

import ca.uhn.fhir.parser.IParser;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.engine.Engine;

/**
 * The timed run behind BENCHMARKS.md's FHIR figures, in one process: {@code BulkBenchmark DIR
 * COPIES} writes a bulk export of the samples copied COPIES times (unless DIR has one), then times
 * a HAPI parse-only pass over every line (the floor) and the full read and check (grouping per
 * patient, mapping, validation, evaluation), and prints both with their ratio.
 */
public final class BulkBenchmark {
  private BulkBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int copies = Integer.parseInt(args[1]);
    if (!Files.exists(dir.resolve("Patient.ndjson"))) {
      long t = System.nanoTime();
      long n = BulkFixture.write(dir, copies);
      System.out.printf(java.util.Locale.ROOT, "wrote %d resources in %.1f s%n", n, (System.nanoTime() - t) / 1e9);
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".ndjson")).sorted().toList();
    }
    long bytes = files.stream().mapToLong(p -> p.toFile().length()).sum();
    // warm-up: the context and the engine
    Fhir.context();
    Engine engine = Engine.standard();

    long t0 = System.nanoTime();
    long parsed = 0;
    IParser parser = Fhir.jsonParser();
    for (Path f : files) {
      try (BufferedReader in = Files.newBufferedReader(f)) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          if (!line.isBlank()) {
            parser.parseResource(line);
            parsed++;
          }
        }
      }
    }
    double parseOnly = (System.nanoTime() - t0) / 1e9;

    long t1 = System.nanoTime();
    long records = 0;
    long findings = 0;
    EvaluationContext ctx = EvaluationContext.asOf(Instant.parse("2024-06-03T16:00:00Z"));
    FhirReadSummary summary;
    try (FhirSource source = FhirSources.open(dir)) {
      for (Optional<FhirReadResult> r = source.next(); r.isPresent(); r = source.next()) {
        for (var record : r.get().records()) {
          records++;
          findings += engine.evaluate(record, ctx).size();
        }
      }
      summary = source.summary();
    }
    double check = (System.nanoTime() - t1) / 1e9;
    Runtime rt = Runtime.getRuntime();
    System.out.printf(java.util.Locale.ROOT,
        "files=%d bytes=%d resources=%d (read %d) records=%d findings=%d maxHeapMiB=%d%n"
            + "parse-only: %.1f s, %.0f resources/s%n"
            + "check:      %.1f s, %.0f resources/s, %.0f records/s%n"
            + "check / parse-only time: %.2f%n",
        files.size(), bytes, parsed, summary.resourcesRead(), records, findings, rt.maxMemory() >> 20,
        parseOnly, parsed / parseOnly, check, summary.resourcesRead() / check, records / check, check / parseOnly);
  }
}

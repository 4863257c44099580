package org.perfspecs.fhir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The timed run behind BENCHMARKS.md's "Placing bulk-export lines": {@code PlacementTiming DIR
 * COPIES ROUNDS} writes a bulk export of the samples copied COPIES times (unless DIR has one), reads
 * its lines into memory, then places every line with the streaming scan ({@link
 * BulkExportLines#place}) and with the former JSON tree ({@link PlacementScanProperties#byTree}),
 * alternating, ROUNDS times each, and prints each pass and the ratio of the medians.
 */
public final class PlacementTiming {
  private PlacementTiming() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int copies = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    if (!Files.exists(dir.resolve("Patient.ndjson"))) {
      BulkFixture.write(dir, copies);
    }
    List<BulkExportLines.Line> lines = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".ndjson")).sorted().toList()) {
        List<String> text = Files.readAllLines(f);
        for (int i = 0; i < text.size(); i++) {
          if (!text.get(i).isBlank()) {
            lines.add(new BulkExportLines.Line(f.getFileName().toString(), i + 1, text.get(i)));
          }
        }
      }
    }
    long bytes = lines.stream().mapToLong(l -> l.text().length()).sum();
    System.out.printf(Locale.ROOT, "%d lines, %.1f MB%n", lines.size(), bytes / 1e6);
    double[] scan = new double[rounds];
    double[] tree = new double[rounds];
    long check = 0;
    for (int r = -1; r < rounds; r++) { // round -1 warms both up
      long t = System.nanoTime();
      for (BulkExportLines.Line l : lines) {
        check += BulkExportLines.place(l).key().length();
      }
      double a = (System.nanoTime() - t) / 1e9;
      t = System.nanoTime();
      for (BulkExportLines.Line l : lines) {
        check -= PlacementScanProperties.byTree(l).key().length();
      }
      double b = (System.nanoTime() - t) / 1e9;
      if (r >= 0) {
        scan[r] = a;
        tree[r] = b;
        System.out.printf(Locale.ROOT, "round %d: scan %.3f s, tree %.3f s%n", r + 1, a, b);
      }
    }
    if (check != 0) {
      throw new IllegalStateException("the two placements differ");
    }
    java.util.Arrays.sort(scan);
    java.util.Arrays.sort(tree);
    double ms = scan[rounds / 2];
    double mt = tree[rounds / 2];
    System.out.printf(Locale.ROOT, "median: scan %.3f s (%.0f lines/s), tree %.3f s (%.0f lines/s), tree/scan %.2f%n",
        ms, lines.size() / ms, mt, lines.size() / mt, mt / ms);
  }
}

package org.perfspecs.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bulk-data export three times larger than the heap of a forked JVM is read and evaluated in it:
 * the grouping per patient spills to disk instead of holding the export.
 */
class BulkMemoryTest {
  static final int HEAP_MIB = 64;
  static final int COPIES = 360; // 19 records and ~600 KB of FHIR JSON per copy: ~210 MiB

  @TempDir
  Path dir;

  @Test
  void anExportThreeTimesTheHeapIsReadInAForkedJvm() throws IOException, InterruptedException {
    Path export = dir.resolve("export");
    long resources = BulkFixture.write(export, COPIES);
    long bytes;
    try (Stream<Path> files = Files.list(export)) {
      bytes = files.mapToLong(p -> p.toFile().length()).sum();
    }
    assertThat(bytes).isGreaterThan(3L * HEAP_MIB * 1024 * 1024);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx" + HEAP_MIB + "m", "-XX:+UseSerialGC",
        "-Djava.io.tmpdir=" + dir, "-cp", System.getProperty("java.class.path"),
        BulkMemoryRun.class.getName(), export.toString(), String.valueOf(4L * 1024 * 1024))
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(output).isZero();
    List<String> last = output.lines().filter(l -> l.startsWith("records=")).toList();
    assertThat(last).as(output).hasSize(1);
    assertThat(last.get(0)).contains("records=" + (19L * COPIES) + " ", "rejected=0 ", "resources=" + resources + " ");
    // the spill files are gone
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.filter(f -> f.getFileName().toString().startsWith("perfspecs-fhir-"))).isEmpty();
    }
  }
}

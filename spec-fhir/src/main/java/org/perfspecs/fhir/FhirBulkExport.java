package org.perfspecs.fhir;

import ca.uhn.fhir.parser.IParser;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;
import org.hl7.fhir.r4.model.Bundle;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Program;

/**
 * Writes case records as a bulk-data export directory: one {@code <ResourceType>.ndjson} per
 * resource type, one resource per line (the resources of {@link FhirCaseRecords#toBundle}). Files
 * are written as records come, one open writer per resource type: memory does not grow with the
 * records. A member with several records has her Patient written once per record; the reader maps
 * one Patient per id. Not thread-safe; close it to flush.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class FhirBulkExport implements AutoCloseable {
  private final Path dir;
  private final Map<String, Writer> writers = new LinkedHashMap<>();
  private final IParser parser = Fhir.jsonParser();
  private long resources;

  private FhirBulkExport(Path dir) {
    this.dir = dir;
  }

  /**
   * An export into {@code dir} (created if missing; existing {@code .ndjson} files of the same
   * types are replaced).
   *
   * @throws IOException if the directory cannot be created
   */
  public static FhirBulkExport into(Path dir) throws IOException {
    Files.createDirectories(dir);
    return new FhirBulkExport(dir);
  }

  /** Appends the resources of {@code record}. */
  public void add(CaseRecord record) throws IOException {
    add(FhirCaseRecords.toBundle(record));
  }

  /** Appends the resources of {@code program} ({@link FhirPrograms#toBundle(Program)}). */
  public void add(Program program) throws IOException {
    add(FhirPrograms.toBundle(program));
  }

  /** Appends the resources of {@code bundle}, each to its type's file. */
  public void add(Bundle bundle) throws IOException {
    for (var entry : bundle.getEntry()) {
      var r = entry.getResource();
      Writer w = writers.get(r.fhirType());
      if (w == null) {
        w = new BufferedWriter(Files.newBufferedWriter(dir.resolve(r.fhirType() + ".ndjson"), StandardCharsets.UTF_8),
            1 << 16);
        writers.put(r.fhirType(), w);
      }
      w.write(parser.encodeResourceToString(r));
      w.write('\n');
      resources++;
    }
  }

  /** Resources written so far. */
  public long resources() {
    return resources;
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (Writer w : writers.values()) {
      try {
        w.close();
      } catch (IOException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

}

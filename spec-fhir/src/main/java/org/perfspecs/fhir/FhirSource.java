package org.perfspecs.fhir;

import java.io.Closeable;
import java.io.IOException;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * FHIR input read one unit at a time: one Bundle (a file, or a line of an NDJSON of Bundles), or
 * one patient's resources of a bulk-data export. Each {@link #next()} gives that unit's records,
 * members and problems (located by file, line and FHIRPath); {@link #summary()} counts every
 * resource read so far. Memory holds one unit at a time (see {@link FhirSources} for the bound of
 * a bulk export). Not thread-safe; close it to delete its spill files.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public interface FhirSource extends Closeable {
  /**
   * The next unit, or empty at the end.
   *
   * @throws IOException if a file cannot be read (a malformed line is a problem in the result, not an exception)
   */
  Optional<FhirReadResult> next() throws IOException;

  /** What happened to every resource read so far. */
  FhirReadSummary summary();
}

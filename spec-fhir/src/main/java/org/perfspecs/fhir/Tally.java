package org.perfspecs.fhir;

import java.util.HashMap;
import java.util.Map;

/** The mutable counts behind a {@link FhirReadSummary}; one per reader, not thread-safe. */
final class Tally {
  final Map<String, Long> used = new HashMap<>();
  final Map<String, Long> ignored = new HashMap<>();
  final Map<String, Long> rejected = new HashMap<>();
  final Map<String, Long> unmapped = new HashMap<>();
  long linesRejected;

  void used(String type) {
    used.merge(type, 1L, Long::sum);
  }

  void ignored(String type) {
    ignored.merge(type, 1L, Long::sum);
  }

  void rejected(String type) {
    rejected.merge(type, 1L, Long::sum);
  }

  void unmapped(String system) {
    unmapped.merge(system == null ? "(no system)" : system, 1L, Long::sum);
  }

  void add(Tally other) {
    other.used.forEach((k, v) -> used.merge(k, v, Long::sum));
    other.ignored.forEach((k, v) -> ignored.merge(k, v, Long::sum));
    other.rejected.forEach((k, v) -> rejected.merge(k, v, Long::sum));
    other.unmapped.forEach((k, v) -> unmapped.merge(k, v, Long::sum));
    linesRejected += other.linesRejected;
  }

  FhirReadSummary snapshot() {
    return new FhirReadSummary(used, ignored, rejected, unmapped, linesRejected);
  }
}

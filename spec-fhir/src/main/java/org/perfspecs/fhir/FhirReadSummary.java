package org.perfspecs.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * What a read did with every resource: counts per resource type of those <b>used</b> (mapped into a
 * record or a member), <b>ignored</b> (a type, or a resource, the mapping does not need: counted by
 * type) and <b>rejected</b> (malformed, or part of a record that failed validation); the codes that
 * could not be mapped, counted per code system; and the resource kinds the mapping reads that the
 * input did not contain at all (Synthea writes no EpisodeOfCare, Appointment or Communication).
 *
 * <p>Every resource read is in exactly one of used, ignored and rejected. Immutable; maps sorted
 * by key.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class FhirReadSummary {
  /** The resource kinds the mapping reads (MAPPING.md): absent ones are reported by {@link #absentKinds()}. */
  public static final List<String> MAPPED_KINDS = List.of("Patient", "Coverage", "Observation", "EpisodeOfCare",
      "ServiceRequest", "Task", "Encounter", "Communication", "Appointment", "CarePlan", "Goal", "Composition",
      "DocumentReference", "Consent", "AdverseEvent", "Procedure", "CareTeam", "PractitionerRole", "Practitioner", "Organization",
      "HealthcareService", "Location");

  private final SortedMap<String, Long> used;
  private final SortedMap<String, Long> ignored;
  private final SortedMap<String, Long> rejected;
  private final SortedMap<String, Long> unmappedCodes;
  private final long linesRejected;

  FhirReadSummary(Map<String, Long> used, Map<String, Long> ignored, Map<String, Long> rejected,
      Map<String, Long> unmappedCodes, long linesRejected) {
    this.used = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(used));
    this.ignored = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(ignored));
    this.rejected = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(rejected));
    this.unmappedCodes = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(unmappedCodes));
    this.linesRejected = linesRejected;
  }

  /** Resources used, per resource type. */
  public SortedMap<String, Long> used() {
    return used;
  }

  /** Resources ignored (not needed by the mapping), per resource type. */
  public SortedMap<String, Long> ignored() {
    return ignored;
  }

  /** Resources rejected, per resource type ({@code unknown} when not even the type could be read). */
  public SortedMap<String, Long> rejected() {
    return rejected;
  }

  /** Codes that could not be mapped, counted per code system URL ({@code (no system)} for codings without one). */
  public SortedMap<String, Long> unmappedCodes() {
    return unmappedCodes;
  }

  /** Lines (or Bundles) that could not be read at all. */
  public long linesRejected() {
    return linesRejected;
  }

  /** Total resources read: used + ignored + rejected. */
  public long resourcesRead() {
    return sum(used) + sum(ignored) + sum(rejected);
  }

  /** The kinds of {@link #MAPPED_KINDS} of which the input held no resource at all, in that order. */
  public List<String> absentKinds() {
    Set<String> seen = new TreeSet<>();
    seen.addAll(used.keySet());
    seen.addAll(ignored.keySet());
    seen.addAll(rejected.keySet());
    List<String> absent = new ArrayList<>();
    for (String kind : MAPPED_KINDS) {
      if (!seen.contains(kind)) {
        absent.add(kind);
      }
    }
    return absent;
  }

  private static long sum(Map<String, Long> m) {
    return m.values().stream().mapToLong(Long::longValue).sum();
  }

  /** A few lines for a person: totals, per type, unmapped codes, absent kinds. */
  public List<String> describe() {
    List<String> out = new ArrayList<>();
    out.add("FHIR resources read: " + resourcesRead() + " (used " + sum(used) + ", ignored " + sum(ignored)
        + ", rejected " + sum(rejected) + ")" + (linesRejected > 0 ? "; lines or bundles rejected: " + linesRejected : ""));
    if (!used.isEmpty()) {
      out.add("  used: " + used);
    }
    if (!ignored.isEmpty()) {
      out.add("  ignored: " + ignored);
    }
    if (!rejected.isEmpty()) {
      out.add("  rejected: " + rejected);
    }
    if (!unmappedCodes.isEmpty()) {
      out.add("  unmapped codes by system: " + unmappedCodes);
    }
    List<String> absent = absentKinds();
    if (!absent.isEmpty()) {
      out.add("  absent (no resource of these kinds in the input): " + String.join(", ", absent));
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FhirReadSummary s && s.used.equals(used) && s.ignored.equals(ignored)
        && s.rejected.equals(rejected) && s.unmappedCodes.equals(unmappedCodes) && s.linesRejected == linesRejected;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(used, ignored, rejected, unmappedCodes, linesRejected);
  }

  @Override
  public String toString() {
    return String.join("\n", describe());
  }
}

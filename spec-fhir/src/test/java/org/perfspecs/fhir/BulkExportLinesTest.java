package org.perfspecs.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfspecs.fhir.BulkExportLines.Kind;
import org.perfspecs.fhir.BulkExportLines.Line;
import org.perfspecs.model.CaseRecord;

/**
 * The public placement and per-patient mapping of bulk-export lines: each rule of {@link
 * BulkExportLines#place}, and a grouping done outside spec-fhir (here: a map by patient) giving the
 * records, rejections and programs the command line's on-disk sort gives.
 */
class BulkExportLinesTest {
  @TempDir
  Path dir;

  private static BulkExportLines.Placement place(String file, String text) {
    return BulkExportLines.place(new Line(file, 1, text));
  }

  @Test
  void eachLineGoesWhereTheCommandLineSendsIt() {
    assertThat(place("Patient.ndjson", "{\"resourceType\":\"Patient\",\"id\":\"p1\"}"))
        .isEqualTo(new BulkExportLines.Placement(Kind.PATIENT, "p1", null));
    assertThat(place("Encounter.ndjson", "{\"resourceType\":\"Encounter\",\"subject\":{\"reference\":\"Patient/p2\"}}")
        .key()).isEqualTo("p2");
    assertThat(place("Coverage.ndjson", "{\"resourceType\":\"Coverage\",\"beneficiary\":{\"reference\":"
        + "\"https://x.org/fhir/Patient/p3/_history/2\"}}").key()).isEqualTo("p3");
    assertThat(place("Appointment.ndjson", "{\"resourceType\":\"Appointment\",\"participant\":[{\"actor\":"
        + "{\"reference\":\"Practitioner/d\"}},{\"actor\":{\"reference\":\"Patient/p4\"}}]}").key()).isEqualTo("p4");
    assertThat(place("Organization.ndjson", "{\"resourceType\":\"Organization\",\"id\":\"o\"}").kind())
        .isEqualTo(Kind.PROGRAM);
    assertThat(place("Medication.ndjson", "{\"resourceType\":\"Medication\",\"id\":\"m\"}"))
        .isEqualTo(new BulkExportLines.Placement(Kind.IGNORED, "Medication", null));
    BulkExportLines.Placement bad = place("Encounter.ndjson", "{\"resourceType\": ");
    assertThat(bad.kind()).isEqualTo(Kind.REJECTED);
    assertThat(bad.problem().toString()).isEqualTo("Encounter.ndjson line 1: Encounter: is not well-formed JSON (ERROR)");
    assertThat(place("Encounter.ndjson", "[1]").problem().message()).isEqualTo("is not a JSON object");
  }

  @Test
  void patientsGroupedOutsideSpecFhirGiveTheSortedReadersResults() throws IOException {
    Path export = dir.resolve("export");
    try (FhirBulkExport out = FhirBulkExport.into(export)) {
      for (CaseRecord r : Samples.caseRecords()) {
        out.add(r);
      }
    }
    Files.writeString(export.resolve("Encounter.ndjson"), "not json\n", java.nio.file.StandardOpenOption.APPEND);

    // the command line's reader: an on-disk sort
    List<FhirReadResult> sorted = new ArrayList<>();
    try (FhirSource source = FhirSources.open(export)) {
      for (Optional<FhirReadResult> r = source.next(); r.isPresent(); r = source.next()) {
        sorted.add(r.get());
      }
    }
    // the public API: place every line, group by patient in a map, read each patient
    Map<String, List<Line>> patients = new TreeMap<>();
    List<FhirProblem> rejected = new ArrayList<>();
    List<Path> files;
    try (var s = Files.list(export)) {
      files = s.sorted().toList();
    }
    for (Path f : files) {
      List<String> lines = Files.readAllLines(f);
      for (int i = 0; i < lines.size(); i++) {
        Line l = new Line(f.getFileName().toString(), i + 1, lines.get(i));
        BulkExportLines.Placement p = BulkExportLines.place(l);
        if (p.kind() == Kind.PATIENT) {
          patients.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(l);
        } else if (p.kind() == Kind.REJECTED) {
          rejected.add(p.problem());
        }
      }
    }
    List<FhirReadResult> grouped = new ArrayList<>();
    grouped.add(BulkExportLines.readDirectory(List.of(), rejected, Map.of()));
    patients.values().forEach(lines -> grouped.add(BulkExportLines.readPatient(lines)));

    assertThat(grouped).hasSameSizeAs(sorted);
    for (int i = 0; i < sorted.size(); i++) {
      assertThat(grouped.get(i).records()).isEqualTo(sorted.get(i).records());
      assertThat(grouped.get(i).problems()).isEqualTo(sorted.get(i).problems());
      assertThat(grouped.get(i).rejections()).isEqualTo(sorted.get(i).rejections());
      assertThat(grouped.get(i).summary().describe()).isEqualTo(sorted.get(i).summary().describe());
    }
    assertThat(grouped.get(0).rejections()).isEqualTo(1);
    assertThat(grouped.stream().mapToLong(r -> r.records().size()).sum()).isEqualTo(Samples.caseRecords().size());
  }
}

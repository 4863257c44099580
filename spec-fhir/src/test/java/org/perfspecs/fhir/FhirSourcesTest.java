package org.perfspecs.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfspecs.model.CaseRecord;

/** Reading a Bundle file, an NDJSON of Bundles and a bulk-data export directory; bad input rejected alone. */
class FhirSourcesTest {
  @TempDir
  Path dir;

  static List<CaseRecord> readAll(FhirSource source, List<FhirProblem> problems) throws IOException {
    List<CaseRecord> out = new ArrayList<>();
    for (Optional<FhirReadResult> r = source.next(); r.isPresent(); r = source.next()) {
      out.addAll(r.get().records());
      problems.addAll(r.get().problems());
    }
    return out;
  }

  /** The record with its lists of records in id order. */
  static CaseRecord inIdOrder(CaseRecord r) {
    var e = r.episode();
    return CaseRecord.builder().from(r).episode(org.perfspecs.model.Episode.builder().from(e)
        .contacts(e.contacts().stream().sorted(java.util.Comparator.comparing(org.perfspecs.model.Contact::id)).toList())
        .documents(e.documents().stream().sorted(java.util.Comparator.comparing(org.perfspecs.model.Document::id)).toList())
        .consultations(e.consultations().stream().sorted(java.util.Comparator.comparing(org.perfspecs.model.Consultation::id)).toList())
        .appointments(e.appointments().stream().sorted(java.util.Comparator.comparing(org.perfspecs.model.Appointment::id)).toList())
        .referralsMade(e.referralsMade().stream().sorted(java.util.Comparator.comparing(org.perfspecs.model.Referral::id)).toList())
        .incidents(e.incidents().stream().sorted(java.util.Comparator.comparing(org.perfspecs.model.Incident::id)).toList())
        .build()).build();
  }

  @Test
  void anNdjsonOfBundlesReadsEveryRecordInOrder() throws IOException {
    List<CaseRecord> samples = Samples.caseRecords();
    Path file = dir.resolve("bundles.ndjson");
    List<String> lines = new ArrayList<>();
    samples.forEach(r -> lines.add(FhirCaseRecords.toJson(r)));
    Files.write(file, lines, StandardCharsets.UTF_8);
    List<FhirProblem> problems = new ArrayList<>();
    try (FhirSource source = FhirSources.open(file)) {
      assertThat(readAll(source, problems)).isEqualTo(samples);
      assertThat(source.summary().rejected()).isEmpty();
      assertThat(source.summary().ignored()).isEmpty();
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void aBundleFileIsOneUnit() throws IOException {
    CaseRecord record = Samples.caseRecords().get(0);
    Path file = dir.resolve("bundle.json");
    Files.writeString(file, Fhir.jsonParser().setPrettyPrint(true).encodeResourceToString(FhirCaseRecords.toBundle(record)));
    try (FhirSource source = FhirSources.open(file)) {
      assertThat(readAll(source, new ArrayList<>())).containsExactly(record);
    }
  }

  @Test
  void aBadLineOrResourceIsRejectedAloneWithFileLineAndFhirPathNeverItsValue() throws IOException {
    List<CaseRecord> samples = Samples.caseRecords().subList(0, 3);
    List<String> lines = new ArrayList<>();
    lines.add(FhirCaseRecords.toJson(samples.get(0)));
    lines.add("{\"resourceType\": \"Bundle\", \"entry\": [ not json SECRET-NAME");
    // an EpisodeOfCare whose period start is not a dateTime: that resource is rejected, and its record with it
    String broken = FhirCaseRecords.toJson(samples.get(1)).replaceFirst("\"period\":\\{\"start\":\"[^\"]+\"",
        "\"period\":{\"start\":\"SECRET-NAME\"");
    lines.add(broken);
    lines.add(FhirCaseRecords.toJson(samples.get(2)));
    Path file = dir.resolve("mixed.ndjson");
    Files.write(file, lines, StandardCharsets.UTF_8);
    List<FhirProblem> problems = new ArrayList<>();
    try (FhirSource source = FhirSources.open(file)) {
      List<CaseRecord> read = readAll(source, problems);
      assertThat(read).contains(samples.get(0), samples.get(2)).doesNotContain(samples.get(1));
      assertThat(source.summary().linesRejected()).isEqualTo(1);
      assertThat(source.summary().rejected()).containsKey("EpisodeOfCare");
    }
    assertThat(problems).allSatisfy(p -> assertThat(p.toString()).doesNotContain("SECRET"));
    assertThat(problems).anySatisfy(p -> {
      assertThat(p.file()).contains("mixed.ndjson");
      assertThat(p.line()).isEqualTo(2);
      assertThat(p.severity()).isEqualTo(FhirProblem.Severity.ERROR);
    });
    assertThat(problems).anySatisfy(p -> {
      assertThat(p.line()).isEqualTo(3);
      assertThat(p.location()).startsWith("Bundle.entry[").contains(".resource.ofType(EpisodeOfCare)");
    });
  }

  @Test
  void aBulkExportIsGroupedPerPatientInMemoryAndWhenItSpills() throws IOException {
    List<CaseRecord> samples = Samples.caseRecords();
    Path export = dir.resolve("export");
    try (FhirBulkExport out = FhirBulkExport.into(export)) {
      samples.forEach(r -> {
        try {
          out.add(r);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
    assertThat(export.resolve("Patient.ndjson")).exists();
    assertThat(export.resolve("EpisodeOfCare.ndjson")).exists();
    for (long chunk : new long[] {BulkExportSource.DEFAULT_CHUNK_BYTES, 4096}) {
      try (BulkExportSource source = new BulkExportSource(export, FhirCaseRecords.validator(), chunk)) {
        List<FhirProblem> problems = new ArrayList<>();
        List<CaseRecord> read = readAll(source, problems);
        assertThat(problems).isEmpty();
        // grouped by patient id: the same records, in patient order
        // a bulk export has one file per resource type: contacts written as Encounters and as
        // Communications come back in file order (lists "in any order" in the model)
        for (CaseRecord sample : samples) {
          assertThat(read.stream().filter(r -> r.episode().id().equals(sample.episode().id())
              && r.member().id().equals(sample.member().id())).map(FhirSourcesTest::inIdOrder).toList())
              .containsExactly(inIdOrder(sample));
        }
        assertThat(read).hasSameSizeAs(samples);
        assertThat(source.summary().ignored()).isEmpty();
        if (chunk == 4096) {
          assertThat(source.runsWritten()).isGreaterThan(BulkExportSource.FAN_IN);
        } else {
          assertThat(source.runsWritten()).isZero();
        }
      }
    }
  }
}

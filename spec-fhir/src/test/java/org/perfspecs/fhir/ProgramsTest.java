package org.perfspecs.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfspecs.checks.engine.RecordReader;
import org.perfspecs.model.ModelValidator;
import org.perfspecs.model.OpeningHours;
import org.perfspecs.model.Program;
import org.perfspecs.model.ServiceType;
import org.perfspecs.model.StaffMember;
import org.perfspecs.model.StaffRole;

/**
 * Programs from Organization, HealthcareService, Location, PractitionerRole and Practitioner: the
 * bundled program profiles round-trip (what FHIR carries), from a Bundle and from a bulk export,
 * and resources written elsewhere are read as MAPPING.md says.
 */
class ProgramsTest {
  @TempDir Path dir;

  static List<Program> samplePrograms() throws IOException {
    try (InputStream in = ProgramsTest.class.getResourceAsStream("/org/perfspecs/examples/samples/programs.json");
        RecordReader<Program> reader = RecordReader.of(in, Program.class, ModelValidator.create(), 1 << 24)) {
      List<Program> out = new ArrayList<>();
      for (var e = reader.next(); e.isPresent(); e = reader.next()) {
        out.add(e.get().result().value().orElseThrow());
      }
      return out;
    }
  }

  @Test
  void everySampleProgramReadsBackAsTheFhirCarriedPart() throws IOException {
    List<Program> samples = samplePrograms();
    assertThat(samples).hasSizeGreaterThan(2);
    for (Program p : samples) {
      Bundle b = FhirCaseRecords.parseBundle(Fhir.jsonParser().encodeResourceToString(FhirPrograms.toBundle(p)));
      FhirReadResult read = FhirCaseRecords.read(b);
      assertThat(read.errors()).as(p.id()).isEmpty();
      assertThat(read.programs()).as(p.id()).containsExactly(FhirPrograms.carried(p));
      assertThat(read.summary().ignored()).as(p.id()).isEmpty();
      assertThat(read.records()).isEmpty();
      for (var entry : b.getEntry()) {
        assertThat(R4Validator.errors(entry.getResource())).as(entry.getFullUrl()).isEmpty();
      }
    }
    // what FHIR does not carry is really left out (the samples have licenses and agreements)
    assertThat(samples).anyMatch(p -> !FhirPrograms.carried(p).equals(p));
  }

  @Test
  void aBulkExportReadsItsProgramsFirstBesideThePatients() throws IOException {
    List<Program> programs = samplePrograms();
    Path export = dir.resolve("export");
    try (FhirBulkExport out = FhirBulkExport.into(export)) {
      for (Program p : programs) {
        out.add(p);
      }
      for (var r : Samples.caseRecords()) {
        out.add(r);
      }
    }
    assertThat(export.resolve("Organization.ndjson")).exists();
    for (long chunk : new long[] {BulkExportSource.DEFAULT_CHUNK_BYTES, 4096}) {
      try (FhirSource source = new BulkExportSource(export, FhirCaseRecords.validator(), chunk)) {
        List<Program> read = new ArrayList<>();
        int records = 0;
        for (Optional<FhirReadResult> u = source.next(); u.isPresent(); u = source.next()) {
          assertThat(u.get().errors()).isEmpty();
          read.addAll(u.get().programs());
          records += u.get().records().size();
        }
        assertThat(read).containsExactlyElementsOf(programs.stream().map(FhirPrograms::carried).toList());
        assertThat(records).isEqualTo(Samples.caseRecords().size());
        assertThat(source.summary().ignored()).isEmpty();
      }
    }
  }

  @Test
  void resourcesWrittenElsewhereAreReadAndWhatIsMissingIsAnErrorNamingThePath() {
    Bundle b = new Bundle().setType(Bundle.BundleType.COLLECTION);
    Organization parent = new Organization().setName("Harbor Behavioral Health");
    parent.setId("parent");
    Organization iopOrg = new Organization().setName("Harbor IOP").setPartOf(new Reference("Organization/parent"));
    iopOrg.setId("harbor-iop");
    HealthcareService iop = new HealthcareService().setProvidedBy(new Reference("Organization/harbor-iop"));
    iop.setId("hs-1");
    iop.addType(Values.concept(ServiceType.IOP));
    iop.addType(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding("http://snomed.info/sct", "394913002",
        "Psychotherapy")));
    Location site = new Location().setManagingOrganization(new Reference("Organization/harbor-iop"))
        .setAddress(new Address().setState("Massachusetts"));
    site.setId("site-1");
    site.addHoursOfOperation().addDaysOfWeek(Location.DaysOfWeek.MON).addDaysOfWeek(Location.DaysOfWeek.TUE)
        .setOpeningTime("09:00:00").setClosingTime("17:30:00");
    site.addHoursOfOperation().addDaysOfWeek(Location.DaysOfWeek.SAT).setAllDay(true);
    Practitioner lee = new Practitioner();
    lee.setId("lee");
    lee.addQualification().setCode(new CodeableConcept().addCoding(
        new org.hl7.fhir.r4.model.Coding("http://terminology.hl7.org/CodeSystem/v2-0360", "LICSW", null)));
    PractitionerRole clinician = new PractitionerRole().setPractitioner(new Reference("Practitioner/lee"))
        .setOrganization(new Reference("Organization/harbor-iop"));
    clinician.setId("pr-1");
    clinician.addCode(Values.concept(StaffRole.LICSW));
    PractitionerRole supervisor = new PractitionerRole().setPractitioner(new Reference("Practitioner/lee"))
        .setOrganization(new Reference("Organization/harbor-iop"));
    supervisor.setId("pr-2");
    supervisor.addCode(Values.concept(StaffRole.CLINICAL_SUPERVISOR));
    // an organization of no covered service is no program; one without a name is an error
    Organization other = new Organization().setName("Pharmacy");
    other.setId("pharmacy");
    Organization nameless = new Organization();
    nameless.setId("nameless");
    HealthcareService rc = new HealthcareService().setProvidedBy(new Reference("Organization/nameless"));
    rc.setId("hs-2");
    rc.addType(Values.concept(ServiceType.RC));
    for (Resource r : List.<Resource>of(parent, iopOrg, iop, site, lee, clinician, supervisor, other, nameless, rc)) {
      b.addEntry().setResource(r);
    }

    FhirReadResult read = FhirCaseRecords.read(b);
    Program expected = Program.builder().id("harbor-iop").name("Harbor IOP").addServices(ServiceType.IOP)
        .parentOrganization("Harbor Behavioral Health")
        .addLocations(org.perfspecs.model.Location.builder().id("site-1").inMassachusetts(true)
            .addHours(hours(DayOfWeek.MONDAY, "09:00", "17:30"), hours(DayOfWeek.TUESDAY, "09:00", "17:30"))
            .addHours(OpeningHours.builder().day(DayOfWeek.SATURDAY).opens(LocalTime.MIDNIGHT).closes(LocalTime.MAX).build())
            .build())
        .addStaff(StaffMember.builder().id("lee").addRoles(StaffRole.LICSW, StaffRole.CLINICAL_SUPERVISOR)
            .addCredentials("LICSW").build())
        .build();
    assertThat(read.programs()).containsExactly(expected);
    assertThat(read.errors()).singleElement().satisfies(p -> {
      assertThat(p.location()).isEqualTo("Bundle.entry[8].resource.ofType(Organization).name");
      assertThat(p.message()).contains("needs a name");
    });
    assertThat(read.summary().unmappedCodes()).containsEntry("http://snomed.info/sct", 1L);
    assertThat(read.summary().ignored()).containsEntry("Organization", 1L);
    assertThat(read.summary().rejected()).containsEntry("Organization", 1L).containsEntry("HealthcareService", 1L);
    assertThat(read.summary().used()).containsEntry("Organization", 2L).containsEntry("PractitionerRole", 2L)
        .containsEntry("Practitioner", 1L).containsEntry("Location", 1L).containsEntry("HealthcareService", 1L);
  }

  @Test
  void aTimeThatIsNotOneIsAnErrorWithoutTheValue() {
    Program p = samplePrograms0();
    Bundle b = FhirPrograms.toBundle(p);
    Location loc = b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Location.class::isInstance)
        .map(Location.class::cast).findFirst().orElseThrow();
    loc.getHoursOfOperationFirstRep().setOpeningTime("nine-ish");
    FhirReadResult read = FhirCaseRecords.read(b);
    assertThat(read.programs()).isEmpty();
    assertThat(read.errors()).singleElement().satisfies(e -> {
      assertThat(e.location()).endsWith(".ofType(Location).hoursOfOperation[0].openingTime");
      assertThat(e.toString()).doesNotContain("nine-ish");
    });
  }

  private static Program samplePrograms0() {
    try {
      return samplePrograms().stream().filter(p -> !p.locations().isEmpty() && !p.locations().get(0).hours().isEmpty())
          .findFirst().orElseThrow();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static OpeningHours hours(DayOfWeek day, String opens, String closes) {
    return OpeningHours.builder().day(day).opens(LocalTime.parse(opens)).closes(LocalTime.parse(closes)).build();
  }
}

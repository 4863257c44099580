package org.perfspecs.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

class CqlRunnerTest {
  private static final CqlRunner RUNNER = new CqlRunner(List.of("Smoke"));

  @Test
  void evaluatesATrivialLibraryOverAHandBuiltBundle() {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
    Patient p = new Patient();
    p.setId("Patient/M-1");
    p.setBirthDateElement(new DateType("1990-02-03"));
    add(bundle, p);
    EpisodeOfCare e = new EpisodeOfCare();
    e.setId("E-1");
    e.setPatient(new Reference("Patient/M-1"));
    e.setPeriod(new Period().setStartElement(new DateTimeType("2024-04-17T09:00:00-04:00")));
    add(bundle, e);
    ServiceRequest r = new ServiceRequest();
    r.setId("R-1");
    r.setSubject(new Reference("Patient/M-1"));
    r.setAuthoredOnElement(new DateTimeType("2024-04-12T23:30:00-04:00"));
    add(bundle, r);
    Encounter enc = new Encounter();
    enc.setId("C-1");
    enc.setSubject(new Reference("Patient/M-1"));
    add(bundle, enc);
    Communication c = new Communication();
    c.setId("C-2");
    c.setSubject(new Reference("Patient/M-1"));
    add(bundle, c);
    Appointment a = new Appointment();
    a.setId("A-1");
    a.addParticipant().setActor(new Reference("Patient/M-1"));
    add(bundle, a);
    Patient other = new Patient();
    other.setId("M-2");
    add(bundle, other);
    Communication c2 = new Communication();
    c2.setId("C-3");
    c2.setSubject(new Reference("Patient/M-2"));
    add(bundle, c2);

    Map<String, Object> out = RUNNER.evaluate(bundle, "M-1", "Smoke",
        Map.of("AsOf", CqlRunner.dateTime(OffsetDateTime.parse("2024-05-01T12:00:00-04:00"))));

    assertThat(((DateType) out.get("Birth Date")).getValueAsString()).isEqualTo("1990-02-03");
    assertThat(out.get("Admission Date").toString()).isEqualTo("2024-04-17");
    assertThat(out.get("Admitted Before As-Of")).isEqualTo(true);
    assertThat(out.get("Appointments")).isEqualTo(1);
    assertThat(out.get("Communications")).isEqualTo(1);
    assertThat(out.get("Encounters")).isEqualTo(1);
    assertThat(((DateTimeType) out.get("Referral")).getValueAsString()).isEqualTo("2024-04-12T23:30:00-04:00");
  }

  /** The in-memory repository finds a resource by a typed id ({@code Patient/M-1}), so ids carry their type. */
  private static void add(Bundle b, Resource r) {
    r.setId(r.fhirType() + "/" + r.getIdElement().getIdPart());
    b.addEntry().setFullUrl(r.fhirType() + "/" + r.getIdElement().getIdPart()).setResource(r);
  }
}

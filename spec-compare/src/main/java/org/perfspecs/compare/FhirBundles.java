package org.perfspecs.compare;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Consultation;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactMode;
import org.perfspecs.model.Episode;
import org.perfspecs.model.Member;
import org.perfspecs.model.PregnancyState;
import org.perfspecs.model.PregnancyStatus;
import org.perfspecs.model.Referral;

/**
 * CaseRecord to a FHIR R4 collection Bundle, for the resources the five compared rules read, in
 * spec-fhir's shape (its MAPPING.md: the same code systems, extensions, ids and instants written
 * in UTC). Used until spec-fhir's own writer is on this branch; the CQL reads only what both write.
 */
final class FhirBundles {
  private FhirBundles() {}

  static final String CODE_SYSTEM = "https://perfspecs.org/fhir/CodeSystem/";
  static final String EXTENSION = "https://perfspecs.org/fhir/StructureDefinition/";
  private static final String FULL_URL = "https://perfspecs.org/fhir/";
  private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

  /** The bundle of {@code record}. */
  static Bundle of(CaseRecord record) {
    Bundle b = new Bundle();
    b.setType(Bundle.BundleType.COLLECTION);
    Member m = record.member();
    Episode e = record.episode();
    Reference patient = ref("Patient", m.id());

    Patient p = new Patient();
    p.setId(id(m.id()));
    p.setBirthDateElement(new DateType(m.dateOfBirth().toString()));
    add(b, p);
    m.pregnancy().ifPresent(s -> pregnancy(b, m, s, patient));

    EpisodeOfCare ep = new EpisodeOfCare();
    ep.setId(id(e.id()));
    ep.setStatus(e.dischargedAt().isPresent() ? EpisodeOfCare.EpisodeOfCareStatus.FINISHED
        : e.admittedAt().isPresent() ? EpisodeOfCare.EpisodeOfCareStatus.ACTIVE : EpisodeOfCare.EpisodeOfCareStatus.PLANNED);
    ep.addType(concept("service-type", e.service().name()));
    ep.setPatient(patient);
    if (e.admittedAt().isPresent() || e.dischargedAt().isPresent()) {
      Period period = new Period();
      e.admittedAt().ifPresent(t -> period.setStartElement(dateTime(t)));
      e.dischargedAt().ifPresent(t -> period.setEndElement(dateTime(t)));
      ep.setPeriod(period);
    }
    e.evaluatedAt().ifPresent(t -> ep.addExtension(new Extension(EXTENSION + "evaluated-at", dateTime(t))));
    e.referral().ifPresent(r -> ep.addReferralRequest(ref("ServiceRequest", r.id())));
    add(b, ep);
    e.referral().ifPresent(r -> referral(b, r, e, patient));
    e.contacts().forEach(c -> contact(b, c, patient));
    e.consultations().forEach(c -> consultation(b, c, patient));
    e.appointments().forEach(a -> appointment(b, a, patient));
    return b;
  }

  private static void pregnancy(Bundle b, Member m, PregnancyStatus s, Reference patient) {
    Observation o = observation(m.id() + "-pregnancy-status", "82810-3", patient);
    o.setValue(s.state() == PregnancyState.PREGNANT
        ? new CodeableConcept(new Coding("http://snomed.info/sct", "77386006", "Pregnant"))
        : new CodeableConcept(new Coding("http://snomed.info/sct", "60001007", "Not pregnant")));
    add(b, o);
    s.deliveryDate().ifPresent(d -> {
      Observation delivered = observation(m.id() + "-delivery-date", "93857-1", patient);
      delivered.setValue(dateTimeOfDay(d));
      add(b, delivered);
    });
  }

  private static Observation observation(String id, String loinc, Reference patient) {
    Observation o = new Observation();
    o.setId(id(id));
    o.setStatus(Observation.ObservationStatus.FINAL);
    o.setCode(new CodeableConcept(new Coding("http://loinc.org", loinc, null)));
    o.setSubject(patient);
    return o;
  }

  private static void referral(Bundle b, Referral r, Episode e, Reference patient) {
    ServiceRequest s = new ServiceRequest();
    s.setId(id(r.id()));
    s.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
    s.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    s.addCategory(new CodeableConcept(new Coding("http://snomed.info/sct", "3457005", "Patient referral")));
    s.setCode(concept("service-type", e.service().name()));
    s.setSubject(patient);
    s.setAuthoredOnElement(dateTime(r.at()));
    add(b, s);
  }

  private static void contact(Bundle b, Contact c, Reference patient) {
    if (c.mode() == ContactMode.PHONE || c.mode() == ContactMode.TEXT) {
      Communication m = new Communication();
      m.setId(id(c.id()));
      if (c.memberEngaged()) {
        m.setStatus(Communication.CommunicationStatus.COMPLETED);
      } else {
        m.setStatus(Communication.CommunicationStatus.NOTDONE);
        m.setStatusReason(concept("contact-status-reason", "UNANSWERED"));
      }
      m.addCategory(concept("contact-kind", c.kind().name()));
      m.addMedium(c.mode() == ContactMode.PHONE
          ? new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationMode", "PHONE", "telephone"))
          : new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationMode", "SMSWRIT", "SMS message")));
      m.setSubject(patient);
      m.setSentElement(dateTime(c.at()));
      add(b, m);
      return;
    }
    Encounter e = new Encounter();
    e.setId(id(c.id()));
    e.setStatus(Encounter.EncounterStatus.FINISHED);
    e.setClass_(c.mode() == ContactMode.TELEHEALTH
        ? new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "VR", "virtual")
        : new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
    e.addType(concept("contact-kind", c.kind().name()));
    e.setSubject(patient);
    e.setPeriod(new Period().setStartElement(dateTime(c.at()))
        .setEndElement(dateTime(c.at().plus(java.time.Duration.ofMinutes(c.minutes())))));
    if (!c.memberEngaged()) {
      e.addExtension(new Extension(EXTENSION + "member-engaged", new BooleanType(false)));
    }
    add(b, e);
  }

  private static void consultation(Bundle b, Consultation c, Reference patient) {
    ServiceRequest s = new ServiceRequest();
    s.setId(id(c.id()));
    s.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
    s.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    s.addCategory(new CodeableConcept(new Coding("http://snomed.info/sct", "11429006", "Consultation")));
    s.setCode(concept("consultation-kind", c.kind().name()));
    s.setSubject(patient);
    s.setAuthoredOnElement(dateTime(c.arrangedAt()));
    add(b, s);
  }

  private static void appointment(Bundle b, org.perfspecs.model.Appointment a, Reference patient) {
    Appointment f = new Appointment();
    f.setId(id(a.id()));
    f.setStatus(a.kept().map(k -> k ? Appointment.AppointmentStatus.FULFILLED : Appointment.AppointmentStatus.NOSHOW)
        .orElse(Appointment.AppointmentStatus.BOOKED));
    f.addServiceType(concept("appointment-kind", a.kind().name()));
    f.setCreatedElement(dateTime(a.scheduledAt()));
    f.setStartElement(new InstantType(a.at().toString()));
    f.setEndElement(new InstantType(a.at().toString()));
    f.addParticipant().setActor(patient).setStatus(Appointment.ParticipationStatus.ACCEPTED);
    add(b, f);
  }

  private static void add(Bundle b, Resource r) {
    b.addEntry().setFullUrl(FULL_URL + r.fhirType() + "/" + r.getIdElement().getIdPart()).setResource(r);
  }

  private static CodeableConcept concept(String system, String code) {
    return new CodeableConcept(new Coding(CODE_SYSTEM + system, code, null));
  }

  private static DateTimeType dateTime(Instant t) {
    return new DateTimeType(t.toString());
  }

  private static DateTimeType dateTimeOfDay(LocalDate d) {
    return new DateTimeType(d.toString());
  }

  private static Reference ref(String type, String modelId) {
    return new Reference(type + "/" + id(modelId));
  }

  /** A model id as a FHIR id: itself when valid, otherwise a name-based UUID of it. */
  static String id(String modelId) {
    return FHIR_ID.matcher(modelId).matches() ? modelId
        : UUID.nameUUIDFromBytes(modelId.getBytes(StandardCharsets.UTF_8)).toString();
  }
}

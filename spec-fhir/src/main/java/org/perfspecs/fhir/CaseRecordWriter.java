package org.perfspecs.fhir;

import static org.perfspecs.fhir.Values.coding;
import static org.perfspecs.fhir.Values.concept;
import static org.perfspecs.fhir.Values.date;
import static org.perfspecs.fhir.Values.dateTime;
import static org.perfspecs.fhir.Values.dateTimeOfDay;
import static org.perfspecs.fhir.Values.ext;
import static org.perfspecs.fhir.Values.ref;
import static org.perfspecs.fhir.Values.setId;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.perfspecs.fhir.FhirCodeSystems.CareProviderRole;
import org.perfspecs.fhir.FhirCodeSystems.ContactStatusReason;
import org.perfspecs.fhir.FhirCodeSystems.PlanKind;
import org.perfspecs.model.CareProvider;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ConsentRefusal;
import org.perfspecs.model.Consultation;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactMode;
import org.perfspecs.model.Document;
import org.perfspecs.model.Episode;
import org.perfspecs.model.Incident;
import org.perfspecs.model.Member;
import org.perfspecs.model.NecessityDetermination;
import org.perfspecs.model.Party;
import org.perfspecs.model.PlanReview;
import org.perfspecs.model.PregnancyState;
import org.perfspecs.model.PregnancyStatus;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ReferralOutcome;
import org.perfspecs.model.ServicePlan;
import org.perfspecs.model.StaffRole;
import org.perfspecs.model.WellnessPlan;

/** CaseRecord to a FHIR collection Bundle, element by element as MAPPING.md states. */
final class CaseRecordWriter {
  /** The base of the bundle entries' fullUrls. */
  static final String FULL_URL_BASE = "https://perfspecs.org/fhir/";

  private final Bundle bundle = new Bundle();
  private final Member member;
  private final Episode episode;
  private final Reference patient;

  private CaseRecordWriter(CaseRecord record) {
    this.member = record.member();
    this.episode = record.episode();
    this.patient = ref("Patient", member.id());
  }

  static Bundle write(CaseRecord record) {
    CaseRecordWriter w = new CaseRecordWriter(record);
    w.bundle.setType(Bundle.BundleType.COLLECTION);
    w.bundle.setId(Values.fhirId(record.episode().id()));
    w.member();
    w.episode();
    return w.bundle;
  }

  private void add(Resource r) {
    bundle.addEntry().setFullUrl(FULL_URL_BASE + r.fhirType() + "/" + r.getIdElement().getIdPart()).setResource(r);
  }

  // ---------------------------------------------------------------- member

  private void member() {
    Patient p = new Patient();
    setId(p, member.id());
    p.setBirthDateElement(date(member.dateOfBirth()));
    member.preferredName().ifPresent(n -> p.addName(new HumanName().setUse(HumanName.NameUse.USUAL).setText(n)));
    member.pronouns().ifPresent(v -> p.addExtension(ext("pronouns", new StringType(v))));
    if (member.parenting()) {
      p.addExtension(ext("parenting", new BooleanType(true)));
    }
    if (member.dmhContinuingCareEligible()) {
      p.addExtension(ext("dmh-continuing-care-eligible", new BooleanType(true)));
    }
    if (member.dcfCaseOpen()) {
      p.addExtension(ext("dcf-case-open", new BooleanType(true)));
    }
    member.stateAgencies().forEach(a -> p.addExtension(ext("state-agency", coding(a))));
    provider(p, CareProviderRole.PCC, member.primaryCareClinician());
    provider(p, CareProviderRole.OBSTETRIC_PROVIDER, member.obstetricProvider());
    provider(p, CareProviderRole.DENTIST, member.dentist());
    add(p);

    Coverage c = new Coverage();
    c.setId(Values.fhirId(member.id() + "-coverage"));
    c.setStatus(Coverage.CoverageStatus.ACTIVE);
    c.setBeneficiary(patient);
    c.addPayor(new Reference().setDisplay(FhirCodeSystems.display(member.product())));
    c.setType(concept(member.product()));
    c.addClass_().setType(Values.concept(Std.COVERAGE_CLASS, "plan", "Plan")).setValue(member.product().name())
        .setName(FhirCodeSystems.display(member.product()));
    add(c);

    member.pregnancy().ifPresent(this::pregnancy);

    member.lastCompletePhysicalExam().ifPresent(d -> {
      Procedure exam = new Procedure();
      exam.setId(Values.fhirId(member.id() + "-physical-exam"));
      exam.setStatus(Procedure.ProcedureStatus.COMPLETED);
      exam.setCode(Values.concept(Std.SNOMED, Std.PHYSICAL_EXAM, "Physical examination procedure"));
      exam.setSubject(patient);
      exam.setPerformed(dateTimeOfDay(d));
      add(exam);
    });
  }

  /**
   * A care provider as a PractitionerRole (its role in the care-provider-role code system) and a
   * Practitioner, both contained in the Patient, so they travel with it (also in a bulk export).
   */
  private void provider(Patient p, CareProviderRole role, Optional<CareProvider> provider) {
    provider.ifPresent(cp -> {
      String id = role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      Practitioner practitioner = new Practitioner();
      practitioner.setId(id + "-practitioner");
      practitioner.addName(new HumanName().setText(cp.name()));
      cp.identifier().ifPresent(i -> practitioner.addIdentifier(new Identifier().setValue(i)));
      PractitionerRole pr = new PractitionerRole();
      pr.setId(id);
      pr.setPractitioner(new Reference("#" + id + "-practitioner"));
      pr.addCode(concept(role));
      p.addContained(pr);
      p.addContained(practitioner);
      p.addGeneralPractitioner(new Reference("#" + id).setDisplay(cp.name()));
    });
  }

  private void pregnancy(PregnancyStatus status) {
    Observation o = observation(member.id() + "-pregnancy-status", Std.PREGNANCY_STATUS, "Pregnancy status");
    o.setValue(status.state() == PregnancyState.PREGNANT
        ? Values.concept(Std.SNOMED, Std.PREGNANT, "Pregnant")
        : Values.concept(Std.SNOMED, Std.NOT_PREGNANT, "Not pregnant"));
    add(o);
    status.estimatedDueDate().ifPresent(d -> {
      Observation edd = observation(member.id() + "-estimated-due-date", Std.ESTIMATED_DUE_DATE, "Delivery date Estimated");
      edd.setValue(dateTimeOfDay(d));
      add(edd);
    });
    status.deliveryDate().ifPresent(d -> {
      Observation delivered = observation(member.id() + "-delivery-date", Std.DELIVERY_DATE,
          "Date and time of obstetric delivery");
      delivered.setValue(dateTimeOfDay(d));
      add(delivered);
    });
  }

  private Observation observation(String id, String loinc, String display) {
    Observation o = new Observation();
    o.setId(Values.fhirId(id));
    o.setStatus(Observation.ObservationStatus.FINAL);
    o.addCategory(Values.concept(Std.OBSERVATION_CATEGORY, "social-history", "Social History"));
    o.setCode(Values.concept(Std.LOINC, loinc, display));
    o.setSubject(patient);
    return o;
  }

  // ---------------------------------------------------------------- episode

  private void episode() {
    EpisodeOfCare e = new EpisodeOfCare();
    setId(e, episode.id());
    e.setStatus(episode.dischargedAt().isPresent() ? EpisodeOfCare.EpisodeOfCareStatus.FINISHED
        : episode.admittedAt().isPresent() ? EpisodeOfCare.EpisodeOfCareStatus.ACTIVE
        : episode.determinedIneligibleAt().isPresent() ? EpisodeOfCare.EpisodeOfCareStatus.CANCELLED
        : EpisodeOfCare.EpisodeOfCareStatus.PLANNED);
    e.addType(concept(episode.service()));
    e.setPatient(patient);
    e.setManagingOrganization(ref("Organization", episode.programId()));
    if (episode.admittedAt().isPresent() || episode.dischargedAt().isPresent()) {
      Period period = new Period();
      episode.admittedAt().ifPresent(t -> period.setStartElement(dateTime(t)));
      episode.dischargedAt().ifPresent(t -> period.setEndElement(dateTime(t)));
      e.setPeriod(period);
    }
    episode.determinedIneligibleAt().ifPresent(t -> e.addStatusHistory()
        .setStatus(EpisodeOfCare.EpisodeOfCareStatus.CANCELLED).setPeriod(new Period().setStartElement(dateTime(t))));
    episode.evaluatedAt().ifPresent(t -> e.addExtension(ext("evaluated-at", dateTime(t))));
    episode.dischargedOnMedication().ifPresent(b -> e.addExtension(ext("discharged-on-medication", new BooleanType(b))));
    episode.counselingNeeds().forEach(t -> e.addExtension(ext("counseling-need", coding(t))));
    episode.serviceNeeds().forEach(s -> e.addExtension(ext("service-need", coding(s))));
    episode.significantNeedsChangesOn().forEach(d -> e.addExtension(ext("significant-needs-change", date(d))));
    episode.involvementContraindicated().forEach(p -> e.addExtension(ext("involvement-contraindicated", coding(p))));
    episode.primaryStaffId().ifPresent(s -> e.setCareManager(ref("Practitioner", s)));
    episode.referral().ifPresent(r -> e.addReferralRequest(ref("ServiceRequest", r.id())));
    CareTeam team = null;
    if (!episode.treatmentTeam().isEmpty()) {
      team = new CareTeam();
      team.setId(Values.fhirId(episode.id() + "-team"));
      team.setStatus(CareTeam.CareTeamStatus.ACTIVE);
      team.setSubject(patient);
      for (String staff : episode.treatmentTeam()) {
        team.addParticipant().setMember(ref("Practitioner", staff));
      }
      e.addTeam(new Reference("CareTeam/" + team.getIdElement().getIdPart()));
    }
    add(e);
    if (team != null) {
      add(team);
    }
    episode.referral().ifPresent(r -> referral(r, true));
    episode.contacts().forEach(this::contact);
    episode.documents().forEach(this::document);
    episode.consultations().forEach(this::consultation);
    episode.appointments().forEach(this::appointment);
    episode.referralsMade().forEach(r -> referral(r, false));
    episode.incidents().forEach(this::incident);
    episode.wellnessPlan().ifPresent(p -> wellnessPlan(p, PlanKind.WELLNESS_PLAN));
    episode.planOfSafeCare().ifPresent(p -> wellnessPlan(p, PlanKind.PLAN_OF_SAFE_CARE));
    episode.servicePlan().ifPresent(this::servicePlan);
    if (!episode.consentToShareWith().isEmpty()) {
      consent();
    }
    episode.consentRefusals().forEach(this::refusal);
    episode.necessityDeterminations().forEach(this::necessity);
  }

  private Reference episodeRef() {
    return ref("EpisodeOfCare", episode.id());
  }

  // ---------------------------------------------------------------- contacts

  private void contact(Contact c) {
    if (c.mode() == ContactMode.PHONE || c.mode() == ContactMode.TEXT) {
      communication(c);
      return;
    }
    Encounter e = new Encounter();
    setId(e, c.id());
    e.setStatus(Encounter.EncounterStatus.FINISHED);
    e.setClass_(c.mode() == ContactMode.TELEHEALTH
        ? new org.hl7.fhir.r4.model.Coding(Std.ACT_CODE, "VR", "virtual")
        : new org.hl7.fhir.r4.model.Coding(Std.ACT_CODE, "AMB", "ambulatory"));
    e.addType(concept(c.kind()));
    e.setSubject(patient);
    e.addEpisodeOfCare(episodeRef());
    e.setPeriod(new Period().setStartElement(dateTime(c.at()))
        .setEndElement(dateTime(c.at().plus(java.time.Duration.ofMinutes(c.minutes())))));
    e.setLength((Duration) new Duration().setValue(c.minutes()).setUnit("min").setSystem(Std.UCUM).setCode("min"));
    c.topics().forEach(t -> e.addReasonCode(concept(t)));
    c.parties().forEach(p -> e.addParticipant().addType(concept(p)));
    c.staffId().ifPresent(s -> e.addParticipant()
        .addType(Values.concept(Std.PARTICIPATION_TYPE, "PPRF", "primary performer"))
        .setIndividual(ref("Practitioner", s)));
    if (!c.memberEngaged()) {
      e.addExtension(ext("member-engaged", new BooleanType(false)));
    }
    add(e);
  }

  private void communication(Contact c) {
    Communication m = new Communication();
    setId(m, c.id());
    if (c.memberEngaged()) {
      m.setStatus(Communication.CommunicationStatus.COMPLETED);
    } else {
      m.setStatus(Communication.CommunicationStatus.NOTDONE);
      m.setStatusReason(concept(ContactStatusReason.UNANSWERED));
    }
    m.addCategory(concept(c.kind()));
    m.addMedium(c.mode() == ContactMode.PHONE
        ? Values.concept(Std.PARTICIPATION_MODE, "PHONE", "telephone")
        : Values.concept(Std.PARTICIPATION_MODE, "WRITTEN", "written"));
    m.setSubject(patient);
    m.setSentElement(dateTime(c.at()));
    m.addRecipient(patient);
    c.staffId().ifPresent(s -> m.setSender(ref("Practitioner", s)));
    c.topics().forEach(t -> m.addReasonCode(concept(t)));
    c.parties().forEach(p -> m.addExtension(ext("contact-party", coding(p))));
    if (c.minutes() > 0) {
      m.addExtension(ext("contact-minutes", new IntegerType(c.minutes())));
    }
    m.addExtension(ext("episode", episodeRef()));
    add(m);
  }

  // ---------------------------------------------------------------- documents

  private void document(Document d) {
    Composition c = new Composition();
    setId(c, d.id());
    c.setStatus(Composition.CompositionStatus.FINAL);
    c.setType(concept(d.kind()));
    c.setSubject(patient);
    c.setDateElement(dateTimeOfDay(d.date()));
    c.addAuthor(ref("Organization", episode.programId()));
    c.setTitle(FhirCodeSystems.display(d.kind()));
    c.addEvent().addDetail(episodeRef());
    for (var element : d.elements()) {
      Narrative text = new Narrative();
      text.setStatus(Narrative.NarrativeStatus.GENERATED);
      text.setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">" + FhirCodeSystems.display(element) + "</div>");
      c.addSection().setTitle(FhirCodeSystems.display(element)).setCode(concept(element)).setText(text);
    }
    d.memberSignedOn().ifPresent(on -> c.addAttester().setMode(Composition.CompositionAttestationMode.PERSONAL)
        .setTimeElement(dateTimeOfDay(on)).setParty(patient));
    for (String staff : d.staffSignatures()) {
      c.addAttester().setMode(Composition.CompositionAttestationMode.PROFESSIONAL).setParty(ref("Practitioner", staff));
    }
    if (d.memberRefusedToSign()) {
      c.addExtension(ext("member-refused-to-sign", new BooleanType(true)));
    }
    d.developedWith().forEach(p -> c.addExtension(ext("developed-with", coding(p))));
    d.givenTo().forEach(p -> c.addExtension(ext("given-to", coding(p))));
    d.givenOn().ifPresent(on -> c.addExtension(ext("given-on", date(on))));
    d.forwardedTo().forEach(p -> c.addExtension(ext("forwarded-to", coding(p))));
    add(c);
  }

  // ---------------------------------------------------------------- requests

  private void consultation(Consultation c) {
    ServiceRequest s = new ServiceRequest();
    setId(s, c.id());
    s.setStatus(c.completed().map(done -> done ? ServiceRequest.ServiceRequestStatus.COMPLETED
        : ServiceRequest.ServiceRequestStatus.REVOKED).orElse(ServiceRequest.ServiceRequestStatus.ACTIVE));
    s.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    s.addCategory(Values.concept(Std.SNOMED, Std.CONSULTATION, "Consultation"));
    s.setCode(concept(c.kind()));
    s.setSubject(patient);
    s.setAuthoredOnElement(dateTime(c.arrangedAt()));
    c.scheduledFor().ifPresent(t -> s.setOccurrence(dateTime(t)));
    s.addExtension(ext("episode", episodeRef()));
    add(s);
  }

  private void referral(Referral r, boolean into) {
    ServiceRequest s = new ServiceRequest();
    setId(s, r.id());
    s.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
    s.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    s.addCategory(Values.concept(Std.SNOMED, Std.PATIENT_REFERRAL, "Patient referral"));
    if (into) {
      s.setCode(concept(episode.service()));
    }
    r.target().ifPresent(t -> {
      s.setPerformerType(concept(t));
      if (!into) {
        s.setCode(concept(t));
      }
    });
    s.setSubject(patient);
    s.setAuthoredOnElement(dateTime(r.at()));
    r.source().ifPresent(src -> s.addExtension(ext("referral-source", concept(src))));
    r.memberConsented().ifPresent(b -> s.addExtension(ext("member-consented", new BooleanType(b))));
    s.addExtension(ext("episode", episodeRef()));
    add(s);
    if (r.outcome().isPresent() || r.followedUpAt().isPresent()) {
      Task t = new Task();
      t.setId(Values.fhirId(r.id() + "-outcome"));
      t.setIntent(Task.TaskIntent.ORDER);
      t.setStatus(r.outcome().map(CaseRecordWriter::taskStatus).orElse(Task.TaskStatus.REQUESTED));
      r.outcome().ifPresent(o -> t.setBusinessStatus(concept(o)));
      t.setFocus(ref("ServiceRequest", r.id()));
      t.setFor(patient);
      t.setAuthoredOnElement(dateTime(r.at()));
      r.followedUpAt().ifPresent(f -> t.setLastModifiedElement(dateTime(f)));
      add(t);
    }
  }

  static Task.TaskStatus taskStatus(ReferralOutcome o) {
    return switch (o) {
      case PENDING -> Task.TaskStatus.INPROGRESS;
      case ATTENDED, CONNECTED -> Task.TaskStatus.COMPLETED;
      case NOT_ATTENDED -> Task.TaskStatus.FAILED;
      case DECLINED -> Task.TaskStatus.REJECTED;
    };
  }

  // ---------------------------------------------------------------- appointments, incidents

  private void appointment(org.perfspecs.model.Appointment a) {
    Appointment f = new Appointment();
    setId(f, a.id());
    f.setStatus(a.kept().map(k -> k ? Appointment.AppointmentStatus.FULFILLED : Appointment.AppointmentStatus.NOSHOW)
        .orElse(Appointment.AppointmentStatus.BOOKED));
    f.addServiceType(concept(a.kind()));
    f.setCreatedElement(dateTime(a.scheduledAt()));
    f.setStartElement(new org.hl7.fhir.r4.model.InstantType(a.at().toString()));
    f.setEndElement(new org.hl7.fhir.r4.model.InstantType(a.at().toString()));
    f.addParticipant().setActor(patient).setStatus(Appointment.ParticipationStatus.ACCEPTED);
    a.keptVerifiedAt().ifPresent(t -> f.addExtension(ext("kept-verified-at", dateTime(t))));
    if (!a.assistedByProgram()) {
      f.addExtension(ext("assisted-by-program", new BooleanType(false)));
    }
    f.addExtension(ext("episode", episodeRef()));
    add(f);
  }

  private void incident(Incident i) {
    AdverseEvent a = new AdverseEvent();
    setId(a, i.id());
    a.setActuality(AdverseEvent.AdverseEventActuality.ACTUAL);
    a.setSubject(patient);
    a.setDateElement(dateTime(i.occurredAt()));
    a.addExtension(ext("reportable", new BooleanType(i.reportable())));
    i.reportedAt().ifPresent(t -> a.addExtension(ext("reported-to-payer-at", dateTime(t))));
    a.addExtension(ext("episode", episodeRef()));
    add(a);
  }

  // ---------------------------------------------------------------- plans

  private CarePlan carePlan(String id, PlanKind kind) {
    CarePlan c = new CarePlan();
    setId(c, id);
    c.setStatus(CarePlan.CarePlanStatus.ACTIVE);
    c.setIntent(CarePlan.CarePlanIntent.PLAN);
    c.addCategory(concept(kind));
    c.setSubject(patient);
    c.addExtension(ext("episode", episodeRef()));
    return c;
  }

  private void wellnessPlan(WellnessPlan p, PlanKind kind) {
    CarePlan c = carePlan(p.id(), kind);
    c.setCreatedElement(dateTimeOfDay(p.createdOn()));
    c.setAuthor(p.memberDirected() ? patient : ref("Organization", episode.programId()));
    c.addExtension(ext("created-in-person", new BooleanType(p.createdInPerson())));
    p.lastUpdatedOn().ifPresent(d -> c.addExtension(ext("last-updated-on", date(d))));
    List<Goal> goals = new java.util.ArrayList<>();
    for (int i = 0; i < p.goals().size(); i++) {
      Goal g = goal(c, i, p.goals().get(i));
      goals.add(g);
    }
    for (var need : p.needsIdentified()) {
      c.addActivity().getDetail().setStatus(CarePlan.CarePlanActivityStatus.NOTSTARTED).setCode(concept(need));
    }
    add(c);
    goals.forEach(this::add);
  }

  private Goal goal(CarePlan plan, int i, String description) {
    Goal g = new Goal();
    g.setId(Values.fhirId(plan.getIdElement().getIdPart() + "-goal-" + (i + 1)));
    g.setLifecycleStatus(Goal.GoalLifecycleStatus.ACTIVE);
    g.setDescription(new CodeableConcept().setText(description));
    g.setSubject(patient);
    plan.addGoal(new Reference("Goal/" + g.getIdElement().getIdPart()));
    return g;
  }

  private void servicePlan(ServicePlan p) {
    CarePlan c = carePlan(p.id(), PlanKind.SERVICE_PLAN);
    c.setCreatedElement(dateTimeOfDay(p.completedOn()));
    c.setAuthor(ref("Organization", episode.programId()));
    p.problemsAndNeeds().forEach(s -> c.addExtension(ext("problem-or-need", new StringType(s))));
    p.strengths().forEach(s -> c.addExtension(ext("strength", new StringType(s))));
    p.staffResponsibilities().forEach(s -> c.addExtension(ext("staff-responsibility", new StringType(s))));
    p.lastReviewedOn().ifPresent(d -> c.addExtension(ext("last-reviewed-on", date(d))));
    p.developedWith().forEach(w -> c.addExtension(ext("developed-with", coding(w))));
    for (PlanReview r : p.reviews()) {
      Extension review = ext("review", null);
      review.addExtension("reviewedOn", date(r.reviewedOn()));
      review.addExtension("revised", new BooleanType(r.revised()));
      review.addExtension("afterSignificantChange", new BooleanType(r.afterSignificantChange()));
      c.addExtension(review);
    }
    for (String staff : p.staffSignatures()) {
      c.addContributor(ref("Practitioner", staff));
    }
    for (String intervention : p.interventions()) {
      c.addActivity().getDetail().setStatus(CarePlan.CarePlanActivityStatus.NOTSTARTED).setDescription(intervention);
    }
    List<Goal> goals = new java.util.ArrayList<>();
    for (int i = 0; i < p.goals().size(); i++) {
      var goal = p.goals().get(i);
      Goal g = goal(c, i, goal.description());
      g.addExtension(ext("measurable", new BooleanType(goal.measurable())));
      goal.targetDate().ifPresent(d -> g.addTarget().setDue(date(d)));
      goals.add(g);
    }
    add(c);
    goals.forEach(this::add);
  }

  // ---------------------------------------------------------------- consent

  private void consent() {
    Consent c = new Consent();
    c.setId(Values.fhirId(episode.id() + "-consent-to-share"));
    c.setStatus(Consent.ConsentState.ACTIVE);
    c.setScope(Values.concept(Std.CONSENT_SCOPE, "patient-privacy", "Privacy Consent"));
    c.addCategory(Values.concept(Std.LOINC, Std.CONSENT_DOCUMENT, "Consent Document"));
    c.setPatient(patient);
    c.addPolicy().setUri("https://perfspecs.org/fhir/consent-to-share");
    Consent.ProvisionComponent provision = c.getProvision();
    provision.setType(Consent.ConsentProvisionType.PERMIT);
    for (Party party : episode.consentToShareWith()) {
      provision.addActor().setRole(Values.concept(Std.PARTICIPATION_TYPE, "IRCP", "information recipient"))
          .setReference(partyRef(party));
    }
    c.addExtension(ext("episode", episodeRef()));
    add(c);
  }

  /**
   * A refusal as a Consent with provision {@code deny}: the refused parties as actors (as the
   * permit's), the refused kinds of referral as {@code provision.purpose} codings, who refused as
   * the performer (the Patient, else a party identifier).
   */
  private void refusal(ConsentRefusal r) {
    Consent c = new Consent();
    setId(c, r.id());
    c.setStatus(Consent.ConsentState.ACTIVE);
    boolean privacy = !r.parties().isEmpty() || r.referrals().isEmpty();
    c.setScope(privacy ? Values.concept(Std.CONSENT_SCOPE, "patient-privacy", "Privacy Consent")
        : Values.concept(Std.CONSENT_SCOPE, "treatment", "Treatment"));
    c.addCategory(Values.concept(Std.LOINC, Std.CONSENT_DOCUMENT, "Consent Document"));
    c.setPatient(patient);
    c.setDateTimeElement(dateTime(r.at()));
    c.addPerformer(r.refusedBy() == Party.MEMBER ? patient.copy() : partyRef(r.refusedBy()));
    c.addPolicy().setUri("https://perfspecs.org/fhir/consent-refusal");
    Consent.ProvisionComponent provision = c.getProvision();
    provision.setType(Consent.ConsentProvisionType.DENY);
    for (Party party : r.parties()) {
      provision.addActor().setRole(Values.concept(Std.PARTICIPATION_TYPE, "IRCP", "information recipient"))
          .setReference(partyRef(party));
    }
    r.referrals().forEach(k -> provision.addPurpose(coding(k)));
    c.addExtension(ext("episode", episodeRef()));
    add(c);
  }

  /** A reference to a kind of party (no resource): an identifier in {@code ps:party} and a display. */
  private static Reference partyRef(Party party) {
    return new Reference().setIdentifier(new Identifier().setSystem(FhirCodeSystems.PARTY).setValue(party.name()))
        .setDisplay(FhirCodeSystems.display(party));
  }

  /**
   * A necessity determination as an Observation: the kind assessed in {@code code}
   * ({@code ps:consultation-kind} or {@code ps:service-category}), {@code valueBoolean} = necessary,
   * {@code effectiveDateTime}, and the assessor as performer (a Practitioner, or a contained
   * PractitionerRole when it is a {@code ps:staff-role} code).
   */
  private void necessity(NecessityDetermination d) {
    Observation o = new Observation();
    setId(o, d.id());
    o.setStatus(Observation.ObservationStatus.FINAL);
    o.addCategory(Values.concept(Std.OBSERVATION_CATEGORY, "exam", "Exam"));
    o.setCode(d.consultation().map(Values::concept).orElseGet(() -> concept(d.service().orElseThrow())));
    o.getCode().setText("Necessity determination");
    o.setSubject(patient);
    o.setEffective(dateTime(d.at()));
    o.setValue(new BooleanType(d.necessary()));
    Optional<StaffRole> role = FhirCodeSystems.constant(StaffRole.class, d.assessedBy());
    if (role.isPresent()) {
      PractitionerRole pr = new PractitionerRole();
      pr.setId("assessor");
      pr.addCode(concept(role.get()));
      o.addContained(pr);
      o.addPerformer(new Reference("#assessor"));
    } else {
      o.addPerformer(ref("Practitioner", d.assessedBy()));
    }
    o.addExtension(ext("episode", episodeRef()));
    add(o);
  }
}

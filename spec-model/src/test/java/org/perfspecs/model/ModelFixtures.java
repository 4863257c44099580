package org.perfspecs.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Fully populated, valid model values for tests: every attribute of every type is set at least
 * once somewhere in {@link #caseRecord()} or {@link #program()}, with realistic values. Each
 * builder method returns a fresh value.
 *
 * <p>The member data is fake. {@link #MEMBER_NAME} and {@link #MEMBER_DATE_OF_BIRTH} are
 * distinctive strings so tests can assert that no violation message echoes them.
 */
final class ModelFixtures {
  /** A fake member name, used as the preferred name. */
  static final String MEMBER_NAME = "Jordan Quill-Testperson";
  /** A fake date of birth. */
  static final LocalDate MEMBER_DATE_OF_BIRTH = LocalDate.of(1994, 7, 23);

  private ModelFixtures() {}

  static Instant at(String isoInstant) {
    return Instant.parse(isoInstant);
  }

  // ---------------------------------------------------------------- case record

  static CaseRecord caseRecord() {
    return CaseRecord.builder().member(member()).episode(episode()).build();
  }

  static Member member() {
    return Member.builder()
        .id("M-000123")
        .dateOfBirth(MEMBER_DATE_OF_BIRTH)
        .product(InsuranceProduct.TUFTS_HEALTH_TOGETHER)
        .pregnancy(pregnancyStatus())
        .parenting(true)
        .preferredName(MEMBER_NAME)
        .pronouns("she/her")
        .primaryCareClinician(careProvider())
        .obstetricProvider(CareProvider.builder().name("Riverside OB/GYN Associates").identifier("1467503984").build())
        .dentist(CareProvider.builder().name("Main Street Family Dental").build())
        .lastCompletePhysicalExam(LocalDate.of(2023, 11, 2))
        .dmhContinuingCareEligible(true)
        .addStateAgencies(StateAgency.DCF, StateAgency.DMH)
        .dcfCaseOpen(true)
        .build();
  }

  /** Postpartum, with both the (earlier) estimated due date and the delivery date. */
  static PregnancyStatus pregnancyStatus() {
    return PregnancyStatus.builder()
        .state(PregnancyState.POSTPARTUM)
        .estimatedDueDate(LocalDate.of(2024, 2, 20))
        .deliveryDate(LocalDate.of(2024, 2, 14))
        .build();
  }

  static CareProvider careProvider() {
    return CareProvider.builder().name("Dr. Avery Lindqvist, Harbor Community Health").identifier("1528064933").build();
  }

  static Episode episode() {
    return Episode.builder()
        .id("EP-2024-0042")
        .service(ServiceType.RRS_PPW)
        .programId("PRG-RRS-01")
        .referral(referralIn())
        .evaluatedAt(at("2024-03-01T14:00:00Z"))
        .admittedAt(at("2024-03-04T15:30:00Z"))
        .dischargedAt(at("2024-06-10T16:00:00Z"))
        .dischargedOnMedication(true)
        .determinedIneligibleAt(at("2024-03-01T15:00:00Z"))
        .addTreatmentTeam("S-001", "S-002", "S-003")
        .primaryStaffId("S-002")
        .addContacts(contact(),
            Contact.builder()
                .id("C-2")
                .at(at("2024-03-06T18:00:00Z"))
                .minutes(0)
                .mode(ContactMode.PHONE)
                .kind(ContactKind.OUTREACH_ATTEMPT)
                .memberEngaged(false)
                .build())
        .addDocuments(document(),
            Document.builder()
                .id("D-2")
                .kind(DocumentKind.DISCHARGE_PLAN)
                .date(LocalDate.of(2024, 6, 7))
                .addElements(ContentElement.DISCHARGE_AND_AFTERCARE_PLAN, ContentElement.REFERRALS)
                .addDevelopedWith(Party.MEMBER)
                .memberRefusedToSign(true)
                .addStaffSignatures("S-002")
                .build())
        .addConsultations(consultation())
        .addConsentRefusals(consentRefusal())
        .addNecessityDeterminations(necessityDetermination(), NecessityDetermination.builder()
            .id("ND-2")
            .service(ServiceCategory.HOME_VISITING)
            .necessary(true)
            .assessedBy("S-002")
            .at(Instant.parse("2024-03-12T16:00:00Z"))
            .build())
        .addAppointments(appointment())
        .addReferralsMade(referralOut())
        .addIncidents(incident())
        .wellnessPlan(wellnessPlan())
        .planOfSafeCare(WellnessPlan.builder()
            .id("POSC-1")
            .createdOn(LocalDate.of(2024, 3, 11))
            .createdInPerson(true)
            .memberDirected(true)
            .addGoals("Safe sleep set-up at home before discharge")
            .addNeedsIdentified(ServiceCategory.PEDIATRICS, ServiceCategory.HOME_VISITING)
            .build())
        .servicePlan(servicePlan())
        .addCounselingNeeds(Topic.POSTPARTUM_CARE, Topic.PARENTING_SKILLS, Topic.SUBSTANCE_USE)
        .addServiceNeeds(ServiceCategory.HOUSING, ServiceCategory.WIC_NUTRITION)
        .addSignificantNeedsChangesOn(LocalDate.of(2024, 5, 2))
        .addConsentToShareWith(Party.PCC, Party.OBSTETRIC_PROVIDER, Party.DCF_CASEWORKER)
        .addInvolvementContraindicated(Party.SIGNIFICANT_OTHER)
        .build();
  }

  /** The referral into the service (has a source). */
  static Referral referralIn() {
    return Referral.builder()
        .id("R-IN-1")
        .source(ReferralSource.INPATIENT_24_HOUR)
        .at(at("2024-02-28T20:15:00Z"))
        .memberConsented(true)
        .build();
  }

  /** A referral out of the service (has a target, an outcome and a follow-up). */
  static Referral referralOut() {
    return Referral.builder()
        .id("R-OUT-1")
        .target(ServiceCategory.OUTPATIENT_BEHAVIORAL_HEALTH)
        .at(at("2024-06-03T13:00:00Z"))
        .memberConsented(true)
        .outcome(ReferralOutcome.ATTENDED)
        .followedUpAt(at("2024-06-20T14:30:00Z"))
        .build();
  }

  static Contact contact() {
    return Contact.builder()
        .id("C-1")
        .at(at("2024-03-05T14:00:00Z"))
        .minutes(50)
        .mode(ContactMode.IN_PERSON)
        .kind(ContactKind.INDIVIDUAL)
        .addTopics(Topic.BREASTFEEDING, Topic.RECOVERY)
        .addParties(Party.REFERRAL_SOURCE)
        .addParties(Party.FAMILY)
        .memberEngaged(true)
        .staffId("S-002")
        .build();
  }

  static Document document() {
    return Document.builder()
        .id("D-1")
        .kind(DocumentKind.TREATMENT_PLAN)
        .date(LocalDate.of(2024, 3, 7))
        .addElements(ContentElement.MEASURABLE_GOALS_WITH_TIME_FRAMES, ContentElement.STRENGTHS,
            ContentElement.DIAGNOSIS_AND_FORMULATION)
        .addDevelopedWith(Party.MEMBER, Party.TREATMENT_TEAM)
        .memberSignedOn(LocalDate.of(2024, 3, 7))
        .memberRefusedToSign(false)
        .addStaffSignatures("S-002", "S-001")
        .addGivenTo(Party.MEMBER)
        .givenOn(LocalDate.of(2024, 3, 8))
        .addForwardedTo(Party.PCC)
        .build();
  }

  static ConsentRefusal consentRefusal() {
    return ConsentRefusal.builder()
        .id("CR-1")
        .refusedBy(Party.GUARDIAN)
        .at(Instant.parse("2024-03-12T15:00:00Z"))
        .addParties(Party.FAMILY)
        .addReferrals(ServiceCategory.WIC_NUTRITION)
        .build();
  }

  static NecessityDetermination necessityDetermination() {
    return NecessityDetermination.builder()
        .id("ND-1")
        .consultation(ConsultationKind.MEDICAL)
        .necessary(false)
        .assessedBy("S-002")
        .at(Instant.parse("2024-03-11T16:00:00Z"))
        .build();
  }

  static Consultation consultation() {
    return Consultation.builder()
        .id("CONS-1")
        .kind(ConsultationKind.OBSTETRIC)
        .arrangedAt(at("2024-03-05T16:00:00Z"))
        .scheduledFor(at("2024-03-12T14:00:00Z"))
        .completed(true)
        .build();
  }

  static Appointment appointment() {
    return Appointment.builder()
        .id("A-1")
        .kind(AppointmentKind.POSTPARTUM)
        .scheduledAt(at("2024-03-05T17:00:00Z"))
        .at(at("2024-03-20T13:30:00Z"))
        .kept(true)
        .keptVerifiedAt(at("2024-03-21T12:00:00Z"))
        .assistedByProgram(false)
        .build();
  }

  static Incident incident() {
    return Incident.builder()
        .id("I-1")
        .occurredAt(at("2024-04-02T03:10:00Z"))
        .reportable(true)
        .reportedAt(at("2024-04-02T15:00:00Z"))
        .build();
  }

  static WellnessPlan wellnessPlan() {
    return WellnessPlan.builder()
        .id("WP-1")
        .createdOn(LocalDate.of(2024, 3, 8))
        .createdInPerson(true)
        .memberDirected(true)
        .addGoals("Attend two recovery meetings a week", "Enroll in WIC")
        .addNeedsIdentified(ServiceCategory.PEER_SUPPORT, ServiceCategory.WIC_NUTRITION)
        .lastUpdatedOn(LocalDate.of(2024, 4, 8))
        .build();
  }

  static ServicePlan servicePlan() {
    return ServicePlan.builder()
        .id("SP-1")
        .completedOn(LocalDate.of(2024, 3, 14))
        .addProblemsAndNeeds("Unstable housing after discharge", "Postpartum depression symptoms")
        .addStrengths("Motivated to parent", "Supportive sister")
        .addGoals(goal(), Goal.builder().description("Feel connected to peers in recovery").measurable(false).build())
        .addInterventions("Weekly individual counselling", "Housing search assistance")
        .addStaffResponsibilities("S-002: housing applications", "S-003: peer support group")
        .lastReviewedOn(LocalDate.of(2024, 5, 14))
        .addStaffSignatures("S-002")
        .addDevelopedWith(Party.MEMBER, Party.FAMILY)
        .addReviews(planReview(),
            PlanReview.builder().reviewedOn(LocalDate.of(2024, 4, 14)).revised(false).build())
        .build();
  }

  static Goal goal() {
    return Goal.builder()
        .description("Secure a housing voucher")
        .measurable(true)
        .targetDate(LocalDate.of(2024, 6, 1))
        .build();
  }

  static PlanReview planReview() {
    return PlanReview.builder()
        .reviewedOn(LocalDate.of(2024, 5, 14))
        .revised(true)
        .afterSignificantChange(true)
        .build();
  }

  // ---------------------------------------------------------------- program

  static Program program() {
    return Program.builder()
        .id("PRG-RRS-01")
        .name("Harbor Family Recovery Home")
        .addServices(ServiceType.RRS_PPW, ServiceType.RC)
        .parentOrganization("Harbor Behavioral Health, Inc.")
        .addLicenses(license(),
            License.builder().issuer("DMH").kind("Mental Health Clinic").build(),
            License.builder().issuer("RI BHDDH").kind("Behavioral Health Organization").massachusetts(false).build())
        .addLocations(location(),
            Location.builder()
                .id("LOC-2")
                .inMassachusetts(true)
                .addHours(OpeningHours.builder().day(DayOfWeek.WEDNESDAY).opens(LocalTime.of(9, 0)).closes(LocalTime.of(12, 0)).build())
                .onsiteServices(false)
                .communityServices(true)
                .build())
        .onCall(onCallArrangement())
        .addStaff(staffMember(),
            StaffMember.builder().id("S-001").addRoles(StaffRole.PROGRAM_DIRECTOR).build(),
            StaffMember.builder().id("S-003").addRoles(StaffRole.RECOVERY_COACH).build())
        .addAgreements(agreement())
        .qualityPlan(qualityPlan())
        .addCapacityUpdates(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 4, 2))
        .addWrittenProcedures(ProcedureKind.ADMISSION_CRITERIA, ProcedureKind.DISCHARGE_CRITERIA,
            ProcedureKind.MEDICAL_PSYCHIATRIC_EMERGENCIES)
        .addAttestations(attestation())
        .build();
  }

  static License license() {
    return License.builder()
        .issuer("DPH/BSAS")
        .kind("Substance Use Disorder Treatment Program")
        .heldByParentOrganization(true)
        .massachusetts(true)
        .validThrough(LocalDate.of(2025, 12, 31))
        .build();
  }

  static Location location() {
    return Location.builder()
        .id("LOC-1")
        .inMassachusetts(true)
        .addHours(openingHours(),
            OpeningHours.builder().day(DayOfWeek.SATURDAY).opens(LocalTime.of(10, 0)).closes(LocalTime.of(14, 0)).build())
        .onsiteServices(true)
        .communityServices(true)
        .build();
  }

  static OpeningHours openingHours() {
    return OpeningHours.builder().day(DayOfWeek.MONDAY).opens(LocalTime.of(8, 30)).closes(LocalTime.of(17, 0)).build();
  }

  static OnCallArrangement onCallArrangement() {
    return OnCallArrangement.builder().coversClosedHours(true).triagesAndRefers(true).build();
  }

  static StaffMember staffMember() {
    return StaffMember.builder()
        .id("S-002")
        .addRoles(StaffRole.LICSW, StaffRole.CLINICAL_SUPERVISOR)
        .addCredentials("LICSW")
        .addCredentialsInProgress("CARC")
        .education(EducationLevel.MASTERS)
        .relevantExperienceYears(9)
        .livedExperience(true)
        .educationException("program director: equivalent adult education program")
        .supervisorId("S-001")
        .addTrainings(training())
        .build();
  }

  static Training training() {
    return Training.builder()
        .topic(TrainingTopic.PREGNANCY_AND_POSTPARTUM)
        .completedOn(LocalDate.of(2023, 9, 18))
        .eohhsApproved(true)
        .build();
  }

  static Agreement agreement() {
    return Agreement.builder()
        .id("AG-1")
        .kind(AgreementKind.AFFILIATION)
        .partnerCategory(PartnerCategory.BIRTHING_HOSPITAL)
        .partnerName("Harbor General Hospital")
        .addProcesses(ProcedureKind.REFERRAL, ProcedureKind.DISCHARGE)
        .signedOn(LocalDate.of(2023, 1, 15))
        .expiresOn(LocalDate.of(2026, 1, 14))
        .build();
  }

  static QualityPlan qualityPlan() {
    return QualityPlan.builder()
        .adoptedOn(LocalDate.of(2023, 7, 1))
        .continuousImprovement(true)
        .outcomeMeasures(true)
        .satisfactionSurveys(true)
        .build();
  }

  static Attestation attestation() {
    return Attestation.builder()
        .requirementId("RRS.STAFF.3")
        .attestedBy("Program Director")
        .attestedOn(LocalDate.of(2024, 4, 30))
        .build();
  }
}

package org.perfspecs.checks.specifications.esoap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.episode;
import static org.perfspecs.checks.Fixtures.member;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.program;
import static org.perfspecs.checks.Fixtures.record;

import static org.perfspecs.checks.specifications.esoap.EsoapComponentsOfService.CONSULTATIONS_WITHIN_48_HOURS;
import static org.perfspecs.checks.specifications.esoap.EsoapComponentsOfService.GENERAL_SPECIFICATIONS;
import static org.perfspecs.checks.specifications.esoap.EsoapComponentsOfService.LICENSURE_105_CMR_164;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perfspecs.checks.Basis;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Fixtures;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.Agreement;
import org.perfspecs.model.AgreementKind;
import org.perfspecs.model.Appointment;
import org.perfspecs.model.AppointmentKind;
import org.perfspecs.model.Attestation;
import org.perfspecs.model.CareProvider;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.ContactMode;
import org.perfspecs.model.Document;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Consultation;
import org.perfspecs.model.ConsultationKind;
import org.perfspecs.model.ImmutableEpisode;
import org.perfspecs.model.ImmutableMember;
import org.perfspecs.model.PregnancyState;
import org.perfspecs.model.PregnancyStatus;
import org.perfspecs.model.PartnerCategory;
import org.perfspecs.model.Program;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.ServiceType;
import org.perfspecs.model.StaffMember;
import org.perfspecs.model.Topic;
import org.perfspecs.model.Training;
import org.perfspecs.model.TrainingTopic;
import org.perfspecs.checks.EpisodeRequirement;

class EsoapComponentsOfServiceTest {
  /** Admitted Monday 2024-04-15 09:00 EDT: 48 hours later is Wednesday 2024-04-17 09:00 EDT. */
  private static final Instant ADMITTED = ny("2024-04-15T09:00");
  private static final Instant DUE = ny("2024-04-17T09:00");
  private static final Instant LATER = ny("2024-05-01T12:00");

  private static ImmutableMember.Builder pregnant() {
    return member().pregnancy(PregnancyStatus.builder().state(PregnancyState.PREGNANT).build());
  }

  private static ImmutableMember.Builder deliveredOn(String date) {
    return member().pregnancy(PregnancyStatus.builder().state(PregnancyState.POSTPARTUM)
        .deliveryDate(LocalDate.parse(date)).build());
  }

  private static ImmutableEpisode.Builder admitted(Instant at) {
    return episode(ServiceType.ESOAP).admittedAt(at);
  }

  private static Consultation consultation(String id, ConsultationKind kind, Instant arrangedAt) {
    return Consultation.builder().id(id).kind(kind).arrangedAt(arrangedAt).build();
  }

  private static Finding evaluate(CaseRecord r, Instant asOf) {
    return FindingChecks.evaluate(CONSULTATIONS_WITHIN_48_HOURS, r, asOf);
  }

  /** ESOAP.COMP.4.2: medical and obstetric consultations within 48 hours of admission. */
  @Nested
  class ConsultationsWithin48Hours {
    @Test
    @Verifies("ESOAP.COMP.4.2")
    void appliesToAMemberRecordedPostpartumWhoDeliveredAfterAdmission() {
      // pregnant at admission on 2024-04-15, delivered 2024-05-01: the condition holds
      Finding f = evaluate(record(deliveredOn("2024-05-01"), admitted(ADMITTED)), LATER);

      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("ESOAP.COMP.4.2")
    void doesNotApplyWhenTheDeliveryIsMoreThan42WeeksAfterAdmission() {
      Finding f = evaluate(record(deliveredOn("2025-02-04"), admitted(ADMITTED)), LATER);

      assertThat(f.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    @Verifies("ESOAP.COMP.4.2")
    void metWhenTheLaterConsultationIsArrangedAtExactly48Hours() {
      Finding f = evaluate(record(pregnant(), admitted(ADMITTED)
          .addConsultations(consultation("c-med", ConsultationKind.MEDICAL, ny("2024-04-15T10:00")))
          .addConsultations(consultation("c-ob", ConsultationKind.OBSTETRIC, DUE))), LATER);

      assertThat(f.outcome()).isEqualTo(Outcome.MET);
      assertThat(f.due()).get().extracting(d -> d.last()).isEqualTo(DUE);
      assertThat(f.evidence()).extracting(Evidence::id).containsExactly("e-1", "c-med", "c-ob");
    }

    @Test
    @Verifies("ESOAP.COMP.4.2")
    void aKindAssessedAsNotNecessaryIsNotRequired() {
      var notNecessary = org.perfspecs.model.NecessityDetermination.builder().id("nd").consultation(ConsultationKind.MEDICAL)
          .necessary(false).assessedBy("s-1").at(ny("2024-04-15T12:00")).build();
      Finding onlyObstetric = evaluate(record(pregnant(), admitted(ADMITTED).addNecessityDeterminations(notNecessary)
          .addConsultations(consultation("c-ob", ConsultationKind.OBSTETRIC, DUE))), LATER);
      assertThat(onlyObstetric.outcome()).isEqualTo(Outcome.MET);
      assertThat(onlyObstetric.evidence()).extracting(Evidence::id).contains("nd", "c-ob");
      Finding obstetricLate = evaluate(record(pregnant(), admitted(ADMITTED).addNecessityDeterminations(notNecessary)
          .addConsultations(consultation("c-ob", ConsultationKind.OBSTETRIC, DUE.plusSeconds(60)))), LATER);
      assertThat(obstetricLate.outcome()).isEqualTo(Outcome.NOT_MET);
      // a later determination that it is necessary stands over the earlier one: both required again
      Finding reassessed = evaluate(record(pregnant(), admitted(ADMITTED).addNecessityDeterminations(notNecessary,
          notNecessary.withId("nd-2").withNecessary(true).withAt(ny("2024-04-16T12:00")))
          .addConsultations(consultation("c-ob", ConsultationKind.OBSTETRIC, DUE))), LATER);
      assertThat(reassessed.outcome()).isEqualTo(Outcome.NOT_MET);
      // both assessed as not necessary: nothing is required
      Finding neither = evaluate(record(pregnant(), admitted(ADMITTED).addNecessityDeterminations(notNecessary,
          notNecessary.withId("nd-ob").withConsultation(ConsultationKind.OBSTETRIC))), LATER);
      assertThat(neither.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
      // without a statement both are required (the conservative reading)
      assertThat(evaluate(record(pregnant(), admitted(ADMITTED)
          .addConsultations(consultation("c-ob", ConsultationKind.OBSTETRIC, DUE))), LATER).outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("ESOAP.COMP.4.2")
    void notMetWhenArrangedAt48HoursAndOneMinute() {
      Finding f = evaluate(record(pregnant(), admitted(ADMITTED)
          .addConsultations(consultation("c-med", ConsultationKind.MEDICAL, ny("2024-04-17T09:01")))
          .addConsultations(consultation("c-ob", ConsultationKind.OBSTETRIC, ny("2024-04-15T10:00")))), LATER);

      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(f.reason()).contains("late");
      assertThat(f.due()).get().extracting(d -> d.last()).isEqualTo(DUE);
    }

    @Test
    @Verifies("ESOAP.COMP.4.2")
    void fortyEightHoursAreElapsedHoursAcrossTheDaylightSavingChange() {
      // admitted Saturday 2024-03-09 09:00 EST; 48 elapsed hours later is Monday 10:00 EDT
      ImmutableEpisode.Builder e = admitted(ny("2024-03-09T09:00"))
          .addConsultations(consultation("c-med", ConsultationKind.MEDICAL, ny("2024-03-09T10:00")));
      Finding onTime = evaluate(record(pregnant(), e.addConsultations(
          consultation("c-ob", ConsultationKind.OBSTETRIC, ny("2024-03-11T10:00")))), LATER);
      Finding late = evaluate(record(pregnant(), admitted(ny("2024-03-09T09:00"))
          .addConsultations(consultation("c-med", ConsultationKind.MEDICAL, ny("2024-03-09T10:00")))
          .addConsultations(consultation("c-ob", ConsultationKind.OBSTETRIC, ny("2024-03-11T10:01")))), LATER);

      assertThat(onTime.outcome()).isEqualTo(Outcome.MET);
      assertThat(late.outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @ParameterizedTest(name = "only {0} arranged: {1} missing")
    @CsvSource({"MEDICAL, obstetric", "OBSTETRIC, medical"})
    @Verifies("ESOAP.COMP.4.2")
    void notMetWhenOnlyOneKindIsArranged(ConsultationKind arranged, String missing) {
      Finding f = evaluate(record(pregnant(), admitted(ADMITTED)
          .addConsultations(consultation("c-1", arranged, ny("2024-04-15T10:00")))), LATER);

      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(f.reason()).startsWith("no ").contains(missing + " consultation").doesNotContain("medical or obstetric");
      assertThat(f.evidence()).extracting(Evidence::id).containsExactly("e-1", "c-1");
    }

    @Test
    @Verifies("ESOAP.COMP.4.2")
    void notMetWhenNothingIsArranged() {
      Finding f = evaluate(record(pregnant(), admitted(ADMITTED)), ny("2024-04-17T09:01"));
      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(f.reason()).contains("medical or obstetric");
    }

    @Test
    @Verifies("ESOAP.COMP.4.2")
    void otherConsultationsDoNotCount() {
      Finding f = evaluate(record(pregnant(), admitted(ADMITTED)
          .addConsultations(consultation("c-med", ConsultationKind.MEDICAL, ny("2024-04-15T10:00")))
          .addConsultations(consultation("c-psy", ConsultationKind.PSYCHIATRIC, ny("2024-04-15T10:00")))), LATER);
      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(f.reason()).contains("obstetric");
    }

    @Test
    @Verifies("ESOAP.COMP.4.2")
    void pendingBefore48HoursWithTheDueTime() {
      CaseRecord r = record(pregnant(), admitted(ADMITTED)
          .addConsultations(consultation("c-med", ConsultationKind.MEDICAL, ny("2024-04-15T10:00"))));

      Finding f = evaluate(r, ny("2024-04-16T12:00"));
      assertThat(f.outcome()).isEqualTo(Outcome.PENDING);
      assertThat(f.due()).get().extracting(d -> d.last()).isEqualTo(DUE);
      assertThat(f.reason()).contains("obstetric");
      assertThat(evaluate(r, DUE).outcome()).as("at exactly 48 hours").isEqualTo(Outcome.PENDING);
      assertThat(evaluate(r, DUE.plusNanos(1)).outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("ESOAP.COMP.4.2")
    void aConsultationArrangedAfterTheAsOfHasNotHappenedYet() {
      CaseRecord r = record(pregnant(), admitted(ADMITTED)
          .addConsultations(consultation("c-med", ConsultationKind.MEDICAL, ny("2024-04-15T10:00")))
          .addConsultations(consultation("c-ob", ConsultationKind.OBSTETRIC, ny("2024-04-16T14:00"))));

      assertThat(evaluate(r, ny("2024-04-16T12:00")).outcome()).isEqualTo(Outcome.PENDING);
      assertThat(evaluate(r, ny("2024-04-16T14:00")).outcome()).isEqualTo(Outcome.MET);
    }

    @Test
    @Verifies("ESOAP.COMP.4.2")
    void theEarliestConsultationOfEachKindCounts() {
      Finding f = evaluate(record(pregnant(), admitted(ADMITTED)
          .addConsultations(consultation("c-med-late", ConsultationKind.MEDICAL, ny("2024-04-20T10:00")))
          .addConsultations(consultation("c-med", ConsultationKind.MEDICAL, ny("2024-04-15T10:00")))
          .addConsultations(consultation("c-ob", ConsultationKind.OBSTETRIC, ny("2024-04-16T10:00")))), LATER);
      assertThat(f.outcome()).isEqualTo(Outcome.MET);
      assertThat(f.evidence()).extracting(Evidence::id).containsExactly("e-1", "c-med", "c-ob");
    }

    @Test
    @Verifies("ESOAP.COMP.4.2")
    void notApplicableWhenNotPregnant() {
      Finding f = evaluate(record(member(), admitted(ADMITTED)), LATER);
      assertThat(f.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(f.reason()).contains("neither pregnant nor within one year after childbirth");
    }

    @Test
    @Verifies("ESOAP.COMP.4.2")
    void notApplicableWhenDeliveredMoreThanAYearBeforeAdmission() {
      Finding f = evaluate(record(deliveredOn("2023-04-14"), admitted(ADMITTED)), LATER);
      assertThat(f.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    @Verifies("ESOAP.COMP.4.2")
    void appliesWhenDeliveredExactlyOneYearBeforeAdmission() {
      Finding f = evaluate(record(deliveredOn("2023-04-15"), admitted(ADMITTED)), LATER);
      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("ESOAP.COMP.4.2")
    void theAdmissionDateIsTakenInNewYork() {
      // 2024-04-15T02:00Z is 2024-04-14 22:00 EDT: one year after a 2023-04-14 delivery, so the condition holds
      Finding f = evaluate(record(deliveredOn("2023-04-14"), admitted(Instant.parse("2024-04-15T02:00:00Z"))), LATER);
      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("ESOAP.COMP.4.2")
    void undeterminedWithoutAnAdmission() {
      Finding f = evaluate(record(pregnant(), episode(ServiceType.ESOAP)), LATER);
      assertThat(f.outcome()).isEqualTo(Outcome.UNDETERMINED);
      assertThat(f.reason()).contains("no admission time is recorded");
    }

    @Test
    @Verifies("ESOAP.COMP.4.2")
    void undeterminedWhenTheAdmissionIsStampedAfterTheAsOf() {
      Finding f = evaluate(record(pregnant(), admitted(ADMITTED)), ny("2024-04-15T08:59"));
      assertThat(f.outcome()).isEqualTo(Outcome.UNDETERMINED);
      assertThat(f.reason()).contains("admission");
    }
  }

  /** ESOAP.COMP.1 and ESOAP.COMP.2: deferrals to external documents. */
  @Nested
  class ExternalDeferrals {
    private final Program program = program(ServiceType.ESOAP)
        // an attestation does not turn an external deferral into a judgment
        .addAttestations(Attestation.builder().requirementId("ESOAP.COMP.1").attestedBy("director")
            .attestedOn(LocalDate.of(2024, 1, 2)).build())
        .build();

    @Test
    @Verifies("ESOAP.COMP.1")
    void generalSpecificationsAreNotEvaluatedAndTheDocumentIsNamed() {
      assertExternal(GENERAL_SPECIFICATIONS, Esoap.GENERAL_SPECIFICATIONS + ", Components of Service");
    }

    @Test
    @Verifies("ESOAP.COMP.2")
    void licensureIsNotEvaluatedAndTheDocumentIsNamed() {
      assertExternal(LICENSURE_105_CMR_164, Esoap.CMR_105_164);
      assertThat(Esoap.CMR_105_164).contains("105 CMR 164");
    }

    private void assertExternal(ProgramRequirement r, String document) {
      Finding f = FindingChecks.evaluate(r, program, LATER);

      assertThat(r.basis()).isEqualTo(Basis.EXTERNAL);
      assertThat(r.externalDocument()).hasValue(document);
      assertThat(f.outcome()).isEqualTo(Outcome.NOT_EVALUATED);
      assertThat(f.reason()).contains(document);
      assertThat(f.subjectKind()).isEqualTo(Basis.PROGRAM);
      assertThat(f.subjectId()).isEqualTo("p-1");
      assertThat(f.due()).isEmpty();
    }
  }

  private static final CareProvider PCC = CareProvider.builder().name("Dr PCC").build();
  private static final CareProvider OB = CareProvider.builder().name("Dr OB").build();

  private static Contact contact(String id, Instant at, ContactKind kind, Topic... topics) {
    return Contact.builder().id(id).at(at).minutes(60).mode(ContactMode.IN_PERSON).kind(kind)
        .memberEngaged(true).addTopics(topics).build();
  }

  private static Referral referral(String id, ServiceCategory target, Instant at) {
    return Referral.builder().id(id).target(target).at(at).build();
  }

  private static Appointment appointment(String id, AppointmentKind kind, Instant scheduledAt, Instant at) {
    return Appointment.builder().id(id).kind(kind).scheduledAt(scheduledAt).at(at).build();
  }

  private static Outcome outcome(EpisodeRequirement r, CaseRecord record, Instant asOf) {
    return FindingChecks.evaluate(r, record, asOf).outcome();
  }

  /** ESOAP.COMP.3.a: weekly capacity updates. */
  @Nested
  class CapacityUpdates {
    private Finding evaluateUpdates(Instant asOf, String... dates) {
      var b = program(ServiceType.ESOAP);
      for (String d : dates) {
        b.addCapacityUpdates(LocalDate.parse(d));
      }
      return FindingChecks.evaluate(EsoapComponentsOfService.CAPACITY_UPDATED_WEEKLY, b.build(), asOf);
    }

    @Test
    @Verifies("ESOAP.COMP.3.a")
    void updatesExactlySevenDaysApartAreMet() {
      Finding f = evaluateUpdates(ny("2024-04-20T12:00"), "2024-04-01", "2024-04-08", "2024-04-15");
      assertThat(f.outcome()).isEqualTo(Outcome.MET);
      assertThat(f.reason()).contains("2024-04-22");
    }

    @Test
    @Verifies("ESOAP.COMP.3.a")
    void aGapOfEightDaysIsNotMet() {
      Finding f = evaluateUpdates(ny("2024-04-20T12:00"), "2024-04-01", "2024-04-09", "2024-04-15");
      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(f.reason()).contains("8 days apart");
    }

    @Test
    @Verifies("ESOAP.COMP.3.a")
    void theNextUpdateIsDueByTheEndOfTheSeventhDay() {
      assertThat(evaluateUpdates(Fixtures.endOfDay("2024-04-22"), "2024-04-15").outcome()).isEqualTo(Outcome.MET);
      Finding late = evaluateUpdates(Fixtures.startOfDay("2024-04-23"), "2024-04-15");
      assertThat(late.outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(late.due()).get().extracting(d -> d.last()).isEqualTo(Fixtures.endOfDay("2024-04-22"));
    }

    @Test
    @Verifies("ESOAP.COMP.3.a")
    void noUpdateIsNotMetAndFutureUpdatesDoNotCount() {
      assertThat(evaluateUpdates(LATER).outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(evaluateUpdates(ny("2024-04-10T12:00"), "2024-04-11").outcome()).isEqualTo(Outcome.NOT_MET);
    }
  }

  @Test
  @Verifies("ESOAP.COMP.3.b")
  void websiteInformationIsAttested() {
    EsoapTestSupport.assertAttested(EsoapComponentsOfService.WEBSITE_INFORMATION_CURRENT);
  }

  /** ESOAP.COMP.3.c: every staff member trained on the website. */
  @Nested
  class WebsiteTraining {
    private StaffMember staff(String id, String trainedOn) {
      var b = StaffMember.builder().id(id);
      if (trainedOn != null) {
        b.addTrainings(Training.builder().topic(TrainingTopic.BEHAVIORAL_HEALTH_ACCESS_WEBSITE)
            .completedOn(LocalDate.parse(trainedOn)).build());
      }
      return b.build();
    }

    private Finding evaluateStaff(StaffMember... staff) {
      return FindingChecks.evaluate(EsoapComponentsOfService.STAFF_TRAINED_ON_WEBSITE,
          program(ServiceType.ESOAP).addStaff(staff).build(), ny("2024-05-01T12:00"));
    }

    @Test
    @Verifies("ESOAP.COMP.3.c")
    void metWhenEveryStaffMemberIsTrainedByTheAsOfDate() {
      assertThat(evaluateStaff(staff("s-1", "2024-01-01"), staff("s-2", "2024-05-01")).outcome()).isEqualTo(Outcome.MET);
    }

    @Test
    @Verifies("ESOAP.COMP.3.c")
    void notMetWhenOneIsUntrainedOrTrainedLaterOrNoStaff() {
      Finding f = evaluateStaff(staff("s-1", "2024-01-01"), staff("s-2", null), staff("s-3", "2024-05-02"));
      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(f.reason()).contains("s-2").contains("s-3").doesNotContain("s-1");
      assertThat(evaluateStaff().outcome()).isEqualTo(Outcome.NOT_MET);
    }
  }

  /** ESOAP.COMP.4.1: capacity for members on medications for addiction treatment. */
  @Nested
  class MedicationCapacity {
    private final Instant asOf = ny("2024-05-01T12:00");

    private Agreement agreement(AgreementKind kind, PartnerCategory partner, String expires) {
      var b = Agreement.builder().id("a-1").kind(kind).partnerCategory(partner).partnerName("OTP")
          .signedOn(LocalDate.of(2023, 1, 1));
      if (expires != null) {
        b.expiresOn(LocalDate.parse(expires));
      }
      return b.build();
    }

    @Test
    @Verifies("ESOAP.COMP.4.1")
    void metByAnActiveAffiliationAgreement() {
      Finding f = FindingChecks.evaluate(EsoapComponentsOfService.MEDICATION_CAPACITY, program(ServiceType.ESOAP)
          .addAgreements(agreement(AgreementKind.AFFILIATION, PartnerCategory.MEDICATION_FOR_ADDICTION_TREATMENT, "2024-05-01"))
          .build(), asOf);
      assertThat(f.outcome()).isEqualTo(Outcome.MET);
      assertThat(f.evidence()).extracting(Evidence::id).containsExactly("a-1");
    }

    @Test
    @Verifies("ESOAP.COMP.4.1")
    void anExpiredOrOtherAgreementDoesNotCountButAnAttestationOfInHouseCapacityDoes() {
      Program expired = program(ServiceType.ESOAP)
          .addAgreements(agreement(AgreementKind.AFFILIATION, PartnerCategory.MEDICATION_FOR_ADDICTION_TREATMENT, "2024-04-30"))
          .build();
      assertThat(FindingChecks.evaluate(EsoapComponentsOfService.MEDICATION_CAPACITY, expired, asOf).outcome())
          .isEqualTo(Outcome.NOT_MET);
      Program other = program(ServiceType.ESOAP)
          .addAgreements(agreement(AgreementKind.LINKAGE, PartnerCategory.MEDICATION_FOR_ADDICTION_TREATMENT, null))
          .build();
      assertThat(FindingChecks.evaluate(EsoapComponentsOfService.MEDICATION_CAPACITY, other, asOf).outcome())
          .isEqualTo(Outcome.NOT_MET);
      Finding attested = FindingChecks.evaluate(EsoapComponentsOfService.MEDICATION_CAPACITY,
          EsoapTestSupport.programWithAttestation("ESOAP.COMP.4.1", LocalDate.of(2024, 5, 1)), asOf);
      assertThat(attested.outcome()).isEqualTo(Outcome.MET);
      assertThat(attested.reason()).contains("in-house");
    }
  }

  /** ESOAP.COMP.4.3: one health education session per day of attendance. */
  @Nested
  class DailyHealthEducation {
    private Finding evaluateDays(Instant asOf, Contact... contacts) {
      return FindingChecks.evaluate(EsoapComponentsOfService.DAILY_HEALTH_EDUCATION,
          record(pregnant(), admitted(ADMITTED).addContacts(contacts)), asOf);
    }

    @Test
    @Verifies("ESOAP.COMP.4.3")
    void metWhenEveryDayOfAttendanceHasASession() {
      Finding f = evaluateDays(LATER,
          contact("c-1", ny("2024-04-15T10:00"), ContactKind.PROGRAM_DAY),
          contact("c-2", ny("2024-04-15T13:00"), ContactKind.EDUCATION, Topic.PRENATAL_CARE),
          contact("c-3", ny("2024-04-16T10:00"), ContactKind.GROUP, Topic.HIV_AIDS));
      assertThat(f.outcome()).isEqualTo(Outcome.MET);
      assertThat(f.evidence()).extracting(Evidence::id).containsExactly("c-2", "c-3");
    }

    @Test
    @Verifies("ESOAP.COMP.4.3")
    void notMetWhenADayOfAttendanceHasNone() {
      Finding f = evaluateDays(LATER,
          contact("c-1", ny("2024-04-15T10:00"), ContactKind.EDUCATION, Topic.POSTPARTUM_CARE),
          contact("c-2", ny("2024-04-16T10:00"), ContactKind.GROUP, Topic.RECOVERY));
      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(f.reason()).contains("2024-04-16");
    }

    @Test
    @Verifies("ESOAP.COMP.4.3")
    void todayIsPendingUntilItsLastNanosecond() {
      Contact c = contact("c-1", ny("2024-04-16T10:00"), ContactKind.PROGRAM_DAY);
      Finding f = evaluateDays(Fixtures.endOfDay("2024-04-16"), c);
      assertThat(f.outcome()).isEqualTo(Outcome.PENDING);
      assertThat(f.due()).get().extracting(d -> d.last()).isEqualTo(Fixtures.endOfDay("2024-04-16"));
      assertThat(evaluateDays(Fixtures.startOfDay("2024-04-17"), c).outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("ESOAP.COMP.4.3")
    void notApplicableWithoutAttendanceAndTextsOrContactsWithoutTheMemberDoNotMakeADay() {
      Contact text = Contact.builder().id("c-1").at(ny("2024-04-16T10:00")).minutes(0).mode(ContactMode.TEXT)
          .kind(ContactKind.INDIVIDUAL).memberEngaged(true).build();
      Contact attempt = Contact.builder().id("c-2").at(ny("2024-04-16T11:00")).minutes(0).mode(ContactMode.PHONE)
          .kind(ContactKind.INDIVIDUAL).memberEngaged(false).build();
      assertThat(evaluateDays(LATER, text, attempt).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(evaluateDays(LATER).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    @Verifies("ESOAP.COMP.4.3")
    void aDischargedEpisodeIsJudgedOnItsLastDayAndContactsAfterDischargeDoNotCount() {
      CaseRecord r = record(pregnant(), admitted(ADMITTED).dischargedAt(ny("2024-04-16T12:00"))
          .addContacts(contact("c-1", ny("2024-04-15T10:00"), ContactKind.EDUCATION, Topic.HIV_AIDS))
          .addContacts(contact("c-2", ny("2024-04-16T10:00"), ContactKind.PROGRAM_DAY))
          .addContacts(contact("c-3", ny("2024-04-16T15:00"), ContactKind.EDUCATION, Topic.HIV_AIDS)));
      assertThat(outcome(EsoapComponentsOfService.DAILY_HEALTH_EDUCATION, r, ny("2024-04-16T18:00"))).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("ESOAP.COMP.4.3")
    void conditionsNotPregnantAndNoAdmission() {
      assertThat(outcome(EsoapComponentsOfService.DAILY_HEALTH_EDUCATION, record(member(), admitted(ADMITTED)), LATER))
          .isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(outcome(EsoapComponentsOfService.DAILY_HEALTH_EDUCATION, record(pregnant(), episode(ServiceType.ESOAP)), LATER))
          .isEqualTo(Outcome.UNDETERMINED);
    }
  }

  /** ESOAP.COMP.5.a and 5.b: transportation, when the record marks the need. */
  @Nested
  class Transportation {
    private ImmutableEpisode.Builder needing() {
      return admitted(ADMITTED).addServiceNeeds(ServiceCategory.TRANSPORTATION);
    }

    @Test
    @Verifies("ESOAP.COMP.5.a")
    void communityTransportationByReferralOrNote() {
      EpisodeRequirement r = EsoapComponentsOfService.COMMUNITY_TRANSPORTATION;
      assertThat(outcome(r, record(pregnant(), needing().addReferralsMade(
          referral("r-1", ServiceCategory.TRANSPORTATION, ny("2024-04-16T10:00")))), LATER)).isEqualTo(Outcome.MET);
      assertThat(outcome(r, record(pregnant(), needing().addDocuments(Document.builder().id("d-1")
          .kind(DocumentKind.TRANSPORTATION_ASSISTANCE_NOTE).date(LocalDate.of(2024, 4, 16)).build())), LATER))
          .isEqualTo(Outcome.MET);
      assertThat(outcome(r, record(pregnant(), needing().addReferralsMade(
          referral("r-1", ServiceCategory.TRANSPORTATION, ny("2024-04-16T10:00")))), ny("2024-04-16T09:59")))
          .as("a referral after the as-of has not happened").isEqualTo(Outcome.NOT_MET);
      assertThat(outcome(r, record(pregnant(), admitted(ADMITTED)), LATER)).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(outcome(r, record(member(), needing()), LATER)).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    @Verifies("ESOAP.COMP.5.b")
    void directTransportationByATransportationContact() {
      EpisodeRequirement r = EsoapComponentsOfService.DIRECT_TRANSPORTATION;
      CaseRecord driven = record(pregnant(), needing().addContacts(contact("c-1", ny("2024-04-16T10:00"), ContactKind.TRANSPORTATION)));
      assertThat(outcome(r, driven, LATER)).isEqualTo(Outcome.MET);
      assertThat(outcome(r, driven, ny("2024-04-16T09:00"))).isEqualTo(Outcome.NOT_MET);
      assertThat(outcome(r, record(pregnant(), needing()), LATER)).isEqualTo(Outcome.NOT_MET);
      assertThat(outcome(r, record(pregnant(), admitted(ADMITTED)), LATER)).isEqualTo(Outcome.NOT_APPLICABLE);
    }
  }

  /** ESOAP.COMP.6.a: PCC appointment when no complete physical in six months. */
  @Nested
  class PhysicalExamination {
    private final EpisodeRequirement r = EsoapComponentsOfService.PCC_APPOINTMENT_FOR_PHYSICAL;

    private ImmutableMember.Builder withPcc(String lastExam) {
      var m = pregnant().primaryCareClinician(PCC);
      return lastExam == null ? m : m.lastCompletePhysicalExam(LocalDate.parse(lastExam));
    }

    @Test
    @Verifies("ESOAP.COMP.6.a")
    void anExamExactlySixMonthsBeforeAdmissionMakesItNotApplicable() {
      assertThat(outcome(r, record(withPcc("2023-10-15"), admitted(ADMITTED)), LATER)).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(outcome(r, record(withPcc("2023-10-14"), admitted(ADMITTED)), LATER)).isEqualTo(Outcome.NOT_MET);
      assertThat(outcome(r, record(withPcc(null), admitted(ADMITTED)), LATER)).as("unknown exam date").isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("ESOAP.COMP.6.a")
    void metByAnAssistedPrimaryCareAppointment() {
      Appointment a = appointment("ap-1", AppointmentKind.PHYSICAL_EXAM, ny("2024-04-16T10:00"), ny("2024-05-01T10:00"));
      Finding f = FindingChecks.evaluate(r, record(withPcc(null), admitted(ADMITTED).addAppointments(a)), LATER);
      assertThat(f.outcome()).isEqualTo(Outcome.MET);
      assertThat(f.evidence()).extracting(Evidence::id).containsExactly("ap-1");
      Appointment unassisted = Appointment.builder().from(a).assistedByProgram(false).build();
      assertThat(outcome(r, record(withPcc(null), admitted(ADMITTED).addAppointments(unassisted)), LATER)).isEqualTo(Outcome.NOT_MET);
      assertThat(outcome(r, record(withPcc(null), admitted(ADMITTED).addAppointments(a)), ny("2024-04-16T09:00")))
          .isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("ESOAP.COMP.6.a")
    void notApplicableWithoutAPccOrWhenNotPregnant() {
      assertThat(outcome(r, record(pregnant(), admitted(ADMITTED)), LATER)).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(outcome(r, record(member().primaryCareClinician(PCC), admitted(ADMITTED)), LATER)).isEqualTo(Outcome.NOT_APPLICABLE);
    }
  }

  @Test
  @Verifies("ESOAP.COMP.6.b")
  void noPccDefersToTheGeneralSpecifications() {
    EsoapTestSupport.assertExternal(EsoapComponentsOfService.NO_PCC_GENERAL_SPECIFICATIONS,
        Esoap.GENERAL_SPECIFICATIONS + " (members without a PCC)");
  }

  /** ESOAP.COMP.6.c and 6.c.1: referral to an obstetric provider, and follow-up. */
  @Nested
  class ObstetricReferral {
    @Test
    @Verifies("ESOAP.COMP.6.c")
    void metByAReferralWhenTheMemberHasNoObstetricProvider() {
      EpisodeRequirement r = EsoapComponentsOfService.OBSTETRIC_REFERRAL;
      CaseRecord referred = record(pregnant(), admitted(ADMITTED).addReferralsMade(
          referral("r-1", ServiceCategory.OBSTETRIC_PROVIDER, ny("2024-04-15T11:00"))));
      assertThat(outcome(r, referred, LATER)).isEqualTo(Outcome.MET);
      assertThat(outcome(r, referred, ny("2024-04-15T10:00"))).isEqualTo(Outcome.NOT_MET);
      assertThat(outcome(r, record(pregnant(), admitted(ADMITTED).addReferralsMade(
          referral("r-1", ServiceCategory.PCC, ny("2024-04-15T11:00")))), LATER)).isEqualTo(Outcome.NOT_MET);
      assertThat(outcome(r, record(pregnant().obstetricProvider(OB), admitted(ADMITTED)), LATER)).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    private CaseRecord consented(org.perfspecs.model.ImmutableReferral.Builder referral, Appointment... visits) {
      return record(pregnant(), admitted(ADMITTED).addReferralsMade(referral.build()).addAppointments(visits));
    }

    private org.perfspecs.model.ImmutableReferral.Builder obReferral() {
      return Referral.builder().id("r-1").target(ServiceCategory.OBSTETRIC_PROVIDER).at(ny("2024-04-15T11:00"))
          .memberConsented(true);
    }

    @Test
    @Verifies("ESOAP.COMP.6.c.1")
    void metWhenTheFollowUpIsRecorded() {
      Finding f = FindingChecks.evaluate(EsoapComponentsOfService.OBSTETRIC_VISIT_FOLLOW_UP,
          consented(obReferral().followedUpAt(ny("2024-04-25T10:00"))), LATER);
      assertThat(f.outcome()).isEqualTo(Outcome.MET);
    }

    @Test
    @Verifies("ESOAP.COMP.6.c.1")
    void pendingUntilTheEndOfTheVisitDayThenNotMet() {
      Appointment visit = appointment("ap-1", AppointmentKind.PRENATAL, ny("2024-04-16T10:00"), ny("2024-04-24T10:00"));
      CaseRecord r = consented(obReferral(), visit);
      Finding pending = FindingChecks.evaluate(EsoapComponentsOfService.OBSTETRIC_VISIT_FOLLOW_UP, r, Fixtures.endOfDay("2024-04-24"));
      assertThat(pending.outcome()).isEqualTo(Outcome.PENDING);
      assertThat(pending.due()).get().extracting(d -> d.last()).isEqualTo(Fixtures.endOfDay("2024-04-24"));
      assertThat(outcome(EsoapComponentsOfService.OBSTETRIC_VISIT_FOLLOW_UP, r, Fixtures.startOfDay("2024-04-25")))
          .isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("ESOAP.COMP.6.c.1")
    void notMetWithoutFollowUpOrVisitAndNotApplicableWithoutConsent() {
      assertThat(outcome(EsoapComponentsOfService.OBSTETRIC_VISIT_FOLLOW_UP, consented(obReferral()), LATER))
          .isEqualTo(Outcome.NOT_MET);
      assertThat(outcome(EsoapComponentsOfService.OBSTETRIC_VISIT_FOLLOW_UP, consented(obReferral().memberConsented(false)), LATER))
          .isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(outcome(EsoapComponentsOfService.OBSTETRIC_VISIT_FOLLOW_UP,
          consented(obReferral().followedUpAt(ny("2024-04-25T10:00"))), ny("2024-04-25T09:00")))
          .as("a follow-up after the as-of has not happened").isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("ESOAP.COMP.6.c.1")
    void aDocumentedRefusalOfTheReferralStandsOverTheConsent() {
      CaseRecord r = consented(obReferral());
      var refusal = org.perfspecs.model.ConsentRefusal.builder().id("cr-1").at(ny("2024-04-20T10:00"))
          .addReferrals(ServiceCategory.OBSTETRIC_PROVIDER).build();
      CaseRecord refused = CaseRecord.builder().from(r).episode(org.perfspecs.model.ImmutableEpisode.builder()
          .from(r.episode()).addConsentRefusals(refusal).build()).build();
      assertThat(outcome(EsoapComponentsOfService.OBSTETRIC_VISIT_FOLLOW_UP, refused, LATER)).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(outcome(EsoapComponentsOfService.OBSTETRIC_VISIT_FOLLOW_UP, refused, ny("2024-04-20T09:00")))
          .as("before the refusal").isNotEqualTo(Outcome.NOT_APPLICABLE);
    }
  }

  @Test
  @Verifies("ESOAP.COMP.6.d")
  void walkInAppointmentsWhenNeeded() {
    EpisodeRequirement r = EsoapComponentsOfService.WALK_IN_APPOINTMENTS;
    ImmutableEpisode.Builder needing = admitted(ADMITTED).addServiceNeeds(ServiceCategory.WALK_IN_MEDICAL);
    assertThat(outcome(r, record(pregnant(), admitted(ADMITTED).addServiceNeeds(ServiceCategory.WALK_IN_MEDICAL)
        .addAppointments(appointment("ap-1", AppointmentKind.WALK_IN_MEDICAL, ny("2024-04-16T10:00"), ny("2024-04-17T10:00")))),
        LATER)).isEqualTo(Outcome.MET);
    assertThat(outcome(r, record(pregnant(), admitted(ADMITTED).addServiceNeeds(ServiceCategory.WALK_IN_MEDICAL)
        .addReferralsMade(referral("r-1", ServiceCategory.WALK_IN_MEDICAL, ny("2024-04-16T10:00")))), LATER))
        .isEqualTo(Outcome.MET);
    assertThat(outcome(r, record(pregnant(), needing), LATER)).isEqualTo(Outcome.NOT_MET);
    assertThat(outcome(r, record(pregnant(), admitted(ADMITTED)), LATER)).isEqualTo(Outcome.NOT_APPLICABLE);
  }

  /** ESOAP.COMP.6.e.1-7: encouragement to undergo each test, when indicated. */
  @Nested
  class Testing {
    @ParameterizedTest(name = "6.e.{0}")
    @CsvSource({"1, HIV_TESTING", "2, SYPHILIS_TESTING", "3, HEPATITIS_B_TESTING", "4, HEPATITIS_C_TESTING",
        "5, CHLAMYDIA_TESTING", "6, GONORRHEA_TESTING", "7, PAP_TESTING"})
    @Verifies({"ESOAP.COMP.6.e.1", "ESOAP.COMP.6.e.2", "ESOAP.COMP.6.e.3", "ESOAP.COMP.6.e.4", "ESOAP.COMP.6.e.5",
        "ESOAP.COMP.6.e.6", "ESOAP.COMP.6.e.7"})
    void eachTestWhenIndicated(int n, Topic topic) {
      EpisodeRequirement r = (EpisodeRequirement) Esoap.specification().requirements().stream()
          .filter(q -> q.id().equals("ESOAP.COMP.6.e." + n)).findFirst().orElseThrow();
      ImmutableEpisode.Builder indicated = admitted(ADMITTED).addCounselingNeeds(topic);
      assertThat(outcome(r, record(pregnant(), admitted(ADMITTED).addCounselingNeeds(topic)
          .addContacts(contact("c-1", ny("2024-04-16T10:00"), ContactKind.INDIVIDUAL, topic))), LATER)).isEqualTo(Outcome.MET);
      assertThat(outcome(r, record(pregnant(), admitted(ADMITTED).addCounselingNeeds(topic)
          .addContacts(contact("c-1", ny("2024-04-16T10:00"), ContactKind.INDIVIDUAL, topic))), ny("2024-04-16T09:00")))
          .isEqualTo(Outcome.NOT_MET);
      assertThat(outcome(r, record(pregnant(), indicated), LATER)).isEqualTo(Outcome.NOT_MET);
      assertThat(outcome(r, record(pregnant(), admitted(ADMITTED)), LATER)).isEqualTo(Outcome.NOT_APPLICABLE);
      boolean infectious = topic != Topic.PAP_TESTING;
      Outcome umbrella = outcome(r, record(pregnant(), admitted(ADMITTED).addCounselingNeeds(Topic.INFECTIOUS_DISEASE_TESTING)
          .addReferralsMade(referral("r-1", ServiceCategory.HIV_HEPATITIS_STI_TESTING, ny("2024-04-16T10:00")))), LATER);
      assertThat(umbrella).isEqualTo(infectious ? Outcome.MET : Outcome.NOT_APPLICABLE);
    }
  }

  @org.junit.jupiter.api.Test
  @Verifies({"ESOAP.COMP.4.2", "ESOAP.COMP.4.3", "ESOAP.COMP.5.a", "ESOAP.COMP.5.b", "ESOAP.COMP.6.a", "ESOAP.COMP.6.c", "ESOAP.COMP.6.c.1", "ESOAP.COMP.6.d", "ESOAP.COMP.6.e.1", "ESOAP.COMP.6.e.2", "ESOAP.COMP.6.e.3", "ESOAP.COMP.6.e.4", "ESOAP.COMP.6.e.5", "ESOAP.COMP.6.e.6", "ESOAP.COMP.6.e.7"})
  void everyEpisodeRequirementAppliesOnlyToAMemberPregnantOrPostpartumAtAdmission() {
    assertThat(EsoapTestSupport.assertPregnancyCondition("COMP")).containsExactlyInAnyOrder("ESOAP.COMP.4.2", "ESOAP.COMP.4.3", "ESOAP.COMP.5.a", "ESOAP.COMP.5.b", "ESOAP.COMP.6.a", "ESOAP.COMP.6.c", "ESOAP.COMP.6.c.1", "ESOAP.COMP.6.d", "ESOAP.COMP.6.e.1", "ESOAP.COMP.6.e.2", "ESOAP.COMP.6.e.3", "ESOAP.COMP.6.e.4", "ESOAP.COMP.6.e.5", "ESOAP.COMP.6.e.6", "ESOAP.COMP.6.e.7");
  }
}

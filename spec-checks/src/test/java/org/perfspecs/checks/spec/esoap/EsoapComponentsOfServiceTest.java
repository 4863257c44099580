package org.perfspecs.checks.spec.esoap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.episode;
import static org.perfspecs.checks.Fixtures.member;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.program;
import static org.perfspecs.checks.Fixtures.record;
import static org.perfspecs.checks.spec.esoap.EsoapComponentsOfService.CONSULTATIONS_WITHIN_48_HOURS;
import static org.perfspecs.checks.spec.esoap.EsoapComponentsOfService.GENERAL_SPECIFICATIONS;
import static org.perfspecs.checks.spec.esoap.EsoapComponentsOfService.LICENSURE_105_CMR_164;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perfspecs.checks.Basis;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.Attestation;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Consultation;
import org.perfspecs.model.ConsultationKind;
import org.perfspecs.model.ImmutableEpisode;
import org.perfspecs.model.ImmutableMember;
import org.perfspecs.model.PregnancyState;
import org.perfspecs.model.PregnancyStatus;
import org.perfspecs.model.Program;
import org.perfspecs.model.ServiceType;

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
}

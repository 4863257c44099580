package org.perfspecs.checks.specifications.esoap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.member;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.record;
import static org.perfspecs.checks.specifications.esoap.EsoapTestSupport.LATER;
import static org.perfspecs.checks.specifications.esoap.EsoapTestSupport.admitted;
import static org.perfspecs.checks.specifications.esoap.EsoapTestSupport.pregnant;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.Appointment;
import org.perfspecs.model.AppointmentKind;
import org.perfspecs.model.CareProvider;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.Document;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.ImmutableEpisode;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ServiceCategory;

class EsoapDischargePlanningTest {
  private static final Instant DISCHARGED = ny("2024-05-10T15:00");

  private static ImmutableEpisode.Builder discharged() {
    return admitted().dischargedAt(DISCHARGED);
  }

  private static Referral referral(ServiceCategory target, Instant at) {
    return Referral.builder().id("r-1").target(target).at(at).build();
  }

  private static Outcome outcome(EpisodeRequirement r, CaseRecord record, Instant asOf) {
    return FindingChecks.evaluate(r, record, asOf).outcome();
  }

  @Test
  @Verifies("ESOAP.DISCH.1")
  void stableSafeLivingByADocumentOrAHousingReferral() {
    EpisodeRequirement r = EsoapDischargePlanning.STABLE_SAFE_LIVING;
    Document plan = Document.builder().id("d-1").kind(DocumentKind.DISCHARGE_PLAN).date(LocalDate.of(2024, 5, 9))
        .addElements(ContentElement.STABLE_SAFE_LIVING_SITUATION).build();
    assertThat(outcome(r, record(pregnant(), discharged().addDocuments(plan)), LATER)).isEqualTo(Outcome.MET);
    assertThat(outcome(r, record(pregnant(), discharged().addReferralsMade(referral(ServiceCategory.HOUSING, DISCHARGED))), LATER))
        .isEqualTo(Outcome.MET);
    assertThat(outcome(r, record(pregnant(), discharged().addReferralsMade(referral(ServiceCategory.HOUSING, DISCHARGED.plusSeconds(60)))), LATER))
        .as("a referral after discharge").isEqualTo(Outcome.NOT_MET);
    assertThat(outcome(r, record(pregnant(), discharged()), LATER)).isEqualTo(Outcome.NOT_MET);
    assertThat(outcome(r, record(pregnant(), discharged()), DISCHARGED.minusNanos(1))).as("not discharged yet").isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(outcome(r, record(member(), discharged()), LATER)).isEqualTo(Outcome.NOT_APPLICABLE);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "ESOAP.DISCH.2.a.1, OBSTETRIC_PROVIDER, OBSTETRIC",
      "ESOAP.DISCH.2.a.2, PEDIATRICS, PEDIATRIC",
      "ESOAP.DISCH.2.a.3, PCC, PRIMARY_CARE",
      "ESOAP.DISCH.2.b.1, MENTAL_HEALTH, MENTAL_HEALTH",
      "ESOAP.DISCH.2.b.2, LACTATION_SUPPORT, ",
      "ESOAP.DISCH.2.b.3, WIC_NUTRITION, "})
  @Verifies({"ESOAP.DISCH.2.a.1", "ESOAP.DISCH.2.a.2", "ESOAP.DISCH.2.a.3", "ESOAP.DISCH.2.b.1", "ESOAP.DISCH.2.b.2",
      "ESOAP.DISCH.2.b.3"})
  void connectionsAtDischarge(String id, ServiceCategory target, AppointmentKind kind) {
    EpisodeRequirement r = (EpisodeRequirement) Esoap.specification().requirements().stream()
        .filter(q -> q.id().equals(id)).findFirst().orElseThrow();
    assertThat(outcome(r, record(pregnant(), discharged().addReferralsMade(referral(target, DISCHARGED))), LATER)).isEqualTo(Outcome.MET);
    assertThat(outcome(r, record(pregnant(), discharged().addReferralsMade(referral(target, DISCHARGED.plusNanos(1)))), LATER))
        .as("a referral after discharge").isEqualTo(Outcome.NOT_MET);
    assertThat(outcome(r, record(pregnant(), discharged().addReferralsMade(referral(ServiceCategory.OTHER, DISCHARGED))), LATER))
        .isEqualTo(Outcome.NOT_MET);
    if (kind != null) {
      Appointment booked = Appointment.builder().id("ap-1").kind(kind).scheduledAt(DISCHARGED).at(ny("2024-05-20T10:00")).build();
      assertThat(outcome(r, record(pregnant(), discharged().addAppointments(booked)), LATER)).isEqualTo(Outcome.MET);
      Appointment late = Appointment.builder().from(booked).scheduledAt(DISCHARGED.plusSeconds(1)).build();
      assertThat(outcome(r, record(pregnant(), discharged().addAppointments(late)), LATER)).isEqualTo(Outcome.NOT_MET);
    }
    assertThat(outcome(r, record(pregnant(), admitted()), LATER)).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(outcome(r, record(member(), discharged()), LATER)).isEqualTo(Outcome.NOT_APPLICABLE);
  }

  @Test
  @Verifies({"ESOAP.DISCH.2.a.1", "ESOAP.DISCH.2.a.3"})
  void aProviderOnTheMembersRecordIsAConnectionForObstetricsAndPrimaryCareOnly() {
    CareProvider p = CareProvider.builder().name("Dr X").build();
    CaseRecord withBoth = record(pregnant().obstetricProvider(p).primaryCareClinician(p), discharged());
    assertThat(outcome(EsoapDischargePlanning.CONNECTED_TO_OBSTETRICS, withBoth, LATER)).isEqualTo(Outcome.MET);
    assertThat(outcome(EsoapDischargePlanning.CONNECTED_TO_PRIMARY_CARE, withBoth, LATER)).isEqualTo(Outcome.MET);
    assertThat(outcome(EsoapDischargePlanning.CONNECTED_TO_PEDIATRICS, withBoth, LATER)).isEqualTo(Outcome.NOT_MET);
  }

  @org.junit.jupiter.api.Test
  @Verifies({"ESOAP.DISCH.1", "ESOAP.DISCH.2.a.1", "ESOAP.DISCH.2.a.2", "ESOAP.DISCH.2.a.3", "ESOAP.DISCH.2.b.1", "ESOAP.DISCH.2.b.2", "ESOAP.DISCH.2.b.3"})
  void everyEpisodeRequirementAppliesOnlyToAMemberPregnantOrPostpartumAtAdmission() {
    assertThat(EsoapTestSupport.assertPregnancyCondition("DISCH")).containsExactlyInAnyOrder("ESOAP.DISCH.1", "ESOAP.DISCH.2.a.1", "ESOAP.DISCH.2.a.2", "ESOAP.DISCH.2.a.3", "ESOAP.DISCH.2.b.1", "ESOAP.DISCH.2.b.2", "ESOAP.DISCH.2.b.3");
  }
}

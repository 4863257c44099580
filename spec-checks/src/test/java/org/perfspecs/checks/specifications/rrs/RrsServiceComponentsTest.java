package org.perfspecs.checks.specifications.rrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.ny;

import static org.perfspecs.checks.Fixtures.program;
import static org.perfspecs.checks.specifications.rrs.RrsCases.ADMITTED;
import static org.perfspecs.checks.specifications.rrs.RrsCases.AS_OF;
import static org.perfspecs.checks.specifications.rrs.RrsCases.DISCHARGED;
import static org.perfspecs.checks.specifications.rrs.RrsCases.DURING;
import static org.perfspecs.checks.specifications.rrs.RrsCases.appointment;
import static org.perfspecs.checks.specifications.rrs.RrsCases.assertAttested;
import static org.perfspecs.checks.specifications.rrs.RrsCases.assertJudgedOverTheStay;
import static org.perfspecs.checks.specifications.rrs.RrsCases.assertNotApplicableWithoutNeed;
import static org.perfspecs.checks.specifications.rrs.RrsCases.contact;
import static org.perfspecs.checks.specifications.rrs.RrsCases.deliveredOn;
import static org.perfspecs.checks.specifications.rrs.RrsCases.eval;
import static org.perfspecs.checks.specifications.rrs.RrsCases.notAdmitted;
import static org.perfspecs.checks.specifications.rrs.RrsCases.open;
import static org.perfspecs.checks.specifications.rrs.RrsCases.pregnant;
import static org.perfspecs.checks.specifications.rrs.RrsCases.referral;
import static org.perfspecs.checks.specifications.rrs.RrsCases.stay;
import static org.perfspecs.checks.specifications.rrs.RrsServiceComponents.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Requirement;
import org.perfspecs.model.Agreement;
import org.perfspecs.model.AgreementKind;
import org.perfspecs.model.Appointment;
import org.perfspecs.model.AppointmentKind;
import org.perfspecs.model.Consultation;
import org.perfspecs.model.ConsultationKind;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.Document;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.ImmutableEpisode;
import org.perfspecs.model.PartnerCategory;
import org.perfspecs.model.Party;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.Topic;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.Basis;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Strength;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.Attestation;
import org.perfspecs.model.ServiceType;

/** RRS_PPW SERVICE COMPONENTS. COMP.1: deferral to 105 CMR 164, including DPH reporting requirements. */
class RrsServiceComponentsTest {
  @Test
  @Verifies("RRS_PPW.COMP.1")
  void isNotEvaluatedAndNamesTheExternalDocument() {
    Finding f = FindingChecks.evaluate(LICENSURE_105_CMR_164, program(ServiceType.RRS_PPW).build(), ny("2024-05-01T12:00"));

    assertThat(f.outcome()).isEqualTo(Outcome.NOT_EVALUATED);
    assertThat(f.reason()).contains(RrsPpw.CMR_105_164).contains("105 CMR 164");
    assertThat(f.requirementId()).isEqualTo("RRS_PPW.COMP.1");
    assertThat(f.subjectKind()).isEqualTo(Basis.PROGRAM);
    assertThat(f.evidence()).isEmpty();
    assertThat(f.due()).isEmpty();
  }

  @Test
  @Verifies("RRS_PPW.COMP.1")
  void isAnExternalMustRequirementOfTheRrsPpwDocument() {
    assertThat(LICENSURE_105_CMR_164.basis()).isEqualTo(Basis.EXTERNAL);
    assertThat(LICENSURE_105_CMR_164.strength()).isEqualTo(Strength.MUST);
    assertThat(LICENSURE_105_CMR_164.externalDocument()).hasValue(RrsPpw.CMR_105_164);
    assertThat(LICENSURE_105_CMR_164.condition()).isEmpty();
    assertThat(LICENSURE_105_CMR_164.citation().document()).isEqualTo(RrsPpw.SOURCE);
    assertThat(LICENSURE_105_CMR_164.citation().section()).isEqualTo("SERVICE COMPONENTS");
  }

  @Test
  @Verifies("RRS_PPW.COMP.1")
  void anAttestationDoesNotTurnTheDeferralIntoAJudgment() {
    Finding f = FindingChecks.evaluate(LICENSURE_105_CMR_164, program(ServiceType.RRS_PPW)
        .addAttestations(Attestation.builder().requirementId("RRS_PPW.COMP.1").attestedBy("director")
            .attestedOn(LocalDate.of(2024, 1, 2)).build())
        .build(), ny("2024-05-01T12:00"));
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_EVALUATED);
  }

  private static final String[] PLAN_ELEMENTS = {"RRS_PPW.COMP.7.b.1", "RRS_PPW.COMP.7.b.2", "RRS_PPW.COMP.7.b.3",
      "RRS_PPW.COMP.7.b.4", "RRS_PPW.COMP.7.b.5", "RRS_PPW.COMP.7.b.6", "RRS_PPW.COMP.7.b.7", "RRS_PPW.COMP.7.b.8"};

  @Test
  @Verifies({"RRS_PPW.COMP.1", "RRS_PPW.COMP.2", "RRS_PPW.COMP.13"})
  void theSectionListsItsRequirementsInDocumentOrder() {
    List<String> ids = new RrsServiceComponents().requirements().stream().map(Requirement::id).toList();
    assertThat(ids).hasSize(38).startsWith("RRS_PPW.COMP.1", "RRS_PPW.COMP.2", "RRS_PPW.COMP.3", "RRS_PPW.COMP.4",
        "RRS_PPW.COMP.5.a", "RRS_PPW.COMP.5.b", "RRS_PPW.COMP.5.c", "RRS_PPW.COMP.5.d", "RRS_PPW.COMP.6.a",
        "RRS_PPW.COMP.6.b", "RRS_PPW.COMP.7.a").endsWith("RRS_PPW.COMP.12.k", "RRS_PPW.COMP.12.l", "RRS_PPW.COMP.13");
    assertThat(ids.subList(11, 19)).containsExactly(PLAN_ELEMENTS);
  }

  /** COMP.2: gynecological, obstetric and prenatal needs by referral. */
  @Nested
  class ObGynByReferral {
    @ParameterizedTest
    @EnumSource(value = ServiceCategory.class, names = {"OBSTETRIC_PROVIDER", "PRENATAL_CARE", "FAMILY_REPRODUCTIVE_HEALTH"})
    @Verifies("RRS_PPW.COMP.2")
    void aReferralDuringTheStayMeetsIt(ServiceCategory target) {
      assertJudgedOverTheStay(OB_GYN_BY_REFERRAL, RrsCases::pregnant, e -> e,
          (e, at) -> e.addReferralsMade(referral("r-1", target, at)));
    }

    @Test
    @Verifies("RRS_PPW.COMP.2")
    void anObstetricConsultationArrangedDuringTheStayMeetsIt() {
      assertJudgedOverTheStay(OB_GYN_BY_REFERRAL, RrsCases::pregnant, e -> e,
          (e, at) -> e.addConsultations(Consultation.builder().id("c-1").kind(ConsultationKind.OBSTETRIC).arrangedAt(at).build()));
    }

    @Test
    @Verifies("RRS_PPW.COMP.2")
    void otherReferralsAndConsultationsDoNotCount() {
      Finding f = eval(OB_GYN_BY_REFERRAL, pregnant(), stay()
          .addReferralsMade(referral("r-1", ServiceCategory.PEDIATRICS, DURING))
          .addConsultations(Consultation.builder().id("c-1").kind(ConsultationKind.MEDICAL).arrangedAt(DURING).build()), AS_OF);
      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("RRS_PPW.COMP.2")
    void appliesToAMemberNeitherPregnantNorPostpartum() {
      assertThat(eval(OB_GYN_BY_REFERRAL, org.perfspecs.checks.Fixtures.member(), stay(), AS_OF).outcome()).isEqualTo(Outcome.NOT_MET);
    }
  }

  /** COMP.3: infants' needs assessed or linked. */
  @Nested
  class InfantNeeds {
    @ParameterizedTest
    @EnumSource(value = ServiceCategory.class, names = {"PEDIATRICS", "SPECIALIZED_PEDIATRICS", "EARLY_INTERVENTION",
        "HIGH_RISK_INFANT_FAMILY_SUPPORT"})
    @Verifies("RRS_PPW.COMP.3")
    void aLinkageDuringTheStayMeetsIt(ServiceCategory target) {
      assertJudgedOverTheStay(INFANT_NEEDS, () -> deliveredOn("2024-03-01"), e -> e,
          (e, at) -> e.addReferralsMade(referral("r-1", target, at)));
    }

    @Test
    @Verifies("RRS_PPW.COMP.3")
    void aPediatricConsultationOrAppointmentMeetsIt() {
      assertJudgedOverTheStay(INFANT_NEEDS, () -> deliveredOn("2024-03-01"), e -> e,
          (e, at) -> e.addConsultations(Consultation.builder().id("c-1").kind(ConsultationKind.PEDIATRIC).arrangedAt(at).build()));
      assertJudgedOverTheStay(INFANT_NEEDS, () -> deliveredOn("2024-03-01"), e -> e,
          (e, at) -> e.addAppointments(appointment("a-1", AppointmentKind.SPECIALIZED_PEDIATRIC, at, at.plus(Duration.ofDays(3)))));
    }

    @Test
    @Verifies("RRS_PPW.COMP.3")
    void otherLinkagesDoNotCount() {
      assertThat(eval(INFANT_NEEDS, deliveredOn("2024-03-01"), stay()
          .addReferralsMade(referral("r-1", ServiceCategory.WIC_NUTRITION, DURING)), AS_OF).outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("RRS_PPW.COMP.3")
    void appliesOnlyToAMemberWithAnInfant() {
      assertThat(eval(INFANT_NEEDS, pregnant(), stay(), AS_OF).outcome()).as("pregnant").isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(eval(INFANT_NEEDS, org.perfspecs.checks.Fixtures.member(), stay(), AS_OF).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(eval(INFANT_NEEDS, deliveredOn("2024-06-01"), stay(), AS_OF).outcome()).as("delivered on the as-of date")
          .isEqualTo(Outcome.NOT_MET);
      assertThat(eval(INFANT_NEEDS, deliveredOn("2024-06-02"), stay(), AS_OF).outcome()).as("delivered after the as-of date")
          .isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(eval(INFANT_NEEDS, deliveredOn("2023-04-15"), stay(), AS_OF).outcome()).as("one year before admission")
          .isEqualTo(Outcome.NOT_MET);
      Finding older = eval(INFANT_NEEDS, deliveredOn("2023-04-14"), stay(), AS_OF);
      assertThat(older.outcome()).as("more than a year before admission").isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(older.reason()).contains("more than one year");
    }
  }

  /** COMP.4: emergency hospital back-up. */
  @Nested
  class HospitalBackup {
    private Outcome judge(PartnerCategory partner, String signed, String expires) {
      var a = Agreement.builder().id("a-1").kind(AgreementKind.AFFILIATION).partnerCategory(partner).partnerName("Hospital")
          .signedOn(LocalDate.parse(signed));
      if (expires != null) {
        a.expiresOn(LocalDate.parse(expires));
      }
      return FindingChecks.evaluate(HOSPITAL_BACKUP, program(ServiceType.RRS_PPW).addAgreements(a.build()).build(),
          ny("2024-05-01T12:00")).outcome();
    }

    @ParameterizedTest
    @EnumSource(value = PartnerCategory.class, names = {"BIRTHING_HOSPITAL", "HOSPITAL"})
    @Verifies("RRS_PPW.COMP.4")
    void anAgreementWithAHospitalActiveOnTheAsOfDateMeetsIt(PartnerCategory partner) {
      assertThat(judge(partner, "2024-05-01", null)).isEqualTo(Outcome.MET);
      assertThat(judge(partner, "2023-05-01", "2024-05-01")).isEqualTo(Outcome.MET);
      assertThat(judge(partner, "2023-05-01", "2024-04-30")).isEqualTo(Outcome.NOT_MET);
      assertThat(judge(partner, "2024-05-02", null)).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("RRS_PPW.COMP.4")
    void noHospitalAgreementIsNotMet() {
      assertThat(judge(PartnerCategory.OBSTETRIC_PRACTICE, "2023-05-01", null)).isEqualTo(Outcome.NOT_MET);
      assertThat(FindingChecks.evaluate(HOSPITAL_BACKUP, program(ServiceType.RRS_PPW).build(), ny("2024-05-01T12:00"))
          .outcome()).isEqualTo(Outcome.NOT_MET);
    }
  }

  static Stream<Arguments> appointmentsAsIndicated() {
    return Stream.of(
        Arguments.of(PRIMARY_HEALTH_APPOINTMENT, ServiceCategory.PRIMARY_HEALTH, AppointmentKind.PRIMARY_CARE),
        Arguments.of(PRIMARY_HEALTH_APPOINTMENT, ServiceCategory.PRIMARY_HEALTH, AppointmentKind.PHYSICAL_EXAM),
        Arguments.of(MENTAL_HEALTH_APPOINTMENT, ServiceCategory.MENTAL_HEALTH, AppointmentKind.MENTAL_HEALTH),
        Arguments.of(PEDIATRIC_APPOINTMENT, ServiceCategory.PEDIATRICS, AppointmentKind.PEDIATRIC),
        Arguments.of(SPECIALIZED_PEDIATRIC_APPOINTMENT, ServiceCategory.SPECIALIZED_PEDIATRICS, AppointmentKind.SPECIALIZED_PEDIATRIC));
  }

  /** COMP.5.a-d: appointments arranged, as indicated. */
  @Nested
  class AppointmentsAsIndicated {
    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("org.perfspecs.checks.specifications.rrs.RrsServiceComponentsTest#appointmentsAsIndicated")
    @Verifies({"RRS_PPW.COMP.5.a", "RRS_PPW.COMP.5.b", "RRS_PPW.COMP.5.c", "RRS_PPW.COMP.5.d"})
    void anAppointmentBookedDuringTheStayMeetsIt(EpisodeRequirement r, ServiceCategory need, AppointmentKind kind) {
      assertJudgedOverTheStay(r, RrsCases::pregnant, e -> e.addServiceNeeds(need),
          (e, at) -> e.addAppointments(appointment("a-1", kind, at, at.plus(Duration.ofDays(7)))));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("org.perfspecs.checks.specifications.rrs.RrsServiceComponentsTest#appointmentsAsIndicated")
    @Verifies({"RRS_PPW.COMP.5.a", "RRS_PPW.COMP.5.b", "RRS_PPW.COMP.5.c", "RRS_PPW.COMP.5.d"})
    void notArrangedByTheProgramOrAnotherKindIsNotMet(EpisodeRequirement r, ServiceCategory need, AppointmentKind kind) {
      assertThat(eval(r, pregnant(), stay().addServiceNeeds(need).addAppointments(Appointment.builder()
          .from(appointment("a-1", kind, DURING, DURING.plus(Duration.ofDays(7)))).assistedByProgram(false).build()), AS_OF)
          .outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(eval(r, pregnant(), stay().addServiceNeeds(need)
          .addAppointments(appointment("a-1", AppointmentKind.DENTAL, DURING, DURING.plus(Duration.ofDays(7)))), AS_OF)
          .outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("org.perfspecs.checks.specifications.rrs.RrsServiceComponentsTest#appointmentsAsIndicated")
    @Verifies({"RRS_PPW.COMP.5.a", "RRS_PPW.COMP.5.b", "RRS_PPW.COMP.5.c", "RRS_PPW.COMP.5.d"})
    void notApplicableWhenNotIndicated(EpisodeRequirement r, ServiceCategory need, AppointmentKind kind) {
      assertNotApplicableWithoutNeed(r, RrsCases::pregnant,
          (e, at) -> e.addAppointments(appointment("a-1", kind, at, at.plus(Duration.ofDays(7)))));
    }
  }

  /** COMP.6.a: medical appointments during and after pregnancy scheduled. */
  @Nested
  class MedicalAppointmentsScheduled {
    private Outcome judge(ImmutableEpisode.Builder e, Instant asOf) {
      return eval(MEDICAL_APPOINTMENTS_SCHEDULED, pregnant(), e, asOf).outcome();
    }

    @ParameterizedTest
    @EnumSource(value = AppointmentKind.class, names = {"OBSTETRIC", "PRENATAL", "POSTPARTUM", "MEDICAL", "PRIMARY_CARE",
        "PHYSICAL_EXAM"})
    @Verifies("RRS_PPW.COMP.6.a")
    void aMedicalAppointmentBookedForTheStayOrAfterMeetsIt(AppointmentKind kind) {
      Finding f = eval(MEDICAL_APPOINTMENTS_SCHEDULED, pregnant(), stay()
          .addAppointments(appointment("a-1", kind, DURING, DURING.plus(Duration.ofDays(2)))), AS_OF);
      assertThat(f.outcome()).isEqualTo(Outcome.MET);
      assertThat(f.evidence()).extracting(Evidence::id).containsExactly("e-1", "a-1");
    }

    @Test
    @Verifies("RRS_PPW.COMP.6.a")
    void bookingBoundaries() {
      AppointmentKind k = AppointmentKind.PRENATAL;
      assertThat(judge(stay().addAppointments(appointment("a-1", k, ADMITTED.minus(Duration.ofDays(3)), ADMITTED)), AS_OF))
          .as("booked before admission, dated at admission").isEqualTo(Outcome.MET);
      assertThat(judge(stay().addAppointments(appointment("a-1", k, ADMITTED.minus(Duration.ofDays(3)), ADMITTED.minusNanos(1))), AS_OF))
          .as("dated before admission").isEqualTo(Outcome.NOT_MET);
      assertThat(judge(stay().addAppointments(appointment("a-1", k, DISCHARGED, DISCHARGED.plus(Duration.ofDays(10)))), AS_OF))
          .as("booked at discharge for after it").isEqualTo(Outcome.MET);
      assertThat(judge(stay().addAppointments(appointment("a-1", k, DISCHARGED.plusNanos(1), DISCHARGED.plus(Duration.ofDays(10)))), AS_OF))
          .as("booked after discharge").isEqualTo(Outcome.NOT_MET);
      assertThat(judge(open().addAppointments(appointment("a-1", k, DURING, DURING.plus(Duration.ofDays(1)))), DURING.minusNanos(1)))
          .as("booked after the as-of").isEqualTo(Outcome.NOT_MET);
      assertThat(judge(open().addAppointments(appointment("a-1", k, DURING, DURING.plus(Duration.ofDays(1)))), DURING))
          .isEqualTo(Outcome.MET);
      assertThat(judge(stay().addAppointments(appointment("a-1", AppointmentKind.DENTAL, DURING, DURING.plus(Duration.ofDays(1)))), AS_OF))
          .as("not a medical appointment").isEqualTo(Outcome.NOT_MET);
      assertThat(judge(stay(), AS_OF)).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("RRS_PPW.COMP.6.a")
    void conditions() {
      assertThat(eval(MEDICAL_APPOINTMENTS_SCHEDULED, org.perfspecs.checks.Fixtures.member(), stay(), AS_OF).outcome())
          .isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(eval(MEDICAL_APPOINTMENTS_SCHEDULED, deliveredOn("2024-03-01"), stay(), AS_OF).outcome())
          .as("postpartum").isEqualTo(Outcome.NOT_MET);
      assertThat(eval(MEDICAL_APPOINTMENTS_SCHEDULED, pregnant(), notAdmitted(), AS_OF).outcome()).isEqualTo(Outcome.UNDETERMINED);
    }
  }

  /** COMP.6.b: whether medical appointments were kept is verified. */
  @Nested
  class AppointmentsKeptVerified {
    private final Instant at = DURING;

    private Appointment verified(String id, Boolean kept, Instant verifiedAt) {
      var b = Appointment.builder().from(appointment(id, AppointmentKind.OBSTETRIC, ADMITTED, at));
      if (kept != null) {
        b.kept(kept);
      }
      if (verifiedAt != null) {
        b.keptVerifiedAt(verifiedAt);
      }
      return b.build();
    }

    private Finding judge(ImmutableEpisode.Builder e, Instant asOf) {
      return eval(APPOINTMENTS_KEPT_VERIFIED, pregnant(), e, asOf);
    }

    @Test
    @Verifies("RRS_PPW.COMP.6.b")
    void everyPastAppointmentVerifiedIsMet() {
      Finding f = judge(stay().addAppointments(verified("a-1", true, at)).addAppointments(verified("a-2", false, AS_OF)), AS_OF);
      assertThat(f.outcome()).isEqualTo(Outcome.MET);
      assertThat(f.evidence()).extracting(Evidence::id).containsExactly("a-1", "a-2");
    }

    @Test
    @Verifies("RRS_PPW.COMP.6.b")
    void anUnverifiedAppointmentIsNotMet() {
      Finding f = judge(stay().addAppointments(verified("a-1", true, at)).addAppointments(verified("a-2", null, null)), AS_OF);
      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(f.reason()).contains("1 of 2").contains("a-2");
      assertThat(judge(stay().addAppointments(verified("a-1", null, AS_OF)), AS_OF).outcome()).as("kept not recorded")
          .isEqualTo(Outcome.NOT_MET);
      assertThat(judge(stay().addAppointments(verified("a-1", true, null)), AS_OF).outcome()).as("no verification time")
          .isEqualTo(Outcome.NOT_MET);
      assertThat(judge(stay().addAppointments(verified("a-1", true, at.minusNanos(1))), AS_OF).outcome())
          .as("verified before the appointment").isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("RRS_PPW.COMP.6.b")
    void aVerificationAfterTheAsOfHasNotHappenedYet() {
      Instant verifiedAt = at.plus(Duration.ofHours(2));
      assertThat(judge(open().addAppointments(verified("a-1", true, verifiedAt)), verifiedAt.minusNanos(1)).outcome())
          .isEqualTo(Outcome.NOT_MET);
      assertThat(judge(open().addAppointments(verified("a-1", true, verifiedAt)), verifiedAt).outcome()).isEqualTo(Outcome.MET);
    }

    @Test
    @Verifies("RRS_PPW.COMP.6.b")
    void notApplicableUntilAMedicalAppointmentHasTakenPlaceInTheStay() {
      assertThat(judge(open().addAppointments(verified("a-1", null, null)), at.minusNanos(1)).outcome())
          .isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(judge(open().addAppointments(verified("a-1", null, null)), at).outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(judge(stay().addAppointments(appointment("a-1", AppointmentKind.OBSTETRIC, DISCHARGED,
          DISCHARGED.plusNanos(1))), AS_OF).outcome()).as("after discharge").isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(judge(stay().addAppointments(appointment("a-1", AppointmentKind.DENTAL, ADMITTED, at)), AS_OF).outcome())
          .as("not medical").isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(eval(APPOINTMENTS_KEPT_VERIFIED, org.perfspecs.checks.Fixtures.member(),
          stay().addAppointments(verified("a-1", null, null)), AS_OF).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(judge(notAdmitted().addAppointments(verified("a-1", null, null)), AS_OF).outcome()).isEqualTo(Outcome.UNDETERMINED);
    }
  }

  private static Document treatmentPlan(String id, String date, boolean withMember, ContentElement... elements) {
    var b = Document.builder().id(id).kind(DocumentKind.TREATMENT_PLAN).date(LocalDate.parse(date)).addElements(elements);
    if (withMember) {
      b.addDevelopedWith(Party.MEMBER);
    }
    return b.build();
  }

  /** COMP.7.a: a treatment plan created with the member. */
  @Nested
  class TreatmentPlanWithMember {
    private Finding judge(ImmutableEpisode.Builder e, Instant asOf) {
      return eval(TREATMENT_PLAN_WITH_MEMBER, pregnant(), e, asOf);
    }

    @Test
    @Verifies("RRS_PPW.COMP.7.a")
    void aPlanWithTheMemberDatedInTheStayMeetsIt() {
      assertThat(judge(stay().addDocuments(treatmentPlan("d-1", "2024-04-15", true)), AS_OF).outcome()).isEqualTo(Outcome.MET);
      Finding f = judge(stay().addDocuments(treatmentPlan("d-1", "2024-05-20", true)), AS_OF);
      assertThat(f.outcome()).isEqualTo(Outcome.MET);
      assertThat(f.evidence()).extracting(Evidence::id).containsExactly("d-1");
    }

    @Test
    @Verifies("RRS_PPW.COMP.7.a")
    void aPlanOutsideTheStayOrWithoutTheMemberIsNotMet() {
      assertThat(judge(stay().addDocuments(treatmentPlan("d-1", "2024-04-14", true)), AS_OF).outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(judge(stay().addDocuments(treatmentPlan("d-1", "2024-05-21", true)), AS_OF).outcome()).isEqualTo(Outcome.NOT_MET);
      Finding without = judge(stay().addDocuments(treatmentPlan("d-1", "2024-05-01", false)), AS_OF);
      assertThat(without.outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(without.reason()).contains("developed with the member");
      Finding none = judge(stay(), AS_OF);
      assertThat(none.outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(none.reason()).contains("no treatment plan");
    }

    @Test
    @Verifies("RRS_PPW.COMP.7.a")
    void aPlanDatedAfterTheAsOfDateHasNotHappenedYet() {
      assertThat(judge(open().addDocuments(treatmentPlan("d-1", "2024-04-23", true)), ny("2024-04-22T23:59")).outcome())
          .isEqualTo(Outcome.NOT_MET);
      assertThat(judge(open().addDocuments(treatmentPlan("d-1", "2024-04-23", true)), ny("2024-04-23T00:00")).outcome())
          .isEqualTo(Outcome.MET);
      assertThat(judge(notAdmitted().addDocuments(treatmentPlan("d-1", "2024-04-23", true)), AS_OF).outcome())
          .isEqualTo(Outcome.UNDETERMINED);
    }
  }

  static Stream<Arguments> planElements() {
    return Stream.of(
        Arguments.of(PLAN_PARENTING_SKILLS, ContentElement.PARENTING_SKILLS_EDUCATION),
        Arguments.of(PLAN_CHILD_DEVELOPMENT, ContentElement.CHILD_DEVELOPMENT_EDUCATION),
        Arguments.of(PLAN_DEVELOPMENTAL_ACTIVITIES, ContentElement.DEVELOPMENTAL_ACTIVITIES),
        Arguments.of(PLAN_PARENT_SUPPORT, ContentElement.PARENT_SUPPORT),
        Arguments.of(PLAN_FAMILY_PLANNING, ContentElement.FAMILY_PLANNING),
        Arguments.of(PLAN_NUTRITION, ContentElement.NUTRITION),
        Arguments.of(PLAN_VIOLENCE, ContentElement.VIOLENCE),
        Arguments.of(PLAN_SAFE_RELATIONSHIPS, ContentElement.SAFE_RELATIONSHIPS));
  }

  /** COMP.7.b.1-8: what the treatment plan addresses. */
  @Nested
  class TreatmentPlanElements {
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.perfspecs.checks.specifications.rrs.RrsServiceComponentsTest#planElements")
    @Verifies({"RRS_PPW.COMP.7.b.1", "RRS_PPW.COMP.7.b.2", "RRS_PPW.COMP.7.b.3", "RRS_PPW.COMP.7.b.4",
        "RRS_PPW.COMP.7.b.5", "RRS_PPW.COMP.7.b.6", "RRS_PPW.COMP.7.b.7", "RRS_PPW.COMP.7.b.8"})
    void theLatestPlanInTheStayDecides(EpisodeRequirement r, ContentElement element) {
      Finding met = eval(r, pregnant(), stay().addDocuments(treatmentPlan("d-1", "2024-04-16", true))
          .addDocuments(treatmentPlan("d-2", "2024-05-20", true, element)), AS_OF);
      assertThat(met.outcome()).isEqualTo(Outcome.MET);
      assertThat(met.evidence()).extracting(Evidence::id).containsExactly("d-2");
      Finding dropped = eval(r, pregnant(), stay().addDocuments(treatmentPlan("d-1", "2024-04-16", true, element))
          .addDocuments(treatmentPlan("d-2", "2024-05-20", true)), AS_OF);
      assertThat(dropped.outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(dropped.evidence()).extracting(Evidence::id).containsExactly("d-2");
      assertThat(eval(r, pregnant(), stay().addDocuments(treatmentPlan("d-1", "2024-04-16", true, element))
          .addDocuments(treatmentPlan("d-2", "2024-05-21", true)), AS_OF).outcome())
          .as("a plan after discharge is not the stay's").isEqualTo(Outcome.MET);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.perfspecs.checks.specifications.rrs.RrsServiceComponentsTest#planElements")
    @Verifies({"RRS_PPW.COMP.7.b.1", "RRS_PPW.COMP.7.b.2", "RRS_PPW.COMP.7.b.3", "RRS_PPW.COMP.7.b.4",
        "RRS_PPW.COMP.7.b.5", "RRS_PPW.COMP.7.b.6", "RRS_PPW.COMP.7.b.7", "RRS_PPW.COMP.7.b.8"})
    void notApplicableWithoutAPlanAndUndeterminedWithoutAdmission(EpisodeRequirement r, ContentElement element) {
      Finding none = eval(r, pregnant(), stay(), AS_OF);
      assertThat(none.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(none.reason()).contains("no treatment plan");
      assertThat(eval(r, pregnant(), notAdmitted().addDocuments(treatmentPlan("d-1", "2024-04-16", true, element)), AS_OF)
          .outcome()).isEqualTo(Outcome.UNDETERMINED);
    }
  }

  /** COMP.8: support for members on pharmacotherapy for OUD. */
  @Nested
  class MoudSupport {
    @Test
    @Verifies("RRS_PPW.COMP.8")
    void aReferralOrAMedicationManagementContactDuringTheStayMeetsIt() {
      assertJudgedOverTheStay(MOUD_SUPPORT, RrsCases::pregnant,
          e -> e.addServiceNeeds(ServiceCategory.MEDICATION_FOR_ADDICTION_TREATMENT),
          (e, at) -> e.addReferralsMade(referral("r-1", ServiceCategory.MEDICATION_FOR_ADDICTION_TREATMENT, at)));
      assertJudgedOverTheStay(MOUD_SUPPORT, RrsCases::pregnant,
          e -> e.addServiceNeeds(ServiceCategory.MEDICATION_FOR_ADDICTION_TREATMENT),
          (e, at) -> e.addContacts(contact("c-1", at, ContactKind.MEDICATION_MANAGEMENT, true)));
    }

    @Test
    @Verifies("RRS_PPW.COMP.8")
    void aContactWithoutTheMemberEngagedOrOfAnotherKindDoesNotCount() {
      assertThat(eval(MOUD_SUPPORT, pregnant(), stay().addServiceNeeds(ServiceCategory.MEDICATION_FOR_ADDICTION_TREATMENT)
          .addContacts(contact("c-1", DURING, ContactKind.MEDICATION_MANAGEMENT, false))
          .addContacts(contact("c-2", DURING, ContactKind.INDIVIDUAL, true)), AS_OF).outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("RRS_PPW.COMP.8")
    void notApplicableWhenTheRecordDoesNotMarkPharmacotherapy() {
      assertNotApplicableWithoutNeed(MOUD_SUPPORT, RrsCases::pregnant,
          (e, at) -> e.addContacts(contact("c-1", at, ContactKind.MEDICATION_MANAGEMENT, true)));
    }
  }

  static Stream<Arguments> infectiousDiseases() {
    return Stream.of(Arguments.of(HIV_AIDS_SERVICES, Topic.HIV_AIDS), Arguments.of(HEPATITIS_SERVICES, Topic.HEPATITIS),
        Arguments.of(STI_SERVICES, Topic.SEXUALLY_TRANSMITTED_INFECTIONS));
  }

  /** COMP.9.a-c: HIV/AIDS, hepatitis, other STI counselling and testing as needed. */
  @Nested
  class InfectiousDiseaseServices {
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.perfspecs.checks.specifications.rrs.RrsServiceComponentsTest#infectiousDiseases")
    @Verifies({"RRS_PPW.COMP.9.a", "RRS_PPW.COMP.9.b", "RRS_PPW.COMP.9.c"})
    void counselingOrATestingReferralMeetsIt(EpisodeRequirement r, Topic topic) {
      assertJudgedOverTheStay(r, RrsCases::pregnant, e -> e.addCounselingNeeds(topic),
          (e, at) -> e.addContacts(contact("c-1", at, ContactKind.INDIVIDUAL, true, topic)));
      assertJudgedOverTheStay(r, RrsCases::pregnant, e -> e.addCounselingNeeds(topic),
          (e, at) -> e.addReferralsMade(referral("r-1", ServiceCategory.HIV_HEPATITIS_STI_TESTING, at)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.perfspecs.checks.specifications.rrs.RrsServiceComponentsTest#infectiousDiseases")
    @Verifies({"RRS_PPW.COMP.9.a", "RRS_PPW.COMP.9.b", "RRS_PPW.COMP.9.c"})
    void otherTopicsOrContactsWithoutTheMemberDoNotCount(EpisodeRequirement r, Topic topic) {
      assertThat(eval(r, pregnant(), stay().addCounselingNeeds(topic)
          .addContacts(contact("c-1", DURING, ContactKind.INDIVIDUAL, false, topic))
          .addContacts(contact("c-2", DURING, ContactKind.CASE_RELATED_WORK, true, topic))
          .addContacts(contact("c-3", DURING, ContactKind.INDIVIDUAL, true, Topic.OTHER)), AS_OF).outcome())
          .isEqualTo(Outcome.NOT_MET);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.perfspecs.checks.specifications.rrs.RrsServiceComponentsTest#infectiousDiseases")
    @Verifies({"RRS_PPW.COMP.9.a", "RRS_PPW.COMP.9.b", "RRS_PPW.COMP.9.c"})
    void notApplicableWhenNotNeeded(EpisodeRequirement r, Topic topic) {
      assertNotApplicableWithoutNeed(r, RrsCases::pregnant,
          (e, at) -> e.addContacts(contact("c-1", at, ContactKind.INDIVIDUAL, true, topic)));
    }
  }

  /** COMP.10 and COMP.11: WIC, and family planning resources. */
  @Nested
  class WicAndFamilyPlanning {
    @Test
    @Verifies("RRS_PPW.COMP.10")
    void aWicReferralDuringTheStayMeetsItForAPregnantOrPostpartumMember() {
      assertJudgedOverTheStay(WIC_ACCESS, RrsCases::pregnant, e -> e,
          (e, at) -> e.addReferralsMade(referral("r-1", ServiceCategory.WIC_NUTRITION, at)));
      assertJudgedOverTheStay(WIC_ACCESS, () -> deliveredOn("2024-01-10"), e -> e,
          (e, at) -> e.addReferralsMade(referral("r-1", ServiceCategory.WIC_NUTRITION, at)));
      assertThat(eval(WIC_ACCESS, org.perfspecs.checks.Fixtures.member(), stay(), AS_OF).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(eval(WIC_ACCESS, deliveredOn("2023-04-14"), stay(), AS_OF).outcome()).as("delivered more than a year before")
          .isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(eval(WIC_ACCESS, pregnant(), stay().addReferralsMade(referral("r-1", ServiceCategory.HOUSING, DURING)), AS_OF)
          .outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("RRS_PPW.COMP.11")
    void aFamilyReproductiveHealthReferralDuringTheStayMeetsIt() {
      assertJudgedOverTheStay(FAMILY_PLANNING_RESOURCES, org.perfspecs.checks.Fixtures::member, e -> e,
          (e, at) -> e.addReferralsMade(referral("r-1", ServiceCategory.FAMILY_REPRODUCTIVE_HEALTH, at)));
      assertThat(eval(FAMILY_PLANNING_RESOURCES, pregnant(), stay()
          .addReferralsMade(referral("r-1", ServiceCategory.PRENATAL_CARE, DURING)), AS_OF).outcome()).isEqualTo(Outcome.NOT_MET);
    }
  }

  static Stream<Arguments> counselingTopics() {
    return Stream.of(
        Arguments.of(COUNSEL_PRENATAL_CARE, Topic.PRENATAL_CARE), Arguments.of(COUNSEL_NUTRITION, Topic.NUTRITION),
        Arguments.of(COUNSEL_EARLY_CHILDCARE, Topic.EARLY_CHILDCARE),
        Arguments.of(COUNSEL_NAS, Topic.NEONATAL_ABSTINENCE_SYNDROME), Arguments.of(COUNSEL_DCF, Topic.DCF),
        Arguments.of(COUNSEL_BREASTFEEDING, Topic.BREASTFEEDING), Arguments.of(COUNSEL_SMOKING, Topic.SMOKING_EFFECTS),
        Arguments.of(COUNSEL_FAMILY_PRESERVATION, Topic.FAMILY_PRESERVATION),
        Arguments.of(COUNSEL_PARENTING, Topic.PARENTING_SKILLS), Arguments.of(COUNSEL_BUDGETING, Topic.BUDGETING),
        Arguments.of(COUNSEL_ACCESS_TO_RESOURCES, Topic.ACCESS_TO_RESOURCES),
        Arguments.of(COUNSEL_FAMILY_PLANNING, Topic.FAMILY_PLANNING));
  }

  /** COMP.12.a-l: counselling as needed. */
  @Nested
  class CounselingAsNeeded {
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.perfspecs.checks.specifications.rrs.RrsServiceComponentsTest#counselingTopics")
    @Verifies({"RRS_PPW.COMP.12.a", "RRS_PPW.COMP.12.b", "RRS_PPW.COMP.12.c", "RRS_PPW.COMP.12.d", "RRS_PPW.COMP.12.e",
        "RRS_PPW.COMP.12.f", "RRS_PPW.COMP.12.g", "RRS_PPW.COMP.12.h", "RRS_PPW.COMP.12.i", "RRS_PPW.COMP.12.j",
        "RRS_PPW.COMP.12.k", "RRS_PPW.COMP.12.l"})
    void aContactCoveringTheTopicDuringTheStayMeetsIt(EpisodeRequirement r, Topic topic) {
      assertJudgedOverTheStay(r, RrsCases::pregnant, e -> e.addCounselingNeeds(topic),
          (e, at) -> e.addContacts(contact("c-1", at, ContactKind.GROUP, true, topic, Topic.RECOVERY)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.perfspecs.checks.specifications.rrs.RrsServiceComponentsTest#counselingTopics")
    @Verifies({"RRS_PPW.COMP.12.a", "RRS_PPW.COMP.12.b", "RRS_PPW.COMP.12.c", "RRS_PPW.COMP.12.d", "RRS_PPW.COMP.12.e",
        "RRS_PPW.COMP.12.f", "RRS_PPW.COMP.12.g", "RRS_PPW.COMP.12.h", "RRS_PPW.COMP.12.i", "RRS_PPW.COMP.12.j",
        "RRS_PPW.COMP.12.k", "RRS_PPW.COMP.12.l"})
    void contactsWithoutTheMemberOrOnOtherTopicsDoNotCount(EpisodeRequirement r, Topic topic) {
      Finding f = eval(r, pregnant(), stay().addCounselingNeeds(topic)
          .addContacts(contact("c-1", DURING, ContactKind.INDIVIDUAL, false, topic))
          .addContacts(contact("c-2", DURING, ContactKind.CASE_RELATED_WORK, true, topic))
          .addContacts(contact("c-3", DURING, ContactKind.INDIVIDUAL, true, Topic.OTHER)), AS_OF);
      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(r.citation().section()).isEqualTo("SERVICE COMPONENTS");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.perfspecs.checks.specifications.rrs.RrsServiceComponentsTest#counselingTopics")
    @Verifies({"RRS_PPW.COMP.12.a", "RRS_PPW.COMP.12.b", "RRS_PPW.COMP.12.c", "RRS_PPW.COMP.12.d", "RRS_PPW.COMP.12.e",
        "RRS_PPW.COMP.12.f", "RRS_PPW.COMP.12.g", "RRS_PPW.COMP.12.h", "RRS_PPW.COMP.12.i", "RRS_PPW.COMP.12.j",
        "RRS_PPW.COMP.12.k", "RRS_PPW.COMP.12.l"})
    void notApplicableWhenNotNeeded(EpisodeRequirement r, Topic topic) {
      assertNotApplicableWithoutNeed(r, RrsCases::pregnant,
          (e, at) -> e.addContacts(contact("c-1", at, ContactKind.GROUP, true, topic)));
    }
  }

  @Test
  @Verifies("RRS_PPW.COMP.13")
  void parentChildGroupsAreAttested() {
    assertAttested(PARENT_CHILD_GROUPS);
  }
}

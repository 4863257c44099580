package org.perfspecs.checks.specifications.iop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.endOfDay;
import static org.perfspecs.checks.Fixtures.episode;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.record;
import static org.perfspecs.checks.Fixtures.startOfDay;
import static org.perfspecs.checks.specifications.iop.IopDischargePlanning.AFTERCARE_WITHIN_7_DAYS;
import static org.perfspecs.checks.specifications.iop.IopDischargePlanning.PSYCHIATRIC_AFTERCARE_WITHIN_14_DAYS;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.Appointment;
import org.perfspecs.model.AppointmentKind;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.Party;
import org.perfspecs.model.ImmutableEpisode;
import org.perfspecs.model.ServiceType;

class IopDischargePlanningTest {
  /** Discharged Monday 2024-04-01 11:00: day 7 is 2024-04-08, day 14 is 2024-04-15. */
  private static final Instant DISCHARGED = ny("2024-04-01T11:00");
  private static final Instant LATER = ny("2024-06-01T12:00");

  private static ImmutableEpisode.Builder discharged() {
    return episode(ServiceType.IOP).admittedAt(ny("2024-03-01T09:00")).dischargedAt(DISCHARGED);
  }

  private static Appointment appointment(String id, AppointmentKind kind, Instant at) {
    return appointment(id, kind, at, ny("2024-03-29T10:00"));
  }

  private static Appointment appointment(String id, AppointmentKind kind, Instant at, Instant scheduledAt) {
    return Appointment.builder().id(id).kind(kind).at(at).scheduledAt(scheduledAt).build();
  }

  /** IOP.DISCH.6.b: an after-care appointment within 7 days of discharge. */
  @Nested
  class AftercareWithin7Days {
    private Finding evaluate(CaseRecord r, Instant asOf) {
      return FindingChecks.evaluate(AFTERCARE_WITHIN_7_DAYS, r, asOf);
    }

    @Test
    @Verifies("IOP.DISCH.6.b")
    void anAppointmentBookedAfterItTookPlaceDoesNotCount() {
      Finding f = evaluate(record(discharged()
          .addAppointments(appointment("a-1", AppointmentKind.AFTERCARE, ny("2024-04-05T10:00"), ny("2024-05-01T09:00")))), LATER);

      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("IOP.DISCH.6.b")
    void metByAnAppointmentOnDay7() {
      Finding f = evaluate(record(discharged()
          .addAppointments(appointment("a-1", AppointmentKind.AFTERCARE, ny("2024-04-08T15:00")))), LATER);

      assertThat(f.outcome()).isEqualTo(Outcome.MET);
      assertThat(f.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay("2024-04-08"));
      assertThat(f.evidence()).extracting(Evidence::id).containsExactly("e-1", "a-1");
    }

    @Test
    @Verifies("IOP.DISCH.6.b")
    void metAtTheLastNanosecondOfDay7AndNotMetAtTheFirstInstantOfDay8() {
      Finding lastNano = evaluate(record(discharged()
          .addAppointments(appointment("a-1", AppointmentKind.AFTERCARE, endOfDay("2024-04-08")))), LATER);
      Finding day8 = evaluate(record(discharged()
          .addAppointments(appointment("a-1", AppointmentKind.AFTERCARE, startOfDay("2024-04-09")))), LATER);

      assertThat(lastNano.outcome()).isEqualTo(Outcome.MET);
      assertThat(day8.outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("IOP.DISCH.6.b")
    void notMetByAnAppointmentOnDay8() {
      Finding f = evaluate(record(discharged()
          .addAppointments(appointment("a-1", AppointmentKind.AFTERCARE, ny("2024-04-09T09:00")))), LATER);

      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(f.reason()).contains("2024-04-01 through 2024-04-08").contains("1 scheduled outside it");
      assertThat(f.evidence()).extracting(Evidence::id).containsExactly("e-1", "a-1");
    }

    @Test
    @Verifies("IOP.DISCH.6.b")
    void notMetWithNoAppointmentOnceTheWindowCloses() {
      CaseRecord r = record(discharged());
      Finding f = evaluate(r, startOfDay("2024-04-09"));

      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(f.reason()).contains("no after-care appointment was scheduled");
      assertThat(f.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay("2024-04-08"));
    }

    @Test
    @Verifies("IOP.DISCH.6.b")
    void metByAnAppointmentOnTheDischargeDate() {
      Finding f = evaluate(record(discharged()
          .addAppointments(appointment("a-1", AppointmentKind.AFTERCARE, ny("2024-04-01T16:00")))), LATER);
      assertThat(f.outcome()).isEqualTo(Outcome.MET);
    }

    @Test
    @Verifies("IOP.DISCH.6.b")
    void anAppointmentBeforeTheDischargeDateDoesNotCount() {
      Finding f = evaluate(record(discharged()
          .addAppointments(appointment("a-1", AppointmentKind.AFTERCARE, ny("2024-03-31T16:00")))), LATER);
      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("IOP.DISCH.6.b")
    void aPsychiatricAftercareAppointmentCounts() {
      Finding f = evaluate(record(discharged()
          .addAppointments(appointment("a-1", AppointmentKind.PSYCHIATRIC_AFTERCARE, ny("2024-04-05T10:00")))), LATER);
      assertThat(f.outcome()).isEqualTo(Outcome.MET);
    }

    @ParameterizedTest
    @EnumSource(value = AppointmentKind.class, names = {"AFTERCARE", "PSYCHIATRIC_AFTERCARE"}, mode = EnumSource.Mode.EXCLUDE)
    @Verifies("IOP.DISCH.6.b")
    void otherKindsOfAppointmentDoNotCount(AppointmentKind kind) {
      Finding f = evaluate(record(discharged().addAppointments(appointment("a-1", kind, ny("2024-04-05T10:00")))), LATER);
      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("IOP.DISCH.6.b")
    void notApplicableWhileTheEpisodeIsOpen() {
      Finding f = evaluate(record(episode(ServiceType.IOP).admittedAt(ny("2024-03-01T09:00"))), LATER);

      assertThat(f.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(f.reason()).contains("has not been discharged");
    }

    @Test
    @Verifies("IOP.DISCH.6.b")
    void notApplicableWhenTheDischargeIsStampedAfterTheAsOf() {
      Finding f = evaluate(record(discharged()), ny("2024-04-01T10:59"));
      assertThat(f.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    @Verifies("IOP.DISCH.6.b")
    void pendingWhileTheWindowIsOpen() {
      CaseRecord r = record(discharged());
      Finding f = evaluate(r, ny("2024-04-03T12:00"));

      assertThat(f.outcome()).isEqualTo(Outcome.PENDING);
      assertThat(f.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay("2024-04-08"));
      assertThat(evaluate(r, DISCHARGED).outcome()).as("at the discharge instant").isEqualTo(Outcome.PENDING);
      assertThat(evaluate(r, endOfDay("2024-04-08")).outcome()).as("last nanosecond of day 7").isEqualTo(Outcome.PENDING);
    }

    @Test
    @Verifies("IOP.DISCH.6.b")
    void anAppointmentBookedAfterTheAsOfIsIgnored() {
      CaseRecord r = record(discharged().addAppointments(
          appointment("a-1", AppointmentKind.AFTERCARE, ny("2024-04-06T10:00"), ny("2024-04-04T09:00"))));

      assertThat(evaluate(r, ny("2024-04-03T12:00")).outcome()).isEqualTo(Outcome.PENDING);
      assertThat(evaluate(r, ny("2024-04-04T09:00")).outcome()).isEqualTo(Outcome.MET);
    }

    @Test
    @Verifies("IOP.DISCH.6.b")
    void aBookedAppointmentStillToComeMeetsTheRequirement() {
      // "is scheduled": booked before the as-of, taking place on day 6, judged on day 2
      CaseRecord r = record(discharged().addAppointments(
          appointment("a-1", AppointmentKind.AFTERCARE, ny("2024-04-07T10:00"), ny("2024-04-01T10:00"))));
      assertThat(evaluate(r, ny("2024-04-02T12:00")).outcome()).isEqualTo(Outcome.MET);
    }
  }

  /** IOP.DISCH.6.c: discharged on medication, a psychiatric after-care appointment within 14 days. */
  @Nested
  class PsychiatricAftercareWithin14Days {
    private Finding evaluate(CaseRecord r, Instant asOf) {
      return FindingChecks.evaluate(PSYCHIATRIC_AFTERCARE_WITHIN_14_DAYS, r, asOf);
    }

    private ImmutableEpisode.Builder onMedication() {
      return discharged().dischargedOnMedication(true);
    }

    @Test
    @Verifies("IOP.DISCH.6.c")
    void metByAPsychiatricAppointmentOnDay14() {
      Finding f = evaluate(record(onMedication().addAppointments(
          appointment("a-1", AppointmentKind.PSYCHIATRIC_AFTERCARE, endOfDay("2024-04-15")))), LATER);

      assertThat(f.outcome()).isEqualTo(Outcome.MET);
      assertThat(f.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay("2024-04-15"));
    }

    @Test
    @Verifies("IOP.DISCH.6.c")
    void notMetByAPsychiatricAppointmentOnDay15() {
      Finding f = evaluate(record(onMedication().addAppointments(
          appointment("a-1", AppointmentKind.PSYCHIATRIC_AFTERCARE, startOfDay("2024-04-16")))), LATER);

      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(f.reason()).contains("psychiatric after-care appointment").contains("2024-04-01 through 2024-04-15");
    }

    @Test
    @Verifies("IOP.DISCH.6.c")
    void aGeneralAftercareAppointmentDoesNotCount() {
      Finding f = evaluate(record(onMedication().addAppointments(
          appointment("a-1", AppointmentKind.AFTERCARE, ny("2024-04-05T10:00")))), LATER);
      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("IOP.DISCH.6.c")
    void pendingWhileTheWindowIsOpen() {
      Finding f = evaluate(record(onMedication()), ny("2024-04-10T12:00"));
      assertThat(f.outcome()).isEqualTo(Outcome.PENDING);
      assertThat(f.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay("2024-04-15"));
      assertThat(evaluate(record(onMedication()), startOfDay("2024-04-16")).outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    @Verifies("IOP.DISCH.6.c")
    void notApplicableWhenNotDischargedOnMedication() {
      Finding f = evaluate(record(discharged().dischargedOnMedication(false)), LATER);
      assertThat(f.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(f.reason()).contains("not discharged on medication");
    }

    @Test
    @Verifies("IOP.DISCH.6.c")
    void undeterminedWhenTheRecordDoesNotSay() {
      Finding f = evaluate(record(discharged()), LATER);
      assertThat(f.outcome()).isEqualTo(Outcome.UNDETERMINED);
      assertThat(f.reason()).contains("does not say whether the member was discharged on medication");
    }

    @Test
    @Verifies("IOP.DISCH.6.c")
    void notApplicableBeforeDischargeEvenOnMedication() {
      Finding f = evaluate(record(episode(ServiceType.IOP).admittedAt(ny("2024-03-01T09:00"))
          .dischargedOnMedication(true)), LATER);
      assertThat(f.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(f.reason()).contains("has not been discharged");
    }

    @Test
    @Verifies("IOP.DISCH.6.c")
    void anAppointmentBookedAfterTheAsOfIsIgnored() {
      CaseRecord r = record(onMedication().addAppointments(
          appointment("a-1", AppointmentKind.PSYCHIATRIC_AFTERCARE, ny("2024-04-12T10:00"), ny("2024-04-10T09:00"))));
      assertThat(evaluate(r, ny("2024-04-10T08:59")).outcome()).isEqualTo(Outcome.PENDING);
      assertThat(evaluate(r, ny("2024-04-10T09:00")).outcome()).isEqualTo(Outcome.MET);
    }
  }

  /** The requirements added around bullet 6. */
  @Nested
  class AddedRequirements {
    private final Instant out = ny("2024-04-19T15:00");

    private Outcome judge(org.perfspecs.checks.EpisodeRequirement r, ImmutableEpisode.Builder e) {
      return FindingChecks.evaluate(r, record(e), LATER).outcome();
    }

    private ImmutableEpisode.Builder out() {
      return IopTestData.discharged(out);
    }

    @Test
    @Verifies("IOP.DISCH.1")
    void dischargePlanningBeginsWithTheFirstPlan() {
      var first = IopTestData.doc("p1", DocumentKind.PROVISIONAL_TREATMENT_PLAN, "2024-04-02", ContentElement.DISCHARGE_AND_AFTERCARE_PLAN).build();
      var later = IopTestData.doc("p2", DocumentKind.TREATMENT_PLAN, "2024-04-09", ContentElement.DISCHARGE_PLANNING_ACTIVITY).build();
      assertThat(judge(IopDischargePlanning.PLANNED_FROM_ADMISSION, IopTestData.admitted().addDocuments(first))).isEqualTo(Outcome.MET);
      assertThat(judge(IopDischargePlanning.PLANNED_FROM_ADMISSION, IopTestData.admitted().addDocuments(later))).isEqualTo(Outcome.MET);
      assertThat(judge(IopDischargePlanning.PLANNED_FROM_ADMISSION, IopTestData.admitted().addDocuments(
          first.withElements(ContentElement.STRENGTHS), later))).as("only a later plan addresses discharge").isEqualTo(Outcome.NOT_MET);
      assertThat(judge(IopDischargePlanning.PLANNED_FROM_ADMISSION, IopTestData.admitted())).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    @Verifies({"IOP.DISCH.2.1", "IOP.DISCH.2.2", "IOP.DISCH.2.3", "IOP.DISCH.2.4", "IOP.DISCH.2.5", "IOP.DISCH.2.6",
        "IOP.DISCH.2.7", "IOP.DISCH.2.8", "IOP.DISCH.2.9", "IOP.DISCH.5.1", "IOP.DISCH.5.2", "IOP.DISCH.5.3", "IOP.DISCH.5.4",
        "IOP.DISCH.5.5"})
    void dischargePlanElements() {
      java.util.Map<org.perfspecs.checks.EpisodeRequirement, ContentElement> elements = new java.util.LinkedHashMap<>();
      elements.put(IopDischargePlanning.CONCERNS, ContentElement.MEMBER_CONCERNS);
      elements.put(IopDischargePlanning.HOUSING, ContentElement.HOUSING);
      elements.put(IopDischargePlanning.FOOD_SECURITY, ContentElement.FOOD_SECURITY);
      elements.put(IopDischargePlanning.RECOVERY_RELAPSE, ContentElement.RECOVERY_AND_RELAPSE_SERVICES);
      elements.put(IopDischargePlanning.FINANCES, ContentElement.FINANCES);
      elements.put(IopDischargePlanning.HEALTH_CARE, ContentElement.HEALTH_CARE);
      elements.put(IopDischargePlanning.TRANSPORTATION_CONCERN, ContentElement.TRANSPORTATION);
      elements.put(IopDischargePlanning.OCCUPATIONAL, ContentElement.OCCUPATIONAL_AND_EDUCATION);
      elements.put(IopDischargePlanning.SOCIAL_SUPPORTS, ContentElement.SOCIAL_SUPPORTS);
      elements.put(IopDischargePlanning.PLAN_REFERRALS, ContentElement.REFERRALS);
      elements.put(IopDischargePlanning.PLAN_APPOINTMENTS, ContentElement.APPOINTMENT_TIMES_AND_LOCATIONS);
      elements.put(IopDischargePlanning.PLAN_TRANSPORTATION, ContentElement.TRANSPORTATION);
      elements.put(IopDischargePlanning.PLAN_MEDICATION, ContentElement.MEDICATION_INFORMATION);
      elements.put(IopDischargePlanning.PLAN_CRISIS, ContentElement.EMERGENCY_AND_CRISIS_INFORMATION);
      elements.forEach((r, element) -> {
        assertThat(judge(r, IopTestData.admitted().addDocuments(IopTestData.doc("dp", DocumentKind.DISCHARGE_PLAN, "2024-04-18", element).build())))
            .as(r.id()).isEqualTo(Outcome.MET);
        assertThat(judge(r, IopTestData.admitted().addDocuments(IopTestData.doc("dp", DocumentKind.DISCHARGE_PLAN, "2024-04-18", ContentElement.OTHER).build(),
            IopTestData.doc("tp", DocumentKind.TREATMENT_PLAN, "2024-04-02", element).build()))).as(r.id()).isEqualTo(Outcome.NOT_MET);
        assertThat(judge(r, IopTestData.admitted())).as(r.id()).isEqualTo(Outcome.NOT_APPLICABLE);
      });
      assertThat(IopDischargePlanning.HOUSING.strength()).isEqualTo(org.perfspecs.checks.Strength.SHOULD);
      assertThat(IopDischargePlanning.PLAN_CRISIS.strength()).isEqualTo(org.perfspecs.checks.Strength.MUST);
    }

    @Test
    @Verifies({"IOP.DISCH.3.1", "IOP.DISCH.3.2", "IOP.DISCH.3.3", "IOP.DISCH.3.4", "IOP.DISCH.3.5", "IOP.DISCH.3.6", "IOP.DISCH.3.7",
        "IOP.DISCH.3.8", "IOP.DISCH.3.9", "IOP.DISCH.3.10", "IOP.DISCH.3.11", "IOP.DISCH.3.12", "IOP.DISCH.3.13", "IOP.DISCH.3.14",
        "IOP.DISCH.3.15", "IOP.DISCH.3.16"})
    void linkagesWithEachLevelOfCare() {
      List<org.perfspecs.checks.ProgramRequirement> links = List.of(IopDischargePlanning.LINK_INPATIENT, IopDischargePlanning.LINK_DETOX,
          IopDischargePlanning.LINK_ATS, IopDischargePlanning.LINK_EATS, IopDischargePlanning.LINK_SOAP, IopDischargePlanning.LINK_COURT_CLINICS,
          IopDischargePlanning.LINK_RRS, IopDischargePlanning.LINK_RESIDENTIAL_SUPPORT, IopDischargePlanning.LINK_OPIOID,
          IopDischargePlanning.LINK_DMH_RESIDENTIAL, IopDischargePlanning.LINK_TRANSITIONAL_HOUSING, IopDischargePlanning.LINK_TSS,
          IopDischargePlanning.LINK_SOBER_HOUSING, IopDischargePlanning.LINK_OUTPATIENT, IopDischargePlanning.LINK_SHELTER,
          IopDischargePlanning.LINK_RLC);
      List<org.perfspecs.model.PartnerCategory> categories = List.of(org.perfspecs.model.PartnerCategory.INPATIENT_MENTAL_HEALTH,
          org.perfspecs.model.PartnerCategory.DETOXIFICATION_LEVEL_4, org.perfspecs.model.PartnerCategory.ACUTE_TREATMENT_SERVICES,
          org.perfspecs.model.PartnerCategory.ENHANCED_ACUTE_TREATMENT_SERVICES, org.perfspecs.model.PartnerCategory.STRUCTURED_OUTPATIENT_ADDICTION_PROGRAM,
          org.perfspecs.model.PartnerCategory.REGIONAL_COURT_CLINIC, org.perfspecs.model.PartnerCategory.RESIDENTIAL_REHABILITATION_SERVICES,
          org.perfspecs.model.PartnerCategory.RESIDENTIAL_SUPPORT_SERVICES, org.perfspecs.model.PartnerCategory.OPIOID_TREATMENT_PROGRAM,
          org.perfspecs.model.PartnerCategory.DMH_RESIDENTIAL, org.perfspecs.model.PartnerCategory.TRANSITIONAL_SUPPORTIVE_HOUSING,
          org.perfspecs.model.PartnerCategory.TRANSITIONAL_SUPPORT_SERVICES, org.perfspecs.model.PartnerCategory.SUPPORTIVE_SOBER_HOUSING,
          org.perfspecs.model.PartnerCategory.OUTPATIENT_PROVIDER, org.perfspecs.model.PartnerCategory.SHELTER,
          org.perfspecs.model.PartnerCategory.RECOVERY_LEARNING_COMMUNITY);
      Instant asOf = ny("2024-05-01T12:00");
      for (int i = 0; i < links.size(); i++) {
        var r = links.get(i);
        var agreement = org.perfspecs.model.Agreement.builder().id("ag").kind(org.perfspecs.model.AgreementKind.LINKAGE)
            .partnerCategory(categories.get(i)).partnerName("Partner").signedOn(LocalDate.of(2024, 1, 1)).build();
        assertThat(FindingChecks.evaluate(r, IopTestData.program().addAgreements(agreement).build(), asOf).outcome()).as(r.id()).isEqualTo(Outcome.MET);
        assertThat(FindingChecks.evaluate(r, IopTestData.program().addAgreements(agreement.withExpiresOn(LocalDate.of(2024, 4, 30))).build(), asOf)
            .outcome()).as(r.id() + " expired").isEqualTo(Outcome.NOT_MET);
        assertThat(FindingChecks.evaluate(r, IopTestData.program().addAgreements(
            agreement.withPartnerCategory(categories.get((i + 1) % categories.size()))).build(), asOf).outcome()).as(r.id()).isEqualTo(Outcome.NOT_MET);
      }
    }

    @Test
    @Verifies("IOP.DISCH.4")
    void concernsAndAftercareDocumented() {
      var both = IopTestData.doc("dp", DocumentKind.DISCHARGE_PLAN, "2024-04-18", ContentElement.SOCIAL_RISK_FACTORS, ContentElement.REFERRALS).build();
      assertThat(judge(IopDischargePlanning.CONCERNS_AND_AFTERCARE_DOCUMENTED, out().addDocuments(both))).isEqualTo(Outcome.MET);
      assertThat(judge(IopDischargePlanning.CONCERNS_AND_AFTERCARE_DOCUMENTED, out().addDocuments(
          both.withElements(ContentElement.MEMBER_CONCERNS), IopTestData.doc("ac", DocumentKind.AFTERCARE_PLAN, "2024-04-19",
              ContentElement.APPOINTMENT_TIMES_AND_LOCATIONS).build()))).isEqualTo(Outcome.MET);
      Finding f = FindingChecks.evaluate(IopDischargePlanning.CONCERNS_AND_AFTERCARE_DOCUMENTED,
          record(out().addDocuments(both.withElements(ContentElement.MEMBER_CONCERNS))), LATER);
      assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
      assertThat(f.reason()).contains("planned after-care");
      assertThat(judge(IopDischargePlanning.CONCERNS_AND_AFTERCARE_DOCUMENTED, out())).isEqualTo(Outcome.NOT_MET);
      assertThat(judge(IopDischargePlanning.CONCERNS_AND_AFTERCARE_DOCUMENTED, IopTestData.admitted().addDocuments(both))).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    @Verifies("IOP.DISCH.5")
    void planGivenOnTheDischargeDate() {
      var given = IopTestData.doc("dp", DocumentKind.DISCHARGE_PLAN, "2024-04-18").addGivenTo(Party.GUARDIAN).givenOn(LocalDate.of(2024, 4, 19)).build();
      assertThat(judge(IopDischargePlanning.PLAN_GIVEN_AT_DISCHARGE, out().addDocuments(given))).isEqualTo(Outcome.MET);
      assertThat(judge(IopDischargePlanning.PLAN_GIVEN_AT_DISCHARGE, out().addDocuments(given.withGivenOn(LocalDate.of(2024, 4, 18)))))
          .as("the day before discharge").isEqualTo(Outcome.NOT_MET);
      assertThat(judge(IopDischargePlanning.PLAN_GIVEN_AT_DISCHARGE, out().addDocuments(given.withGivenTo(Party.PCC))))
          .as("given only to the PCC").isEqualTo(Outcome.NOT_MET);
      assertThat(judge(IopDischargePlanning.PLAN_GIVEN_AT_DISCHARGE, out().addDocuments(given.withGivenOn(java.util.Optional.empty()))))
          .as("no date given").isEqualTo(Outcome.NOT_MET);
      assertThat(judge(IopDischargePlanning.PLAN_GIVEN_AT_DISCHARGE, out())).isEqualTo(Outcome.NOT_MET);
      assertThat(judge(IopDischargePlanning.PLAN_GIVEN_AT_DISCHARGE, IopTestData.admitted().addDocuments(given))).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    @Verifies("IOP.DISCH.6.a")
    void linkagesDeveloped() {
      var referral = org.perfspecs.model.Referral.builder().id("r1").target(org.perfspecs.model.ServiceCategory.OUTPATIENT_BEHAVIORAL_HEALTH);
      assertThat(judge(IopDischargePlanning.LINKAGES_DEVELOPED, out().addReferralsMade(referral.at(out).build()))).isEqualTo(Outcome.MET);
      assertThat(judge(IopDischargePlanning.LINKAGES_DEVELOPED, out().addReferralsMade(referral.at(out.plusSeconds(60)).build())))
          .as("after discharge").isEqualTo(Outcome.NOT_MET);
      assertThat(judge(IopDischargePlanning.LINKAGES_DEVELOPED, out())).isEqualTo(Outcome.NOT_MET);
      assertThat(judge(IopDischargePlanning.LINKAGES_DEVELOPED, IopTestData.admitted())).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    @Verifies("IOP.DISCH.7")
    void transportationSupportWhenNeeded() {
      var call = IopTestData.contact("t1", org.perfspecs.model.ContactKind.TRANSPORTATION, ny("2024-04-18T10:00"))
          .withMode(org.perfspecs.model.ContactMode.PHONE).withParties(Party.PAYER_CARE_TEAM);
      var needs = out().addServiceNeeds(org.perfspecs.model.ServiceCategory.TRANSPORTATION);
      assertThat(judge(IopDischargePlanning.TRANSPORTATION_SUPPORT, ImmutableEpisode.builder().from(needs.build()).addContacts(call))).isEqualTo(Outcome.MET);
      assertThat(judge(IopDischargePlanning.TRANSPORTATION_SUPPORT, ImmutableEpisode.builder().from(needs.build())
          .addContacts(call.withParties(Party.FAMILY)))).isEqualTo(Outcome.NOT_MET);
      assertThat(judge(IopDischargePlanning.TRANSPORTATION_SUPPORT, needs)).isEqualTo(Outcome.NOT_MET);
      assertThat(judge(IopDischargePlanning.TRANSPORTATION_SUPPORT, out().addContacts(call))).as("no need marked").isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(judge(IopDischargePlanning.TRANSPORTATION_SUPPORT, IopTestData.admitted()
          .addServiceNeeds(org.perfspecs.model.ServiceCategory.TRANSPORTATION))).as("not discharged").isEqualTo(Outcome.NOT_APPLICABLE);
    }
  }
}

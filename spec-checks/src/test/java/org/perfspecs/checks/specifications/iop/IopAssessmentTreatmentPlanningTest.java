package org.perfspecs.checks.specifications.iop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.endOfDay;
import static org.perfspecs.checks.Fixtures.member;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.record;
import static org.perfspecs.checks.Fixtures.startOfDay;
import static org.perfspecs.checks.specifications.iop.IopAssessmentTreatmentPlanning.*;
import static org.perfspecs.checks.specifications.iop.IopTestData.LATER;
import static org.perfspecs.checks.specifications.iop.IopTestData.admitted;
import static org.perfspecs.checks.specifications.iop.IopTestData.contact;
import static org.perfspecs.checks.specifications.iop.IopTestData.day;
import static org.perfspecs.checks.specifications.iop.IopTestData.discharged;
import static org.perfspecs.checks.specifications.iop.IopTestData.doc;
import static org.perfspecs.checks.specifications.iop.IopTestData.iop;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.ContactMode;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.ImmutableEpisode;
import org.perfspecs.model.Party;
import org.perfspecs.model.StateAgency;

class IopAssessmentTreatmentPlanningTest {
  private static Finding judge(EpisodeRequirement r, ImmutableEpisode.Builder e, Instant asOf) {
    return FindingChecks.evaluate(r, record(e), asOf);
  }

  private static Outcome outcome(EpisodeRequirement r, ImmutableEpisode.Builder e) {
    return judge(r, e, LATER).outcome();
  }

  @Test
  @Verifies({"IOP.ASMT.1.1", "IOP.ASMT.1.3"})
  void assessmentAndProvisionalPlanByTheEndOfTheFirstBusinessDay() {
    Map<EpisodeRequirement, DocumentKind> kinds = Map.of(ASSESSMENT_COMPLETED, DocumentKind.ASSESSMENT,
        PROVISIONAL_PLAN, DocumentKind.PROVISIONAL_TREATMENT_PLAN);
    kinds.forEach((r, kind) -> {
      Finding met = judge(r, admitted().addDocuments(doc("d", kind, "2024-04-02").build()), LATER);
      assertThat(met.outcome()).as(r.id()).isEqualTo(Outcome.MET);
      assertThat(met.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay("2024-04-02"));
      assertThat(outcome(r, admitted().addDocuments(doc("d", kind, "2024-04-03").build()))).as(r.id()).isEqualTo(Outcome.NOT_MET);
      assertThat(judge(r, admitted(), endOfDay("2024-04-02")).outcome()).as(r.id()).isEqualTo(Outcome.PENDING);
      assertThat(judge(r, admitted(), startOfDay("2024-04-03")).outcome()).as(r.id()).isEqualTo(Outcome.NOT_MET);
      assertThat(outcome(r, iop())).as(r.id()).isEqualTo(Outcome.UNDETERMINED);
    });
    // admitted Friday before Patriots' Day 2024: due end of Tuesday 2024-04-16
    var friday = iop().admittedAt(ny("2024-04-12T15:00"));
    assertThat(judge(PROVISIONAL_PLAN, friday, endOfDay("2024-04-16")).outcome()).isEqualTo(Outcome.PENDING);
    assertThat(judge(PROVISIONAL_PLAN, friday, startOfDay("2024-04-17")).outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies("IOP.ASMT.1.2")
  void teamAssigned() {
    assertThat(outcome(TEAM_ASSIGNED, admitted().addTreatmentTeam("s-1", "s-2"))).isEqualTo(Outcome.MET);
    assertThat(judge(TEAM_ASSIGNED, admitted().addTreatmentTeam("s-1"), endOfDay("2024-04-02")).outcome()).isEqualTo(Outcome.PENDING);
    assertThat(judge(TEAM_ASSIGNED, admitted().addTreatmentTeam("s-1", "s-1"), startOfDay("2024-04-03")).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(outcome(TEAM_ASSIGNED, iop())).isEqualTo(Outcome.UNDETERMINED);
  }

  private static final Map<EpisodeRequirement, ContentElement> PLAN_ELEMENTS = Map.of(
      PLAN_GOALS, ContentElement.MEASURABLE_GOALS_WITH_TIME_FRAMES, PLAN_STRENGTHS, ContentElement.STRENGTHS,
      PLAN_PEER_SUPPORT, ContentElement.PEER_AND_RECOVERY_SUPPORTS, PLAN_MEDICATION, ContentElement.MEDICATION_EVALUATION_AND_MANAGEMENT,
      PLAN_COUNSELING, ContentElement.COUNSELING_MIX, PLAN_DISCHARGE, ContentElement.DISCHARGE_AND_AFTERCARE_PLAN);

  @Test
  @Verifies({"IOP.ASMT.1.3.1", "IOP.ASMT.1.3.2", "IOP.ASMT.1.3.3", "IOP.ASMT.1.3.4", "IOP.ASMT.1.3.5", "IOP.ASMT.1.3.7"})
  void planElements() {
    PLAN_ELEMENTS.forEach((r, element) -> {
      assertThat(outcome(r, admitted().addDocuments(doc("p1", DocumentKind.PROVISIONAL_TREATMENT_PLAN, "2024-04-02").build(),
          doc("p2", DocumentKind.TREATMENT_PLAN, "2024-04-09", element).build()))).as(r.id()).isEqualTo(Outcome.MET);
      Finding missing = judge(r, admitted().addDocuments(doc("p1", DocumentKind.PROVISIONAL_TREATMENT_PLAN, "2024-04-02",
          ContentElement.OTHER).build(), doc("a", DocumentKind.ASSESSMENT, "2024-04-01", element).build()), LATER);
      assertThat(missing.outcome()).as(r.id() + ": an assessment is not a plan").isEqualTo(Outcome.NOT_MET);
      assertThat(outcome(r, admitted())).as(r.id()).isEqualTo(Outcome.NOT_APPLICABLE);
    });
  }

  @Test
  @Verifies("IOP.ASMT.1.3.6")
  void stateAgencyWhenAppropriate() {
    var plan = doc("p1", DocumentKind.PROVISIONAL_TREATMENT_PLAN, "2024-04-02", ContentElement.STATE_AGENCY_INVOLVEMENT).build();
    CaseRecord dmh = record(member().addStateAgencies(StateAgency.DMH), admitted().addDocuments(plan));
    assertThat(FindingChecks.evaluate(PLAN_STATE_AGENCY, dmh, LATER).outcome()).isEqualTo(Outcome.MET);
    CaseRecord dcf = record(member().dcfCaseOpen(true), admitted().addDocuments(plan.withElements(ContentElement.STRENGTHS)));
    assertThat(FindingChecks.evaluate(PLAN_STATE_AGENCY, dcf, LATER).outcome()).isEqualTo(Outcome.NOT_MET);
    Finding none = FindingChecks.evaluate(PLAN_STATE_AGENCY, record(admitted().addDocuments(plan)), LATER);
    assertThat(none.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(none.reason()).contains("no state agency");
  }

  @Test
  @Verifies("IOP.ASMT.1.3.8")
  void signatureOrRefusal() {
    var signed = doc("p1", DocumentKind.PROVISIONAL_TREATMENT_PLAN, "2024-04-02").memberSignedOn(java.time.LocalDate.of(2024, 4, 2)).build();
    var refused = doc("p2", DocumentKind.TREATMENT_PLAN, "2024-04-09").memberRefusedToSign(true).build();
    assertThat(outcome(PLAN_SIGNED, admitted().addDocuments(signed, refused))).isEqualTo(Outcome.MET);
    Finding f = judge(PLAN_SIGNED, admitted().addDocuments(signed, doc("p3", DocumentKind.TREATMENT_PLAN, "2024-04-09").build()), LATER);
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("p3");
    assertThat(outcome(PLAN_SIGNED, admitted())).isEqualTo(Outcome.NOT_APPLICABLE);
    // a signature dated after the as-of date has not happened yet
    var signedLater = doc("p4", DocumentKind.TREATMENT_PLAN, "2024-04-03").memberSignedOn(java.time.LocalDate.of(2024, 4, 10)).build();
    assertThat(judge(PLAN_SIGNED, admitted().addDocuments(signedLater), endOfDay("2024-04-09")).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(judge(PLAN_SIGNED, admitted().addDocuments(signedLater), startOfDay("2024-04-10")).outcome()).isEqualTo(Outcome.MET);
  }

  @Test
  @Verifies("IOP.ASMT.1.4")
  void updatesWithTheMember() {
    var first = doc("p1", DocumentKind.PROVISIONAL_TREATMENT_PLAN, "2024-04-02").build();
    var update = doc("p2", DocumentKind.TREATMENT_PLAN, "2024-04-09").addDevelopedWith(Party.MEMBER).build();
    assertThat(outcome(PLAN_UPDATED_WITH_MEMBER, admitted().addDocuments(first, update))).isEqualTo(Outcome.MET);
    assertThat(outcome(PLAN_UPDATED_WITH_MEMBER, admitted().addDocuments(first, update.withDevelopedWith(Party.TREATMENT_TEAM))))
        .isEqualTo(Outcome.NOT_MET);
    assertThat(outcome(PLAN_UPDATED_WITH_MEMBER, admitted().addDocuments(first))).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(judge(PLAN_UPDATED_WITH_MEMBER, admitted().addDocuments(first, update.withDevelopedWith(Party.TREATMENT_TEAM)),
        ny("2024-04-08T12:00")).outcome()).as("an update dated after the as-of").isEqualTo(Outcome.NOT_APPLICABLE);
  }

  private static final List<EpisodeRequirement> ASSESSMENT = List.of(ASMT_HISTORY, ASMT_COMPLAINTS, ASMT_PAST_BH, ASMT_PAST_MEDICAL,
      ASMT_FAMILY_SOCIAL, ASMT_SUBSTANCE, ASMT_MSE, ASMT_MEDICATIONS, ASMT_DIAGNOSIS, ASMT_FUNCTIONING, ASMT_STRENGTHS, ASMT_PCP);
  private static final List<ContentElement> ASSESSMENT_ELEMENTS = List.of(ContentElement.HISTORY_OF_PRESENTING_PROBLEM,
      ContentElement.CHIEF_COMPLAINTS_AND_SYMPTOMS, ContentElement.PAST_BH_SUD_HISTORY, ContentElement.PAST_MEDICAL_HISTORY,
      ContentElement.FAMILY_SOCIAL_LINGUISTIC_CULTURAL_BACKGROUND, ContentElement.CURRENT_SUBSTANCE_USE, ContentElement.MENTAL_STATUS_EXAM,
      ContentElement.MEDICATION_TRIALS_CURRENT_MEDICATIONS_ALLERGIES, ContentElement.DIAGNOSIS_AND_FORMULATION,
      ContentElement.LEVEL_OF_FUNCTIONING, ContentElement.STRENGTHS, ContentElement.NAME_OF_PCP);

  @Test
  @Verifies({"IOP.ASMT.2.1", "IOP.ASMT.2.2", "IOP.ASMT.2.3", "IOP.ASMT.2.4", "IOP.ASMT.2.5", "IOP.ASMT.2.6", "IOP.ASMT.2.7",
      "IOP.ASMT.2.8", "IOP.ASMT.2.9", "IOP.ASMT.2.10", "IOP.ASMT.2.11", "IOP.ASMT.2.12"})
  void assessmentElements() {
    for (int i = 0; i < ASSESSMENT.size(); i++) {
      EpisodeRequirement r = ASSESSMENT.get(i);
      ContentElement element = ASSESSMENT_ELEMENTS.get(i);
      Finding met = judge(r, admitted().addDocuments(doc("a", DocumentKind.ASSESSMENT, "2024-04-01", element).build()), LATER);
      assertThat(met.outcome()).as(r.id()).isEqualTo(Outcome.MET);
      assertThat(met.evidence()).extracting(e -> e.id()).containsExactly("a");
      ContentElement other = ASSESSMENT_ELEMENTS.get((i + 1) % ASSESSMENT_ELEMENTS.size());
      assertThat(outcome(r, admitted().addDocuments(doc("a", DocumentKind.ASSESSMENT, "2024-04-01", other).build(),
          doc("p", DocumentKind.TREATMENT_PLAN, "2024-04-02", element).build()))).as(r.id()).isEqualTo(Outcome.NOT_MET);
      assertThat(outcome(r, admitted())).as(r.id()).isEqualTo(Outcome.NOT_APPLICABLE);
    }
    assertThat(new IopAssessmentTreatmentPlanning().requirements()).containsSubsequence(ASSESSMENT);
  }

  private static org.perfspecs.model.ImmutableContact careTeamCall(Instant at) {
    return contact("cc", ContactKind.CASE_MANAGEMENT, at).withMode(ContactMode.PHONE).withMemberEngaged(false)
        .withParties(Party.PAYER_CARE_TEAM);
  }

  @Test
  @Verifies({"IOP.ASMT.3.a", "IOP.ASMT.3.b"})
  void careCoordinationWithCca() {
    Instant out = ny("2024-04-19T15:00");
    var call = discharged(out).addContacts(careTeamCall(ny("2024-04-03T11:00")));
    assertThat(outcome(CARE_COORDINATION, call)).isEqualTo(Outcome.MET);
    assertThat(outcome(CONTACTS_CARE_TEAM, call)).isEqualTo(Outcome.MET);
    var forwarded = discharged(out).addDocuments(doc("dp", DocumentKind.DISCHARGE_PLAN, "2024-04-19").addForwardedTo(Party.PAYER_CARE_TEAM).build());
    assertThat(outcome(CARE_COORDINATION, forwarded)).isEqualTo(Outcome.MET);
    assertThat(outcome(CONTACTS_CARE_TEAM, forwarded)).as("a forwarded document is not a call").isEqualTo(Outcome.NOT_MET);
    var afterDischarge = discharged(out).addContacts(careTeamCall(out.plusSeconds(60)));
    assertThat(outcome(CONTACTS_CARE_TEAM, afterDischarge)).isEqualTo(Outcome.NOT_MET);
    var email = discharged(out).addContacts(careTeamCall(ny("2024-04-03T11:00")).withMode(ContactMode.TEXT));
    assertThat(outcome(CONTACTS_CARE_TEAM, email)).isEqualTo(Outcome.NOT_MET);
    assertThat(outcome(CARE_COORDINATION, discharged(out))).isEqualTo(Outcome.NOT_MET);
    // only the stay counts: a minute before admission or after discharge is not this stay's coordination
    Instant admittedAt = discharged(out).build().admittedAt().orElseThrow();
    assertThat(outcome(CARE_COORDINATION, discharged(out).addContacts(careTeamCall(admittedAt.minusSeconds(60)))))
        .isEqualTo(Outcome.NOT_MET);
    assertThat(outcome(CARE_COORDINATION, discharged(out).addContacts(careTeamCall(admittedAt)))).isEqualTo(Outcome.MET);
    assertThat(outcome(CARE_COORDINATION, discharged(out).addContacts(careTeamCall(out)))).isEqualTo(Outcome.MET);
    assertThat(outcome(CARE_COORDINATION, discharged(out).addContacts(careTeamCall(out.plusSeconds(60)))))
        .isEqualTo(Outcome.NOT_MET);
    assertThat(outcome(CARE_COORDINATION, discharged(out).addDocuments(
        doc("late", DocumentKind.PROGRESS_NOTE, "2024-04-20").addForwardedTo(Party.PAYER_CARE_TEAM).build())))
        .isEqualTo(Outcome.NOT_MET);
    // open episode: the stay so far is judged (no deadline is stated)
    assertThat(outcome(CARE_COORDINATION, admitted())).isEqualTo(Outcome.NOT_MET);
    assertThat(outcome(CARE_COORDINATION, admitted().addContacts(careTeamCall(ny("2024-04-03T11:00"))))).isEqualTo(Outcome.MET);
    assertThat(outcome(CONTACTS_CARE_TEAM, admitted().addContacts(careTeamCall(ny("2024-04-03T11:00"))))).isEqualTo(Outcome.MET);
    assertThat(outcome(CONTACTS_CARE_TEAM, admitted())).isEqualTo(Outcome.NOT_MET);
    assertThat(outcome(CONTACTS_CARE_TEAM, iop())).isEqualTo(Outcome.UNDETERMINED);
    assertThat(outcome(CARE_COORDINATION, iop())).isEqualTo(Outcome.UNDETERMINED);
  }

  @Test
  @Verifies({"IOP.ASMT.4.a.1", "IOP.ASMT.4.a.2", "IOP.ASMT.4.a.3", "IOP.ASMT.4.a.4"})
  void involvementOfEachParty() {
    Map<EpisodeRequirement, Party> parties = Map.of(INVOLVES_MEMBER, Party.MEMBER, INVOLVES_FAMILY, Party.GUARDIAN,
        INVOLVES_PROVIDERS, Party.PCC, INVOLVES_AGENCIES, Party.DCF_CASEWORKER);
    parties.forEach((r, party) -> {
      var plan = doc("tp", DocumentKind.TREATMENT_PLAN, "2024-04-02").addDevelopedWith(party).build();
      var dischargePlan = doc("dp", DocumentKind.DISCHARGE_PLAN, "2024-04-18").addDevelopedWith(party).build();
      assertThat(outcome(r, admitted().addDocuments(plan))).as(r.id()).isEqualTo(Outcome.MET);
      assertThat(outcome(r, admitted().addDocuments(plan, dischargePlan))).as(r.id()).isEqualTo(Outcome.MET);
      Finding noDischarge = judge(r, admitted().addDocuments(plan, dischargePlan.withDevelopedWith(Party.TREATMENT_TEAM)), LATER);
      assertThat(noDischarge.outcome()).as(r.id()).isEqualTo(Outcome.NOT_MET);
      assertThat(noDischarge.reason()).contains("discharge plan");
      assertThat(outcome(r, admitted().addDocuments(plan.withDevelopedWith(Party.TREATMENT_TEAM)))).as(r.id()).isEqualTo(Outcome.NOT_MET);
      assertThat(outcome(r, admitted().addDocuments(plan.withDevelopedWith(Party.TREATMENT_TEAM)).addInvolvementContraindicated(party)))
          .as(r.id() + " contraindicated").isEqualTo(Outcome.NOT_APPLICABLE);
      assertThat(outcome(r, admitted())).as(r.id()).isEqualTo(Outcome.NOT_APPLICABLE);
    });
  }

  @Test
  @Verifies("IOP.ASMT.4.b")
  void consentForEveryoneInvolved() {
    var plan = doc("tp", DocumentKind.TREATMENT_PLAN, "2024-04-02").addDevelopedWith(Party.MEMBER, Party.TREATMENT_TEAM, Party.FAMILY).build();
    assertThat(outcome(CONSENT_DOCUMENTED, admitted().addDocuments(plan).addConsentToShareWith(Party.FAMILY))).isEqualTo(Outcome.MET);
    Finding f = judge(CONSENT_DOCUMENTED, admitted().addDocuments(plan, doc("dp", DocumentKind.DISCHARGE_PLAN, "2024-04-18")
        .addDevelopedWith(Party.OUTPATIENT_PROVIDER).build()).addConsentToShareWith(Party.FAMILY), LATER);
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("OUTPATIENT_PROVIDER");
    assertThat(outcome(CONSENT_DOCUMENTED, admitted().addDocuments(plan.withDevelopedWith(Party.MEMBER, Party.TREATMENT_TEAM))))
        .isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(outcome(CONSENT_DOCUMENTED, admitted())).isEqualTo(Outcome.NOT_APPLICABLE);
  }

  @Test
  @Verifies("IOP.ASMT.5")
  void dailyProgressNotes() {
    var note1 = doc("n1", DocumentKind.PROGRESS_NOTE, "2024-04-01").build();
    var note2 = doc("n2", DocumentKind.PROGRESS_NOTE, "2024-04-02").build();
    var attended = admitted().addContacts(day("c1", "2024-04-01"), day("c2", "2024-04-02"),
        contact("c3", ContactKind.OUTREACH_ATTEMPT, ny("2024-04-03T10:00")));
    assertThat(outcome(DAILY_PROGRESS_NOTES, ImmutableEpisode.builder().from(attended.build()).addDocuments(note1, note2))).isEqualTo(Outcome.MET);
    Finding missing = judge(DAILY_PROGRESS_NOTES, ImmutableEpisode.builder().from(attended.build()).addDocuments(note2), LATER);
    assertThat(missing.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(missing.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay("2024-04-01"));
    var today = ImmutableEpisode.builder().from(attended.build()).addDocuments(note1);
    assertThat(judge(DAILY_PROGRESS_NOTES, today, endOfDay("2024-04-02")).outcome()).as("today's note is still due").isEqualTo(Outcome.PENDING);
    assertThat(judge(DAILY_PROGRESS_NOTES, today, startOfDay("2024-04-03")).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(outcome(DAILY_PROGRESS_NOTES, admitted())).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(outcome(DAILY_PROGRESS_NOTES, iop())).isEqualTo(Outcome.UNDETERMINED);
  }
}

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
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Fixtures;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.CareProvider;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.Document;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.Party;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ServiceCategory;

class EsoapAssessmentPlanningTest {
  private static final CareProvider PCC = CareProvider.builder().name("Dr PCC").build();
  private static final CareProvider OB = CareProvider.builder().name("Dr OB").build();

  private static EpisodeRequirement requirement(String id) {
    return (EpisodeRequirement) Esoap.specification().requirements().stream()
        .filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }

  private static Document document(DocumentKind kind, String date, ContentElement... elements) {
    return Document.builder().id("d-" + kind.name().toLowerCase()).kind(kind).date(LocalDate.parse(date))
        .addElements(elements).build();
  }

  private static Outcome outcome(EpisodeRequirement r, CaseRecord record, Instant asOf) {
    return FindingChecks.evaluate(r, record, asOf).outcome();
  }

  @Test
  @Verifies("ESOAP.ASMT.1")
  void generalSpecificationsAreExternal() {
    EsoapTestSupport.assertExternal(EsoapAssessmentPlanning.GENERAL_SPECIFICATIONS,
        Esoap.GENERAL_SPECIFICATIONS + ", Assessment, Treatment/Recovery Planning, and Documentation");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "ESOAP.ASMT.2.a.1, ASSESSMENT, LACTATION",
      "ESOAP.ASMT.2.a.2, ASSESSMENT, MEDICATIONS_IN_PREGNANCY_OR_POSTPARTUM",
      "ESOAP.ASMT.2.a.3, ASSESSMENT, MOOD_AND_ANXIETY_DISORDERS",
      "ESOAP.ASMT.2.a.4, ASSESSMENT, NEWBORN_CARE_SUPPORTS",
      "ESOAP.ASMT.2.b.1, TREATMENT_PLAN, LACTATION",
      "ESOAP.ASMT.2.b.2, TREATMENT_PLAN, MEDICATIONS_IN_PREGNANCY_OR_POSTPARTUM",
      "ESOAP.ASMT.2.b.3, TREATMENT_PLAN, MOOD_AND_ANXIETY_DISORDERS",
      "ESOAP.ASMT.2.b.4, TREATMENT_PLAN, NEWBORN_CARE_SUPPORTS",
      "ESOAP.ASMT.2.c.1, DISCHARGE_PLAN, LACTATION",
      "ESOAP.ASMT.2.c.2, DISCHARGE_PLAN, MEDICATIONS_IN_PREGNANCY_OR_POSTPARTUM",
      "ESOAP.ASMT.2.c.3, DISCHARGE_PLAN, MOOD_AND_ANXIETY_DISORDERS",
      "ESOAP.ASMT.2.c.4, DISCHARGE_PLAN, NEWBORN_CARE_SUPPORTS",
      "ESOAP.ASMT.4, TREATMENT_PLAN, PREGNANCY_SERVICES_UTILIZATION"})
  @Verifies({"ESOAP.ASMT.2.a.1", "ESOAP.ASMT.2.a.2", "ESOAP.ASMT.2.a.3", "ESOAP.ASMT.2.a.4",
      "ESOAP.ASMT.2.b.1", "ESOAP.ASMT.2.b.2", "ESOAP.ASMT.2.b.3", "ESOAP.ASMT.2.b.4",
      "ESOAP.ASMT.2.c.1", "ESOAP.ASMT.2.c.2", "ESOAP.ASMT.2.c.3", "ESOAP.ASMT.2.c.4", "ESOAP.ASMT.4"})
  void eachDocumentAddressesEachElement(String id, DocumentKind kind, ContentElement element) {
    EpisodeRequirement r = requirement(id);
    Finding met = FindingChecks.evaluate(r, record(pregnant(), admitted().addDocuments(document(kind, "2024-04-16", element))), LATER);
    assertThat(met.outcome()).isEqualTo(Outcome.MET);
    assertThat(met.evidence()).extracting(Evidence::id).containsExactly("d-" + kind.name().toLowerCase());
    assertThat(outcome(r, record(pregnant(), admitted().addDocuments(document(kind, "2024-04-16", ContentElement.OTHER))), LATER))
        .isEqualTo(Outcome.NOT_MET);
    assertThat(outcome(r, record(pregnant(), admitted().addDocuments(document(DocumentKind.PROGRESS_NOTE, "2024-04-16", element))), LATER))
        .as("no document of that kind yet").isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(outcome(r, record(pregnant(), admitted().addDocuments(document(kind, "2024-04-16", element))), Fixtures.endOfDay("2024-04-15")))
        .as("a document dated after the as-of date is not in the record yet").isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(outcome(r, record(member(), admitted().addDocuments(document(kind, "2024-04-16", element))), LATER))
        .isEqualTo(Outcome.NOT_APPLICABLE);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"ESOAP.ASMT.3.a, ASSESSMENT", "ESOAP.ASMT.3.b, TREATMENT_PLAN", "ESOAP.ASMT.3.c, DISCHARGE_PLAN"})
  @Verifies({"ESOAP.ASMT.3.a", "ESOAP.ASMT.3.b", "ESOAP.ASMT.3.c"})
  void eachDocumentIsDevelopedWithThePccOrObstetricProvider(String id, DocumentKind kind) {
    EpisodeRequirement r = requirement(id);
    Document withPcc = Document.builder().from(document(kind, "2024-04-16")).addDevelopedWith(Party.PCC).build();
    Document withOb = Document.builder().from(document(kind, "2024-04-16")).addDevelopedWith(Party.OBSTETRIC_PROVIDER).build();
    Document withMember = Document.builder().from(document(kind, "2024-04-16")).addDevelopedWith(Party.MEMBER).build();
    assertThat(outcome(r, record(pregnant().primaryCareClinician(PCC), admitted().addDocuments(withPcc)), LATER)).isEqualTo(Outcome.MET);
    assertThat(outcome(r, record(pregnant().obstetricProvider(OB), admitted().addDocuments(withOb)), LATER)).isEqualTo(Outcome.MET);
    assertThat(outcome(r, record(pregnant().obstetricProvider(OB), admitted().addDocuments(withMember)), LATER)).isEqualTo(Outcome.NOT_MET);
    assertThat(outcome(r, record(pregnant(), admitted().addDocuments(withMember)), LATER))
        .as("neither a PCC nor an obstetric provider").isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(outcome(r, record(pregnant().primaryCareClinician(PCC), admitted()), LATER)).isEqualTo(Outcome.NOT_APPLICABLE);
  }

  private static CaseRecord referredAt(Instant at) {
    return record(pregnant(), admitted().addReferralsMade(Referral.builder().id("r-1")
        .target(ServiceCategory.OBSTETRIC_PROVIDER).at(at).build()));
  }

  @Test
  @Verifies("ESOAP.ASMT.3.d")
  void aReferralWithin24HoursOfTheAdmissionInstantIsOnTime() {
    EpisodeRequirement r = EsoapAssessmentPlanning.OBSTETRIC_REFERRAL_ON_ADMISSION;
    Instant admittedAt = record(pregnant(), admitted()).episode().admittedAt().orElseThrow();
    Instant last = admittedAt.plus(java.time.Duration.ofHours(24));
    Finding f = FindingChecks.evaluate(r, referredAt(last), LATER);
    assertThat(f.outcome()).isEqualTo(Outcome.MET);
    assertThat(f.due()).get().extracting(d -> d.last()).isEqualTo(last);
    assertThat(outcome(r, referredAt(last.plusNanos(1)), LATER)).isEqualTo(Outcome.NOT_MET);
    assertThat(outcome(r, referredAt(ny("2024-04-14T16:00")), LATER)).as("referred before admission").isEqualTo(Outcome.MET);
  }

  @Test
  @Verifies("ESOAP.ASMT.3.d")
  void pendingDuringTheAdmissionDayThenNotMetAndNotApplicableWithAnObstetricProvider() {
    EpisodeRequirement r = EsoapAssessmentPlanning.OBSTETRIC_REFERRAL_ON_ADMISSION;
    CaseRecord none = record(pregnant(), admitted());
    Instant last = none.episode().admittedAt().orElseThrow().plus(java.time.Duration.ofHours(24));
    Finding pending = FindingChecks.evaluate(r, none, last);
    assertThat(pending.outcome()).isEqualTo(Outcome.PENDING);
    assertThat(outcome(r, none, last.plusNanos(1))).isEqualTo(Outcome.NOT_MET);
    // the reading is an interpretation: an auditor may read "immediately" as 4 hours
    EvaluationContext fourHours = EvaluationContext.asOf(last)
        .withInterpretation(EsoapAssessmentPlanning.IMMEDIATELY_UPON_ADMISSION, java.time.Duration.ofHours(4));
    assertThat(r.evaluate(none, fourHours).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(r.interpretations()).containsExactly(EsoapAssessmentPlanning.IMMEDIATELY_UPON_ADMISSION);
    assertThat(outcome(r, record(pregnant().obstetricProvider(OB), admitted()), LATER)).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(outcome(r, record(pregnant(), org.perfspecs.checks.Fixtures.episode(org.perfspecs.model.ServiceType.ESOAP)), LATER))
        .isEqualTo(Outcome.UNDETERMINED);
  }

  @org.junit.jupiter.api.Test
  @Verifies({"ESOAP.ASMT.2.a.1", "ESOAP.ASMT.2.a.2", "ESOAP.ASMT.2.a.3", "ESOAP.ASMT.2.a.4", "ESOAP.ASMT.2.b.1", "ESOAP.ASMT.2.b.2", "ESOAP.ASMT.2.b.3", "ESOAP.ASMT.2.b.4", "ESOAP.ASMT.2.c.1", "ESOAP.ASMT.2.c.2", "ESOAP.ASMT.2.c.3", "ESOAP.ASMT.2.c.4", "ESOAP.ASMT.3.a", "ESOAP.ASMT.3.b", "ESOAP.ASMT.3.c", "ESOAP.ASMT.3.d", "ESOAP.ASMT.4"})
  void everyEpisodeRequirementAppliesOnlyToAMemberPregnantOrPostpartumAtAdmission() {
    assertThat(EsoapTestSupport.assertPregnancyCondition("ASMT")).containsExactlyInAnyOrder("ESOAP.ASMT.2.a.1", "ESOAP.ASMT.2.a.2", "ESOAP.ASMT.2.a.3", "ESOAP.ASMT.2.a.4", "ESOAP.ASMT.2.b.1", "ESOAP.ASMT.2.b.2", "ESOAP.ASMT.2.b.3", "ESOAP.ASMT.2.b.4", "ESOAP.ASMT.2.c.1", "ESOAP.ASMT.2.c.2", "ESOAP.ASMT.2.c.3", "ESOAP.ASMT.2.c.4", "ESOAP.ASMT.3.a", "ESOAP.ASMT.3.b", "ESOAP.ASMT.3.c", "ESOAP.ASMT.3.d", "ESOAP.ASMT.4");
  }
}

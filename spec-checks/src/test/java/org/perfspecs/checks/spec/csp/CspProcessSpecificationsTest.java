package org.perfspecs.checks.spec.csp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.episode;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Goal;
import org.perfspecs.model.ImmutableServicePlan;
import org.perfspecs.model.ServicePlan;
import org.perfspecs.model.ServiceType;

/** CSP.PROC.2.c.4.1 to .7: the elements the written service plan must include. */
class CspProcessSpecificationsTest {
  private static final Instant AS_OF = ny("2024-05-01T12:00");

  private static final List<EpisodeRequirement> ELEMENTS = List.of(
      CspProcessSpecifications.PLAN_PROBLEMS_AND_NEEDS,
      CspProcessSpecifications.PLAN_STRENGTHS_AND_NEEDS,
      CspProcessSpecifications.PLAN_MEASURABLE_GOALS,
      CspProcessSpecifications.PLAN_INTERVENTIONS,
      CspProcessSpecifications.PLAN_STAFF_RESPONSIBILITIES,
      CspProcessSpecifications.PLAN_DATE_LAST_REVIEWED,
      CspProcessSpecifications.PLAN_STAFF_SIGNATURES);

  private static Goal goal(String description, boolean measurable) {
    return Goal.builder().description(description).measurable(measurable).build();
  }

  /** A plan with every element. */
  private static ImmutableServicePlan complete() {
    return ServicePlan.builder().id("sp-1").completedOn(LocalDate.of(2024, 4, 10))
        .addProblemsAndNeeds("housing instability")
        .addStrengths("engaged family")
        .addGoals(goal("attend 4 of 4 weekly sessions", true))
        .addInterventions("weekly community support visits")
        .addStaffResponsibilities("CSP worker s-1: weekly visits")
        .lastReviewedOn(LocalDate.of(2024, 4, 10))
        .addStaffSignatures("s-1")
        .build();
  }

  private static Finding evaluate(EpisodeRequirement r, ServicePlan plan) {
    return FindingChecks.evaluate(r, record(episode(ServiceType.CSP).servicePlan(plan)), AS_OF);
  }

  /** {@code r} is NOT_MET on {@code plan} (a complete plan less the element) and MET on the complete plan. */
  private static void assertElementNotMet(EpisodeRequirement r, ServicePlan plan, String reason) {
    Finding f = evaluate(r, plan);
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).isEqualTo("the written service plan does not include " + reason);
    assertThat(f.evidence()).extracting(Evidence::id).containsExactly("sp-1");
    assertThat(evaluate(r, complete()).outcome()).isEqualTo(Outcome.MET);
  }

  static Stream<EpisodeRequirement> elements() {
    return ELEMENTS.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("elements")
  @Verifies({"CSP.PROC.2.c.4.1", "CSP.PROC.2.c.4.2", "CSP.PROC.2.c.4.3", "CSP.PROC.2.c.4.4", "CSP.PROC.2.c.4.5",
      "CSP.PROC.2.c.4.6", "CSP.PROC.2.c.4.7"})
  void everyElementIsMetByACompletePlan(EpisodeRequirement r) {
    Finding f = evaluate(r, complete());
    assertThat(f.outcome()).isEqualTo(Outcome.MET);
    assertThat(f.reason()).startsWith("the written service plan includes ");
    assertThat(f.evidence()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo("servicePlan");
      assertThat(e.date()).hasValue(LocalDate.of(2024, 4, 10));
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("elements")
  @Verifies({"CSP.PROC.2.c.4.1", "CSP.PROC.2.c.4.2", "CSP.PROC.2.c.4.3", "CSP.PROC.2.c.4.4", "CSP.PROC.2.c.4.5",
      "CSP.PROC.2.c.4.6", "CSP.PROC.2.c.4.7"})
  void everyElementIsNotApplicableWithoutAPlan(EpisodeRequirement r) {
    Finding f = FindingChecks.evaluate(r, record(episode(ServiceType.CSP)), AS_OF);
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(f.reason()).contains("no written service plan");
    assertThat(r.condition()).hasValue("a written service plan is in the record");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("elements")
  @Verifies({"CSP.PROC.2.c.4.1", "CSP.PROC.2.c.4.2", "CSP.PROC.2.c.4.3", "CSP.PROC.2.c.4.4", "CSP.PROC.2.c.4.5",
      "CSP.PROC.2.c.4.6", "CSP.PROC.2.c.4.7"})
  void aPlanCompletedAfterTheAsOfDateIsNotInTheRecordYet(EpisodeRequirement r) {
    CaseRecord rec = record(episode(ServiceType.CSP).servicePlan(complete()));
    assertThat(FindingChecks.evaluate(r, rec, ny("2024-04-09T23:59")).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(FindingChecks.evaluate(r, rec, ny("2024-04-10T00:00")).outcome()).isEqualTo(Outcome.MET);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("elements")
  @Verifies({"CSP.PROC.2.c.4.1", "CSP.PROC.2.c.4.2", "CSP.PROC.2.c.4.3", "CSP.PROC.2.c.4.4", "CSP.PROC.2.c.4.5",
      "CSP.PROC.2.c.4.6", "CSP.PROC.2.c.4.7"})
  void anEmptyPlanMeetsNoElement(EpisodeRequirement r) {
    ServicePlan empty = ServicePlan.builder().id("sp-1").completedOn(LocalDate.of(2024, 4, 10)).build();
    assertThat(evaluate(r, empty).outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies("CSP.PROC.2.c.4.1")
  void element1ProblemsAndNeeds() {
    assertElementNotMet(CspProcessSpecifications.PLAN_PROBLEMS_AND_NEEDS,
        complete().withProblemsAndNeeds(List.of()), "identified problems and needs");
  }

  @Test
  @Verifies("CSP.PROC.2.c.4.2")
  void element2StrengthsAndNeeds() {
    assertElementNotMet(CspProcessSpecifications.PLAN_STRENGTHS_AND_NEEDS,
        complete().withStrengths(List.of()), "the member's strengths and needs");
    assertElementNotMet(CspProcessSpecifications.PLAN_STRENGTHS_AND_NEEDS,
        complete().withProblemsAndNeeds(List.of()), "the member's strengths and needs");
  }

  @Test
  @Verifies("CSP.PROC.2.c.4.3")
  void element3MeasurableGoals() {
    String what = "clearly defined interventions and measurable goals (every goal measurable)";
    assertElementNotMet(CspProcessSpecifications.PLAN_MEASURABLE_GOALS, complete().withGoals(List.of()), what);
    assertElementNotMet(CspProcessSpecifications.PLAN_MEASURABLE_GOALS,
        complete().withGoals(goal("attend 4 of 4 weekly sessions", true), goal("feel better", false)), what);
    assertElementNotMet(CspProcessSpecifications.PLAN_MEASURABLE_GOALS, complete().withInterventions(List.of()), what);
    assertThat(evaluate(CspProcessSpecifications.PLAN_MEASURABLE_GOALS,
        complete().withGoals(goal("a", true), goal("b", true))).outcome()).isEqualTo(Outcome.MET);
  }

  @Test
  @Verifies("CSP.PROC.2.c.4.4")
  void element4Interventions() {
    assertElementNotMet(CspProcessSpecifications.PLAN_INTERVENTIONS,
        complete().withInterventions(List.of()), "identified clinical interventions, services and benefits");
  }

  @Test
  @Verifies("CSP.PROC.2.c.4.5")
  void element5StaffResponsibilities() {
    assertElementNotMet(CspProcessSpecifications.PLAN_STAFF_RESPONSIBILITIES,
        complete().withStaffResponsibilities(List.of()), "staff responsibilities and assignments");
  }

  @Test
  @Verifies("CSP.PROC.2.c.4.6")
  void element6DateLastReviewed() {
    assertElementNotMet(CspProcessSpecifications.PLAN_DATE_LAST_REVIEWED,
        complete().withLastReviewedOn(java.util.Optional.empty()), "the date the plan was last reviewed or revised");
  }

  @Test
  @Verifies("CSP.PROC.2.c.4.7")
  void element7StaffSignatures() {
    assertElementNotMet(CspProcessSpecifications.PLAN_STAFF_SIGNATURES,
        complete().withStaffSignatures(List.of()), "signatures of the CSP staff involved");
  }

  @Test
  @Verifies({"CSP.PROC.2.c.4.1", "CSP.PROC.2.c.4.2", "CSP.PROC.2.c.4.3", "CSP.PROC.2.c.4.4", "CSP.PROC.2.c.4.5",
      "CSP.PROC.2.c.4.6", "CSP.PROC.2.c.4.7"})
  void eachElementIsJudgedIndependently() {
    // removing one element fails that element only
    List<UnaryOperator<ImmutableServicePlan>> removals = List.of(
        p -> p.withProblemsAndNeeds(List.of()).withStrengths(List.of("x")),
        p -> p.withStrengths(List.of()),
        p -> p.withGoals(goal("vague", false)),
        p -> p.withInterventions(List.of()),
        p -> p.withStaffResponsibilities(List.of()),
        p -> p.withLastReviewedOn(java.util.Optional.empty()),
        p -> p.withStaffSignatures(List.of()));
    for (int i = 0; i < ELEMENTS.size(); i++) {
      ServicePlan plan = removals.get(i).apply(complete());
      for (int j = 0; j < ELEMENTS.size(); j++) {
        Outcome outcome = evaluate(ELEMENTS.get(j), plan).outcome();
        boolean expectedToFail = j == i
            || (i == 0 && j == 1) // needs are part of "strengths and needs"
            || (i == 3 && j == 2); // interventions are part of the solution-focused plan
        assertThat(outcome).as("removal %d, element %d", i + 1, j + 1)
            .isEqualTo(expectedToFail ? Outcome.NOT_MET : Outcome.MET);
      }
    }
  }
}

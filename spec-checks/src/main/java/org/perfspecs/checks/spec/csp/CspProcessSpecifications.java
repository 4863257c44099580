package org.perfspecs.checks.spec.csp;

import static org.perfspecs.checks.Strength.MUST;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.Condition;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.Section;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Goal;
import org.perfspecs.model.ServicePlan;

/**
 * CSP "Process specifications". Item 2.c, fourth bullet: "The service plan must be in writing, and
 * must include at least the following information, as appropriate to the member's presenting
 * complaint:" followed by seven elements, one requirement each. Each applies once a written
 * service plan is in the record (whether a plan exists at all is a separate obligation).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CspProcessSpecifications extends Section {
  static final String HEADING = "Process specifications";

  private static final Condition WRITTEN_PLAN = Condition.of("a written service plan is in the record",
      CspProcessSpecifications::writtenPlan);

  /** Element 1: identified problems and needs. */
  public static final EpisodeRequirement PLAN_PROBLEMS_AND_NEEDS = element(1,
      "Identified problems and needs relevant to services;",
      "identified problems and needs", p -> !p.problemsAndNeeds().isEmpty());

  /** Element 2: the member's strengths and needs. */
  public static final EpisodeRequirement PLAN_STRENGTHS_AND_NEEDS = element(2,
      "The member's strengths and needs;",
      "the member's strengths and needs", p -> !p.strengths().isEmpty() && !p.problemsAndNeeds().isEmpty());

  /** Element 3: a solution-focused plan with interventions and measurable goals (every goal measurable). */
  public static final EpisodeRequirement PLAN_MEASURABLE_GOALS = element(3,
      "A comprehensive, individualized plan that is solution-focused with clearly defined interventions and measurable goals.",
      "clearly defined interventions and measurable goals (every goal measurable)",
      p -> !p.goals().isEmpty() && p.goals().stream().allMatch(Goal::measurable) && !p.interventions().isEmpty());

  /** Element 4: identified clinical interventions, services and benefits. */
  public static final EpisodeRequirement PLAN_INTERVENTIONS = element(4,
      "Identified clinical interventions, services, and benefits to be performed and coordinated by the provider;",
      "identified clinical interventions, services and benefits", p -> !p.interventions().isEmpty());

  /** Element 5: staff responsibilities and assignments. */
  public static final EpisodeRequirement PLAN_STAFF_RESPONSIBILITIES = element(5,
      "Clearly defined staff responsibilities and assignments for implementing the plan;",
      "staff responsibilities and assignments", p -> !p.staffResponsibilities().isEmpty());

  /** Element 6: the date last reviewed or revised. */
  public static final EpisodeRequirement PLAN_DATE_LAST_REVIEWED = element(6,
      "The date the plan was last reviewed or revised; and",
      "the date the plan was last reviewed or revised", p -> p.lastReviewedOn().isPresent());

  /** Element 7: signatures of the staff involved. */
  public static final EpisodeRequirement PLAN_STAFF_SIGNATURES = element(7,
      "The signatures of the CSP staff involved in the review or revision",
      "signatures of the CSP staff involved", p -> !p.staffSignatures().isEmpty());

  CspProcessSpecifications() {
    super("PROC", HEADING, List.of(PLAN_PROBLEMS_AND_NEEDS, PLAN_STRENGTHS_AND_NEEDS, PLAN_MEASURABLE_GOALS,
        PLAN_INTERVENTIONS, PLAN_STAFF_RESPONSIBILITIES, PLAN_DATE_LAST_REVIEWED, PLAN_STAFF_SIGNATURES));
  }

  static Citation cite(String label, String text) {
    return Citation.of(Csp.SOURCE, HEADING, label, text);
  }

  private static EpisodeRequirement element(int n, String text, String what, Predicate<ServicePlan> present) {
    return EpisodeRequirement.of("CSP.PROC.2.c.4." + n, MUST,
        cite("2.c (Service Planning), fourth bullet, element " + n, text),
        new PlanElement(what, present)::judge)
        .when(WRITTEN_PLAN);
  }

  private static Optional<Judgment> writtenPlan(CaseRecord record, EvaluationContext ctx) {
    Optional<ServicePlan> plan = record.episode().servicePlan().filter(p -> ctx.hasBegun(p.completedOn()));
    return plan.isPresent() ? Optional.empty()
        : Optional.of(Judgment.notApplicable("no written service plan is in the record yet"));
  }

  /** One listed element of the written service plan. */
  private static final class PlanElement {
    private final String what;
    private final Predicate<ServicePlan> present;

    PlanElement(String what, Predicate<ServicePlan> present) {
      this.what = what;
      this.present = present;
    }

    Judgment judge(CaseRecord record, EvaluationContext ctx) {
      ServicePlan plan = record.episode().servicePlan().orElseThrow();
      Evidence evidence = Evidence.onDate("servicePlan", plan.id(), plan.completedOn(), "written service plan");
      return present.test(plan)
          ? Judgment.met("the written service plan includes " + what, evidence)
          : Judgment.notMet("the written service plan does not include " + what, evidence);
    }
  }
}

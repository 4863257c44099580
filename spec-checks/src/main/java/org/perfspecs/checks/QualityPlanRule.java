package org.perfspecs.checks;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.function.Predicate;
import org.apiguardian.api.API;
import org.perfspecs.model.Program;
import org.perfspecs.model.QualityPlan;

/**
 * A program rule over the quality management plan, shared by the specifications: NOT_MET when the
 * profile holds no plan adopted on or before the as-of date; otherwise MET when the plan has the
 * feature, NOT_MET when it does not.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class QualityPlanRule implements ProgramRequirement.Rule {
  private final String what;
  private final Predicate<QualityPlan> present;

  private QualityPlanRule(String what, Predicate<QualityPlan> present) {
    this.what = requireNonNull(what, "what");
    this.present = requireNonNull(present, "present");
  }

  /** The plan adopted by the as-of date has the feature {@code what}, as {@code present} decides. */
  public static QualityPlanRule includes(String what, Predicate<QualityPlan> present) {
    return new QualityPlanRule(what, present);
  }

  /** A plan adopted by the as-of date, whatever its features; {@code what} names what it is for. */
  public static QualityPlanRule exists(String what) {
    return new QualityPlanRule(what, plan -> true);
  }

  /** The quality management plan adopted on or before the as-of date, if any. */
  public static Optional<QualityPlan> adoptedPlan(Program program, EvaluationContext ctx) {
    return program.qualityPlan().filter(q -> ctx.hasBegun(q.adoptedOn()));
  }

  @Override
  public Judgment judge(Program program, EvaluationContext ctx) {
    Optional<QualityPlan> plan = adoptedPlan(program, ctx);
    if (plan.isEmpty()) {
      return Judgment.notMet("the program profile holds no quality management plan adopted by " + ctx.today());
    }
    Evidence evidence = Evidence.onDate("qualityPlan", program.id(), plan.get().adoptedOn(), "quality management plan adopted");
    return present.test(plan.get())
        ? Judgment.met("the quality management plan includes " + what, evidence)
        : Judgment.notMet("the quality management plan does not include " + what, evidence);
  }
}

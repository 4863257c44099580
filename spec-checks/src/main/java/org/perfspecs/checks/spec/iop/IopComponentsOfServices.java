package org.perfspecs.checks.spec.iop;

import static org.perfspecs.checks.Strength.MUST;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.Condition;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.Section;
import org.perfspecs.checks.Times;
import org.perfspecs.checks.Timeliness;
import org.perfspecs.checks.Timeliness.Timed;
import org.perfspecs.checks.time.Deadline;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Episode;
import org.perfspecs.model.Referral;

/** IOP "COMPONENTS OF SERVICES". */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class IopComponentsOfServices extends Section {
  static final String HEADING = "COMPONENTS OF SERVICES:";

  /**
   * "The member will be evaluated/assessed within one business day of referral": the initial
   * evaluation by the end of the first business day after the day the referral was received.
   */
  public static final EpisodeRequirement EVALUATED_WITHIN_ONE_BUSINESS_DAY = EpisodeRequirement.of(
      "IOP.COMP.4.a", MUST,
      cite("bullet 4, first obligation", "The member will be evaluated/assessed within one business day of referral"),
      IopComponentsOfServices::evaluatedWithinOneBusinessDay);

  /**
   * "will be admitted into the program within one business day of the initial evaluation":
   * admission by the end of the first business day after the day of the initial evaluation, for a
   * member not found ineligible.
   */
  public static final EpisodeRequirement ADMITTED_WITHIN_ONE_BUSINESS_DAY = EpisodeRequirement.of(
      "IOP.COMP.4.b", MUST,
      cite("bullet 4, second obligation",
          "will be admitted into the program within one business day of the initial evaluation"),
      IopComponentsOfServices::admittedWithinOneBusinessDay)
      .when(Condition.of("the member was not found ineligible at evaluation", IopComponentsOfServices::notIneligible));

  IopComponentsOfServices() {
    super("COMP", HEADING, List.of(EVALUATED_WITHIN_ONE_BUSINESS_DAY, ADMITTED_WITHIN_ONE_BUSINESS_DAY));
  }

  static Citation cite(String label, String text) {
    return Citation.of(Iop.SOURCE, HEADING, label, text);
  }

  private static Judgment evaluatedWithinOneBusinessDay(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    Optional<Referral> referral = e.referral().filter(r -> ctx.hasHappened(r.at()));
    if (referral.isEmpty()) {
      return Judgment.undetermined("no referral time is recorded as of " + Times.format(ctx.asOf(), ctx.zone())
          + ", so the evaluation deadline cannot be computed");
    }
    Referral r = referral.get();
    Deadline due = Deadline.businessDaysAfter(r.at(), 1, ctx.calendar());
    return Timeliness.judge(due,
        e.evaluatedAt().map(t -> Timed.of(t, Evidence.of("episode", e.id(), t, "initial evaluation"))),
        "initial evaluation", ctx,
        Evidence.of("referral", r.id(), r.at(), "referral received"));
  }

  private static Optional<Judgment> notIneligible(CaseRecord record, EvaluationContext ctx) {
    return record.episode().determinedIneligibleAt().filter(ctx::hasHappened)
        .map(t -> Judgment.notApplicable("the member was found ineligible at evaluation",
            Evidence.of("episode", record.episode().id(), t, "determined ineligible")));
  }

  private static Judgment admittedWithinOneBusinessDay(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    if (e.evaluatedAt().filter(ctx::hasHappened).isEmpty()) {
      return Judgment.undetermined("no initial evaluation time is recorded as of "
          + Times.format(ctx.asOf(), ctx.zone()) + ", so the admission deadline cannot be computed");
    }
    var evaluated = e.evaluatedAt().get();
    Deadline due = Deadline.businessDaysAfter(evaluated, 1, ctx.calendar());
    return Timeliness.judge(due,
        e.admittedAt().map(t -> Timed.of(t, Evidence.of("episode", e.id(), t, "admission"))),
        "admission", ctx,
        Evidence.of("episode", e.id(), evaluated, "initial evaluation"));
  }
}

package org.perfspecs.checks.specifications.rc;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.perfspecs.checks.RecordLists;
import org.perfspecs.checks.Condition;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Member;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.StateAgency;
import org.perfspecs.model.WellnessPlan;

/** Conditions of the RC requirements. */
final class RcConditions {
  private RcConditions() {}

  /**
   * The member is parenting, or pregnant or postpartum (up to one year after childbirth) on the
   * date of admission. A parenting member needs no admission time; otherwise, without one, the
   * condition is undetermined.
   */
  static Condition pregnantOrParenting() {
    return Condition.of("the member is parenting, or pregnant or postpartum (up to one year after childbirth) on the date of admission",
        RcConditions::pregnantOrParenting);
  }

  private static Optional<Judgment> pregnantOrParenting(CaseRecord record, EvaluationContext ctx) {
    Member m = record.member();
    if (m.parenting()) {
      return Optional.empty();
    }
    Optional<Instant> admitted = RcRecords.admitted(record.episode(), ctx);
    if (admitted.isEmpty() && m.pregnancy().isPresent()) {
      return org.perfspecs.checks.Conditions.withoutAdmission(record.episode(), ctx,
          "the member is not recorded as parenting and pregnancy or postpartum status at admission cannot be decided");
    }
    if (m.pregnancy().isEmpty() || !m.pregnancy().get().isPregnantOrPostpartumOn(ctx.dateOf(admitted.get()))) {
      return Optional.of(Judgment.notApplicable("the member is not parenting, and neither pregnant nor within one year after childbirth on the date of admission"));
    }
    return Optional.empty();
  }

  /** A Wellness Plan is in the record. */
  static Condition wellnessPlanInRecord() {
    return Condition.of("a Wellness Plan is in the record", (r, ctx) -> RcRecords.wellnessPlan(r.episode(), ctx).isPresent()
        ? Optional.empty() : Optional.of(Judgment.notApplicable("no Wellness Plan is in the record yet")));
  }

  /** A Plan of Safe Care is in the record. */
  static Condition planOfSafeCareInRecord() {
    return Condition.of("a Plan of Safe Care is in the record", (r, ctx) -> RcRecords.planOfSafeCare(r.episode(), ctx).isPresent()
        ? Optional.empty() : Optional.of(Judgment.notApplicable("no Plan of Safe Care is in the record yet")));
  }

  /** The member has an open DCF case. */
  static Condition openDcfCase() {
    return Condition.of("the member has an open DCF case", (r, ctx) -> r.member().dcfCaseOpen()
        ? Optional.empty() : Optional.of(Judgment.notApplicable("the member has no open DCF case")));
  }

  /** The member is involved with one of {@code agencies} (an open DCF case counts as DCF involvement). */
  static Condition involvedWith(Set<StateAgency> agencies, String words) {
    Optional<Judgment> notInvolved = Optional.of(Judgment.notApplicable("the record shows no involvement with " + words));
    return Condition.of("the member is involved with " + words, (r, ctx) -> {
      Member m = r.member();
      boolean involved = RecordLists.anyIn(m.stateAgencies(), agencies)
          || (agencies.contains(StateAgency.DCF) && m.dcfCaseOpen());
      return involved ? Optional.empty() : notInvolved;
    });
  }

  /** The record marks a need in {@code categories} ({@link org.perfspecs.model.Episode#serviceNeeds()}). */
  static Condition needMarked(Set<ServiceCategory> categories, String words) {
    Optional<Judgment> notMarked = Optional.of(Judgment.notApplicable("the record marks no need for " + words));
    return Condition.of("the record marks a need for " + words, (r, ctx) ->
        RecordLists.anyIn(r.episode().serviceNeeds(), categories) ? Optional.empty() : notMarked);
  }

  // judgments are immutable: the one these conditions give without a plan is made once
  private static final Optional<Judgment> NO_PLAN_OF_SAFE_CARE =
      Optional.of(Judgment.notApplicable("no Plan of Safe Care is in the record yet"));

  /** The Plan of Safe Care (in the record) identifies a need in {@code categories}. */
  static Condition planOfSafeCareIdentifies(Set<ServiceCategory> categories, String words) {
    return Condition.of("the Plan of Safe Care identifies " + words, (r, ctx) -> {
      Optional<WellnessPlan> plan = RcRecords.planOfSafeCare(r.episode(), ctx);
      if (plan.isEmpty()) {
        return NO_PLAN_OF_SAFE_CARE;
      }
      return RecordLists.anyIn(plan.get().needsIdentified(), categories) ? Optional.empty()
          : Optional.of(Judgment.notApplicable("the Plan of Safe Care identifies no " + words,
              RcRecords.planOfSafeCare(plan.get())));
    });
  }

  /** The needs of {@code marked} that are in {@code group}, in enum order. */
  static Set<ServiceCategory> within(Set<ServiceCategory> marked, Set<ServiceCategory> group) {
    EnumSet<ServiceCategory> out = EnumSet.noneOf(ServiceCategory.class);
    for (ServiceCategory c : marked) {
      if (group.contains(c)) {
        out.add(c);
      }
    }
    return out;
  }

}

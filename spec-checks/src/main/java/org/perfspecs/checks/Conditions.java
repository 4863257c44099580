package org.perfspecs.checks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.apiguardian.api.API;
import org.perfspecs.model.Episode;
import org.perfspecs.model.Member;

/** Conditions shared by the specifications, each defined once. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Conditions {
  private Conditions() {}

  /**
   * The member is pregnant, or within one year after childbirth ({@link
   * org.perfspecs.model.PregnancyStatus#isPregnantOrPostpartumOn}), on the date of admission.
   * Without an admission time the condition is undetermined.
   */
  public static Condition pregnantOrPostpartumAtAdmission() {
    return Condition.of("the member is pregnant or postpartum (up to one year after childbirth) on the date of admission",
        Conditions::pregnantOrPostpartumAtAdmission);
  }

  private static Optional<Judgment> pregnantOrPostpartumAtAdmission(
      org.perfspecs.model.CaseRecord record, EvaluationContext ctx) {
    Member member = record.member();
    Optional<Instant> admitted = record.episode().admittedAt().filter(ctx::hasHappened);
    if (admitted.isEmpty()) {
      return Optional.of(Judgment.undetermined(
          "no admission time is recorded (as of " + Times.format(ctx.asOf(), ctx.zone()) + "), so pregnancy or postpartum status at admission cannot be decided"));
    }
    LocalDate day = ctx.dateOf(admitted.get());
    if (member.pregnancy().isEmpty() || !member.pregnancy().get().isPregnantOrPostpartumOn(day)) {
      return Optional.of(Judgment.notApplicable("the member is neither pregnant nor within one year after childbirth on the date of admission"));
    }
    return Optional.empty();
  }

  /** The member has been discharged at the as-of time. */
  public static Condition discharged() {
    return Condition.of("the member has been discharged", Conditions::discharged);
  }

  private static Optional<Judgment> discharged(org.perfspecs.model.CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    if (e.dischargedAt().filter(ctx::hasHappened).isEmpty()) {
      return Optional.of(Judgment.notApplicable("the member has not been discharged as of "
          + Times.format(ctx.asOf(), ctx.zone())));
    }
    return Optional.empty();
  }

  /** The member was discharged on medication (undetermined when the record does not say). */
  public static Condition dischargedOnMedication() {
    return discharged().and(Condition.of("the member was discharged on medication", Conditions::onMedication));
  }

  private static Optional<Judgment> onMedication(org.perfspecs.model.CaseRecord record, EvaluationContext ctx) {
    Optional<Boolean> onMedication = record.episode().dischargedOnMedication();
    if (onMedication.isEmpty()) {
      return Optional.of(Judgment.undetermined("the record does not say whether the member was discharged on medication"));
    }
    return onMedication.get() ? Optional.empty()
        : Optional.of(Judgment.notApplicable("the member was not discharged on medication"));
  }
}

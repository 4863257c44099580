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
   * What stands instead of a rule anchored on the admission when the episode has no admission at
   * the as-of time: empty when the member has been admitted; {@link Outcome#NOT_APPLICABLE} ("not
   * admitted as of ...") when a referral into the service has been received and the member is not
   * (yet) admitted and not discharged, the normal state of a referral in a live record; otherwise
   * {@link Outcome#UNDETERMINED}, naming the missing admission time and {@code consequence} (an
   * episode with neither a referral nor an admission, or discharged without an admission time, is
   * missing a fact that should be there).
   *
   * @param consequence what cannot be decided without the admission, e.g. {@code "the 30-day
   *     periods cannot be placed"}; may be empty
   * @since 0.2
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public static Optional<Judgment> withoutAdmission(Episode e, EvaluationContext ctx, String consequence) {
    if (e.admittedAt().filter(ctx::hasHappened).isPresent()) {
      return Optional.empty();
    }
    String asOf = Times.format(ctx.asOf(), ctx.zone());
    Optional<Instant> referred = e.referral().map(org.perfspecs.model.Referral::at).filter(ctx::hasHappened);
    if (referred.isPresent() && e.dischargedAt().filter(ctx::hasHappened).isEmpty()) {
      return Optional.of(Judgment.notApplicable("not admitted as of " + asOf + ": a referral was received "
          + Times.format(referred.get(), ctx.zone()) + " and no admission is recorded yet",
          Evidence.of("referral", e.id(), referred.get(), "referral received")));
    }
    return Optional.of(Judgment.undetermined("no admission time is recorded as of " + asOf
        + (consequence.isEmpty() ? "" : ", so " + consequence)));
  }

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
      return withoutAdmission(record.episode(), ctx, "pregnancy or postpartum status at admission cannot be decided");
    }
    LocalDate day = ctx.dateOf(admitted.get());
    if (member.pregnancy().isEmpty() || !member.pregnancy().get().isPregnantOrPostpartumOn(day)) {
      return NEITHER_PREGNANT_NOR_POSTPARTUM;
    }
    return Optional.empty();
  }

  // judgments that are the same for every record (immutable): made once
  private static final Optional<Judgment> NEITHER_PREGNANT_NOR_POSTPARTUM = Optional.of(Judgment.notApplicable(
      "the member is neither pregnant nor within one year after childbirth on the date of admission"));
  private static final Optional<Judgment> MEDICATION_UNKNOWN = Optional.of(Judgment.undetermined(
      "the record does not say whether the member was discharged on medication"));
  private static final Optional<Judgment> NOT_ON_MEDICATION = Optional.of(Judgment.notApplicable(
      "the member was not discharged on medication"));

  /**
   * The population rule of the services for pregnant and postpartum members (ESOAP.DEF.1,
   * RRS_PPW.OVW.0): MET when the member is pregnant, or within one year after childbirth, on the
   * date of admission; NOT_MET when she is neither; NOT_APPLICABLE or UNDETERMINED without an
   * admission ({@link #withoutAdmission}).
   *
   * @since 0.2
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public static Judgment servesPregnantOrPostpartum(org.perfspecs.model.CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    Optional<Judgment> without = withoutAdmission(e, ctx, "pregnancy or postpartum status at admission cannot be decided");
    if (without.isPresent()) {
      return without.get();
    }
    Instant admitted = e.admittedAt().orElseThrow();
    LocalDate day = ctx.dateOf(admitted);
    Evidence admission = Evidence.of("episode", e.id(), admitted, "admission");
    Member member = record.member();
    if (member.pregnancy().isPresent() && member.pregnancy().get().isPregnantOrPostpartumOn(day)) {
      return Judgment.met("the member is " + member.pregnancy().get().state().name().toLowerCase(java.util.Locale.ROOT)
          + " on the date of admission " + day, admission);
    }
    return Judgment.notMet("the member is neither pregnant nor within one year after childbirth on the date of admission "
        + day + "; the service is for pregnant or postpartum members", admission);
  }

  /** The member has been discharged at the as-of time. */
  public static Condition discharged() {
    return Condition.of("the member has been discharged", Conditions::discharged);
  }

  private static Optional<Judgment> discharged(org.perfspecs.model.CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    Optional<Instant> at = e.dischargedAt();
    if (at.isEmpty() || !ctx.hasHappened(at.get())) {
      return notDischarged(ctx);
    }
    return Optional.empty();
  }

  // the "not discharged" judgment of the last context asked (it depends on the as-of time alone):
  // made once per context instead of once per record; immutable, so a race only makes it twice
  private static volatile PerContext lastNotDischarged;

  private record PerContext(EvaluationContext ctx, Optional<Judgment> judgment) {}

  private static Optional<Judgment> notDischarged(EvaluationContext ctx) {
    PerContext last = lastNotDischarged;
    if (last == null || last.ctx() != ctx) {
      last = new PerContext(ctx, Optional.of(Judgment.notApplicable("the member has not been discharged as of "
          + Times.format(ctx.asOf(), ctx.zone()))));
      lastNotDischarged = last;
    }
    return last.judgment();
  }

  /** The member was discharged on medication (undetermined when the record does not say). */
  public static Condition dischargedOnMedication() {
    return discharged().and(Condition.of("the member was discharged on medication", Conditions::onMedication));
  }

  private static Optional<Judgment> onMedication(org.perfspecs.model.CaseRecord record, EvaluationContext ctx) {
    Optional<Boolean> onMedication = record.episode().dischargedOnMedication();
    if (onMedication.isEmpty()) {
      return MEDICATION_UNKNOWN;
    }
    return onMedication.get() ? Optional.empty() : NOT_ON_MEDICATION;
  }
}

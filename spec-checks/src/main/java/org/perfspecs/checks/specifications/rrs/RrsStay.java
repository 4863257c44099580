package org.perfspecs.checks.specifications.rrs;

import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.perfspecs.checks.Condition;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.RecordLists;
import org.perfspecs.checks.RecordScope;
import org.perfspecs.checks.Times;
import org.perfspecs.model.Appointment;
import org.perfspecs.model.AppointmentKind;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.Episode;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.Topic;

/**
 * The RRS_PPW stay and the helpers its episode requirements share.
 *
 * <p><b>The stay</b> runs from the admission time to the discharge time (inclusive), or to the
 * as-of time while the member is still in the program; an event counts for the stay when it is
 * stamped inside it (and so has happened as of the as-of time). Records stamped before admission
 * or after discharge do not count.
 *
 * <p><b>Obligations without a deadline</b> ("the provider arranges ...", "ensures ...") are met
 * once the record shows the act during the stay; until then they are NOT_MET (what the record does
 * not show was not done), whether or not the member is still in the program: the document gives no
 * window, so there is no due time to be PENDING on.
 *
 * <p>Every episode requirement of the specification is judged only once an admission time is
 * recorded ({@link #ADMITTED}); without one it is UNDETERMINED.
 */
final class RrsStay {
  private RrsStay() {}

  /** The admission time is recorded and has happened; otherwise UNDETERMINED. */
  static final Condition ADMITTED = Condition.of("the member has been admitted (an admission time is recorded)",
      RrsStay::admitted);

  private static Optional<Judgment> admitted(CaseRecord record, EvaluationContext ctx) {
    return org.perfspecs.checks.Conditions.withoutAdmission(record.episode(), ctx, "the stay cannot be placed");
  }

  /** "As needed"/"based on needs"/"if indicated": the record marks a need for {@code category}. */
  static Condition needs(ServiceCategory category) {
    String what = words(category.name());
    Optional<Judgment> notMarked = Optional.of(Judgment.notApplicable("the record does not mark a need for " + what));
    return Condition.of("the record marks a need for " + what, (record, ctx) ->
        record.episode().serviceNeeds().contains(category) ? Optional.empty() : notMarked);
  }

  /** "As needed": the record marks a counselling need on {@code topic}. */
  static Condition needsCounseling(Topic topic) {
    String what = words(topic.name());
    Optional<Judgment> notMarked = Optional.of(Judgment.notApplicable("the record does not mark a counselling need on " + what));
    return Condition.of("the record marks a counselling need on " + what, (record, ctx) ->
        record.episode().counselingNeeds().contains(topic) ? Optional.empty() : notMarked);
  }

  /** Whether {@code t} lies in the stay of {@code e} as of the evaluation (admission must be recorded). */
  static boolean inStay(Episode e, Instant t, EvaluationContext ctx) {
    Instant admitted = e.admittedAt().orElseThrow();
    Instant end = e.dischargedAt().filter(ctx::hasHappened).orElse(ctx.asOf());
    return !t.isBefore(admitted) && !t.isAfter(end) && ctx.hasHappened(t);
  }

  /** The earliest referral made during the stay to one of {@code targets}. */
  static Optional<Referral> referralTo(Episode e, Set<ServiceCategory> targets, EvaluationContext ctx) {
    Referral earliest = null;
    for (Referral r : e.referralsMade()) {
      if (r.target().isPresent() && targets.contains(r.target().get()) && inStay(e, r.at(), ctx)
          && (earliest == null || r.at().isBefore(earliest.at()))) {
        earliest = r; // the first of equal times, as Stream.min keeps
      }
    }
    return Optional.ofNullable(earliest);
  }

  /** The earliest contact during the stay, with the member engaged, that covered {@code topic}. */
  static Optional<Contact> counselingOn(Episode e, Topic topic, EvaluationContext ctx) {
    return e.contacts().stream()
        .filter(c -> c.memberEngaged() && c.kind() != ContactKind.CASE_RELATED_WORK && c.topics().contains(topic)
            && inStay(e, c.at(), ctx))
        .min(Comparator.comparing(Contact::at));
  }

  /** The earliest appointment of one of {@code kinds} the program arranged (booked) during the stay. */
  static Optional<Appointment> appointmentArranged(Episode e, Set<AppointmentKind> kinds, EvaluationContext ctx) {
    return e.appointments().stream()
        .filter(a -> kinds.contains(a.kind()) && a.assistedByProgram() && inStay(e, a.scheduledAt(), ctx))
        .min(Comparator.comparing(Appointment::scheduledAt));
  }

  static Evidence evidence(Referral r) {
    return Evidence.of("referral", r.id(), r.at(), "referral made to " + RecordLists.words(r.target().orElseThrow()));
  }

  static Evidence evidence(Contact c) {
    return RecordScope.memoOf(CONTACT_EVIDENCE, c, RrsStay::contactEvidence);
  }

  private static final RecordScope.Key<java.util.Map<Contact, Evidence>> CONTACT_EVIDENCE = RecordScope.Key.create();

  private static Evidence contactEvidence(Contact c) {
    return Evidence.of("contact", c.id(), c.at(), RecordLists.words(c.kind()) + " contact covering "
        + c.topics().stream().map(RecordLists::words).sorted().collect(Collectors.joining(", ")));
  }

  static Evidence evidence(Appointment a, EvaluationContext ctx) {
    return Evidence.of("appointment", a.id(), a.scheduledAt(), words(a.kind().name()) + " appointment for "
        + Times.format(a.at(), ctx.zone()) + " booked");
  }

  static Evidence admission(Episode e) {
    return RecordScope.memoOf(ADMISSION, e, x -> Evidence.of("episode", x.id(), x.admittedAt().orElseThrow(), "admission"));
  }

  private static final RecordScope.Key<java.util.Map<Episode, Evidence>> ADMISSION = RecordScope.Key.create();

  /**
   * MET naming the first record that shows {@code what} during the stay, else NOT_MET: the
   * judgment of an obligation without a deadline.
   */
  static Judgment shownDuringStay(CaseRecord record, EvaluationContext ctx, String what, Optional<Evidence> shown) {
    Episode e = record.episode();
    if (shown.isPresent()) {
      return Judgment.met("the record shows " + what + " during the stay", admission(e), shown.get());
    }
    String until = e.dischargedAt().filter(ctx::hasHappened)
        .map(d -> "during the stay (discharged " + Times.format(d, ctx.zone()) + ")")
        .orElse("during the stay so far (as of " + Times.format(ctx.asOf(), ctx.zone()) + ")");
    return Judgment.notMet("the record shows no " + what + " " + until, admission(e));
  }

  /** The first present of two optional evidences. */
  static Optional<Evidence> first(Optional<Evidence> a, Optional<Evidence> b) {
    return a.isPresent() ? a : b;
  }

  /** The first present of three optional evidences. */
  static Optional<Evidence> first(Optional<Evidence> a, Optional<Evidence> b, Optional<Evidence> c) {
    return first(first(a, b), c);
  }

  /** {@code WIC_NUTRITION} as {@code wic nutrition}. */
  static String words(String constant) {
    return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}

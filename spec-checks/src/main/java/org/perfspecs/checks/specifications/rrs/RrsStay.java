package org.perfspecs.checks.specifications.rrs;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.perfspecs.checks.Condition;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.Judgments;
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
    return stay(e, ctx).contains(t, ctx);
  }

  /**
   * The stay's bounds: the admission (which must be recorded) and the discharge if it has happened,
   * else the as-of time; worked out once per record.
   */
  static final class Stay {
    final Instant admitted;
    final Instant end;
    /** Whether the stay ended at a discharge that has happened (else it runs to the as-of time). */
    final boolean discharged;

    private Stay(Episode e, EvaluationContext ctx) {
      this.admitted = e.admittedAt().orElseThrow();
      Optional<Instant> d = e.dischargedAt();
      this.discharged = d.isPresent() && ctx.hasHappened(d.get());
      this.end = discharged ? d.get() : ctx.asOf();
    }

    /** Whether {@code t} lies in the stay and has happened. */
    boolean contains(Instant t, EvaluationContext ctx) {
      return !t.isBefore(admitted) && !t.isAfter(end) && ctx.hasHappened(t);
    }
  }

  private static final RecordScope.Key<java.util.Map<Episode, Stay>> STAY = RecordScope.Key.create();

  /** The stay of {@code e}, once per record in scope (no lambda made per call: this is asked in loops). */
  static Stay stay(Episode e, EvaluationContext ctx) {
    java.util.Map<Episode, Stay> memo = RecordScope.map(STAY, e, ctx);
    if (memo == null) {
      return new Stay(e, ctx);
    }
    Stay s = memo.get(e);
    if (s == null) {
      s = new Stay(e, ctx);
      memo.put(e, s);
    }
    return s;
  }

  /** The earliest referral made during the stay to one of {@code targets}. */
  static Optional<Referral> referralTo(Episode e, Set<ServiceCategory> targets, EvaluationContext ctx) {
    Stay stay = stay(e, ctx);
    Referral earliest = null;
    for (Referral r : e.referralsMade()) {
      Optional<ServiceCategory> target = r.target(); // one read (each read makes an Optional)
      if (target.isPresent() && targets.contains(target.get()) && stay.contains(r.at(), ctx)
          && (earliest == null || r.at().isBefore(earliest.at()))) {
        earliest = r; // the first of equal times, as Stream.min keeps
      }
    }
    return Optional.ofNullable(earliest);
  }

  /** The earliest contact during the stay, with the member engaged, that covered {@code topic}. */
  static Optional<Contact> counselingOn(Episode e, Topic topic, EvaluationContext ctx) {
    Stay stay = stay(e, ctx);
    Contact earliest = null;
    for (Contact c : e.contacts()) {
      if (c.memberEngaged() && c.kind() != ContactKind.CASE_RELATED_WORK && c.topics().contains(topic)
          && stay.contains(c.at(), ctx) && (earliest == null || c.at().isBefore(earliest.at()))) {
        earliest = c; // the first of equal times, as Stream.min keeps
      }
    }
    return Optional.ofNullable(earliest);
  }

  /** The earliest appointment of one of {@code kinds} the program arranged (booked) during the stay. */
  static Optional<Appointment> appointmentArranged(Episode e, Set<AppointmentKind> kinds, EvaluationContext ctx) {
    Stay stay = stay(e, ctx);
    Appointment earliest = null;
    for (Appointment a : e.appointments()) {
      if (kinds.contains(a.kind()) && a.assistedByProgram() && stay.contains(a.scheduledAt(), ctx)
          && (earliest == null || a.scheduledAt().isBefore(earliest.scheduledAt()))) {
        earliest = a; // the first of equal times, as Stream.min keeps
      }
    }
    return Optional.ofNullable(earliest);
  }

  static Evidence evidence(Referral r) {
    return RecordScope.memoOf(REFERRAL_EVIDENCE, r, RrsStay::referralEvidence);
  }

  private static final RecordScope.Key<java.util.Map<Referral, Evidence>> REFERRAL_EVIDENCE = RecordScope.Key.create();

  private static Evidence referralEvidence(Referral r) {
    return Evidence.of("referral", r.id(), r.at(), "referral made to " + RecordLists.words(r.target().orElseThrow()));
  }

  static Evidence evidence(Contact c) {
    return RecordScope.memoOf(CONTACT_EVIDENCE, c, RrsStay::contactEvidence);
  }

  private static final RecordScope.Key<java.util.Map<Contact, Evidence>> CONTACT_EVIDENCE = RecordScope.Key.create();

  private static Evidence contactEvidence(Contact c) {
    return Evidence.of("contact", c.id(), c.at(), contactNote(c));
  }

  // the note of a contact's evidence depends on its kind and topics alone: made once per kind and
  // set of topics (by content), up to a bound
  private static final java.util.concurrent.ConcurrentHashMap<Long, String> CONTACT_NOTES =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final int MAX_CONTACT_NOTES = 4096;

  static {
    if (Topic.values().length > 56 || ContactKind.values().length > 128) {
      throw new ExceptionInInitializerError("contact notes are keyed by kind and a 56-bit set of topics");
    }
  }

  private static String contactNote(Contact c) {
    long key = 0;
    for (Topic t : c.topics()) {
      key |= 1L << t.ordinal();
    }
    key |= (long) c.kind().ordinal() << 56;
    Long k = key;
    String note = CONTACT_NOTES.get(k);
    if (note == null) {
      note = RecordLists.words(c.kind()) + " contact covering "
          + c.topics().stream().map(RecordLists::words).sorted().collect(Collectors.joining(", "));
      if (CONTACT_NOTES.size() < MAX_CONTACT_NOTES) {
        CONTACT_NOTES.putIfAbsent(k, note);
      }
    }
    return note;
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
      return Judgments.met("the record shows ", what, " during the stay", "", admission(e), shown.get());
    }
    return Judgments.notMet("the record shows no ", what, " ", until(e, ctx), admission(e));
  }

  private static final RecordScope.Key<java.util.Map<Episode, String>> UNTIL = RecordScope.Key.create();

  /** How far the stay is judged, in words ("during the stay (discharged ...)"), once per record. */
  private static String until(Episode e, EvaluationContext ctx) {
    java.util.Map<Episode, String> memo = RecordScope.map(UNTIL, e, ctx);
    String until = memo == null ? null : memo.get(e);
    if (until == null) {
      Optional<Instant> discharged = e.dischargedAt();
      until = discharged.isPresent() && ctx.hasHappened(discharged.get())
          ? "during the stay (discharged " + Times.format(discharged.get(), ctx.zone()) + ")"
          : "during the stay so far (as of " + Times.format(ctx.asOf(), ctx.zone()) + ")";
      if (memo != null) {
        memo.put(e, until);
      }
    }
    return until;
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

package org.perfspecs.checks.specifications.csp;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.RecordLists;
import org.perfspecs.checks.RecordScope;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.Document;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.Episode;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ServicePlan;

/**
 * Reading a CSP case record as of the evaluation time: only what has happened counts (contacts,
 * referrals and appointments at or before the as-of instant; documents dated on or before the
 * as-of date), and evidence naming the records.
 */
final class CspRecords {
  private CspRecords() {}

  /** Contacts that have happened, earliest first. */
  static List<Contact> contacts(Episode e, EvaluationContext ctx) {
    return RecordScope.memo(CONTACTS, e, ctx, () -> RecordLists.keptSorted(e.contacts(), c -> ctx.hasHappened(c.at()), BY_TIME));
  }

  private static final RecordScope.Key<List<Contact>> CONTACTS = RecordScope.Key.create();
  private static final RecordScope.Key<List<Contact>> CONTACTS_DURING_STAY = RecordScope.Key.create();
  private static final RecordScope.Key<List<Referral>> REFERRALS = RecordScope.Key.create();
  private static final RecordScope.Key<List<Referral>> REFERRALS_DURING_STAY = RecordScope.Key.create();
  private static final RecordScope.Key<String> SPAN = RecordScope.Key.create();
  private static final RecordScope.Key<java.util.Map<Object, Evidence>> EVIDENCE = RecordScope.Key.create();

  private static final Comparator<Contact> BY_TIME = Comparator.comparing(Contact::at);
  private static final Comparator<Document> BY_DATE = Comparator.comparing(Document::date);
  private static final Comparator<Referral> REFERRALS_BY_TIME = Comparator.comparing(Referral::at);

  /** Documents of {@code kinds} dated on or before the as-of date, earliest first. */
  static List<Document> documents(Episode e, EvaluationContext ctx, Set<DocumentKind> kinds) {
    return RecordLists.keptSorted(e.documents(), d -> kinds.contains(d.kind()) && ctx.hasBegun(d.date()), BY_DATE);
  }

  /** Referrals made out of the service that have happened, earliest first. */
  static List<Referral> referralsMade(Episode e, EvaluationContext ctx) {
    return RecordScope.memo(REFERRALS, e, ctx,
        () -> RecordLists.keptSorted(e.referralsMade(), r -> ctx.hasHappened(r.at()), REFERRALS_BY_TIME));
  }

  /** The written service plan, once its completion date has begun. */
  static Optional<ServicePlan> plan(Episode e, EvaluationContext ctx) {
    return e.servicePlan().filter(p -> ctx.hasBegun(p.completedOn()));
  }

  /**
   * Discharge-planning records: progress notes that record discharge-planning activity, and
   * discharge plans, dated on or before the as-of date.
   */
  static List<Document> dischargePlanning(Episode e, EvaluationContext ctx) {
    return documents(e, ctx, Set.of(DocumentKind.PROGRESS_NOTE, DocumentKind.DISCHARGE_PLAN)).stream()
        .filter(d -> d.kind() == DocumentKind.DISCHARGE_PLAN
            || d.elements().contains(ContentElement.DISCHARGE_PLANNING_ACTIVITY))
        .toList();
  }

  /** The first instant of {@code day} in the evaluation zone (a dated document counts from then). */
  static Instant startOf(LocalDate day, EvaluationContext ctx) {
    return day.atStartOfDay(ctx.zone()).toInstant();
  }

  static Evidence evidence(Document d) {
    return RecordScope.memoOf(EVIDENCE, d, x -> evidenceOf((Document) x));
  }

  private static Evidence evidenceOf(Document d) {
    return Evidence.onDate("document", d.id(), d.date(), org.perfspecs.checks.RecordLists.words(d.kind()));
  }

  static Evidence evidence(Contact c) {
    return RecordScope.memoOf(EVIDENCE, c, x -> evidenceOf((Contact) x));
  }

  private static Evidence evidenceOf(Contact c) {
    return Evidence.of("contact", c.id(), c.at(), org.perfspecs.checks.RecordLists.words(c.kind())
        + " contact (" + org.perfspecs.checks.RecordLists.words(c.mode()) + ")");
  }

  static Evidence evidence(Referral r) {
    return RecordScope.memoOf(EVIDENCE, r, x -> evidenceOf((Referral) x));
  }

  private static Evidence evidenceOf(Referral r) {
    return Evidence.of("referral", r.id(), r.at(), r.target().map(t -> "referral to " + t).orElse("referral received")
        + r.outcome().map(o -> ", outcome " + o).orElse(""));
  }

  static Evidence evidence(ServicePlan p) {
    return Evidence.onDate("servicePlan", p.id(), p.completedOn(), "written service plan");
  }

  static Evidence episode(Episode e, Instant at, String note) {
    return Evidence.of("episode", e.id(), at, note);
  }

  static Evidence[] all(List<Evidence> evidence) {
    return evidence.toArray(Evidence[]::new);
  }

  /**
   * The end of the stay as of the evaluation: the discharge time once it has happened, otherwise
   * the as-of time (the stay so far).
   */
  static Instant stayEnd(Episode e, EvaluationContext ctx) {
    return e.dischargedAt().filter(ctx::hasHappened).orElse(ctx.asOf());
  }

  /**
   * Whether {@code t} lies in the stay so far: from the admission time to the discharge time
   * (inclusive), or to the as-of time while the member is still enrolled. The admission time must
   * be recorded.
   */
  static boolean inStay(Episode e, Instant t, EvaluationContext ctx) {
    return !t.isBefore(e.admittedAt().orElseThrow()) && !t.isAfter(stayEnd(e, ctx)) && ctx.hasHappened(t);
  }

  /** {@link #inStay(Episode, Instant, EvaluationContext)} with the span worked out once. */
  private static java.util.function.Predicate<Instant> stay(Episode e, EvaluationContext ctx) {
    Instant from = e.admittedAt().orElse(null);
    if (from == null) {
      return t -> inStay(e, t, ctx); // throws as inStay does, only when there is an element to test
    }
    Instant to = stayEnd(e, ctx);
    return t -> !t.isBefore(from) && !t.isAfter(to) && ctx.hasHappened(t);
  }

  /**
   * Whether a record dated {@code day} lies in the stay so far: from the date of admission to the
   * date of discharge (inclusive), or to the as-of date while the member is still enrolled.
   */
  static boolean inStay(Episode e, LocalDate day, EvaluationContext ctx) {
    return !day.isBefore(ctx.dateOf(e.admittedAt().orElseThrow())) && !day.isAfter(ctx.dateOf(stayEnd(e, ctx)))
        && ctx.hasBegun(day);
  }

  /** Referrals made out of the service during the stay so far, earliest first. */
  static List<Referral> referralsDuringStay(Episode e, EvaluationContext ctx) {
    return RecordScope.memo(REFERRALS_DURING_STAY, e, ctx, () -> {
      java.util.function.Predicate<Instant> stay = stay(e, ctx);
      return RecordLists.kept(referralsMade(e, ctx), r -> stay.test(r.at()));
    });
  }

  /** Contacts during the stay so far, earliest first. */
  static List<Contact> contactsDuringStay(Episode e, EvaluationContext ctx) {
    return RecordScope.memo(CONTACTS_DURING_STAY, e, ctx, () -> {
      java.util.function.Predicate<Instant> stay = stay(e, ctx);
      return RecordLists.kept(contacts(e, ctx), c -> stay.test(c.at()));
    });
  }

  /** Documents of {@code kinds} dated during the stay so far, earliest first. */
  static List<Document> documentsDuringStay(Episode e, EvaluationContext ctx, Set<DocumentKind> kinds) {
    return documents(e, ctx, kinds).stream().filter(d -> inStay(e, d.date(), ctx)).toList();
  }

  /** Discharge-planning records ({@link #dischargePlanning}) dated during the stay so far. */
  static List<Document> dischargePlanningDuringStay(Episode e, EvaluationContext ctx) {
    return dischargePlanning(e, ctx).stream().filter(d -> inStay(e, d.date(), ctx)).toList();
  }

  /** The span judged, in words: "during the stay (discharged ...)" or "during the stay so far (as of ...)". */
  static String span(Episode e, EvaluationContext ctx) {
    return RecordScope.memo(SPAN, e, ctx, () -> spanOf(e, ctx));
  }

  private static String spanOf(Episode e, EvaluationContext ctx) {
    return e.dischargedAt().filter(ctx::hasHappened)
        .map(d -> "during the stay (discharged " + org.perfspecs.checks.Times.format(d, ctx.zone()) + ")")
        .orElse("during the stay so far (as of " + org.perfspecs.checks.Times.format(ctx.asOf(), ctx.zone()) + ")");
  }

  /** The admission, as the basis of a judgment over the stay. */
  static Evidence admission(Episode e) {
    return RecordScope.memoOf(EVIDENCE, e, x -> episode((Episode) x, ((Episode) x).admittedAt().orElseThrow(), "admission"));
  }

  /**
   * The judgment of an obligation without a deadline, over the stay so far (admission to discharge,
   * or to the as-of time while enrolled): MET when {@code shown} holds evidence from that span,
   * else NOT_MET ({@code notMet} followed by the span). The admission is the basis.
   */
  static Judgment shownDuringStay(Episode e, EvaluationContext ctx, List<Evidence> shown, String met, String notMet,
      Evidence... basis) {
    // the admission, the basis, then what is shown; the NOT_MET reason made only when it is the answer
    int n = shown.size();
    Evidence[] ev = new Evidence[1 + basis.length + n];
    ev[0] = admission(e);
    System.arraycopy(basis, 0, ev, 1, basis.length);
    if (n > 0) {
      for (int i = 0; i < n; i++) {
        ev[1 + basis.length + i] = shown.get(i);
      }
      return Judgment.met(met, ev);
    }
    return Judgment.notMet(notMet + " " + span(e, ctx), ev);
  }

  /** Met when {@code shown} holds evidence, else not met; for obligations without a deadline. */
  static Judgment shown(List<Evidence> shown, String met, String notMet, Evidence... basis) {
    int n = shown.size();
    if (n > 0) {
      Evidence[] ev = java.util.Arrays.copyOf(basis, basis.length + n);
      for (int i = 0; i < n; i++) {
        ev[basis.length + i] = shown.get(i);
      }
      return Judgment.met(met, ev);
    }
    return Judgment.notMet(notMet, basis);
  }
}

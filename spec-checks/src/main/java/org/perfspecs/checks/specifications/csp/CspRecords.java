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

  /** {@link #documents(Episode, EvaluationContext, Set)} of one kind: once per kind per record in scope. */
  static List<Document> documents(Episode e, EvaluationContext ctx, DocumentKind kind) {
    java.util.Map<DocumentKind, List<Document>> memo = RecordScope.map(DOCUMENTS_BY_KIND, e, ctx);
    List<Document> docs = memo == null ? null : memo.get(kind);
    if (docs == null) {
      docs = RecordLists.keptSorted(e.documents(), d -> d.kind() == kind && ctx.hasBegun(d.date()), BY_DATE);
      if (memo != null) {
        memo.put(kind, docs);
      }
    }
    return docs;
  }

  private static final RecordScope.Key<java.util.Map<DocumentKind, List<Document>>> DOCUMENTS_BY_KIND =
      RecordScope.Key.create();

  /** {@link #documentsDuringStay(Episode, EvaluationContext, Set)} of one kind. */
  static List<Document> documentsDuringStay(Episode e, EvaluationContext ctx, DocumentKind kind) {
    return datedDuringStay(e, ctx, documents(e, ctx, kind));
  }

  /** Referrals made out of the service that have happened, earliest first. */
  static List<Referral> referralsMade(Episode e, EvaluationContext ctx) {
    return RecordScope.memo(REFERRALS, e, ctx,
        () -> RecordLists.keptSorted(e.referralsMade(), r -> ctx.hasHappened(r.at()), REFERRALS_BY_TIME));
  }

  /** The written service plan, once its completion date has begun. */
  static Optional<ServicePlan> plan(Episode e, EvaluationContext ctx) {
    return Optional.ofNullable(planOrNull(e, ctx));
  }

  /** {@link #plan}, null when there is none (no {@code Optional} made by a filter per call). */
  static ServicePlan planOrNull(Episode e, EvaluationContext ctx) {
    // read once per record in scope (the model's getter makes an Optional per call)
    Object kept = RecordScope.kept(PLAN, e, ctx);
    if (kept == null) {
      Optional<ServicePlan> plan = e.servicePlan();
      kept = RecordScope.keep(PLAN, e, ctx,
          plan.isPresent() && ctx.hasBegun(plan.get().completedOn()) ? plan.get() : NO_PLAN);
    }
    return kept == NO_PLAN ? null : (ServicePlan) kept;
  }

  private static final RecordScope.Key<Object> PLAN = RecordScope.Key.create();
  private static final Object NO_PLAN = new Object();

  /**
   * Discharge-planning records: progress notes that record discharge-planning activity, and
   * discharge plans, dated on or before the as-of date.
   */
  static List<Document> dischargePlanning(Episode e, EvaluationContext ctx) {
    List<Document> docs = RecordScope.kept(DISCHARGE_PLANNING, e, ctx);
    return docs != null ? docs : RecordScope.keep(DISCHARGE_PLANNING, e, ctx, dischargePlanningOf(e, ctx));
  }

  private static final RecordScope.Key<List<Document>> DISCHARGE_PLANNING = RecordScope.Key.create();
  private static final RecordScope.Key<List<Document>> DISCHARGE_PLANNING_DURING_STAY = RecordScope.Key.create();
  private static final Set<DocumentKind> DISCHARGE_PLANNING_KINDS = Set.of(DocumentKind.PROGRESS_NOTE,
      DocumentKind.DISCHARGE_PLAN);

  private static List<Document> dischargePlanningOf(Episode e, EvaluationContext ctx) {
    List<Document> out = new java.util.ArrayList<>();
    for (Document d : documents(e, ctx, DISCHARGE_PLANNING_KINDS)) {
      if (d.kind() == DocumentKind.DISCHARGE_PLAN || d.elements().contains(ContentElement.DISCHARGE_PLANNING_ACTIVITY)) {
        out.add(d);
      }
    }
    return java.util.Collections.unmodifiableList(out);
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
    return Evidence.of("contact", c.id(), c.at(), contactNote(c.kind(), c.mode()));
  }

  // "<kind> contact (<mode>)" by kind and mode ordinals, made once each (a benign race: the same text
  // whichever thread makes it, and a String is safely published)
  private static final String[][] CONTACT_NOTES = new String[64][];

  private static String contactNote(Enum<?> kind, Enum<?> mode) {
    int k = kind.ordinal();
    int m = mode.ordinal();
    if (k >= CONTACT_NOTES.length) {
      return noteOf(kind, mode);
    }
    String[] byMode = CONTACT_NOTES[k];
    if (byMode == null) {
      byMode = new String[mode.getDeclaringClass().getEnumConstants().length];
      CONTACT_NOTES[k] = byMode;
    }
    if (m >= byMode.length) {
      return noteOf(kind, mode);
    }
    String note = byMode[m];
    if (note == null) {
      note = noteOf(kind, mode);
      byMode[m] = note;
    }
    return note;
  }

  private static String noteOf(Enum<?> kind, Enum<?> mode) {
    return org.perfspecs.checks.RecordLists.words(kind) + " contact (" + org.perfspecs.checks.RecordLists.words(mode) + ")";
  }

  static Evidence evidence(Referral r) {
    return RecordScope.memoOf(EVIDENCE, r, x -> evidenceOf((Referral) x));
  }

  private static Evidence evidenceOf(Referral r) {
    Optional<org.perfspecs.model.ServiceCategory> target = r.target();
    Optional<org.perfspecs.model.ReferralOutcome> outcome = r.outcome();
    String to = target.isPresent() ? "referral to " + target.get() : "referral received";
    return Evidence.of("referral", r.id(), r.at(), outcome.isPresent() ? to + ", outcome " + outcome.get() : to);
  }

  static Evidence evidence(ServicePlan p) {
    return RecordScope.memoOf(EVIDENCE, p, x -> planEvidence((ServicePlan) x));
  }

  /**
   * {@link #evidence(ServicePlan)} alone, as an immutable list: one per plan while a record is in
   * scope, shared by the findings that name the plan and nothing else.
   */
  static com.google.common.collect.ImmutableList<Evidence> evidenceList(ServicePlan p) {
    return RecordScope.memoOf(EVIDENCE_LIST, p, x -> com.google.common.collect.ImmutableList.of(evidence((ServicePlan) x)));
  }

  private static final RecordScope.Key<java.util.Map<Object, com.google.common.collect.ImmutableList<Evidence>>> EVIDENCE_LIST =
      RecordScope.Key.create();

  private static Evidence planEvidence(ServicePlan p) {
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
    Optional<Instant> discharged = e.dischargedAt();
    return discharged.isPresent() && ctx.hasHappened(discharged.get()) ? discharged.get() : ctx.asOf();
  }

  /**
   * Whether {@code t} lies in the stay so far: from the admission time to the discharge time
   * (inclusive), or to the as-of time while the member is still enrolled. The admission time must
   * be recorded.
   */
  static boolean inStay(Episode e, Instant t, EvaluationContext ctx) {
    return !t.isBefore(e.admittedAt().orElseThrow()) && !t.isAfter(stayEnd(e, ctx)) && ctx.hasHappened(t);
  }

  /**
   * {@link #inStay(Episode, Instant, EvaluationContext)} with the admission and the end of the stay
   * read once per record in scope (it throws, as that does, when no admission time is recorded).
   */
  static boolean inStayOnce(Episode e, Instant t, EvaluationContext ctx) {
    Instant[] bounds = RecordScope.kept(STAY_BOUNDS, e, ctx);
    if (bounds == null) {
      Optional<Instant> from = e.admittedAt();
      if (from.isEmpty()) {
        return inStay(e, t, ctx);
      }
      bounds = RecordScope.keep(STAY_BOUNDS, e, ctx, new Instant[] {from.get(), stayEnd(e, ctx)});
    }
    return !t.isBefore(bounds[0]) && !t.isAfter(bounds[1]) && ctx.hasHappened(t);
  }

  private static final RecordScope.Key<Instant[]> STAY_BOUNDS = RecordScope.Key.create();

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
    List<Referral> during = RecordScope.kept(REFERRALS_DURING_STAY, e, ctx);
    if (during == null) {
      java.util.function.Predicate<Instant> stay = stay(e, ctx);
      during = RecordScope.keep(REFERRALS_DURING_STAY, e, ctx, RecordLists.kept(referralsMade(e, ctx), r -> stay.test(r.at())));
    }
    return during;
  }

  /**
   * The targets of {@link #referralsDuringStay}, by position (null where none is recorded): read
   * once per record in scope (the model's getter makes an {@code Optional} per call).
   */
  static org.perfspecs.model.ServiceCategory[] targetsDuringStay(Episode e, EvaluationContext ctx) {
    org.perfspecs.model.ServiceCategory[] targets = RecordScope.kept(TARGETS_DURING_STAY, e, ctx);
    if (targets == null) {
      List<Referral> during = referralsDuringStay(e, ctx);
      targets = new org.perfspecs.model.ServiceCategory[during.size()];
      for (int i = 0; i < targets.length; i++) {
        targets[i] = during.get(i).target().orElse(null);
      }
      targets = RecordScope.keep(TARGETS_DURING_STAY, e, ctx, targets);
    }
    return targets;
  }

  private static final RecordScope.Key<org.perfspecs.model.ServiceCategory[]> TARGETS_DURING_STAY =
      RecordScope.Key.create();

  /** Contacts during the stay so far, earliest first. */
  static List<Contact> contactsDuringStay(Episode e, EvaluationContext ctx) {
    // kept/keep rather than memo: no lambda made per call once the record's list is known
    List<Contact> during = RecordScope.kept(CONTACTS_DURING_STAY, e, ctx);
    if (during == null) {
      java.util.function.Predicate<Instant> stay = stay(e, ctx);
      during = RecordScope.keep(CONTACTS_DURING_STAY, e, ctx, RecordLists.kept(contacts(e, ctx), c -> stay.test(c.at())));
    }
    return during;
  }

  /**
   * The evidence naming the {@code i}th of {@link #contactsDuringStay}: {@link #evidence(Contact)},
   * kept per record by position so the rules that walk the stay's contacts look it up once.
   */
  static Evidence contactDuringStayEvidence(Episode e, EvaluationContext ctx, List<Contact> duringStay, int i) {
    Evidence[] all = RecordScope.kept(CONTACT_EVIDENCE_DURING_STAY, e, ctx);
    if (all == null) {
      all = RecordScope.keep(CONTACT_EVIDENCE_DURING_STAY, e, ctx, new Evidence[duringStay.size()]);
    }
    if (all.length != duringStay.size()) {
      return evidence(duringStay.get(i)); // outside a scope the array is new each call; sizes agree in one
    }
    Evidence ev = all[i];
    if (ev == null) {
      ev = evidence(duringStay.get(i));
      all[i] = ev;
    }
    return ev;
  }

  // per record, filled as read: the same Evidence objects evidence(Contact) gives, by position
  private static final RecordScope.Key<Evidence[]> CONTACT_EVIDENCE_DURING_STAY = RecordScope.Key.create();

  /** Documents of {@code kinds} dated during the stay so far, earliest first. */
  static List<Document> documentsDuringStay(Episode e, EvaluationContext ctx, Set<DocumentKind> kinds) {
    return datedDuringStay(e, ctx, documents(e, ctx, kinds));
  }

  /** Discharge-planning records ({@link #dischargePlanning}) dated during the stay so far. */
  static List<Document> dischargePlanningDuringStay(Episode e, EvaluationContext ctx) {
    List<Document> docs = RecordScope.kept(DISCHARGE_PLANNING_DURING_STAY, e, ctx);
    return docs != null ? docs
        : RecordScope.keep(DISCHARGE_PLANNING_DURING_STAY, e, ctx, datedDuringStay(e, ctx, dischargePlanning(e, ctx)));
  }

  /** The documents of {@code documents} dated during the stay so far, in order; the dates of the stay worked out once. */
  private static List<Document> datedDuringStay(Episode e, EvaluationContext ctx, List<Document> documents) {
    int n = documents.size();
    if (n == 0) {
      return List.of();
    }
    // inStay(e, day, ctx) with the first and last day of the stay worked out once (it throws, as
    // inStay does, when there is a document to test and no admission time)
    LocalDate first = ctx.dateOf(e.admittedAt().orElseThrow());
    LocalDate last = ctx.dateOf(stayEnd(e, ctx));
    List<Document> out = new java.util.ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Document d = documents.get(i);
      LocalDate day = d.date();
      if (!day.isBefore(first) && !day.isAfter(last) && ctx.hasBegun(day)) {
        out.add(d);
      }
    }
    return java.util.Collections.unmodifiableList(out);
  }

  /** The span judged, in words: "during the stay (discharged ...)" or "during the stay so far (as of ...)". */
  static String span(Episode e, EvaluationContext ctx) {
    String span = RecordScope.kept(SPAN, e, ctx);
    return span != null ? span : RecordScope.keep(SPAN, e, ctx, spanOf(e, ctx));
  }

  private static String spanOf(Episode e, EvaluationContext ctx) {
    Optional<Instant> discharged = e.dischargedAt();
    return discharged.isPresent() && ctx.hasHappened(discharged.get())
        ? "during the stay (discharged " + org.perfspecs.checks.Times.format(discharged.get(), ctx.zone()) + ")"
        : "during the stay so far (as of " + org.perfspecs.checks.Times.format(ctx.asOf(), ctx.zone()) + ")";
  }

  /**
   * {@link #admission} alone, as an immutable list: once per episode while a record is in scope,
   * shared by the NOT_MET findings over the stay.
   */
  static com.google.common.collect.ImmutableList<Evidence> admissionOnly(Episode e) {
    return RecordScope.memoOf(EVIDENCE_LIST, e, x -> com.google.common.collect.ImmutableList.of(admission((Episode) x)));
  }

  /** The admission, as the basis of a judgment over the stay. */
  static Evidence admission(Episode e) {
    return RecordScope.memoOf(EVIDENCE, e, x -> episode((Episode) x, ((Episode) x).admittedAt().orElseThrow(), "admission"));
  }

  /**
   * The judgment of an obligation without a deadline, over the stay so far (admission to discharge,
   * or to the as-of time while enrolled): MET when {@code shown} is a record from that span, else
   * NOT_MET ({@code notMet} followed by the span). The admission is the basis, named first.
   * {@code shown} is null for none.
   */
  static Judgment shownDuringStay(Episode e, EvaluationContext ctx, Evidence shown, String met, String notMet) {
    return shown != null ? org.perfspecs.checks.Judgments.met(met, admission(e), shown)
        : org.perfspecs.checks.Judgments.notMet(notMet, " ", span(e, ctx), "", admissionOnly(e));
  }

  /**
   * {@link #shownDuringStay(Episode, EvaluationContext, Evidence, String, String)} with the records
   * shown in {@code ev[1]} to {@code ev[count - 1]}, in order: {@code ev[0]} is left for the
   * admission ({@code ev} is this call's own; MET when {@code count > 1}).
   */
  static Judgment shownDuringStay(Episode e, EvaluationContext ctx, Evidence[] ev, int count, String met, String notMet) {
    ev[0] = admission(e);
    if (count > 1) {
      return org.perfspecs.checks.Judgments.met(met, count == ev.length ? ev : java.util.Arrays.copyOf(ev, count));
    }
    return org.perfspecs.checks.Judgments.notMet(notMet, " ", span(e, ctx), "", admissionOnly(e));
  }
}

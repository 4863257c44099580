package org.perfspecs.checks.specifications.iop;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.Condition;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.Judgments;
import org.perfspecs.checks.RecordLists;
import org.perfspecs.checks.RecordScope;
import org.perfspecs.checks.Strength;
import org.perfspecs.checks.Times;
import org.perfspecs.checks.Timeliness;
import org.perfspecs.checks.Timeliness.Timed;
import org.perfspecs.checks.time.Deadline;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.ContactMode;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.Document;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.Episode;
import org.perfspecs.model.ServiceCategory;

/**
 * What the IOP requirements read from a member's record, each defined once: the documents in the
 * record as of the evaluation date, attendance, the planning deadline, and the shared conditions.
 */
final class IopRecords {
  private IopRecords() {}

  /** A provisional or full treatment plan. */
  static final Set<DocumentKind> TREATMENT_PLANS = EnumSet.of(DocumentKind.PROVISIONAL_TREATMENT_PLAN,
      DocumentKind.TREATMENT_PLAN);

  /** A discharge plan. */
  static final Set<DocumentKind> DISCHARGE_PLANS = EnumSet.of(DocumentKind.DISCHARGE_PLAN);

  /** An assessment. */
  static final Set<DocumentKind> ASSESSMENTS = EnumSet.of(DocumentKind.ASSESSMENT);

  /**
   * Contacts that are attendance at the program: the member engaged, in person or by telehealth, in
   * a program day or a treatment session (individual, group, family, education, medication
   * management, peer support, adjunctive therapy). Outreach attempts, case work without the member,
   * phone calls and texts are not attendance.
   */
  static final Set<ContactKind> ATTENDANCE_KINDS = EnumSet.of(ContactKind.PROGRAM_DAY, ContactKind.INDIVIDUAL,
      ContactKind.GROUP, ContactKind.FAMILY, ContactKind.EDUCATION, ContactKind.MEDICATION_MANAGEMENT,
      ContactKind.PEER_SUPPORT, ContactKind.ADJUNCTIVE_THERAPY);

  private static final Set<ContactMode> ATTENDANCE_MODES = EnumSet.of(ContactMode.IN_PERSON, ContactMode.TELEHEALTH);

  /** Documents of {@code kinds} dated on or before the as-of date, by date then id. */
  static List<Document> documents(Episode e, EvaluationContext ctx, Set<DocumentKind> kinds) {
    // once per record and set of kinds (the sets are constants) while the engine evaluates the record
    java.util.Map<Set<DocumentKind>, List<Document>> memo = RecordScope.map(DOCUMENTS, e, ctx);
    List<Document> docs = memo == null ? null : memo.get(kinds);
    if (docs == null) {
      docs = RecordLists.keptSorted(e.documents(), d -> kinds.contains(d.kind()) && ctx.hasBegun(d.date()), DOCUMENT_ORDER);
      if (memo != null) {
        memo.put(kinds, docs);
      }
    }
    return docs;
  }

  private static final RecordScope.Key<java.util.Map<Set<DocumentKind>, List<Document>>> DOCUMENTS =
      RecordScope.Key.create();

  private static final Comparator<Document> DOCUMENT_ORDER = Comparator.comparing(Document::date).thenComparing(Document::id);

  /** The evidence naming {@code d}: once per document per record in scope. */
  static Evidence evidence(Document d) {
    return RecordScope.memoOf(EVIDENCE, d, IopRecords::evidenceOf);
  }

  /**
   * {@link #evidence(Document)} alone, as an immutable list: once per document while a record is in
   * scope, shared by the findings that name that document and nothing else.
   */
  static com.google.common.collect.ImmutableList<Evidence> evidenceOnly(Document d) {
    return RecordScope.memoOf(EVIDENCE_ONLY, d, x -> com.google.common.collect.ImmutableList.of(evidence(x)));
  }

  private static final RecordScope.Key<java.util.Map<Document, com.google.common.collect.ImmutableList<Evidence>>>
      EVIDENCE_ONLY = RecordScope.Key.create();

  private static Evidence evidenceOf(Document d) {
    return Evidence.onDate("document", d.id(), d.date(), org.perfspecs.checks.RecordLists.words(d.kind()));
  }

  private static final RecordScope.Key<java.util.Map<Document, Evidence>> EVIDENCE = RecordScope.Key.create();

  /** The evidence naming each of {@link #documents}, in its order: once per record and kinds. */
  static com.google.common.collect.ImmutableList<Evidence> evidenceList(Episode e, EvaluationContext ctx,
      Set<DocumentKind> kinds) {
    java.util.Map<Set<DocumentKind>, com.google.common.collect.ImmutableList<Evidence>> memo =
        RecordScope.map(DOCUMENT_EVIDENCE, e, ctx);
    com.google.common.collect.ImmutableList<Evidence> list = memo == null ? null : memo.get(kinds);
    if (list == null) {
      list = com.google.common.collect.ImmutableList.copyOf(evidence(documents(e, ctx, kinds)));
      if (memo != null) {
        memo.put(kinds, list);
      }
    }
    return list;
  }

  private static final RecordScope.Key<java.util.Map<Set<DocumentKind>, com.google.common.collect.ImmutableList<Evidence>>>
      DOCUMENT_EVIDENCE = RecordScope.Key.create();

  static Evidence[] evidence(List<Document> docs) {
    Evidence[] out = new Evidence[docs.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = evidence(docs.get(i));
    }
    return out;
  }

  /** Applies once a document of {@code kinds} ({@code what}) is in the record; NOT_APPLICABLE before. */
  static Condition inRecord(Set<DocumentKind> kinds, String what) {
    return Condition.of(what + " is in the record", new InRecord(kinds, what)::blocks);
  }

  private static final class InRecord {
    private final Set<DocumentKind> kinds;
    private final String what;
    // the NOT_APPLICABLE judgment for the last context asked (it depends on the as-of day alone):
    // made once per context instead of once per record; immutable, so a race only makes it twice
    private volatile NotYet last;

    private record NotYet(EvaluationContext ctx, Optional<Judgment> judgment) {}

    InRecord(Set<DocumentKind> kinds, String what) {
      this.kinds = kinds;
      this.what = what;
    }

    Optional<Judgment> blocks(CaseRecord record, EvaluationContext ctx) {
      if (!documents(record.episode(), ctx, kinds).isEmpty()) {
        return Optional.empty();
      }
      NotYet l = last;
      if (l == null || l.ctx() != ctx) {
        l = new NotYet(ctx, Optional.of(Judgment.notApplicable("no " + what + " is in the record as of " + ctx.today())));
        last = l;
      }
      return l.judgment();
    }
  }

  /** Applies once the member has been admitted; UNDETERMINED without an admission time. */
  static Condition admitted() {
    return Condition.of("the member has been admitted", IopRecords::admittedBlocks);
  }

  private static Optional<Judgment> admittedBlocks(CaseRecord record, EvaluationContext ctx) {
    return org.perfspecs.checks.Conditions.withoutAdmission(record.episode(), ctx,
        "the requirement cannot be placed in the stay");
  }

  /** Applies when the record marks a need for {@code need}; NOT_APPLICABLE otherwise. */
  static Condition serviceNeed(ServiceCategory need, String what) {
    return Condition.of("the record marks a need for " + what, new Need(need, what)::blocks);
  }

  private record Need(ServiceCategory need, Optional<Judgment> notMarked) {
    Need(ServiceCategory need, String what) {
      // the judgment is immutable and the same for every record: made once
      this(need, Optional.of(Judgment.notApplicable("the record marks no need for " + what)));
    }

    Optional<Judgment> blocks(CaseRecord record, EvaluationContext ctx) {
      return record.episode().serviceNeeds().contains(need) ? Optional.empty() : notMarked;
    }
  }

  /** The admission time; only after {@link #admitted()} has held. */
  static Instant admittedAt(CaseRecord record) {
    return record.episode().admittedAt().orElseThrow();
  }

  static Evidence admission(CaseRecord record) {
    return RecordScope.memoOf(ADMISSION, record.episode(),
        e -> Evidence.of("episode", e.id(), e.admittedAt().orElseThrow(), "admission"));
  }

  private static final RecordScope.Key<java.util.Map<Episode, Evidence>> ADMISSION = RecordScope.Key.create();
  private static final RecordScope.Key<Deadline> PLANNING_DEADLINE = RecordScope.Key.create();
  private static final RecordScope.Key<List<LocalDate>> ATTENDANCE_DAYS = RecordScope.Key.create();

  /**
   * The planning deadline: the end of the first business day after the day of admission, by which
   * the treatment team meets to review the assessment and establish the provisional treatment plan.
   */
  static Deadline planningDeadline(CaseRecord record, EvaluationContext ctx) {
    // once per record, without a lambda per call (kept/keep rather than memo)
    Episode e = record.episode();
    Deadline due = RecordScope.kept(PLANNING_DEADLINE, e, ctx);
    if (due == null) {
      due = RecordScope.keep(PLANNING_DEADLINE, e, ctx, Deadline.businessDaysAfter(admittedAt(record), 1, ctx.calendar()));
    }
    return due;
  }

  /**
   * Judges the earliest of {@code docs} (date-only) against the {@link #planningDeadline}, the
   * admission its basis: on time when its date is on or before the due day.
   */
  static Judgment documentBy(CaseRecord record, List<Document> docs, String what, EvaluationContext ctx) {
    Optional<Timed> done = Optional.empty();
    if (!docs.isEmpty()) {
      done = done(record.episode(), docs.get(0), ctx);
    }
    return Timeliness.judge(planningDeadline(record, ctx), done, what, ctx, admission(record));
  }

  /** {@code d} as done at the start of its day: once per document per record in scope (several rules ask). */
  private static Optional<Timed> done(Episode e, Document d, EvaluationContext ctx) {
    java.util.Map<Document, Optional<Timed>> memo = RecordScope.map(DONE, e, ctx);
    Optional<Timed> done = memo == null ? null : memo.get(d);
    if (done == null) {
      done = Optional.of(Timed.of(d.date().atStartOfDay(ctx.zone()).toInstant(), evidence(d)));
      if (memo != null) {
        memo.put(d, done);
      }
    }
    return done;
  }

  private static final RecordScope.Key<java.util.Map<Document, Optional<Timed>>> DONE = RecordScope.Key.create();

  /** Whether {@code c} is attendance at the program. */
  static boolean isAttendance(Contact c) {
    return c.memberEngaged() && ATTENDANCE_KINDS.contains(c.kind()) && ATTENDANCE_MODES.contains(c.mode());
  }

  /** The end of the stay as of the evaluation: the discharge when it has happened, else the as-of time. */
  static Instant stayEnd(Episode e, EvaluationContext ctx) {
    // without a method reference (a lambda per call) nor a filtered Optional
    Instant discharged = dischargedBy(e, ctx);
    return discharged != null ? discharged : ctx.asOf();
  }

  /** The discharge time when it has happened as of the evaluation, else null. */
  static Instant dischargedBy(Episode e, EvaluationContext ctx) {
    Optional<Instant> discharged = e.dischargedAt();
    if (discharged.isPresent()) {
      Instant at = discharged.get();
      if (ctx.hasHappened(at)) {
        return at;
      }
    }
    return null;
  }

  /** The dates of attendance: of the attendance contacts from admission to the end of the stay (as of the evaluation). */
  static List<LocalDate> attendanceDays(CaseRecord record, EvaluationContext ctx) {
    // once per record (unmodifiable, so it can be shared), without a lambda per call
    Episode e = record.episode();
    List<LocalDate> kept = RecordScope.kept(ATTENDANCE_DAYS, e, ctx);
    if (kept != null) {
      return kept;
    }
    // the dates of the attendance contacts, straight from the record's contacts (the set sorts them)
    Instant from = admittedAt(record);
    Instant to = stayEnd(e, ctx);
    List<Contact> contacts = e.contacts();
    int count = 0;
    for (int i = 0, m = contacts.size(); i < m; i++) {
      Contact c = contacts.get(i);
      Instant at = c.at();
      if (isAttendance(c) && !at.isBefore(from) && !at.isAfter(to)) {
        count++;
      }
    }
    LocalDate[] days = new LocalDate[count];
    int n = 0;
    for (int i = 0, m = contacts.size(); i < m && n < count; i++) {
      Contact c = contacts.get(i);
      Instant at = c.at();
      if (isAttendance(c) && !at.isBefore(from) && !at.isAfter(to)) {
        days[n++] = ctx.dateOf(at);
      }
    }
    // sorted and without repeats, as a TreeSet (then an ImmutableSortedSet) of them was: in place,
    // in the one array, viewed as a list
    java.util.Arrays.sort(days, 0, n);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (distinct == 0 || !days[distinct - 1].equals(days[i])) {
        days[distinct++] = days[i];
      }
    }
    return RecordScope.keep(ATTENDANCE_DAYS, e, ctx, RecordLists.view(days, distinct));
  }

  /** Whether {@code c}, which has happened, was with or on behalf of {@code party}. */
  static boolean with(Contact c, org.perfspecs.model.Party party) {
    return c.parties().contains(party);
  }

  /**
   * A listed element a document of {@code kinds} must cover: applies once such a document is in the
   * record; MET when any of them covers one of {@code anyOf}, NOT_MET otherwise.
   */
  static EpisodeRequirement element(String id, Strength strength, Citation citation, Set<DocumentKind> kinds,
      String document, String what, Set<ContentElement> anyOf) {
    return EpisodeRequirement.of(id, strength, citation, new Element(kinds, document, what, RecordLists.constant(anyOf), "the " + document + " ",
        "no " + document + " in the record covers " + what)::judge)
        .when(inRecord(kinds, document));
  }

  // notMet: the NOT_MET reason, the same for every record (made once)
  private record Element(Set<DocumentKind> kinds, String document, String what, Set<ContentElement> anyOf,
      String metPrefix, String notMet) {
    Judgment judge(CaseRecord record, EvaluationContext ctx) {
      List<Document> docs = documents(record.episode(), ctx, kinds);
      for (int i = 0, n = docs.size(); i < n; i++) {
        Document covering = docs.get(i);
        if (RecordLists.anyIn(covering.elements(), anyOf)) {
          return Judgments.met(metPrefix, covering.id(), " covers ", what, evidenceOnly(covering));
        }
      }
      return Judgments.notMet(notMet, evidenceList(record.episode(), ctx, kinds));
    }
  }
}

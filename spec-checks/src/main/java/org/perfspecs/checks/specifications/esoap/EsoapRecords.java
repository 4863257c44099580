package org.perfspecs.checks.specifications.esoap;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.perfspecs.checks.Condition;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.RecordLists;
import org.perfspecs.checks.RecordScope;
import org.perfspecs.model.Appointment;
import org.perfspecs.model.AppointmentKind;
import org.perfspecs.model.Attestation;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Document;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.Episode;
import org.perfspecs.model.Program;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.Topic;

/** Reading an ESOAP record: helpers and conditions shared by the ESOAP sections (package-private). */
final class EsoapRecords {
  private EsoapRecords() {}

  /**
   * Referrals made out of the service to one of {@code targets} by the as-of time and not after a
   * discharge that has happened, earliest first. (A referral made at intake, before the admission
   * time, counts: ASMT.3.d's "upon admission" is met by one.)
   */
  static List<Referral> referralsTo(Episode e, Set<ServiceCategory> targets, EvaluationContext ctx) {
    StayReferrals stay = stayReferrals(e, ctx);
    List<Referral> out = null;
    for (int i = 0; i < stay.targets.length; i++) {
      if (targets.contains(stay.targets[i])) {
        if (out == null) {
          out = new ArrayList<>(stay.targets.length - i);
        }
        out.add(stay.referrals.get(i));
      }
    }
    return out == null ? List.of() : Collections.unmodifiableList(out);
  }

  /**
   * The first of {@link #referralsTo} made at or before {@code notAfter} (no bound when null), or
   * null: {@code referralsTo(...).stream().filter(...).findFirst()} without the list.
   */
  static Referral firstReferralTo(Episode e, Set<ServiceCategory> targets, Instant notAfter, EvaluationContext ctx) {
    StayReferrals stay = stayReferrals(e, ctx);
    for (int i = 0; i < stay.targets.length; i++) {
      if (targets.contains(stay.targets[i])) {
        Referral r = stay.referrals.get(i);
        if (notAfter == null || !r.at().isAfter(notAfter)) {
          return r;
        }
      }
    }
    return null;
  }

  /** The first of {@link #referralsTo} {@code target} that {@code which} accepts, or null. */
  static Referral firstReferralTo(Episode e, ServiceCategory target, Predicate<Referral> which, EvaluationContext ctx) {
    StayReferrals stay = stayReferrals(e, ctx);
    for (int i = 0; i < stay.targets.length; i++) {
      if (stay.targets[i] == target && which.test(stay.referrals.get(i))) {
        return stay.referrals.get(i);
      }
    }
    return null;
  }

  /** {@link #firstReferralTo} to one target, without a bound. */
  static Referral firstReferralTo(Episode e, ServiceCategory target, EvaluationContext ctx) {
    StayReferrals stay = stayReferrals(e, ctx);
    for (int i = 0; i < stay.targets.length; i++) {
      if (stay.targets[i] == target) {
        return stay.referrals.get(i);
      }
    }
    return null;
  }

  /**
   * The referrals made during the stay with a target (see {@link #referralsTo}), earliest first,
   * and their targets read once; once per record.
   */
  private static final class StayReferrals {
    final List<Referral> referrals;
    final ServiceCategory[] targets;

    StayReferrals(Episode e, EvaluationContext ctx) {
      this.referrals = RecordLists.keptSorted(e.referralsMade(), r -> r.target().isPresent() && duringStay(e, r.at(), ctx),
          REFERRALS_BY_TIME);
      this.targets = new ServiceCategory[referrals.size()];
      for (int i = 0; i < targets.length; i++) {
        targets[i] = referrals.get(i).target().get();
      }
    }
  }

  private static final RecordScope.Key<Map<Episode, StayReferrals>> STAY_REFERRALS = RecordScope.Key.create();

  private static StayReferrals stayReferrals(Episode e, EvaluationContext ctx) {
    Map<Episode, StayReferrals> memo = RecordScope.map(STAY_REFERRALS, e, ctx);
    StayReferrals s = memo == null ? null : memo.get(e);
    if (s == null) {
      s = new StayReferrals(e, ctx);
      if (memo != null) {
        memo.put(e, s);
      }
    }
    return s;
  }

  /** Appointments of one of {@code kinds} booked by the as-of time and not after a discharge that has happened, earliest booking first. */
  static List<Appointment> appointmentsOf(Episode e, Set<AppointmentKind> kinds, EvaluationContext ctx) {
    List<Appointment> stay = stayAppointments(e, ctx);
    List<Appointment> out = null;
    for (int i = 0, n = stay.size(); i < n; i++) {
      Appointment a = stay.get(i);
      if (kinds.contains(a.kind())) {
        if (out == null) {
          out = new ArrayList<>(n - i);
        }
        out.add(a);
      }
    }
    return out == null ? List.of() : Collections.unmodifiableList(out);
  }

  /**
   * The first of {@link #appointmentsOf} that {@code which} accepts, or null:
   * {@code appointmentsOf(...).stream().filter(which).findFirst()} without the list.
   */
  static Appointment firstAppointmentOf(Episode e, Set<AppointmentKind> kinds, Predicate<Appointment> which,
      EvaluationContext ctx) {
    List<Appointment> stay = stayAppointments(e, ctx);
    for (int i = 0, n = stay.size(); i < n; i++) {
      Appointment a = stay.get(i);
      if (kinds.contains(a.kind()) && which.test(a)) {
        return a;
      }
    }
    return null;
  }

  private static final RecordScope.Key<Map<Episode, List<Appointment>>> STAY_APPOINTMENTS = RecordScope.Key.create();

  /** The appointments booked during the stay (see {@link #appointmentsOf}), earliest booking first; once per record. */
  private static List<Appointment> stayAppointments(Episode e, EvaluationContext ctx) {
    Map<Episode, List<Appointment>> memo = RecordScope.map(STAY_APPOINTMENTS, e, ctx);
    List<Appointment> s = memo == null ? null : memo.get(e);
    if (s == null) {
      s = RecordLists.keptSorted(e.appointments(), a -> duringStay(e, a.scheduledAt(), ctx), BY_BOOKING);
      if (memo != null) {
        memo.put(e, s);
      }
    }
    return s;
  }

  /**
   * Whether {@code t} has happened and is not after a discharge that has happened: what the program
   * did for the member is what it did before she left.
   */
  static boolean duringStay(Episode e, java.time.Instant t, EvaluationContext ctx) {
    if (!ctx.hasHappened(t)) {
      return false;
    }
    Optional<Instant> discharged = e.dischargedAt();
    return discharged.isEmpty() || !ctx.hasHappened(discharged.get()) || !t.isAfter(discharged.get());
  }

  /** Documents of {@code kind} completed by the as-of date, earliest first. */
  static List<Document> documentsOf(Episode e, DocumentKind kind, EvaluationContext ctx) {
    // once per record and kind while the engine evaluates the record
    // (no lambda made per call: conditions and rules ask often)
    Map<DocumentKind, List<Document>> memo = RecordScope.map(DOCUMENTS_OF, e, ctx);
    List<Document> documents = memo == null ? null : memo.get(kind);
    if (documents == null) {
      documents = RecordLists.keptSorted(e.documents(), d -> d.kind() == kind && ctx.hasBegun(d.date()), BY_DATE);
      if (memo != null) {
        memo.put(kind, documents);
      }
    }
    return documents;
  }

  private static final RecordScope.Key<java.util.Map<DocumentKind, List<Document>>> DOCUMENTS_OF =
      RecordScope.Key.create();

  /**
   * The evidence of {@link #documentsOf}, in the same order, as one immutable list shared by the
   * judgments of a record that name those documents (once per record and kind).
   */
  static ImmutableList<Evidence> evidenceOf(Episode e, DocumentKind kind, EvaluationContext ctx) {
    Map<DocumentKind, ImmutableList<Evidence>> memo = RecordScope.map(DOCUMENT_EVIDENCE, e, ctx);
    ImmutableList<Evidence> list = memo == null ? null : memo.get(kind);
    if (list == null) {
      List<Document> documents = documentsOf(e, kind, ctx);
      Evidence[] evidence = new Evidence[documents.size()];
      for (int i = 0; i < evidence.length; i++) {
        evidence[i] = evidence(documents.get(i));
      }
      list = ImmutableList.copyOf(evidence);
      if (memo != null) {
        memo.put(kind, list);
      }
    }
    return list;
  }

  private static final RecordScope.Key<Map<DocumentKind, ImmutableList<Evidence>>> DOCUMENT_EVIDENCE =
      RecordScope.Key.create();

  private static final Comparator<Referral> REFERRALS_BY_TIME = Comparator.comparing(Referral::at);
  private static final Comparator<Appointment> BY_BOOKING = Comparator.comparing(Appointment::scheduledAt);
  private static final Comparator<Document> BY_DATE = Comparator.comparing(Document::date);

  // the evidence naming a record depends on that record alone: made once per record evaluated
  private static final RecordScope.Key<java.util.Map<Object, Evidence>> EVIDENCE = RecordScope.Key.create();

  static Evidence evidence(Referral r) {
    return RecordScope.memoOf(EVIDENCE, r, x -> evidenceOf((Referral) x));
  }

  private static Evidence evidenceOf(Referral r) {
    return Evidence.of("referral", r.id(), r.at(), "referral to " + r.target().map(Enum::name).orElse("?"));
  }

  static Evidence evidence(Appointment a) {
    return RecordScope.memoOf(EVIDENCE, a, x -> evidenceOf((Appointment) x));
  }

  private static Evidence evidenceOf(Appointment a) {
    return Evidence.of("appointment", a.id(), a.at(), a.kind() + " appointment booked "
        + a.scheduledAt());
  }

  static Evidence evidence(Document d) {
    return RecordScope.memoOf(EVIDENCE, d, x -> evidenceOf((Document) x));
  }

  private static Evidence evidenceOf(Document d) {
    return Evidence.onDate("document", d.id(), d.date(), org.perfspecs.checks.RecordLists.words(d.kind()));
  }

  private static final RecordScope.Key<Map<Episode, Evidence>> ADMISSION = RecordScope.Key.create();

  /** The admission as evidence ("admission"), once per record in scope; {@code admitted} is the episode's admission. */
  static Evidence admission(Episode e, Instant admitted) {
    return RecordScope.memoOf(ADMISSION, e, x -> Evidence.of("episode", x.id(), admitted, "admission"));
  }

  private static final RecordScope.Key<Map<Episode, Evidence>> DISCHARGE = RecordScope.Key.create();

  /** The discharge as evidence ("discharge"), once per record in scope; {@code discharged} is the episode's discharge. */
  static Evidence discharge(Episode e, Instant discharged) {
    return RecordScope.memoOf(DISCHARGE, e, x -> Evidence.of("episode", x.id(), discharged, "discharge"));
  }

  private static final RecordScope.Key<Map<Instant, String>> FORMATTED = RecordScope.Key.create();

  /**
   * {@link org.perfspecs.checks.Times#format} of {@code t} in the context's zone, once per instant (by
   * identity) per record in scope: several rules name the same contact or referral time.
   */
  static String format(Instant t, Episode e, EvaluationContext ctx) {
    Map<Instant, String> memo = RecordScope.map(FORMATTED, e, ctx);
    String text = memo == null ? null : memo.get(t);
    if (text == null) {
      text = org.perfspecs.checks.Times.format(t, ctx.zone());
      if (memo != null) {
        memo.put(t, text);
      }
    }
    return text;
  }

  static String names(Set<? extends Enum<?>> values) {
    String[] names = new String[values.size()];
    int i = 0;
    for (Enum<?> v : values) {
      names[i++] = v.name();
    }
    Arrays.sort(names);
    return String.join(", ", names);
  }

  /** The record marks one of {@code needs} among the member's service needs ("when needed"). */
  static Condition serviceNeed(String what, ServiceCategory... needs) {
    Set<ServiceCategory> set = RecordLists.constant(EnumSet.of(needs[0], needs));
    // judgments are immutable: the one this condition gives is made once
    Optional<Judgment> notMarked = Optional.of(Judgment.notApplicable("the record marks no need for " + what));
    return Condition.of("the record marks a need for " + what, (record, ctx) ->
        RecordLists.anyIn(record.episode().serviceNeeds(), set) ? Optional.empty() : notMarked);
  }

  /** The record marks one of {@code needs} among the member's counselling needs ("when indicated"). */
  static Condition counselingNeed(String what, Set<Topic> needs) {
    Optional<Judgment> notMarked = Optional.of(Judgment.notApplicable("the record does not mark " + what + " as indicated"));
    return Condition.of("the record marks " + what + " as indicated", (record, ctx) -> {
      boolean marked = RecordLists.anyIn(record.episode().counselingNeeds(), needs);
      return marked ? Optional.empty() : notMarked;
    });
  }

  /** A document of {@code kind} completed by the as-of date is in the record (NOT_APPLICABLE otherwise). */
  static Condition documentInRecord(DocumentKind kind, String what) {
    Optional<Judgment> none = Optional.of(Judgment.notApplicable("no " + what + " is in the record yet"));
    return Condition.of("a " + what + " is in the record", (record, ctx) ->
        documentsOf(record.episode(), kind, ctx).isEmpty() ? none : Optional.empty());
  }

  /** The member has no OB/GYN, midwife or other obstetric provider recorded. */
  static Condition noObstetricProvider() {
    return Condition.of("the member has no OB/GYN, midwife or other obstetric health care provider",
        (record, ctx) -> record.member().obstetricProvider().isPresent()
            ? Optional.of(Judgment.notApplicable("the member has an obstetric health care provider"))
            : Optional.empty());
  }

  /** The admission instant; callers run under a condition that guarantees it has happened. */
  static Instant admitted(CaseRecord record) {
    return record.episode().admittedAt().orElseThrow();
  }

  /** The admission date in the calendar's zone. */
  static LocalDate admissionDate(CaseRecord record, EvaluationContext ctx) {
    return ctx.dateOf(admitted(record));
  }

  /** The attestation for {@code id} dated on or before the as-of date, when the profile holds one. */
  static Optional<Attestation> attestation(Program program, String id, EvaluationContext ctx) {
    return program.attestations().stream()
        .filter(a -> a.requirementId().equals(id) && ctx.hasBegun(a.attestedOn()))
        .findFirst();
  }

  static Evidence evidence(Attestation a) {
    return Evidence.onDate("attestation", a.requirementId(), a.attestedOn(), "attested by " + a.attestedBy());
  }
}

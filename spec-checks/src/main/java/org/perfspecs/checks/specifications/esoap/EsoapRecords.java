package org.perfspecs.checks.specifications.esoap;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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
    return RecordLists.keptSorted(e.referralsMade(),
        r -> {
          // one read of the target (each read makes an Optional)
          java.util.Optional<ServiceCategory> target = r.target();
          return target.isPresent() && targets.contains(target.get()) && duringStay(e, r.at(), ctx);
        }, REFERRALS_BY_TIME);
  }

  /** Appointments of one of {@code kinds} booked by the as-of time and not after a discharge that has happened, earliest booking first. */
  static List<Appointment> appointmentsOf(Episode e, Set<AppointmentKind> kinds, EvaluationContext ctx) {
    return RecordLists.keptSorted(e.appointments(), a -> kinds.contains(a.kind()) && duringStay(e, a.scheduledAt(), ctx),
        BY_BOOKING);
  }

  /**
   * Whether {@code t} has happened and is not after a discharge that has happened: what the program
   * did for the member is what it did before she left.
   */
  static boolean duringStay(Episode e, java.time.Instant t, EvaluationContext ctx) {
    return ctx.hasHappened(t) && e.dischargedAt().filter(ctx::hasHappened).map(d -> !t.isAfter(d)).orElse(true);
  }

  /** Documents of {@code kind} completed by the as-of date, earliest first. */
  static List<Document> documentsOf(Episode e, DocumentKind kind, EvaluationContext ctx) {
    // once per record and kind while the engine evaluates the record
    return RecordScope.memo(DOCUMENTS_OF, e, ctx, kind,
        k -> RecordLists.keptSorted(e.documents(), d -> d.kind() == k && ctx.hasBegun(d.date()), BY_DATE));
  }

  private static final RecordScope.Key<java.util.Map<DocumentKind, List<Document>>> DOCUMENTS_OF =
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

  static String names(Set<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
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

package org.perfspecs.testkit.scenarios;

import static org.perfspecs.testkit.scenarios.Cases.dateOf;
import static org.perfspecs.testkit.scenarios.Cases.withEpisode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.perfspecs.model.Appointment;
import org.perfspecs.model.AppointmentKind;
import org.perfspecs.model.CareProvider;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.ContactMode;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.Document;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.ImmutableCaseRecord;
import org.perfspecs.model.ImmutableEpisode;
import org.perfspecs.model.Member;
import org.perfspecs.model.Party;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.Topic;

/**
 * Record-building helpers for the ESOAP (and RC) scenario generators: facts added to a record
 * (contacts, documents, referrals made, appointments, member details) and instants relative to
 * others. Package-private.
 */
final class EsoapCases {
  static final Duration DAY = Duration.ofDays(1);
  static final Duration WEEK = Duration.ofDays(7);
  static final Duration MONTH = Duration.ofDays(30);

  private EsoapCases() {}

  /** A fact added to a record at an instant (a document at the instant's New York date). */
  @FunctionalInterface
  interface Fact {
    CaseRecord add(CaseRecord record, Instant at);
  }

  // ---- instants ----------------------------------------------------------------------------

  /** Instants from the start of the day after the date of {@code t} to {@code upTo} later: after {@code t} by date. */
  static Arbitrary<Instant> fromNextDay(Instant t, Duration upTo) {
    return Cases.atOrAfter(Cases.startOfDay(dateOf(t).plusDays(1)), upTo);
  }

  /** Instants from {@code t} to the end of its New York day (whole minutes after {@code t}, or the day's last instant). */
  static Arbitrary<Instant> sameDayFrom(Instant t) {
    return between(t, Cases.endOfDay(dateOf(t)));
  }

  /** Instants from {@code from} to {@code to} inclusive (whole minutes after {@code from}); both bounds are edge cases. */
  static Arbitrary<Instant> between(Instant from, Instant to) {
    long minutes = Duration.between(from, to).toMinutes();
    return Arbitraries.oneOf(Arbitraries.longs().between(0, minutes).map(m -> from.plus(Duration.ofMinutes(m))),
        Arbitraries.just(to));
  }

  /** {@code t} plus {@code percent}% of {@code span}, in whole minutes. */
  static Instant fraction(Instant t, Duration span, int percent) {
    return t.plus(Duration.ofMinutes(span.toMinutes() * percent / 100));
  }

  /** The later of two instants. */
  static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** An instant at {@code minuteOfDay} on {@code day} (New York wall time; DST gaps shift forward). */
  static Instant on(LocalDate day, int minuteOfDay) {
    return day.atTime(LocalTime.ofSecondOfDay(minuteOfDay * 60L)).atZone(Cases.NEW_YORK).toInstant();
  }

  // ---- facts ---------------------------------------------------------------------------------

  static Contact contact(String id, Instant at, ContactKind kind, ContactMode mode, boolean engaged, Topic... topics) {
    return Contact.builder().id(id).at(at).kind(kind).mode(mode).minutes(mode == ContactMode.TEXT ? 0 : 30)
        .memberEngaged(engaged).topics(Arrays.asList(topics)).build();
  }

  static Referral referral(String id, ServiceCategory target, Instant at) {
    return Referral.builder().id(id).target(target).at(at).build();
  }

  static Document document(String id, DocumentKind kind, LocalDate date, Set<ContentElement> elements, Set<Party> with) {
    return Document.builder().id(id).kind(kind).date(date).elements(elements).developedWith(with).build();
  }

  static Appointment appointment(String id, AppointmentKind kind, Instant scheduledAt, Instant at, boolean assisted) {
    return Appointment.builder().id(id).kind(kind).scheduledAt(scheduledAt).at(at).assistedByProgram(assisted).build();
  }

  static CareProvider provider(String name) {
    return CareProvider.builder().name(name).build();
  }

  static CaseRecord withMember(CaseRecord record, UnaryOperator<Member> change) {
    return ImmutableCaseRecord.copyOf(record).withMember(change.apply(record.member()));
  }

  static CaseRecord addContacts(CaseRecord record, List<Contact> contacts) {
    return withEpisode(record, e -> ImmutableEpisode.copyOf(e).withContacts(concat(e.contacts(), contacts)));
  }

  static CaseRecord addContact(CaseRecord record, Contact c) {
    return addContacts(record, List.of(c));
  }

  static CaseRecord addDocument(CaseRecord record, Document d) {
    return withEpisode(record, e -> ImmutableEpisode.copyOf(e).withDocuments(concat(e.documents(), List.of(d))));
  }

  static CaseRecord addReferral(CaseRecord record, Referral r) {
    return withEpisode(record, e -> ImmutableEpisode.copyOf(e).withReferralsMade(concat(e.referralsMade(), List.of(r))));
  }

  static CaseRecord addAppointment(CaseRecord record, Appointment a) {
    return withEpisode(record, e -> ImmutableEpisode.copyOf(e).withAppointments(concat(e.appointments(), List.of(a))));
  }

  static CaseRecord withServiceNeeds(CaseRecord record, Set<ServiceCategory> needs) {
    return withEpisode(record, e -> ImmutableEpisode.copyOf(e).withServiceNeeds(needs));
  }

  static CaseRecord withCounselingNeeds(CaseRecord record, Set<Topic> needs) {
    return withEpisode(record, e -> ImmutableEpisode.copyOf(e).withCounselingNeeds(needs));
  }

  // ---- fact makers ---------------------------------------------------------------------------

  static Fact referralTo(String id, ServiceCategory target) {
    return (rec, at) -> addReferral(rec, referral(id, target, at));
  }

  static Fact documentOf(String id, DocumentKind kind, ContentElement... elements) {
    Set<ContentElement> set = elements.length == 0 ? EnumSet.noneOf(ContentElement.class) : EnumSet.copyOf(Arrays.asList(elements));
    return (rec, at) -> addDocument(rec, document(id, kind, dateOf(at), set, Set.of()));
  }

  /** An appointment booked at the instant, for a week later. */
  static Fact appointmentOf(String id, AppointmentKind kind, boolean assisted) {
    return (rec, at) -> addAppointment(rec, appointment(id, kind, at, at.plus(WEEK), assisted));
  }

  static Fact contactOf(String id, ContactKind kind, ContactMode mode, boolean engaged, Topic... topics) {
    return (rec, at) -> addContact(rec, contact(id, at, kind, mode, engaged, topics));
  }

  /** Subsets (up to {@code max}) of {@code values} without {@code excluded}. */
  static <E extends Enum<E>> Arbitrary<Set<E>> subsetsWithout(Class<E> type, int max, Set<E> excluded) {
    Set<E> all = EnumSet.allOf(type);
    all.removeAll(excluded);
    List<E> allowed = new ArrayList<>(all);
    return Arbitraries.of(allowed).set().ofMaxSize(max).map(s -> s.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(s));
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /**
   * The meeting cases of an obligation judged over the stay so far: one of {@code shown} recorded
   * during the stay (maybe with one of {@code extras}, irrelevant facts), the episode open or
   * discharged later, before or after the as-of.
   */
  static Arbitrary<Case> shownInStay(Arbitrary<CaseRecord> applicable, List<Fact> shown, List<Fact> extras) {
    return Combinators.combine(applicable, Arbitraries.of(shown), Arbitraries.of(extras), Cases.upTo(MONTH),
            Cases.upTo(MONTH), Cases.upTo(MONTH), Arbitraries.of(true, false), Cases.upTo(Duration.ofDays(10)))
        .as((rec, fact, extra, at, extraAt, wait, discharged, stay) -> {
          Instant t = Cases.admission(rec).plus(at);
          CaseRecord c = extra.add(fact.add(rec, t), Cases.admission(rec).plus(extraAt));
          return Case.of(discharged ? Cases.discharged(c, t.plus(stay)) : c, t.plus(wait));
        });
  }

  /**
   * The violating cases of an obligation judged over the stay so far: nothing recorded (open or
   * discharged), the fact recorded only after the as-of (not yet happened), or only one of {@code
   * misses} (alike, but not what the text asks).
   */
  static List<Arbitrary<Case>> notShownInStay(Arbitrary<CaseRecord> applicable, List<Fact> shown, List<Fact> misses) {
    List<Arbitrary<Case>> violating = new ArrayList<>();
    violating.add(Combinators.combine(applicable, Cases.upTo(MONTH.multipliedBy(2)), Arbitraries.of(true, false),
            Arbitraries.integers().between(0, 100))
        .as((rec, asOf, discharged, p) -> Case.of(
            discharged ? Cases.discharged(rec, fraction(Cases.admission(rec), asOf, p)) : rec, Cases.admission(rec).plus(asOf))));
    violating.add(Combinators.combine(applicable, Arbitraries.of(shown), Cases.upTo(MONTH))
        .flatAs((rec, fact, asOf) -> {
          Instant when = Cases.admission(rec).plus(asOf);
          return fromNextDay(when, MONTH).map(t -> Case.of(fact.add(rec, t), when));
        }));
    if (!misses.isEmpty()) {
      violating.add(Combinators.combine(applicable, Arbitraries.of(misses), Cases.upTo(MONTH), Cases.upTo(MONTH))
          .as((rec, miss, at, wait) -> {
            Instant t = Cases.admission(rec).plus(at);
            return Case.of(miss.add(rec, t), t.plus(wait));
          }));
    }
    return violating;
  }
}

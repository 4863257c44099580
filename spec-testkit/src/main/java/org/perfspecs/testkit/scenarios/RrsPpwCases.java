package org.perfspecs.testkit.scenarios;

import static org.perfspecs.testkit.scenarios.Cases.admission;
import static org.perfspecs.testkit.scenarios.Cases.withEpisode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.perfspecs.model.Appointment;
import org.perfspecs.model.AppointmentKind;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Consultation;
import org.perfspecs.model.ConsultationKind;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.ContactMode;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.Document;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.Episode;
import org.perfspecs.model.ImmutableEpisode;
import org.perfspecs.model.Incident;
import org.perfspecs.model.Member;
import org.perfspecs.model.Party;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.ServiceType;
import org.perfspecs.model.Topic;

/**
 * Shared building blocks of {@link RrsPpwScenarios}: stays judged at an as-of (open, discharged
 * later, or discharged by then), instants inside and outside the stay so far, and the facts the
 * RRS for Pregnant and Post-Partum Women requirements read (referrals made, contacts, appointments,
 * consultations, documents, incidents), each added with an id unique in its episode.
 */
final class RrsPpwCases {
  static final ServiceType RRS = ServiceType.RRS_PPW;
  static final Duration DAY = Duration.ofDays(1);
  static final Duration OPEN_FOR = Duration.ofDays(120);
  static final Duration STAYED_FOR = Duration.ofDays(90);
  static final Duration WAITED_FOR = Duration.ofDays(60);

  private RrsPpwCases() {}

  /**
   * A record and the as-of to judge it at. The stay so far runs from admission to the discharge,
   * when that has happened by the as-of, else to the as-of.
   */
  record Stay(CaseRecord record, Instant asOf) {
    Instant admitted() {
      return admission(record);
    }

    /** Whether the discharge has happened by the as-of. */
    boolean discharged() {
      return record.episode().dischargedAt().filter(d -> !d.isAfter(asOf)).isPresent();
    }

    /** The end of the stay so far. */
    Instant end() {
      return discharged() ? record.episode().dischargedAt().orElseThrow() : asOf;
    }

    /** The instant {@code permille} thousandths of the way from admission to the end (whole minutes). */
    Instant at(int permille) {
      long span = Duration.between(admitted(), end()).toMinutes();
      return admitted().plus(Duration.ofMinutes(span * permille / 1000));
    }

    /** The instant {@code permille} thousandths of the way from {@code from} to the end (whole minutes). */
    Instant between(Instant from, int permille) {
      long span = Duration.between(from, end()).toMinutes();
      return from.plus(Duration.ofMinutes(Math.max(0, span) * permille / 1000));
    }

    LocalDate firstDay() {
      return Cases.dateOf(admitted());
    }

    LocalDate lastDay() {
      return Cases.dateOf(end());
    }

    /** The date {@code permille} thousandths of the way from the admission date to the last day. */
    LocalDate day(int permille) {
      long span = lastDay().toEpochDay() - firstDay().toEpochDay();
      return firstDay().plusDays(span * permille / 1000);
    }

    /**
     * An instant outside the stay so far: before admission ({@code where} 0), after the as-of (1), or
     * after the discharge and by the as-of (2, when the discharge happened before the as-of; else
     * after the as-of). {@code by} is how far outside (at least a minute).
     */
    Instant outside(int where, Duration by, int permille) {
      Duration d = by.isZero() ? Duration.ofMinutes(1) : by;
      if (where == 0) {
        return admitted().minus(d);
      }
      if (where == 2 && discharged() && asOf.isAfter(end())) {
        Instant from = end().plus(Duration.ofMinutes(1));
        long span = Duration.between(from, asOf).toMinutes();
        return from.plus(Duration.ofMinutes(span * permille / 1000));
      }
      return asOf.plus(d);
    }

    Stay with(UnaryOperator<Episode> change) {
      return new Stay(withEpisode(record, change), asOf);
    }

    Stay withMember(Member m) {
      return new Stay(org.perfspecs.model.ImmutableCaseRecord.copyOf(record).withMember(m), asOf);
    }

    Case toCase() {
      return Case.of(record, asOf);
    }
  }

  /** A fact added to an episode at an instant. */
  @FunctionalInterface
  interface Fact {
    Episode at(Episode e, Instant t);

    default Stay in(Stay s, Instant t) {
      return s.with(e -> at(e, t));
    }
  }

  /** Admitted members of any kind: neither pregnant nor postpartum, pregnant, or postpartum. */
  static Arbitrary<CaseRecord> anyMember() {
    return Cases.admittedWith(RRS, day -> Arbitraries.oneOf(Cases.neitherPregnantNorPostpartumOn(day),
        Cases.pregnantOn(day), Cases.postpartumOn(day)));
  }

  /** Open at the as-of: never discharged, or discharged after it; judged up to 120 days after admission. */
  static Arbitrary<Stay> open(Arbitrary<CaseRecord> records) {
    return Combinators.combine(records, Cases.upTo(OPEN_FOR), Arbitraries.of(false, true),
            Cases.between(Duration.ofMinutes(1), WAITED_FOR))
        .as((rec, asOf, later, by) -> {
          Instant t = admission(rec).plus(asOf);
          return new Stay(later ? Cases.discharged(rec, t.plus(by)) : rec, t);
        });
  }

  /** Discharged 0 to 90 days after admission, judged at the discharge or up to 60 days later. */
  static Arbitrary<Stay> discharged(Arbitrary<CaseRecord> records) {
    return Combinators.combine(records, Cases.upTo(STAYED_FOR), Cases.upTo(WAITED_FOR))
        .as((rec, stayed, waited) -> {
          Instant d = admission(rec).plus(stayed);
          return new Stay(Cases.discharged(rec, d), d.plus(waited));
        });
  }

  /** Open or discharged. */
  static Arbitrary<Stay> anyStay(Arbitrary<CaseRecord> records) {
    return Arbitraries.oneOf(open(records), discharged(records));
  }

  /** Thousandths of the way (0 and 1000 are edge cases). */
  static Arbitrary<Integer> permille() {
    return Arbitraries.integers().between(0, 1000);
  }

  /** Where outside the stay (see {@link Stay#outside}). */
  static Arbitrary<Integer> outsideWhere() {
    return Arbitraries.integers().between(0, 2);
  }

  /** How far outside the stay. */
  static Arbitrary<Duration> outsideBy() {
    return Cases.between(Duration.ofMinutes(1), Duration.ofDays(30));
  }

  /** {@code stays} with the service need marked, among other random needs. */
  static Arbitrary<Stay> needing(Arbitrary<Stay> stays, ServiceCategory need) {
    return Combinators.combine(stays, Arbitraries.subsetOf(ServiceCategory.values()))
        .as((s, others) -> s.with(e -> withNeeds(e, others, need, true)));
  }

  /** {@code stays} with random service needs, but not {@code need}. */
  static Arbitrary<Stay> notNeeding(Arbitrary<Stay> stays, ServiceCategory need) {
    return Combinators.combine(stays, Arbitraries.subsetOf(ServiceCategory.values()))
        .as((s, others) -> s.with(e -> withNeeds(e, others, need, false)));
  }

  private static Episode withNeeds(Episode e, Set<ServiceCategory> others, ServiceCategory need, boolean marked) {
    Set<ServiceCategory> needs = others.isEmpty() ? EnumSet.noneOf(ServiceCategory.class) : EnumSet.copyOf(others);
    if (marked) {
      needs.add(need);
    } else {
      needs.remove(need);
    }
    return ImmutableEpisode.copyOf(e).withServiceNeeds(needs);
  }

  /** {@code stays} with the counselling need marked, among other random ones. */
  static Arbitrary<Stay> needingCounseling(Arbitrary<Stay> stays, Topic topic) {
    return Combinators.combine(stays, Arbitraries.subsetOf(Topic.values()))
        .as((s, others) -> s.with(e -> withCounselingNeeds(e, others, topic, true)));
  }

  /** {@code stays} with random counselling needs, but not {@code topic}. */
  static Arbitrary<Stay> notNeedingCounseling(Arbitrary<Stay> stays, Topic topic) {
    return Combinators.combine(stays, Arbitraries.subsetOf(Topic.values()))
        .as((s, others) -> s.with(e -> withCounselingNeeds(e, others, topic, false)));
  }

  private static Episode withCounselingNeeds(Episode e, Set<Topic> others, Topic topic, boolean marked) {
    Set<Topic> needs = others.isEmpty() ? EnumSet.noneOf(Topic.class) : EnumSet.copyOf(others);
    if (marked) {
      needs.add(topic);
    } else {
      needs.remove(topic);
    }
    return ImmutableEpisode.copyOf(e).withCounselingNeeds(needs);
  }

  // ---- facts

  /** A referral made to {@code target}. */
  static Fact referral(ServiceCategory target) {
    return (e, t) -> {
      List<Referral> list = new ArrayList<>(e.referralsMade());
      list.add(Referral.builder().id("made-" + (list.size() + 1)).target(target).at(t).build());
      return ImmutableEpisode.copyOf(e).withReferralsMade(list);
    };
  }

  /** Referrals made to any category but {@code excluded}. */
  static Arbitrary<Fact> referralOtherThan(Set<ServiceCategory> excluded) {
    List<ServiceCategory> others = new ArrayList<>();
    for (ServiceCategory c : ServiceCategory.values()) {
      if (!excluded.contains(c)) {
        others.add(c);
      }
    }
    return Arbitraries.of(others).map(RrsPpwCases::referral);
  }

  /** A contact of {@code kind} covering {@code topics}. */
  static Fact contact(ContactKind kind, boolean engaged, Set<Topic> topics) {
    return (e, t) -> {
      List<Contact> list = new ArrayList<>(e.contacts());
      list.add(Contact.builder().id("contact-" + (list.size() + 1)).at(t).mode(ContactMode.IN_PERSON).minutes(45)
          .kind(kind).memberEngaged(engaged).topics(topics).build());
      return ImmutableEpisode.copyOf(e).withContacts(list);
    };
  }

  /** Counselling on {@code topic} (with other random topics): a contact with the member engaged, not case work. */
  static Arbitrary<Fact> counselingOn(Topic topic) {
    return Combinators.combine(Arbitraries.of(ContactKind.class).filter(k -> k != ContactKind.CASE_RELATED_WORK),
            Arbitraries.subsetOf(Topic.values()))
        .as((kind, others) -> contact(kind, true, plus(others, topic)));
  }

  /**
   * Contacts that are not counselling on {@code topic}: covering it without the member engaged or
   * as case-related work, or with the member engaged on other topics.
   */
  static Arbitrary<Fact> notCounselingOn(Topic topic) {
    Arbitrary<Fact> unengaged = Combinators.combine(Arbitraries.of(ContactKind.class), Arbitraries.subsetOf(Topic.values()))
        .as((kind, others) -> contact(kind, false, plus(others, topic)));
    Arbitrary<Fact> caseWork = Combinators.combine(Arbitraries.of(true, false), Arbitraries.subsetOf(Topic.values()))
        .as((engaged, others) -> contact(ContactKind.CASE_RELATED_WORK, engaged, plus(others, topic)));
    Arbitrary<Fact> otherTopics = Combinators.combine(Arbitraries.of(ContactKind.class), Arbitraries.of(true, false),
            Arbitraries.subsetOf(Topic.values()))
        .as((kind, engaged, others) -> contact(kind, engaged, minus(others, topic)));
    return Arbitraries.oneOf(unengaged, caseWork, otherTopics);
  }

  /** An appointment of {@code kind} booked at the fact's instant, taking place {@code after} it. */
  static Fact appointment(AppointmentKind kind, boolean assisted, Duration after) {
    return appointment(kind, assisted, after, Optional.empty(), Optional.empty());
  }

  /** An appointment booked at the fact's instant, with whether it was kept and when that was verified. */
  static Fact appointment(AppointmentKind kind, boolean assisted, Duration after, Optional<Boolean> kept,
      Optional<Instant> verified) {
    return (e, t) -> {
      List<Appointment> list = new ArrayList<>(e.appointments());
      list.add(Appointment.builder().id("appt-" + (list.size() + 1)).kind(kind).assistedByProgram(assisted)
          .scheduledAt(t).at(t.plus(after)).kept(kept).keptVerifiedAt(verified).build());
      return ImmutableEpisode.copyOf(e).withAppointments(list);
    };
  }

  /** An appointment booked at {@code booked} taking place at {@code at} (the fact's instant is ignored). */
  static Episode appointment(Episode e, AppointmentKind kind, boolean assisted, Instant booked, Instant at,
      Optional<Boolean> kept, Optional<Instant> verified) {
    List<Appointment> list = new ArrayList<>(e.appointments());
    list.add(Appointment.builder().id("appt-" + (list.size() + 1)).kind(kind).assistedByProgram(assisted)
        .scheduledAt(booked).at(at).kept(kept).keptVerifiedAt(verified).build());
    return ImmutableEpisode.copyOf(e).withAppointments(list);
  }

  /** A consultation of {@code kind} arranged. */
  static Fact consultation(ConsultationKind kind) {
    return (e, t) -> {
      List<Consultation> list = new ArrayList<>(e.consultations());
      list.add(Consultation.builder().id("cons-" + (list.size() + 1)).kind(kind).arrangedAt(t).build());
      return ImmutableEpisode.copyOf(e).withConsultations(list);
    };
  }

  /** A document of {@code kind} dated {@code date}. */
  static Episode document(Episode e, DocumentKind kind, LocalDate date, Set<ContentElement> elements,
      Set<Party> developedWith) {
    List<Document> list = new ArrayList<>(e.documents());
    list.add(Document.builder().id("doc-" + (list.size() + 1)).kind(kind).date(date).elements(elements)
        .developedWith(developedWith).build());
    return ImmutableEpisode.copyOf(e).withDocuments(list);
  }

  /** An incident that occurred at {@code at}, reported at {@code reported} (if any). */
  static Episode incident(Episode e, boolean reportable, Instant at, Optional<Instant> reported) {
    List<Incident> list = new ArrayList<>(e.incidents());
    list.add(Incident.builder().id("incident-" + (list.size() + 1)).occurredAt(at).reportable(reportable)
        .reportedAt(reported).build());
    return ImmutableEpisode.copyOf(e).withIncidents(list);
  }

  /** A minute in [{@code from}, {@code to}] ({@code permille} thousandths of the way). */
  static Instant along(Instant from, Instant to, int permille) {
    long span = Math.max(0, Duration.between(from, to).toMinutes());
    return from.plus(Duration.ofMinutes(span * permille / 1000));
  }

  static <E extends Enum<E>> Set<E> plus(Set<E> set, E e) {
    Set<E> out = EnumSet.of(e);
    out.addAll(set);
    return out;
  }

  static <E extends Enum<E>> Set<E> minus(Set<E> set, E e) {
    Set<E> out = EnumSet.of(e);
    out.addAll(set);
    out.remove(e);
    return out;
  }

  /** Values of {@code type} other than {@code excluded}. */
  static <E extends Enum<E>> Arbitrary<E> otherThan(Class<E> type, Set<E> excluded) {
    List<E> others = new ArrayList<>();
    for (E v : type.getEnumConstants()) {
      if (!excluded.contains(v)) {
        others.add(v);
      }
    }
    return Arbitraries.of(others);
  }
}

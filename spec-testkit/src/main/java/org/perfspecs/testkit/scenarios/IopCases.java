package org.perfspecs.testkit.scenarios;

import static org.perfspecs.testkit.scenarios.Cases.admission;
import static org.perfspecs.testkit.scenarios.Cases.dateOf;
import static org.perfspecs.testkit.scenarios.Cases.withEpisode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.apiguardian.api.API;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.ContactMode;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.Document;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.ImmutableEpisode;
import org.perfspecs.model.Party;
import org.perfspecs.model.ServiceType;
import org.perfspecs.model.Topic;

/**
 * Building blocks shared by the {@code IOP} scenario generators: admitted IOP records, documents
 * with chosen content, attendance and other contacts, instants placed on a given day, and the
 * planning deadline (end of the first business day after the day of admission).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class IopCases {
  /** The service. */
  public static final ServiceType IOP = ServiceType.IOP;

  /** A provisional or full treatment plan. */
  public static final List<DocumentKind> TREATMENT_PLANS = List.of(DocumentKind.PROVISIONAL_TREATMENT_PLAN,
      DocumentKind.TREATMENT_PLAN);

  /** Contact kinds that are attendance at the program when the member takes part in person or by telehealth. */
  public static final List<ContactKind> ATTENDANCE_KINDS = List.of(ContactKind.PROGRAM_DAY, ContactKind.INDIVIDUAL,
      ContactKind.GROUP, ContactKind.FAMILY, ContactKind.EDUCATION, ContactKind.MEDICATION_MANAGEMENT,
      ContactKind.PEER_SUPPORT, ContactKind.ADJUNCTIVE_THERAPY);

  /** Contact kinds that are never attendance (work without the member, attempts, meetings). */
  public static final List<ContactKind> NON_ATTENDANCE_KINDS = List.of(ContactKind.OUTREACH_ATTEMPT,
      ContactKind.CASE_RELATED_WORK, ContactKind.TEAM_MEETING, ContactKind.TRANSPORTATION);

  private IopCases() {}

  /**
   * An open IOP episode admitted at any instant (see {@link Cases#admitted}); the member may be
   * pregnant or postpartum, which no IOP requirement reads.
   */
  public static Arbitrary<CaseRecord> admitted() {
    return Arbitraries.oneOf(Cases.admitted(IOP), Cases.admittedPregnantOrPostpartum(IOP));
  }

  /** As {@link #admitted}, discharged 0 to 25 days after admission or not. */
  public static Arbitrary<CaseRecord> admittedMaybeDischarged() {
    return Combinators.combine(admitted(), Arbitraries.of(true, false), Cases.upTo(Duration.ofDays(25)))
        .as((rec, leaves, stay) -> leaves ? Cases.discharged(rec, admission(rec).plus(stay)) : rec);
  }

  /** The date of admission. */
  public static LocalDate admissionDate(CaseRecord rec) {
    return dateOf(admission(rec));
  }

  /** The planning deadline: the end of the first business day after the day of admission. */
  public static Instant planningDeadline(CaseRecord rec) {
    return Cases.endOfBusinessDay(admission(rec), 1);
  }

  /** The later of two instants. */
  public static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** The first instant of {@code day}, or {@code notBefore} when that is later. */
  public static Instant onOrAfter(LocalDate day, Instant notBefore) {
    return max(Cases.startOfDay(day), notBefore);
  }

  /**
   * A whole-minute instant on {@code day}, not before {@code notBefore} (which must not be after
   * the day), placed at {@code permille} thousandths of what is left of the day.
   */
  public static Instant instantOn(LocalDate day, Instant notBefore, int permille) {
    Instant from = onOrAfter(day, notBefore);
    Instant last = Cases.startOfDay(day.plusDays(1)).minus(Duration.ofMinutes(1));
    long minutes = Math.max(0, Duration.between(from, last).toMinutes());
    return from.plus(Duration.ofMinutes(minutes * permille / 1000));
  }

  /** The whole-minute instant {@code permille} thousandths of the way from {@code from} to {@code to}. */
  public static Instant fraction(Instant from, Instant to, int permille) {
    long minutes = Math.max(0, Duration.between(from, to).toMinutes());
    return from.plus(Duration.ofMinutes(minutes * permille / 1000));
  }

  /** The last whole minute of {@code day}. */
  public static Instant lastMinuteOf(LocalDate day) {
    return Cases.startOfDay(day.plusDays(1)).minus(Duration.ofMinutes(1));
  }

  /** Thousandths, for {@link #fraction} and {@link #instantOn}; both bounds are edge cases. */
  public static Arbitrary<Integer> permille() {
    return Arbitraries.integers().between(0, 1000);
  }

  /** Zero to {@code max} whole minutes after {@code t}. */
  public static Arbitrary<Instant> after(Instant t, Duration max) {
    return Cases.atOrAfter(t, max);
  }

  /** Instants from {@code from} to {@code to} inclusive, whole minutes after {@code from}. */
  public static Arbitrary<Instant> between(Instant from, Instant to) {
    return Cases.upTo(Duration.between(from, to)).map(from::plus);
  }

  /** A document of {@code kind} dated {@code date} covering {@code elements}. */
  public static Document document(String id, DocumentKind kind, LocalDate date, Set<ContentElement> elements) {
    return Document.builder().id(id).kind(kind).date(date).elements(elements).build();
  }

  /** {@code rec} with {@code docs} added to its documents. */
  public static CaseRecord withDocuments(CaseRecord rec, List<Document> docs) {
    return withEpisode(rec, e -> ImmutableEpisode.copyOf(e).withDocuments(concat(e.documents(), docs)));
  }

  /** {@code rec} with {@code contacts} added to its contacts. */
  public static CaseRecord withContacts(CaseRecord rec, List<Contact> contacts) {
    return withEpisode(rec, e -> ImmutableEpisode.copyOf(e).withContacts(concat(e.contacts(), contacts)));
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** Any subset of the content elements other than {@code excluded}. */
  public static Arbitrary<Set<ContentElement>> elementsExcept(ContentElement... excluded) {
    Set<ContentElement> others = EnumSet.allOf(ContentElement.class);
    others.removeAll(Arrays.asList(excluded));
    return Arbitraries.of(others).set().ofMaxSize(6);
  }

  /** Any subset of the content elements that contains {@code required}. */
  public static Arbitrary<Set<ContentElement>> elementsWith(ContentElement required) {
    return elementsExcept().map(s -> {
      Set<ContentElement> with = s.isEmpty() ? EnumSet.noneOf(ContentElement.class) : EnumSet.copyOf(s);
      with.add(required);
      return with;
    });
  }

  /** One of {@code kinds}. */
  public static Arbitrary<DocumentKind> kindOf(List<DocumentKind> kinds) {
    return Arbitraries.of(kinds);
  }

  /** The document kinds other than {@code kinds}. */
  public static List<DocumentKind> kindsOtherThan(List<DocumentKind> kinds) {
    Set<DocumentKind> others = EnumSet.allOf(DocumentKind.class);
    others.removeAll(kinds);
    return List.copyOf(others);
  }

  /**
   * One to {@code max} documents of {@code kinds} dated {@code from} to {@code from + days},
   * each covering elements drawn from {@code elements}; ids {@code prefix-1}, ... in date order.
   */
  public static Arbitrary<List<Document>> documents(String prefix, List<DocumentKind> kinds, LocalDate from, int days,
      Arbitrary<Set<ContentElement>> elements, int min, int max) {
    Arbitrary<Document> one = Combinators.combine(kindOf(kinds), Arbitraries.integers().between(0, days), elements)
        .as((kind, day, els) -> document("x", kind, from.plusDays(day), els));
    return one.list().ofMinSize(min).ofMaxSize(max).map(list -> renumber(prefix, list));
  }

  /** {@code docs} sorted by date and renamed {@code prefix-1}, {@code prefix-2}, ... in that order. */
  public static List<Document> renumber(String prefix, List<Document> docs) {
    List<Document> sorted = new ArrayList<>(docs);
    sorted.sort(java.util.Comparator.comparing(Document::date));
    List<Document> out = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      out.add(Document.builder().from(sorted.get(i)).id(prefix + "-" + (char) ('a' + i)).build());
    }
    return out;
  }

  /** The latest date of {@code docs}, or {@code otherwise} when there are none. */
  public static LocalDate latest(List<Document> docs, LocalDate otherwise) {
    return docs.stream().map(Document::date).max(LocalDate::compareTo).orElse(otherwise);
  }

  /** A contact; TEXT contacts last zero minutes. */
  public static Contact contact(String id, ContactKind kind, ContactMode mode, Instant at, boolean engaged,
      Set<Party> parties, Set<Topic> topics) {
    return Contact.builder().id(id).kind(kind).mode(mode).at(at).minutes(mode == ContactMode.TEXT ? 0 : 45)
        .memberEngaged(engaged).parties(parties).topics(topics).build();
  }

  /** An attendance contact at {@code at}: an attendance kind, in person or telehealth, the member engaged. */
  public static Contact attendance(String id, Instant at, Random random) {
    ContactKind kind = ATTENDANCE_KINDS.get(random.nextInt(ATTENDANCE_KINDS.size()));
    ContactMode mode = random.nextBoolean() ? ContactMode.IN_PERSON : ContactMode.TELEHEALTH;
    return contact(id, kind, mode, at, true, Set.of(), Set.of());
  }

  /**
   * A contact at {@code at} that is not attendance: the member not engaged, or by phone or text, or
   * work that is not a session.
   */
  public static Contact nonAttendance(String id, Instant at, Random random) {
    return switch (random.nextInt(3)) {
      case 0 -> contact(id, ATTENDANCE_KINDS.get(random.nextInt(ATTENDANCE_KINDS.size())),
          random.nextBoolean() ? ContactMode.IN_PERSON : ContactMode.TELEHEALTH, at, false, Set.of(), Set.of());
      case 1 -> contact(id, ATTENDANCE_KINDS.get(random.nextInt(ATTENDANCE_KINDS.size())),
          random.nextBoolean() ? ContactMode.PHONE : ContactMode.TEXT, at, true, Set.of(), Set.of());
      default -> contact(id, NON_ATTENDANCE_KINDS.get(random.nextInt(NON_ATTENDANCE_KINDS.size())),
          ContactMode.IN_PERSON, at, random.nextBoolean(), Set.of(), Set.of());
    };
  }
}

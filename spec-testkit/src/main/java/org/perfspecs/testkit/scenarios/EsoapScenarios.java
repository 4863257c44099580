package org.perfspecs.testkit.scenarios;

import static org.perfspecs.testkit.scenarios.Cases.admission;
import static org.perfspecs.testkit.scenarios.Cases.dateOf;
import static org.perfspecs.testkit.scenarios.Cases.withEpisode;
import static org.perfspecs.testkit.scenarios.EsoapCases.DAY;
import static org.perfspecs.testkit.scenarios.EsoapCases.addContacts;
import static org.perfspecs.testkit.scenarios.EsoapCases.addDocument;
import static org.perfspecs.testkit.scenarios.EsoapCases.addReferral;
import static org.perfspecs.testkit.scenarios.EsoapCases.appointment;
import static org.perfspecs.testkit.scenarios.EsoapCases.appointmentOf;
import static org.perfspecs.testkit.scenarios.EsoapCases.contact;
import static org.perfspecs.testkit.scenarios.EsoapCases.contactOf;
import static org.perfspecs.testkit.scenarios.EsoapCases.document;
import static org.perfspecs.testkit.scenarios.EsoapCases.documentOf;
import static org.perfspecs.testkit.scenarios.EsoapCases.fraction;
import static org.perfspecs.testkit.scenarios.EsoapCases.fromNextDay;
import static org.perfspecs.testkit.scenarios.EsoapCases.notShownInStay;
import static org.perfspecs.testkit.scenarios.EsoapCases.shownInStay;
import static org.perfspecs.testkit.scenarios.EsoapCases.on;
import static org.perfspecs.testkit.scenarios.EsoapCases.provider;
import static org.perfspecs.testkit.scenarios.EsoapCases.referralTo;
import static org.perfspecs.testkit.scenarios.EsoapCases.sameDayFrom;
import static org.perfspecs.testkit.scenarios.EsoapCases.subsetsWithout;
import static org.perfspecs.testkit.scenarios.EsoapCases.withCounselingNeeds;
import static org.perfspecs.testkit.scenarios.EsoapCases.withMember;
import static org.perfspecs.testkit.scenarios.EsoapCases.withServiceNeeds;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.apiguardian.api.API;
import org.perfspecs.model.AppointmentKind;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Consultation;
import org.perfspecs.model.ConsultationKind;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.ContactMode;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.ImmutableEpisode;
import org.perfspecs.model.ImmutableMember;
import org.perfspecs.model.Party;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ReferralOutcome;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.ServiceType;
import org.perfspecs.model.Topic;
import org.perfspecs.testkit.scenarios.EsoapCases.Fact;

/**
 * Scenario generators for the episode requirements of {@code ESOAP}. Every requirement but DEF.1
 * applies to a member pregnant or postpartum at admission; its NOT_APPLICABLE scenarios include a
 * member who is neither (with the facts that would otherwise meet it).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class EsoapScenarios implements ScenarioSource {
  private static final ServiceType ESOAP = ServiceType.ESOAP;
  private static final Duration H48 = Duration.ofHours(48);
  private static final Duration MONTH = Duration.ofDays(30);

  @Override
  public String specification() {
    return "ESOAP";
  }

  @Override
  public void register(Registrar r) {
    pregnantOrPostpartum(r);
    consultationsWithin48Hours(r);
    dailyHealthEducation(r);
    communityTransportation(r);
    directTransportation(r);
    pccAppointmentForPhysical(r);
    obstetricReferral(r);
    obstetricVisitFollowUp(r);
    walkInAppointments(r);
    testingEncouragement(r);
    issuesCovered(r);
    developedInConsultation(r);
    obstetricReferralOnAdmission(r);
    stableSafeLiving(r);
    connectionsAtDischarge(r);
    communityReferrals(r);
    linkingAssistance(r);
  }

  /** DEF.1 "provided to members who are pregnant or postpartum", judged on the date of admission. */
  private static void pregnantOrPostpartum(Registrar r) {
    String id = "ESOAP.DEF.1";
    r.meeting(id, Combinators.combine(Cases.admittedPregnantOrPostpartum(ESOAP), Cases.upTo(MONTH))
        .as((rec, asOf) -> Case.of(rec, admission(rec).plus(asOf))));
    r.violating(id, Combinators.combine(Cases.admittedNeitherPregnantNorPostpartum(ESOAP), Cases.upTo(MONTH))
        .as((rec, asOf) -> Case.of(rec, admission(rec).plus(asOf))));
    // A referral not admitted yet (pregnant or not): no admission to judge.
    r.notApplicable(id, Cases.notYetAdmitted(Arbitraries.oneOf(Cases.admittedPregnantOrPostpartum(ESOAP),
        Cases.admittedNeitherPregnantNorPostpartum(ESOAP))));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  /**
   * COMP.4.2 "arranges all necessary medical and obstetric consultations within 48 hours of
   * admission", for members pregnant or postpartum at admission. "Necessary": a kind the record
   * states was assessed as not necessary (by the as-of) is not required; without that statement
   * both are.
   */
  private static void consultationsWithin48Hours(Registrar r) {
    String id = "ESOAP.COMP.4.2";
    Arbitrary<CaseRecord> admitted = Cases.admittedPregnantOrPostpartum(ESOAP);
    Arbitrary<Case> both = Combinators.combine(admitted, Cases.upTo(H48), Cases.upTo(H48), Cases.upTo(MONTH))
        .as((rec, medical, obstetric, wait) -> {
          Instant a = admission(rec);
          Instant later = a.plus(medical.compareTo(obstetric) > 0 ? medical : obstetric);
          return Case.of(consulted(rec, a.plus(medical), a.plus(obstetric)), later.plus(wait));
        });
    // One kind assessed as not necessary (at any time by the as-of); the other arranged in time.
    Arbitrary<Case> oneNecessary = Combinators.combine(admitted, Cases.upTo(H48), Cases.upTo(H48), Cases.upTo(MONTH),
            Arbitraries.of(ConsultationKind.MEDICAL, ConsultationKind.OBSTETRIC))
        .as((rec, arranged, assessed, wait, waived) -> {
          Instant a = admission(rec);
          ConsultationKind needed = waived == ConsultationKind.MEDICAL ? ConsultationKind.OBSTETRIC : ConsultationKind.MEDICAL;
          Instant asOf = a.plus(arranged.compareTo(assessed) > 0 ? arranged : assessed).plus(wait);
          return Case.of(withEpisode(rec, e -> ImmutableEpisode.copyOf(e).withConsultations(consultation(needed, a.plus(arranged)))
              .withNecessityDeterminations(notNecessary("nd", waived, a.plus(assessed)))), asOf);
        });
    r.meeting(id, Arbitraries.oneOf(both, oneNecessary));
    // One of the two arranged after 48 hours (the other at any time up to 10 days), judged once
    // both are arranged; or one never arranged, judged after the 48 hours.
    Arbitrary<Case> late = Combinators.combine(admitted, Cases.longerThan(H48, Duration.ofDays(10)),
            Cases.upTo(Duration.ofDays(10)), Arbitraries.of(true, false), Cases.upTo(MONTH))
        .as((rec, lateBy, otherBy, medicalLate, wait) -> {
          Instant a = admission(rec);
          Instant lateAt = a.plus(lateBy);
          Instant otherAt = a.plus(otherBy);
          CaseRecord c = medicalLate ? consulted(rec, lateAt, otherAt) : consulted(rec, otherAt, lateAt);
          return Case.of(c, (lateAt.isAfter(otherAt) ? lateAt : otherAt).plus(wait));
        });
    Arbitrary<Case> missing = Combinators.combine(admitted, Cases.upTo(H48), Arbitraries.of(true, false),
            Cases.longerThan(H48, MONTH))
        .as((rec, by, onlyMedical, asOf) -> {
          Instant a = admission(rec);
          Consultation only = consultation(onlyMedical ? ConsultationKind.MEDICAL : ConsultationKind.OBSTETRIC, a.plus(by));
          return Case.of(withEpisode(rec, e -> ImmutableEpisode.copyOf(e).withConsultations(only)), a.plus(asOf));
        });
    r.violating(id, Arbitraries.oneOf(late, missing));
    // Neither arranged yet (or only one), judged within the 48 hours.
    r.pending(id, Combinators.combine(admitted, Cases.upTo(H48), Arbitraries.of(ConsultationKind.MEDICAL,
            ConsultationKind.OBSTETRIC, ConsultationKind.PSYCHIATRIC))
        .as((rec, asOf, kind) -> {
          Instant a = admission(rec);
          return Case.of(withEpisode(rec, e -> ImmutableEpisode.copyOf(e).withConsultations(consultation(kind, a))),
              a.plus(asOf));
        }));
    // Not pregnant or postpartum at admission: not applicable, whatever the consultations; or both
    // kinds assessed as not necessary by the as-of.
    Arbitrary<Case> neitherNecessary = Combinators.combine(admitted, Cases.upTo(H48), Cases.upTo(H48), Cases.upTo(MONTH))
        .as((rec, medical, obstetric, wait) -> {
          Instant a = admission(rec);
          Instant asOf = a.plus(medical.compareTo(obstetric) > 0 ? medical : obstetric).plus(wait);
          return Case.of(withEpisode(rec, e -> ImmutableEpisode.copyOf(e).withNecessityDeterminations(
              notNecessary("nd-med", ConsultationKind.MEDICAL, a.plus(medical)),
              notNecessary("nd-ob", ConsultationKind.OBSTETRIC, a.plus(obstetric)))), asOf);
        });
    r.notApplicable(id, Arbitraries.oneOf(neitherNecessary,
        Combinators.combine(Cases.admittedNeitherPregnantNorPostpartum(ESOAP), Cases.upTo(MONTH))
            .as((rec, asOf) -> Case.of(rec, admission(rec).plus(asOf)))));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  private static org.perfspecs.model.NecessityDetermination notNecessary(String id, ConsultationKind kind, Instant at) {
    return org.perfspecs.model.NecessityDetermination.builder().id(id).consultation(kind).necessary(false)
        .assessedBy("s-1").at(at).build();
  }

  // ---- shared shapes -------------------------------------------------------------------------

  private static Arbitrary<CaseRecord> pregnant() {
    return Cases.admittedPregnantOrPostpartum(ESOAP);
  }

  private static Arbitrary<CaseRecord> notPregnant() {
    return Cases.admittedNeitherPregnantNorPostpartum(ESOAP);
  }

  /** Records unchanged: the condition beyond pregnancy is the default record's. */
  private static Arbitrary<CaseRecord> same(CaseRecord rec) {
    return Arbitraries.just(rec);
  }

  /**
   * An obligation stated without a deadline, judged over the stay so far. {@code setup} makes a
   * pregnant or postpartum member's record meet the requirement's condition, {@code outside}
   * makes it miss it. MET once one of {@code shown} is recorded at or before the as-of time;
   * NOT_MET with none, with only one of {@code misses} (alike but not what the text asks), or
   * with the fact recorded after the as-of (it has not happened yet); NOT_APPLICABLE for a member
   * neither pregnant nor postpartum at admission (the fact maybe shown) or outside the condition
   * (a near miss maybe recorded).
   */
  private static void shownDuringStay(Registrar r, String id, Function<CaseRecord, Arbitrary<CaseRecord>> setup,
      Function<CaseRecord, Arbitrary<CaseRecord>> outside, List<Fact> shown, List<Fact> misses) {
    Arbitrary<CaseRecord> applicable = pregnant().flatMap(setup);
    List<Fact> extras = new ArrayList<>(misses);
    extras.add((rec, at) -> rec);
    r.meeting(id, shownInStay(applicable, shown, extras));
    List<Arbitrary<Case>> violating = notShownInStay(applicable, shown, misses);
    r.violating(id, Arbitraries.oneOf(violating));
    Arbitrary<Case> notPregnant = Combinators.combine(notPregnant().flatMap(setup), Arbitraries.of(extrasWith(shown)),
            Cases.upTo(MONTH), Cases.upTo(MONTH))
        .as((rec, fact, at, wait) -> {
          Instant t = admission(rec).plus(at);
          return Case.of(fact.add(rec, t), t.plus(wait));
        });
    Arbitrary<Case> notNeeded = Combinators.combine(pregnant().flatMap(outside), Arbitraries.of(extras),
            Cases.upTo(MONTH), Cases.upTo(MONTH))
        .as((rec, fact, at, wait) -> {
          Instant t = admission(rec).plus(at);
          return Case.of(fact.add(rec, t), t.plus(wait));
        });
    r.notApplicable(id, Arbitraries.oneOf(notPregnant, notNeeded));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  private static List<Fact> extrasWith(List<Fact> facts) {
    List<Fact> all = new ArrayList<>(facts);
    all.add((rec, at) -> rec);
    return all;
  }

  /** The service need marked, with up to two others. */
  private static Function<CaseRecord, Arbitrary<CaseRecord>> needing(ServiceCategory need) {
    return rec -> subsetsWithout(ServiceCategory.class, 2, Set.of(need)).map(others -> {
      Set<ServiceCategory> needs = EnumSet.of(need);
      needs.addAll(others);
      return withServiceNeeds(rec, needs);
    });
  }

  /** Up to three service needs, none of them {@code need}. */
  private static Function<CaseRecord, Arbitrary<CaseRecord>> notNeeding(ServiceCategory need) {
    return rec -> subsetsWithout(ServiceCategory.class, 3, Set.of(need)).map(needs -> withServiceNeeds(rec, needs));
  }

  // ---- COMP.4.3 ------------------------------------------------------------------------------

  private static final List<ContactKind> ATTENDANCE = List.of(ContactKind.PROGRAM_DAY, ContactKind.GROUP,
      ContactKind.INDIVIDUAL, ContactKind.FAMILY, ContactKind.EDUCATION);
  /** What the text names: prenatal and postpartum care, HIV/AIDS and other health-related issues. */
  private static final List<Topic> HEALTH_TOPICS = List.of(Topic.PRENATAL_CARE, Topic.POSTPARTUM_CARE, Topic.HIV_AIDS,
      Topic.OTHER_HEALTH_ISSUES, Topic.HEPATITIS, Topic.SEXUALLY_TRANSMITTED_INFECTIONS, Topic.NUTRITION);
  /** Topics that are not health education. */
  private static final List<Topic> OTHER_TOPICS = List.of(Topic.BUDGETING, Topic.ACCESS_TO_RESOURCES,
      Topic.DAILY_LIVING_SKILLS, Topic.WELLNESS_PLAN_GOALS);

  /** One attended session: when (after admission), what kind, how, and (for education) its topic. */
  private record Visit(Duration after, ContactKind kind, ContactMode mode, Topic topic) {}

  private static Arbitrary<Visit> visits(Duration within, List<Topic> topics) {
    return Combinators.combine(Cases.upTo(within), Arbitraries.of(ATTENDANCE),
        Arbitraries.of(ContactMode.IN_PERSON, ContactMode.PHONE), Arbitraries.of(topics)).as(Visit::new);
  }

  /** Health education sessions, one per visit (the member engaged, not by text). */
  private static List<Contact> sessions(Instant admitted, List<Visit> visits) {
    List<Contact> out = new ArrayList<>();
    for (int i = 0; i < visits.size(); i++) {
      Visit v = visits.get(i);
      out.add(contact("session-" + i, admitted.plus(v.after()), v.kind(), v.mode(), true, v.topic()));
    }
    return out;
  }

  private static Instant last(Instant admitted, List<Visit> visits) {
    return visits.stream().map(v -> admitted.plus(v.after())).max(Instant::compareTo).orElse(admitted);
  }

  /** Contacts that make no day of attendance: by text, the member not engaged, or not a program activity. */
  private static Arbitrary<Contact> noAttendance(String id, Instant at) {
    return Arbitraries.oneOf(
        Combinators.combine(Arbitraries.of(ATTENDANCE), Arbitraries.of(HEALTH_TOPICS))
            .as((kind, topic) -> contact(id, at, kind, ContactMode.TEXT, true, topic)),
        Combinators.combine(Arbitraries.of(ATTENDANCE), Arbitraries.of(OTHER_TOPICS))
            .as((kind, topic) -> contact(id, at, kind, ContactMode.IN_PERSON, false, topic)),
        Arbitraries.of(ContactKind.OUTREACH_ATTEMPT, ContactKind.TRANSPORTATION, ContactKind.CASE_RELATED_WORK)
            .map(kind -> contact(id, at, kind, ContactMode.PHONE, false)));
  }

  /** Attendance without education: the member engaged in a program activity about something else. */
  private static Arbitrary<Contact> attendanceOnly(String id, Instant at) {
    return visits(Duration.ZERO, OTHER_TOPICS).map(v -> contact(id, at, v.kind(), v.mode(), true, v.topic()));
  }

  /**
   * COMP.4.3 "at minimum one session per day that provides education and counseling on prenatal
   * and postpartum care, HIV/AIDS, and other health-related issues": each day of attendance.
   */
  private static void dailyHealthEducation(Registrar r) {
    String id = "ESOAP.COMP.4.3";
    Duration twentyDays = Duration.ofDays(20);
    // Every day attended had a session (sometimes with other attendance that day, and contacts
    // that are no attendance); open or discharged after the last session.
    r.meeting(id, Combinators.combine(pregnant(), visits(twentyDays, HEALTH_TOPICS).list().ofMinSize(1).ofMaxSize(4),
            Arbitraries.of(true, false), Cases.upTo(twentyDays), Cases.upTo(MONTH), Arbitraries.of(true, false),
            Cases.upTo(Duration.ofDays(3)))
        .flatAs((rec, visits, plain, noiseAt, wait, discharge, stay) -> {
          Instant a = admission(rec);
          Instant lastSession = last(a, visits);
          return Combinators.combine(attendanceOnly("plain", a.plus(visits.get(0).after())), noAttendance("noise", a.plus(noiseAt)))
              .as((p, noise) -> {
                List<Contact> contacts = new ArrayList<>(sessions(a, visits));
                if (plain) {
                  contacts.add(p);
                }
                contacts.add(noise);
                CaseRecord c = addContacts(rec, contacts);
                return Case.of(discharge ? Cases.discharged(c, lastSession.plus(stay)) : c, lastSession.plus(wait));
              });
        }));
    // A later day attended without a session: today of an open episode is pending until its end.
    Arbitrary<Day> days = Combinators.combine(pregnant(), visits(Duration.ofDays(10), HEALTH_TOPICS).list().ofMaxSize(3),
            Arbitraries.integers().between(1, 5), Arbitraries.integers().between(0, 24 * 60 - 1))
        .flatAs((rec, visits, k, minute) -> {
          Instant a = admission(rec);
          Instant at = on(dateOf(last(a, visits)).plusDays(k), minute);
          return attendanceOnly("plain", at).map(p -> {
            List<Contact> contacts = new ArrayList<>(sessions(a, visits));
            contacts.add(p);
            return new Day(addContacts(rec, contacts), at);
          });
        });
    r.pending(id, days.flatMap(d -> sameDayFrom(d.at()).map(asOf -> Case.of(d.record(), asOf))));
    // That day has ended, or the member was discharged (the same day or later).
    r.violating(id, Combinators.combine(days, Arbitraries.of(true, false), Cases.upTo(Duration.ofHours(30)),
            Cases.upTo(MONTH))
        .flatAs((d, discharge, stay, wait) -> discharge
            ? Arbitraries.just(Case.of(Cases.discharged(d.record(), d.at().plus(stay)), d.at().plus(stay).plus(wait)))
            : fromNextDay(d.at(), MONTH).map(asOf -> Case.of(d.record(), asOf))));
    // Neither pregnant nor postpartum (days without sessions), or no day of attendance yet.
    Arbitrary<Case> notPregnant = Combinators.combine(notPregnant(), Cases.upTo(twentyDays), Cases.upTo(MONTH))
        .flatAs((rec, at, wait) -> attendanceOnly("plain", admission(rec).plus(at))
            .map(p -> Case.of(addContacts(rec, List.of(p)), admission(rec).plus(at).plus(wait))));
    Arbitrary<Case> noDay = Combinators.combine(pregnant(), Cases.upTo(twentyDays), Cases.upTo(MONTH))
        .flatAs((rec, at, wait) -> noAttendance("noise", admission(rec).plus(at))
            .map(n -> Case.of(addContacts(rec, List.of(n)), admission(rec).plus(wait))));
    r.notApplicable(id, Arbitraries.oneOf(notPregnant, noDay));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES);
  }

  /** A record with a day attended without a health education session, and when. */
  private record Day(CaseRecord record, Instant at) {}

  // ---- COMP.5, 6 -----------------------------------------------------------------------------

  /** COMP.5.a "assists members with arranging and/or utilizing community-based transportation resources", when needed. */
  private static void communityTransportation(Registrar r) {
    shownDuringStay(r, "ESOAP.COMP.5.a", needing(ServiceCategory.TRANSPORTATION), notNeeding(ServiceCategory.TRANSPORTATION),
        List.of(referralTo("shown", ServiceCategory.TRANSPORTATION),
            documentOf("shown", DocumentKind.TRANSPORTATION_ASSISTANCE_NOTE)),
        List.of(referralTo("miss", ServiceCategory.HOUSING), documentOf("miss", DocumentKind.PROGRESS_NOTE)));
  }

  /** COMP.5.b "best effort to directly provide transportation to essential appointments", when needed. */
  private static void directTransportation(Registrar r) {
    shownDuringStay(r, "ESOAP.COMP.5.b", needing(ServiceCategory.TRANSPORTATION), notNeeding(ServiceCategory.TRANSPORTATION),
        List.of(contactOf("shown", ContactKind.TRANSPORTATION, ContactMode.IN_PERSON, true)),
        List.of(referralTo("miss", ServiceCategory.TRANSPORTATION),
            contactOf("miss", ContactKind.CASE_MANAGEMENT, ContactMode.IN_PERSON, true)));
  }

  /**
   * COMP.6.a "If the member has not undergone a complete physical examination within the past six
   * months, ... assisting the member in scheduling an appointment with their PCC": a member with
   * a PCC and no exam from six months before the admission date through it.
   */
  private static void pccAppointmentForPhysical(Registrar r) {
    Function<CaseRecord, Arbitrary<CaseRecord>> noRecentExam = rec -> Arbitraries.integers().between(-1, 1000)
        .map(n -> withMember(rec, m -> {
          ImmutableMember withPcc = ImmutableMember.copyOf(m).withPrimaryCareClinician(provider("PCC"));
          return n < 0 ? withPcc : withPcc.withLastCompletePhysicalExam(dateOf(admission(rec)).minusMonths(6).minusDays(1 + n));
        }));
    // No PCC (whatever the exam), or an exam within the six months (both ends included).
    Function<CaseRecord, Arbitrary<CaseRecord>> recentExamOrNoPcc = rec -> Combinators.combine(Arbitraries.of(true, false),
            Arbitraries.integers().between(0, 200))
        .as((hasPcc, n) -> withMember(rec, m -> {
          LocalDate admitted = dateOf(admission(rec));
          LocalDate from = admitted.minusMonths(6);
          long span = java.time.temporal.ChronoUnit.DAYS.between(from, admitted);
          if (!hasPcc) {
            return n % 2 == 0 ? m : ImmutableMember.copyOf(m).withLastCompletePhysicalExam(admitted.minusDays(n * 5L));
          }
          return ImmutableMember.copyOf(m).withPrimaryCareClinician(provider("PCC"))
              .withLastCompletePhysicalExam(n == 0 ? from : n == 1 ? admitted : from.plusDays(n % (span + 1)));
        }));
    shownDuringStay(r, "ESOAP.COMP.6.a", noRecentExam, recentExamOrNoPcc,
        List.of(appointmentOf("shown", AppointmentKind.PRIMARY_CARE, true), appointmentOf("shown", AppointmentKind.PHYSICAL_EXAM, true)),
        List.of(appointmentOf("miss", AppointmentKind.PRIMARY_CARE, false), appointmentOf("miss", AppointmentKind.DENTAL, true)));
  }

  private static Arbitrary<CaseRecord> withObstetricProvider(CaseRecord rec) {
    return Arbitraries.just(withMember(rec, m -> ImmutableMember.copyOf(m).withObstetricProvider(provider("OB"))));
  }

  /** COMP.6.c "If the member does not have an OB/GYN, midwife, or other obstetric health care provider, ... must refer them to one." */
  private static void obstetricReferral(Registrar r) {
    shownDuringStay(r, "ESOAP.COMP.6.c", EsoapScenarios::same, EsoapScenarios::withObstetricProvider,
        List.of(referralTo("shown", ServiceCategory.OBSTETRIC_PROVIDER)),
        List.of(referralTo("miss", ServiceCategory.PCC), referralTo("miss", ServiceCategory.PEDIATRICS)));
  }

  /** COMP.6.d "When needed, ... assists members in making appointments at local walk-in medical service centers." */
  private static void walkInAppointments(Registrar r) {
    shownDuringStay(r, "ESOAP.COMP.6.d", needing(ServiceCategory.WALK_IN_MEDICAL), notNeeding(ServiceCategory.WALK_IN_MEDICAL),
        List.of(appointmentOf("shown", AppointmentKind.WALK_IN_MEDICAL, true), referralTo("shown", ServiceCategory.WALK_IN_MEDICAL)),
        List.of(appointmentOf("miss", AppointmentKind.WALK_IN_MEDICAL, false), referralTo("miss", ServiceCategory.PCC)));
  }

  private static final Topic[] TESTS = {Topic.HIV_TESTING, Topic.SYPHILIS_TESTING, Topic.HEPATITIS_B_TESTING,
      Topic.HEPATITIS_C_TESTING, Topic.CHLAMYDIA_TESTING, Topic.GONORRHEA_TESTING, Topic.PAP_TESTING};

  /**
   * COMP.6.e "When indicated, ... encourages the member to undergo HIV, syphilis, hepatitis B and C,
   * chlamydia, gonorrhea, and PAP testing": one requirement per test, indicated by its own mark
   * (or, for the six infectious-disease tests, the infectious-disease testing mark); encouraged in a
   * contact with the member engaged (or, infectious diseases, by a referral for that testing).
   */
  private static void testingEncouragement(Registrar r) {
    for (int n = 1; n <= TESTS.length; n++) {
      Topic test = TESTS[n - 1];
      Topic other = TESTS[n % TESTS.length];
      boolean infectious = test != Topic.PAP_TESTING;
      Set<Topic> marks = infectious ? EnumSet.of(test, Topic.INFECTIOUS_DISEASE_TESTING) : EnumSet.of(test);
      Function<CaseRecord, Arbitrary<CaseRecord>> indicated = rec -> Combinators.combine(
              Arbitraries.of(marks).set().ofMinSize(1), subsetsWithout(Topic.class, 2, marks))
          .as((marked, others) -> {
            Set<Topic> needs = EnumSet.copyOf(marked);
            needs.addAll(others);
            return withCounselingNeeds(rec, needs);
          });
      Function<CaseRecord, Arbitrary<CaseRecord>> notIndicated = rec -> subsetsWithout(Topic.class, 3, marks)
          .map(needs -> withCounselingNeeds(rec, needs));
      List<Fact> shown = new ArrayList<>(List.of(contactOf("shown", ContactKind.INDIVIDUAL, ContactMode.IN_PERSON, true, test),
          contactOf("shown", ContactKind.GROUP, ContactMode.PHONE, true, test, Topic.RECOVERY)));
      List<Fact> misses = new ArrayList<>(List.of(contactOf("miss", ContactKind.INDIVIDUAL, ContactMode.IN_PERSON, false, test),
          contactOf("miss", ContactKind.INDIVIDUAL, ContactMode.IN_PERSON, true, other)));
      if (infectious) {
        shown.add(contactOf("shown", ContactKind.EDUCATION, ContactMode.IN_PERSON, true, Topic.INFECTIOUS_DISEASE_TESTING));
        shown.add(referralTo("shown", ServiceCategory.HIV_HEPATITIS_STI_TESTING));
      } else {
        misses.add(contactOf("miss", ContactKind.EDUCATION, ContactMode.IN_PERSON, true, Topic.INFECTIOUS_DISEASE_TESTING));
        misses.add(referralTo("miss", ServiceCategory.HIV_HEPATITIS_STI_TESTING));
      }
      shownDuringStay(r, "ESOAP.COMP.6.e." + n, indicated, notIndicated, shown, misses);
    }
  }

  /**
   * COMP.6.c.1 "If a patient consents to the E-SOAP referring them to an obstetric healthcare
   * provider, the E-SOAP must also follow-up to ensure patient attends their scheduled visit":
   * a follow-up recorded; pending until the end of the day of the booked visit.
   */
  private static void obstetricVisitFollowUp(Registrar r) {
    String id = "ESOAP.COMP.6.c.1";
    Duration tenDays = Duration.ofDays(10);
    // Followed up (a visit maybe booked), with an unconsented referral left alone.
    r.meeting(id, Combinators.combine(pregnant(), Cases.upTo(tenDays), Cases.upTo(tenDays), Cases.upTo(MONTH),
            Arbitraries.of(true, false), Arbitraries.of(true, false))
        .as((rec, at, followUp, wait, visit, unconsented) -> {
          Instant referred = admission(rec).plus(at);
          Instant followed = referred.plus(followUp);
          CaseRecord c = addReferral(rec, obstetric("ob-1", referred, true, Optional.of(followed)));
          if (visit) {
            c = EsoapCases.addAppointment(c, appointment("visit", AppointmentKind.OBSTETRIC, referred, followed.plus(DAY), true));
          }
          if (unconsented) {
            c = addReferral(c, obstetric("ob-2", referred, false, Optional.empty()));
          }
          return Case.of(c, followed.plus(wait));
        }));
    // A visit booked, not yet over by its day's end; a follow-up, if any, recorded later.
    Arbitrary<Visited> visited = Combinators.combine(pregnant(), Cases.upTo(tenDays), Cases.upTo(Duration.ofDays(3)),
            Cases.upTo(Duration.ofDays(20)), Arbitraries.of(AppointmentKind.OBSTETRIC, AppointmentKind.PRENATAL, AppointmentKind.POSTPARTUM))
        .as((rec, at, booking, until, kind) -> {
          Instant referred = admission(rec).plus(at);
          Instant booked = referred.plus(booking);
          Instant visit = booked.plus(until);
          return new Visited(EsoapCases.addAppointment(rec, appointment("visit", kind, booked, visit, true)), referred, booked, visit);
        });
    r.pending(id, Combinators.combine(visited, Arbitraries.of(true, false), Cases.upTo(Duration.ofDays(5)))
        .flatAs((v, followedLater, later) -> EsoapCases.between(v.booked(), Cases.endOfDay(dateOf(v.visit())))
            .map(asOf -> Case.of(addReferral(v.record(), obstetric("ob-1", v.referred(), true,
                followedLater ? Optional.of(Cases.endOfDay(dateOf(v.visit())).plus(later).plusNanos(1)) : Optional.empty())), asOf))));
    // No follow-up and no visit booked; or the visit's day is over without a follow-up.
    Arbitrary<Case> noVisit = Combinators.combine(pregnant(), Cases.upTo(tenDays), Cases.upTo(MONTH))
        .as((rec, at, wait) -> {
          Instant referred = admission(rec).plus(at);
          return Case.of(addReferral(rec, obstetric("ob-1", referred, true, Optional.empty())), referred.plus(wait));
        });
    Arbitrary<Case> visitOver = visited.flatMap(v -> fromNextDay(v.visit(), MONTH)
        .map(asOf -> Case.of(addReferral(v.record(), obstetric("ob-1", v.referred(), true, Optional.empty())), asOf)));
    r.violating(id, Arbitraries.oneOf(noVisit, visitOver));
    // Not pregnant; or the referral was not consented to, or is not made yet.
    Arbitrary<Case> notPregnant = Combinators.combine(notPregnant(), Cases.upTo(tenDays), Cases.upTo(MONTH))
        .as((rec, at, wait) -> {
          Instant referred = admission(rec).plus(at);
          return Case.of(addReferral(rec, obstetric("ob-1", referred, true, Optional.empty())), referred.plus(wait));
        });
    Arbitrary<Case> notConsented = Combinators.combine(pregnant(), Cases.upTo(tenDays), Cases.upTo(MONTH),
            Arbitraries.of(Optional.of(false), Optional.<Boolean>empty()))
        .as((rec, at, wait, consent) -> {
          Instant referred = admission(rec).plus(at);
          Referral ref = Referral.builder().id("ob-1").target(ServiceCategory.OBSTETRIC_PROVIDER).at(referred)
              .memberConsented(consent).build();
          return Case.of(addReferral(rec, ref), referred.plus(wait));
        });
    Arbitrary<Case> notYet = Combinators.combine(pregnant(), Cases.upTo(tenDays))
        .flatAs((rec, at) -> {
          Instant asOf = admission(rec).plus(at);
          return Cases.atOrAfter(asOf.plusSeconds(60), MONTH)
              .map(t -> Case.of(addReferral(rec, obstetric("ob-1", t, true, Optional.empty())), asOf));
        });
    // Consented, then a documented refusal of the referral (or of everything) by the as-of: it stands over the consent.
    Arbitrary<Case> refused = Combinators.combine(pregnant(), Cases.upTo(tenDays), Cases.upTo(MONTH), Arbitraries.of(true, false))
        .as((rec, at, wait, onlyThis) -> {
          Instant referred = admission(rec).plus(at);
          var refusal = org.perfspecs.model.ConsentRefusal.builder().id("refused").at(referred.plus(wait));
          if (onlyThis) {
            refusal.addReferrals(ServiceCategory.OBSTETRIC_PROVIDER);
          }
          CaseRecord c = addReferral(rec, obstetric("ob-1", referred, true, Optional.empty()));
          return Case.of(withEpisode(c, e -> ImmutableEpisode.copyOf(e).withConsentRefusals(refusal.build())),
              referred.plus(wait));
        });
    r.notApplicable(id, Arbitraries.oneOf(notPregnant, notConsented, notYet, refused));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  private record Visited(CaseRecord record, Instant referred, Instant booked, Instant visit) {}

  private static Referral obstetric(String id, Instant at, boolean consented, Optional<Instant> followedUp) {
    return Referral.builder().id(id).target(ServiceCategory.OBSTETRIC_PROVIDER).at(at).memberConsented(consented)
        .followedUpAt(followedUp).build();
  }

  // ---- ASMT ----------------------------------------------------------------------------------

  private static final DocumentKind[] PLANS = {DocumentKind.ASSESSMENT, DocumentKind.TREATMENT_PLAN, DocumentKind.DISCHARGE_PLAN};
  private static final ContentElement[] ISSUES = {ContentElement.LACTATION, ContentElement.MEDICATIONS_IN_PREGNANCY_OR_POSTPARTUM,
      ContentElement.MOOD_AND_ANXIETY_DISORDERS, ContentElement.NEWBORN_CARE_SUPPORTS};

  /**
   * ASMT.2 "the assessment, treatment/recovery plan and discharge plan address ...": lactation,
   * appropriate medications, mood and anxiety disorders, supports for newborn care (2.a.n, 2.b.n,
   * 2.c.n); ASMT.4 "documents in each Member's treatment/recovery plan their utilization of the
   * services that specifically address the needs of individuals who are pregnant". Each applies
   * once such a document is in the record.
   */
  private static void issuesCovered(Registrar r) {
    for (int d = 0; d < PLANS.length; d++) {
      for (int n = 1; n <= ISSUES.length; n++) {
        covers(r, "ESOAP.ASMT.2." + (char) ('a' + d) + "." + n, PLANS[d], ISSUES[n - 1]);
      }
    }
    covers(r, "ESOAP.ASMT.4", DocumentKind.TREATMENT_PLAN, ContentElement.PREGNANCY_SERVICES_UTILIZATION);
  }

  private static void covers(Registrar r, String id, DocumentKind kind, ContentElement element) {
    DocumentKind otherKind = kind == DocumentKind.ASSESSMENT ? DocumentKind.TREATMENT_PLAN : DocumentKind.ASSESSMENT;
    Function<CaseRecord, Arbitrary<CaseRecord>> documented = rec -> subsetsWithout(ContentElement.class, 3, Set.of(element))
        .map(elements -> addDocument(rec, document("base", kind, dateOf(admission(rec)), elements, Set.of())));
    shownDuringStay(r, id, documented, EsoapScenarios::same,
        List.of(documentOf("shown", kind, element), documentOf("shown", kind, element, ContentElement.STRENGTHS)),
        List.of(documentOf("miss", otherKind, element)));
  }

  /**
   * ASMT.3 "The assessment, treatment/recovery plan, and discharge plans are developed in
   * consultation with the Member's PCC and/or obstetrician/gynecologist, midwife, or other
   * obstetric health care provider" (3.a, 3.b, 3.c), once the document is in the record and the
   * member has one of them.
   */
  private static void developedInConsultation(Registrar r) {
    Set<Party> clinicians = EnumSet.of(Party.PCC, Party.OBSTETRIC_PROVIDER);
    for (int d = 0; d < PLANS.length; d++) {
      DocumentKind kind = PLANS[d];
      DocumentKind otherKind = PLANS[(d + 1) % PLANS.length];
      Function<CaseRecord, Arbitrary<CaseRecord>> documented = rec -> Combinators.combine(Arbitraries.integers().between(0, 2),
              subsetsWithout(Party.class, 3, clinicians))
          .as((who, with) -> addDocument(withClinicians(rec, who), document("base", kind, dateOf(admission(rec)), Set.of(), with)));
      Function<CaseRecord, Arbitrary<CaseRecord>> outside = rec -> Arbitraries.oneOf(
          Arbitraries.integers().between(0, 2).map(who -> withClinicians(rec, who)),
          subsetsWithout(Party.class, 3, clinicians)
              .map(with -> addDocument(rec, document("base", kind, dateOf(admission(rec)), Set.of(), with))));
      Fact withPcc = (rec, at) -> addDocument(rec, document("shown", kind, dateOf(at), Set.of(),
          Set.of(rec.member().primaryCareClinician().isPresent() ? Party.PCC : Party.OBSTETRIC_PROVIDER)));
      Fact withObstetric = (rec, at) -> addDocument(rec, document("shown", kind, dateOf(at), Set.of(),
          Set.of(rec.member().obstetricProvider().isPresent() ? Party.OBSTETRIC_PROVIDER : Party.PCC, Party.MEMBER)));
      Fact otherDocument = (rec, at) -> addDocument(rec, document("miss", otherKind, dateOf(at), Set.of(), clinicians));
      shownDuringStay(r, "ESOAP.ASMT.3." + (char) ('a' + d), documented, outside, List.of(withPcc, withObstetric),
          List.of(otherDocument));
    }
  }

  /** The member with a PCC (0), an obstetric provider (1) or both (2). */
  private static CaseRecord withClinicians(CaseRecord rec, int who) {
    return withMember(rec, m -> {
      ImmutableMember x = ImmutableMember.copyOf(m);
      if (who != 1) {
        x = x.withPrimaryCareClinician(provider("PCC"));
      }
      if (who != 0) {
        x = x.withObstetricProvider(provider("OB"));
      }
      return x;
    });
  }

  /**
   * ASMT.3.d "If a pre-existing obstetric health care provider cannot be identified, the provider
   * makes a referral immediately upon admission": "immediately" read as within 24 hours of the
   * admission instant (the interpretation ESOAP.ASMT.3.d.immediately); a referral at intake, before
   * the admission, is made upon admission too.
   */
  private static void obstetricReferralOnAdmission(Registrar r) {
    String id = "ESOAP.ASMT.3.d";
    Duration immediately = Duration.ofHours(24);
    // Referred from a day before admission to exactly 24 hours after it.
    r.meeting(id, Combinators.combine(pregnant(), Cases.upTo(MONTH))
        .flatAs((rec, wait) -> {
          Instant a = admission(rec);
          return EsoapCases.between(a.minus(DAY), a.plus(immediately))
              .map(t -> Case.of(addReferral(rec, EsoapCases.referral("ob", ServiceCategory.OBSTETRIC_PROVIDER, t)),
                  EsoapCases.max(t, a).plus(wait)));
        }));
    // Referred after the 24 hours (from a nanosecond after); or not referred (to an obstetric provider) by then.
    Arbitrary<Case> late = Combinators.combine(pregnant(), Cases.upTo(MONTH), Cases.upTo(Duration.ofDays(10)))
        .as((rec, wait, after) -> {
          Instant t = admission(rec).plus(immediately).plusNanos(1).plus(after);
          return Case.of(addReferral(rec, EsoapCases.referral("ob", ServiceCategory.OBSTETRIC_PROVIDER, t)), t.plus(wait));
        });
    Arbitrary<Case> missing = Combinators.combine(pregnant(), Arbitraries.of(0, 1, 2))
        .flatAs((rec, variant) -> Cases.atOrAfter(admission(rec).plus(immediately).plusNanos(1), MONTH).flatMap(asOf -> {
          if (variant == 0) {
            return Arbitraries.just(Case.of(rec, asOf));
          }
          if (variant == 1) {
            return Cases.atOrAfter(admission(rec), Duration.between(admission(rec), asOf))
                .map(t -> Case.of(addReferral(rec, EsoapCases.referral("pcc", ServiceCategory.PCC, t)), asOf));
          }
          return Cases.atOrAfter(asOf.plusSeconds(60), MONTH)
              .map(t -> Case.of(addReferral(rec, EsoapCases.referral("ob", ServiceCategory.OBSTETRIC_PROVIDER, t)), asOf));
        }));
    r.violating(id, Arbitraries.oneOf(late, missing));
    // Within the 24 hours and no referral has been made yet (one may come later).
    r.pending(id, Combinators.combine(pregnant(), Arbitraries.of(true, false), Cases.upTo(MONTH))
        .flatAs((rec, later, after) -> EsoapCases.between(admission(rec), admission(rec).plus(immediately)).map(asOf -> Case.of(later
            ? addReferral(rec, EsoapCases.referral("ob", ServiceCategory.OBSTETRIC_PROVIDER, asOf.plus(after).plusSeconds(60)))
            : rec, asOf))));
    Arbitrary<Case> notPregnant = Combinators.combine(notPregnant(), Cases.upTo(MONTH))
        .as((rec, wait) -> Case.of(rec, admission(rec).plus(wait)));
    Arbitrary<Case> hasProvider = Combinators.combine(pregnant(), Cases.upTo(MONTH))
        .flatAs((rec, wait) -> withObstetricProvider(rec).map(c -> Case.of(c, admission(rec).plus(wait))));
    r.notApplicable(id, Arbitraries.oneOf(notPregnant, hasProvider));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  // ---- DISCH ---------------------------------------------------------------------------------

  private static Instant discharge(CaseRecord rec) {
    return rec.episode().dischargedAt().orElseThrow();
  }

  /**
   * An obligation about the discharge: applies once the member has been discharged (as of the
   * as-of time). MET by one of {@code shown} recorded during the stay; NOT_MET with none, with
   * one of {@code misses}, with one of {@code notAfter} recorded only after discharge, or with one
   * of {@code timedShown} recorded after the as-of; NOT_APPLICABLE while the episode is open, or for a member
   * neither pregnant nor postpartum at admission.
   */
  private static void atDischarge(Registrar r, String id, List<Fact> shown, List<Fact> timedShown, List<Fact> misses,
      List<Fact> notAfter) {
    Arbitrary<CaseRecord> discharged = Combinators.combine(pregnant(), Cases.upTo(Duration.ofDays(60)))
        .as((rec, stay) -> Cases.discharged(rec, admission(rec).plus(stay)));
    Arbitrary<Integer> percent = Arbitraries.integers().between(0, 100);
    r.meeting(id, Combinators.combine(discharged, Arbitraries.of(shown), Arbitraries.of(extrasWith(misses)), percent, percent,
            Cases.upTo(MONTH))
        .as((rec, fact, extra, p, q, wait) -> {
          Instant a = admission(rec);
          Duration stay = Duration.between(a, discharge(rec));
          return Case.of(extra.add(fact.add(rec, fraction(a, stay, p)), fraction(a, stay, q)), discharge(rec).plus(wait));
        }));
    List<Arbitrary<Case>> violating = new ArrayList<>();
    violating.add(Combinators.combine(discharged, Cases.upTo(MONTH)).as((rec, wait) -> Case.of(rec, discharge(rec).plus(wait))));
    violating.add(Combinators.combine(discharged, Arbitraries.of(misses), percent, Cases.upTo(MONTH))
        .as((rec, miss, p, wait) -> {
          Instant a = admission(rec);
          return Case.of(miss.add(rec, fraction(a, Duration.between(a, discharge(rec)), p)), discharge(rec).plus(wait));
        }));
    violating.add(Combinators.combine(discharged, Arbitraries.of(notAfter), Cases.longerThan(Duration.ZERO, Duration.ofDays(10)),
            Cases.upTo(Duration.ofDays(20)))
        .as((rec, fact, after, wait) -> Case.of(fact.add(rec, discharge(rec).plus(after)), discharge(rec).plus(wait))));
    violating.add(Combinators.combine(discharged, Arbitraries.of(timedShown), Cases.upTo(MONTH))
        .flatAs((rec, fact, wait) -> {
          Instant asOf = discharge(rec).plus(wait);
          return fromNextDay(asOf, MONTH).map(t -> Case.of(fact.add(rec, t), asOf));
        }));
    r.violating(id, Arbitraries.oneOf(violating));
    Arbitrary<Case> open = Combinators.combine(pregnant(), Arbitraries.of(extrasWith(shown)), percent, Cases.upTo(MONTH),
            Arbitraries.of(true, false), Cases.longerThan(Duration.ZERO, MONTH))
        .as((rec, fact, p, asOf, later, until) -> {
          Instant a = admission(rec);
          Instant when = a.plus(asOf);
          CaseRecord c = fact.add(rec, fraction(a, asOf, p));
          return Case.of(later ? Cases.discharged(c, when.plus(until)) : c, when);
        });
    Arbitrary<Case> notPregnant = Combinators.combine(notPregnant(), Arbitraries.of(extrasWith(shown)), percent,
            Cases.upTo(Duration.ofDays(60)), Cases.upTo(MONTH))
        .as((rec, fact, p, stay, wait) -> {
          Instant a = admission(rec);
          CaseRecord c = Cases.discharged(fact.add(rec, fraction(a, stay, p)), a.plus(stay));
          return Case.of(c, a.plus(stay).plus(wait));
        });
    r.notApplicable(id, Arbitraries.oneOf(open, notPregnant));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  /**
   * DISCH.1 "makes reasonable efforts to discharge members to stable and safe living situations.
   * Such efforts are documented": a document covering it, or a housing referral before discharge.
   */
  private static void stableSafeLiving(Registrar r) {
    Fact housing = referralTo("shown", ServiceCategory.HOUSING);
    List<Fact> shown = List.of(documentOf("shown", DocumentKind.DISCHARGE_PLAN, ContentElement.STABLE_SAFE_LIVING_SITUATION),
        documentOf("shown", DocumentKind.PROGRESS_NOTE, ContentElement.STABLE_SAFE_LIVING_SITUATION, ContentElement.REFERRALS),
        housing);
    atDischarge(r, "ESOAP.DISCH.1", shown, shown,
        List.of(documentOf("miss", DocumentKind.DISCHARGE_PLAN, ContentElement.APPOINTMENT_TIMES_AND_LOCATIONS),
            referralTo("miss", ServiceCategory.TRANSPORTATION)),
        List.of(housing));
  }

  /**
   * DISCH.2 "discharged with connections to obstetrics, pediatrics, and primary care clinicians"
   * (2.a.1-3); "connect members to resources including ... mental health support, lactation
   * support, and community resources for families" (2.b.1-3): a referral or a booked appointment
   * before discharge, or (obstetrics, primary care) the provider already on the member's record.
   */
  private static void connectionsAtDischarge(Registrar r) {
    connection(r, "ESOAP.DISCH.2.a.1", List.of(ServiceCategory.OBSTETRIC_PROVIDER, ServiceCategory.PRENATAL_CARE),
        List.of(AppointmentKind.OBSTETRIC, AppointmentKind.PRENATAL, AppointmentKind.POSTPARTUM),
        Optional.of((rec, at) -> withMember(rec, m -> ImmutableMember.copyOf(m).withObstetricProvider(provider("OB")))),
        (rec, at) -> withMember(rec, m -> ImmutableMember.copyOf(m).withPrimaryCareClinician(provider("PCC"))));
    connection(r, "ESOAP.DISCH.2.a.2", List.of(ServiceCategory.PEDIATRICS, ServiceCategory.SPECIALIZED_PEDIATRICS),
        List.of(AppointmentKind.PEDIATRIC, AppointmentKind.SPECIALIZED_PEDIATRIC), Optional.empty(),
        referralTo("miss-ob", ServiceCategory.OBSTETRIC_PROVIDER));
    connection(r, "ESOAP.DISCH.2.a.3", List.of(ServiceCategory.PCC, ServiceCategory.PRIMARY_HEALTH),
        List.of(AppointmentKind.PRIMARY_CARE, AppointmentKind.PHYSICAL_EXAM),
        Optional.of((rec, at) -> withMember(rec, m -> ImmutableMember.copyOf(m).withPrimaryCareClinician(provider("PCC")))),
        (rec, at) -> withMember(rec, m -> ImmutableMember.copyOf(m).withObstetricProvider(provider("OB"))));
    connection(r, "ESOAP.DISCH.2.b.1", List.of(ServiceCategory.MENTAL_HEALTH, ServiceCategory.OUTPATIENT_BEHAVIORAL_HEALTH,
            ServiceCategory.PSYCHIATRY), List.of(AppointmentKind.MENTAL_HEALTH, AppointmentKind.PSYCHIATRIC_AFTERCARE),
        Optional.empty(), appointmentOf("miss-pc", AppointmentKind.PRIMARY_CARE, true));
    connection(r, "ESOAP.DISCH.2.b.2", List.of(ServiceCategory.LACTATION_SUPPORT), List.of(), Optional.empty(),
        referralTo("miss-wic", ServiceCategory.WIC_NUTRITION));
    connection(r, "ESOAP.DISCH.2.b.3", List.of(ServiceCategory.HOME_VISITING, ServiceCategory.WIC_NUTRITION,
            ServiceCategory.DIAPER_BANK, ServiceCategory.HEALTHY_START), List.of(), Optional.empty(),
        referralTo("miss-lact", ServiceCategory.LACTATION_SUPPORT));
  }

  private static void connection(Registrar r, String id, List<ServiceCategory> targets, List<AppointmentKind> kinds,
      Optional<Fact> onRecord, Fact anotherMiss) {
    List<Fact> timed = new ArrayList<>();
    targets.forEach(t -> timed.add(referralTo("shown", t)));
    kinds.forEach(k -> timed.add(appointmentOf("shown", k, true)));
    List<Fact> shown = new ArrayList<>(timed);
    onRecord.ifPresent(shown::add);
    atDischarge(r, id, shown, timed, List.of(referralTo("miss", ServiceCategory.DENTIST),
        appointmentOf("miss", AppointmentKind.DENTAL, true), anotherMiss), timed);
  }

  // ---- LINK.3 --------------------------------------------------------------------------------

  /** The community-based programs of items 2.a-c as service needs. */
  private static final Set<ServiceCategory> COMMUNITY = EnumSet.of(ServiceCategory.SOCIAL_SERVICES,
      ServiceCategory.CRISIS_SERVICES, ServiceCategory.INTIMATE_PARTNER_VIOLENCE, ServiceCategory.VIOLENCE_PREVENTION,
      ServiceCategory.HOUSING, ServiceCategory.LEGAL, ServiceCategory.HOME_VISITING, ServiceCategory.DIAPER_BANK,
      ServiceCategory.HEALTHY_START, ServiceCategory.WIC_NUTRITION, ServiceCategory.HIGH_RISK_INFANT_FAMILY_SUPPORT,
      ServiceCategory.EARLY_INTERVENTION, ServiceCategory.CHILDCARE, ServiceCategory.FAMILY_REPRODUCTIVE_HEALTH,
      ServiceCategory.DOULA, ServiceCategory.PRENATAL_CARE, ServiceCategory.LACTATION_SUPPORT);
  private static final List<ServiceCategory> NOT_COMMUNITY = List.of(ServiceCategory.TRANSPORTATION,
      ServiceCategory.WALK_IN_MEDICAL, ServiceCategory.DENTIST, ServiceCategory.EMPLOYMENT);

  /** How a referral for one need is documented. */
  private record Link(Duration at, Duration followUp, int how) {}

  private static Arbitrary<Link> links() {
    return Combinators.combine(Cases.upTo(MONTH), Cases.upTo(Duration.ofDays(10)), Arbitraries.integers().between(0, 2))
        .as(Link::new);
  }

  /** Pregnant or postpartum members needing one to three community programs (and maybe other services). */
  private static Arbitrary<CaseRecord> needingCommunity(Arbitrary<CaseRecord> records) {
    return Combinators.combine(records, Arbitraries.of(COMMUNITY).set().ofMinSize(1).ofMaxSize(3),
            Arbitraries.of(NOT_COMMUNITY).set().ofMaxSize(2))
        .as((rec, community, other) -> {
          Set<ServiceCategory> needs = EnumSet.copyOf(community);
          needs.addAll(other);
          return withServiceNeeds(rec, needs);
        });
  }

  private static List<ServiceCategory> communityNeeds(CaseRecord rec) {
    return rec.episode().serviceNeeds().stream().filter(COMMUNITY::contains).sorted().toList();
  }

  /**
   * A referral for {@code need}; with {@code linked}, it shows help linking: a follow-up ({@code
   * how} 0) or an outcome of connected (1) or attended (2).
   */
  private static Referral communityReferral(ServiceCategory need, Instant at, Link l, boolean linked) {
    var b = Referral.builder().id("ref-" + need.name()).target(need).at(at);
    if (linked) {
      if (l.how() == 0) {
        b.followedUpAt(at.plus(l.followUp()));
      } else {
        b.outcome(l.how() == 1 ? ReferralOutcome.CONNECTED : ReferralOutcome.ATTENDED);
      }
    }
    return b.build();
  }

  /** LINK.3 first obligation: "provides referrals to these community-based programs", for every program needed. */
  private static void communityReferrals(Registrar r) {
    community(r, "ESOAP.LINK.3.a", false);
  }

  /** LINK.3 second obligation: "assists Members in linking to those services" (documented), for every program needed. */
  private static void linkingAssistance(Registrar r) {
    community(r, "ESOAP.LINK.3.b", true);
  }

  private static void community(Registrar r, String id, boolean linking) {
    r.meeting(id, needingCommunity(pregnant()).flatMap(rec -> {
      List<ServiceCategory> needs = communityNeeds(rec);
      return Combinators.combine(links().list().ofSize(needs.size()), Cases.upTo(MONTH)).as((links, wait) -> {
        CaseRecord c = rec;
        Instant latest = admission(rec);
        for (int i = 0; i < needs.size(); i++) {
          Link l = links.get(i);
          Referral ref = communityReferral(needs.get(i), admission(rec).plus(l.at()), l, linking);
          c = addReferral(c, ref);
          latest = EsoapCases.max(latest, ref.followedUpAt().orElse(ref.at()));
        }
        return Case.of(c, latest.plus(wait));
      });
    }));
    // One needed program without a referral (a referral to another program instead, or one made
    // after the as-of), or (linking) a referral without a follow-up or a connection: not yet followed
    // up, pending or not attended.
    r.violating(id, needingCommunity(pregnant()).flatMap(rec -> {
      List<ServiceCategory> needs = communityNeeds(rec);
      return Combinators.combine(links().list().ofSize(needs.size()), Arbitraries.integers().between(0, needs.size() - 1),
              Arbitraries.integers().between(0, linking ? 4 : 2), Cases.upTo(MONTH))
          .as((links, missing, how, wait) -> {
            CaseRecord c = rec;
            Instant latest = admission(rec);
            for (int i = 0; i < needs.size(); i++) {
              Link l = links.get(i);
              Instant at = admission(rec).plus(l.at());
              Referral ref = communityReferral(needs.get(i), at, l, linking);
              latest = EsoapCases.max(latest, ref.followedUpAt().orElse(ref.at()));
              if (i != missing) {
                c = addReferral(c, ref);
              }
            }
            Instant asOf = latest.plus(wait);
            ServiceCategory need = needs.get(missing);
            Instant at = admission(rec).plus(links.get(missing).at());
            var gap = Referral.builder().id("ref-" + need.name()).target(need);
            c = switch (how) {
              case 0 -> c;
              case 1 -> addReferral(c, EsoapCases.referral("other", otherThan(rec), at));
              case 2 -> addReferral(c, gap.at(asOf.plusSeconds(60)).outcome(ReferralOutcome.CONNECTED).build());
              case 3 -> addReferral(c, gap.at(at).followedUpAt(asOf.plusSeconds(60)).build());
              default -> addReferral(c, gap.at(at).outcome(links.get(missing).how() == 0 ? ReferralOutcome.PENDING
                  : ReferralOutcome.NOT_ATTENDED).build());
            };
            return Case.of(c, asOf);
          });
    }));
    // No community program needed (other services maybe), or not pregnant or postpartum.
    Arbitrary<Case> noNeed = Combinators.combine(pregnant(), Arbitraries.of(NOT_COMMUNITY).set().ofMaxSize(2), Cases.upTo(MONTH))
        .as((rec, needs, wait) -> Case.of(withServiceNeeds(rec, needs.isEmpty() ? Set.of() : EnumSet.copyOf(needs)),
            admission(rec).plus(wait)));
    Arbitrary<Case> notPregnant = Combinators.combine(needingCommunity(notPregnant()), Cases.upTo(MONTH))
        .as((rec, wait) -> Case.of(rec, admission(rec).plus(wait)));
    r.notApplicable(id, Arbitraries.oneOf(noNeed, notPregnant));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  /** A community program the record does not mark as needed. */
  private static ServiceCategory otherThan(CaseRecord rec) {
    return COMMUNITY.stream().filter(s -> !rec.episode().serviceNeeds().contains(s)).findFirst().orElseThrow();
  }

  private static Consultation consultation(ConsultationKind kind, Instant at) {
    return Consultation.builder().id("cons-" + kind.name().toLowerCase(java.util.Locale.ROOT)).kind(kind).arrangedAt(at).build();
  }

  private static CaseRecord consulted(CaseRecord rec, Instant medicalAt, Instant obstetricAt) {
    return withEpisode(rec, e -> ImmutableEpisode.copyOf(e).withConsultations(
        consultation(ConsultationKind.MEDICAL, medicalAt), consultation(ConsultationKind.OBSTETRIC, obstetricAt)));
  }
}

package org.perfspecs.testkit.scenarios;

import static org.perfspecs.testkit.scenarios.Cases.admission;
import static org.perfspecs.testkit.scenarios.Cases.dateOf;
import static org.perfspecs.testkit.scenarios.Cases.discharged;
import static org.perfspecs.testkit.scenarios.Cases.withEpisode;
import static org.perfspecs.testkit.scenarios.IopCases.admissionDate;
import static org.perfspecs.testkit.scenarios.IopCases.admitted;
import static org.perfspecs.testkit.scenarios.IopCases.attendance;
import static org.perfspecs.testkit.scenarios.IopCases.between;
import static org.perfspecs.testkit.scenarios.IopCases.contact;
import static org.perfspecs.testkit.scenarios.IopCases.document;
import static org.perfspecs.testkit.scenarios.IopCases.documents;
import static org.perfspecs.testkit.scenarios.IopCases.elementsExcept;
import static org.perfspecs.testkit.scenarios.IopCases.elementsWith;
import static org.perfspecs.testkit.scenarios.IopCases.fraction;
import static org.perfspecs.testkit.scenarios.IopCases.instantOn;
import static org.perfspecs.testkit.scenarios.IopCases.kindOf;
import static org.perfspecs.testkit.scenarios.IopCases.lastMinuteOf;
import static org.perfspecs.testkit.scenarios.IopCases.latest;
import static org.perfspecs.testkit.scenarios.IopCases.max;
import static org.perfspecs.testkit.scenarios.IopCases.nonAttendance;
import static org.perfspecs.testkit.scenarios.IopCases.onOrAfter;
import static org.perfspecs.testkit.scenarios.IopCases.permille;
import static org.perfspecs.testkit.scenarios.IopCases.planningDeadline;
import static org.perfspecs.testkit.scenarios.IopCases.withContacts;
import static org.perfspecs.testkit.scenarios.IopCases.withDocuments;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.apiguardian.api.API;
import org.perfspecs.model.Appointment;
import org.perfspecs.model.AppointmentKind;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.ContactMode;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.Document;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.ImmutableCaseRecord;
import org.perfspecs.model.ImmutableEpisode;
import org.perfspecs.model.ImmutableMember;
import org.perfspecs.model.Party;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.StateAgency;
import org.perfspecs.model.Topic;

/** Scenario generators for the episode requirements of {@code IOP}. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class IopScenarios implements ScenarioSource {
  private static final Duration MONTH = Duration.ofDays(30);
  private static final Duration TEN_DAYS = Duration.ofDays(10);
  private static final List<DocumentKind> TREATMENT_PLANS = IopCases.TREATMENT_PLANS;
  private static final List<DocumentKind> ASSESSMENT = List.of(DocumentKind.ASSESSMENT);
  private static final List<DocumentKind> DISCHARGE_PLAN = List.of(DocumentKind.DISCHARGE_PLAN);

  /** The member's providers (COMP.7, ASMT.4.a.3). */
  private static final Set<Party> PROVIDERS = EnumSet.of(Party.PCC, Party.OBSTETRIC_PROVIDER, Party.PSYCHIATRIST,
      Party.PHYSICIAN, Party.OUTPATIENT_PROVIDER, Party.CRISIS_INTERVENTION_PROVIDER, Party.DMH_CLINICIAN);
  /** Family and guardians (ASMT.4.a.2). */
  private static final Set<Party> FAMILY = EnumSet.of(Party.FAMILY, Party.GUARDIAN, Party.CAREGIVER,
      Party.SIGNIFICANT_OTHER, Party.NATURAL_SUPPORTS);
  /** Other entities and agencies significant to after-care (ASMT.4.a.4). */
  private static final Set<Party> AGENCIES = EnumSet.of(Party.STATE_AGENCY, Party.DCF_CASEWORKER, Party.SCHOOL,
      Party.PROBATION_OR_PAROLE, Party.PAYER_CARE_TEAM, Party.REFERRAL_SOURCE);
  /** Service categories that are neither an outpatient provider nor an ESP. */
  private static final List<ServiceCategory> UNRELATED_SERVICES = List.of(ServiceCategory.HOUSING,
      ServiceCategory.TRANSPORTATION, ServiceCategory.LEGAL, ServiceCategory.EMPLOYMENT, ServiceCategory.DENTIST,
      ServiceCategory.WIC_NUTRITION, ServiceCategory.BENEFITS, ServiceCategory.RECREATION);

  @Override
  public String specification() {
    return "IOP";
  }

  @Override
  public void register(Registrar r) {
    attendsThreeTimesAWeek(r);
    lengthOfStay(r);
    adjunctiveTherapyInPlan(r);
    evaluatedWithinOneBusinessDay(r);
    admittedWithinOneBusinessDay(r);
    documentByPlanningDeadline(r, "IOP.COMP.5", TREATMENT_PLANS, false);
    coordinatesWithProviders(r);
    psychiatristReviewsAdmission(r);
    crisisReferral(r, "IOP.COMP.11.1", ServiceCategory.OUTPATIENT_BEHAVIORAL_HEALTH);
    crisisReferral(r, "IOP.COMP.11.2", ServiceCategory.CRISIS_SERVICES);
    crisisOtherInterventions(r);
    nameAndPronouns(r);
    element(r, "IOP.TRAUMA.2", ASSESSMENT, ContentElement.TRAUMA_SCREENING);
    memberVoice(r);
    element(r, "IOP.TRAUMA.4.b", TREATMENT_PLANS, ContentElement.HARM_REDUCTION);
    documentByPlanningDeadline(r, "IOP.ASMT.1.1", ASSESSMENT, false);
    teamAssigned(r);
    documentByPlanningDeadline(r, "IOP.ASMT.1.3", TREATMENT_PLANS, false);
    planElements(r);
    planSigned(r);
    planUpdatedWithMember(r);
    assessmentElements(r);
    careCoordination(r);
    contactsCareTeam(r);
    involvement(r, "IOP.ASMT.4.a.1", EnumSet.of(Party.MEMBER));
    involvement(r, "IOP.ASMT.4.a.2", FAMILY);
    involvement(r, "IOP.ASMT.4.a.3", PROVIDERS);
    involvement(r, "IOP.ASMT.4.a.4", AGENCIES);
    consentDocumented(r);
    dailyProgressNotes(r);
    plannedFromAdmission(r);
    dischargePlanConcerns(r);
    concernsAndAftercareDocumented(r);
    planGivenAtDischarge(r);
    dischargePlanElements(r);
    linkagesDeveloped(r);
    appointmentWithin(r, "IOP.DISCH.6.b", EnumSet.of(AppointmentKind.AFTERCARE, AppointmentKind.PSYCHIATRIC_AFTERCARE), 7);
    appointmentWithin(r, "IOP.DISCH.6.c", EnumSet.of(AppointmentKind.PSYCHIATRIC_AFTERCARE), 14);
    transportationSupport(r);
    element(r, "IOP.QM.3.b", TREATMENT_PLANS, ContentElement.OUTCOME_DATA);
  }

  // ---------------------------------------------------------------- COVERED SERVICES

  /**
   * COV.2 "Participation should attend 3 times per week at a minimum": weeks of 7 days from the
   * admission date; each week that has ended (or ended by the discharge) holds at least three days
   * of attendance (the recurring rule: MET once a week has ended and every ended week held three,
   * whatever the week in progress holds so far, or when the week in progress holds three already);
   * PENDING only while the first week is in progress with fewer; a stay of less than a week with
   * fewer than three is NOT_APPLICABLE.
   */
  private static void attendsThreeTimesAWeek(Registrar r) {
    String id = "IOP.COV.2";
    Arbitrary<List<Set<Integer>>> fullWeeks = fullWeek().list().ofMinSize(1).ofMaxSize(4);
    // Open: every week so far full, judged in the last of them after its attendance.
    Arbitrary<Case> open = Combinators.combine(admitted(), fullWeeks, Arbitraries.longs(), permille())
        .as((rec, weeks, seed, p) -> {
          List<Contact> contacts = attendanceWeeks(rec, weeks, new Random(seed));
          Instant last = lastOf(contacts);
          Instant weekEnd = lastMinuteOf(admissionDate(rec).plusDays(7L * weeks.size() - 1));
          return Case.of(withContacts(rec, contacts), fraction(last, weekEnd, p));
        });
    // Discharged after full weeks, within the next week before its last day (a week cut short).
    Arbitrary<Case> out = Combinators.combine(admitted(), fullWeeks, Arbitraries.longs(), permille(), Cases.upTo(MONTH))
        .as((rec, weeks, seed, p, wait) -> {
          List<Contact> contacts = attendanceWeeks(rec, weeks, new Random(seed));
          Instant last = lastOf(contacts);
          Instant cutShort = lastMinuteOf(admissionDate(rec).plusDays(7L * weeks.size() + 5));
          Instant d = fraction(last, cutShort, p);
          return Case.of(discharged(withContacts(rec, contacts), d), d.plus(wait));
        });
    // Open after full weeks: the week in progress has fewer than three so far.
    Arbitrary<Case> soFar = Combinators.combine(admitted(), fullWeeks, shortWeek(), Arbitraries.longs(), permille())
        .as((rec, full, thin, seed, p) -> {
          List<Set<Integer>> weeks = new ArrayList<>(full);
          weeks.add(thin);
          List<Contact> contacts = attendanceWeeks(rec, weeks, new Random(seed));
          LocalDate weekFirst = admissionDate(rec).plusDays(7L * full.size());
          Instant asOf = fraction(Cases.startOfDay(weekFirst), lastMinuteOf(weekFirst.plusDays(6)), p);
          return Case.of(withContacts(rec, contacts), asOf);
        });
    r.meeting(id, Arbitraries.oneOf(open, out, soFar));
    // A week with fewer than three attendance days (other contacts that are not attendance around
    // them), judged after it ended, or discharged on or after its last day.
    r.violating(id, Combinators.combine(admitted(), fullWeek().list().ofMaxSize(3), shortWeek(), Arbitraries.longs(),
            Arbitraries.of(true, false), Cases.upTo(MONTH), Cases.upTo(MONTH))
        .as((rec, before, thin, seed, leaves, wait, after) -> {
          Random random = new Random(seed);
          List<Set<Integer>> weeks = new ArrayList<>(before);
          weeks.add(thin);
          List<Contact> contacts = attendanceWeeks(rec, weeks, random);
          contacts.addAll(noise(rec, before.size(), random));
          LocalDate weekLast = admissionDate(rec).plusDays(7L * before.size() + 6);
          if (leaves) {
            Instant d = onOrAfter(weekLast, admission(rec)).plus(wait);
            return Case.of(discharged(withContacts(rec, contacts), d), d.plus(after));
          }
          return Case.of(withContacts(rec, contacts), Cases.startOfDay(weekLast.plusDays(1)).plus(wait));
        }));
    // The first week, in progress, has fewer than three so far (a discharge may be recorded for later).
    r.pending(id, Combinators.combine(admitted(), shortWeek(), Arbitraries.longs(),
            permille(), Arbitraries.of(true, false), Cases.upTo(MONTH))
        .as((rec, thin, seed, p, leavesLater, wait) -> {
          Random random = new Random(seed);
          List<Contact> contacts = attendanceWeeks(rec, List.of(thin), random);
          LocalDate weekFirst = admissionDate(rec);
          Instant asOf = fraction(onOrAfter(weekFirst, admission(rec)), lastMinuteOf(weekFirst.plusDays(6)), p);
          CaseRecord c = withContacts(rec, contacts);
          return Case.of(leavesLater ? discharged(c, asOf.plusSeconds(60).plus(wait)) : c, asOf);
        }));
    // Discharged before the last day of the first week with fewer than three attendance days.
    r.notApplicable(id, Combinators.combine(admitted(), shortWeek(), Arbitraries.longs(), Arbitraries.integers().between(0, 5),
            permille(), Cases.upTo(MONTH))
        .as((rec, thin, seed, day, p, wait) -> {
          List<Contact> contacts = attendanceWeeks(rec, List.of(thin), new Random(seed));
          Instant d = instantOn(admissionDate(rec).plusDays(day), admission(rec), p);
          return Case.of(discharged(withContacts(rec, contacts), d), d.plus(wait));
        }));
    r.traits(id, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  private static Arbitrary<Set<Integer>> fullWeek() {
    return Arbitraries.integers().between(0, 6).set().ofMinSize(3).ofMaxSize(7);
  }

  private static Arbitrary<Set<Integer>> shortWeek() {
    return Arbitraries.integers().between(0, 6).set().ofMaxSize(2);
  }

  /** Attendance contacts on the given days (offsets in each week from the admission date), from admission on. */
  private static List<Contact> attendanceWeeks(CaseRecord rec, List<Set<Integer>> weeks, Random random) {
    List<Contact> contacts = new ArrayList<>();
    LocalDate first = admissionDate(rec);
    for (int k = 0; k < weeks.size(); k++) {
      for (int j : new TreeSet<>(weeks.get(k))) {
        Instant at = instantOn(first.plusDays(7L * k + j), admission(rec), random.nextInt(1001));
        contacts.add(attendance("att-" + k + "-" + j, at, random));
      }
    }
    return contacts;
  }

  /** Zero to three contacts in week {@code k} that are not attendance. */
  private static List<Contact> noise(CaseRecord rec, int k, Random random) {
    List<Contact> contacts = new ArrayList<>();
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      LocalDate day = admissionDate(rec).plusDays(7L * k + random.nextInt(7));
      contacts.add(nonAttendance("other-" + i, instantOn(day, admission(rec), random.nextInt(1001)), random));
    }
    return contacts;
  }

  private static Instant lastOf(List<Contact> contacts) {
    return contacts.stream().map(Contact::at).max(Instant::compareTo).orElseThrow();
  }

  /**
   * COV.3 "Length of stay is generally 1 to 3 weeks": 7 to 21 days from the admission date to the
   * discharge date; while the member is still in the program, PENDING through day 21.
   */
  private static void lengthOfStay(Registrar r) {
    String id = "IOP.COV.3";
    r.meeting(id, Combinators.combine(admitted(), Arbitraries.integers().between(7, 21), permille(), Cases.upTo(MONTH))
        .as((rec, days, p, wait) -> {
          Instant d = instantOn(admissionDate(rec).plusDays(days), admission(rec), p);
          return Case.of(discharged(rec, d), d.plus(wait));
        }));
    Arbitrary<Case> outOfRange = Combinators.combine(admitted(),
            Arbitraries.oneOf(Arbitraries.integers().between(0, 6), Arbitraries.integers().between(22, 90)), permille(),
            Cases.upTo(MONTH))
        .as((rec, days, p, wait) -> {
          Instant d = instantOn(admissionDate(rec).plusDays(days), admission(rec), p);
          return Case.of(discharged(rec, d), d.plus(wait));
        });
    Arbitrary<Case> stillIn = Combinators.combine(admitted(), Cases.upTo(MONTH), Arbitraries.of(true, false), Cases.upTo(MONTH))
        .as((rec, wait, leavesLater, later) -> {
          Instant asOf = Cases.startOfDay(admissionDate(rec).plusDays(22)).plus(wait);
          return Case.of(leavesLater ? discharged(rec, asOf.plusSeconds(60).plus(later)) : rec, asOf);
        });
    r.violating(id, Arbitraries.oneOf(outOfRange, stillIn));
    r.pending(id, Combinators.combine(admitted(), permille(), Arbitraries.of(true, false), Cases.upTo(MONTH))
        .as((rec, p, leavesLater, later) -> {
          Instant asOf = fraction(admission(rec), lastMinuteOf(admissionDate(rec).plusDays(21)), p);
          return Case.of(leavesLater ? discharged(rec, asOf.plusSeconds(60).plus(later)) : rec, asOf);
        }));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  /**
   * COV.4 "Adjunctive therapies ... must have a specific function within a given Member's treatment
   * plan": once an adjunctive therapy session took place, a treatment plan states its function.
   */
  private static void adjunctiveTherapyInPlan(Registrar r) {
    String id = "IOP.COV.4";
    ContentElement function = ContentElement.ADJUNCTIVE_THERAPY_FUNCTION;
    r.meeting(id, admitted().flatMap(rec -> Combinators.combine(Cases.upTo(Duration.ofDays(14)), permille(),
            documents("tp", TREATMENT_PLANS, admissionDate(rec), 14, elementsExcept(function), 0, 2),
            documents("fn", TREATMENT_PLANS, admissionDate(rec), 14, elementsWith(function), 1, 1), Cases.upTo(MONTH))
        .as((after, p, plans, stating, wait) -> {
          Contact session = adjunctive(admission(rec).plus(after), p);
          List<Document> all = concat(plans, stating);
          Instant asOf = max(session.at(), onOrAfter(latest(all, admissionDate(rec)), admission(rec))).plus(wait);
          return Case.of(withDocuments(withContacts(rec, List.of(session)), all), asOf);
        })));
    // A session took place; no plan states the function (another kind of document may; a plan
    // dated after the as-of may).
    r.violating(id, admitted().flatMap(rec -> Combinators.combine(Cases.upTo(Duration.ofDays(14)), permille(),
            documents("tp", TREATMENT_PLANS, admissionDate(rec), 14, elementsExcept(function), 0, 2),
            documents("other", List.of(DocumentKind.ASSESSMENT, DocumentKind.PROGRESS_NOTE), admissionDate(rec), 14,
                elementsWith(function), 0, 1),
            Cases.upTo(MONTH), Arbitraries.of(true, false))
        .as((after, p, plans, other, wait, later) -> {
          Contact session = adjunctive(admission(rec).plus(after), p);
          List<Document> all = concat(plans, other);
          Instant asOf = max(session.at(), onOrAfter(latest(all, admissionDate(rec)), admission(rec))).plus(wait);
          List<Document> docs = new ArrayList<>(all);
          if (later) {
            docs.add(document("tp-later", DocumentKind.TREATMENT_PLAN, dateOf(asOf).plusDays(1), EnumSet.of(function)));
          }
          return Case.of(withDocuments(withContacts(rec, List.of(session)), docs), asOf);
        })));
    // No adjunctive therapy session by the as-of (other sessions, or one after the as-of).
    r.notApplicable(id, admitted().flatMap(rec -> Combinators.combine(Cases.upTo(Duration.ofDays(14)),
            Arbitraries.of(EnumSet.complementOf(EnumSet.of(ContactKind.ADJUNCTIVE_THERAPY))), Arbitraries.of(true, false),
            documents("tp", TREATMENT_PLANS, admissionDate(rec), 14, elementsExcept(), 0, 2), Cases.upTo(MONTH))
        .as((after, kind, later, plans, wait) -> {
          Instant asOf = admission(rec).plus(after);
          Contact c = later ? adjunctive(asOf.plusSeconds(60).plus(wait), 0)
              : contact("session", kind, ContactMode.IN_PERSON, admission(rec).plus(Duration.ofMinutes(after.toMinutes() / 2)),
                  true, Set.of(), Set.of());
          return Case.of(withDocuments(withContacts(rec, List.of(c)), plans), asOf);
        })));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  private static Contact adjunctive(Instant at, int p) {
    return contact("adjunctive", ContactKind.ADJUNCTIVE_THERAPY, p % 2 == 0 ? ContactMode.IN_PERSON : ContactMode.TELEHEALTH,
        at, true, Set.of(), Set.of());
  }

  // ---------------------------------------------------------------- COMPONENTS OF SERVICES

  /**
   * COMP.4.a "The member will be evaluated/assessed within one business day of referral": by the
   * end of the first business day after the referral date.
   */
  private static void evaluatedWithinOneBusinessDay(Registrar r) {
    String id = "IOP.COMP.4.a";
    // Evaluated on time; admitted later or not (yet).
    r.meeting(id, admitted().flatMap(rec -> {
      Instant referred = referredAt(rec);
      Instant due = Cases.endOfBusinessDay(referred, 1);
      return Combinators.combine(between(referred, due), Arbitraries.of(true, false), Cases.upTo(Duration.ofDays(2)),
              Cases.upTo(MONTH))
          .as((evaluated, admits, after, wait) -> Case.of(steps(rec, evaluated, admits ? evaluated.plus(after) : null),
              evaluated.plus(wait)));
    }));
    // Late; or not evaluated by the deadline (not at all, or only after the as-of).
    r.violating(id, admitted().flatMap(rec -> {
      Instant referred = referredAt(rec);
      Instant firstLate = Cases.startOfDay(dateOf(Cases.endOfBusinessDay(referred, 1)).plusDays(1));
      Arbitrary<Case> late = Combinators.combine(Cases.upTo(TEN_DAYS), Cases.upTo(Duration.ofDays(2)), Cases.upTo(MONTH))
          .as((by, after, wait) -> {
            Instant evaluated = firstLate.plus(by);
            return Case.of(steps(rec, evaluated, evaluated.plus(after)), evaluated.plus(wait));
          });
      Arbitrary<Case> never = Combinators.combine(Cases.upTo(MONTH), Arbitraries.of(true, false), Cases.upTo(TEN_DAYS))
          .as((wait, later, by) -> {
            Instant asOf = firstLate.plus(wait);
            return Case.of(steps(rec, later ? asOf.plusSeconds(60).plus(by) : null, null), asOf);
          });
      return Arbitraries.oneOf(late, never);
    }));
    r.pending(id, admitted().flatMap(rec -> {
      Instant referred = referredAt(rec);
      return Combinators.combine(between(referred, Cases.endOfBusinessDay(referred, 1)), Arbitraries.of(true, false),
              Cases.upTo(TEN_DAYS))
          .as((asOf, later, by) -> Case.of(steps(rec, later ? asOf.plusSeconds(60).plus(by) : null, null), asOf));
    }));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  /**
   * COMP.4.b "will be admitted into the program within one business day of the initial
   * evaluation", unless found ineligible at evaluation.
   */
  private static void admittedWithinOneBusinessDay(Registrar r) {
    String id = "IOP.COMP.4.b";
    r.meeting(id, admitted().flatMap(rec -> {
      Instant evaluated = evaluatedAt(rec);
      return Combinators.combine(between(evaluated, Cases.endOfBusinessDay(evaluated, 1)), Cases.upTo(MONTH))
          .as((admitted, wait) -> Case.of(steps(rec, evaluated, admitted), admitted.plus(wait)));
    }));
    r.violating(id, admitted().flatMap(rec -> {
      Instant evaluated = evaluatedAt(rec);
      Instant firstLate = Cases.startOfDay(dateOf(Cases.endOfBusinessDay(evaluated, 1)).plusDays(1));
      Arbitrary<Case> late = Combinators.combine(Cases.upTo(TEN_DAYS), Cases.upTo(MONTH))
          .as((by, wait) -> Case.of(steps(rec, evaluated, firstLate.plus(by)), firstLate.plus(by).plus(wait)));
      Arbitrary<Case> never = Combinators.combine(Cases.upTo(MONTH), Arbitraries.of(true, false), Cases.upTo(TEN_DAYS))
          .as((wait, later, by) -> {
            Instant asOf = firstLate.plus(wait);
            return Case.of(steps(rec, evaluated, later ? asOf.plusSeconds(60).plus(by) : null), asOf);
          });
      return Arbitraries.oneOf(late, never);
    }));
    r.pending(id, admitted().flatMap(rec -> {
      Instant evaluated = evaluatedAt(rec);
      return Combinators.combine(between(evaluated, Cases.endOfBusinessDay(evaluated, 1)), Arbitraries.of(true, false),
              Cases.upTo(TEN_DAYS))
          .as((asOf, later, by) -> Case.of(steps(rec, evaluated, later ? asOf.plusSeconds(60).plus(by) : null), asOf));
    }));
    // Found ineligible at evaluation, not admitted.
    r.notApplicable(id, admitted().flatMap(rec -> {
      Instant evaluated = evaluatedAt(rec);
      return Combinators.combine(Cases.upTo(Duration.ofDays(3)), Cases.upTo(MONTH))
          .as((by, wait) -> {
            Instant ineligible = evaluated.plus(by);
            CaseRecord c = withEpisode(steps(rec, evaluated, null),
                e -> ImmutableEpisode.copyOf(e).withDeterminedIneligibleAt(ineligible));
            return Case.of(c, ineligible.plus(wait));
          });
    }));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  private static Instant referredAt(CaseRecord rec) {
    return rec.episode().referral().orElseThrow().at();
  }

  private static Instant evaluatedAt(CaseRecord rec) {
    return rec.episode().evaluatedAt().orElseThrow();
  }

  /** {@code rec} evaluated and admitted at the given instants (null: not recorded). */
  private static CaseRecord steps(CaseRecord rec, Instant evaluated, Instant admitted) {
    return withEpisode(rec, e -> ImmutableEpisode.copyOf(e).withEvaluatedAt(Optional.ofNullable(evaluated))
        .withAdmittedAt(Optional.ofNullable(admitted)));
  }

  /**
   * COMP.9 "The IOP Psychiatrist will review each admission": the bullet states no deadline, so
   * (interpretation IOP.COMP.9.review, default STAY_SO_FAR) it is judged over the stay so far: MET
   * when a psychiatric admission review dated on or after the admission date and by the end of the
   * stay so far (the discharge, or the as-of) is in the record; NOT_MET when there is none (one
   * dated before the admission date reviews another admission; one dated after the as-of or the
   * discharge is not in the stay).
   */
  private static void psychiatristReviewsAdmission(Registrar r) {
    String id = "IOP.COMP.9";
    DocumentKind kind = DocumentKind.PSYCHIATRIC_ADMISSION_REVIEW;
    List<DocumentKind> noise = List.of(DocumentKind.PROGRESS_NOTE, DocumentKind.CONSENT);
    r.meeting(id, admitted().flatMap(rec -> Combinators.combine(Arbitraries.integers().between(0, 30),
            documents("noise", noise, admissionDate(rec), 15, elementsExcept(), 0, 2), Cases.upTo(MONTH), Arbitraries.of(true, false))
        .as((day, other, wait, leaves) -> {
          Document done = document("done", kind, admissionDate(rec).plusDays(day), Set.of());
          Instant end = onOrAfter(done.date(), admission(rec)).plus(wait);
          CaseRecord c = withDocuments(rec, concat(List.of(done), other));
          return leaves ? Case.of(discharged(c, end), end.plus(wait)) : Case.of(c, end);
        })));
    r.violating(id, admitted().flatMap(rec -> Combinators.combine(Cases.upTo(MONTH), Arbitraries.integers().between(0, 2),
            Arbitraries.integers().between(1, 5), documents("noise", noise, admissionDate(rec), 10, elementsExcept(), 0, 2))
        .as((wait, shape, ahead, other) -> {
          Instant asOf = admission(rec).plus(wait);
          List<Document> docs = new ArrayList<>(other);
          switch (shape) {
            case 1 -> docs.add(document("later", kind, dateOf(asOf).plusDays(ahead), Set.of()));
            case 2 -> docs.add(document("before", kind, admissionDate(rec).minusDays(ahead), Set.of()));
            default -> { }
          }
          return Case.of(withDocuments(rec, docs), asOf);
        })));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  /**
   * A document due by the planning deadline (the end of the first business day after the day of
   * admission): COMP.5 "treatment plans", COMP.9 "The IOP Psychiatrist will review each admission",
   * ASMT.1.1 "Assessments are completed", ASMT.1.3 "establish a provisional treatment plan within 1
   * business day of admission". The earliest such document, by its date, decides.
   */
  private static void documentByPlanningDeadline(Registrar r, String id, List<DocumentKind> kinds, boolean ofThisAdmission) {
    List<DocumentKind> noise = new ArrayList<>(List.of(DocumentKind.PROGRESS_NOTE, DocumentKind.CONSENT));
    // On time: the first dated from the admission date to the due date; others any time after.
    r.meeting(id, admitted().flatMap(rec -> {
      LocalDate first = admissionDate(rec);
      LocalDate due = dateOf(planningDeadline(rec));
      return Combinators.combine(Arbitraries.integers().between(0, (int) ChronoUnit.DAYS.between(first, due)),
              kindOf(kinds), documents("more", kinds, first, 15, elementsExcept(), 0, 2),
              documents("noise", noise, first, 15, elementsExcept(), 0, 2), Cases.upTo(MONTH))
          .as((day, kind, more, other, wait) -> {
            Document done = document("done", kind, first.plusDays(day), Set.of());
            Instant asOf = onOrAfter(done.date(), admission(rec)).plus(wait);
            return Case.of(withDocuments(rec, concat(concat(List.of(done), more), other)), asOf);
          });
    }));
    // Late: the first dated after the due date; missing: none by an as-of after the deadline
    // (one may be dated after the as-of).
    r.violating(id, admitted().flatMap(rec -> {
      LocalDate due = dateOf(planningDeadline(rec));
      Arbitrary<Case> late = Combinators.combine(Arbitraries.integers().between(1, 10), kindOf(kinds),
              documents("more", kinds, due.plusDays(1), 15, elementsExcept(), 0, 2), Cases.upTo(MONTH))
          .as((days, kind, more, wait) -> {
            Document done = document("done", kind, due.plusDays(days), Set.of());
            List<Document> all = concat(List.of(done), more);
            Instant asOf = onOrAfter(latest(all, due), admission(rec)).plus(wait);
            return Case.of(withDocuments(rec, all), asOf);
          });
      Arbitrary<Case> missing = Combinators.combine(Cases.upTo(MONTH), Arbitraries.of(true, false), kindOf(kinds),
              Arbitraries.integers().between(1, 5), documents("noise", noise, admissionDate(rec), 10, elementsExcept(), 0, 2))
          .as((wait, later, kind, ahead, other) -> {
            Instant asOf = Cases.startOfDay(due.plusDays(1)).plus(wait);
            List<Document> docs = new ArrayList<>(other);
            if (later) {
              docs.add(document("done", kind, dateOf(asOf).plusDays(ahead), Set.of()));
            }
            if (ofThisAdmission && !later) {
              // a review dated before the admission date is not a review of this admission
              docs.add(document("before", kind, admissionDate(rec).minusDays(ahead), Set.of()));
            }
            return Case.of(withDocuments(rec, docs), asOf);
          });
      return Arbitraries.oneOf(late, missing);
    }));
    // None yet (one may be dated after the as-of), judged by the deadline.
    r.pending(id, admitted().flatMap(rec -> Combinators.combine(between(admission(rec), planningDeadline(rec)),
            Arbitraries.of(true, false), kindOf(kinds), Arbitraries.integers().between(1, 5))
        .as((asOf, later, kind, ahead) -> Case.of(
            later ? withDocuments(rec, List.of(document("done", kind, dateOf(asOf).plusDays(ahead), Set.of()))) : rec,
            asOf))));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  /**
   * COMP.7 "A multidisciplinary team, with the consent of the member, coordinates with the member's
   * providers to develop an integrated treatment and discharge plan": once a treatment plan is in
   * the record, a treatment or discharge plan developed with a provider of the member, each with
   * the member's consent to share. "With the consent of the member" conditions it: without consent
   * to share with any provider, or with consent refused (a refusal covering every party, at or
   * before the as-of), it does not apply.
   */
  private static void coordinatesWithProviders(Registrar r) {
    String id = "IOP.COMP.7";
    Set<Party> notProviders = EnumSet.of(Party.MEMBER, Party.FAMILY, Party.GUARDIAN, Party.CAREGIVER,
        Party.SIGNIFICANT_OTHER, Party.NATURAL_SUPPORTS, Party.TREATMENT_TEAM, Party.DCF_CASEWORKER, Party.STATE_AGENCY,
        Party.SCHOOL, Party.PROBATION_OR_PAROLE, Party.PAYER_CARE_TEAM);
    Arbitrary<Set<Party>> providers = Arbitraries.subsetOf(PROVIDERS).ofMinSize(1).ofMaxSize(3);
    Arbitrary<Set<Party>> others = Arbitraries.subsetOf(notProviders).ofMaxSize(3);
    Arbitrary<Set<Party>> anyParties = Arbitraries.subsetOf(EnumSet.allOf(Party.class)).ofMaxSize(4);
    r.meeting(id, admitted().flatMap(rec -> Combinators.combine(plansWith(rec, others), providers, others,
            kindOf(List.of(DocumentKind.TREATMENT_PLAN, DocumentKind.PROVISIONAL_TREATMENT_PLAN, DocumentKind.DISCHARGE_PLAN)),
            Arbitraries.integers().between(0, 14), anyParties, Cases.upTo(MONTH))
        .as((plans, with, also, kind, day, extraConsent, wait) -> {
          Document coordinated = Document.builder().id("coordinated").kind(kind).date(admissionDate(rec).plusDays(day))
              .developedWith(union(with, also)).build();
          List<Document> all = concat(plans, List.of(coordinated));
          CaseRecord c = consenting(withDocuments(rec, all), union(with, extraConsent));
          return Case.of(c, onOrAfter(latest(all, admissionDate(rec)), admission(rec)).plus(wait));
        })));
    // Consent to share with a provider given: no plan developed with a provider; or one was, without
    // consent to share with that provider.
    Arbitrary<Case> noProvider = admitted().flatMap(rec -> Combinators.combine(plansWith(rec, others), anyParties,
            providers, Cases.upTo(MONTH))
        .as((plans, consent, consented, wait) -> Case.of(consenting(withDocuments(rec, plans), union(consent, consented)),
            onOrAfter(latest(plans, admissionDate(rec)), admission(rec)).plus(wait))));
    Arbitrary<Case> noConsent = admitted().flatMap(rec -> Combinators.combine(plansWith(rec, others), providers,
            Arbitraries.integers().between(0, 14), anyParties, Cases.upTo(MONTH), Arbitraries.of(DocumentKind.TREATMENT_PLAN,
                DocumentKind.DISCHARGE_PLAN))
        .as((plans, with, day, extraConsent, wait, kind) -> {
          Party unconsented = with.iterator().next();
          Set<Party> consent = union(with, extraConsent);
          consent.remove(unconsented);
          // consent to some other provider, so the obligation applies
          PROVIDERS.stream().filter(p -> p != unconsented).findFirst().ifPresent(consent::add);
          Document coordinated = Document.builder().id("coordinated").kind(kind).date(admissionDate(rec).plusDays(day))
              .developedWith(with).build();
          List<Document> all = concat(plans, List.of(coordinated));
          return Case.of(consenting(withDocuments(rec, all), consent),
              onOrAfter(latest(all, admissionDate(rec)), admission(rec)).plus(wait));
        }));
    r.violating(id, Arbitraries.oneOf(noProvider, noConsent));
    // Plans with providers, but no consent to share with any provider; or consent given, then refused.
    Arbitrary<Case> withoutConsent = admitted().flatMap(rec -> Combinators.combine(plansWith(rec, providers), others,
            Arbitraries.of(true, false), Cases.upTo(MONTH), Arbitraries.of(Party.MEMBER, Party.GUARDIAN))
        .as((plans, consent, refuse, wait, by) -> {
          Instant asOf = onOrAfter(latest(plans, admissionDate(rec)), admission(rec)).plus(wait);
          if (!refuse) {
            return Case.of(consenting(withDocuments(rec, plans), consent), asOf);
          }
          Set<Party> all = union(consent, EnumSet.copyOf(PROVIDERS));
          CaseRecord c = consenting(withDocuments(rec, plans), all);
          org.perfspecs.model.ConsentRefusal refusal = org.perfspecs.model.ConsentRefusal.builder().id("refused")
              .refusedBy(by).at(admission(rec).plus(wait.dividedBy(2))).build();
          return Case.of(CaseRecord.builder().from(c).episode(org.perfspecs.model.ImmutableEpisode.copyOf(c.episode())
              .withConsentRefusals(refusal)).build(), asOf);
        }));
    r.notApplicable(id, Arbitraries.oneOf(noTreatmentPlan(), withoutConsent));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  /** One or two treatment plans dated from admission on, each developed with parties drawn from {@code parties}. */
  private static Arbitrary<List<Document>> plansWith(CaseRecord rec, Arbitrary<Set<Party>> parties) {
    Arbitrary<Document> plan = Combinators.combine(kindOf(TREATMENT_PLANS), Arbitraries.integers().between(0, 14), parties)
        .as((kind, day, with) -> Document.builder().id("x").kind(kind).date(admissionDate(rec).plusDays(day))
            .developedWith(with).build());
    return plan.list().ofMinSize(1).ofMaxSize(2).map(l -> IopCases.renumber("tp", l));
  }

  /**
   * Records with no treatment plan in the record: other documents (a discharge plan developed with
   * anyone, an assessment), or a plan dated after the as-of.
   */
  private static Arbitrary<Case> noTreatmentPlan() {
    return admitted().flatMap(rec -> Combinators.combine(Cases.upTo(MONTH), Arbitraries.of(true, false),
            Arbitraries.subsetOf(EnumSet.allOf(Party.class)).ofMaxSize(4), Arbitraries.integers().between(1, 5),
            kindOf(TREATMENT_PLANS))
        .as((wait, later, with, ahead, kind) -> {
          Instant asOf = admission(rec).plus(wait);
          List<Document> docs = new ArrayList<>();
          docs.add(Document.builder().id("dp").kind(DocumentKind.DISCHARGE_PLAN).date(dateOf(asOf)).developedWith(with)
              .elements(EnumSet.allOf(ContentElement.class)).build());
          if (later) {
            docs.add(Document.builder().id("tp-later").kind(kind).date(dateOf(asOf).plusDays(ahead)).developedWith(with)
                .elements(EnumSet.allOf(ContentElement.class)).memberSignedOn(dateOf(asOf).plusDays(ahead)).build());
          }
          return Case.of(consenting(withDocuments(rec, docs), Set.of()), asOf);
        }));
  }

  private static CaseRecord consenting(CaseRecord rec, Set<Party> parties) {
    return withEpisode(rec, e -> ImmutableEpisode.copyOf(e).withConsentToShareWith(parties));
  }

  private static Set<Party> union(Set<Party> a, Set<Party> b) {
    Set<Party> all = EnumSet.noneOf(Party.class);
    all.addAll(a);
    all.addAll(b);
    return all;
  }

  /**
   * COMP.11.1 "Refer the Member to their outpatient provider" and COMP.11.2 "Refer the Member to
   * an ESP", after a member in crisis contacted the provider, when the record marks the need.
   */
  private static void crisisReferral(Registrar r, String id, ServiceCategory target) {
    Arbitrary<Set<ServiceCategory>> otherNeeds = Arbitraries.subsetOf(UNRELATED_SERVICES).ofMaxSize(2);
    r.meeting(id, Combinators.combine(crisisContacts(), otherNeeds, Cases.upTo(TEN_DAYS), Cases.upTo(MONTH))
        .as((rec, needs, after, wait) -> {
          Instant referred = firstCrisis(rec).plus(after);
          CaseRecord c = needing(referring(rec, referral("out-1", target, referred)), union(needs, target));
          return Case.of(c, max(referred, lastContact(rec)).plus(wait));
        }));
    // No referral to it made after the first crisis contact: none, another service, one before the
    // crisis, or one after the as-of.
    r.violating(id, Combinators.combine(crisisContacts(), otherNeeds, Cases.upTo(TEN_DAYS), Cases.upTo(MONTH),
            Arbitraries.integers().between(0, 3), Arbitraries.of(UNRELATED_SERVICES))
        .as((rec, needs, after, wait, variant, other) -> {
          Instant asOf = lastContact(rec).plus(wait);
          Instant first = firstCrisis(rec);
          CaseRecord c = switch (variant) {
            case 0 -> rec;
            case 1 -> referring(rec, referral("out-1", other, first.plus(after)));
            case 2 -> referring(rec, referral("out-1", target, first.minus(after).minusSeconds(60)));
            default -> referring(rec, referral("out-1", target, asOf.plusSeconds(60).plus(after)));
          };
          return Case.of(needing(c, union(needs, target)), asOf);
        }));
    // No crisis contact by the as-of; or the need is not marked.
    Arbitrary<Case> noCrisis = Combinators.combine(admitted(), Cases.upTo(MONTH), Arbitraries.of(true, false),
            Cases.upTo(TEN_DAYS))
        .as((rec, wait, later, after) -> {
          Instant asOf = admission(rec).plus(wait);
          CaseRecord c = later ? withContacts(rec, List.of(crisis("crisis-1", asOf.plusSeconds(60).plus(after), Set.of(), true)))
              : rec;
          return Case.of(needing(referring(c, referral("out-1", target, asOf)), EnumSet.of(target)), asOf);
        });
    Arbitrary<Case> noNeed = Combinators.combine(crisisContacts(), otherNeeds, Cases.upTo(MONTH))
        .as((rec, needs, wait) -> Case.of(needing(rec, needs), lastContact(rec).plus(wait)));
    r.notApplicable(id, Arbitraries.oneOf(noCrisis, noNeed));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  /** Admitted records with one to three crisis contacts during the first ten days of the stay. */
  private static Arbitrary<CaseRecord> crisisContacts() {
    Arbitrary<Set<Topic>> topics = Arbitraries.subsetOf(EnumSet.allOf(Topic.class)).ofMaxSize(3);
    return admitted().flatMap(rec -> Combinators.combine(Cases.upTo(TEN_DAYS), topics, Arbitraries.of(true, false))
        .as((after, t, engaged) -> crisis("x", admission(rec).plus(after), t, engaged))
        .list().ofMinSize(1).ofMaxSize(3)
        .map(list -> {
          List<Contact> named = new ArrayList<>();
          for (int i = 0; i < list.size(); i++) {
            named.add(contact("crisis-" + i, ContactKind.CRISIS_INTERVENTION, list.get(i).mode(), list.get(i).at(),
                list.get(i).memberEngaged(), Set.of(), list.get(i).topics()));
          }
          return withContacts(rec, named);
        }));
  }

  private static Contact crisis(String id, Instant at, Set<Topic> topics, boolean engaged) {
    return contact(id, ContactKind.CRISIS_INTERVENTION, ContactMode.PHONE, at, engaged, Set.of(), topics);
  }

  private static Instant firstCrisis(CaseRecord rec) {
    return rec.episode().contacts().stream().filter(c -> c.kind() == ContactKind.CRISIS_INTERVENTION)
        .map(Contact::at).min(Instant::compareTo).orElseThrow();
  }

  private static Instant lastContact(CaseRecord rec) {
    return rec.episode().contacts().stream().map(Contact::at).max(Instant::compareTo).orElse(admission(rec));
  }

  private static Referral referral(String id, ServiceCategory target, Instant at) {
    return Referral.builder().id(id).target(target).at(at).build();
  }

  private static CaseRecord referring(CaseRecord rec, Referral referral) {
    return withEpisode(rec, e -> ImmutableEpisode.copyOf(e).withReferralsMade(concat(e.referralsMade(), List.of(referral))));
  }

  private static CaseRecord needing(CaseRecord rec, Set<ServiceCategory> needs) {
    return withEpisode(rec, e -> ImmutableEpisode.copyOf(e).withServiceNeeds(needs));
  }

  private static Set<ServiceCategory> union(Set<ServiceCategory> a, ServiceCategory b) {
    Set<ServiceCategory> all = EnumSet.of(b);
    all.addAll(a);
    return all;
  }

  /**
   * COMP.11.3 other interventions after a crisis contact: "highlighting elements of the Member's
   * crisis prevention plan and/or safety plan ... and/or follow up": each crisis contact addressed
   * the crisis prevention or safety plan, or a later contact with the member followed it up.
   */
  private static void crisisOtherInterventions(Registrar r) {
    String id = "IOP.COMP.11.3";
    Arbitrary<Set<Topic>> planTopics = Arbitraries.subsetOf(EnumSet.allOf(Topic.class)).ofMaxSize(3)
        .flatMap(t -> Arbitraries.of(Topic.CRISIS_PREVENTION, Topic.SAFETY_PLANNING).map(p -> {
          Set<Topic> with = EnumSet.of(p);
          with.addAll(t);
          return with;
        }));
    Arbitrary<Set<Topic>> otherTopics = Arbitraries.subsetOf(
        EnumSet.complementOf(EnumSet.of(Topic.CRISIS_PREVENTION, Topic.SAFETY_PLANNING))).ofMaxSize(3);
    // Each crisis contact either covered the plan or was followed up with the member engaged.
    r.meeting(id, admitted().flatMap(rec -> Combinators.combine(Cases.upTo(TEN_DAYS), Arbitraries.of(true, false), planTopics,
            otherTopics, Cases.upTo(Duration.ofDays(3)), Arbitraries.of(ContactKind.INDIVIDUAL, ContactKind.CASE_MANAGEMENT,
                ContactKind.CRISIS_INTERVENTION), Cases.upTo(MONTH))
        .as((after, covered, plan, other, gap, followKind, wait) -> {
          Instant at = admission(rec).plus(after);
          List<Contact> contacts = new ArrayList<>();
          if (covered) {
            contacts.add(crisis("crisis-0", at, plan, false));
          } else {
            contacts.add(crisis("crisis-0", at, other, false));
            Instant followUp = at.plusSeconds(60).plus(gap);
            contacts.add(followKind == ContactKind.CRISIS_INTERVENTION ? crisis("follow-up", followUp, plan, true)
                : contact("follow-up", followKind, ContactMode.PHONE, followUp, true, Set.of(), Set.of()));
          }
          return Case.of(withContacts(rec, contacts), lastOf(contacts).plus(wait));
        })));
    // A crisis contact that neither covered the plan nor was followed up by the as-of (a contact
    // without the member engaged, or one after the as-of, is no follow-up).
    r.violating(id, admitted().flatMap(rec -> Combinators.combine(Cases.upTo(TEN_DAYS), otherTopics,
            Arbitraries.integers().between(0, 2), Cases.upTo(Duration.ofDays(3)), Cases.upTo(MONTH), planTopics)
        .as((after, other, variant, gap, wait, plan) -> {
          Instant at = admission(rec).plus(after);
          List<Contact> contacts = new ArrayList<>();
          contacts.add(crisis("crisis-earlier", at, plan, true));
          Instant crisisAt = at.plusSeconds(60).plus(gap);
          contacts.add(crisis("crisis-1", crisisAt, other, variant == 0));
          Instant asOf = crisisAt.plus(wait);
          if (variant == 1) {
            contacts.add(contact("not-engaged", ContactKind.OUTREACH_ATTEMPT, ContactMode.PHONE, crisisAt.plus(gap), false,
                Set.of(), Set.of()));
            asOf = crisisAt.plus(gap).plus(wait);
          } else if (variant == 2) {
            contacts.add(contact("too-late", ContactKind.INDIVIDUAL, ContactMode.IN_PERSON, asOf.plusSeconds(60), true,
                Set.of(), Set.of()));
          }
          return Case.of(withContacts(rec, contacts), asOf);
        })));
    r.notApplicable(id, Combinators.combine(admitted(), Cases.upTo(MONTH), Arbitraries.of(true, false), Cases.upTo(TEN_DAYS))
        .as((rec, wait, later, after) -> {
          Instant asOf = admission(rec).plus(wait);
          List<Contact> contacts = new ArrayList<>();
          contacts.add(contact("session", ContactKind.INDIVIDUAL, ContactMode.IN_PERSON, admission(rec), true, Set.of(), Set.of()));
          if (later) {
            contacts.add(crisis("crisis-1", asOf.plusSeconds(60).plus(after), Set.of(), false));
          }
          return Case.of(withContacts(rec, contacts), asOf);
        }));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES);
  }

  // ---------------------------------------------------------------- TRANSGENDER, TRAUMA

  /** TRANS.1 "Consistently using the name and pronouns that the Member uses for themselves": both recorded. */
  private static void nameAndPronouns(Registrar r) {
    String id = "IOP.TRANS.1";
    Arbitrary<String> names = Arbitraries.of("Sam", "Alex", "Jordan", "River", "Kai");
    Arbitrary<String> pronouns = Arbitraries.of("they/them", "she/her", "he/him", "ze/zir");
    r.meeting(id, Combinators.combine(admitted(), names, pronouns, Cases.upTo(MONTH))
        .as((rec, name, p, wait) -> Case.of(named(rec, name, p), admission(rec).plus(wait))));
    // Neither recorded, or only one of them.
    r.violating(id, Combinators.combine(admitted(), names, pronouns, Arbitraries.integers().between(0, 2), Cases.upTo(MONTH))
        .as((rec, name, p, missing, wait) -> Case.of(
            named(rec, missing == 2 ? name : null, missing == 1 ? p : null), admission(rec).plus(wait))));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  private static CaseRecord named(CaseRecord rec, String name, String pronouns) {
    return ImmutableCaseRecord.copyOf(rec).withMember(ImmutableMember.copyOf(rec.member())
        .withPreferredName(Optional.ofNullable(name)).withPronouns(Optional.ofNullable(pronouns)));
  }

  /** TRAUMA.4.a "Including the Member's voice, involvement, and feedback in treatment planning". */
  private static void memberVoice(Registrar r) {
    String id = "IOP.TRAUMA.4.a";
    Arbitrary<Set<Party>> withoutMember = Arbitraries.subsetOf(EnumSet.complementOf(EnumSet.of(Party.MEMBER))).ofMaxSize(3);
    Arbitrary<Set<Party>> withMember = withoutMember.map(s -> union(s, EnumSet.of(Party.MEMBER)));
    r.meeting(id, admitted().flatMap(rec -> Combinators.combine(plansWith(rec, withoutMember), plansWith(rec, withMember),
            Cases.upTo(MONTH))
        .as((others, voiced, wait) -> {
          List<Document> all = concat(others, List.of(Document.builder().from(voiced.get(0)).id("voiced").build()));
          return Case.of(withDocuments(rec, all), onOrAfter(latest(all, admissionDate(rec)), admission(rec)).plus(wait));
        })));
    // No treatment plan developed with the member (a discharge plan or a later plan may be).
    r.violating(id, admitted().flatMap(rec -> Combinators.combine(plansWith(rec, withoutMember), Arbitraries.of(true, false),
            Arbitraries.integers().between(0, 2), Cases.upTo(MONTH))
        .as((plans, later, day, wait) -> {
          Instant asOf = onOrAfter(latest(plans, admissionDate(rec)), admission(rec)).plus(wait);
          List<Document> all = new ArrayList<>(plans);
          all.add(Document.builder().id("dp").kind(DocumentKind.DISCHARGE_PLAN).date(dateOf(asOf).minusDays(day))
              .developedWith(EnumSet.of(Party.MEMBER)).build());
          if (later) {
            all.add(Document.builder().id("tp-later").kind(DocumentKind.TREATMENT_PLAN).date(dateOf(asOf).plusDays(1))
                .developedWith(EnumSet.of(Party.MEMBER)).build());
          }
          return Case.of(withDocuments(rec, all), asOf);
        })));
    r.notApplicable(id, noTreatmentPlan());
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  // ---------------------------------------------------------------- ASSESSMENT AND PLANNING

  /**
   * ASMT.1.2 "A multi-disciplinary treatment team has been assigned to each member": at least two
   * staff; the assignment is undated, so without a team it is PENDING up to the planning deadline.
   */
  private static void teamAssigned(Registrar r) {
    String id = "IOP.ASMT.1.2";
    Arbitrary<List<String>> team = Arbitraries.integers().between(1, 9).set().ofMinSize(2).ofMaxSize(5)
        .map(s -> s.stream().map(i -> "S-" + i).toList());
    Arbitrary<List<String>> tooSmall = Arbitraries.integers().between(0, 3).map(n -> java.util.Collections.nCopies(n, "S-1"));
    r.meeting(id, Combinators.combine(admitted(), team, Cases.upTo(MONTH))
        .as((rec, staff, wait) -> Case.of(teamed(rec, staff), admission(rec).plus(wait))));
    r.violating(id, Combinators.combine(admitted(), tooSmall, Cases.upTo(MONTH))
        .as((rec, staff, wait) -> Case.of(teamed(rec, staff), Cases.startOfDay(dateOf(planningDeadline(rec)).plusDays(1)).plus(wait))));
    r.pending(id, admitted().flatMap(rec -> Combinators.combine(tooSmall, between(admission(rec), planningDeadline(rec)))
        .as((staff, asOf) -> Case.of(teamed(rec, staff), asOf))));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  private static CaseRecord teamed(CaseRecord rec, List<String> staff) {
    return withEpisode(rec, e -> ImmutableEpisode.copyOf(e).withTreatmentTeam(staff));
  }

  /**
   * ASMT.1.3.1-1.3.7: the elements of the provisional treatment plan; 1.3.6 "When appropriate,
   * involvement of a state agency" applies when a state agency is involved with the member.
   */
  private static void planElements(Registrar r) {
    element(r, "IOP.ASMT.1.3.1", TREATMENT_PLANS, ContentElement.MEASURABLE_GOALS_WITH_TIME_FRAMES);
    element(r, "IOP.ASMT.1.3.2", TREATMENT_PLANS, ContentElement.STRENGTHS);
    element(r, "IOP.ASMT.1.3.3", TREATMENT_PLANS, ContentElement.PEER_AND_RECOVERY_SUPPORTS);
    element(r, "IOP.ASMT.1.3.4", TREATMENT_PLANS, ContentElement.MEDICATION_EVALUATION_AND_MANAGEMENT);
    element(r, "IOP.ASMT.1.3.5", TREATMENT_PLANS, ContentElement.COUNSELING_MIX);
    element(r, "IOP.ASMT.1.3.7", TREATMENT_PLANS, ContentElement.DISCHARGE_AND_AFTERCARE_PLAN);
    String id = "IOP.ASMT.1.3.6";
    ContentElement agency = ContentElement.STATE_AGENCY_INVOLVEMENT;
    Arbitrary<CaseRecord> involved = Combinators.combine(admitted(),
            Arbitraries.subsetOf(EnumSet.allOf(StateAgency.class)).ofMaxSize(3), Arbitraries.of(true, false))
        .as((rec, agencies, dcf) -> ImmutableCaseRecord.copyOf(rec).withMember(ImmutableMember.copyOf(rec.member())
            .withStateAgencies(agencies).withDcfCaseOpen(dcf || agencies.isEmpty())));
    registerElement(r, id, TREATMENT_PLANS, agency, involved);
    // Plans in the record (covering state-agency involvement or not), no state agency involved.
    Arbitrary<Case> notInvolved = admitted().flatMap(rec -> Combinators.combine(
            documents("tp", TREATMENT_PLANS, admissionDate(rec), 14, elementsExcept(), 1, 3), Cases.upTo(MONTH))
        .as((plans, wait) -> Case.of(withDocuments(rec, plans),
            onOrAfter(latest(plans, admissionDate(rec)), admission(rec)).plus(wait))));
    r.notApplicable(id, Arbitraries.oneOf(elementNotInRecord(TREATMENT_PLANS, agency, involved), notInvolved));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  /**
   * ASMT.1.3.8 "Member's signature or documentation of refusal to sign the treatment plan": every
   * treatment plan in the record.
   */
  private static void planSigned(Registrar r) {
    String id = "IOP.ASMT.1.3.8";
    // Every plan signed (on its date or up to three days later, by the as-of) or the refusal documented.
    r.meeting(id, admitted().flatMap(rec -> Combinators.combine(
            documents("tp", TREATMENT_PLANS, admissionDate(rec), 14, elementsExcept(), 1, 3),
            Arbitraries.integers().between(-1, 3).list().ofSize(3), Cases.upTo(MONTH))
        .as((plans, signedAfter, wait) -> {
          List<Document> signed = new ArrayList<>();
          for (int i = 0; i < plans.size(); i++) {
            signed.add(signature(plans.get(i), signedAfter.get(i)));
          }
          LocalDate lastSigned = signed.stream().map(d -> d.memberSignedOn().orElse(d.date())).max(LocalDate::compareTo)
              .orElseThrow();
          return Case.of(withDocuments(rec, signed), onOrAfter(lastSigned, admission(rec)).plus(wait));
        })));
    r.violating(id, planSignedViolating());
    r.notApplicable(id, noTreatmentPlan());
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES);
  }

  /**
   * A treatment plan in the record with neither the member's signature nor a documented refusal as
   * of the as-of: none at all, or a signature dated after the as-of date.
   */
  static Arbitrary<Case> planSignedViolating() {
    return admitted().flatMap(rec -> Combinators.combine(
            documents("tp", TREATMENT_PLANS, admissionDate(rec), 14, elementsExcept(), 1, 3),
            Arbitraries.integers().between(-1, 0).list().ofSize(3), Arbitraries.integers().between(0, 2), Cases.upTo(MONTH),
            Arbitraries.of(true, false), Arbitraries.integers().between(1, 5))
        .as((plans, refusedOrSigned, unsigned, wait, signsLater, ahead) -> {
          List<Document> docs = new ArrayList<>();
          int u = unsigned % plans.size();
          for (int i = 0; i < plans.size(); i++) {
            docs.add(i == u ? plans.get(i) : signature(plans.get(i), refusedOrSigned.get(i)));
          }
          Instant asOf = onOrAfter(latest(docs, admissionDate(rec)), admission(rec)).plus(wait);
          if (signsLater) {
            docs.set(u, Document.builder().from(plans.get(u)).memberSignedOn(dateOf(asOf).plusDays(ahead)).build());
          }
          return Case.of(withDocuments(rec, docs), asOf);
        }));
  }

  /** {@code plan} with the refusal documented (-1), or signed {@code days} after its date. */
  private static Document signature(Document plan, int days) {
    return days < 0 ? Document.builder().from(plan).memberRefusedToSign(true).build()
        : Document.builder().from(plan).memberSignedOn(plan.date().plusDays(days)).build();
  }

  /**
   * ASMT.1.4 "The treatment plan will be updated as clinically appropriate with the Member": every
   * update (a treatment plan after the first) developed with the member.
   */
  private static void planUpdatedWithMember(Registrar r) {
    String id = "IOP.ASMT.1.4";
    Arbitrary<Set<Party>> parties = Arbitraries.subsetOf(EnumSet.complementOf(EnumSet.of(Party.MEMBER))).ofMaxSize(3);
    r.meeting(id, admitted().flatMap(rec -> Combinators.combine(
            documents("tp", TREATMENT_PLANS, admissionDate(rec), 20, elementsExcept(), 2, 4),
            parties.list().ofSize(4), Arbitraries.of(true, false), Cases.upTo(MONTH))
        .as((plans, with, firstWithMember, wait) -> {
          List<Document> docs = new ArrayList<>();
          for (int i = 0; i < plans.size(); i++) {
            boolean member = i > 0 || firstWithMember;
            docs.add(Document.builder().from(plans.get(i))
                .developedWith(member ? union(with.get(i), EnumSet.of(Party.MEMBER)) : with.get(i)).build());
          }
          return Case.of(withDocuments(rec, docs), onOrAfter(latest(docs, admissionDate(rec)), admission(rec)).plus(wait));
        })));
    r.violating(id, admitted().flatMap(rec -> Combinators.combine(
            documents("tp", TREATMENT_PLANS, admissionDate(rec), 20, elementsExcept(), 2, 4),
            parties.list().ofSize(4), Arbitraries.integers().between(1, 3), Cases.upTo(MONTH))
        .as((plans, with, without, wait) -> {
          int skip = 1 + (without - 1) % (plans.size() - 1);
          List<Document> docs = new ArrayList<>();
          for (int i = 0; i < plans.size(); i++) {
            docs.add(Document.builder().from(plans.get(i))
                .developedWith(i == skip ? with.get(i) : union(with.get(i), EnumSet.of(Party.MEMBER))).build());
          }
          return Case.of(withDocuments(rec, docs), onOrAfter(latest(docs, admissionDate(rec)), admission(rec)).plus(wait));
        })));
    // One plan at most in the record (an update may be dated after the as-of).
    r.notApplicable(id, admitted().flatMap(rec -> Combinators.combine(
            documents("tp", TREATMENT_PLANS, admissionDate(rec), 14, elementsExcept(), 0, 1),
            Arbitraries.of(true, false), Cases.upTo(MONTH), Arbitraries.integers().between(1, 5))
        .as((plans, later, wait, ahead) -> {
          Instant asOf = onOrAfter(latest(plans, admissionDate(rec)), admission(rec)).plus(wait);
          List<Document> docs = new ArrayList<>(plans);
          if (later) {
            docs.add(document("tp-later", DocumentKind.TREATMENT_PLAN, dateOf(asOf).plusDays(ahead), Set.of()));
          }
          return Case.of(withDocuments(rec, docs), asOf);
        })));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES);
  }

  /** ASMT.2.1-2.12: the elements of the assessment. */
  private static void assessmentElements(Registrar r) {
    ContentElement[] elements = {ContentElement.HISTORY_OF_PRESENTING_PROBLEM, ContentElement.CHIEF_COMPLAINTS_AND_SYMPTOMS,
        ContentElement.PAST_BH_SUD_HISTORY, ContentElement.PAST_MEDICAL_HISTORY,
        ContentElement.FAMILY_SOCIAL_LINGUISTIC_CULTURAL_BACKGROUND, ContentElement.CURRENT_SUBSTANCE_USE,
        ContentElement.MENTAL_STATUS_EXAM, ContentElement.MEDICATION_TRIALS_CURRENT_MEDICATIONS_ALLERGIES,
        ContentElement.DIAGNOSIS_AND_FORMULATION, ContentElement.LEVEL_OF_FUNCTIONING, ContentElement.STRENGTHS,
        ContentElement.NAME_OF_PCP};
    for (int i = 0; i < elements.length; i++) {
      element(r, "IOP.ASMT.2." + (i + 1), ASSESSMENT, elements[i]);
    }
  }

  /**
   * ASMT.3.a "Care Coordination is an expectation between the IOP provider and CCA": over the stay
   * so far, a contact with CCA's care team or a document forwarded to it.
   */
  private static void careCoordination(Registrar r) {
    String id = "IOP.ASMT.3.a";
    r.meeting(id, Combinators.combine(admitted(), Cases.upTo(Duration.ofDays(20)), Arbitraries.of(true, false),
            Arbitraries.of(ContactMode.class), Arbitraries.of(ContactKind.class), Arbitraries.of(true, false), Cases.upTo(MONTH))
        .as((rec, after, byContact, mode, kind, leaves, wait) -> {
          Instant at = admission(rec).plus(after);
          CaseRecord c = byContact
              ? withContacts(rec, List.of(contact("cca", kind, mode, at, false, EnumSet.of(Party.PAYER_CARE_TEAM), Set.of())))
              : withDocuments(rec, List.of(Document.builder().id("fwd").kind(DocumentKind.TREATMENT_PLAN).date(dateOf(at))
                  .forwardedTo(EnumSet.of(Party.PAYER_CARE_TEAM)).build()));
          Instant asOf = at.plus(wait);
          return Case.of(leaves ? discharged(c, at.plus(Duration.ofMinutes(wait.toMinutes() / 2))) : c, asOf);
        }));
    r.violating(id, careCoordinationViolating());
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  /**
   * No coordination with CCA's care team during the stay: none at all, contacts with other parties,
   * or a contact with the care team only before admission or after discharge.
   */
  static Arbitrary<Case> careCoordinationViolating() {
    return Combinators.combine(admitted(), Cases.upTo(Duration.ofDays(20)), Arbitraries.integers().between(0, 2),
            Arbitraries.subsetOf(EnumSet.complementOf(EnumSet.of(Party.PAYER_CARE_TEAM))).ofMaxSize(3), Cases.upTo(MONTH),
            Cases.upTo(Duration.ofDays(5)))
        .as((rec, stay, variant, parties, wait, gap) -> {
          Instant a = admission(rec);
          Instant out = a.plus(stay);
          return switch (variant) {
            case 0 -> Case.of(withContacts(rec, List.of(contact("other", ContactKind.CASE_MANAGEMENT, ContactMode.PHONE,
                a.plus(Duration.ofMinutes(stay.toMinutes() / 2)), true, parties, Set.of()))), out.plus(wait));
            case 1 -> Case.of(withContacts(rec, List.of(contact("cca", ContactKind.CASE_MANAGEMENT, ContactMode.PHONE,
                a.minusSeconds(60).minus(gap), false, EnumSet.of(Party.PAYER_CARE_TEAM), Set.of()))), out.plus(wait));
            default -> {
              Instant call = out.plusSeconds(60).plus(gap);
              yield Case.of(discharged(withContacts(rec, List.of(contact("cca", ContactKind.CASE_MANAGEMENT, ContactMode.PHONE,
                  call, false, EnumSet.of(Party.PAYER_CARE_TEAM), Set.of()))), out), call.plus(wait));
            }
          };
        });
  }

  /**
   * ASMT.3.b "contacts ... CCA's Care Team by contacting CCA's Provider Line ... to coordinate
   * care": a phone contact with the care team from admission to discharge (or the as-of).
   */
  private static void contactsCareTeam(Registrar r) {
    String id = "IOP.ASMT.3.b";
    r.meeting(id, Combinators.combine(admitted(), Cases.upTo(Duration.ofDays(20)), Arbitraries.of(ContactKind.class),
            Arbitraries.of(true, false), Cases.upTo(MONTH), Cases.upTo(MONTH))
        .as((rec, after, kind, leaves, stay, wait) -> {
          Instant at = admission(rec).plus(after);
          CaseRecord c = withContacts(rec, List.of(careTeamCall("call", kind, ContactMode.PHONE, at)));
          return leaves ? Case.of(discharged(c, at.plus(stay)), at.plus(stay).plus(wait)) : Case.of(c, at.plus(wait));
        }));
    // None; not by phone; by phone before admission or after discharge, or after the as-of.
    r.violating(id, Combinators.combine(admitted(), Cases.upTo(Duration.ofDays(20)), Arbitraries.integers().between(0, 4),
            Arbitraries.of(ContactMode.IN_PERSON, ContactMode.TEXT, ContactMode.TELEHEALTH), Cases.upTo(MONTH),
            Cases.upTo(Duration.ofDays(5)))
        .as((rec, stay, variant, mode, wait, gap) -> {
          Instant a = admission(rec);
          Instant mid = a.plus(Duration.ofMinutes(stay.toMinutes() / 2));
          Instant out = a.plus(stay);
          return switch (variant) {
            case 0 -> Case.of(rec, mid.plus(wait));
            case 1 -> Case.of(withContacts(rec, List.of(careTeamCall("call", ContactKind.CASE_MANAGEMENT, mode, mid))),
                mid.plus(wait));
            case 2 -> Case.of(withContacts(rec, List.of(careTeamCall("call", ContactKind.CASE_MANAGEMENT, ContactMode.PHONE,
                a.minusSeconds(60).minus(gap)))), mid.plus(wait));
            case 3 -> {
              Instant call = out.plusSeconds(60).plus(gap);
              yield Case.of(discharged(withContacts(rec, List.of(careTeamCall("call", ContactKind.CASE_MANAGEMENT,
                  ContactMode.PHONE, call))), out), call.plus(wait));
            }
            default -> Case.of(withContacts(rec, List.of(careTeamCall("call", ContactKind.CASE_MANAGEMENT, ContactMode.PHONE,
                mid.plusSeconds(60).plus(gap)))), mid);
          };
        }));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  private static Contact careTeamCall(String id, ContactKind kind, ContactMode mode, Instant at) {
    return contact(id, kind, mode, at, false, EnumSet.of(Party.PAYER_CARE_TEAM), Set.of());
  }

  /**
   * ASMT.4.a.1-4.a.4 "treatment and discharge plans show significant involvement of member,
   * family/guardian, providers, and other entities and agencies ... unless clinically or legally
   * contraindicated": a treatment plan developed with a party of the group and, once a discharge
   * plan is in the record, a discharge plan too.
   */
  private static void involvement(Registrar r, String id, Set<Party> group) {
    Set<Party> outside = EnumSet.complementOf(EnumSet.copyOf(group));
    outside.remove(Party.OTHER);
    outside.remove(Party.REFERRAL_SOURCE);
    Arbitrary<Set<Party>> others = Arbitraries.subsetOf(outside).ofMaxSize(3);
    Arbitrary<Set<Party>> including = Combinators.combine(Arbitraries.of(group), others).as((p, o) -> union(o, EnumSet.of(p)));
    Arbitrary<Set<Party>> contraindicatedElsewhere = Arbitraries.subsetOf(outside).ofMaxSize(2);
    r.meeting(id, admitted().flatMap(rec -> Combinators.combine(plansWith(rec, others), plansWith(rec, including),
            dischargePlansWith(rec, others), dischargePlansWith(rec, including), Arbitraries.of(true, false),
            contraindicatedElsewhere, Cases.upTo(MONTH))
        .as((plain, involving, plainOut, involvingOut, withDischarge, contra, wait) -> {
          List<Document> all = new ArrayList<>(plain);
          all.add(Document.builder().from(involving.get(0)).id("tp-involving").build());
          if (withDischarge) {
            all.addAll(plainOut);
            all.add(Document.builder().from(involvingOut.get(0)).id("dp-involving").build());
          }
          CaseRecord c = contraindicating(withDocuments(rec, all), contra);
          return Case.of(c, onOrAfter(latest(all, admissionDate(rec)), admission(rec)).plus(wait));
        })));
    Arbitrary<Case> noTreatmentPlanInvolves = admitted().flatMap(rec -> Combinators.combine(plansWith(rec, others),
            dischargePlansWith(rec, including), Arbitraries.of(true, false), contraindicatedElsewhere, Cases.upTo(MONTH))
        .as((plans, out, withDischarge, contra, wait) -> {
          List<Document> all = concat(plans, withDischarge ? out : List.of());
          return Case.of(contraindicating(withDocuments(rec, all), contra),
              onOrAfter(latest(all, admissionDate(rec)), admission(rec)).plus(wait));
        }));
    Arbitrary<Case> noDischargePlanInvolves = admitted().flatMap(rec -> Combinators.combine(plansWith(rec, including),
            dischargePlansWith(rec, others), contraindicatedElsewhere, Cases.upTo(MONTH))
        .as((plans, out, contra, wait) -> {
          List<Document> all = concat(plans, out);
          return Case.of(contraindicating(withDocuments(rec, all), contra),
              onOrAfter(latest(all, admissionDate(rec)), admission(rec)).plus(wait));
        }));
    r.violating(id, Arbitraries.oneOf(noTreatmentPlanInvolves, noDischargePlanInvolves));
    // No treatment plan; or the record documents involvement of a party of the group as contraindicated.
    Arbitrary<Case> contraindicated = admitted().flatMap(rec -> Combinators.combine(plansWith(rec, others),
            Arbitraries.of(group), contraindicatedElsewhere, Cases.upTo(MONTH))
        .as((plans, p, contra, wait) -> Case.of(contraindicating(withDocuments(rec, plans), union(contra, EnumSet.of(p))),
            onOrAfter(latest(plans, admissionDate(rec)), admission(rec)).plus(wait))));
    r.notApplicable(id, Arbitraries.oneOf(noTreatmentPlan(), contraindicated));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES);
  }

  /** One or two discharge plans dated from admission on, each developed with parties drawn from {@code parties}. */
  private static Arbitrary<List<Document>> dischargePlansWith(CaseRecord rec, Arbitrary<Set<Party>> parties) {
    Arbitrary<Document> plan = Combinators.combine(Arbitraries.integers().between(0, 20), parties)
        .as((day, with) -> Document.builder().id("x").kind(DocumentKind.DISCHARGE_PLAN).date(admissionDate(rec).plusDays(day))
            .developedWith(with).build());
    return plan.list().ofMinSize(1).ofMaxSize(2).map(l -> IopCases.renumber("dp", l));
  }

  private static CaseRecord contraindicating(CaseRecord rec, Set<Party> parties) {
    return withEpisode(rec, e -> ImmutableEpisode.copyOf(e).withInvolvementContraindicated(parties));
  }

  /**
   * ASMT.4.b "Proper consent must be documented in the member's record": consent to share with
   * every party other than the member and the treatment team that a treatment or discharge plan
   * was developed with.
   */
  private static void consentDocumented(Registrar r) {
    String id = "IOP.ASMT.4.b";
    Set<Party> self = EnumSet.of(Party.MEMBER, Party.TREATMENT_TEAM);
    Arbitrary<Set<Party>> anyone = Arbitraries.subsetOf(EnumSet.allOf(Party.class)).ofMaxSize(3);
    Arbitrary<Set<Party>> outsider = Combinators.combine(Arbitraries.of(EnumSet.complementOf(EnumSet.copyOf(self))), anyone)
        .as((p, o) -> union(o, EnumSet.of(p)));
    r.meeting(id, admitted().flatMap(rec -> Combinators.combine(plansWith(rec, anyone), plansWith(rec, outsider),
            dischargePlansWith(rec, anyone), Arbitraries.of(true, false), anyone, Cases.upTo(MONTH))
        .as((plans, involving, out, withDischarge, extra, wait) -> {
          List<Document> all = new ArrayList<>(plans);
          all.add(Document.builder().from(involving.get(0)).id("tp-involving").build());
          if (withDischarge) {
            all.addAll(out);
          }
          Set<Party> consent = union(extra, involvedOutside(all, self));
          return Case.of(consenting(withDocuments(rec, all), consent),
              onOrAfter(latest(all, admissionDate(rec)), admission(rec)).plus(wait));
        })));
    r.violating(id, admitted().flatMap(rec -> Combinators.combine(plansWith(rec, anyone), plansWith(rec, outsider),
            dischargePlansWith(rec, anyone), Arbitraries.of(true, false), anyone, Cases.upTo(MONTH))
        .as((plans, involving, out, inDischarge, extra, wait) -> {
          List<Document> all = new ArrayList<>(plans);
          Document involved = inDischarge
              ? Document.builder().from(involving.get(0)).id("dp-involving").kind(DocumentKind.DISCHARGE_PLAN).build()
              : Document.builder().from(involving.get(0)).id("tp-involving").build();
          all.add(involved);
          all.addAll(out);
          Set<Party> consent = union(extra, involvedOutside(all, self));
          consent.remove(involvedOutside(List.of(involved), self).iterator().next());
          return Case.of(consenting(withDocuments(rec, all), consent),
              onOrAfter(latest(all, admissionDate(rec)), admission(rec)).plus(wait));
        })));
    Arbitrary<Case> onlySelf = admitted().flatMap(rec -> Combinators.combine(
            plansWith(rec, Arbitraries.subsetOf(self)), Cases.upTo(MONTH))
        .as((plans, wait) -> Case.of(withDocuments(rec, plans),
            onOrAfter(latest(plans, admissionDate(rec)), admission(rec)).plus(wait))));
    r.notApplicable(id, Arbitraries.oneOf(noTreatmentPlan(), onlySelf));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  private static Set<Party> involvedOutside(List<Document> docs, Set<Party> self) {
    Set<Party> all = EnumSet.noneOf(Party.class);
    docs.forEach(d -> all.addAll(d.developedWith()));
    all.removeAll(self);
    return all;
  }

  /**
   * ASMT.5 "The Member records must show evidence of daily progress notes on days of attendance at
   * the program": a progress note dated each day of attendance; today's is due by the end of today.
   */
  private static void dailyProgressNotes(Registrar r) {
    String id = "IOP.ASMT.5";
    Arbitrary<Set<Integer>> days = Arbitraries.integers().between(0, 20).set().ofMinSize(1).ofMaxSize(8);
    // Every attendance day noted (other days may have contacts that are not attendance).
    r.meeting(id, Combinators.combine(admitted(), days, Arbitraries.longs(), Cases.upTo(MONTH))
        .as((rec, attended, seed, wait) -> {
          Random random = new Random(seed);
          List<Contact> contacts = attendanceOn(rec, attended, random);
          contacts.addAll(noise(rec, 0, random));
          Instant asOf = max(lastOf(contacts), admission(rec)).plus(wait);
          return Case.of(withDocuments(withContacts(rec, contacts), notes(rec, attended, -1, 0)), asOf);
        }));
    // An attendance day before today without a note (or noted only on a later date).
    r.violating(id, Combinators.combine(admitted(), days, Arbitraries.longs(), Arbitraries.integers().between(0, 7),
            Arbitraries.of(true, false), Cases.upTo(MONTH))
        .as((rec, attended, seed, which, notedLate, wait) -> {
          List<Contact> contacts = attendanceOn(rec, attended, new Random(seed));
          int missing = new ArrayList<>(new TreeSet<>(attended)).get(which % attended.size());
          LocalDate day = admissionDate(rec).plusDays(missing);
          Instant asOf = max(lastOf(contacts), Cases.startOfDay(day.plusDays(1))).plus(wait);
          return Case.of(withDocuments(withContacts(rec, contacts), notes(rec, attended, missing, notedLate ? 1 : 0)), asOf);
        }));
    // Every earlier attendance day noted; today's attendance has no note yet.
    r.pending(id, Combinators.combine(admitted(), days, Arbitraries.longs(), permille())
        .as((rec, attended, seed, p) -> {
          List<Contact> contacts = attendanceOn(rec, attended, new Random(seed));
          int today = new TreeSet<>(attended).last();
          Instant last = lastOf(contacts);
          return Case.of(withDocuments(withContacts(rec, contacts), notes(rec, attended, today, 0)),
              fraction(last, lastMinuteOf(admissionDate(rec).plusDays(today)), p));
        }));
    // No attendance yet: contacts that are not attendance, or attendance before admission.
    r.notApplicable(id, Combinators.combine(admitted(), Arbitraries.longs(), Cases.upTo(MONTH), Cases.upTo(Duration.ofDays(5)))
        .as((rec, seed, wait, before) -> {
          Random random = new Random(seed);
          List<Contact> contacts = noise(rec, 0, random);
          contacts.add(attendance("before-admission", admission(rec).minusSeconds(60).minus(before), random));
          return Case.of(withContacts(rec, contacts), max(lastOf(contacts), admission(rec)).plus(wait));
        }));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES);
  }

  /** One attendance contact on each of the days (offsets from the admission date), from admission on. */
  private static List<Contact> attendanceOn(CaseRecord rec, Set<Integer> days, Random random) {
    List<Contact> contacts = new ArrayList<>();
    for (int d : new TreeSet<>(days)) {
      contacts.add(attendance("att-" + d, instantOn(admissionDate(rec).plusDays(d), admission(rec), random.nextInt(1001)), random));
    }
    return contacts;
  }

  /** A progress note for each day (offsets), the day {@code skip} noted {@code shift} days late (or not at all when 0). */
  private static List<Document> notes(CaseRecord rec, Set<Integer> days, int skip, int shift) {
    List<Document> notes = new ArrayList<>();
    for (int d : new TreeSet<>(days)) {
      if (d != skip) {
        notes.add(document("note-" + d, DocumentKind.PROGRESS_NOTE, admissionDate(rec).plusDays(d), Set.of()));
      } else if (shift > 0) {
        notes.add(document("note-late-" + d, DocumentKind.PROGRESS_NOTE, admissionDate(rec).plusDays(d + shift), Set.of()));
      }
    }
    return notes;
  }

  // ---------------------------------------------------------------- DISCHARGE PLANNING

  /**
   * DISCH.1 "Discharge is a planned process that begins upon admission and development of a
   * treatment plan": the first treatment plan already addresses discharge.
   */
  private static void plannedFromAdmission(Registrar r) {
    String id = "IOP.DISCH.1";
    Arbitrary<Set<ContentElement>> addressing = Arbitraries.of(ContentElement.DISCHARGE_AND_AFTERCARE_PLAN,
        ContentElement.DISCHARGE_PLANNING_ACTIVITY).flatMap(IopCases::elementsWith);
    Arbitrary<Set<ContentElement>> silent = elementsExcept(ContentElement.DISCHARGE_AND_AFTERCARE_PLAN,
        ContentElement.DISCHARGE_PLANNING_ACTIVITY);
    r.meeting(id, firstPlan(addressing, elementsExcept()));
    r.violating(id, firstPlan(silent, elementsExcept()));
    r.notApplicable(id, noTreatmentPlan());
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES);
  }

  /** A first treatment plan covering {@code first}, later plans (dated after it) covering {@code later}. */
  private static Arbitrary<Case> firstPlan(Arbitrary<Set<ContentElement>> first, Arbitrary<Set<ContentElement>> later) {
    return admitted().flatMap(rec -> Combinators.combine(kindOf(TREATMENT_PLANS), Arbitraries.integers().between(0, 5), first,
            Arbitraries.integers().between(1, 14).flatMap(gap -> documents("tp-later", TREATMENT_PLANS,
                admissionDate(rec).plusDays(gap), 7, later, 0, 2)), Cases.upTo(MONTH))
        .as((kind, day, els, more, wait) -> {
          Document plan = document("tp-first", kind, admissionDate(rec).plusDays(day), els);
          List<Document> all = new ArrayList<>();
          all.add(plan);
          more.stream().map(d -> Document.builder().from(d).date(d.date().plusDays(day)).build()).forEach(all::add);
          return Case.of(withDocuments(rec, all), onOrAfter(latest(all, plan.date()), admission(rec)).plus(wait));
        }));
  }

  /** DISCH.2.1-2.9: the member's concerns and social risk factors a discharge plan should include. */
  private static void dischargePlanConcerns(Registrar r) {
    ContentElement[] elements = {ContentElement.MEMBER_CONCERNS, ContentElement.HOUSING, ContentElement.FOOD_SECURITY,
        ContentElement.RECOVERY_AND_RELAPSE_SERVICES, ContentElement.FINANCES, ContentElement.HEALTH_CARE,
        ContentElement.TRANSPORTATION, ContentElement.OCCUPATIONAL_AND_EDUCATION, ContentElement.SOCIAL_SUPPORTS};
    for (int i = 0; i < elements.length; i++) {
      element(r, "IOP.DISCH.2." + (i + 1), DISCHARGE_PLAN, elements[i]);
    }
  }

  /** DISCH.5.1-5.5: what the discharge plan given at discharge includes. */
  private static void dischargePlanElements(Registrar r) {
    ContentElement[] elements = {ContentElement.REFERRALS, ContentElement.APPOINTMENT_TIMES_AND_LOCATIONS,
        ContentElement.TRANSPORTATION, ContentElement.MEDICATION_INFORMATION, ContentElement.EMERGENCY_AND_CRISIS_INFORMATION};
    for (int i = 0; i < elements.length; i++) {
      element(r, "IOP.DISCH.5." + (i + 1), DISCHARGE_PLAN, elements[i]);
    }
  }

  /**
   * DISCH.4 "ensures that the above concerns and planned after-care are documented in the Members
   * record", once discharged: a discharge or after-care plan covers the member's concerns and one
   * covers the planned after-care.
   */
  private static void concernsAndAftercareDocumented(Registrar r) {
    String id = "IOP.DISCH.4";
    List<DocumentKind> plans = List.of(DocumentKind.DISCHARGE_PLAN, DocumentKind.AFTERCARE_PLAN);
    Arbitrary<ContentElement> concern = Arbitraries.of(ContentElement.MEMBER_CONCERNS, ContentElement.SOCIAL_RISK_FACTORS);
    Arbitrary<ContentElement> aftercare = Arbitraries.of(ContentElement.DISCHARGE_AND_AFTERCARE_PLAN,
        ContentElement.REFERRALS, ContentElement.APPOINTMENT_TIMES_AND_LOCATIONS);
    // Elements that say nothing about concerns, social risks or after-care.
    Arbitrary<Set<ContentElement>> neutral = Arbitraries.subsetOf(EnumSet.of(ContentElement.DIAGNOSIS_AND_FORMULATION,
        ContentElement.MENTAL_STATUS_EXAM, ContentElement.LEVEL_OF_FUNCTIONING, ContentElement.STRENGTHS,
        ContentElement.OUTCOME_DATA, ContentElement.HARM_REDUCTION)).ofMaxSize(3);
    r.meeting(id, dischargedStay().flatMap(s -> Combinators.combine(kindOf(plans), kindOf(plans), concern, aftercare,
            Arbitraries.of(true, false), neutral, dayInStay(s), dayInStay(s))
        .as((k1, k2, c, a, together, extra, d1, d2) -> {
          List<Document> docs = together
              ? List.of(document("plan-1", k1, d1, union(extra, c, a)))
              : List.of(document("plan-1", k1, d1, union(extra, c)), document("plan-2", k2, d2, union(extra, a)));
          return Case.of(withDocuments(s.record(), docs), s.asOf());
        })));
    r.violating(id, dischargedStay().flatMap(s -> Combinators.combine(kindOf(plans), concern, aftercare,
            Arbitraries.integers().between(0, 2), neutral, dayInStay(s))
        .as((k, c, a, variant, extra, d) -> {
          List<Document> docs = switch (variant) {
            case 0 -> List.of(document("plan-1", k, d, union(extra, c)));
            case 1 -> List.of(document("plan-1", k, d, union(extra, a)));
            default -> List.of();
          };
          return Case.of(withDocuments(s.record(), docs), s.asOf());
        })));
    r.notApplicable(id, notYetDischarged());
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  private static Set<ContentElement> union(Set<ContentElement> base, ContentElement... more) {
    Set<ContentElement> all = EnumSet.noneOf(ContentElement.class);
    all.addAll(base);
    all.addAll(List.of(more));
    return all;
  }

  /**
   * DISCH.5 "The discharge plan ... is given to the Member and/or the Member's family or guardian at
   * the time of discharge": a discharge plan given to one of them on the discharge date.
   */
  private static void planGivenAtDischarge(Registrar r) {
    String id = "IOP.DISCH.5";
    Arbitrary<Set<Party>> recipients = Arbitraries.subsetOf(EnumSet.of(Party.MEMBER, Party.FAMILY, Party.GUARDIAN)).ofMinSize(1);
    Arbitrary<Set<Party>> others = Arbitraries.subsetOf(EnumSet.of(Party.PCC, Party.OUTPATIENT_PROVIDER,
        Party.PAYER_CARE_TEAM, Party.PSYCHIATRIST)).ofMaxSize(2);
    r.meeting(id, dischargedStay().flatMap(s -> Combinators.combine(recipients, others, dayInStay(s))
        .as((to, also, d) -> Case.of(withDocuments(s.record(), List.of(Document.builder().id("dp")
            .kind(DocumentKind.DISCHARGE_PLAN).date(d).givenTo(union(to, also)).givenOn(s.dischargeDate()).build())), s.asOf()))));
    // No discharge plan; given to someone else; given on another date; not recorded as given on a date.
    r.violating(id, dischargedStay().flatMap(s -> Combinators.combine(recipients, Arbitraries.subsetOf(EnumSet.of(Party.PCC,
                Party.OUTPATIENT_PROVIDER, Party.PAYER_CARE_TEAM, Party.PSYCHIATRIST)).ofMinSize(1).ofMaxSize(2),
            Arbitraries.integers().between(0, 3), Arbitraries.integers().between(1, 5), dayInStay(s), Arbitraries.of(-1, 1))
        .as((to, elsewhere, variant, days, d, sign) -> {
          var plan = Document.builder().id("dp").kind(DocumentKind.DISCHARGE_PLAN).date(d);
          List<Document> docs = switch (variant) {
            case 0 -> List.of();
            case 1 -> List.of(plan.givenTo(elsewhere).givenOn(s.dischargeDate()).build());
            case 2 -> List.of(plan.givenTo(to).givenOn(s.dischargeDate().plusDays((long) sign * days)).build());
            default -> List.of(plan.givenTo(to).build());
          };
          return Case.of(withDocuments(s.record(), docs), s.asOf());
        })));
    r.notApplicable(id, notYetDischarged());
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  /**
   * DISCH.6.a "The provider will develop linkages to outside referrals and state agencies that
   * ensure a smooth transition": a referral out of the IOP made by the discharge.
   */
  private static void linkagesDeveloped(Registrar r) {
    String id = "IOP.DISCH.6.a";
    r.meeting(id, dischargedStay().flatMap(s -> Combinators.combine(between(s.admitted(), s.discharged()),
            Arbitraries.of(ServiceCategory.class))
        .as((at, target) -> Case.of(referring(s.record(), referral("out-1", target, at)), s.asOf()))));
    r.violating(id, dischargedStay().flatMap(s -> Combinators.combine(Arbitraries.of(true, false), Cases.upTo(TEN_DAYS),
            Arbitraries.of(ServiceCategory.class))
        .as((after, by, target) -> Case.of(after
            ? referring(s.record(), referral("out-1", target, s.discharged().plusSeconds(60).plus(by))) : s.record(),
            s.asOf()))));
    r.notApplicable(id, notYetDischarged());
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  /**
   * DISCH.6.b "At least one after-care appointment is scheduled within 7 days of the Members
   * discharge" and DISCH.6.c "If a member is discharged on medication, then at least one
   * psychiatric after-care appointment must be scheduled within 14 days of discharge": an
   * appointment booked before it takes place, dated from the discharge date through N days after.
   */
  private static void appointmentWithin(Registrar r, String id, Set<AppointmentKind> kinds, int days) {
    boolean medication = days == 14;
    Arbitrary<Stay> stays = dischargedStay().map(s -> medication ? s.onMedication(true) : s);
    Arbitrary<AppointmentKind> kind = Arbitraries.of(kinds);
    r.meeting(id, stays.flatMap(s -> Combinators.combine(kind, Arbitraries.integers().between(0, days), permille(),
            permille(), Cases.upTo(MONTH))
        .as((k, day, p, q, wait) -> {
          Instant at = instantOn(s.dischargeDate().plusDays(day), s.discharged(), p);
          Instant booked = fraction(s.admitted(), at, q);
          return Case.of(appointed(s.record(), k, booked, at), max(booked, s.discharged()).plus(wait));
        })));
    // None by the end of the window: none booked, one dated outside it, one booked after it took
    // place, one booked after the as-of; for 6.c a general after-care appointment.
    r.violating(id, stays.flatMap(s -> {
      Instant firstLate = Cases.startOfDay(s.dischargeDate().plusDays(days + 1));
      return Combinators.combine(kind, Arbitraries.integers().between(0, medication ? 4 : 3), Cases.upTo(MONTH),
              Arbitraries.integers().between(1, 20), permille(), Arbitraries.integers().between(0, days))
          .as((k, variant, wait, off, p, inside) -> {
            Instant asOf = max(firstLate, s.asOf()).plus(wait);
            Instant within = instantOn(s.dischargeDate().plusDays(inside), s.discharged(), p);
            CaseRecord c = switch (variant) {
              case 0 -> s.record();
              case 1 -> {
                Instant at = off % 2 == 0 ? instantOn(s.dischargeDate().plusDays(days + off), s.discharged(), p)
                    : Cases.startOfDay(s.dischargeDate()).minus(Duration.ofMinutes(off * 97L));
                yield appointed(s.record(), k, at.minus(Duration.ofDays(1)), at);
              }
              case 2 -> appointed(s.record(), k, within.plusSeconds(60), within);
              case 3 -> appointed(s.record(), k, asOf.plusSeconds(60), asOf.plus(Duration.ofDays(1)));
              default -> appointed(s.record(), AppointmentKind.AFTERCARE, s.discharged(), within);
            };
            return Case.of(c, asOf);
          });
    }));
    r.pending(id, stays.flatMap(s -> Combinators.combine(between(s.discharged(), lastMinuteOf(s.dischargeDate().plusDays(days))),
            Arbitraries.of(true, false), kind, Cases.upTo(TEN_DAYS))
        .as((asOf, later, k, by) -> Case.of(later
            ? appointed(s.record(), k, asOf.plusSeconds(60), asOf.plusSeconds(60).plus(by)) : s.record(), asOf))));
    Arbitrary<Case> notOnMedication = dischargedStay().map(s -> Case.of(s.onMedication(false).record(), s.asOf()));
    r.notApplicable(id, medication ? Arbitraries.oneOf(notYetDischarged(), notOnMedication) : notYetDischarged());
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  private static CaseRecord appointed(CaseRecord rec, AppointmentKind kind, Instant booked, Instant at) {
    Appointment a = Appointment.builder().id("appt").kind(kind).scheduledAt(booked).at(at).build();
    return withEpisode(rec, e -> ImmutableEpisode.copyOf(e).withAppointments(concat(e.appointments(), List.of(a))));
  }

  /**
   * DISCH.7 "The provider contacts ... CCA's Clinical Team for support with arranging needed
   * after-care transportation", once discharged with a transportation need: a transportation
   * contact with CCA's team.
   */
  private static void transportationSupport(Registrar r) {
    String id = "IOP.DISCH.7";
    Set<ServiceCategory> otherNeeds = EnumSet.copyOf(UNRELATED_SERVICES);
    otherNeeds.remove(ServiceCategory.TRANSPORTATION);
    Arbitrary<Set<ServiceCategory>> needs = Arbitraries.subsetOf(otherNeeds).ofMaxSize(2);
    r.meeting(id, dischargedStay().flatMap(s -> Combinators.combine(needs, between(s.admitted(), s.asOf()),
            Arbitraries.of(ContactMode.class), Arbitraries.subsetOf(EnumSet.allOf(Party.class)).ofMaxSize(2))
        .as((n, at, mode, also) -> Case.of(needing(withContacts(s.record(), List.of(contact("ride", ContactKind.TRANSPORTATION,
            mode, at, false, union(also, EnumSet.of(Party.PAYER_CARE_TEAM)), Set.of()))), union(n, ServiceCategory.TRANSPORTATION)),
            s.asOf()))));
    r.violating(id, dischargedStay().flatMap(s -> Combinators.combine(needs, between(s.admitted(), s.asOf()),
            Arbitraries.integers().between(0, 2), Arbitraries.subsetOf(EnumSet.complementOf(EnumSet.of(Party.PAYER_CARE_TEAM)))
                .ofMaxSize(2), Cases.upTo(TEN_DAYS))
        .as((n, at, variant, parties, by) -> {
          List<Contact> contacts = switch (variant) {
            case 0 -> List.of(contact("ride", ContactKind.TRANSPORTATION, ContactMode.PHONE, at, false, parties, Set.of()));
            case 1 -> List.of(contact("cca", ContactKind.CASE_MANAGEMENT, ContactMode.PHONE, at, false,
                EnumSet.of(Party.PAYER_CARE_TEAM), Set.of()));
            default -> List.of(contact("ride", ContactKind.TRANSPORTATION, ContactMode.PHONE, s.asOf().plusSeconds(60).plus(by),
                false, EnumSet.of(Party.PAYER_CARE_TEAM), Set.of()));
          };
          return Case.of(needing(withContacts(s.record(), contacts), union(n, ServiceCategory.TRANSPORTATION)), s.asOf());
        })));
    Arbitrary<Case> open = notYetDischarged().map(c -> Case.of(needing(c.record(), EnumSet.of(ServiceCategory.TRANSPORTATION)),
        c.asOf()));
    Arbitrary<Case> noNeed = dischargedStay().flatMap(s -> needs.map(n -> Case.of(needing(s.record(), n), s.asOf())));
    r.notApplicable(id, Arbitraries.oneOf(open, noNeed));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  // ---------------------------------------------------------------- shared shapes

  /** A discharged stay: the record, its admission and discharge, and an as-of after the discharge. */
  private record Stay(CaseRecord record, Instant admitted, Instant discharged, Instant asOf) {
    LocalDate dischargeDate() {
      return dateOf(discharged);
    }

    Stay onMedication(boolean on) {
      return new Stay(withEpisode(record, e -> ImmutableEpisode.copyOf(e).withDischargedOnMedication(on)), admitted,
          discharged, asOf);
    }
  }

  /** Records discharged 0 to 25 days after admission, judged up to a month after the discharge. */
  private static Arbitrary<Stay> dischargedStay() {
    return Combinators.combine(admitted(), Cases.upTo(Duration.ofDays(25)), Cases.upTo(MONTH))
        .as((rec, stay, wait) -> {
          Instant d = admission(rec).plus(stay);
          return new Stay(discharged(rec, d), admission(rec), d, d.plus(wait));
        });
  }

  /** A date from the admission date to the discharge date. */
  private static Arbitrary<LocalDate> dayInStay(Stay s) {
    LocalDate first = dateOf(s.admitted());
    return Arbitraries.integers().between(0, (int) ChronoUnit.DAYS.between(first, s.dischargeDate())).map(first::plusDays);
  }

  /** Records still open at the as-of (a discharge may be recorded for later). */
  private static Arbitrary<Case> notYetDischarged() {
    return Combinators.combine(admitted(), Cases.upTo(MONTH), Arbitraries.of(true, false), Cases.upTo(TEN_DAYS),
            Arbitraries.of(true, false))
        .as((rec, wait, later, by, medication) -> {
          Instant asOf = admission(rec).plus(wait);
          CaseRecord c = withEpisode(rec, e -> ImmutableEpisode.copyOf(e).withDischargedOnMedication(medication));
          return Case.of(later ? discharged(c, asOf.plusSeconds(60).plus(by)) : c, asOf);
        });
  }

  /** A listed element documents of {@code kinds} must cover, for any admitted record. */
  private static void element(Registrar r, String id, List<DocumentKind> kinds, ContentElement element) {
    registerElement(r, id, kinds, element, IopCases.admittedMaybeDischarged());
    r.notApplicable(id, elementNotInRecord(kinds, element, IopCases.admittedMaybeDischarged()));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  /**
   * MET: one of the documents of {@code kinds} in the record covers {@code element} (others may
   * not). NOT_MET: none does (one dated after the as-of may).
   */
  private static void registerElement(Registrar r, String id, List<DocumentKind> kinds, ContentElement element,
      Arbitrary<CaseRecord> base) {
    r.meeting(id, base.flatMap(rec -> Combinators.combine(
            documents("doc", kinds, admissionDate(rec), 14, elementsExcept(element), 0, 2),
            documents("covering", kinds, admissionDate(rec), 14, elementsWith(element), 1, 1), Cases.upTo(MONTH))
        .as((others, covering, wait) -> {
          List<Document> all = concat(others, covering);
          return Case.of(withDocuments(rec, all), onOrAfter(latest(all, admissionDate(rec)), admission(rec)).plus(wait));
        })));
    r.violating(id, base.flatMap(rec -> Combinators.combine(
            documents("doc", kinds, admissionDate(rec), 14, elementsExcept(element), 1, 3), Cases.upTo(MONTH),
            Arbitraries.of(true, false), Arbitraries.integers().between(1, 5), kindOf(kinds))
        .as((docs, wait, later, ahead, kind) -> {
          Instant asOf = onOrAfter(latest(docs, admissionDate(rec)), admission(rec)).plus(wait);
          List<Document> all = new ArrayList<>(docs);
          if (later) {
            all.add(document("later", kind, dateOf(asOf).plusDays(ahead), EnumSet.of(element)));
          }
          return Case.of(withDocuments(rec, all), asOf);
        })));
  }

  /**
   * No document of {@code kinds} in the record: documents of clearly other kinds (covering the
   * element), or one of {@code kinds} dated after the as-of.
   */
  private static Arbitrary<Case> elementNotInRecord(List<DocumentKind> kinds, ContentElement element, Arbitrary<CaseRecord> base) {
    List<DocumentKind> others = new ArrayList<>(List.of(DocumentKind.ASSESSMENT, DocumentKind.PROGRESS_NOTE,
        DocumentKind.CONSENT, DocumentKind.TREATMENT_PLAN, DocumentKind.DISCHARGE_PLAN));
    others.removeAll(kinds);
    return base.flatMap(rec -> Combinators.combine(documents("other", others, admissionDate(rec), 14, elementsWith(element), 0, 2),
            Cases.upTo(MONTH), Arbitraries.of(true, false), Arbitraries.integers().between(1, 5), kindOf(kinds))
        .as((docs, wait, later, ahead, kind) -> {
          Instant asOf = admission(rec).plus(wait);
          List<Document> all = new ArrayList<>(docs);
          if (later) {
            all.add(document("later", kind, dateOf(asOf).plusDays(ahead), EnumSet.of(element)));
          }
          return Case.of(withDocuments(rec, all), asOf);
        }));
  }

  private static <T> List<T> concat(List<? extends T> a, List<? extends T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}

package org.perfspecs.testkit.scenarios;

import static org.perfspecs.testkit.scenarios.Cases.admission;
import static org.perfspecs.testkit.scenarios.Cases.dateOf;
import static org.perfspecs.testkit.scenarios.Cases.withEpisode;
import static org.perfspecs.testkit.scenarios.EsoapCases.addContact;
import static org.perfspecs.testkit.scenarios.EsoapCases.addDocument;
import static org.perfspecs.testkit.scenarios.EsoapCases.addReferral;
import static org.perfspecs.testkit.scenarios.EsoapCases.contact;
import static org.perfspecs.testkit.scenarios.EsoapCases.contactOf;
import static org.perfspecs.testkit.scenarios.EsoapCases.documentOf;
import static org.perfspecs.testkit.scenarios.EsoapCases.fraction;
import static org.perfspecs.testkit.scenarios.EsoapCases.fromNextDay;
import static org.perfspecs.testkit.scenarios.EsoapCases.notShownInStay;
import static org.perfspecs.testkit.scenarios.EsoapCases.shownInStay;
import static org.perfspecs.testkit.scenarios.EsoapCases.max;
import static org.perfspecs.testkit.scenarios.EsoapCases.on;
import static org.perfspecs.testkit.scenarios.EsoapCases.referral;
import static org.perfspecs.testkit.scenarios.EsoapCases.withMember;
import static org.perfspecs.testkit.scenarios.EsoapCases.withServiceNeeds;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.apiguardian.api.API;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.ContactMode;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.ImmutableEpisode;
import org.perfspecs.model.ImmutableMember;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ReferralSource;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.ServiceType;
import org.perfspecs.model.StateAgency;
import org.perfspecs.model.Topic;
import org.perfspecs.model.WellnessPlan;
import org.perfspecs.testkit.scenarios.EsoapCases.Fact;

/**
 * Scenario generators for the episode requirements of {@code RC}. The onset of service delivery
 * is days 1 to 7 of service (the admission date is day 1); obligations stated without a deadline
 * are judged over the stay so far (admission to discharge, or to the as-of time while open); a
 * connection is a contact in person, by phone or by text with the member engaged, other than
 * case-related work.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RcScenarios implements ScenarioSource {
  private static final ServiceType RC = ServiceType.RC;
  private static final Duration MONTH = Duration.ofDays(30);
  private static final Duration TEN_DAYS = Duration.ofDays(10);

  @Override
  public String specification() {
    return "RC";
  }

  @Override
  public void register(Registrar r) {
    wellnessPlanWithMember(r);
    referralFromEligibleSource(r);
    linksToTreatmentAndSupports(r);
    connectionsToHealthAndSocialServices(r);
    recoveryLiaison(r);
    wellnessPlanEnacting(r);
    transportationAssistance(r);
    planOfSafeCare(r);
    planOfSafeCareSupport(r);
    dcfProcessExplained(r);
    custodyAdvocacy(r);
    followThroughPlanOfSafeCare(r);
    followThroughDcfFamilyActionPlan(r);
    inPersonWellnessPlanAtOnset(r);
    fiveConnectionsPer30Days(r);
    connectionsSupportWellnessGoals(r);
    caseRelatedWork(r);
    memberDirectsWellness(r);
    createdCollaboratively(r);
    copyInRecord(r);
    meetsIndividualNeeds(r);
    initialInPersonVisit(r);
    weeklyContacts(r);
    stagesOfChangeNotes(r);
  }

  // ---- records -------------------------------------------------------------------------------

  private static Arbitrary<CaseRecord> admitted() {
    return Cases.admitted(RC);
  }

  /** Members parenting, or pregnant or postpartum at admission (or both). */
  private static Arbitrary<CaseRecord> pregnantOrParenting() {
    return Arbitraries.oneOf(
        Combinators.combine(Cases.admittedPregnantOrPostpartum(RC), Arbitraries.of(true, false))
            .as((rec, parenting) -> withMember(rec, m -> ImmutableMember.copyOf(m).withParenting(parenting))),
        Cases.admittedNeitherPregnantNorPostpartum(RC).map(rec -> withMember(rec, m -> ImmutableMember.copyOf(m).withParenting(true))));
  }

  /** Members neither parenting nor pregnant or postpartum at admission. */
  private static Arbitrary<CaseRecord> neitherPregnantNorParenting() {
    return Cases.admittedNeitherPregnantNorPostpartum(RC);
  }

  private static WellnessPlan plan(String id, LocalDate on, boolean inPerson, boolean memberDirected, List<String> goals,
      Set<ServiceCategory> needs) {
    return WellnessPlan.builder().id(id).createdOn(on).createdInPerson(inPerson).memberDirected(memberDirected)
        .goals(goals).needsIdentified(needs).build();
  }

  /** A member-directed Wellness Plan created in person on {@code on}, with one goal. */
  private static WellnessPlan goodPlan(LocalDate on) {
    return plan("wp", on, true, true, List.of("attend two mutual-aid meetings a week"), Set.of());
  }

  private static CaseRecord withWellnessPlan(CaseRecord rec, WellnessPlan p) {
    return withEpisode(rec, e -> ImmutableEpisode.copyOf(e).withWellnessPlan(p));
  }

  private static CaseRecord withPlanOfSafeCare(CaseRecord rec, WellnessPlan p) {
    return withEpisode(rec, e -> ImmutableEpisode.copyOf(e).withPlanOfSafeCare(p));
  }

  private static Arbitrary<CaseRecord> withPlanOnAdmissionDay(Arbitrary<CaseRecord> records) {
    return records.map(rec -> withWellnessPlan(rec, goodPlan(dateOf(admission(rec)))));
  }

  /** The start of day {@code n} of service (day 1 is the admission date). */
  private static Instant startOfServiceDay(CaseRecord rec, int n) {
    return Cases.startOfDay(dateOf(admission(rec)).plusDays(n - 1L));
  }

  /** The end of day {@code n} of service. */
  private static Instant endOfServiceDay(CaseRecord rec, int n) {
    return Cases.endOfDay(dateOf(admission(rec)).plusDays(n - 1L));
  }

  // ---- connections ---------------------------------------------------------------------------

  /** The modes the text names: in person, over the phone, by text. */
  private static final List<ContactMode> CONNECTION_MODES = List.of(ContactMode.IN_PERSON, ContactMode.PHONE, ContactMode.TEXT);
  private static final List<ContactKind> CONNECTION_KINDS = List.of(ContactKind.INDIVIDUAL, ContactKind.PEER_SUPPORT,
      ContactKind.GROUP);

  /** Connections: in person, by phone or by text, the member engaged and responsive. */
  private static Arbitrary<Fact> connections(String id, Topic... topics) {
    return Combinators.combine(Arbitraries.of(CONNECTION_KINDS), Arbitraries.of(CONNECTION_MODES))
        .as((kind, mode) -> (Fact) (rec, at) -> addContact(rec, contact(id, at, kind, mode, true, topics)));
  }

  private static List<Fact> connectionFacts(String id, Topic... topics) {
    List<Fact> out = new ArrayList<>();
    for (ContactKind kind : CONNECTION_KINDS) {
      for (ContactMode mode : CONNECTION_MODES) {
        out.add(contactOf(id, kind, mode, true, topics));
      }
    }
    return out;
  }

  /**
   * Contacts that are no connection: the member not engaged, by video (not one of the three modes
   * named), or case-related work.
   */
  private static List<Fact> notConnections(String id, Topic... topics) {
    return List.of(contactOf(id, ContactKind.INDIVIDUAL, ContactMode.IN_PERSON, false, topics),
        contactOf(id, ContactKind.OUTREACH_ATTEMPT, ContactMode.PHONE, false, topics),
        contactOf(id, ContactKind.INDIVIDUAL, ContactMode.TELEHEALTH, true, topics),
        contactOf(id, ContactKind.CASE_RELATED_WORK, ContactMode.PHONE, true, topics));
  }

  private static List<Fact> plus(List<Fact> a, List<Fact> b) {
    List<Fact> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static List<Fact> withNoop(List<Fact> facts) {
    List<Fact> all = new ArrayList<>(facts);
    all.add((rec, at) -> rec);
    return all;
  }

  // ---- the stay so far -----------------------------------------------------------------------

  /**
   * An obligation stated without a deadline, judged over the stay so far: MET by one of {@code
   * shown} from admission to the discharge (or the as-of time while open), the episode open or
   * discharged later; NOT_MET with none, with only one of {@code misses}, with the fact after the
   * as-of, or with one of {@code withinStay} only before the admission or after a discharge;
   * NOT_APPLICABLE for the {@code inapplicable} records, with one of {@code naFacts} or nothing
   * added.
   */
  private static void duringStay(Registrar r, String id, Arbitrary<CaseRecord> applicable, Arbitrary<CaseRecord> inapplicable,
      List<Fact> naFacts, List<Fact> shown, List<Fact> misses, List<Fact> withinStay) {
    duringStay(r, id, applicable, inapplicable, naFacts, shown, misses, withinStay, misses);
  }

  /**
   * As above, with {@code extras} (irrelevant facts) maybe added to the meeting records.
   */
  private static void duringStay(Registrar r, String id, Arbitrary<CaseRecord> applicable, Arbitrary<CaseRecord> inapplicable,
      List<Fact> naFacts, List<Fact> shown, List<Fact> misses, List<Fact> withinStay, List<Fact> extras) {
    r.meeting(id, shownInStay(applicable, shown, withNoop(extras)));
    List<Arbitrary<Case>> violating = notShownInStay(applicable, shown, misses);
    if (!withinStay.isEmpty()) {
      // After a discharge that has happened (the next day or later) ...
      violating.add(Combinators.combine(applicable, Arbitraries.of(withinStay), Cases.upTo(MONTH), Cases.upTo(MONTH))
          .flatAs((rec, fact, stay, wait) -> {
            Instant d = admission(rec).plus(stay);
            return fromNextDay(d, TEN_DAYS).map(t -> Case.of(Cases.discharged(fact.add(rec, t), d), t.plus(wait)));
          }));
      // ... or before the admission (a day before its date or earlier).
      violating.add(Combinators.combine(applicable, Arbitraries.of(withinStay), Cases.longerThan(Duration.ZERO, TEN_DAYS),
              Cases.upTo(MONTH))
          .as((rec, fact, before, wait) -> Case.of(fact.add(rec, Cases.startOfDay(dateOf(admission(rec))).minus(before)),
              admission(rec).plus(wait))));
    }
    r.violating(id, Arbitraries.oneOf(violating));
    r.notApplicable(id, Combinators.combine(inapplicable, Arbitraries.of(withNoop(naFacts)), Cases.upTo(MONTH), Cases.upTo(MONTH))
        .as((rec, fact, at, wait) -> {
          Instant t = admission(rec).plus(at);
          return Case.of(fact.add(rec, t), t.plus(wait));
        }));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  // ---- DEF -----------------------------------------------------------------------------------

  /**
   * DEF.1 "The Recovery Coach will work with the Member to develop a Wellness Plan": a
   * member-directed plan; due at the onset of service (days 1 to 7).
   */
  private static void wellnessPlanWithMember(Registrar r) {
    planByOnset(r, "RC.DEF.1", false, true, false);
  }

  /**
   * A Wellness Plan due by the end of day 7 of service. MET by a plan in the record (created by day
   * 7 when {@code late} matters; in person and member-directed when those matter); NOT_MET without
   * one after day 7, or with one failing what matters; PENDING through day 7 while none is in the
   * record (one may be dated later).
   */
  private static void planByOnset(Registrar r, String id, boolean inPersonMatters, boolean memberDirectedMatters,
      boolean lateMatters) {
    Arbitrary<Boolean> any = Arbitraries.of(true, false);
    r.meeting(id, Combinators.combine(admitted(), Arbitraries.integers().between(0, lateMatters ? 6 : 20), any, any,
            Arbitraries.integers().between(0, 2), Cases.upTo(MONTH))
        .as((rec, day, inPerson, directed, goals, wait) -> {
          LocalDate on = dateOf(admission(rec)).plusDays(day);
          WellnessPlan p = plan("wp", on, inPersonMatters || inPerson, memberDirectedMatters || directed,
              List.of("goal one", "goal two").subList(0, goals), Set.of());
          return Case.of(withWellnessPlan(rec, p), max(admission(rec), Cases.startOfDay(on)).plus(wait));
        }));
    List<Arbitrary<Case>> violating = new ArrayList<>();
    // None in the record after day 7 (or one dated after the as-of).
    violating.add(Combinators.combine(admitted(), any, Arbitraries.integers().between(1, 10))
        .flatAs((rec, later, days) -> Cases.atOrAfter(startOfServiceDay(rec, 8), MONTH).map(asOf -> Case.of(
            later ? withWellnessPlan(rec, goodPlan(dateOf(asOf).plusDays(days))) : rec, asOf))));
    if (memberDirectedMatters || inPersonMatters) {
      violating.add(Combinators.combine(admitted(), Arbitraries.integers().between(0, 20), any, Cases.upTo(MONTH))
          .as((rec, day, notInPerson, wait) -> {
            LocalDate on = dateOf(admission(rec)).plusDays(day);
            boolean failInPerson = inPersonMatters && (notInPerson || !memberDirectedMatters);
            boolean failDirected = memberDirectedMatters && !failInPerson;
            WellnessPlan p = plan("wp", on, !failInPerson, !failDirected, List.of("goal one"), Set.of());
            return Case.of(withWellnessPlan(rec, p), max(admission(rec), Cases.startOfDay(on)).plus(wait));
          }));
    }
    if (lateMatters) {
      // Created from day 8 on (the first instant of day 8 is late).
      violating.add(Combinators.combine(admitted(), Arbitraries.integers().between(7, 30), Cases.upTo(MONTH))
          .as((rec, day, wait) -> {
            LocalDate on = dateOf(admission(rec)).plusDays(day);
            return Case.of(withWellnessPlan(rec, goodPlan(on)), Cases.startOfDay(on).plus(wait));
          }));
    }
    r.violating(id, Arbitraries.oneOf(violating));
    r.pending(id, Combinators.combine(admitted(), any, Arbitraries.integers().between(1, 10))
        .flatAs((rec, later, days) -> EsoapCases.between(admission(rec), endOfServiceDay(rec, 7)).map(asOf -> Case.of(
            later ? withWellnessPlan(rec, goodPlan(dateOf(asOf).plusDays(days))) : rec, asOf))));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  private static final List<ReferralSource> ELIGIBLE = List.of(ReferralSource.MEDICAL_PROVIDER,
      ReferralSource.BEHAVIORAL_HEALTH_PROVIDER, ReferralSource.COMMUNITY_PARTNER, ReferralSource.CARE_MANAGER);

  /**
   * DEF.2 "Members can access Recovery Coaching services based on ... a referral by a medical or
   * behavioral health provider, Community Partner (CP), or other care manager": the referral in,
   * received by the admission.
   */
  private static void referralFromEligibleSource(Registrar r) {
    String id = "RC.DEF.2";
    Set<ReferralSource> others = EnumSet.allOf(ReferralSource.class);
    ELIGIBLE.forEach(others::remove);
    r.meeting(id, Combinators.combine(admitted(), Arbitraries.of(ELIGIBLE), Cases.upTo(TEN_DAYS), Cases.upTo(MONTH))
        .as((rec, source, before, wait) -> Case.of(referredIn(rec, source, admission(rec).minus(before)),
            admission(rec).plus(wait))));
    Arbitrary<Case> otherSource = Combinators.combine(admitted(), Arbitraries.of(others), Cases.upTo(TEN_DAYS), Cases.upTo(MONTH))
        .as((rec, source, before, wait) -> Case.of(referredIn(rec, source, admission(rec).minus(before)),
            admission(rec).plus(wait)));
    Arbitrary<Case> afterAdmission = Combinators.combine(admitted(), Arbitraries.of(ELIGIBLE),
            Cases.longerThan(Duration.ZERO, TEN_DAYS), Cases.upTo(MONTH))
        .as((rec, source, after, wait) -> Case.of(referredIn(rec, source, admission(rec).plus(after)),
            admission(rec).plus(after).plus(wait)));
    Arbitrary<Case> none = Combinators.combine(admitted(), Cases.upTo(MONTH))
        .as((rec, wait) -> Case.of(withEpisode(rec, e -> ImmutableEpisode.copyOf(e).withReferral(java.util.Optional.empty())),
            admission(rec).plus(wait)));
    r.violating(id, Arbitraries.oneOf(otherSource, afterAdmission, none));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  private static CaseRecord referredIn(CaseRecord rec, ReferralSource source, Instant at) {
    return withEpisode(rec, e -> ImmutableEpisode.copyOf(e)
        .withReferral(Referral.builder().id("ref-in").source(source).at(at).build())
        .withEvaluatedAt(at.isAfter(admission(rec)) ? admission(rec) : at));
  }

  // ---- COMP ----------------------------------------------------------------------------------

  /** COMP.5 "Assist Members in creating personally meaningful links to treatment, peer recovery support services, and mutual aid ... as needed". */
  private static void linksToTreatmentAndSupports(Registrar r) {
    referredForEachNeed(r, "RC.COMP.5", List.of(ServiceCategory.OUTPATIENT_BEHAVIORAL_HEALTH,
            ServiceCategory.MEDICATION_FOR_ADDICTION_TREATMENT, ServiceCategory.PEER_SUPPORT, ServiceCategory.SELF_HELP),
        List.of(ServiceCategory.TRANSPORTATION, ServiceCategory.DENTIST, ServiceCategory.HOUSING, ServiceCategory.RECREATION));
  }

  /**
   * COMP.7 "When appropriate, ... facilitate connections to primary and specialty medical, dental
   * and mental health services as well as social services, including applying for benefits".
   */
  private static void connectionsToHealthAndSocialServices(Registrar r) {
    referredForEachNeed(r, "RC.COMP.7", List.of(ServiceCategory.PCC, ServiceCategory.PRIMARY_HEALTH, ServiceCategory.DENTIST,
            ServiceCategory.MENTAL_HEALTH, ServiceCategory.PSYCHIATRY, ServiceCategory.SOCIAL_SERVICES, ServiceCategory.BENEFITS),
        List.of(ServiceCategory.TRANSPORTATION, ServiceCategory.PEER_SUPPORT, ServiceCategory.SELF_HELP, ServiceCategory.RECREATION));
  }

  /**
   * A need in {@code group} marked (with others maybe): MET when each marked need of the group has
   * a referral out by the as-of; NOT_MET when one has none (or only one made after the as-of, or a
   * referral to another kind of service); NOT_APPLICABLE when only {@code others} are marked.
   */
  private static void referredForEachNeed(Registrar r, String id, List<ServiceCategory> group, List<ServiceCategory> others) {
    Arbitrary<CaseRecord> needing = Combinators.combine(admitted(), Arbitraries.of(group).set().ofMinSize(1).ofMaxSize(3),
            Arbitraries.of(others).set().ofMaxSize(2))
        .as((rec, in, out) -> {
          Set<ServiceCategory> needs = EnumSet.copyOf(in);
          needs.addAll(out);
          return withServiceNeeds(rec, needs);
        });
    r.meeting(id, needing.flatMap(rec -> referredForEach(rec,
        rec.episode().serviceNeeds().stream().filter(group::contains).sorted().toList())));
    r.violating(id, needing.flatMap(rec -> {
      List<ServiceCategory> needs = rec.episode().serviceNeeds().stream().filter(group::contains).sorted().toList();
      return Combinators.combine(Cases.upTo(MONTH).list().ofSize(needs.size()), Arbitraries.integers().between(0, needs.size() - 1),
              Arbitraries.integers().between(0, 2), Cases.upTo(MONTH))
          .as((ats, missing, how, wait) -> {
            CaseRecord c = rec;
            Instant latest = admission(rec);
            for (int i = 0; i < needs.size(); i++) {
              Instant at = admission(rec).plus(ats.get(i));
              latest = max(latest, at);
              if (i != missing) {
                c = addReferral(c, referral("ref-" + i, needs.get(i), at));
              }
            }
            Instant asOf = latest.plus(wait);
            Instant at = admission(rec).plus(ats.get(missing));
            if (how == 1) {
              c = addReferral(c, referral("ref-other", others.get(missing % others.size()), at));
            } else if (how == 2) {
              c = addReferral(c, referral("ref-late", needs.get(missing), asOf.plusSeconds(60)));
            }
            return Case.of(c, asOf);
          });
    }));
    r.notApplicable(id, Combinators.combine(admitted(), Arbitraries.of(others).set().ofMaxSize(2), Arbitraries.of(group),
            Cases.upTo(MONTH))
        .as((rec, needs, target, wait) -> {
          CaseRecord c = withServiceNeeds(rec, needs.isEmpty() ? Set.of() : EnumSet.copyOf(needs));
          return Case.of(addReferral(c, referral("ref-0", target, admission(rec))), admission(rec).plus(wait));
        }));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  /** Members involved with one of {@code agencies} (or with an open DCF case when {@code dcf}). */
  private static Arbitrary<CaseRecord> involvedWith(Arbitrary<CaseRecord> records, List<StateAgency> agencies, boolean dcf) {
    Arbitrary<Integer> which = Arbitraries.integers().between(0, agencies.size() - (dcf ? 0 : 1));
    return Combinators.combine(records, which, Arbitraries.of(StateAgency.DMH, StateAgency.DPH, StateAgency.DESE))
        .as((rec, i, other) -> withMember(rec, m -> i == agencies.size()
            ? ImmutableMember.copyOf(m).withDcfCaseOpen(true).withStateAgencies(other)
            : ImmutableMember.copyOf(m).withStateAgencies(agencies.get(i), other)));
  }

  /** Members involved with none of the agencies (maybe others). */
  private static Arbitrary<CaseRecord> notInvolved(Arbitrary<CaseRecord> records) {
    return Combinators.combine(records, Arbitraries.of(StateAgency.DPH, StateAgency.DESE).set().ofMaxSize(2))
        .as((rec, agencies) -> withMember(rec, m -> ImmutableMember.copyOf(m).withStateAgencies(agencies)));
  }

  /**
   * COMP.8 "Act as a recovery liaison and support the Member in preparing for or accompanying
   * Member to meetings with, for example, probation officers, social workers, and child
   * protection/child welfare workers", for members involved with probation, parole, courts or DCF.
   */
  private static void recoveryLiaison(Registrar r) {
    Fact accompanied = contactOf("shown", ContactKind.ACCOMPANIMENT, ContactMode.IN_PERSON, true);
    duringStay(r, "RC.COMP.8",
        involvedWith(admitted(), List.of(StateAgency.PROBATION, StateAgency.PAROLE, StateAgency.DCF), true),
        notInvolved(admitted()), List.of(accompanied),
        List.of(accompanied, contactOf("shown", ContactKind.ACCOMPANIMENT, ContactMode.PHONE, true, Topic.DCF)),
        List.of(contactOf("miss", ContactKind.ACCOMPANIMENT, ContactMode.IN_PERSON, false),
            contactOf("miss", ContactKind.INDIVIDUAL, ContactMode.IN_PERSON, true)),
        List.of(accompanied), List.of(contactOf("miss", ContactKind.INDIVIDUAL, ContactMode.IN_PERSON, true)));
  }

  /**
   * COMP.11.b "support the Member in creating and enacting a Wellness Plan": a connection on the
   * plan's goals once the plan is in the record.
   */
  private static void wellnessPlanEnacting(Registrar r) {
    List<Fact> shown = connectionFacts("shown", Topic.WELLNESS_PLAN_GOALS);
    duringStay(r, "RC.COMP.11.b", withPlanOnAdmissionDay(admitted()), admitted(), shown, shown,
        plus(notConnections("miss", Topic.WELLNESS_PLAN_GOALS), List.of(contactOf("miss", ContactKind.INDIVIDUAL,
            ContactMode.IN_PERSON, true, Topic.RECOVERY))),
        shown);
  }

  /** COMP.13.a "Provide temporary assistance with transportation to essential ... appointments", as needed. */
  private static void transportationAssistance(Registrar r) {
    Arbitrary<CaseRecord> needing = Combinators.combine(admitted(), Arbitraries.of(ServiceCategory.HOUSING,
            ServiceCategory.DENTIST, ServiceCategory.PEER_SUPPORT).set().ofMaxSize(2))
        .as((rec, others) -> {
          Set<ServiceCategory> needs = EnumSet.of(ServiceCategory.TRANSPORTATION);
          needs.addAll(others);
          return withServiceNeeds(rec, needs);
        });
    Arbitrary<CaseRecord> notNeeding = Combinators.combine(admitted(), Arbitraries.of(ServiceCategory.HOUSING,
            ServiceCategory.DENTIST, ServiceCategory.PEER_SUPPORT).set().ofMaxSize(2))
        .as((rec, needs) -> withServiceNeeds(rec, needs.isEmpty() ? Set.of() : EnumSet.copyOf(needs)));
    List<Fact> shown = List.of(contactOf("shown", ContactKind.TRANSPORTATION, ContactMode.IN_PERSON, true),
        contactOf("shown", ContactKind.TRANSPORTATION, ContactMode.PHONE, true),
        documentOf("shown", DocumentKind.TRANSPORTATION_ASSISTANCE_NOTE));
    List<Fact> misses = List.of(contactOf("miss", ContactKind.CASE_MANAGEMENT, ContactMode.IN_PERSON, true),
        documentOf("miss", DocumentKind.PROGRESS_NOTE, ContentElement.TRANSPORTATION));
    duringStay(r, "RC.COMP.13.a", needing, notNeeding, shown, shown, misses, shown, misses);
  }

  // ---- PREG ----------------------------------------------------------------------------------

  /**
   * PREG.1 "work collaboratively with the pregnant and/or parenting Member to create and
   * coordinate Plan of Safe Care ... to help the Member identify needed services": a
   * member-directed plan identifying needs, over the stay so far.
   */
  private static void planOfSafeCare(Registrar r) {
    String id = "RC.PREG.1";
    Arbitrary<Set<ServiceCategory>> needs = Arbitraries.of(ServiceCategory.HOUSING, ServiceCategory.PRENATAL_CARE,
        ServiceCategory.BENEFITS, ServiceCategory.CHILDCARE).set().ofMinSize(1).ofMaxSize(3).map(EnumSet::copyOf);
    r.meeting(id, Combinators.combine(pregnantOrParenting(), Arbitraries.integers().between(0, 20), needs, Cases.upTo(MONTH))
        .as((rec, day, identified, wait) -> {
          LocalDate on = dateOf(admission(rec)).plusDays(day);
          return Case.of(withPlanOfSafeCare(rec, plan("posc", on, true, true, List.of(), identified)),
              max(admission(rec), Cases.startOfDay(on)).plus(wait));
        }));
    Arbitrary<Case> none = Combinators.combine(pregnantOrParenting(), Cases.upTo(MONTH), Arbitraries.of(true, false), needs,
            Arbitraries.integers().between(1, 10))
        .as((rec, wait, later, identified, days) -> {
          Instant asOf = admission(rec).plus(wait);
          return Case.of(later ? withPlanOfSafeCare(rec, plan("posc", dateOf(asOf).plusDays(days), true, true, List.of(), identified))
              : rec, asOf);
        });
    Arbitrary<Case> flawed = Combinators.combine(pregnantOrParenting(), Arbitraries.integers().between(0, 20), needs,
            Arbitraries.of(true, false), Cases.upTo(MONTH))
        .as((rec, day, identified, notDirected, wait) -> {
          LocalDate on = dateOf(admission(rec)).plusDays(day);
          WellnessPlan p = notDirected ? plan("posc", on, true, false, List.of(), identified)
              : plan("posc", on, true, true, List.of(), Set.of());
          return Case.of(withPlanOfSafeCare(rec, p), max(admission(rec), Cases.startOfDay(on)).plus(wait));
        });
    r.violating(id, Arbitraries.oneOf(none, flawed));
    r.notApplicable(id, Combinators.combine(neitherPregnantNorParenting(), Arbitraries.of(true, false), needs, Cases.upTo(MONTH))
        .as((rec, withPlan, identified, wait) -> Case.of(withPlan
            ? withPlanOfSafeCare(rec, plan("posc", dateOf(admission(rec)), true, true, List.of(), identified)) : rec,
            admission(rec).plus(wait))));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  /** Item 2's needs, as the text names them: perinatal health and support, housing, healthcare, income, treatment. */
  private static final List<List<ServiceCategory>> PREG_NEEDS = List.of(
      List.of(ServiceCategory.OBSTETRIC_PROVIDER, ServiceCategory.PRENATAL_CARE, ServiceCategory.DOULA,
          ServiceCategory.LACTATION_SUPPORT, ServiceCategory.HEALTHY_START),
      List.of(ServiceCategory.HOUSING),
      List.of(ServiceCategory.PCC, ServiceCategory.PRIMARY_HEALTH, ServiceCategory.DENTIST, ServiceCategory.PEDIATRICS),
      List.of(ServiceCategory.BENEFITS, ServiceCategory.EMPLOYMENT, ServiceCategory.TRANSITIONAL_ASSISTANCE),
      List.of(ServiceCategory.MENTAL_HEALTH, ServiceCategory.PSYCHIATRY, ServiceCategory.OUTPATIENT_BEHAVIORAL_HEALTH,
          ServiceCategory.MEDICATION_FOR_ADDICTION_TREATMENT));

  /**
   * PREG.2 "Support Member around perinatal health and support needs, housing needs, healthcare
   * needs, income needs, mental health and substance use treatment needs (including MAT), as
   * identified in the Plan of Safe Care": one requirement per kind of need, each need of the kind
   * the plan identifies referred for.
   */
  private static void planOfSafeCareSupport(Registrar r) {
    for (int n = 1; n <= PREG_NEEDS.size(); n++) {
      List<ServiceCategory> group = PREG_NEEDS.get(n - 1);
      List<ServiceCategory> others = new ArrayList<>();
      for (int k = 0; k < PREG_NEEDS.size(); k++) {
        if (k != n - 1) {
          others.add(PREG_NEEDS.get(k).get(0));
        }
      }
      support(r, "RC.PREG.2." + n, group, others);
    }
  }

  private static void support(Registrar r, String id, List<ServiceCategory> group, List<ServiceCategory> others) {
    Arbitrary<CaseRecord> identified = Combinators.combine(pregnantOrParenting(),
            Arbitraries.of(group).set().ofMinSize(1).ofMaxSize(2), Arbitraries.of(others).set().ofMaxSize(2))
        .as((rec, in, out) -> {
          Set<ServiceCategory> needs = EnumSet.copyOf(in);
          needs.addAll(out);
          return withPlanOfSafeCare(rec, plan("posc", dateOf(admission(rec)), true, true, List.of(), needs));
        });
    r.meeting(id, identified.flatMap(rec -> referredForEach(rec, needs(rec).stream().filter(group::contains).sorted().toList())));
    r.violating(id, identified.flatMap(rec -> {
      List<ServiceCategory> needs = needs(rec).stream().filter(group::contains).sorted().toList();
      return Combinators.combine(Cases.upTo(MONTH).list().ofSize(needs.size()), Arbitraries.integers().between(0, needs.size() - 1),
              Arbitraries.of(true, false), Cases.upTo(MONTH))
          .as((ats, missing, late, wait) -> {
            CaseRecord c = rec;
            Instant latest = admission(rec);
            for (int i = 0; i < needs.size(); i++) {
              Instant at = admission(rec).plus(ats.get(i));
              latest = max(latest, at);
              if (i != missing) {
                c = addReferral(c, referral("ref-" + i, needs.get(i), at));
              }
            }
            Instant asOf = latest.plus(wait);
            if (late) {
              c = addReferral(c, referral("ref-late", needs.get(missing), asOf.plusSeconds(60)));
            }
            return Case.of(c, asOf);
          });
    }));
    // The plan identifies other kinds of need only; there is no plan; or the member is neither
    // pregnant, postpartum nor parenting.
    Arbitrary<Case> otherNeeds = Combinators.combine(pregnantOrParenting(), Arbitraries.of(others).set().ofMinSize(1).ofMaxSize(2),
            Cases.upTo(MONTH))
        .as((rec, needs, wait) -> Case.of(withPlanOfSafeCare(rec, plan("posc", dateOf(admission(rec)), true, true, List.of(),
            EnumSet.copyOf(needs))), admission(rec).plus(wait)));
    Arbitrary<Case> noPlan = Combinators.combine(pregnantOrParenting(), Arbitraries.of(group), Cases.upTo(MONTH))
        .as((rec, need, wait) -> Case.of(withServiceNeeds(rec, Set.of(need)), admission(rec).plus(wait)));
    Arbitrary<Case> neither = Combinators.combine(neitherPregnantNorParenting(), Arbitraries.of(group), Cases.upTo(MONTH))
        .as((rec, need, wait) -> Case.of(withPlanOfSafeCare(rec, plan("posc", dateOf(admission(rec)), true, true, List.of(),
            Set.of(need))), admission(rec).plus(wait)));
    r.notApplicable(id, Arbitraries.oneOf(otherNeeds, noPlan, neither));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  private static Set<ServiceCategory> needs(CaseRecord rec) {
    return rec.episode().planOfSafeCare().orElseThrow().needsIdentified();
  }

  /** PREG.4.a "Help Member understand the DCF custody assessment process": a connection covering DCF. */
  private static void dcfProcessExplained(Registrar r) {
    List<Fact> shown = connectionFacts("shown", Topic.DCF);
    duringStay(r, "RC.PREG.4.a", pregnantOrParenting(), neitherPregnantNorParenting(), shown, shown,
        plus(notConnections("miss", Topic.DCF), List.of(contactOf("miss", ContactKind.INDIVIDUAL, ContactMode.IN_PERSON, true,
            Topic.PARENTING_SKILLS))),
        shown);
  }

  /**
   * PREG.4.b "support Member in advocating for custody as appropriate", for members involved with
   * DCF: a connection on family preservation, or accompanying the member.
   */
  private static void custodyAdvocacy(Registrar r) {
    List<Fact> shown = plus(connectionFacts("shown", Topic.FAMILY_PRESERVATION),
        List.of(contactOf("shown", ContactKind.ACCOMPANIMENT, ContactMode.IN_PERSON, true)));
    duringStay(r, "RC.PREG.4.b", involvedWith(pregnantOrParenting(), List.of(StateAgency.DCF), true),
        Arbitraries.oneOf(notInvolved(pregnantOrParenting()), involvedWith(neitherPregnantNorParenting(), List.of(StateAgency.DCF), true)),
        shown, shown,
        List.of(contactOf("miss", ContactKind.INDIVIDUAL, ContactMode.IN_PERSON, false, Topic.FAMILY_PRESERVATION),
            contactOf("miss", ContactKind.INDIVIDUAL, ContactMode.PHONE, true, Topic.BUDGETING),
            contactOf("miss", ContactKind.ACCOMPANIMENT, ContactMode.IN_PERSON, false)),
        shown);
  }

  /** PREG.4.c "Assist Member in following through on a Plan of Safe Care": a connection once the plan is in the record. */
  private static void followThroughPlanOfSafeCare(Registrar r) {
    List<Fact> shown = connectionFacts("shown", Topic.RECOVERY);
    Arbitrary<CaseRecord> withPlan = pregnantOrParenting().map(rec -> withPlanOfSafeCare(rec,
        plan("posc", dateOf(admission(rec)), true, true, List.of(), Set.of(ServiceCategory.HOUSING))));
    Arbitrary<CaseRecord> outside = Arbitraries.oneOf(withPlanOnAdmissionDay(pregnantOrParenting()),
        neitherPregnantNorParenting().map(rec -> withPlanOfSafeCare(rec,
            plan("posc", dateOf(admission(rec)), true, true, List.of(), Set.of(ServiceCategory.HOUSING)))));
    duringStay(r, "RC.PREG.4.c", withPlan, outside, shown, shown, notConnections("miss"), shown);
  }

  /**
   * PREG.4.d "Assist Member in following through on ... a DCF Family Action Plan, if they have an
   * open case": the plan in the record and a connection on or after its date.
   */
  private static void followThroughDcfFamilyActionPlan(Registrar r) {
    List<Fact> shown = connectionFacts("shown", Topic.DCF);
    Function<CaseRecord, CaseRecord> openCase = rec -> withMember(rec, m -> ImmutableMember.copyOf(m).withDcfCaseOpen(true));
    Arbitrary<CaseRecord> withPlan = pregnantOrParenting().map(openCase).map(rec -> addDocument(rec,
        EsoapCases.document("fap", DocumentKind.DCF_FAMILY_ACTION_PLAN, dateOf(admission(rec)), Set.of(), Set.of())));
    // No Family Action Plan in the record: followed through on nothing.
    List<Fact> misses = plus(notConnections("miss"), List.of((rec, at) -> addContact(withEpisode(rec,
        e -> ImmutableEpisode.copyOf(e).withDocuments(List.of())), contact("miss", at, ContactKind.INDIVIDUAL, ContactMode.IN_PERSON, true))));
    Arbitrary<CaseRecord> outside = Arbitraries.oneOf(
        pregnantOrParenting().map(rec -> withMember(rec, m -> ImmutableMember.copyOf(m).withStateAgencies(StateAgency.DCF))),
        neitherPregnantNorParenting().map(openCase));
    duringStay(r, "RC.PREG.4.d", withPlan, outside, shown, shown, misses, shown, notConnections("extra"));
  }

  // ---- CASE ----------------------------------------------------------------------------------

  /**
   * CASE.1 "At least one in-person meeting at the onset of service delivery to develop the
   * Wellness Plan in conjunction with the Member": a plan created in person with the member by the
   * end of day 7.
   */
  private static void inPersonWellnessPlanAtOnset(Registrar r) {
    planByOnset(r, "RC.CASE.1", true, true, true);
  }

  /**
   * Consecutive periods of {@code days} days from {@code start} (day 1) must each hold {@code
   * required} qualifying contacts ({@code qualifying}); near misses ({@code misses}) never count.
   * The recurring rule: NOT_MET when a period that has closed holds fewer; MET when every closed
   * period holds them and at least one has closed (the period in progress, or a last one cut short
   * by the discharge, may hold fewer so far), or when the period in progress already holds them;
   * PENDING only while the first period is in progress with fewer (more may come after the as-of);
   * NOT_APPLICABLE: a stay discharged within the first period with fewer.
   */
  private static void everyPeriod(Registrar r, String id, Arbitrary<CaseRecord> base, Function<CaseRecord, LocalDate> start,
      int days, int required, Arbitrary<Fact> qualifying, List<Fact> misses) {
    everyPeriod(r, id, base, start, days, required, qualifying, misses, List.of());
  }

  /** As above, with more NOT_APPLICABLE scenarios (outside the requirement's condition). */
  private static void everyPeriod(Registrar r, String id, Arbitrary<CaseRecord> base, Function<CaseRecord, LocalDate> start,
      int days, int required, Arbitrary<Fact> qualifying, List<Fact> misses, List<Arbitrary<Case>> alsoNotApplicable) {
    Arbitrary<Fact> miss = Arbitraries.of(withNoop(misses));
    // MET, open (as-of = the last instant) or discharged then.
    // Once a period has closed with them, the period in progress (or one cut short) may hold fewer so far.
    r.meeting(id, Combinators.combine(base, Arbitraries.integers().between(0, 3 * days), Arbitraries.integers().between(0, 1439),
            Arbitraries.of(true, false), Cases.upTo(MONTH), Arbitraries.of(true, false), Arbitraries.integers().between(0, required - 1))
        .flatAs((rec, n, minute, discharged, wait, fewer, count) -> {
          Span s = span(rec, start.apply(rec), n, minute, days);
          boolean shortLast = fewer && n >= days && (!discharged || n % days != days - 1);
          return fill(s, required, shortLast ? n / days : -1, count, qualifying, miss).map(c -> discharged
              ? Case.of(Cases.discharged(c, s.last()), s.last().plus(wait)) : Case.of(c, s.last()));
        }));
    // NOT_MET: a closed period (before the one in progress, or one ended by the discharge) with fewer.
    r.violating(id, Combinators.combine(base, Arbitraries.integers().between(days, 3 * days), Arbitraries.integers().between(0, 1439),
            Arbitraries.of(true, false), Cases.upTo(MONTH), Arbitraries.integers().between(0, 100),
            Arbitraries.integers().between(0, required - 1))
        .flatAs((rec, n, minute, discharged, wait, pick, count) -> {
          Span s = span(rec, start.apply(rec), n, minute, days);
          int closed = n / days;
          return fill(s, required, pick * closed / 101, count, qualifying, miss).map(c -> discharged
              ? Case.of(Cases.discharged(c, s.last()), s.last().plus(wait)) : Case.of(c, s.last()));
        }));
    // PENDING: the first period, in progress, holds fewer so far; a qualifying contact may come later.
    r.pending(id, Combinators.combine(base, Arbitraries.integers().between(0, days - 1), Arbitraries.integers().between(0, 1439),
            Arbitraries.integers().between(0, required - 1), qualifying, Cases.longerThan(Duration.ZERO, MONTH))
        .flatAs((rec, n, minute, count, later, after) -> {
          Span s = span(rec, start.apply(rec), n, minute, days);
          return fill(s, required, n / days, count, qualifying, miss)
              .map(c -> Case.of(later.add(c, s.last().plus(after)), s.last()));
        }));
    // NOT_APPLICABLE: discharged before the first period's last day, with fewer.
    List<Arbitrary<Case>> notApplicable = new ArrayList<>(alsoNotApplicable);
    notApplicable.add(Combinators.combine(base, Arbitraries.integers().between(0, days - 2), Arbitraries.integers().between(0, 1439),
            Arbitraries.integers().between(0, required - 1), Cases.upTo(MONTH))
        .flatAs((rec, n, minute, count, wait) -> {
          Span s = span(rec, start.apply(rec), n, minute, days);
          return fill(s, required, 0, count, qualifying, miss)
              .map(c -> Case.of(Cases.discharged(c, s.last()), s.last().plus(wait)));
        }));
    r.notApplicable(id, Arbitraries.oneOf(notApplicable));
    r.traits(id, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  /** A record, the first day of the periods, the last instant of service so far and the period length. */
  private record Span(CaseRecord record, LocalDate start, Instant last, int days) {
    int periods() {
      return (int) java.time.temporal.ChronoUnit.DAYS.between(start, dateOf(last)) / days + 1;
    }

    /** The instants of period {@code k} within the stay so far. */
    Instant from(int k) {
      return max(admission(record), Cases.startOfDay(start.plusDays((long) k * days)));
    }

    Instant to(int k) {
      Instant end = Cases.endOfDay(start.plusDays((long) k * days + days - 1));
      return end.isBefore(last) ? end : last;
    }
  }

  /** The last instant of service on day {@code n} after {@code start} (not before the admission). */
  private static Span span(CaseRecord rec, LocalDate start, int n, int minute, int days) {
    return new Span(rec, start, max(admission(rec), on(start.plusDays(n), minute)), days);
  }

  /**
   * {@code s}'s record with {@code required} qualifying contacts in each period, except {@code
   * short} (none when negative), which gets {@code count}; and maybe a near miss.
   */
  private static Arbitrary<CaseRecord> fill(Span s, int required, int shortPeriod, int count, Arbitrary<Fact> qualifying,
      Arbitrary<Fact> miss) {
    int periods = s.periods();
    int total = 0;
    for (int k = 0; k < periods; k++) {
      total += k == shortPeriod ? count : required;
    }
    int n = total;
    return Combinators.combine(qualifying.list().ofSize(n), Arbitraries.integers().between(0, 100).list().ofSize(n), miss,
            Arbitraries.integers().between(0, 100))
        .as((facts, percents, extra, q) -> {
          CaseRecord c = s.record();
          int i = 0;
          for (int k = 0; k < periods; k++) {
            int want = k == shortPeriod ? count : required;
            Duration width = Duration.between(s.from(k), s.to(k));
            for (int j = 0; j < want; j++, i++) {
              c = renumbered(facts.get(i).add(c, fraction(s.from(k), width, percents.get(i))));
            }
          }
          Duration all = Duration.between(s.from(0), s.last());
          return extra.add(c, fraction(s.from(0), all, q));
        });
  }

  /** Contact ids made unique (the facts all use one id). */
  private static CaseRecord renumbered(CaseRecord rec) {
    List<Contact> contacts = new ArrayList<>();
    int i = 0;
    for (Contact c : rec.episode().contacts()) {
      contacts.add(org.perfspecs.model.ImmutableContact.copyOf(c).withId("q-" + i++));
    }
    return withEpisode(rec, e -> ImmutableEpisode.copyOf(e).withContacts(contacts));
  }

  /**
   * CASE.2 "At least five (5) connections with the Member over a thirty (30) day period.
   * Connections can be made in person, over the phone, or by text provided that the Member is
   * engaged and responsive": consecutive 30-day periods from the admission date.
   */
  private static void fiveConnectionsPer30Days(Registrar r) {
    everyPeriod(r, "RC.CASE.2", admitted(), rec -> dateOf(admission(rec)), 30, 5, connections("c"), notConnections("miss"));
  }

  /**
   * CASE.2.b "These ongoing connections must support ... the Member in working towards the goals
   * in the Wellness Plan": a connection on the goals in each 30-day period from the plan's date.
   */
  private static void connectionsSupportWellnessGoals(Registrar r) {
    Arbitrary<CaseRecord> planned = Combinators.combine(admitted(), Arbitraries.integers().between(0, 6))
        .as((rec, day) -> withWellnessPlan(rec, goodPlan(dateOf(admission(rec)).plusDays(day))));
    String id = "RC.CASE.2.b";
    // No Wellness Plan in the record (none, or one dated after the as-of), connections on goals or not.
    Arbitrary<Case> noPlan = Combinators.combine(admitted(), connections("c", Topic.WELLNESS_PLAN_GOALS), Arbitraries.of(true, false),
            Cases.upTo(MONTH), Arbitraries.integers().between(0, 100), Arbitraries.integers().between(1, 10))
        .as((rec, connection, later, wait, p, days) -> {
          Instant asOf = admission(rec).plus(wait);
          CaseRecord c = connection.add(rec, fraction(admission(rec), wait, p));
          return Case.of(later ? withWellnessPlan(c, goodPlan(dateOf(asOf).plusDays(days))) : c, asOf);
        });
    everyPeriod(r, id, planned, rec -> rec.episode().wellnessPlan().orElseThrow().createdOn(), 30, 1,
        connections("c", Topic.WELLNESS_PLAN_GOALS),
        plus(notConnections("miss", Topic.WELLNESS_PLAN_GOALS), List.of(contactOf("miss", ContactKind.INDIVIDUAL,
            ContactMode.IN_PERSON, true, Topic.RECOVERY))), List.of(noPlan));
  }

  /**
   * CASE.2.d "Sufficient time spent on case related work without Member present": case-related
   * work with time spent, in each 30-day period from the admission date.
   */
  private static void caseRelatedWork(Registrar r) {
    Arbitrary<Fact> work = Arbitraries.of(ContactMode.IN_PERSON, ContactMode.PHONE)
        .map(mode -> (Fact) (rec, at) -> addContact(rec, contact("w", at, ContactKind.CASE_RELATED_WORK, mode, false)));
    everyPeriod(r, "RC.CASE.2.d", admitted(), rec -> dateOf(admission(rec)), 30, 1, work,
        List.of(contactOf("miss", ContactKind.CASE_RELATED_WORK, ContactMode.TEXT, false),
            contactOf("miss", ContactKind.INDIVIDUAL, ContactMode.IN_PERSON, true)));
  }

  // ---- PROC ----------------------------------------------------------------------------------

  /**
   * A requirement on the Wellness Plan, once it is in the record: MET when the plan has what
   * {@code good} gives it, NOT_MET with {@code bad}; NOT_APPLICABLE with no plan, or one dated after
   * the as-of.
   */
  private static void planHas(Registrar r, String id, Function<LocalDate, Arbitrary<WellnessPlan>> good,
      Function<LocalDate, Arbitrary<WellnessPlan>> bad) {
    r.meeting(id, Combinators.combine(admitted(), Arbitraries.integers().between(0, 20), Cases.upTo(MONTH))
        .flatAs((rec, day, wait) -> {
          LocalDate on = dateOf(admission(rec)).plusDays(day);
          return good.apply(on).map(p -> Case.of(withWellnessPlan(rec, p), max(admission(rec), Cases.startOfDay(on)).plus(wait)));
        }));
    r.violating(id, Combinators.combine(admitted(), Arbitraries.integers().between(0, 20), Cases.upTo(MONTH))
        .flatAs((rec, day, wait) -> {
          LocalDate on = dateOf(admission(rec)).plusDays(day);
          return bad.apply(on).map(p -> Case.of(withWellnessPlan(rec, p), max(admission(rec), Cases.startOfDay(on)).plus(wait)));
        }));
    r.notApplicable(id, Combinators.combine(admitted(), Arbitraries.of(true, false), Arbitraries.integers().between(1, 10),
            Cases.upTo(MONTH))
        .flatAs((rec, later, days, wait) -> {
          Instant asOf = admission(rec).plus(wait);
          return good.apply(dateOf(asOf).plusDays(days)).map(p -> Case.of(later ? withWellnessPlan(rec, p) : rec, asOf));
        }));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  private static Arbitrary<WellnessPlan> plans(LocalDate on, Arbitrary<Boolean> directed, Arbitrary<Integer> goals) {
    return Combinators.combine(Arbitraries.of(true, false), directed, goals)
        .as((inPerson, d, g) -> plan("wp", on, inPerson, d, List.of("goal one", "goal two").subList(0, g), Set.of()));
  }

  /** PROC.1.a "The Member defines and directs the structure and content of his or her own wellness." */
  private static void memberDirectsWellness(Registrar r) {
    Arbitrary<Integer> goals = Arbitraries.integers().between(0, 2);
    planHas(r, "RC.PROC.1.a", on -> plans(on, Arbitraries.just(true), goals), on -> plans(on, Arbitraries.just(false), goals));
  }

  /** PROC.1.d "Wellness Plans ... must meet the individual needs of the Member": at least one goal of the member's. */
  private static void meetsIndividualNeeds(Registrar r) {
    Arbitrary<Boolean> directed = Arbitraries.of(true, false);
    planHas(r, "RC.PROC.1.d", on -> plans(on, directed, Arbitraries.integers().between(1, 2)),
        on -> plans(on, directed, Arbitraries.just(0)));
  }

  /** PROC.1.c "A copy of the Wellness Plan is part of the Member's record", due at the onset of service. */
  private static void copyInRecord(Registrar r) {
    planByOnset(r, "RC.PROC.1.c", false, false, false);
  }

  /**
   * PROC.1.b "Wellness Plans are created in a collaborative manner, with guidance, structure, and
   * support from the Recovery Coach": a connection with the member on the day the plan was created.
   */
  private static void createdCollaboratively(Registrar r) {
    String id = "RC.PROC.1.b";
    Arbitrary<CaseRecord> planned = Combinators.combine(admitted(), Arbitraries.integers().between(0, 10))
        .as((rec, day) -> withWellnessPlan(rec, goodPlan(dateOf(admission(rec)).plusDays(day))));
    r.meeting(id, Combinators.combine(planned, connections("c"), Arbitraries.integers().between(0, 1439), Cases.upTo(MONTH))
        .as((rec, connection, minute, wait) -> {
          Instant at = max(admission(rec), on(rec.episode().wellnessPlan().orElseThrow().createdOn(), minute));
          return Case.of(connection.add(rec, at), at.plus(wait));
        }));
    // Connections on other days only, or contacts that are no connection on that day.
    r.violating(id, Combinators.combine(planned, connections("c"), Arbitraries.of(notConnections("miss")),
            Arbitraries.integers().between(1, 5), Arbitraries.integers().between(0, 1439), Cases.upTo(MONTH))
        .as((rec, connection, miss, later, minute, wait) -> {
          LocalDate on = rec.episode().wellnessPlan().orElseThrow().createdOn();
          Instant missAt = max(admission(rec), on(on, minute));
          Instant otherDay = EsoapCases.on(on.plusDays(later), minute);
          CaseRecord c = connection.add(miss.add(rec, missAt), otherDay);
          return Case.of(c, max(missAt, otherDay).plus(wait));
        }));
    r.notApplicable(id, Combinators.combine(admitted(), connections("c"), Cases.upTo(MONTH))
        .as((rec, connection, wait) -> Case.of(connection.add(rec, admission(rec)), admission(rec).plus(wait))));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  /**
   * PROC.2.a "The Recovery Coach must document ... the initial in person visits": an in-person
   * connection by the end of day 7 of service.
   */
  private static void initialInPersonVisit(Registrar r) {
    String id = "RC.PROC.2.a";
    Arbitrary<Fact> inPerson = Arbitraries.of(CONNECTION_KINDS)
        .map(kind -> contactOf("visit", kind, ContactMode.IN_PERSON, true));
    Arbitrary<Fact> remote = Combinators.combine(Arbitraries.of(CONNECTION_KINDS), Arbitraries.of(ContactMode.PHONE, ContactMode.TEXT))
        .as((kind, mode) -> contactOf("remote", kind, mode, true));
    Arbitrary<Fact> notVisit = Arbitraries.oneOf(remote, Arbitraries.of(
        contactOf("remote", ContactKind.INDIVIDUAL, ContactMode.IN_PERSON, false),
        contactOf("remote", ContactKind.CASE_RELATED_WORK, ContactMode.IN_PERSON, true)));
    r.meeting(id, Combinators.combine(admitted(), inPerson, Cases.upTo(MONTH))
        .flatAs((rec, visit, wait) -> EsoapCases.between(admission(rec), endOfServiceDay(rec, 7))
            .map(t -> Case.of(visit.add(rec, t), t.plus(wait)))));
    // The first in-person visit from day 8 on (remote contacts before); or none after day 7.
    Arbitrary<Case> late = Combinators.combine(admitted(), inPerson, notVisit, Cases.upTo(MONTH), Arbitraries.integers().between(0, 100))
        .flatAs((rec, visit, other, wait, p) -> Cases.atOrAfter(startOfServiceDay(rec, 8), MONTH)
            .map(t -> Case.of(other.add(visit.add(rec, t), fraction(admission(rec), Duration.between(admission(rec), t), p)),
                t.plus(wait))));
    Arbitrary<Case> none = Combinators.combine(admitted(), notVisit, Arbitraries.integers().between(0, 100))
        .flatAs((rec, other, p) -> Cases.atOrAfter(startOfServiceDay(rec, 8), MONTH)
            .map(asOf -> Case.of(other.add(rec, fraction(admission(rec), Duration.between(admission(rec), asOf), p)), asOf)));
    r.violating(id, Arbitraries.oneOf(late, none));
    r.pending(id, Combinators.combine(admitted(), notVisit, inPerson, Arbitraries.integers().between(0, 100),
            Cases.longerThan(Duration.ZERO, MONTH))
        .flatAs((rec, other, visit, p, after) -> EsoapCases.between(admission(rec), endOfServiceDay(rec, 7))
            .map(asOf -> Case.of(visit.add(other.add(rec, fraction(admission(rec), Duration.between(admission(rec), asOf), p)),
                asOf.plus(after)), asOf))));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  /**
   * PROC.2.b "The Recovery Coach must document ... the ongoing weekly contacts": a connection in
   * each week of service (7 days from the admission date).
   */
  private static void weeklyContacts(Registrar r) {
    everyPeriod(r, "RC.PROC.2.b", admitted(), rec -> dateOf(admission(rec)), 7, 1, connections("c"), notConnections("miss"));
  }

  /**
   * PROC.3 "The Wellness Plan, along with progress notes recorded through the stages of change
   * framework, will be used for documentation": once the record holds a connection, progress
   * notes, each recording the stage of change.
   */
  private static void stagesOfChangeNotes(Registrar r) {
    String id = "RC.PROC.3";
    Arbitrary<CaseRecord> connected = Combinators.combine(admitted(), connections("c"), Cases.upTo(TEN_DAYS))
        .as((rec, connection, at) -> connection.add(rec, admission(rec).plus(at)));
    r.meeting(id, Combinators.combine(connected, Arbitraries.integers().between(0, 20).list().ofMinSize(1).ofMaxSize(3),
            Cases.upTo(MONTH))
        .as((rec, days, wait) -> {
          CaseRecord c = rec;
          LocalDate admitted = dateOf(admission(rec));
          for (int i = 0; i < days.size(); i++) {
            c = addDocument(c, EsoapCases.document("note-" + i, DocumentKind.PROGRESS_NOTE, admitted.plusDays(days.get(i)),
                i % 2 == 0 ? Set.of(ContentElement.STAGE_OF_CHANGE) : Set.of(ContentElement.STAGE_OF_CHANGE, ContentElement.BARRIERS_TO_TREATMENT),
                Set.of()));
          }
          Instant latest = max(rec.episode().contacts().get(0).at(), Cases.startOfDay(admitted.plusDays(days.stream().max(Integer::compare).get())));
          return Case.of(c, latest.plus(wait));
        }));
    // No progress note (or only one dated after the as-of), or one without the stage of change.
    r.violating(id, Combinators.combine(connected, Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 20),
            Cases.upTo(MONTH))
        .as((rec, variant, day, wait) -> {
          Instant asOf = max(rec.episode().contacts().get(0).at(), Cases.startOfDay(dateOf(admission(rec)).plusDays(day))).plus(wait);
          LocalDate noteDay = dateOf(admission(rec)).plusDays(day);
          CaseRecord c = switch (variant) {
            case 0 -> rec;
            case 1 -> addDocument(rec, EsoapCases.document("note-0", DocumentKind.PROGRESS_NOTE, dateOf(asOf).plusDays(1),
                Set.of(ContentElement.STAGE_OF_CHANGE), Set.of()));
            default -> addDocument(addDocument(rec, EsoapCases.document("note-0", DocumentKind.PROGRESS_NOTE, noteDay,
                Set.of(ContentElement.STAGE_OF_CHANGE), Set.of())), EsoapCases.document("note-1", DocumentKind.PROGRESS_NOTE,
                noteDay, Set.of(ContentElement.BARRIERS_TO_TREATMENT), Set.of()));
          };
          return Case.of(c, asOf);
        }));
    // No connection yet (contacts that are none, or a connection after the as-of).
    r.notApplicable(id, Combinators.combine(admitted(), Arbitraries.of(notConnections("miss")), connections("c"),
            Cases.upTo(TEN_DAYS), Cases.upTo(MONTH))
        .flatAs((rec, miss, connection, at, wait) -> {
          Instant asOf = admission(rec).plus(at).plus(wait);
          return fromNextDay(asOf, MONTH).map(later -> Case.of(connection.add(miss.add(addDocument(rec,
              EsoapCases.document("note-0", DocumentKind.PROGRESS_NOTE, dateOf(admission(rec)), Set.of(), Set.of())),
              admission(rec).plus(at)), later), asOf));
        }));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES);
  }

  /** {@code rec} with a referral for each of {@code needs} during the stay, judged after the last. */
  private static Arbitrary<Case> referredForEach(CaseRecord rec, List<ServiceCategory> needs) {
    return Combinators.combine(Cases.upTo(MONTH).list().ofSize(needs.size()), Cases.upTo(MONTH)).as((ats, wait) -> {
      CaseRecord c = rec;
      Instant latest = admission(rec);
      for (int i = 0; i < needs.size(); i++) {
        Instant at = admission(rec).plus(ats.get(i));
        c = addReferral(c, referral("ref-" + i, needs.get(i), at));
        latest = max(latest, at);
      }
      return Case.of(c, latest.plus(wait));
    });
  }
}

package org.perfspecs.testkit.scenarios;

import static org.perfspecs.testkit.scenarios.Cases.admission;
import static org.perfspecs.testkit.scenarios.CspCases.NATURAL_SUPPORTS;
import static org.perfspecs.testkit.scenarios.CspCases.episode;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.apiguardian.api.API;
import org.perfspecs.model.AppointmentKind;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.Party;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.StateAgency;
import org.perfspecs.model.Topic;
import org.perfspecs.testkit.scenarios.CspCases.Fact;

/** Scenario generators for the episode requirements of {@code CSP}. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CspScenarios implements ScenarioSource {
  private static final Trait TIME = Trait.STAYS_MET_AS_TIME_PASSES;
  private static final Trait DOCS = Trait.STAYS_MET_WITH_MORE_DOCUMENTATION;

  @Override
  public String specification() {
    return "CSP";
  }

  @Override
  public void register(Registrar r) {
    CspIntakeScenarios.register(r);
    CspPlanScenarios.register(r);
    CspDischargeScenarios.register(r);
    peerAndNaturalSupports(r, "CSP.COMP.10");
    peerAndNaturalSupports(r, "CSP.PROC.2.d.7");
    education(r, "CSP.COMP.11.a");
    education(r, "CSP.PROC.2.d.3.a");
    medicationEducation(r);
    medicationMonitoring(r, "CSP.COMP.11.c");
    medicationMonitoring(r, "CSP.PROC.2.d.3.c");
    healthMaintenance(r, "CSP.COMP.11.d");
    healthMaintenance(r, "CSP.PROC.2.d.3.d");
    primaryStaff(r);
    dentist(r);
    interagencyPlan(r);
    dailyLivingSkills(r);
    timeWithMember(r);
    psychotropicEducation(r);
    obtaining(r, "CSP.PROC.2.d.4.1", EnumSet.of(ServiceCategory.BENEFITS));
    obtaining(r, "CSP.PROC.2.d.4.2", EnumSet.of(ServiceCategory.HOUSING));
    obtaining(r, "CSP.PROC.2.d.4.3", EnumSet.of(ServiceCategory.PCC, ServiceCategory.PRIMARY_HEALTH,
        ServiceCategory.WALK_IN_MEDICAL));
    communicating(r);
    crisisDocument(r, "CSP.PROC.2.d.6.1", DocumentKind.CRISIS_PREVENTION_PLAN);
    crisisDocument(r, "CSP.PROC.2.d.6.2", DocumentKind.SAFETY_PLAN);
  }

  /**
   * The shape of a service without a deadline, judged over the stay so far: MET by a fact of
   * {@code shown} during the stay, NOT_MET without one (none, or before admission, after discharge,
   * after the as-of, or only {@code nearMisses}), NOT_APPLICABLE for a member found ineligible at
   * intake (and {@code otherNotApplicable} when given). {@code applies} are admitted members for
   * whom the requirement's other conditions hold.
   */
  static void overTheStay(Registrar r, String id, Arbitrary<CaseRecord> applies, Arbitrary<Fact> shown,
      Arbitrary<Fact> nearMisses, Arbitrary<Case> otherNotApplicable) {
    r.meeting(id, CspCases.shownDuringStay(applies, shown));
    r.violating(id, CspCases.notShownDuringStay(applies, shown, nearMisses));
    Arbitrary<Case> ineligible = CspCases.ineligibleCases(applies, shown);
    r.notApplicable(id, otherNotApplicable == null ? ineligible : Arbitraries.oneOf(ineligible, otherNotApplicable));
    r.traits(id, TIME, DOCS);
  }

  /**
   * COMP.10 / PROC.2.d.7 "encourage and facilitate the utilization of peer and natural support
   * systems": a referral to peer support or self-help, a peer-support contact, or a contact with
   * the member's natural supports, during the stay.
   */
  private static void peerAndNaturalSupports(Registrar r, String id) {
    Arbitrary<Set<Topic>> anyTopics = CspCases.topicsWithout(Set.of());
    Arbitrary<Fact> shown = Arbitraries.oneOf(
        CspCases.referralTo(EnumSet.of(ServiceCategory.PEER_SUPPORT, ServiceCategory.SELF_HELP)),
        CspCases.contact(Arbitraries.just(ContactKind.PEER_SUPPORT), Arbitraries.of(true, false),
            CspCases.partiesWithout(Set.of()), anyTopics),
        CspCases.contact(Arbitraries.of(ContactKind.class), Arbitraries.of(true, false),
            CspCases.partiesWithOneOf(NATURAL_SUPPORTS), anyTopics));
    Arbitrary<Fact> nearMisses = Arbitraries.oneOf(
        CspCases.referralTo(CspCases.categoriesExcept(EnumSet.of(ServiceCategory.PEER_SUPPORT, ServiceCategory.SELF_HELP))),
        CspCases.contact(Arbitraries.of(ContactKind.class).filter(k -> k != ContactKind.PEER_SUPPORT),
            Arbitraries.of(true, false), CspCases.partiesWithout(NATURAL_SUPPORTS), anyTopics));
    overTheStay(r, id, CspCases.admitted(), shown, nearMisses, null);
  }

  /** Contacts (one to three at the instant) covering every topic of {@code topics}, each with the member engaged or the family. */
  static Arbitrary<Fact> educated(Set<Topic> topics) {
    List<Topic> list = List.copyOf(topics);
    return Combinators.combine(Arbitraries.integers().between(0, 2).list().ofSize(list.size()),
            Arbitraries.integers().between(0, 2).list().ofSize(3), Arbitraries.of(ContactKind.class))
        .as((slots, with, kind) -> (rec, t) -> {
          CaseRecord out = rec;
          for (int c = 0; c < 3; c++) {
            Set<Topic> covered = EnumSet.noneOf(Topic.class);
            for (int i = 0; i < list.size(); i++) {
              if (slots.get(i) == c) {
                covered.add(list.get(i));
              }
            }
            if (!covered.isEmpty()) {
              boolean engaged = with.get(c) != 1;
              Set<Party> parties = with.get(c) == 0 ? EnumSet.noneOf(Party.class) : EnumSet.of(Party.FAMILY);
              out = episode(out, e -> e.withContacts(CspCases.append(e.contacts(), CspCases.contactAt(e.contacts().size(),
                  t, kind, org.perfspecs.model.ContactMode.IN_PERSON, engaged, parties, covered))));
            }
          }
          return out;
        });
  }

  /** Contacts covering {@code topics} with neither the member engaged nor the family. */
  static Arbitrary<Fact> educatedWithoutMemberOrFamily(Set<Topic> topics) {
    return CspCases.contact(Arbitraries.of(ContactKind.class), Arbitraries.just(false),
        CspCases.partiesWithout(EnumSet.of(Party.FAMILY)), Arbitraries.just(topics));
  }

  /**
   * COMP.11.a / PROC.2.d.3.a "provides Members and their families with education ... about mental
   * illness, substance use, and recovery": each topic covered with the member or family during
   * the stay.
   */
  private static void education(Registrar r, String id) {
    Set<Topic> topics = EnumSet.of(Topic.MENTAL_ILLNESS, Topic.SUBSTANCE_USE, Topic.RECOVERY);
    Arbitrary<Fact> oneMissing = Arbitraries.of(topics).flatMap(missing -> {
      Set<Topic> rest = EnumSet.copyOf(topics);
      rest.remove(missing);
      return educated(rest);
    });
    overTheStay(r, id, CspCases.admitted(), educated(topics),
        Arbitraries.oneOf(oneMissing, educatedWithoutMemberOrFamily(topics)), null);
  }

  /**
   * COMP.11.b "facilitates access to education and training on the effects of psychotropic
   * medications, as well as those for physical disorders": psychotropic medications always,
   * medications for physical disorders when the record marks that need.
   */
  private static void medicationEducation(Registrar r) {
    String id = "CSP.COMP.11.b";
    Set<Topic> both = EnumSet.of(Topic.PSYCHOTROPIC_MEDICATIONS, Topic.MEDICATIONS_FOR_PHYSICAL_DISORDERS);
    Arbitrary<CaseRecord> physicalNeed = CspCases.admitted().map(rec -> episode(rec, e -> e.withCounselingNeeds(
        EnumSet.of(Topic.MEDICATIONS_FOR_PHYSICAL_DISORDERS, Topic.DAILY_LIVING_SKILLS))));
    Arbitrary<CaseRecord> noPhysicalNeed = CspCases.with(CspCases.admitted(),
        CspCases.topicsWithout(EnumSet.of(Topic.MEDICATIONS_FOR_PHYSICAL_DISORDERS)).map(t -> rec -> episode(rec,
            e -> e.withCounselingNeeds(t))));
    Arbitrary<CaseRecord> any = Arbitraries.oneOf(physicalNeed, noPhysicalNeed);
    r.meeting(id, Arbitraries.oneOf(CspCases.shownDuringStay(physicalNeed, educated(both)),
        CspCases.shownDuringStay(noPhysicalNeed, Arbitraries.oneOf(educated(both),
            educated(EnumSet.of(Topic.PSYCHOTROPIC_MEDICATIONS))))));
    r.violating(id, Arbitraries.oneOf(
        CspCases.notShownDuringStay(any, educated(both), Arbitraries.oneOf(
            educated(EnumSet.of(Topic.MEDICATIONS_FOR_PHYSICAL_DISORDERS)), educatedWithoutMemberOrFamily(both))),
        CspCases.shownDuringStay(physicalNeed, educated(EnumSet.of(Topic.PSYCHOTROPIC_MEDICATIONS)))));
    r.notApplicable(id, CspCases.ineligibleCases(any, educated(both)));
    r.traits(id, TIME, DOCS);
  }

  /** Records marking a need for one of {@code needs} (and maybe others). */
  static Arbitrary<CaseRecord> needing(Set<ServiceCategory> needs) {
    return CspCases.with(CspCases.admitted(), Combinators.combine(Arbitraries.of(needs),
            Arbitraries.subsetOf(ServiceCategory.values()))
        .as((need, others) -> rec -> episode(rec, e -> {
          Set<ServiceCategory> s = EnumSet.of(need);
          s.addAll(others);
          return e.withServiceNeeds(s);
        })));
  }

  /** Records marking no need for any of {@code needs}. */
  static Arbitrary<CaseRecord> notNeeding(Set<ServiceCategory> needs) {
    return CspCases.with(CspCases.admitted(), Arbitraries.subsetOf(CspCases.categoriesExcept(needs))
        .map(s -> rec -> episode(rec, e -> e.withServiceNeeds(s))));
  }

  /**
   * COMP.11.c / PROC.2.d.3.c "ensures that the member is linked to ongoing medication-monitoring
   * services", when a psychiatry need is marked: a referral to psychiatry or a psychiatric
   * after-care appointment booked during the stay.
   */
  private static void medicationMonitoring(Registrar r, String id) {
    Set<ServiceCategory> psychiatry = EnumSet.of(ServiceCategory.PSYCHIATRY);
    Arbitrary<Fact> shown = Arbitraries.oneOf(CspCases.referralTo(psychiatry),
        CspCases.appointment(Arbitraries.just(AppointmentKind.PSYCHIATRIC_AFTERCARE)));
    Arbitrary<Fact> nearMisses = Arbitraries.oneOf(CspCases.referralTo(CspCases.categoriesExcept(psychiatry)),
        CspCases.appointment(Arbitraries.of(AppointmentKind.class).filter(k -> k != AppointmentKind.PSYCHIATRIC_AFTERCARE)));
    overTheStay(r, id, needing(psychiatry), shown, nearMisses, CspCases.shownDuringStay(notNeeding(psychiatry), shown));
  }

  /**
   * COMP.11.d / PROC.2.d.3.d "and regular health maintenance": a primary care clinician on record,
   * or a referral to primary care or a primary-care or physical-exam appointment booked during the
   * stay.
   */
  private static void healthMaintenance(Registrar r, String id) {
    Set<ServiceCategory> primary = EnumSet.of(ServiceCategory.PCC, ServiceCategory.PRIMARY_HEALTH);
    Set<AppointmentKind> kinds = EnumSet.of(AppointmentKind.PRIMARY_CARE, AppointmentKind.PHYSICAL_EXAM);
    Arbitrary<Fact> shown = Arbitraries.oneOf(CspCases.referralTo(primary), CspCases.appointment(Arbitraries.of(kinds)));
    Arbitrary<Fact> nearMisses = Arbitraries.oneOf(CspCases.referralTo(CspCases.categoriesExcept(primary)),
        CspCases.appointment(Arbitraries.of(AppointmentKind.class).filter(k -> !kinds.contains(k))));
    Arbitrary<CaseRecord> base = CspCases.admitted();
    r.meeting(id, Arbitraries.oneOf(CspCases.shownDuringStay(base, shown),
        CspCases.anyTime(base.map(CspCases::withPcc))));
    r.violating(id, CspCases.notShownDuringStay(base, shown, nearMisses));
    r.notApplicable(id, Arbitraries.oneOf(CspCases.ineligibleCases(base, shown),
        CspCases.ineligibleCases(base.map(CspCases::withPcc), Arbitraries.just(CspCases.NOTHING))));
    r.traits(id, TIME, DOCS);
  }

  /**
   * STAFF.2.b.i.b "A member of the program's professional or paraprofessional staff must be
   * assigned to each member to assume primary responsibility for that member's case."
   */
  private static void primaryStaff(Registrar r) {
    String id = "CSP.STAFF.2.b.i.b";
    Arbitrary<CaseRecord> assigned = Combinators.combine(CspCases.admitted(), Arbitraries.integers().between(1, 999))
        .as((rec, n) -> episode(rec, e -> e.withPrimaryStaffId("S-" + n)));
    r.meeting(id, CspCases.anyTime(assigned));
    r.violating(id, CspCases.anyTime(CspCases.admitted()));
    r.notApplicable(id, Arbitraries.oneOf(CspCases.ineligibleCases(assigned, Arbitraries.just(CspCases.NOTHING)),
        CspCases.ineligibleCases(CspCases.admitted(), Arbitraries.just(CspCases.NOTHING))));
    r.traits(id, TIME, DOCS);
  }

  /** LINK.1 "facilitates service linkage with the Member's dentist": a referral to a dentist or a dental appointment booked. */
  private static void dentist(Registrar r) {
    Set<ServiceCategory> dentist = EnumSet.of(ServiceCategory.DENTIST);
    Arbitrary<Fact> shown = Arbitraries.oneOf(CspCases.referralTo(dentist),
        CspCases.appointment(Arbitraries.just(AppointmentKind.DENTAL)));
    Arbitrary<Fact> nearMisses = Arbitraries.oneOf(CspCases.referralTo(CspCases.categoriesExcept(dentist)),
        CspCases.appointment(Arbitraries.of(AppointmentKind.class).filter(k -> k != AppointmentKind.DENTAL)));
    overTheStay(r, "CSP.LINK.1", CspCases.admitted(), shown, nearMisses, null);
  }

  private static final Set<Party> STATE_AGENCY_PARTIES = EnumSet.of(Party.STATE_AGENCY, Party.DMH_CLINICIAN,
      Party.DCF_CASEWORKER, Party.PROBATION_OR_PAROLE);

  /** Members with the state agencies drawn from {@code agencies} (possibly none). */
  static Arbitrary<CaseRecord> withAgencies(Arbitrary<CaseRecord> base, Arbitrary<Set<StateAgency>> agencies) {
    return CspCases.with(base, agencies.map(a -> rec -> CspCases.member(rec, m -> m.withStateAgencies(a))));
  }

  static Arbitrary<Set<StateAgency>> agenciesWithOneOf(Set<StateAgency> required) {
    return Combinators.combine(Arbitraries.of(required), Arbitraries.subsetOf(StateAgency.values())).as((a, others) -> {
      Set<StateAgency> s = EnumSet.of(a);
      s.addAll(others);
      return s;
    });
  }

  static Arbitrary<Set<StateAgency>> agenciesWithout(Set<StateAgency> excluded) {
    Set<StateAgency> all = EnumSet.allOf(StateAgency.class);
    all.removeAll(excluded);
    return Arbitraries.subsetOf(all).map(s -> s.isEmpty() ? EnumSet.noneOf(StateAgency.class) : EnumSet.copyOf(s));
  }

  /** Members consenting to share with parties drawn from {@code parties}. */
  static Arbitrary<CaseRecord> consenting(Arbitrary<CaseRecord> base, Arbitrary<Set<Party>> parties) {
    return CspCases.with(base, parties.map(p -> rec -> CspCases.consenting(rec, p)));
  }

  /**
   * LINK.2.a "When state agencies ... are involved with the Member and when consent is given, the
   * CSP provider participates in the development of an interagency service plan": an interagency
   * service plan dated during the stay.
   */
  private static void interagencyPlan(Registrar r) {
    Arbitrary<Set<StateAgency>> some = agenciesWithOneOf(EnumSet.allOf(StateAgency.class));
    Arbitrary<CaseRecord> applies = consenting(withAgencies(CspCases.admitted(), some),
        CspCases.partiesWithOneOf(STATE_AGENCY_PARTIES));
    Arbitrary<Fact> shown = Arbitraries.just(CspCases.document(DocumentKind.INTERAGENCY_SERVICE_PLAN, d -> d));
    Arbitrary<Fact> nearMisses = Arbitraries.of(DocumentKind.TREATMENT_PLAN, DocumentKind.DCF_FAMILY_ACTION_PLAN,
        DocumentKind.CONSENT).map(k -> CspCases.document(k, d -> d));
    Arbitrary<CaseRecord> noAgency = consenting(withAgencies(CspCases.admitted(), Arbitraries.just(EnumSet.noneOf(StateAgency.class))),
        CspCases.partiesWithOneOf(STATE_AGENCY_PARTIES));
    Arbitrary<CaseRecord> noConsent = consenting(withAgencies(CspCases.admitted(), some),
        CspCases.partiesWithout(STATE_AGENCY_PARTIES));
    overTheStay(r, "CSP.LINK.2.a", applies, shown, nearMisses,
        CspCases.shownDuringStay(Arbitraries.oneOf(noAgency, noConsent), shown));
  }

  /**
   * PROC.2.d.1 "Assisting members in improving their daily living skills", when that need is
   * marked: daily living skills covered with the member or family during the stay.
   */
  private static void dailyLivingSkills(Registrar r) {
    Set<Topic> dls = EnumSet.of(Topic.DAILY_LIVING_SKILLS);
    Arbitrary<CaseRecord> applies = CspCases.with(CspCases.admitted(), CspCases.topicsWithout(Set.of())
        .map(t -> rec -> episode(rec, e -> {
          Set<Topic> s = EnumSet.copyOf(dls);
          s.addAll(t);
          return e.withCounselingNeeds(s);
        })));
    Arbitrary<CaseRecord> noNeed = CspCases.with(CspCases.admitted(), CspCases.topicsWithout(dls)
        .map(t -> rec -> episode(rec, e -> e.withCounselingNeeds(t))));
    Arbitrary<Fact> nearMisses = Arbitraries.oneOf(educatedWithoutMemberOrFamily(dls),
        CspCases.contact(Arbitraries.of(ContactKind.class), Arbitraries.just(true), CspCases.partiesWithout(Set.of()),
            CspCases.topicsWithout(dls)));
    overTheStay(r, "CSP.PROC.2.d.1", applies, educated(dls), nearMisses, CspCases.shownDuringStay(noNeed, educated(dls)));
  }

  /** PROC.2.d.2 "Spending time with members and providers": a contact in which the member took part. */
  private static void timeWithMember(Registrar r) {
    Arbitrary<Fact> shown = CspCases.contact(Arbitraries.of(ContactKind.class), Arbitraries.just(true),
        CspCases.partiesWithout(Set.of()), CspCases.topicsWithout(Set.of()));
    Arbitrary<Fact> nearMisses = CspCases.contact(Arbitraries.of(ContactKind.class), Arbitraries.just(false),
        CspCases.partiesWithout(Set.of()), CspCases.topicsWithout(Set.of()));
    overTheStay(r, "CSP.PROC.2.d.2", CspCases.admitted(), shown, nearMisses, null);
  }

  /** PROC.2.d.3.b "facilitates access to education and training on the effects of psychotropic medications". */
  private static void psychotropicEducation(Registrar r) {
    Set<Topic> psychotropic = EnumSet.of(Topic.PSYCHOTROPIC_MEDICATIONS);
    Arbitrary<Fact> nearMisses = Arbitraries.oneOf(educatedWithoutMemberOrFamily(psychotropic),
        educated(EnumSet.of(Topic.MEDICATIONS_FOR_PHYSICAL_DISORDERS, Topic.MENTAL_ILLNESS)));
    overTheStay(r, "CSP.PROC.2.d.3.b", CspCases.admitted(), educated(psychotropic), nearMisses, null);
  }

  /**
   * PROC.2.d.4 "Coordinating services and assisting members with obtaining benefits, housing, and
   * healthcare", for the need marked: a referral made for it during the stay.
   */
  private static void obtaining(Registrar r, String id, Set<ServiceCategory> targets) {
    Arbitrary<Fact> nearMisses = Arbitraries.oneOf(CspCases.referralTo(CspCases.categoriesExcept(targets)),
        CspCases.appointment(Arbitraries.of(AppointmentKind.class)));
    overTheStay(r, id, needing(targets), CspCases.referralTo(targets), nearMisses,
        CspCases.shownDuringStay(notNeeding(targets), CspCases.referralTo(targets)));
  }

  /** PROC.2.d.5 "Communicating with members or other parties": a contact with the member engaged or another party. */
  private static void communicating(Registrar r) {
    Arbitrary<Fact> shown = Arbitraries.oneOf(
        CspCases.contact(Arbitraries.of(ContactKind.class), Arbitraries.just(true), CspCases.partiesWithout(Set.of()),
            CspCases.topicsWithout(Set.of())),
        CspCases.contact(Arbitraries.of(ContactKind.class), Arbitraries.of(true, false),
            CspCases.partiesWithOneOf(EnumSet.allOf(Party.class)), CspCases.topicsWithout(Set.of())));
    Arbitrary<Fact> nearMisses = CspCases.contact(Arbitraries.of(ContactKind.class), Arbitraries.just(false),
        Arbitraries.just(EnumSet.noneOf(Party.class)), CspCases.topicsWithout(Set.of()));
    overTheStay(r, "CSP.PROC.2.d.5", CspCases.admitted(), shown, nearMisses, null);
  }

  /**
   * PROC.2.d.6 "... develop, revise, and utilize member crisis prevention plans and safety plans":
   * a document of {@code kind} dated during the stay.
   */
  private static void crisisDocument(Registrar r, String id, DocumentKind kind) {
    Arbitrary<Fact> nearMisses = Arbitraries.of(DocumentKind.class).filter(k -> k != kind)
        .map(k -> CspCases.document(k, d -> d));
    overTheStay(r, id, CspCases.admitted(), Arbitraries.just(CspCases.document(kind, d -> d)), nearMisses, null);
  }
}

package org.perfspecs.testkit.scenarios;

import static org.perfspecs.testkit.scenarios.RrsPpwCases.RRS;
import static org.perfspecs.testkit.scenarios.RrsPpwCases.along;
import static org.perfspecs.testkit.scenarios.RrsPpwCases.anyMember;
import static org.perfspecs.testkit.scenarios.RrsPpwCases.anyStay;
import static org.perfspecs.testkit.scenarios.RrsPpwCases.appointment;
import static org.perfspecs.testkit.scenarios.RrsPpwCases.consultation;
import static org.perfspecs.testkit.scenarios.RrsPpwCases.contact;
import static org.perfspecs.testkit.scenarios.RrsPpwCases.counselingOn;
import static org.perfspecs.testkit.scenarios.RrsPpwCases.discharged;
import static org.perfspecs.testkit.scenarios.RrsPpwCases.document;
import static org.perfspecs.testkit.scenarios.RrsPpwCases.incident;
import static org.perfspecs.testkit.scenarios.RrsPpwCases.needing;
import static org.perfspecs.testkit.scenarios.RrsPpwCases.needingCounseling;
import static org.perfspecs.testkit.scenarios.RrsPpwCases.notCounselingOn;
import static org.perfspecs.testkit.scenarios.RrsPpwCases.notNeeding;
import static org.perfspecs.testkit.scenarios.RrsPpwCases.notNeedingCounseling;
import static org.perfspecs.testkit.scenarios.RrsPpwCases.open;
import static org.perfspecs.testkit.scenarios.RrsPpwCases.otherThan;
import static org.perfspecs.testkit.scenarios.RrsPpwCases.outsideBy;
import static org.perfspecs.testkit.scenarios.RrsPpwCases.outsideWhere;
import static org.perfspecs.testkit.scenarios.RrsPpwCases.permille;
import static org.perfspecs.testkit.scenarios.RrsPpwCases.plus;
import static org.perfspecs.testkit.scenarios.RrsPpwCases.referral;
import static org.perfspecs.testkit.scenarios.RrsPpwCases.referralOtherThan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.apiguardian.api.API;
import org.perfspecs.model.AppointmentKind;
import org.perfspecs.model.ConsultationKind;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.ServiceType;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.ImmutableMember;
import org.perfspecs.model.Member;
import org.perfspecs.model.Party;
import org.perfspecs.model.PregnancyState;
import org.perfspecs.model.PregnancyStatus;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.Topic;
import org.perfspecs.testkit.scenarios.RrsPpwCases.Fact;
import org.perfspecs.testkit.scenarios.RrsPpwCases.Stay;

/**
 * Scenario generators for the episode requirements of {@code RRS_PPW}.
 *
 * <p>None of these obligations states a deadline: each is judged over the stay so far (admission to
 * the discharge, or to the as-of while open), MET once the record shows it, NOT_MET while it does
 * not; none can be PENDING. What shows it is placed anywhere in the stay (its first and last minute
 * are edge cases); what does not is a near miss in the stay (the wrong target, kind or party) or the
 * right fact outside the stay (before admission, after the discharge, or after the as-of: not yet
 * happened).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RrsPpwScenarios implements ScenarioSource {
  private static final Duration UP_TO_A_MONTH = Duration.ofDays(30);

  @Override
  public String specification() {
    return "RRS_PPW";
  }

  @Override
  public void register(Registrar r) {
    population(r);
    obGynByReferral(r);
    infantNeeds(r);
    appointmentsAsIndicated(r);
    medicalAppointmentsScheduled(r);
    appointmentsKeptVerified(r);
    treatmentPlanWithMember(r);
    treatmentPlanElements(r);
    moudSupport(r);
    infectiousDiseaseServices(r);
    wicAccess(r);
    familyPlanningResources(r);
    counseling(r);
    linkages(r);
    aftercarePlan(r);
    aftercareReferrals(r);
    incidentsReported(r);
  }

  // ---- OVERVIEW

  /**
   * OVW.0 "capable of serving the needs of pregnant and post-partum women ... 'Post-partum' is
   * defined as the period following childbirth up to one year": the member is pregnant, or
   * delivered at most one year before (the same date a year later included), on the date of
   * admission; a referral not admitted yet has no admission to judge.
   */
  private static void population(Registrar r) {
    String id = "RRS_PPW.OVW.0";
    ServiceType rrs = ServiceType.RRS_PPW;
    r.meeting(id, Combinators.combine(Cases.admittedPregnantOrPostpartum(rrs), Cases.upTo(UP_TO_A_MONTH))
        .as((rec, wait) -> Case.of(rec, Cases.admission(rec).plus(wait))));
    r.violating(id, Combinators.combine(Cases.admittedNeitherPregnantNorPostpartum(rrs), Cases.upTo(UP_TO_A_MONTH))
        .as((rec, wait) -> Case.of(rec, Cases.admission(rec).plus(wait))));
    r.notApplicable(id, Cases.notYetAdmitted(Cases.admittedPregnantOrPostpartum(rrs)));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  // ---- SERVICE COMPONENTS

  /**
   * COMP.2 "assessment and management of gynecological and/or obstetric, prenatal, and other health
   * needs are conducted by referral": a referral to an obstetric provider, prenatal care or
   * family/reproductive health, or an obstetric consultation, during the stay; every admitted member.
   */
  private static void obGynByReferral(Registrar r) {
    Set<ServiceCategory> targets = EnumSet.of(ServiceCategory.OBSTETRIC_PROVIDER, ServiceCategory.PRENATAL_CARE,
        ServiceCategory.FAMILY_REPRODUCTIVE_HEALTH);
    Arbitrary<Fact> shows = Arbitraries.oneOf(Arbitraries.of(targets).map(RrsPpwCases::referral),
        Arbitraries.just(consultation(ConsultationKind.OBSTETRIC)));
    Arbitrary<Fact> misses = Arbitraries.oneOf(referralOtherThan(targets),
        otherThan(ConsultationKind.class, Set.of(ConsultationKind.OBSTETRIC)).map(RrsPpwCases::consultation));
    shownDuringStay(r, "RRS_PPW.COMP.2", anyStay(anyMember()), shows, misses);
  }

  /**
   * COMP.3 "assessment of physical, mental, developmental, and/or other needs of infants is
   * conducted and/or provided through linkages with relevant services", for a member with an infant
   * (delivered on or before the as-of date, at most a year before admission): a pediatric
   * consultation, a pediatric appointment the program arranged, or a referral to pediatrics,
   * specialized pediatrics, early intervention or high-risk infant/family support.
   */
  private static void infantNeeds(Registrar r) {
    String id = "RRS_PPW.COMP.3";
    Set<ServiceCategory> targets = EnumSet.of(ServiceCategory.PEDIATRICS, ServiceCategory.SPECIALIZED_PEDIATRICS,
        ServiceCategory.EARLY_INTERVENTION, ServiceCategory.HIGH_RISK_INFANT_FAMILY_SUPPORT);
    Set<AppointmentKind> pediatric = EnumSet.of(AppointmentKind.PEDIATRIC, AppointmentKind.SPECIALIZED_PEDIATRIC);
    Arbitrary<Fact> shows = Arbitraries.oneOf(Arbitraries.just(consultation(ConsultationKind.PEDIATRIC)),
        Combinators.combine(Arbitraries.of(pediatric), Cases.upTo(UP_TO_A_MONTH)).as((k, after) -> appointment(k, true, after)),
        Arbitraries.of(targets).map(RrsPpwCases::referral));
    Arbitrary<Fact> misses = Arbitraries.oneOf(
        otherThan(ConsultationKind.class, Set.of(ConsultationKind.PEDIATRIC)).map(RrsPpwCases::consultation),
        Combinators.combine(Arbitraries.of(pediatric), Cases.upTo(UP_TO_A_MONTH)).as((k, after) -> appointment(k, false, after)),
        Combinators.combine(otherThan(AppointmentKind.class, pediatric), Arbitraries.of(true, false), Cases.upTo(UP_TO_A_MONTH))
            .as(RrsPpwCases::appointment),
        referralOtherThan(targets));
    // Delivered from a year before the admission date through the as-of date.
    Arbitrary<Stay> withInfant = Combinators.combine(anyStay(anyMember()), permille())
        .as((s, p) -> {
          LocalDate first = s.firstDay().minusYears(PregnancyStatus.POSTPARTUM_PERIOD_YEARS);
          LocalDate last = Cases.dateOf(s.asOf());
          return s.withMember(delivered(s.record().member(), first.plusDays((last.toEpochDay() - first.toEpochDay()) * p / 1000)));
        });
    shownDuringStay(r, id, withInfant, shows, misses);
    // No infant: no pregnancy recorded, pregnant, delivered more than a year before admission, or
    // recorded as delivering after the as-of date.
    Arbitrary<Stay> noInfant = Combinators.combine(anyStay(anyMember()), Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(367, 3000), Arbitraries.integers().between(1, 30))
        .as((s, how, longAgo, ahead) -> {
          Member m = s.record().member();
          return s.withMember(switch (how) {
            case 0 -> ImmutableMember.copyOf(m).withPregnancy(Optional.empty());
            case 1 -> ImmutableMember.copyOf(m).withPregnancy(PregnancyStatus.builder().state(PregnancyState.PREGNANT)
                .estimatedDueDate(s.firstDay().plusDays(ahead)).build());
            case 2 -> delivered(m, s.firstDay().minusDays(longAgo));
            default -> delivered(m, Cases.dateOf(s.asOf()).plusDays(ahead));
          });
        });
    notApplicable(r, id, noInfant, shows, misses);
  }

  private static Member delivered(Member m, LocalDate on) {
    return ImmutableMember.copyOf(m).withPregnancy(
        PregnancyStatus.builder().state(PregnancyState.POSTPARTUM).deliveryDate(on).build());
  }

  /**
   * COMP.5.a-d "arranges appointments for primary health, and mental health services including
   * pediatric care, and specialized pediatric care as indicated": each when the record marks the
   * need, an appointment of the matching kind the program helped make, booked during the stay.
   */
  private static void appointmentsAsIndicated(Registrar r) {
    appointmentAsIndicated(r, "a", ServiceCategory.PRIMARY_HEALTH, EnumSet.of(AppointmentKind.PRIMARY_CARE, AppointmentKind.PHYSICAL_EXAM));
    appointmentAsIndicated(r, "b", ServiceCategory.MENTAL_HEALTH, EnumSet.of(AppointmentKind.MENTAL_HEALTH));
    appointmentAsIndicated(r, "c", ServiceCategory.PEDIATRICS, EnumSet.of(AppointmentKind.PEDIATRIC));
    appointmentAsIndicated(r, "d", ServiceCategory.SPECIALIZED_PEDIATRICS, EnumSet.of(AppointmentKind.SPECIALIZED_PEDIATRIC));
  }

  private static void appointmentAsIndicated(Registrar r, String letter, ServiceCategory need, Set<AppointmentKind> kinds) {
    String id = "RRS_PPW.COMP.5." + letter;
    Arbitrary<Fact> shows = Combinators.combine(Arbitraries.of(kinds), Cases.upTo(UP_TO_A_MONTH))
        .as((k, after) -> appointment(k, true, after));
    // Not arranged by the program, another kind, or a referral (not an appointment).
    Arbitrary<Fact> misses = Arbitraries.oneOf(
        Combinators.combine(Arbitraries.of(kinds), Cases.upTo(UP_TO_A_MONTH)).as((k, after) -> appointment(k, false, after)),
        Combinators.combine(otherThan(AppointmentKind.class, kinds), Arbitraries.of(true, false), Cases.upTo(UP_TO_A_MONTH))
            .as(RrsPpwCases::appointment),
        Arbitraries.just(referral(need)));
    shownDuringStay(r, id, needing(anyStay(anyMember()), need), shows, misses);
    notApplicable(r, id, notNeeding(anyStay(anyMember()), need), shows, misses);
  }

  /** Medical appointments during and after pregnancy (COMP.6). */
  private static final Set<AppointmentKind> MEDICAL = EnumSet.of(AppointmentKind.OBSTETRIC, AppointmentKind.PRENATAL,
      AppointmentKind.POSTPARTUM, AppointmentKind.MEDICAL, AppointmentKind.PRIMARY_CARE, AppointmentKind.PHYSICAL_EXAM);

  /**
   * COMP.6.a "medical appointments during and after pregnancy are scheduled", for a member pregnant
   * or postpartum at admission: a medical appointment booked by the as-of and not after the
   * discharge, taking place at or after admission (booked by the program or not).
   */
  private static void medicalAppointmentsScheduled(Registrar r) {
    String id = "RRS_PPW.COMP.6.a";
    Arbitrary<Stay> stays = anyStay(Cases.admittedPregnantOrPostpartum(RRS));
    // Booked in the stay or up to ten days before admission; taking place up to 60 days after
    // admission or booking, whichever is later.
    Arbitrary<UnaryOperator<Stay>> scheduled = Combinators.combine(Arbitraries.of(MEDICAL), Arbitraries.of(true, false),
            Arbitraries.of(true, false), permille(), Cases.upTo(Duration.ofDays(10)), Cases.upTo(Duration.ofDays(60)))
        .as((kind, assisted, beforeAdmission, p, before, after) -> s -> {
          Instant booked = beforeAdmission ? s.admitted().minus(before) : s.at(p);
          Instant at = (booked.isBefore(s.admitted()) ? s.admitted() : booked).plus(after);
          return s.with(e -> appointment(e, kind, assisted, booked, at, Optional.empty(), Optional.empty()));
        });
    Arbitrary<UnaryOperator<Stay>> otherKinds = Combinators.combine(otherThan(AppointmentKind.class, MEDICAL),
            Arbitraries.of(true, false), Cases.upTo(UP_TO_A_MONTH))
        .as(RrsPpwCases::appointment).flatMap(RrsPpwScenarios::inStay);
    // Booked after the discharge or after the as-of; or taking place before admission.
    Arbitrary<UnaryOperator<Stay>> bookedLate = Combinators.combine(Arbitraries.of(MEDICAL), Arbitraries.of(true, false),
            Arbitraries.integers().between(1, 2), outsideBy(), permille(), Cases.upTo(UP_TO_A_MONTH))
        .as((kind, assisted, where, by, p, after) -> s -> {
          Instant booked = s.outside(where, by, p);
          return s.with(e -> appointment(e, kind, assisted, booked, booked.plus(after), Optional.empty(), Optional.empty()));
        });
    Arbitrary<UnaryOperator<Stay>> tookPlaceBefore = Combinators.combine(Arbitraries.of(MEDICAL), Arbitraries.of(true, false),
            outsideBy(), Cases.upTo(Duration.ofDays(20)))
        .as((kind, assisted, by, lead) -> s -> {
          Instant at = s.admitted().minus(by);
          return s.with(e -> appointment(e, kind, assisted, at.minus(lead), at, Optional.empty(), Optional.empty()));
        });
    r.meeting(id, Combinators.combine(stays, scheduled, otherKinds.list().ofMaxSize(2))
        .as((s, yes, others) -> yes.apply(apply(s, others)).toCase()));
    r.violating(id, Combinators.combine(stays, Arbitraries.oneOf(bookedLate, tookPlaceBefore, otherKinds).list().ofMaxSize(3))
        .as((s, misses) -> apply(s, misses).toCase()));
    r.notApplicable(id, Combinators.combine(anyStay(Cases.admittedNeitherPregnantNorPostpartum(RRS)),
            Arbitraries.oneOf(scheduled, otherKinds).list().ofMaxSize(2))
        .as((s, facts) -> apply(s, facts).toCase()));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  /**
   * COMP.6.b "verification of whether these appointments have been kept is conducted": every medical
   * appointment dated in the stay that has taken place shows whether it was kept and when that was
   * verified (at or after the appointment, by the as-of). Not applicable until one has taken place,
   * or when the member was neither pregnant nor postpartum at admission. No traits: an appointment
   * already booked for later, or one more charted, is a new one to verify.
   */
  private static void appointmentsKeptVerified(Registrar r) {
    String id = "RRS_PPW.COMP.6.b";
    Arbitrary<Stay> stays = anyStay(Cases.admittedPregnantOrPostpartum(RRS));
    // Took place in the stay (booked up to 20 days before), verified between then and the as-of.
    Arbitrary<UnaryOperator<Stay>> verified = Combinators.combine(Arbitraries.of(MEDICAL), Arbitraries.of(true, false),
            permille(), Cases.upTo(Duration.ofDays(20)), Arbitraries.of(true, false), permille())
        .as((kind, assisted, p, lead, kept, v) -> s -> {
          Instant at = s.at(p);
          return s.with(e -> appointment(e, kind, assisted, at.minus(lead), at, Optional.of(kept),
              Optional.of(along(at, s.asOf(), v))));
        });
    // Irrelevant: booked in the stay for after the as-of, or of another kind, and not verified.
    Arbitrary<UnaryOperator<Stay>> upcoming = Combinators.combine(Arbitraries.of(MEDICAL), Arbitraries.of(true, false),
            permille(), outsideBy())
        .as((kind, assisted, p, by) -> s -> s.with(e -> appointment(e, kind, assisted, s.at(p), s.asOf().plus(by),
            Optional.empty(), Optional.empty())));
    Arbitrary<UnaryOperator<Stay>> otherKinds = Combinators.combine(otherThan(AppointmentKind.class, MEDICAL),
            Arbitraries.of(true, false), permille(), Cases.upTo(Duration.ofDays(20)))
        .as((kind, assisted, p, lead) -> s -> {
          Instant at = s.at(p);
          return s.with(e -> appointment(e, kind, assisted, at.minus(lead), at, Optional.empty(), Optional.empty()));
        });
    Arbitrary<List<UnaryOperator<Stay>>> irrelevant = Arbitraries.oneOf(upcoming, otherKinds).list().ofMaxSize(2);
    r.meeting(id, Combinators.combine(stays, verified.list().ofMinSize(1).ofMaxSize(3), irrelevant)
        .as((s, ok, others) -> apply(apply(s, ok), others).toCase()));
    // One taken-place appointment not verified: nothing recorded, kept without the verification
    // time, a verification time without whether kept, verified before it took place, or verified
    // after the as-of.
    Arbitrary<UnaryOperator<Stay>> unverified = Combinators.combine(Arbitraries.of(MEDICAL), Arbitraries.of(true, false),
            permille(), Cases.upTo(Duration.ofDays(20)), Arbitraries.integers().between(0, 4), Arbitraries.of(true, false),
            outsideBy(), permille())
        .as((kind, assisted, p, lead, how, kept, by, v) -> s -> {
          Instant at = s.at(p);
          Optional<Boolean> k = how == 0 || how == 2 ? Optional.empty() : Optional.of(kept);
          Optional<Instant> when = switch (how) {
            case 0, 1 -> Optional.empty();
            case 2 -> Optional.of(along(at, s.asOf(), v));
            case 3 -> Optional.of(at.minus(by));
            default -> Optional.of(s.asOf().plus(by));
          };
          return s.with(e -> appointment(e, kind, assisted, at.minus(lead), at, k, when));
        });
    r.violating(id, Combinators.combine(stays, verified.list().ofMaxSize(2), unverified, irrelevant)
        .as((s, ok, bad, others) -> apply(bad.apply(apply(s, ok)), others).toCase()));
    // No medical appointment has taken place in the stay: none, other kinds, booked for after the
    // as-of, or dated before admission or after the discharge; or neither pregnant nor postpartum.
    Arbitrary<UnaryOperator<Stay>> outside = Combinators.combine(Arbitraries.of(MEDICAL), Arbitraries.of(true, false),
            Arbitraries.of(0, 2), outsideBy(), permille())
        .as((kind, assisted, where, by, p) -> s -> {
          Instant at = s.outside(where, by, p);
          Instant booked = at.isAfter(s.asOf()) ? s.asOf() : at;
          return s.with(e -> appointment(e, kind, assisted, booked, at, Optional.empty(), Optional.empty()));
        });
    Arbitrary<Case> noneTookPlace = Combinators.combine(stays, Arbitraries.oneOf(upcoming, otherKinds, outside).list().ofMaxSize(3))
        .as((s, facts) -> apply(s, facts).toCase());
    Arbitrary<Case> notPregnant = Combinators.combine(anyStay(Cases.admittedNeitherPregnantNorPostpartum(RRS)),
            Arbitraries.oneOf(unverified, verified).list().ofMaxSize(2))
        .as((s, facts) -> apply(s, facts).toCase());
    r.notApplicable(id, Arbitraries.oneOf(noneTookPlace, notPregnant));
  }

  /**
   * COMP.7.a "works with the Enrollee to create a treatment plan": a treatment plan dated in the
   * stay (by date) developed with the member.
   */
  private static void treatmentPlanWithMember(Registrar r) {
    String id = "RRS_PPW.COMP.7.a";
    Arbitrary<Stay> stays = anyStay(anyMember());
    Arbitrary<Set<Party>> parties = Arbitraries.subsetOf(Party.values());
    Arbitrary<Set<ContentElement>> elements = Arbitraries.subsetOf(ContentElement.values());
    Arbitrary<UnaryOperator<Stay>> withMember = Combinators.combine(permille(), elements, parties)
        .as((p, els, with) -> s -> s.with(e -> document(e, DocumentKind.TREATMENT_PLAN, s.day(p), els, plus(with, Party.MEMBER))));
    // Not with the member, another kind of document, or dated before the admission date or after
    // the discharge date or the as-of date.
    Arbitrary<UnaryOperator<Stay>> withoutMember = Combinators.combine(permille(), elements, parties)
        .as((p, els, with) -> s -> s.with(e -> document(e, DocumentKind.TREATMENT_PLAN, s.day(p), els,
            RrsPpwCases.minus(with, Party.MEMBER))));
    Arbitrary<UnaryOperator<Stay>> otherKind = Combinators.combine(otherThan(DocumentKind.class, Set.of(DocumentKind.TREATMENT_PLAN)),
            permille(), elements, parties)
        .as((kind, p, els, with) -> s -> s.with(e -> document(e, kind, s.day(p), els, plus(with, Party.MEMBER))));
    Arbitrary<UnaryOperator<Stay>> outside = Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(1, 30),
            elements, parties)
        .as((before, days, els, with) -> s -> s.with(e -> document(e, DocumentKind.TREATMENT_PLAN,
            before ? s.firstDay().minusDays(days) : s.lastDay().plusDays(days), els, plus(with, Party.MEMBER))));
    Arbitrary<UnaryOperator<Stay>> misses = Arbitraries.oneOf(withoutMember, otherKind, outside);
    r.meeting(id, Combinators.combine(stays, withMember, misses.list().ofMaxSize(2))
        .as((s, yes, others) -> yes.apply(apply(s, others)).toCase()));
    r.violating(id, Combinators.combine(stays, misses.list().ofMaxSize(3)).as((s, others) -> apply(s, others).toCase()));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  /**
   * COMP.7.b.1-8 "a treatment plan addressing parenting skills education, child development
   * education and structured developmental activities, parent support, family planning, nutrition,
   * violence, safe relationships": judged on the latest treatment plan dated in the stay (the plan
   * in force), not applicable while there is none. No traits: a later plan replaces it.
   */
  private static void treatmentPlanElements(Registrar r) {
    List<ContentElement> elements = List.of(ContentElement.PARENTING_SKILLS_EDUCATION,
        ContentElement.CHILD_DEVELOPMENT_EDUCATION, ContentElement.DEVELOPMENTAL_ACTIVITIES, ContentElement.PARENT_SUPPORT,
        ContentElement.FAMILY_PLANNING, ContentElement.NUTRITION, ContentElement.VIOLENCE, ContentElement.SAFE_RELATIONSHIPS);
    for (int i = 0; i < elements.size(); i++) {
      treatmentPlanElement(r, "RRS_PPW.COMP.7.b." + (i + 1), elements.get(i));
    }
  }

  private static void treatmentPlanElement(Registrar r, String id, ContentElement element) {
    Arbitrary<Stay> stays = anyStay(anyMember());
    Arbitrary<Set<ContentElement>> contents = Arbitraries.subsetOf(ContentElement.values());
    Arbitrary<Set<Party>> parties = Arbitraries.subsetOf(Party.values());
    // Plans dated in the stay, added in date order so the last added is the latest (ties: by id).
    Arbitrary<List<Integer>> days = permille().list().ofMinSize(1).ofMaxSize(3).map(l -> l.stream().sorted().toList());
    Arbitrary<List<Set<ContentElement>>> planContents = contents.list().ofSize(3);
    // Plans dated before admission or after the stay so far, which do not count.
    Arbitrary<UnaryOperator<Stay>> outside = Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(1, 30),
            contents, parties)
        .as((before, n, els, with) -> s -> s.with(e -> document(e, DocumentKind.TREATMENT_PLAN,
            before ? s.firstDay().minusDays(n) : s.lastDay().plusDays(n), els, with)));
    r.meeting(id, Combinators.combine(stays, days, planContents, parties, outside.list().ofMaxSize(1))
        .as((s, ps, els, with, others) -> plans(apply(s, others), ps, els, with, element, true).toCase()));
    r.violating(id, Combinators.combine(stays, days, planContents, parties, outside.list().ofMaxSize(1))
        .as((s, ps, els, with, others) -> plans(apply(s, others), ps, els, with, element, false).toCase()));
    Arbitrary<UnaryOperator<Stay>> otherKind = Combinators.combine(otherThan(DocumentKind.class, Set.of(DocumentKind.TREATMENT_PLAN)),
            permille(), contents, parties)
        .as((kind, p, els, with) -> s -> s.with(e -> document(e, kind, s.day(p), plus(els, element), with)));
    r.notApplicable(id, Combinators.combine(stays, Arbitraries.oneOf(outside, otherKind).list().ofMaxSize(3))
        .as((s, others) -> apply(s, others).toCase()));
  }

  /** Treatment plans on the given days of the stay; the latest addresses {@code element} or not. */
  private static Stay plans(Stay s, List<Integer> days, List<Set<ContentElement>> contents, Set<Party> with,
      ContentElement element, boolean latestAddresses) {
    Stay out = s;
    for (int i = 0; i < days.size(); i++) {
      LocalDate day = s.day(days.get(i));
      Set<ContentElement> els = i < days.size() - 1 ? contents.get(i)
          : latestAddresses ? plus(contents.get(i), element) : RrsPpwCases.minus(contents.get(i), element);
      out = out.with(e -> document(e, DocumentKind.TREATMENT_PLAN, day, els, with));
    }
    return out;
  }

  /**
   * COMP.8 "facilitates access, induction, maintenance, and ongoing support for Enrollees enrolled
   * in pharmacotherapies for opioid use disorders", when the record marks medication for addiction
   * treatment among her needs: a referral to it, or a medication-management contact with her engaged.
   */
  private static void moudSupport(Registrar r) {
    ServiceCategory mat = ServiceCategory.MEDICATION_FOR_ADDICTION_TREATMENT;
    Arbitrary<Set<Topic>> topics = Arbitraries.subsetOf(Topic.values());
    Arbitrary<Fact> shows = Arbitraries.oneOf(Arbitraries.just(referral(mat)),
        topics.map(t -> contact(ContactKind.MEDICATION_MANAGEMENT, true, t)));
    Arbitrary<Fact> misses = Arbitraries.oneOf(referralOtherThan(Set.of(mat)),
        topics.map(t -> contact(ContactKind.MEDICATION_MANAGEMENT, false, t)),
        Combinators.combine(otherThan(ContactKind.class, Set.of(ContactKind.MEDICATION_MANAGEMENT)), Arbitraries.of(true, false), topics)
            .as(RrsPpwCases::contact));
    String id = "RRS_PPW.COMP.8";
    shownDuringStay(r, id, needing(anyStay(anyMember()), mat), shows, misses);
    notApplicable(r, id, notNeeding(anyStay(anyMember()), mat), shows, misses);
  }

  /**
   * COMP.9.a-c "access to services related to HIV/AIDS, hepatitis, and other STI counseling and
   * testing as needed": when the record marks the counselling need, a contact with her engaged
   * covering the topic, or a referral to HIV, hepatitis and STI testing.
   */
  private static void infectiousDiseaseServices(Registrar r) {
    infectiousDisease(r, "a", Topic.HIV_AIDS);
    infectiousDisease(r, "b", Topic.HEPATITIS);
    infectiousDisease(r, "c", Topic.SEXUALLY_TRANSMITTED_INFECTIONS);
  }

  private static void infectiousDisease(Registrar r, String letter, Topic topic) {
    String id = "RRS_PPW.COMP.9." + letter;
    ServiceCategory testing = ServiceCategory.HIV_HEPATITIS_STI_TESTING;
    Arbitrary<Fact> shows = Arbitraries.oneOf(counselingOn(topic), Arbitraries.just(referral(testing)));
    Arbitrary<Fact> misses = Arbitraries.oneOf(notCounselingOn(topic), referralOtherThan(Set.of(testing)));
    shownDuringStay(r, id, needingCounseling(anyStay(anyMember()), topic), shows, misses);
    notApplicable(r, id, notNeedingCounseling(anyStay(anyMember()), topic), shows, misses);
  }

  /**
   * COMP.10 "assistance in accessing Women, Infants, and Children (WIC) and other nutritional
   * programs", for a member pregnant or postpartum at admission: a referral to WIC/nutrition.
   */
  private static void wicAccess(Registrar r) {
    String id = "RRS_PPW.COMP.10";
    Arbitrary<Fact> shows = Arbitraries.just(referral(ServiceCategory.WIC_NUTRITION));
    Arbitrary<Fact> misses = referralOtherThan(Set.of(ServiceCategory.WIC_NUTRITION));
    shownDuringStay(r, id, anyStay(Cases.admittedPregnantOrPostpartum(RRS)), shows, misses);
    notApplicable(r, id, anyStay(Cases.admittedNeitherPregnantNorPostpartum(RRS)), shows, misses);
  }

  /**
   * COMP.11 "arranges for family planning and reproductive health resources": a referral to
   * family/reproductive health, for every admitted member.
   */
  private static void familyPlanningResources(Registrar r) {
    shownDuringStay(r, "RRS_PPW.COMP.11", anyStay(anyMember()),
        Arbitraries.just(referral(ServiceCategory.FAMILY_REPRODUCTIVE_HEALTH)),
        referralOtherThan(Set.of(ServiceCategory.FAMILY_REPRODUCTIVE_HEALTH)));
  }

  /**
   * COMP.12.a-l "appropriate counseling regarding the following as needed": when the record marks
   * the counselling need on the topic, a contact with her engaged (not case work) covering it.
   */
  private static void counseling(Registrar r) {
    List<Topic> topics = List.of(Topic.PRENATAL_CARE, Topic.NUTRITION, Topic.EARLY_CHILDCARE,
        Topic.NEONATAL_ABSTINENCE_SYNDROME, Topic.DCF, Topic.BREASTFEEDING, Topic.SMOKING_EFFECTS,
        Topic.FAMILY_PRESERVATION, Topic.PARENTING_SKILLS, Topic.BUDGETING, Topic.ACCESS_TO_RESOURCES, Topic.FAMILY_PLANNING);
    for (int i = 0; i < topics.size(); i++) {
      String id = "RRS_PPW.COMP.12." + (char) ('a' + i);
      Topic topic = topics.get(i);
      shownDuringStay(r, id, needingCounseling(anyStay(anyMember()), topic), counselingOn(topic), notCounselingOn(topic));
      notApplicable(r, id, notNeedingCounseling(anyStay(anyMember()), topic), counselingOn(topic), notCounselingOn(topic));
    }
  }

  // ---- SERVICE, COMMUNITY AND OTHER LINKAGES

  /**
   * LINK.5.a-n "linkage to services ... Based on individual Enrollee needs": when the record marks
   * the need, a referral made to it in the stay (for prenatal care, to an obstetric provider too).
   */
  private static void linkages(Registrar r) {
    List<ServiceCategory> needs = List.of(ServiceCategory.PRENATAL_CARE, ServiceCategory.FAMILY_REPRODUCTIVE_HEALTH,
        ServiceCategory.EARLY_INTERVENTION, ServiceCategory.HIGH_RISK_INFANT_FAMILY_SUPPORT, ServiceCategory.HEALTHY_START,
        ServiceCategory.WIC_NUTRITION, ServiceCategory.MEDICATION_FOR_ADDICTION_TREATMENT,
        ServiceCategory.INTIMATE_PARTNER_VIOLENCE, ServiceCategory.VIOLENCE_PREVENTION, ServiceCategory.CHILDCARE,
        ServiceCategory.HOUSING, ServiceCategory.TRANSPORTATION, ServiceCategory.LEGAL, ServiceCategory.TRANSITIONAL_ASSISTANCE);
    for (int i = 0; i < needs.size(); i++) {
      String id = "RRS_PPW.LINK.5." + (char) ('a' + i);
      ServiceCategory need = needs.get(i);
      Set<ServiceCategory> targets = need == ServiceCategory.PRENATAL_CARE
          ? EnumSet.of(need, ServiceCategory.OBSTETRIC_PROVIDER) : EnumSet.of(need);
      Arbitrary<Fact> shows = Arbitraries.of(targets).map(RrsPpwCases::referral);
      shownDuringStay(r, id, needing(anyStay(anyMember()), need), shows, referralOtherThan(targets));
      notApplicable(r, id, notNeeding(anyStay(anyMember()), need), shows, referralOtherThan(targets));
    }
  }

  // ---- DISCHARGE PLANNING

  /**
   * DISCH.1 "upon discharge Enrollees have an individualized Enrollee aftercare plan", once
   * discharged: an aftercare or discharge plan dated from the admission date through the discharge
   * date; one dated later is late.
   */
  private static void aftercarePlan(Registrar r) {
    String id = "RRS_PPW.DISCH.1";
    Set<DocumentKind> kinds = EnumSet.of(DocumentKind.AFTERCARE_PLAN, DocumentKind.DISCHARGE_PLAN);
    Arbitrary<UnaryOperator<Stay>> onTime = Combinators.combine(Arbitraries.of(kinds), permille())
        .as((kind, p) -> s -> s.with(e -> document(e, kind, s.day(p), Set.of(), Set.of())));
    Arbitrary<UnaryOperator<Stay>> late = Combinators.combine(Arbitraries.of(kinds), Arbitraries.integers().between(1, 60))
        .as((kind, n) -> s -> s.with(e -> document(e, kind, s.lastDay().plusDays(n), Set.of(), Set.of())));
    Arbitrary<UnaryOperator<Stay>> early = Combinators.combine(Arbitraries.of(kinds), Arbitraries.integers().between(1, 30))
        .as((kind, n) -> s -> s.with(e -> document(e, kind, s.firstDay().minusDays(n), Set.of(), Set.of())));
    Arbitrary<UnaryOperator<Stay>> otherKind = Combinators.combine(otherThan(DocumentKind.class, kinds), permille())
        .as((kind, p) -> s -> s.with(e -> document(e, kind, s.day(p), Set.of(), Set.of())));
    Arbitrary<Stay> stays = discharged(anyMember());
    r.meeting(id, Combinators.combine(stays, onTime, Arbitraries.oneOf(late, early, otherKind).list().ofMaxSize(2))
        .as((s, yes, others) -> yes.apply(apply(s, others)).toCase()));
    r.violating(id, Combinators.combine(stays, Arbitraries.oneOf(late, early, otherKind).list().ofMaxSize(3))
        .as((s, others) -> apply(s, others).toCase()));
    r.notApplicable(id, Combinators.combine(open(anyMember()), Arbitraries.oneOf(onTime, otherKind).list().ofMaxSize(2))
        .as((s, others) -> apply(s, others).toCase()));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  /**
   * DISCH.1.a-d "an individualized Enrollee aftercare plan which includes referrals to the following
   * services, if indicated in the Enrollee's treatment plan": once discharged, when the record marks
   * the need, a referral made to it between admission and discharge.
   */
  private static void aftercareReferrals(Registrar r) {
    List<String> paths = List.of("1.a", "1.b", "1.c", "1.d.1", "1.d.2", "1.d.3", "1.d.4", "1.d.5", "1.d.6");
    List<ServiceCategory> targets = List.of(ServiceCategory.FAMILY_LIVING_OPPORTUNITIES, ServiceCategory.CHILDCARE,
        ServiceCategory.VOCATIONAL_EDUCATIONAL, ServiceCategory.PRIMARY_HEALTH, ServiceCategory.MENTAL_HEALTH,
        ServiceCategory.PEDIATRICS, ServiceCategory.SPECIALIZED_PEDIATRICS, ServiceCategory.SUPPORT_FOR_SURVIVORS,
        ServiceCategory.SOCIAL_SERVICES);
    for (int i = 0; i < paths.size(); i++) {
      String id = "RRS_PPW.DISCH." + paths.get(i);
      ServiceCategory target = targets.get(i);
      Arbitrary<Fact> shows = Arbitraries.just(referral(target));
      Arbitrary<Fact> misses = referralOtherThan(Set.of(target));
      shownDuringStay(r, id, needing(discharged(anyMember()), target), shows, misses);
      notApplicable(r, id, Arbitraries.oneOf(notNeeding(discharged(anyMember()), target), needing(open(anyMember()), target)),
          shows, misses);
    }
  }

  // ---- QUALITY MANAGEMENT

  /**
   * QM.4 "report any adverse incidents and other reportable events that occur": every reportable
   * incident during the stay reported (at or after it, by the as-of); not applicable when none
   * occurred. More documentation adds no incident; time passing may bring a recorded later one into
   * the stay, so no time trait.
   */
  private static void incidentsReported(Registrar r) {
    String id = "RRS_PPW.QM.4";
    Arbitrary<Stay> stays = anyStay(anyMember());
    Arbitrary<UnaryOperator<Stay>> reported = Combinators.combine(permille(), permille())
        .as((p, q) -> s -> {
          Instant at = s.at(p);
          return s.with(e -> incident(e, true, at, Optional.of(along(at, s.asOf(), q))));
        });
    // Irrelevant: not reportable (reported or not) in the stay, or reportable outside it, unreported.
    Arbitrary<UnaryOperator<Stay>> notReportable = Combinators.combine(permille(), Arbitraries.of(true, false))
        .as((p, rep) -> s -> {
          Instant at = s.at(p);
          return s.with(e -> incident(e, false, at, rep ? Optional.of(s.asOf()) : Optional.empty()));
        });
    Arbitrary<UnaryOperator<Stay>> outside = Combinators.combine(outsideWhere(), outsideBy(), permille())
        .as((where, by, p) -> s -> s.with(e -> incident(e, true, s.outside(where, by, p), Optional.empty())));
    Arbitrary<List<UnaryOperator<Stay>>> irrelevant = Arbitraries.oneOf(notReportable, outside).list().ofMaxSize(2);
    r.meeting(id, Combinators.combine(stays, reported.list().ofMinSize(1).ofMaxSize(3), irrelevant)
        .as((s, ok, others) -> apply(apply(s, ok), others).toCase()));
    // One reportable incident in the stay not reported, or reported only after the as-of.
    Arbitrary<UnaryOperator<Stay>> unreported = Combinators.combine(permille(), Arbitraries.of(true, false), outsideBy())
        .as((p, never, by) -> s -> {
          Instant at = s.at(p);
          return s.with(e -> incident(e, true, at, never ? Optional.empty() : Optional.of(s.asOf().plus(by))));
        });
    r.violating(id, Combinators.combine(stays, reported.list().ofMaxSize(2), unreported, irrelevant)
        .as((s, ok, bad, others) -> apply(bad.apply(apply(s, ok)), others).toCase()));
    r.notApplicable(id, Combinators.combine(stays, irrelevant).as((s, others) -> apply(s, others).toCase()));
    r.traits(id, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  // ---- shared shapes

  /**
   * An obligation without a deadline, judged over the stay so far: MET when one of {@code shows} is
   * in the stay (whatever near misses there are too); NOT_MET with only near misses in the stay, or
   * with what would show it only outside the stay (before admission, after the discharge, or not yet
   * happened). Both traits hold: the stay so far only grows, and more charting removes nothing.
   */
  private static void shownDuringStay(Registrar r, String id, Arbitrary<Stay> applicable, Arbitrary<Fact> shows,
      Arbitrary<Fact> misses) {
    Arbitrary<UnaryOperator<Stay>> anyOutside = outside(Arbitraries.oneOf(shows, misses));
    r.meeting(id, Combinators.combine(applicable, shows.flatMap(RrsPpwScenarios::inStay),
            misses.flatMap(RrsPpwScenarios::inStay).list().ofMaxSize(2), anyOutside.list().ofMaxSize(1))
        .as((s, yes, others, out) -> apply(yes.apply(apply(s, others)), out).toCase()));
    Arbitrary<Case> onlyMisses = Combinators.combine(applicable, misses.flatMap(RrsPpwScenarios::inStay).list().ofMaxSize(3))
        .as((s, others) -> apply(s, others).toCase());
    Arbitrary<Case> onlyOutside = Combinators.combine(applicable, outside(shows).list().ofMinSize(1).ofMaxSize(2),
            misses.flatMap(RrsPpwScenarios::inStay).list().ofMaxSize(2))
        .as((s, out, others) -> apply(apply(s, others), out).toCase());
    r.violating(id, Arbitraries.oneOf(onlyMisses, onlyOutside));
    r.traits(id, Trait.STAYS_MET_AS_TIME_PASSES, Trait.STAYS_MET_WITH_MORE_DOCUMENTATION);
  }

  /** Records outside the condition, whatever else they hold (what would show it included). */
  private static void notApplicable(Registrar r, String id, Arbitrary<Stay> stays, Arbitrary<Fact> shows,
      Arbitrary<Fact> misses) {
    r.notApplicable(id, Combinators.combine(stays, Arbitraries.oneOf(shows, misses).flatMap(RrsPpwScenarios::inStay)
            .list().ofMaxSize(2))
        .as((s, facts) -> apply(s, facts).toCase()));
  }

  /** {@code fact} at an instant of the stay so far (its first and last minute are edge cases). */
  private static Arbitrary<UnaryOperator<Stay>> inStay(Fact fact) {
    return permille().map(p -> s -> fact.in(s, s.at(p)));
  }

  /** A fact at an instant outside the stay so far. */
  private static Arbitrary<UnaryOperator<Stay>> outside(Arbitrary<Fact> facts) {
    return Combinators.combine(facts, outsideWhere(), outsideBy(), permille())
        .as((f, where, by, p) -> s -> f.in(s, s.outside(where, by, p)));
  }

  private static Stay apply(Stay s, List<UnaryOperator<Stay>> changes) {
    Stay out = s;
    for (UnaryOperator<Stay> c : changes) {
      out = c.apply(out);
    }
    return out;
  }
}

package org.perfspecs.testkit.scenarios;

import static org.perfspecs.testkit.scenarios.Cases.admission;
import static org.perfspecs.testkit.scenarios.Cases.dateOf;
import static org.perfspecs.testkit.scenarios.Cases.endOfDay;
import static org.perfspecs.testkit.scenarios.Cases.startOfDay;
import static org.perfspecs.testkit.scenarios.CspCases.NATURAL_SUPPORTS;
import static org.perfspecs.testkit.scenarios.CspCases.SPAN;
import static org.perfspecs.testkit.scenarios.CspCases.later;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.ImmutableDocument;
import org.perfspecs.model.Party;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.StateAgency;
import org.perfspecs.testkit.scenarios.CspCases.At;
import org.perfspecs.testkit.scenarios.CspCases.Fact;

/** CSP scenarios of discharge planning (Process specifications 2.g). */
final class CspDischargeScenarios {
  private static final Trait TIME = Trait.STAYS_MET_AS_TIME_PASSES;
  private static final Trait DOCS = Trait.STAYS_MET_WITH_MORE_DOCUMENTATION;
  private static final DocumentKind NOTE = DocumentKind.PROGRESS_NOTE;
  private static final DocumentKind PLAN = DocumentKind.DISCHARGE_PLAN;
  private static final ContentElement ACTIVITY = ContentElement.DISCHARGE_PLANNING_ACTIVITY;

  private CspDischargeScenarios() {}

  static void register(Registrar r) {
    planningAtAdmission(r);
    planningWithMember(r);
    planningInProgressNotes(r);
    Arbitrary<CaseRecord> any = CspCases.admitted();
    participant(r, "CSP.PROC.2.g.2.1", NATURAL_SUPPORTS, CspScenarios.consenting(any, CspCases.partiesWithOneOf(NATURAL_SUPPORTS)),
        CspScenarios.consenting(any, CspCases.partiesWithout(NATURAL_SUPPORTS)));
    Arbitrary<CaseRecord> withProviders = Arbitraries.oneOf(any.map(CspCases::withPcc),
        Combinators.combine(any, Arbitraries.of(ServiceCategory.class)).as((rec, target) ->
            CspCases.referral(target, Optional.empty()).at(rec, CspCases.referred(rec))));
    participant(r, "CSP.PROC.2.g.2.2", EnumSet.of(Party.OUTPATIENT_PROVIDER, Party.PCC, Party.PHYSICIAN, Party.PSYCHIATRIST,
        Party.OBSTETRIC_PROVIDER, Party.CRISIS_INTERVENTION_PROVIDER, Party.TREATMENT_TEAM), withProviders, any);
    Set<StateAgency> serviceAgencies = EnumSet.of(StateAgency.DMH, StateAgency.DCF, StateAgency.DYS, StateAgency.DPH,
        StateAgency.DESE, StateAgency.DDS);
    participant(r, "CSP.PROC.2.g.2.3", EnumSet.of(Party.STATE_AGENCY, Party.DMH_CLINICIAN, Party.DCF_CASEWORKER),
        CspScenarios.withAgencies(any, CspScenarios.agenciesWithOneOf(serviceAgencies)),
        CspScenarios.withAgencies(any, CspScenarios.agenciesWithout(serviceAgencies)));
    Set<StateAgency> probation = EnumSet.of(StateAgency.PROBATION, StateAgency.PAROLE);
    participant(r, "CSP.PROC.2.g.2.4", EnumSet.of(Party.PROBATION_OR_PAROLE),
        CspScenarios.withAgencies(any, CspScenarios.agenciesWithOneOf(probation)),
        CspScenarios.withAgencies(any, CspScenarios.agenciesWithout(probation)));
    element(r, "CSP.PROC.2.g.3.1", ContentElement.CRISIS_PREVENTION);
    element(r, "CSP.PROC.2.g.3.2", ContentElement.SAFETY_PLANNING);
    planGiven(r);
    forwarded(r, "CSP.PROC.2.g.4.b.1", EnumSet.of(Party.FAMILY, Party.GUARDIAN, Party.CAREGIVER, Party.SIGNIFICANT_OTHER));
    forwarded(r, "CSP.PROC.2.g.4.b.2", EnumSet.of(Party.STATE_AGENCY, Party.DMH_CLINICIAN, Party.DCF_CASEWORKER));
    forwarded(r, "CSP.PROC.2.g.4.b.3", EnumSet.of(Party.OUTPATIENT_PROVIDER));
    forwarded(r, "CSP.PROC.2.g.4.b.4", EnumSet.of(Party.PHYSICIAN, Party.PCC, Party.PSYCHIATRIST, Party.OBSTETRIC_PROVIDER));
    forwarded(r, "CSP.PROC.2.g.4.b.5", EnumSet.of(Party.SCHOOL));
    forwarded(r, "CSP.PROC.2.g.4.b.6", EnumSet.of(Party.CRISIS_INTERVENTION_PROVIDER));
    forwarded(r, "CSP.PROC.2.g.4.b.7", EnumSet.of(Party.PROBATION_OR_PAROLE));
    forwarded(r, "CSP.PROC.2.g.4.b.8", EnumSet.of(Party.OTHER));
  }

  private static UnaryOperator<ImmutableDocument> activity() {
    return d -> d.withElements(CspCases.plus(d.elements(), ACTIVITY));
  }

  /** PROC.2.g.1.a "The provider shall begin discharge planning upon admission": a discharge-planning progress note dated by the admission date. */
  private static void planningAtAdmission(Registrar r) {
    String id = "CSP.PROC.2.g.1.a";
    Arbitrary<CaseRecord> base = CspCases.admitted();
    r.meeting(id, Combinators.combine(base, CspCases.days(0, 10), CspCases.days(0, 30), CspCases.within(SPAN))
        .as((rec, early, more, wait) -> {
          LocalDate day = dateOf(admission(rec));
          CaseRecord c = CspCases.documentOn(rec, day.minusDays(early), NOTE, activity());
          c = more == 0 ? c : CspCases.documentOn(c, day.plusDays(more), NOTE, activity());
          return Case.of(c, admission(rec).plus(wait));
        }));
    Arbitrary<Case> late = Combinators.combine(base, CspCases.days(1, 30), CspCases.within(SPAN))
        .as((rec, days, wait) -> {
          LocalDate day = dateOf(admission(rec)).plusDays(days);
          return Case.of(CspCases.documentOn(rec, day, NOTE, activity()), startOfDay(day).plus(wait));
        });
    // None by the end of the admission day; sometimes a note without the activity or a discharge plan that day.
    Arbitrary<Case> missing = Combinators.combine(base, Arbitraries.integers().between(0, 2), CspCases.within(SPAN))
        .as((rec, shape, wait) -> {
          LocalDate day = dateOf(admission(rec));
          CaseRecord c = switch (shape) {
            case 1 -> CspCases.documentOn(rec, day, NOTE, d -> d);
            case 2 -> CspCases.documentOn(rec, day, PLAN, activity());
            default -> rec;
          };
          return Case.of(c, startOfDay(day.plusDays(1)).plus(wait));
        });
    r.violating(id, Arbitraries.oneOf(late, missing));
    r.pending(id, Combinators.combine(base, CspCases.percents(), CspCases.days(0, 30))
        .as((rec, percent, days) -> {
          LocalDate day = dateOf(admission(rec));
          CaseRecord c = days == 0 ? rec : CspCases.documentOn(rec, day.plusDays(days), NOTE, activity());
          return Case.of(c, CspCases.between(admission(rec), endOfDay(day), percent));
        }));
    r.notApplicable(id, CspCases.ineligibleCases(base, Arbitraries.just(CspCases.document(NOTE, activity()))));
    r.traits(id, TIME, DOCS);
  }

  /** PROC.2.g.1.b "with the participation of the member": a discharge-planning progress note developed with the member. */
  private static void planningWithMember(Registrar r) {
    String id = "CSP.PROC.2.g.1.b";
    Arbitrary<CaseRecord> base = CspCases.admitted();
    Arbitrary<Set<Party>> withMember = CspCases.partiesWithOneOf(EnumSet.of(Party.MEMBER));
    Arbitrary<Set<Party>> withoutMember = CspCases.partiesWithout(EnumSet.of(Party.MEMBER));
    // A note with the member (maybe after one without), dated 0 to 60 days after admission.
    r.meeting(id, Combinators.combine(base, withMember, withoutMember, CspCases.days(0, 60),
            CspCases.days(0, 20), CspCases.within(SPAN))
        .as((rec, with, without, days, before, wait) -> {
          LocalDate day = dateOf(admission(rec)).plusDays(days);
          CaseRecord c = before == 0 ? rec : CspCases.documentOn(rec, day.minusDays(before), NOTE, d -> activity().apply(d).withDevelopedWith(without));
          c = CspCases.documentOn(c, day, NOTE, d -> activity().apply(d).withDevelopedWith(with));
          return Case.of(c, later(admission(rec), startOfDay(day)).plus(wait));
        }));
    // Notes without the member; sometimes the member in a discharge plan, a note without the activity, or a note after the as-of.
    r.violating(id, Combinators.combine(base, withMember, withoutMember, CspCases.days(0, 60),
            Arbitraries.integers().between(0, 3), CspCases.within(SPAN))
        .as((rec, with, without, days, shape, wait) -> {
          LocalDate day = dateOf(admission(rec)).plusDays(days);
          CaseRecord c = CspCases.documentOn(rec, day, NOTE, d -> activity().apply(d).withDevelopedWith(without));
          Instant asOf = later(admission(rec), startOfDay(day)).plus(wait);
          c = switch (shape) {
            case 1 -> CspCases.documentOn(c, day, PLAN, d -> activity().apply(d).withDevelopedWith(with));
            case 2 -> CspCases.documentOn(c, day, NOTE, d -> d.withDevelopedWith(with));
            case 3 -> CspCases.documentOn(c, dateOf(asOf).plusDays(1), NOTE, d -> activity().apply(d).withDevelopedWith(with));
            default -> c;
          };
          return Case.of(c, asOf);
        }));
    // No discharge-planning progress note as of the as-of.
    r.notApplicable(id, Combinators.combine(base, withMember, CspCases.within(SPAN), Arbitraries.integers().between(0, 3))
        .as((rec, with, off, shape) -> {
          Instant asOf = admission(rec).plus(off);
          LocalDate day = dateOf(asOf);
          CaseRecord c = switch (shape) {
            case 1 -> CspCases.documentOn(rec, day, PLAN, d -> activity().apply(d).withDevelopedWith(with));
            case 2 -> CspCases.documentOn(rec, day, NOTE, d -> d.withDevelopedWith(with));
            case 3 -> CspCases.documentOn(rec, day.plusDays(1), NOTE, d -> activity().apply(d).withDevelopedWith(with));
            default -> rec;
          };
          return Case.of(c, asOf);
        }));
    r.traits(id, TIME, DOCS);
  }

  /** Elements other than {@code excluded}, any number. */
  private static Arbitrary<Set<ContentElement>> elementsWithout(Set<ContentElement> excluded) {
    Set<ContentElement> all = EnumSet.allOf(ContentElement.class);
    all.removeAll(excluded);
    return Arbitraries.subsetOf(all).ofMaxSize(4).map(s -> s.isEmpty() ? EnumSet.noneOf(ContentElement.class) : EnumSet.copyOf(s));
  }

  /** PROC.2.g.1.c "and shall document all discharge planning activity in progress notes": such a note during the stay. */
  private static void planningInProgressNotes(Registrar r) {
    Arbitrary<Fact> shown = elementsWithout(Set.of()).map(others -> CspCases.document(NOTE,
        d -> d.withElements(CspCases.plus(others, ACTIVITY))));
    Arbitrary<Fact> nearMisses = Arbitraries.oneOf(
        elementsWithout(EnumSet.of(ACTIVITY)).map(others -> CspCases.document(NOTE, d -> d.withElements(others))),
        Arbitraries.of(PLAN, DocumentKind.TEAM_MEETING_NOTE, DocumentKind.AFTERCARE_PLAN)
            .map(kind -> CspCases.document(kind, activity())));
    CspScenarios.overTheStay(r, "CSP.PROC.2.g.1.c", CspCases.admitted(), shown, nearMisses, null);
  }

  /** Discharge-planning records (progress notes recording the activity, or discharge plans) developed with parties drawn from {@code with}. */
  private static Arbitrary<Fact> planningWith(Arbitrary<Set<Party>> with) {
    return Combinators.combine(with, Arbitraries.of(true, false)).as((parties, note) -> note
        ? CspCases.document(NOTE, d -> activity().apply(d).withDevelopedWith(parties))
        : CspCases.document(PLAN, d -> d.withDevelopedWith(parties)));
  }

  /**
   * PROC.2.g.2 "The discharge planning process must include ... [each participant]": a
   * discharge-planning record during the stay developed with one of {@code parties}.
   */
  private static void participant(Registrar r, String id, Set<Party> parties, Arbitrary<CaseRecord> applies,
      Arbitrary<CaseRecord> notApplying) {
    Arbitrary<Fact> shown = planningWith(CspCases.partiesWithOneOf(parties));
    Arbitrary<Fact> nearMisses = Arbitraries.oneOf(planningWith(CspCases.partiesWithout(parties)),
        CspCases.partiesWithOneOf(parties).map(p -> CspCases.document(NOTE, d -> d.withDevelopedWith(p))),
        CspCases.partiesWithOneOf(parties).map(p -> CspCases.document(DocumentKind.TEAM_MEETING_NOTE,
            d -> activity().apply(d).withDevelopedWith(p))));
    CspScenarios.overTheStay(r, id, applies, shown, nearMisses, CspCases.shownDuringStay(notApplying, shown));
  }

  /** PROC.2.g.3 "The discharge planning process must include crisis prevention and safety planning": {@code element} in a discharge-planning record. */
  private static void element(Registrar r, String id, ContentElement element) {
    Arbitrary<Set<ContentElement>> others = elementsWithout(EnumSet.of(element));
    Arbitrary<Fact> shown = Combinators.combine(others, Arbitraries.of(true, false)).as((o, note) -> note
        ? CspCases.document(NOTE, d -> d.withElements(CspCases.plus(CspCases.plus(o, element), ACTIVITY)))
        : CspCases.document(PLAN, d -> d.withElements(CspCases.plus(o, element))));
    Arbitrary<Fact> nearMisses = Arbitraries.oneOf(
        Combinators.combine(others, Arbitraries.of(true, false)).as((o, note) -> note
            ? CspCases.document(NOTE, d -> d.withElements(CspCases.plus(o, ACTIVITY)))
            : CspCases.document(PLAN, d -> d.withElements(o))),
        elementsWithout(EnumSet.of(ACTIVITY)).map(o -> CspCases.document(NOTE, d -> d.withElements(CspCases.plus(o, element)))),
        others.map(o -> CspCases.document(DocumentKind.SAFETY_PLAN, d -> d.withElements(CspCases.plus(o, element)))));
    CspScenarios.overTheStay(r, id, CspCases.admitted(), shown, nearMisses, null);
  }

  /** Members discharged 0 to 60 days after admission (the instant is the discharge). */
  private static Arbitrary<At> discharges() {
    return Combinators.combine(CspCases.admitted(), CspCases.within(SPAN)).as((rec, stay) -> {
      Instant d = admission(rec).plus(stay);
      return new At(Cases.discharged(rec, d), d);
    });
  }

  /**
   * PROC.2.g.4.a "a written CSP discharge plan is given to the member at the time of discharge":
   * given to the member no later than the discharge date.
   */
  private static void planGiven(Registrar r) {
    String id = "CSP.PROC.2.g.4.a";
    Arbitrary<Set<Party>> toMember = CspCases.partiesWithOneOf(EnumSet.of(Party.MEMBER));
    r.meeting(id, Combinators.combine(discharges(), toMember, CspCases.days(0, 1000), CspCases.days(0, 1000),
            CspCases.within(SPAN))
        .as((at, to, p1, p2, wait) -> {
          LocalDate admitted = dateOf(admission(at.record()));
          long days = java.time.temporal.ChronoUnit.DAYS.between(admitted, dateOf(at.t()));
          LocalDate dated = admitted.plusDays(days * p1 / 1000);
          LocalDate given = dated.plusDays((days - days * p1 / 1000) * p2 / 1000);
          return Case.of(CspCases.documentOn(at.record(), dated, PLAN, d -> d.withGivenTo(to).withGivenOn(given)), at.t().plus(wait));
        }));
    Arbitrary<Case> late = Combinators.combine(discharges(), toMember, CspCases.days(1, 30), CspCases.within(SPAN))
        .as((at, to, days, wait) -> {
          LocalDate given = dateOf(at.t()).plusDays(days);
          return Case.of(CspCases.documentOn(at.record(), dateOf(at.t()), PLAN, d -> d.withGivenTo(to).withGivenOn(given)),
              startOfDay(given).plus(wait));
        });
    // Not given to the member by the end of the discharge day: no plan, a plan given to others only, or not recorded as given.
    Arbitrary<Case> missing = Combinators.combine(discharges(), CspCases.partiesWithout(EnumSet.of(Party.MEMBER)), toMember,
            Arbitraries.integers().between(0, 2), CspCases.within(SPAN))
        .as((at, others, to, shape, wait) -> {
          LocalDate day = dateOf(at.t());
          CaseRecord c = switch (shape) {
            case 1 -> CspCases.documentOn(at.record(), day, PLAN, d -> d.withGivenTo(others).withGivenOn(day));
            case 2 -> CspCases.documentOn(at.record(), day, PLAN, d -> d.withGivenTo(to));
            default -> at.record();
          };
          return Case.of(c, startOfDay(day.plusDays(1)).plus(wait));
        });
    r.violating(id, Arbitraries.oneOf(late, missing));
    r.pending(id, Combinators.combine(discharges(), toMember, CspCases.percents(), CspCases.days(0, 30))
        .as((at, to, percent, days) -> {
          LocalDate day = dateOf(at.t());
          CaseRecord c = days == 0 ? at.record()
              : CspCases.documentOn(at.record(), day, PLAN, d -> d.withGivenTo(to).withGivenOn(day.plusDays(days)));
          return Case.of(c, CspCases.between(at.t(), endOfDay(day), percent));
        }));
    r.notApplicable(id, notDischarged(CspCases.admitted(), Combinators.combine(toMember, Arbitraries.of(true, false))
        .as((to, given) -> given ? CspCases.document(PLAN, d -> d.withGivenTo(to).withGivenOn(d.date())) : CspCases.NOTHING)));
    r.traits(id, TIME, DOCS);
  }

  /** Members not discharged as of the as-of (enrolled, or discharged later), with a fact during the stay so far. */
  private static Arbitrary<Case> notDischarged(Arbitrary<CaseRecord> base, Arbitrary<Fact> facts) {
    return Combinators.combine(base, facts, CspCases.within(SPAN), CspCases.percents(), Arbitraries.of(true, false),
            CspCases.within(SPAN))
        .as((rec, fact, off, percent, later, after) -> {
          Instant asOf = admission(rec).plus(off);
          CaseRecord c = fact.at(rec, CspCases.between(admission(rec), asOf, percent));
          return Case.of(later ? Cases.discharged(c, asOf.plus(after).plus(Duration.ofMinutes(1))) : c, asOf);
        });
  }

  /**
   * PROC.2.g.4.b "With the member's consent, a copy of the discharge plan will be forwarded to
   * [each recipient]": every consented recipient of {@code parties} among those a discharge plan
   * was forwarded to.
   */
  private static void forwarded(Registrar r, String id, Set<Party> parties) {
    Arbitrary<Set<Party>> consents = Combinators.combine(Arbitraries.subsetOf(parties), Arbitraries.of(parties),
            CspCases.partiesWithout(parties))
        .as((some, one, others) -> {
          Set<Party> s = EnumSet.of(one);
          s.addAll(some);
          s.addAll(others);
          return s;
        });
    // The plan dated 0 to 10 days before the discharge date; the consented recipients split over one or two plans.
    r.meeting(id, Combinators.combine(discharges(), consents, CspCases.partiesWithout(Set.of()), CspCases.days(0, 10),
            Arbitraries.of(true, false), CspCases.within(SPAN))
        .as((at, consent, extra, early, split, wait) -> {
          Set<Party> mine = EnumSet.copyOf(consent);
          mine.retainAll(parties);
          LocalDate day = dateOf(at.t()).minusDays(early);
          CaseRecord c = CspCases.consenting(at.record(), consent);
          Set<Party> first = EnumSet.copyOf(extra.isEmpty() ? EnumSet.of(Party.MEMBER) : extra);
          if (split) {
            c = CspCases.documentOn(c, day, PLAN, d -> d.withForwardedTo(first));
            Set<Party> rest = EnumSet.copyOf(mine);
            c = CspCases.documentOn(c, dateOf(at.t()), PLAN, d -> d.withForwardedTo(rest));
          } else {
            first.addAll(mine);
            c = CspCases.documentOn(c, day, PLAN, d -> d.withForwardedTo(first));
          }
          return Case.of(c, at.t().plus(wait));
        }));
    // A consented recipient left out (or the plan not in the record as of the as-of).
    r.violating(id, Combinators.combine(discharges(), consents, Arbitraries.integers().between(0, 2), CspCases.within(SPAN))
        .as((at, consent, shape, wait) -> {
          Set<Party> mine = EnumSet.copyOf(consent);
          mine.retainAll(parties);
          Party left = mine.iterator().next();
          Set<Party> sent = EnumSet.copyOf(consent);
          sent.remove(left);
          Instant asOf = at.t().plus(wait);
          CaseRecord c = CspCases.consenting(at.record(), consent);
          c = switch (shape) {
            case 1 -> CspCases.documentOn(c, dateOf(at.t()), PLAN, d -> d.withForwardedTo(sent.isEmpty() ? EnumSet.of(Party.MEMBER) : sent));
            case 2 -> CspCases.documentOn(c, dateOf(asOf).plusDays(1), PLAN, d -> d.withForwardedTo(consent));
            default -> c;
          };
          return Case.of(c, asOf);
        }));
    // Not discharged yet; or discharged without consent to share with any of them.
    Arbitrary<Case> open = notDischarged(CspScenarios.consenting(CspCases.admitted(), consents), Arbitraries.just(CspCases.NOTHING));
    Arbitrary<Case> noConsent = Combinators.combine(discharges(), CspCases.partiesWithout(parties), CspCases.within(SPAN))
        .as((at, consent, wait) -> Case.of(CspCases.consenting(at.record(), consent), at.t().plus(wait)));
    r.notApplicable(id, Arbitraries.oneOf(open, noConsent));
    r.traits(id, TIME, DOCS);
  }
}

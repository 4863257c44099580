package org.perfspecs.testkit.scenarios;

import static org.perfspecs.testkit.scenarios.Cases.admission;
import static org.perfspecs.testkit.scenarios.Cases.dateOf;
import static org.perfspecs.testkit.scenarios.Cases.endOfDay;
import static org.perfspecs.testkit.scenarios.Cases.startOfDay;
import static org.perfspecs.testkit.scenarios.CspCases.NATURAL_SUPPORTS;
import static org.perfspecs.testkit.scenarios.CspCases.SPAN;
import static org.perfspecs.testkit.scenarios.CspCases.episode;
import static org.perfspecs.testkit.scenarios.CspCases.later;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.Goal;
import org.perfspecs.model.ImmutableServicePlan;
import org.perfspecs.model.Party;
import org.perfspecs.model.PlanReview;
import org.perfspecs.model.ReferralSource;
import org.perfspecs.model.StateAgency;

/**
 * CSP scenarios about the written service plan (Components of Service 7, Linkages 2.b and 3,
 * Process specifications 2.c) and the needs assessment (2.b.2, 2.b.3).
 */
final class CspPlanScenarios {
  private static final Trait TIME = Trait.STAYS_MET_AS_TIME_PASSES;
  private static final Trait DOCS = Trait.STAYS_MET_WITH_MORE_DOCUMENTATION;

  private CspPlanScenarios() {}

  static void register(Registrar r) {
    Arbitrary<CaseRecord> any = CspCases.admitted();
    Set<Party> family = EnumSet.of(Party.FAMILY, Party.GUARDIAN, Party.SIGNIFICANT_OTHER, Party.CAREGIVER);
    participant(r, "CSP.COMP.7.1", EnumSet.of(Party.MEMBER), any, null);
    participant(r, "CSP.COMP.7.2", EnumSet.of(Party.OUTPATIENT_PROVIDER, Party.PCC, Party.PHYSICIAN, Party.PSYCHIATRIST,
        Party.OBSTETRIC_PROVIDER, Party.TREATMENT_TEAM), any, null);
    participant(r, "CSP.COMP.7.3", family, CspScenarios.consenting(any, CspCases.partiesWithOneOf(family)),
        CspScenarios.consenting(any, CspCases.partiesWithout(family)));
    participant(r, "CSP.COMP.7.4", EnumSet.of(Party.DMH_CLINICIAN),
        any.map(rec -> CspCases.member(rec, m -> m.withDmhContinuingCareEligible(true))), any);
    Arbitrary<CaseRecord> dcf = Arbitraries.oneOf(any.map(rec -> CspCases.member(rec, m -> m.withDcfCaseOpen(true))),
        CspScenarios.withAgencies(any, CspScenarios.agenciesWithOneOf(EnumSet.of(StateAgency.DCF))));
    participant(r, "CSP.COMP.7.5", EnumSet.of(Party.DCF_CASEWORKER), dcf,
        CspScenarios.withAgencies(any, CspScenarios.agenciesWithout(EnumSet.of(StateAgency.DCF))));
    participant(r, "CSP.LINK.3", NATURAL_SUPPORTS, any, null);
    participant(r, "CSP.PROC.2.c.2.a", EnumSet.of(Party.MEMBER), any, null);
    participant(r, "CSP.PROC.2.c.2.b", NATURAL_SUPPORTS, CspScenarios.consenting(any, CspCases.partiesWithOneOf(NATURAL_SUPPORTS)),
        CspScenarios.consenting(any, CspCases.partiesWithout(NATURAL_SUPPORTS)));
    Set<ReferralSource> selfOrFamily = EnumSet.of(ReferralSource.SELF, ReferralSource.FAMILY);
    participant(r, "CSP.PROC.2.c.3", EnumSet.of(Party.REFERRAL_SOURCE),
        CspCases.referredBy(EnumSet.complementOf(EnumSet.copyOf(selfOrFamily))), CspCases.referredBy(selfOrFamily));
    personCentered(r);
    elements(r);
    interagencyPlanSigned(r);
    planUponNeedsAssessment(r);
    assessmentElement(r, "CSP.PROC.2.b.3.1", ContentElement.BARRIERS_TO_TREATMENT);
    assessmentElement(r, "CSP.PROC.2.b.3.2", ContentElement.COMMUNITY_INVOLVEMENT_SKILLS_AND_RESOURCES);
    needsAssessmentQuarterly(r);
    planReviewed12Months(r);
    planUpdatedAfterChange(r);
  }

  /**
   * A property of the written service plan: MET when a plan with it is in the record, NOT_MET when
   * the plan lacks it, NOT_APPLICABLE without a plan as of the as-of (or when {@code notApplying}
   * members have one).
   */
  private static void planProperty(Registrar r, String id, Arbitrary<CaseRecord> applies,
      Arbitrary<UnaryOperator<ImmutableServicePlan>> meets, Arbitrary<UnaryOperator<ImmutableServicePlan>> violates,
      Arbitrary<CaseRecord> notApplying) {
    r.meeting(id, CspCases.planned(applies, meets));
    r.violating(id, CspCases.planned(applies, violates));
    Arbitrary<Case> unplanned = CspCases.unplanned(applies, meets);
    r.notApplicable(id, notApplying == null ? unplanned
        : Arbitraries.oneOf(unplanned, CspCases.planned(notApplying, Arbitraries.oneOf(meets, violates))));
    r.traits(id, TIME, DOCS);
  }

  /**
   * COMP.7 "The CSP provider ... jointly developed [the plan] with" each participant, LINK.3
   * natural supports "an ongoing and active part of the Member's care plan", PROC.2.c.2 "developed
   * in consultation with the member and member's chosen support network", PROC.2.c.3 records of
   * referring providers incorporated: the plan developed with one of {@code parties}.
   */
  private static void participant(Registrar r, String id, Set<Party> parties, Arbitrary<CaseRecord> applies,
      Arbitrary<CaseRecord> notApplying) {
    planProperty(r, id, applies, CspCases.developedWithOneOf(parties), CspCases.developedWithNoneOf(parties), notApplying);
  }

  /** Plans with every element, or missing one of {@code removals}. */
  @SafeVarargs
  private static Arbitrary<UnaryOperator<ImmutableServicePlan>> oneOf(UnaryOperator<ImmutableServicePlan>... removals) {
    return Arbitraries.of(removals);
  }

  private static final UnaryOperator<ImmutableServicePlan> COMPLETE = p -> p;
  private static final UnaryOperator<ImmutableServicePlan> NO_PROBLEMS = p -> p.withProblemsAndNeeds(List.of());
  private static final UnaryOperator<ImmutableServicePlan> NO_STRENGTHS = p -> p.withStrengths(List.of());
  private static final UnaryOperator<ImmutableServicePlan> NO_INTERVENTIONS = p -> p.withInterventions(List.of());
  private static final UnaryOperator<ImmutableServicePlan> NO_GOALS = p -> p.withGoals(List.of());
  private static final UnaryOperator<ImmutableServicePlan> VAGUE_GOAL = p -> p.withGoals(append(p.goals(),
      Goal.builder().description("feel better").measurable(false).build()));
  private static final UnaryOperator<ImmutableServicePlan> MORE_GOALS = p -> p.withGoals(append(p.goals(),
      Goal.builder().description("obtain a housing voucher").measurable(true).build()));
  private static final UnaryOperator<ImmutableServicePlan> NO_RESPONSIBILITIES = p -> p.withStaffResponsibilities(List.of());
  private static final UnaryOperator<ImmutableServicePlan> NO_REVIEW_DATE = p -> p.withLastReviewedOn(java.util.Optional.empty());
  private static final UnaryOperator<ImmutableServicePlan> NO_SIGNATURES = p -> p.withStaffSignatures(List.of());

  /** PROC.2.c.1 "person-centered and identify the member's needs and individualized strategies and interventions". */
  private static void personCentered(Registrar r) {
    planProperty(r, "CSP.PROC.2.c.1", CspCases.admitted(), oneOf(COMPLETE, NO_STRENGTHS, NO_GOALS, NO_SIGNATURES),
        oneOf(NO_PROBLEMS, NO_INTERVENTIONS), null);
  }

  /**
   * PROC.2.c.4 "The service plan must be in writing, and must include at least the following
   * information": one requirement per element; a plan missing another element still has this one.
   */
  private static void elements(Registrar r) {
    Arbitrary<CaseRecord> any = CspCases.admitted();
    planProperty(r, "CSP.PROC.2.c.4.1", any, oneOf(COMPLETE, NO_STRENGTHS, NO_INTERVENTIONS, NO_SIGNATURES), oneOf(NO_PROBLEMS), null);
    planProperty(r, "CSP.PROC.2.c.4.2", any, oneOf(COMPLETE, NO_GOALS, NO_REVIEW_DATE), oneOf(NO_STRENGTHS, NO_PROBLEMS), null);
    planProperty(r, "CSP.PROC.2.c.4.3", any, oneOf(COMPLETE, MORE_GOALS, NO_STRENGTHS, NO_RESPONSIBILITIES),
        oneOf(NO_GOALS, VAGUE_GOAL, NO_INTERVENTIONS), null);
    planProperty(r, "CSP.PROC.2.c.4.4", any, oneOf(COMPLETE, NO_GOALS, NO_PROBLEMS), oneOf(NO_INTERVENTIONS), null);
    planProperty(r, "CSP.PROC.2.c.4.5", any, oneOf(COMPLETE, NO_SIGNATURES, VAGUE_GOAL), oneOf(NO_RESPONSIBILITIES), null);
    planProperty(r, "CSP.PROC.2.c.4.6", any, oneOf(COMPLETE, NO_SIGNATURES, NO_STRENGTHS), oneOf(NO_REVIEW_DATE), null);
    planProperty(r, "CSP.PROC.2.c.4.7", any, oneOf(COMPLETE, NO_REVIEW_DATE, NO_INTERVENTIONS), oneOf(NO_SIGNATURES), null);
  }

  static <T> List<T> append(List<T> list, T item) {
    List<T> out = new ArrayList<>(list);
    out.add(item);
    return out;
  }

  /**
   * LINK.2.b (SHOULD) "Ideally, all parties, including the CSP provider, will sign this service
   * agreement": the latest interagency service plan signed by CSP staff.
   */
  private static void interagencyPlanSigned(Registrar r) {
    String id = "CSP.LINK.2.b";
    DocumentKind kind = DocumentKind.INTERAGENCY_SERVICE_PLAN;
    Arbitrary<CaseRecord> base = CspCases.admitted();
    // An earlier plan (signed or not) and the latest, dated 0 to 60 days after admission; judged from the latest's date.
    r.meeting(id, Combinators.combine(base, CspCases.days(0, 60), Arbitraries.integers().between(0, 3),
            CspCases.within(SPAN))
        .as((rec, days, earlier, wait) -> {
          LocalDate day = dateOf(admission(rec)).plusDays(days);
          CaseRecord c = earlier == 0 ? rec : CspCases.documentOn(rec, day.minusDays(earlier), kind, d -> d);
          c = CspCases.documentOn(c, day, kind, d -> d.withStaffSignatures("S-" + days));
          return Case.of(c, later(admission(rec), startOfDay(day)).plus(wait));
        }));
    r.violating(id, Combinators.combine(base, CspCases.days(0, 60), Arbitraries.integers().between(0, 3),
            CspCases.within(SPAN), Arbitraries.of(true, false))
        .as((rec, days, earlier, wait, laterSigned) -> {
          LocalDate day = dateOf(admission(rec)).plusDays(days);
          CaseRecord c = earlier == 0 ? rec : CspCases.documentOn(rec, day.minusDays(earlier), kind, d -> d.withStaffSignatures("S-1"));
          c = CspCases.documentOn(c, day, kind, d -> d);
          Instant asOf = later(admission(rec), startOfDay(day)).plus(wait);
          if (laterSigned) {
            c = CspCases.documentOn(c, dateOf(asOf).plusDays(1), kind, d -> d.withStaffSignatures("S-2"));
          }
          return Case.of(c, asOf);
        }));
    r.notApplicable(id, Combinators.combine(base, CspCases.within(SPAN), CspCases.days(0, 30), Arbitraries.of(true, false))
        .as((rec, off, days, future) -> {
          Instant asOf = admission(rec).plus(off);
          CaseRecord c = future ? CspCases.documentOn(rec, dateOf(asOf).plusDays(days + 1), kind, d -> d.withStaffSignatures("S-1"))
              : CspCases.documentOn(rec, dateOf(asOf).minusDays(days), DocumentKind.TREATMENT_PLAN, d -> d.withStaffSignatures("S-1"));
          return Case.of(c, asOf);
        }));
  }

  private static final DocumentKind NA = DocumentKind.NEEDS_ASSESSMENT;

  /**
   * PROC.2.c "The program must complete a service plan for every member upon completion of the
   * comprehensive needs assessment": the plan dated the day of the first needs assessment.
   */
  private static void planUponNeedsAssessment(Registrar r) {
    String id = "CSP.PROC.2.c";
    Arbitrary<CaseRecord> base = CspCases.admitted();
    Arbitrary<ImmutableServicePlan> plans = CspCases.plans();
    r.meeting(id, Combinators.combine(base, plans, CspCases.days(0, 30), CspCases.days(0, 90),
            CspCases.within(SPAN))
        .as((rec, plan, days, update, wait) -> {
          LocalDate day = dateOf(admission(rec)).plusDays(days);
          CaseRecord c = CspCases.documentOn(rec, day, NA, d -> d);
          c = CspCases.documentOn(c, day.plusDays(update), NA, d -> d);
          c = episode(c, e -> e.withServicePlan(plan.withCompletedOn(day)));
          return Case.of(c, later(admission(rec), startOfDay(day)).plus(wait));
        }));
    Arbitrary<Case> early = Combinators.combine(base, plans, CspCases.days(0, 30), CspCases.days(1, 30),
            CspCases.within(SPAN))
        .as((rec, plan, days, before, wait) -> {
          LocalDate day = dateOf(admission(rec)).plusDays(days);
          CaseRecord c = CspCases.documentOn(rec, day, NA, d -> d);
          c = episode(c, e -> e.withServicePlan(plan.withCompletedOn(day.minusDays(before))));
          return Case.of(c, later(admission(rec), startOfDay(day)).plus(wait));
        });
    Arbitrary<Case> late = Combinators.combine(base, plans, CspCases.days(0, 30), CspCases.days(1, 30),
            CspCases.within(SPAN))
        .as((rec, plan, days, after, wait) -> {
          LocalDate day = dateOf(admission(rec)).plusDays(days);
          CaseRecord c = CspCases.documentOn(rec, day, NA, d -> d);
          c = episode(c, e -> e.withServicePlan(plan.withCompletedOn(day.plusDays(after))));
          return Case.of(c, startOfDay(day.plusDays(after)).plus(wait));
        });
    Arbitrary<Case> missing = Combinators.combine(base, CspCases.days(0, 30), CspCases.within(SPAN))
        .as((rec, days, wait) -> {
          LocalDate day = dateOf(admission(rec)).plusDays(days);
          return Case.of(CspCases.documentOn(rec, day, NA, d -> d), startOfDay(day.plusDays(1)).plus(wait));
        });
    r.violating(id, Arbitraries.oneOf(early, late, missing));
    // During the day of the needs assessment, no plan yet (or one dated later).
    r.pending(id, Combinators.combine(base, plans, CspCases.days(0, 30), CspCases.percents(),
            CspCases.days(0, 30))
        .as((rec, plan, days, percent, after) -> {
          LocalDate day = dateOf(admission(rec)).plusDays(days);
          CaseRecord c = CspCases.documentOn(rec, day, NA, d -> d);
          if (after > 0) {
            c = episode(c, e -> e.withServicePlan(plan.withCompletedOn(day.plusDays(after))));
          }
          return Case.of(c, CspCases.between(later(admission(rec), startOfDay(day)), endOfDay(day), percent));
        }));
    r.notApplicable(id, noNeedsAssessment(base));
    r.traits(id, TIME);
  }

  /** No needs assessment as of the as-of: none, or one dated after the as-of date; sometimes a plan. */
  private static Arbitrary<Case> noNeedsAssessment(Arbitrary<CaseRecord> base) {
    return Combinators.combine(base, CspCases.plans(), CspCases.within(SPAN), CspCases.days(0, 30),
            Arbitraries.of(true, false), Arbitraries.of(true, false))
        .as((rec, plan, off, days, future, planned) -> {
          Instant asOf = admission(rec).plus(off);
          CaseRecord c = future ? CspCases.documentOn(rec, dateOf(asOf).plusDays(days + 1), NA,
              d -> d.withElements(EnumSet.allOf(ContentElement.class)).withDevelopedWith(EnumSet.of(Party.MEMBER))) : rec;
          if (planned) {
            c = episode(c, e -> e.withServicePlan(plan.withCompletedOn(dateOf(asOf))));
          }
          return Case.of(c, asOf);
        });
  }

  /**
   * PROC.2.b.3 "The needs assessments must identify ways to support the member in mitigating
   * barriers ... [and] attaining the skills and resources to maintain community involvement": the
   * latest needs assessment covers {@code element}.
   */
  private static void assessmentElement(Registrar r, String id, ContentElement element) {
    Arbitrary<CaseRecord> base = CspCases.admitted();
    Arbitrary<Set<ContentElement>> others = Arbitraries.subsetOf(ContentElement.values())
        .map(s -> { Set<ContentElement> o = s.isEmpty() ? EnumSet.noneOf(ContentElement.class) : EnumSet.copyOf(s);
          o.remove(element);
          return o; });
    // The latest needs assessment (after 0 or 1 earlier one, which may or may not cover it) covers it.
    r.meeting(id, Combinators.combine(base, others, others, CspCases.days(0, 60), CspCases.days(0, 90),
            Arbitraries.of(true, false), CspCases.within(SPAN))
        .as((rec, first, latest, days, gap, earlierCovers, wait) -> {
          LocalDate day = dateOf(admission(rec)).plusDays(days);
          CaseRecord c = rec;
          if (gap > 0) {
            c = CspCases.documentOn(c, day.minusDays(gap), NA, d -> d.withElements(earlierCovers ? CspCases.plus(first, element) : first));
          }
          c = CspCases.documentOn(c, day, NA, d -> d.withElements(CspCases.plus(latest, element)));
          return Case.of(c, later(admission(rec), startOfDay(day)).plus(wait));
        }));
    r.violating(id, Combinators.combine(base, others, others, CspCases.days(0, 60), CspCases.days(0, 90),
            Arbitraries.of(true, false), CspCases.within(SPAN))
        .as((rec, first, latest, days, gap, earlierCovers, wait) -> {
          LocalDate day = dateOf(admission(rec)).plusDays(days);
          CaseRecord c = rec;
          if (gap > 0) {
            c = CspCases.documentOn(c, day.minusDays(gap), NA, d -> d.withElements(earlierCovers ? CspCases.plus(first, element) : first));
          }
          c = CspCases.documentOn(c, day, NA, d -> d.withElements(latest));
          return Case.of(c, later(admission(rec), startOfDay(day)).plus(wait));
        }));
    r.notApplicable(id, noNeedsAssessment(base));
  }

  /** Dates after {@code previous}, each at most {@code months} months after the one before (the bound an edge case). */
  private static Arbitrary<List<LocalDate>> onTimeChain(LocalDate first, int months, int count) {
    return CspCases.days(1, 1000).list().ofSize(count).map(steps -> {
      List<LocalDate> out = new ArrayList<>();
      LocalDate previous = first;
      for (int s : steps) {
        long room = ChronoUnit.DAYS.between(previous, previous.plusMonths(months));
        LocalDate next = previous.plusDays(s >= 1000 ? room : 1 + (s - 1) * (room - 1) / 999);
        out.add(next);
        previous = next;
      }
      return out;
    });
  }

  /** What a periodic update is in the record: a dated update added to {@code record}. */
  @FunctionalInterface
  private interface Updates {
    CaseRecord with(CaseRecord record, LocalDate first, List<LocalDate> updates);
  }

  /**
   * "At least every {@code months} months": each update due by the end of the date {@code months}
   * months after the previous one, judged with the recurring rule. MET once an update was on time
   * and none is overdue, while enrolled (the next one not yet due) or once discharged on or before
   * the next due date; PENDING only while enrolled before the first update falls due; NOT_MET when
   * an update came late or is overdue (while enrolled, or at the discharge); NOT_APPLICABLE (beside
   * {@code notApplicable}) when the member left on or before the first due date without an update:
   * nothing fell due. {@code ignored} adds an update that does not count (its date is drawn within
   * the period).
   */
  private static void periodic(Registrar r, String id, int months, Updates updates, Updates ignored, Arbitrary<Case> notApplicable) {
    Arbitrary<CaseRecord> base = CspCases.admitted();
    Arbitrary<Integer> firstDays = CspCases.days(0, 30);
    record Chain(CaseRecord rec, LocalDate first, List<LocalDate> dates) {
      LocalDate last() {
        return dates.isEmpty() ? first : dates.get(dates.size() - 1);
      }
    }
    java.util.function.BiFunction<Integer, Integer, Arbitrary<Chain>> chainsOf = (min, max) -> Combinators.combine(base,
        firstDays, Arbitraries.integers().between(min, max)).flatAs((rec, days, count) -> {
          LocalDate first = dateOf(admission(rec)).plusDays(days);
          return onTimeChain(first, months, count).map(dates -> new Chain(updates.with(rec, first, dates), first, dates));
        });
    Arbitrary<Chain> chains = chainsOf.apply(0, 3);
    // Discharged on or before the next due date; sometimes an update dated after the discharge (up to
    // a year later, the as-of at or after it): no update falls due after the discharge, so it changes nothing.
    java.util.function.Function<Arbitrary<Chain>, Arbitrary<Case>> leaving = from -> Combinators.combine(from,
            CspCases.days(0, 1000), Arbitraries.integers().between(0, 1379), CspCases.within(SPAN), CspCases.days(0, 365))
        .as((c, step, minute, wait, afterDischarge) -> {
          long room = ChronoUnit.DAYS.between(c.last(), c.last().plusMonths(months));
          LocalDate day = c.last().plusDays(step * room / 1000);
          Instant d = later(admission(c.rec()), startOfDay(day).plus(java.time.Duration.ofMinutes(minute)));
          if (afterDischarge == 0) {
            return Case.of(Cases.discharged(c.rec(), d), d.plus(wait));
          }
          LocalDate update = dateOf(d).plusDays(afterDischarge);
          return Case.of(Cases.discharged(updates.with(c.rec(), c.first(), List.of(update)), d), startOfDay(update).plus(wait));
        });
    // Enrolled, the next update not yet due (or the discharge still to come).
    java.util.function.Function<Arbitrary<Chain>, Arbitrary<Case>> enrolled = from -> Combinators.combine(from,
            CspCases.days(0, 1000), Arbitraries.of(true, false), CspCases.within(SPAN), Arbitraries.of(true, false))
        .as((c, step, dischargeLater, after, ignore) -> {
          LocalDate due = c.last().plusMonths(months);
          Instant start = later(admission(c.rec()), startOfDay(c.last()));
          Instant asOf = CspCases.between(start, endOfDay(due), step / 10);
          CaseRecord rec = ignore ? ignored.with(c.rec(), c.first(), List.of(dateOf(asOf))) : c.rec();
          return Case.of(dischargeLater ? Cases.discharged(rec, asOf.plus(after).plus(java.time.Duration.ofMinutes(1))) : rec, asOf);
        });
    Arbitrary<Chain> updated = chainsOf.apply(1, 3);
    Arbitrary<Chain> none = chainsOf.apply(0, 0);
    r.meeting(id, Arbitraries.oneOf(leaving.apply(updated), enrolled.apply(updated)));
    r.pending(id, enrolled.apply(none));
    Arbitrary<Case> overdue = Combinators.combine(chains, CspCases.within(SPAN), Arbitraries.of(true, false), Arbitraries.of(true, false))
        .as((c, off, discharged, ignore) -> {
          LocalDate due = c.last().plusMonths(months);
          Instant past = startOfDay(due.plusDays(1)).plus(off);
          CaseRecord rec = ignore ? ignored.with(c.rec(), c.first(), List.of(due)) : c.rec();
          return discharged ? Case.of(Cases.discharged(rec, past), past) : Case.of(rec, past);
        });
    Arbitrary<Case> late = Combinators.combine(chains, CspCases.days(1, 60), CspCases.within(SPAN))
        .as((c, days, wait) -> {
          LocalDate lateDay = c.last().plusMonths(months).plusDays(days);
          CaseRecord rec = updates.with(c.rec(), c.first(), List.of(lateDay));
          return Case.of(rec, startOfDay(lateDay).plus(wait));
        });
    r.violating(id, Arbitraries.oneOf(overdue, late));
    r.notApplicable(id, Arbitraries.oneOf(notApplicable, leaving.apply(none)));
  }

  /**
   * PROC.2.b.2 "The needs assessment must be updated with the member quarterly, at a minimum":
   * later needs assessments developed with the member, each within 3 months of the previous one.
   */
  private static void needsAssessmentQuarterly(Registrar r) {
    Updates updates = (rec, first, dates) -> {
      CaseRecord c = rec.episode().documents().stream().anyMatch(d -> d.kind() == NA) ? rec
          : CspCases.documentOn(rec, first, NA, d -> d);
      for (LocalDate u : dates) {
        c = CspCases.documentOn(c, u, NA, d -> d.withDevelopedWith(EnumSet.of(Party.MEMBER, Party.FAMILY)));
      }
      return c;
    };
    Updates ignored = (rec, first, dates) -> {
      CaseRecord c = rec;
      for (LocalDate u : dates) {
        c = CspCases.documentOn(c, u, NA, d -> d.withDevelopedWith(EnumSet.of(Party.FAMILY)));
      }
      return c;
    };
    periodic(r, "CSP.PROC.2.b.2", 3, updates, ignored, noNeedsAssessment(CspCases.admitted()));
  }

  /**
   * PROC.2.c.5.a "The service plan must be reviewed and revised at least every 12 months": reviews
   * that revised the plan, each within 12 months of the previous one.
   */
  private static void planReviewed12Months(Registrar r) {
    Updates updates = (rec, first, dates) -> {
      ImmutableServicePlan plan = rec.episode().servicePlan().map(ImmutableServicePlan::copyOf)
          .orElse(ImmutableServicePlan.copyOf(CspCases.fullPlan(first, EnumSet.of(Party.MEMBER))));
      List<PlanReview> reviews = new ArrayList<>(plan.reviews());
      dates.forEach(d -> reviews.add(PlanReview.builder().reviewedOn(d).revised(true).build()));
      return episode(rec, e -> e.withServicePlan(plan.withReviews(reviews)));
    };
    Updates ignored = (rec, first, dates) -> {
      ImmutableServicePlan plan = ImmutableServicePlan.copyOf(rec.episode().servicePlan().orElseThrow());
      List<PlanReview> reviews = new ArrayList<>(plan.reviews());
      dates.forEach(d -> reviews.add(PlanReview.builder().reviewedOn(d).revised(false).build()));
      return episode(rec, e -> e.withServicePlan(plan.withReviews(reviews)));
    };
    String id = "CSP.PROC.2.c.5.a";
    periodic(r, id, 12, updates, ignored, CspCases.unplanned(CspCases.admitted(), Arbitraries.just(p -> p)));
    r.traits(id, DOCS);
  }

  /**
   * PROC.2.c.5.b "The service plan must be updated if there are significant changes in the
   * member's needs": a review that revised the plan on or after each change noted since the plan.
   */
  private static void planUpdatedAfterChange(Registrar r) {
    String id = "CSP.PROC.2.c.5.b";
    Arbitrary<CaseRecord> base = CspCases.admitted();
    record Changed(CaseRecord rec, LocalDate plan, LocalDate change) {}
    // A plan 0 to 30 days after admission, a change 0 to 60 days after it (sometimes an earlier one
    // before the plan, which does not count).
    Arbitrary<Changed> changed = Combinators.combine(base, CspCases.plans(), CspCases.days(0, 30),
            CspCases.days(0, 60), CspCases.days(0, 20))
        .as((rec, plan, days, after, before) -> {
          LocalDate planned = dateOf(admission(rec)).plusDays(days);
          LocalDate change = planned.plusDays(after);
          List<LocalDate> changes = before == 0 ? List.of(change) : List.of(planned.minusDays(before), change);
          return new Changed(episode(rec, e -> e.withServicePlan(plan.withCompletedOn(planned)).withSignificantNeedsChangesOn(changes)),
              planned, change);
        });
    r.meeting(id, Combinators.combine(changed, CspCases.days(0, 30), CspCases.within(SPAN))
        .as((c, days, wait) -> {
          LocalDate review = c.change().plusDays(days);
          return Case.of(review(c.rec(), review, true), later(admission(c.rec()), startOfDay(review)).plus(wait));
        }));
    // No revision on or after the change by the as-of: none, one before it, one that did not revise, one dated after the as-of.
    r.violating(id, Combinators.combine(changed, Arbitraries.integers().between(0, 3), CspCases.days(0, 30),
            CspCases.within(SPAN))
        .as((c, shape, days, wait) -> {
          Instant asOf = later(admission(c.rec()), startOfDay(c.change())).plus(wait);
          CaseRecord rec = switch (shape) {
            case 1 -> c.change().equals(c.plan()) ? c.rec() : review(c.rec(), c.change().minusDays(1), true);
            case 2 -> review(c.rec(), c.change().plusDays(days), false);
            case 3 -> review(c.rec(), dateOf(asOf).plusDays(days + 1), true);
            default -> c.rec();
          };
          return Case.of(rec, asOf);
        }));
    // No change since the plan as of the as-of: none, only before the plan, or after the as-of date.
    r.notApplicable(id, Arbitraries.oneOf(CspCases.unplanned(base, Arbitraries.just(p -> p)),
        Combinators.combine(base, CspCases.plans(), CspCases.days(0, 30), Arbitraries.integers().between(0, 2),
                CspCases.days(1, 30), CspCases.within(SPAN))
            .as((rec, plan, days, shape, gap, wait) -> {
              LocalDate planned = dateOf(admission(rec)).plusDays(days);
              Instant asOf = later(admission(rec), startOfDay(planned)).plus(wait);
              List<LocalDate> changes = switch (shape) {
                case 1 -> List.of(planned.minusDays(gap));
                case 2 -> List.of(dateOf(asOf).plusDays(gap));
                default -> List.of();
              };
              return Case.of(episode(rec, e -> e.withServicePlan(plan.withCompletedOn(planned)).withSignificantNeedsChangesOn(changes)),
                  asOf);
            })));
    r.traits(id, DOCS);
  }

  private static CaseRecord review(CaseRecord rec, LocalDate on, boolean revised) {
    ImmutableServicePlan plan = ImmutableServicePlan.copyOf(rec.episode().servicePlan().orElseThrow());
    return episode(rec, e -> e.withServicePlan(plan.withReviews(append(plan.reviews(),
        PlanReview.builder().reviewedOn(on).revised(revised).afterSignificantChange(true).build()))));
  }
}

package org.perfspecs.testkit.scenarios;

import static org.perfspecs.testkit.scenarios.Cases.admission;
import static org.perfspecs.testkit.scenarios.Cases.dateOf;
import static org.perfspecs.testkit.scenarios.Cases.startOfDay;

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
import net.jqwik.api.Tuple;
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
import org.perfspecs.model.Goal;
import org.perfspecs.model.ImmutableCaseRecord;
import org.perfspecs.model.ImmutableDocument;
import org.perfspecs.model.ImmutableEpisode;
import org.perfspecs.model.ImmutableMember;
import org.perfspecs.model.ImmutableReferral;
import org.perfspecs.model.ImmutableServicePlan;
import org.perfspecs.model.Party;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ReferralOutcome;
import org.perfspecs.model.ReferralSource;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.ServicePlan;
import org.perfspecs.model.ServiceType;
import org.perfspecs.model.Topic;

/**
 * Shared building blocks of the {@code CSP} scenarios: CSP records (admitted, or found ineligible at
 * intake), facts added at an instant (contacts, documents dated that day, referrals made,
 * appointments booked), written service plans, and the "over the stay so far" shape most CSP
 * services share: shown by a fact from admission to discharge (or to the as-of time while
 * enrolled), not shown when there is none or it lies before admission, after discharge or after
 * the as-of.
 */
final class CspCases {
  static final ServiceType CSP = ServiceType.CSP;
  static final Duration SPAN = Duration.ofDays(60);
  static final Duration TEN_DAYS = Duration.ofDays(10);

  /** The member's natural supports (as the requirements read them). */
  static final Set<Party> NATURAL_SUPPORTS = EnumSet.of(Party.FAMILY, Party.SIGNIFICANT_OTHER, Party.CAREGIVER,
      Party.NATURAL_SUPPORTS, Party.GUARDIAN);

  private CspCases() {}

  /** One fact added to a record at an instant (a document takes that instant's date). */
  @FunctionalInterface
  interface Fact {
    CaseRecord at(CaseRecord record, Instant t);
  }

  /** Adds nothing. */
  static final Fact NOTHING = (record, t) -> record;

  /** A record and an instant that matters to it (a contact, the start of a deadline). */
  record At(CaseRecord record, Instant t) {}

  // ---- durations and counts with their bounds often drawn -------------------------------------

  /**
   * Durations from zero to {@code max} (whole minutes), both bounds drawn often: a deadline at its
   * exact boundary is the point, and the properties take few samples per scenario.
   */
  static Arbitrary<Duration> within(Duration max) {
    return Arbitraries.frequencyOf(Tuple.of(6, Cases.between(Duration.ZERO, max)), Tuple.of(1, Arbitraries.just(max)),
        Tuple.of(1, Arbitraries.just(Duration.ZERO)));
  }

  /** Durations from {@code min} + 1 minute to {@code max}, the lower bound drawn often. */
  static Arbitrary<Duration> beyond(Duration min, Duration max) {
    return Arbitraries.frequencyOf(Tuple.of(3, Cases.between(min.plusMinutes(1), max)),
        Tuple.of(1, Arbitraries.just(min.plusMinutes(1))));
  }

  /** Percentages 0 to 100, both bounds drawn often. */
  static Arbitrary<Integer> percents() {
    return days(0, 100);
  }

  /** Counts from {@code min} to {@code max}, both bounds drawn often. */
  static Arbitrary<Integer> days(int min, int max) {
    return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.integers().between(min, max)), Tuple.of(1, Arbitraries.just(max)),
        Tuple.of(1, Arbitraries.just(min)));
  }

  // ---- records ------------------------------------------------------------------------------

  /** An admitted CSP member, any member (pregnant, postpartum or neither), referred by anyone. */
  static Arbitrary<CaseRecord> admitted() {
    return Cases.admittedWith(CSP, d -> Arbitraries.oneOf(Cases.membersOn(d), Cases.pregnantOrPostpartumOn(d)));
  }

  /** As {@link #admitted}, the referral into the service from one of {@code sources}. */
  static Arbitrary<CaseRecord> referredBy(Set<ReferralSource> sources) {
    return Combinators.combine(admitted(), Arbitraries.of(sources)).as((rec, s) ->
        episode(rec, e -> e.withReferral(ImmutableReferral.copyOf(e.referral().orElseThrow()).withSource(s))));
  }

  /** {@code base} changed by one of {@code changes}. */
  static Arbitrary<CaseRecord> with(Arbitrary<CaseRecord> base, Arbitrary<UnaryOperator<CaseRecord>> changes) {
    return Combinators.combine(base, changes).as((rec, change) -> change.apply(rec));
  }

  /** {@code record} with its episode changed. */
  static CaseRecord episode(CaseRecord record, UnaryOperator<ImmutableEpisode> change) {
    return Cases.withEpisode(record, e -> change.apply(ImmutableEpisode.copyOf(e)));
  }

  /** {@code record} with its member changed. */
  static CaseRecord member(CaseRecord record, UnaryOperator<ImmutableMember> change) {
    return ImmutableCaseRecord.copyOf(record).withMember(change.apply(ImmutableMember.copyOf(record.member())));
  }

  /** {@code record} with the member's consent to share with {@code parties}. */
  static CaseRecord consenting(CaseRecord record, Set<Party> parties) {
    return episode(record, e -> e.withConsentToShareWith(parties));
  }

  /** {@code record} with a primary care clinician on record. */
  static CaseRecord withPcc(CaseRecord record) {
    return member(record, m -> m.withPrimaryCareClinician(CareProvider.builder().name("Dr. Primary").build()));
  }

  /**
   * {@code record} found ineligible at intake (at its evaluation) and never admitted; the CSP
   * requirements that apply once the member is admitted do not apply to it.
   */
  static CaseRecord ineligible(CaseRecord record) {
    Instant determined = record.episode().evaluatedAt().orElse(admission(record));
    return episode(record, e -> e.withAdmittedAt(Optional.empty()).withDeterminedIneligibleAt(determined));
  }

  /** The referral-in time of a record made here. */
  static Instant referred(CaseRecord record) {
    return record.episode().referral().orElseThrow().at();
  }

  /**
   * Members found ineligible at intake, with a fact of {@code facts} (that would otherwise meet
   * the requirement) after the determination, judged at any later time.
   */
  static Arbitrary<Case> ineligibleCases(Arbitrary<CaseRecord> base, Arbitrary<Fact> facts) {
    return Combinators.combine(base, facts, within(SPAN), within(SPAN)).as((rec, fact, off, wait) -> {
      CaseRecord r = ineligible(rec);
      Instant t = r.episode().determinedIneligibleAt().orElseThrow().plus(off);
      return Case.of(fact.at(r, t), t.plus(wait));
    });
  }

  // ---- facts -------------------------------------------------------------------------------

  static Contact contactAt(int n, Instant t, ContactKind kind, ContactMode mode, boolean engaged, Set<Party> parties,
      Set<Topic> topics) {
    return Contact.builder().id("c-" + n).at(t).minutes(mode == ContactMode.TEXT ? 0 : 30).mode(mode).kind(kind)
        .memberEngaged(engaged).parties(parties).topics(topics).build();
  }

  /** A contact of {@code kind}, any mode. */
  static Arbitrary<Fact> contact(Arbitrary<ContactKind> kinds, Arbitrary<Boolean> engaged, Arbitrary<Set<Party>> parties,
      Arbitrary<Set<Topic>> topics) {
    return Combinators.combine(kinds, Arbitraries.of(ContactMode.class), engaged, parties, topics)
        .as((kind, mode, eng, ps, ts) -> (rec, t) -> episode(rec, e -> e.withContacts(append(e.contacts(),
            contactAt(e.contacts().size(), t, kind, mode, eng, ps, ts)))));
  }

  /** A document of {@code kind} dated the day of the instant, then changed by {@code change}. */
  static Fact document(DocumentKind kind, UnaryOperator<ImmutableDocument> change) {
    return (rec, t) -> episode(rec, e -> e.withDocuments(append(e.documents(), change.apply(ImmutableDocument.copyOf(
        Document.builder().id("d-" + e.documents().size()).kind(kind).date(dateOf(t)).build())))));
  }

  /** A document of {@code kind} dated {@code day} (whatever the instant), changed by {@code change}. */
  static CaseRecord documentOn(CaseRecord rec, LocalDate day, DocumentKind kind, UnaryOperator<ImmutableDocument> change) {
    return episode(rec, e -> e.withDocuments(append(e.documents(), change.apply(ImmutableDocument.copyOf(
        Document.builder().id("d-" + e.documents().size()).kind(kind).date(day).build())))));
  }

  /** A referral made out of the service to {@code target}, with {@code outcome} when present. */
  static Fact referral(ServiceCategory target, Optional<ReferralOutcome> outcome) {
    return (rec, t) -> episode(rec, e -> e.withReferralsMade(append(e.referralsMade(), Referral.builder()
        .id("r-" + e.referralsMade().size()).target(target).at(t).outcome(outcome).build())));
  }

  /** Referrals made to one of {@code targets}, any recorded outcome or none. */
  static Arbitrary<Fact> referralTo(Set<ServiceCategory> targets) {
    return Combinators.combine(Arbitraries.of(targets), outcomes()).as(CspCases::referral);
  }

  /** Any referral outcome, or none. */
  static Arbitrary<Optional<ReferralOutcome>> outcomes() {
    return Arbitraries.of(ReferralOutcome.class).optional(0.8);
  }

  /** An appointment of {@code kind} booked at the instant, taking place 0 to 10 days later. */
  static Arbitrary<Fact> appointment(Arbitrary<AppointmentKind> kinds) {
    return Combinators.combine(kinds, within(TEN_DAYS)).as((kind, lead) -> (rec, t) -> episode(rec, e ->
        e.withAppointments(append(e.appointments(), Appointment.builder().id("a-" + e.appointments().size())
            .kind(kind).scheduledAt(t).at(t.plus(lead)).build()))));
  }

  /** An appointment of {@code kind} booked at {@code scheduledAt} for {@code at}, kept as {@code kept} says. */
  static CaseRecord appointmentAt(CaseRecord rec, AppointmentKind kind, Instant scheduledAt, Instant at, Optional<Boolean> kept) {
    return episode(rec, e -> e.withAppointments(append(e.appointments(), Appointment.builder().id("a-" + e.appointments().size())
        .kind(kind).scheduledAt(scheduledAt).at(at).kept(kept).build())));
  }

  /** Categories other than {@code excluded}. */
  static Set<ServiceCategory> categoriesExcept(Set<ServiceCategory> excluded) {
    Set<ServiceCategory> s = EnumSet.allOf(ServiceCategory.class);
    s.removeAll(excluded);
    return s;
  }

  /** Parties other than {@code excluded}. */
  static Set<Party> partiesExcept(Set<Party> excluded) {
    Set<Party> s = EnumSet.allOf(Party.class);
    s.removeAll(excluded);
    return s;
  }

  /** Any set of parties (possibly empty) without {@code excluded}. */
  static Arbitrary<Set<Party>> partiesWithout(Set<Party> excluded) {
    return Arbitraries.subsetOf(partiesExcept(excluded)).map(s -> s.isEmpty() ? EnumSet.noneOf(Party.class) : EnumSet.copyOf(s));
  }

  /** Sets of parties holding at least one of {@code required}, and any others. */
  static Arbitrary<Set<Party>> partiesWithOneOf(Set<Party> required) {
    return Combinators.combine(Arbitraries.of(required), Arbitraries.subsetOf(Party.values())).as((p, others) -> {
      Set<Party> s = EnumSet.of(p);
      s.addAll(others);
      return s;
    });
  }

  /** Any set of topics (possibly empty) without {@code excluded}. */
  static Arbitrary<Set<Topic>> topicsWithout(Set<Topic> excluded) {
    Set<Topic> all = EnumSet.allOf(Topic.class);
    all.removeAll(excluded);
    return Arbitraries.subsetOf(all).ofMaxSize(3).map(s -> s.isEmpty() ? EnumSet.noneOf(Topic.class) : EnumSet.copyOf(s));
  }

  static <T> List<T> append(List<T> list, T item) {
    List<T> out = new ArrayList<>(list);
    out.add(item);
    return out;
  }

  // ---- over the stay so far ------------------------------------------------------------------

  /**
   * {@code record}, still enrolled (mode 0), discharged between {@code from} and the as-of
   * ({@code percent} of the way; mode 1), or discharged after the as-of (mode 2).
   */
  static CaseRecord stay(CaseRecord record, int mode, Instant from, Instant asOf, int percent, Duration after) {
    return switch (mode) {
      case 1 -> Cases.discharged(record, from.plus(Duration.ofMinutes(Duration.between(from, asOf).toMinutes() * percent / 100)));
      case 2 -> Cases.discharged(record, asOf.plus(after).plus(Duration.ofMinutes(1)));
      default -> record;
    };
  }

  /**
   * A fact of {@code facts} during the stay (from the admission instant on), judged at or after
   * it, the member enrolled or discharged after the fact (before or after the as-of).
   */
  static Arbitrary<Case> shownDuringStay(Arbitrary<CaseRecord> base, Arbitrary<Fact> facts) {
    return Combinators.combine(base, facts, within(SPAN), within(SPAN), Arbitraries.integers().between(0, 2),
            percents(), within(SPAN))
        .as((rec, fact, offset, wait, mode, percent, after) -> {
          Instant t = admission(rec).plus(offset);
          Instant asOf = t.plus(wait);
          return Case.of(stay(fact.at(rec, t), mode, t, asOf, percent, after), asOf);
        });
  }

  /**
   * No fact of {@code facts} during the stay so far: none at all, one before the day of admission,
   * one after the day of discharge, or one after the day of the as-of; or, when {@code nearMisses}
   * is given, a fact that does not count placed during the stay.
   */
  static Arbitrary<Case> notShownDuringStay(Arbitrary<CaseRecord> base, Arbitrary<Fact> facts, Arbitrary<Fact> nearMisses) {
    Arbitrary<Integer> modes = Arbitraries.integers().between(0, 2);
    Arbitrary<Integer> percents = percents();
    Arbitrary<Case> nothing = Combinators.combine(base, within(SPAN), modes, percents, within(SPAN))
        .as((rec, off, mode, percent, after) -> {
          Instant a = admission(rec);
          Instant asOf = a.plus(off);
          return Case.of(stay(rec, mode, a, asOf, percent, after), asOf);
        });
    Arbitrary<Case> before = Combinators.combine(base, facts, Cases.between(Duration.ofMinutes(1), TEN_DAYS),
            within(SPAN), modes, percents, within(SPAN))
        .as((rec, fact, early, off, mode, percent, after) -> {
          Instant a = admission(rec);
          Instant t = startOfDay(dateOf(a)).minus(early);
          Instant asOf = a.plus(off);
          return Case.of(stay(fact.at(rec, t), mode, a, asOf, percent, after), asOf);
        });
    Arbitrary<Case> afterDischarge = Combinators.combine(base, facts, within(SPAN), within(TEN_DAYS),
            within(SPAN))
        .as((rec, fact, length, gap, wait) -> {
          Instant d = admission(rec).plus(length);
          Instant t = startOfDay(dateOf(d).plusDays(1)).plus(gap);
          return Case.of(Cases.discharged(fact.at(rec, t), d), t.plus(wait));
        });
    Arbitrary<Case> afterAsOf = Combinators.combine(base, facts, within(SPAN), within(TEN_DAYS), modes, percents,
            within(SPAN))
        .as((rec, fact, off, gap, mode, percent, after) -> {
          Instant a = admission(rec);
          Instant asOf = a.plus(off);
          Instant t = startOfDay(dateOf(asOf).plusDays(1)).plus(gap);
          return Case.of(stay(fact.at(rec, t), mode, a, asOf, percent, after), asOf);
        });
    return nearMisses == null ? Arbitraries.oneOf(nothing, before, afterDischarge, afterAsOf)
        : Arbitraries.oneOf(nothing, before, afterDischarge, afterAsOf, shownDuringStay(base, nearMisses));
  }

  /** Admitted members judged at any time from admission, enrolled or discharged, nothing added. */
  static Arbitrary<Case> anyTime(Arbitrary<CaseRecord> base) {
    return Combinators.combine(base, within(SPAN), Arbitraries.integers().between(0, 2),
            percents(), within(SPAN))
        .as((rec, off, mode, percent, after) -> {
          Instant a = admission(rec);
          Instant asOf = a.plus(off);
          return Case.of(stay(rec, mode, a, asOf, percent, after), asOf);
        });
  }

  /** {@code cases} with a fact of {@code facts} added during the stay so far (as-of unchanged). */
  static Arbitrary<Case> plus(Arbitrary<Case> cases, Arbitrary<Fact> facts) {
    return Combinators.combine(cases, facts, percents()).as((c, fact, percent) -> {
      Instant a = admission(c.record());
      Instant end = c.record().episode().dischargedAt().filter(d -> d.isBefore(c.asOf())).orElse(c.asOf());
      Instant t = a.plus(Duration.ofMinutes(Math.max(0, Duration.between(a, end).toMinutes()) * percent / 100));
      return Case.of(fact.at(c.record(), t), c.asOf());
    });
  }

  // ---- service plans -----------------------------------------------------------------------

  /** A written service plan holding every listed element, developed with {@code with}. */
  static ServicePlan fullPlan(LocalDate completed, Set<Party> with) {
    return ServicePlan.builder().id("plan-1").completedOn(completed)
        .addProblemsAndNeeds("unstable housing").addStrengths("motivated for recovery")
        .addGoals(Goal.builder().description("attend weekly outpatient sessions").measurable(true)
            .targetDate(completed.plusMonths(3)).build())
        .addInterventions("weekly community visit").addStaffResponsibilities("case manager coordinates housing search")
        .lastReviewedOn(completed).addStaffSignatures("S-100").developedWith(with).build();
  }

  /** Complete plans, developed with any parties. */
  static Arbitrary<ImmutableServicePlan> plans() {
    return Arbitraries.subsetOf(Party.values()).map(with -> ImmutableServicePlan.copyOf(
        fullPlan(LocalDate.of(2021, 1, 1), with.isEmpty() ? EnumSet.noneOf(Party.class) : EnumSet.copyOf(with))));
  }

  /**
   * {@code base} with a written plan (changed by one of {@code changes}) completed 0 to 60 days
   * after the admission date, judged on or after its completion date (and the admission).
   */
  static Arbitrary<Case> planned(Arbitrary<CaseRecord> base, Arbitrary<UnaryOperator<ImmutableServicePlan>> changes) {
    return Combinators.combine(base, plans(), changes, days(0, 60), within(SPAN),
            Arbitraries.of(true, false))
        .as((rec, plan, change, days, wait, discharged) -> {
          Instant a = admission(rec);
          LocalDate completed = dateOf(a).plusDays(days);
          Instant from = later(a, startOfDay(completed));
          CaseRecord r = episode(rec, e -> e.withServicePlan(change.apply(plan.withCompletedOn(completed))));
          Instant asOf = from.plus(wait);
          return Case.of(discharged ? Cases.discharged(r, from) : r, asOf);
        });
  }

  /** {@code base} without a written plan as of the as-of: none at all, or one completed after the as-of date. */
  static Arbitrary<Case> unplanned(Arbitrary<CaseRecord> base, Arbitrary<UnaryOperator<ImmutableServicePlan>> changes) {
    Arbitrary<Case> none = anyTime(base);
    Arbitrary<Case> later = Combinators.combine(base, plans(), changes, within(SPAN), days(1, 60))
        .as((rec, plan, change, off, days) -> {
          Instant asOf = admission(rec).plus(off);
          LocalDate completed = dateOf(asOf).plusDays(days);
          return Case.of(episode(rec, e -> e.withServicePlan(change.apply(plan.withCompletedOn(completed)))), asOf);
        });
    return Arbitraries.oneOf(none, later);
  }

  /** Plans developed with one of {@code parties}. */
  static Arbitrary<UnaryOperator<ImmutableServicePlan>> developedWithOneOf(Set<Party> parties) {
    return partiesWithOneOf(parties).map(with -> p -> p.withDevelopedWith(with));
  }

  /** Plans developed with none of {@code parties}. */
  static Arbitrary<UnaryOperator<ImmutableServicePlan>> developedWithNoneOf(Set<Party> parties) {
    return partiesWithout(parties).map(with -> p -> p.withDevelopedWith(with));
  }

  /** The later of two instants. */
  static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** The instant {@code percent} of the way from {@code from} to {@code to} (whole minutes; {@code to} itself at 100). */
  static Instant between(Instant from, Instant to, int percent) {
    return percent >= 100 ? to : from.plus(Duration.ofMinutes(Duration.between(from, to).toMinutes() * percent / 100));
  }

  /** Instants from the start to the end of {@code day} (whole minutes from its start; its last minute included). */
  static Arbitrary<Instant> during(LocalDate day) {
    Instant start = startOfDay(day);
    long minutes = Duration.between(start, startOfDay(day.plusDays(1))).toMinutes() - 1;
    return Arbitraries.longs().between(0, minutes).map(m -> start.plus(Duration.ofMinutes(m)));
  }

  /** Discharge-planning records: a progress note recording the activity, or a written discharge plan. */
  static Arbitrary<Fact> dischargePlanning(UnaryOperator<ImmutableDocument> change) {
    return Arbitraries.of(
        document(DocumentKind.PROGRESS_NOTE, d -> change.apply(d.withElements(EnumSet.of(ContentElement.DISCHARGE_PLANNING_ACTIVITY)))),
        document(DocumentKind.DISCHARGE_PLAN, change));
  }

  /** Records that are not discharge planning: a progress note without the activity, or another document kind. */
  static Arbitrary<Fact> notDischargePlanning(UnaryOperator<ImmutableDocument> change) {
    return Arbitraries.of(
        document(DocumentKind.PROGRESS_NOTE, change),
        document(DocumentKind.TEAM_MEETING_NOTE, d -> change.apply(d.withElements(EnumSet.of(ContentElement.DISCHARGE_PLANNING_ACTIVITY)))),
        document(DocumentKind.AFTERCARE_PLAN, change));
  }

  static Set<ContentElement> plus(Set<ContentElement> set, ContentElement e) {
    Set<ContentElement> s = set.isEmpty() ? EnumSet.noneOf(ContentElement.class) : EnumSet.copyOf(set);
    s.add(e);
    return s;
  }
}

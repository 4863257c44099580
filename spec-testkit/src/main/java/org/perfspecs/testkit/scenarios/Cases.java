package org.perfspecs.testkit.scenarios;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.apiguardian.api.API;
import org.perfspecs.checks.time.BusinessCalendar;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Episode;
import org.perfspecs.model.ImmutableCaseRecord;
import org.perfspecs.model.ImmutableEpisode;
import org.perfspecs.model.ImmutableMember;
import org.perfspecs.model.InsuranceProduct;
import org.perfspecs.model.Member;
import org.perfspecs.model.PregnancyState;
import org.perfspecs.model.PregnancyStatus;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ReferralSource;
import org.perfspecs.model.ServiceType;

/**
 * Building blocks for scenario generators: instants that cross weekends, holidays and daylight-
 * saving changes, durations with their bounds as edge cases, members pregnant, postpartum or
 * neither on a given day, and a minimal admitted record to which a generator adds exactly the facts
 * its requirement reads.
 *
 * <p>Times are minutes in America/New_York between 2021-01-01 and 2025-12-31. Every record made
 * here passes {@link org.perfspecs.model.ModelValidator}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Cases {
  /** America/New_York, the zone of every date. */
  public static final ZoneId NEW_YORK = BusinessCalendar.NEW_YORK;

  /** The standard business calendar. */
  public static final BusinessCalendar CALENDAR = BusinessCalendar.standard();

  private static final LocalDateTime FIRST = LocalDateTime.of(2021, 1, 1, 0, 0);
  private static final long SPAN_MINUTES = Duration.ofDays(5 * 365).toMinutes();

  private Cases() {}

  /** Instants at whole minutes (New York wall time) from 2021 to 2025. */
  public static Arbitrary<Instant> instants() {
    return Arbitraries.longs().between(0, SPAN_MINUTES).map(m -> FIRST.plusMinutes(m).atZone(NEW_YORK).toInstant());
  }

  /** Durations from zero to {@code max} inclusive, in whole minutes; both bounds drawn often (see {@link #between}). */
  public static Arbitrary<Duration> upTo(Duration max) {
    return between(Duration.ZERO, max);
  }

  /**
   * Durations from {@code min} to {@code max} inclusive, in whole minutes. Each bound is drawn about
   * one time in six (deadlines at their exact boundary are the point), the rest uniformly between;
   * shrinking goes towards {@code min}.
   */
  public static Arbitrary<Duration> between(Duration min, Duration max) {
    long lo = min.toMinutes();
    long hi = max.toMinutes();
    Arbitrary<Long> inside = Arbitraries.longs().between(lo, hi);
    if (lo == hi) {
      return inside.map(Duration::ofMinutes);
    }
    return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(lo)), Tuple.of(1, Arbitraries.just(hi)), Tuple.of(4, inside))
        .map(Duration::ofMinutes);
  }

  /** Durations strictly longer than {@code min}: from {@code min} + 1 minute to {@code max}. */
  public static Arbitrary<Duration> longerThan(Duration min, Duration max) {
    return between(min.plusMinutes(1), max);
  }

  /** {@code t} plus zero to {@code upTo} (whole minutes). */
  public static Arbitrary<Instant> atOrAfter(Instant t, Duration upTo) {
    return upTo(upTo).map(t::plus);
  }

  /** The date of {@code t} in New York. */
  public static LocalDate dateOf(Instant t) {
    return t.atZone(NEW_YORK).toLocalDate();
  }

  /** The first instant of {@code day} in New York. */
  public static Instant startOfDay(LocalDate day) {
    return day.atStartOfDay(NEW_YORK).toInstant();
  }

  /** The last instant (23:59:59.999999999) of {@code day} in New York. */
  public static Instant endOfDay(LocalDate day) {
    return day.atTime(LocalTime.MAX).atZone(NEW_YORK).toInstant();
  }

  /** The end of the {@code n}-th business day after the date of {@code t} (standard calendar). */
  public static Instant endOfBusinessDay(Instant t, int n) {
    return endOfDay(CALENDAR.nthBusinessDayAfter(dateOf(t), n));
  }

  /** The end of the date {@code n} days after the date of {@code t}. */
  public static Instant endOfDaysAfter(Instant t, int n) {
    return endOfDay(dateOf(t).plusDays(n));
  }

  /** Adults (18 to 64 on {@code day}), any product, neither pregnant nor postpartum. */
  public static Arbitrary<Member> membersOn(LocalDate day) {
    Arbitrary<String> ids = Arbitraries.strings().withCharRange('0', '9').ofLength(6).map(s -> "M-" + s);
    Arbitrary<LocalDate> births = Arbitraries.integers().between(18 * 366, 64 * 365).map(day::minusDays);
    return Combinators.combine(ids, births, Arbitraries.of(InsuranceProduct.class))
        .as((id, born, product) -> Member.builder().id(id).dateOfBirth(born).product(product).build());
  }

  /** Members pregnant on {@code day} (due 1 to 270 days later). */
  public static Arbitrary<Member> pregnantOn(LocalDate day) {
    return Combinators.combine(membersOn(day), Arbitraries.integers().between(1, 270)).as((m, d) -> ImmutableMember.copyOf(m).withPregnancy(
        PregnancyStatus.builder().state(PregnancyState.PREGNANT).estimatedDueDate(day.plusDays(d)).build()));
  }

  /** Members postpartum on {@code day}: delivered 0 to 365 days before it. */
  public static Arbitrary<Member> postpartumOn(LocalDate day) {
    return Combinators.combine(membersOn(day), Arbitraries.integers().between(0, 365)).as((m, d) -> ImmutableMember.copyOf(m).withPregnancy(
        PregnancyStatus.builder().state(PregnancyState.POSTPARTUM).deliveryDate(day.minusDays(d)).build()));
  }

  /** Members pregnant or postpartum on {@code day}. */
  public static Arbitrary<Member> pregnantOrPostpartumOn(LocalDate day) {
    return Arbitraries.oneOf(pregnantOn(day), postpartumOn(day));
  }

  /**
   * Members neither pregnant nor postpartum on {@code day}: no pregnancy recorded, or delivered
   * more than a year before.
   */
  public static Arbitrary<Member> neitherPregnantNorPostpartumOn(LocalDate day) {
    Arbitrary<Member> longAgo = Combinators.combine(membersOn(day), Arbitraries.integers().between(367, 3000))
        .as((m, d) -> ImmutableMember.copyOf(m).withPregnancy(
            PregnancyStatus.builder().state(PregnancyState.POSTPARTUM).deliveryDate(day.minusDays(d)).build()));
    return Arbitraries.oneOf(membersOn(day), longAgo);
  }

  /**
   * An open episode of {@code service} admitted at any instant: referred 0 to 10 days before
   * admission, evaluated between referral and admission, nothing else documented; the member is
   * neither pregnant nor postpartum. Add what the requirement reads with {@link #withEpisode}.
   */
  public static Arbitrary<CaseRecord> admitted(ServiceType service) {
    return admittedWith(service, Cases::membersOn);
  }

  /** As {@link #admitted}, the member pregnant or postpartum at admission. */
  public static Arbitrary<CaseRecord> admittedPregnantOrPostpartum(ServiceType service) {
    return admittedWith(service, Cases::pregnantOrPostpartumOn);
  }

  /** As {@link #admitted}, the member neither pregnant nor postpartum at admission (maybe long ago). */
  public static Arbitrary<CaseRecord> admittedNeitherPregnantNorPostpartum(ServiceType service) {
    return admittedWith(service, Cases::neitherPregnantNorPostpartumOn);
  }

  /** As {@link #admitted}, the member drawn from {@code members} applied to the admission date. */
  public static Arbitrary<CaseRecord> admittedWith(ServiceType service,
      java.util.function.Function<LocalDate, Arbitrary<Member>> members) {
    Arbitrary<String> ids = Arbitraries.strings().withCharRange('0', '9').ofLength(6).map(s -> "E-" + s);
    Arbitrary<Episode> episodes = Combinators.combine(ids, instants(), upTo(Duration.ofDays(10)),
            Arbitraries.integers().between(0, 100), Arbitraries.of(ReferralSource.class))
        .as((id, admitted, lead, evalPercent, source) -> {
          Instant referred = admitted.minus(lead);
          Instant evaluated = referred.plus(Duration.ofMinutes(lead.toMinutes() * evalPercent / 100));
          return Episode.builder().id(id).service(service).programId("P-" + service.name())
              .referral(Referral.builder().id("ref-1").source(source).at(referred).build())
              .evaluatedAt(evaluated).admittedAt(admitted).build();
        });
    return episodes.flatMap(e -> members.apply(dateOf(e.admittedAt().orElseThrow()))
        .map(m -> CaseRecord.builder().member(m).episode(e).build()));
  }

  /**
   * A referral not admitted yet: {@code record} (from {@link #admitted} and its kin) with the
   * admission (and any discharge) removed, judged from the referral to 30 days after it. The
   * documents read a referral not yet admitted as a normal state: requirements anchored on the
   * admission do not apply to it.
   *
   * @since 0.2
   */
  public static Arbitrary<Case> notYetAdmitted(Arbitrary<CaseRecord> records) {
    return Combinators.combine(records, upTo(Duration.ofDays(30))).as((rec, wait) -> {
      Instant referred = rec.episode().referral().orElseThrow().at();
      CaseRecord open = withEpisode(rec, e -> ImmutableEpisode.copyOf(e).withAdmittedAt(java.util.Optional.empty())
          .withDischargedAt(java.util.Optional.empty()));
      return Case.of(open, referred.plus(wait));
    });
  }

  /** The admission instant of {@code record} (records made here always have one). */
  public static Instant admission(CaseRecord record) {
    return record.episode().admittedAt().orElseThrow(() -> new IllegalArgumentException("no admission"));
  }

  /** {@code record} with its episode changed by {@code change}. */
  public static CaseRecord withEpisode(CaseRecord record, UnaryOperator<Episode> change) {
    return ImmutableCaseRecord.copyOf(record).withEpisode(change.apply(record.episode()));
  }

  /** {@code record} discharged at {@code at}. */
  public static CaseRecord discharged(CaseRecord record, Instant at) {
    return withEpisode(record, e -> ImmutableEpisode.copyOf(e).withDischargedAt(at));
  }
}

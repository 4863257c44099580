package org.perfspecs.checks;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;
import org.perfspecs.checks.time.BusinessCalendar;

/**
 * The explicit time of an evaluation and the calendar it uses. Nothing in the library reads the
 * system clock or the default time zone: the as-of instant is "now" for every rule.
 *
 * <p>Records are read as of that instant: an event stamped after it has not happened yet (a
 * contact, a consultation arranged, an appointment booked, a discharge), so evaluating an old
 * snapshot at an earlier as-of gives what the record showed then.
 *
 * <p>It also holds the {@linkplain Interpretation interpretations} the evaluation overrides: a
 * requirement reads each of its readings through {@link #interpretation(Interpretation)}, which
 * gives the override when there is one and the interpretation's default otherwise. Immutable: every
 * {@code with...} method returns a new context.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class EvaluationContext {
  private final Instant asOf;
  private final BusinessCalendar calendar;
  private final ZoneId zone;
  private final ZoneRules rules;
  private final LocalDate today;
  private final ImmutableMap<String, Object> readings;
  // the span of constant offset that last held a dateOf argument; racy but immutable, so safe to share
  private volatile OffsetSpan lastSpan;
  private volatile OffsetSpan otherSpan;

  private EvaluationContext(Instant asOf, BusinessCalendar calendar, ImmutableMap<String, Object> readings) {
    this.readings = readings;
    this.asOf = requireNonNull(asOf, "asOf");
    this.calendar = requireNonNull(calendar, "calendar");
    this.zone = requireNonNull(calendar.zone(), "calendar.zone()");
    this.rules = zone.getRules();
    this.today = asOf.atZone(zone).toLocalDate();
    this.lastSpan = OffsetSpan.around(asOf, rules);
  }

  /** Evaluation as of {@code asOf} with the {@linkplain BusinessCalendar#standard() standard} calendar. */
  public static EvaluationContext asOf(Instant asOf) {
    return new EvaluationContext(asOf, BusinessCalendar.standard(), ImmutableMap.of());
  }

  /** The same as-of and interpretations with another calendar. */
  public EvaluationContext withCalendar(BusinessCalendar calendar) {
    return new EvaluationContext(asOf, calendar, readings);
  }

  /**
   * The same context with {@code interpretation} read as {@code value} instead of its default (a
   * value equal to the default changes no finding).
   *
   * @param value a {@link java.time.Duration}, an {@link Integer} or a {@link String}, by the
   *     interpretation's {@link Interpretation#kind() kind}
   * @throws IllegalArgumentException naming the key when {@code value} is of the wrong kind or out of bounds
   */
  public EvaluationContext withInterpretation(Interpretation interpretation, Object value) {
    return withInterpretations(Map.of(interpretation, value));
  }

  /**
   * The same context with each interpretation in {@code values} read as its value (see {@link
   * #withInterpretation}); earlier overrides of other keys are kept.
   *
   * @throws IllegalArgumentException naming the key of the first value of the wrong kind
   */
  public EvaluationContext withInterpretations(Map<Interpretation, ?> values) {
    Map<String, Object> all = new LinkedHashMap<>(readings);
    values.forEach((i, v) -> all.put(i.key(), i.check(v)));
    return new EvaluationContext(asOf, calendar, ImmutableMap.copyOf(all));
  }

  /** The value of {@code interpretation} in this evaluation: its override, else its default. */
  public Object interpretation(Interpretation interpretation) {
    Object v = readings.get(interpretation.key());
    return v == null ? interpretation.defaultValue() : v;
  }

  /** The overridden interpretations, by key (empty when every reading is the default). */
  public Map<String, Object> interpretationOverrides() {
    return readings;
  }

  /** The evaluation time. */
  public Instant asOf() {
    return asOf;
  }

  /** The business-day calendar. */
  public BusinessCalendar calendar() {
    return calendar;
  }

  /** The zone in which instants become dates (the calendar's). */
  public ZoneId zone() {
    return zone;
  }

  /** The as-of date in {@link #zone()}. */
  public LocalDate today() {
    return today;
  }

  /** The date of {@code t} in {@link #zone()}. */
  public LocalDate dateOf(Instant t) {
    OffsetSpan span = lastSpan;
    long second = t.getEpochSecond();
    if (!span.holds(second)) {
      OffsetSpan other = otherSpan;
      if (other != null && other.holds(second)) {
        span = other;
      } else {
        span = OffsetSpan.around(t, rules);
      }
      // keep the two most recent spans: a stay across a daylight-saving change alternates between them
      otherSpan = lastSpan;
      lastSpan = span;
    }
    // what t.atZone(zone).toLocalDate() gives, without the ZonedDateTime and the rules lookup
    return day(Math.floorDiv(second + span.offsetSeconds, 86_400L));
  }

  // the dates from DAYS_BEFORE days before the as-of date to DAYS_AFTER after it, made once each as
  // asked (LocalDate is immutable, with final fields, so the racy fill is safe: a slot holds null or
  // the one date it can hold); the array itself made on first use
  private static final int DAYS_BEFORE = 1500;
  private static final int DAYS_AFTER = 100;
  private LocalDate[] days;

  /** The date of epoch day {@code epochDay}, one shared instance per day near the as-of date. */
  private LocalDate day(long epochDay) {
    long i = epochDay - (today.toEpochDay() - DAYS_BEFORE);
    if (i < 0 || i >= DAYS_BEFORE + DAYS_AFTER) {
      return LocalDate.ofEpochDay(epochDay);
    }
    LocalDate[] d = days;
    if (d == null) {
      d = new LocalDate[DAYS_BEFORE + DAYS_AFTER];
      days = d;
    }
    LocalDate date = d[(int) i];
    if (date == null) {
      date = LocalDate.ofEpochDay(epochDay);
      d[(int) i] = date;
    }
    return date;
  }

  /** Whether {@code t} has happened at the as-of time (at or before it). */
  public boolean hasHappened(Instant t) {
    return !t.isAfter(asOf);
  }

  /** Whether {@code day} has begun at the as-of time. */
  public boolean hasBegun(LocalDate day) {
    return !day.isAfter(today);
  }

  @Override
  public String toString() {
    return "as of " + asOf + " (" + calendar + ")" + (readings.isEmpty() ? "" : " reading " + readings);
  }

  /** The instants [from, until) over which a zone's offset is constant. */
  private static final class OffsetSpan {
    private final long from; // epoch second, inclusive
    private final long until; // epoch second, exclusive
    private final long offsetSeconds;

    private OffsetSpan(long from, long until, ZoneOffset offset) {
      this.from = from;
      this.until = until;
      this.offsetSeconds = offset.getTotalSeconds();
    }

    static OffsetSpan around(Instant t, ZoneRules rules) {
      ZoneOffset offset = rules.getOffset(t);
      if (rules.isFixedOffset()) {
        return new OffsetSpan(Long.MIN_VALUE, Long.MAX_VALUE, offset);
      }
      // previousTransition is strictly before t: if one starts exactly at t, t is its first instant
      ZoneOffsetTransition next = rules.nextTransition(t);
      ZoneOffsetTransition previous = rules.previousTransition(t.plusSeconds(1));
      long from = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
      long until = next == null ? Long.MAX_VALUE : next.toEpochSecond();
      return new OffsetSpan(from, until, offset);
    }

    boolean holds(long second) {
      return second >= from && second < until;
    }
  }
}

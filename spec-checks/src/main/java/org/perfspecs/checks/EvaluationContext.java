package org.perfspecs.checks;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apiguardian.api.API;
import org.perfspecs.checks.time.BusinessCalendar;

/**
 * The explicit time of an evaluation and the calendar it uses. Nothing in the library reads the
 * system clock or the default time zone: the as-of instant is "now" for every rule.
 *
 * <p>Records are read as of that instant: an event stamped after it has not happened yet (a
 * contact, a consultation arranged, an appointment booked, a discharge), so evaluating an old
 * snapshot at an earlier as-of gives what the record showed then.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class EvaluationContext {
  private final Instant asOf;
  private final BusinessCalendar calendar;

  private EvaluationContext(Instant asOf, BusinessCalendar calendar) {
    this.asOf = requireNonNull(asOf, "asOf");
    this.calendar = requireNonNull(calendar, "calendar");
  }

  /** Evaluation as of {@code asOf} with the {@linkplain BusinessCalendar#standard() standard} calendar. */
  public static EvaluationContext asOf(Instant asOf) {
    return new EvaluationContext(asOf, BusinessCalendar.standard());
  }

  /** The same as-of with another calendar. */
  public EvaluationContext withCalendar(BusinessCalendar calendar) {
    return new EvaluationContext(asOf, calendar);
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
    return calendar.zone();
  }

  /** The as-of date in {@link #zone()}. */
  public LocalDate today() {
    return asOf.atZone(zone()).toLocalDate();
  }

  /** The date of {@code t} in {@link #zone()}. */
  public LocalDate dateOf(Instant t) {
    return t.atZone(zone()).toLocalDate();
  }

  /** Whether {@code t} has happened at the as-of time (at or before it). */
  public boolean hasHappened(Instant t) {
    return !t.isAfter(asOf);
  }

  /** Whether {@code day} has begun at the as-of time. */
  public boolean hasBegun(LocalDate day) {
    return !day.isAfter(today());
  }

  @Override
  public String toString() {
    return "as of " + asOf + " (" + calendar + ")";
  }
}

package org.perfspecs.checks.time;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The last instant at which something is on time, and how it was computed. The bound is
 * <em>inclusive</em>: an event at exactly {@link #last()} is on time, one a nanosecond later is late.
 *
 * <p>The three rules of the specifications, decided once:
 *
 * <ul>
 *   <li>{@link #hoursAfter "within N hours of X"}: on time up to and including X + N hours
 *       (48 hours after 09:00 Monday is 09:00 Wednesday, met at exactly 09:00).
 *   <li>{@link #businessDaysAfter "within N business days of X"}: on time up to the end of the
 *       N-th business day after the day of X (in the calendar's zone), whatever the time of X.
 *   <li>{@link #calendarDaysAfter "within N days of X"}: calendar days counted by date: on time
 *       up to the end of the date N days after the date of X.
 * </ul>
 *
 * "The end of a day" is its last nanosecond (23:59:59.999999999) in the calendar's zone.
 *
 * <p>A recurring obligation's windows each end at a deadline of these kinds; a finding of one
 * carries the deadline of the window in progress (see {@link org.perfspecs.checks.Recurring} and
 * {@link org.perfspecs.checks.Finding#due()}). Readings of vague words ("immediately upon
 * admission") are {@linkplain org.perfspecs.checks.Interpretation interpretations} that yield one
 * of these deadlines ({@link #after(Instant, Duration, ZoneId)} for a duration).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Deadline {
  private static final java.time.format.DateTimeFormatter START =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", java.util.Locale.ENGLISH);
  // how the description is made: given as text, or from the parts below when first read (most
  // deadlines are judged and counted, and their description printed only for some findings)
  private static final byte TEXT = 0;
  private static final byte HOURS = 1;
  private static final byte HOURS_IN_ZONE = 2;
  private static final byte BUSINESS_DAYS = 3;
  private static final byte CALENDAR_DAYS = 4;
  private static final byte SUPPLIED = 5;

  private final Instant last;
  // the description, or (for a deadline made from parts) null and the parts: a benign race on
  // madeDescription, as String.hashCode's (every thread makes the same text; a String is safely
  // published)
  private final String description;
  private final byte kind;
  private final int n;
  private final Object from;
  private final Object to;
  private String madeDescription;

  private Deadline(Instant last, String description) {
    this.last = requireNonNull(last, "last");
    this.description = requireNonNull(description, "description");
    this.kind = TEXT;
    this.n = 0;
    this.from = null;
    this.to = null;
  }

  private Deadline(Instant last, byte kind, int n, Object from, Object to) {
    this.last = requireNonNull(last, "last");
    this.description = null;
    this.kind = kind;
    this.n = n;
    this.from = from;
    this.to = to;
  }

  /** On time up to and including {@code start + hours}. */
  public static Deadline hoursAfter(Instant start, int hours) {
    requireNonNegative(hours);
    return new Deadline(start.plusSeconds(hours * 3600L), HOURS, hours, start, null);
  }

  /**
   * On time up to and including {@code start + hours}; the description shows {@code start} in
   * {@code zone} (e.g. {@code 48 hours after 2024-05-01 09:00 EDT}).
   */
  public static Deadline hoursAfter(Instant start, int hours, ZoneId zone) {
    requireNonNegative(hours);
    return new Deadline(start.plusSeconds(hours * 3600L), HOURS_IN_ZONE, hours, start,
        requireNonNull(zone, "zone"));
  }

  /**
   * On time up to and including {@code start + elapsed}; the description shows the span (in hours
   * when it is whole hours, else ISO-8601) and {@code start} in {@code zone} (e.g. {@code 24 hours
   * after 2024-05-01 23:30 EDT}).
   *
   * @throws IllegalArgumentException when {@code elapsed} is negative
   * @since 0.2
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public static Deadline after(Instant start, Duration elapsed, ZoneId zone) {
    if (elapsed.isNegative()) {
      throw new IllegalArgumentException("must not be negative: " + elapsed);
    }
    String span = elapsed.toNanosPart() == 0 && elapsed.toSecondsPart() == 0 && elapsed.toMinutesPart() == 0
        ? elapsed.toHours() + " hours" : elapsed.toString();
    return new Deadline(start.plus(elapsed), span + " after " + START.format(start.atZone(zone)));
  }

  /** On time up to the end of the {@code n}-th business day after the date of {@code start}. */
  public static Deadline businessDaysAfter(Instant start, int n, BusinessCalendar calendar) {
    LocalDate day = start.atZone(calendar.zone()).toLocalDate();
    LocalDate due = calendar.nthBusinessDayAfter(day, n);
    return new Deadline(lastOf(due, calendar.zone()), BUSINESS_DAYS, n, day, due);
  }

  /** On time up to the end of the date {@code n} days after the date of {@code start}. */
  public static Deadline calendarDaysAfter(Instant start, int n, ZoneId zone) {
    return calendarDaysAfter(start.atZone(zone).toLocalDate(), n, zone);
  }

  /** On time up to the end of the date {@code n} days after {@code day}. */
  public static Deadline calendarDaysAfter(LocalDate day, int n, ZoneId zone) {
    requireNonNegative(n);
    LocalDate due = day.plusDays(n);
    return new Deadline(lastOf(due, zone), CALENDAR_DAYS, n, day, due);
  }

  /**
   * A deadline as recorded elsewhere: its last on-time instant and its description (for example
   * read back from a finding's JSON by {@link org.perfspecs.checks.engine.FindingJson#fromJson}).
   */
  public static Deadline of(Instant last, String description) {
    return new Deadline(last, description);
  }

  /** On time up to the end of {@code day}. */
  public static Deadline endOf(LocalDate day, ZoneId zone, String description) {
    return new Deadline(lastOf(day, zone), description);
  }

  /**
   * {@link #endOf(LocalDate, ZoneId, String)} with the description made by {@code description} when
   * first read (it must give the same text whenever called, and must not hold on to a member's
   * record): for the library's own recurring rules, where most deadlines are never printed.
   */
  @API(status = API.Status.INTERNAL, since = "0.2")
  public static Deadline endOf(LocalDate day, ZoneId zone, java.util.function.Supplier<String> description) {
    return new Deadline(lastOf(day, zone), SUPPLIED, 0, requireNonNull(description, "description"), null);
  }

  /** The last nanosecond of {@code day} in {@code zone}. */
  private static Instant lastOf(LocalDate day, ZoneId zone) {
    // a direct-mapped cache by day: the same few hundred days are asked for again and again, and
    // the answer (through ZonedDateTime and the zone's offsets) costs five objects; an entry is
    // immutable and checked against both keys, so a race only computes one twice
    long epochDay = day.toEpochDay();
    int slot = (int) (epochDay & (LAST_OF.length - 1));
    LastOf hit = LAST_OF[slot];
    if (hit != null && hit.epochDay == epochDay && hit.zone.equals(zone)) {
      return hit.last;
    }
    Instant last = day.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1);
    LAST_OF[slot] = new LastOf(epochDay, zone, last);
    return last;
  }

  private static final LastOf[] LAST_OF = new LastOf[4096];

  private static final class LastOf {
    final long epochDay;
    final ZoneId zone;
    final Instant last;

    LastOf(long epochDay, ZoneId zone, Instant last) {
      this.epochDay = epochDay;
      this.zone = zone;
      this.last = last;
    }
  }

  private static void requireNonNegative(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("must not be negative: " + n);
    }
  }

  /** The last instant that is on time (inclusive). */
  public Instant last() {
    return last;
  }

  /** How the deadline was computed, e.g. {@code end of business day 1 after 2024-04-12 (2024-04-16)}. */
  public String description() {
    if (description != null) {
      return description;
    }
    String d = madeDescription;
    if (d == null) {
      d = switch (kind) {
        case HOURS -> n + " hours after " + from;
        case HOURS_IN_ZONE -> n + " hours after " + START.format(((Instant) from).atZone((ZoneId) to));
        case BUSINESS_DAYS -> "end of business day " + n + " after " + from + " (" + to + ")";
        case CALENDAR_DAYS -> "end of day " + n + " after " + from + " (" + to + ")";
        case SUPPLIED -> requireNonNull(((java.util.function.Supplier<?>) from).get(), "description").toString();
        default -> throw new IllegalStateException("no description");
      };
      madeDescription = d;
    }
    return d;
  }

  /** Whether {@code t} is on time. */
  public boolean isMetBy(Instant t) {
    return !t.isAfter(last);
  }

  /** Whether the deadline is still open at {@code asOf}. */
  public boolean isOpenAt(Instant asOf) {
    return !asOf.isAfter(last);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Deadline d && d.last.equals(last) && d.description().equals(description());
  }

  @Override
  public int hashCode() {
    return Objects.hash(last, description());
  }

  @Override
  public String toString() {
    return last + " (" + description() + ")";
  }
}

package org.perfspecs.checks.time;

import java.time.LocalDate;
import java.time.ZoneId;
import org.apiguardian.api.API;

/**
 * Which dates are business days, and the zone in which instants become dates. Implementations must
 * be immutable and thread-safe.
 *
 * <p>The {@link #standard() standard} calendar is Monday to Friday in America/New_York, less the US
 * federal holidays and Massachusetts' Patriots' Day, with the federal observed-date rule: a holiday
 * on a Saturday is observed the Friday before, one on a Sunday the Monday after.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface BusinessCalendar {
  /** America/New_York, where every business-day rule is computed. */
  ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /** The standard calendar: weekdays less US federal holidays (observed) and Patriots' Day. */
  static BusinessCalendar standard() {
    return StandardCalendar.INSTANCE;
  }

  /** Whether {@code date} is a business day. */
  boolean isBusinessDay(LocalDate date);

  /** The zone in which instants become dates; America/New_York unless overridden. */
  default ZoneId zone() {
    return NEW_YORK;
  }

  /**
   * The {@code n}-th business day after {@code day} (not counting {@code day} itself, whether or
   * not it is a business day).
   *
   * @throws IllegalArgumentException if {@code n < 1}
   */
  default LocalDate nthBusinessDayAfter(LocalDate day, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1: " + n);
    }
    LocalDate d = day;
    int found = 0;
    while (found < n) {
      d = d.plusDays(1);
      if (isBusinessDay(d)) {
        found++;
      }
    }
    return d;
  }
}

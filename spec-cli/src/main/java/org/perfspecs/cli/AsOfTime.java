package org.perfspecs.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.apiguardian.api.API;
import org.perfspecs.checks.time.BusinessCalendar;

/**
 * How {@code --as-of} is read, for every entry point that takes one (the command line, the Spark job).
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class AsOfTime {
  private AsOfTime() {}

  /**
   * An ISO-8601 date-time with offset ({@code 2024-06-01T12:00:00-04:00}), or a date
   * ({@code 2024-06-01}) meaning the end of that day (23:59:59.999999999) in America/New_York.
   *
   * @throws IllegalArgumentException saying what is expected, when {@code value} is neither
   */
  public static Instant parse(String value) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException notDateTime) {
      try {
        return LocalDate.parse(value).plusDays(1).atStartOfDay(BusinessCalendar.NEW_YORK).toInstant().minusNanos(1);
      } catch (DateTimeParseException notDate) {
        throw new IllegalArgumentException(
            "expected an ISO-8601 date-time with offset (2024-06-01T12:00:00-04:00) or a date (2024-06-01)");
      }
    }
  }
}

package org.perfspecs.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.apiguardian.api.API;
import org.perfspecs.checks.time.BusinessCalendar;
import picocli.CommandLine;

/**
 * How {@code --as-of} is read, for every entry point that takes one (the command line, the Spark
 * job).
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class AsOfTime {
  private AsOfTime() {}

  /**
   * An ISO-8601 date-time with offset ({@code 2024-06-01T12:00:00-04:00}), or a date
   * ({@code 2024-06-01}) meaning the end of that day (23:59:59.999999999) in America/New_York,
   * between 1900-01-01 and 2100-12-31 (the range of the records it judges).
   *
   * @throws IllegalArgumentException saying what is expected, when {@code value} is neither
   */
  public static Instant parse(String value) {
    Instant asOf;
    try {
      asOf = OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException notDateTime) {
      try {
        asOf = LocalDate.parse(value).plusDays(1).atStartOfDay(BusinessCalendar.NEW_YORK).toInstant().minusNanos(1);
      } catch (java.time.DateTimeException notDate) {
        throw new IllegalArgumentException(
            "expected an ISO-8601 date-time with offset (2024-06-01T12:00:00-04:00) or a date (2024-06-01)");
      }
    }
    // the as-of is held to the range of the records it judges
    if (asOf.isBefore(org.perfspecs.model.Plausible.FIRST_INSTANT) || !asOf.isBefore(org.perfspecs.model.Plausible.END_INSTANT)) {
      throw new IllegalArgumentException("the as-of time must be between 1900-01-01 and 2100-12-31");
    }
    return asOf;
  }

  /**
   * Reads {@code --as-of} for a picocli option ({@code converter = AsOfTime.Converter.class}), as
   * {@link #parse}: a value that is neither form is a usage error saying what is expected.
   */
  public static final class Converter implements CommandLine.ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}

package org.perfspecs.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.perfspecs.checks.time.BusinessCalendar;
import picocli.CommandLine;

/** Opening input files and parsing --as-of. */
final class Inputs {
  private Inputs() {}

  /**
   * The bytes of {@code file} ({@code -} is standard input, which closing leaves open); {@link
   * org.perfspecs.checks.engine.RecordReader} decodes them as UTF-8 line by line, so that one line
   * that is not UTF-8 rejects that line only.
   */
  static InputStream open(Path file) throws IOException {
    if (file.toString().equals("-")) {
      return new java.io.FilterInputStream(System.in) {
        @Override
        public void close() {
          // standard input stays open
        }
      };
    }
    return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
  }

  /** Converts {@code --as-of}: an ISO-8601 instant with offset, or a date meaning the end of that day in America/New_York. */
  static final class AsOfConverter implements CommandLine.ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      Instant asOf;
      try {
        asOf = OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeParseException notDateTime) {
        try {
          asOf = LocalDate.parse(value).plusDays(1).atStartOfDay(BusinessCalendar.NEW_YORK).toInstant().minusNanos(1);
        } catch (java.time.DateTimeException notDate) {
          throw new CommandLine.TypeConversionException(
              "expected an ISO-8601 date-time with offset (2024-06-01T12:00:00-04:00) or a date (2024-06-01)");
        }
      }
      // the as-of is held to the range of the records it judges
      if (asOf.isBefore(org.perfspecs.model.Plausible.FIRST_INSTANT) || !asOf.isBefore(org.perfspecs.model.Plausible.END_INSTANT)) {
        throw new CommandLine.TypeConversionException("the as-of time must be between 1900-01-01 and 2100-12-31");
      }
      return asOf;
    }
  }

}

package org.perfspecs.cli;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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

  /** A strict UTF-8 reader of {@code file} ({@code -} is standard input). */
  static Reader open(Path file) throws IOException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    if (file.toString().equals("-")) {
      return new InputStreamReader(System.in, decoder);
    }
    return new InputStreamReader(Files.newInputStream(file), decoder);
  }

  /** Converts {@code --as-of}: an ISO-8601 instant with offset, or a date meaning the end of that day in America/New_York. */
  static final class AsOfConverter implements CommandLine.ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeParseException notDateTime) {
        try {
          return LocalDate.parse(value).plusDays(1).atStartOfDay(BusinessCalendar.NEW_YORK).toInstant().minusNanos(1);
        } catch (DateTimeParseException notDate) {
          throw new CommandLine.TypeConversionException(
              "expected an ISO-8601 date-time with offset (2024-06-01T12:00:00-04:00) or a date (2024-06-01)");
        }
      }
    }
  }
}

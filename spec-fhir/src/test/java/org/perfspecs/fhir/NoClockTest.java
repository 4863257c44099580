package org.perfspecs.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** spec-fhir never reads the system clock, the default time zone or the default locale (as spec-checks' guard). */
class NoClockTest {
  private static final Pattern FORBIDDEN = Pattern.compile(
      "\\b(Instant|LocalDate|LocalDateTime|LocalTime|ZonedDateTime|OffsetDateTime|Year|YearMonth)\\.now\\("
          + "|System\\.currentTimeMillis|Clock\\.system|ZoneId\\.systemDefault|TimeZone\\.getDefault|Locale\\.getDefault"
          + "|\\.to(Lower|Upper)Case\\(\\)|String\\.format\\(\""
          // HAPI's date types format a java.util.Date in the default time zone
          + "|new (DateTimeType|InstantType|DateType)\\((java\\.util\\.)?Date|\\.setValue\\(java\\.util\\.Date");

  @Test
  void theModuleNeverReadsTheClockOrTheDefaultZone() throws IOException {
    List<String> offenders;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      offenders = files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
        try {
          return Files.readAllLines(p).stream().filter(l -> FORBIDDEN.matcher(l).find()).map(l -> p + ": " + l.strip());
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    }
    assertThat(offenders).isEmpty();
  }
}

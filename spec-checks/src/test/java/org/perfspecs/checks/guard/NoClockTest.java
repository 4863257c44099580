package org.perfspecs.checks.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Nothing inside the library reads the system clock, the default time zone or the default locale. */
class NoClockTest {
  private static final Pattern FORBIDDEN = Pattern.compile(
      "\\b(Instant|LocalDate|LocalDateTime|LocalTime|ZonedDateTime|OffsetDateTime|Year|YearMonth)\\.now\\("
          + "|System\\.currentTimeMillis|Clock\\.system|ZoneId\\.systemDefault|TimeZone\\.getDefault|Locale\\.getDefault"
          // case mapping and String.format without a locale use the default locale (Turkish i)
          + "|\\.to(Lower|Upper)Case\\(\\)|String\\.format\\(\"");

  @Test
  void librarySourcesNeverReadTheClockOrTheDefaultZone() throws IOException {
    List<String> offenders;
    try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")), Files.walk(Path.of("../spec-model/src/main/java")))) {
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

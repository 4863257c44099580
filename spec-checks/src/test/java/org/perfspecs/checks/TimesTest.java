package org.perfspecs.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Times#format} prints exactly what the pattern {@code yyyy-MM-dd HH:mm z} (English) prints. */
class TimesTest {
  private static final DateTimeFormatter PATTERN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH);
  private static final List<ZoneId> ZONES = List.of(ZoneId.of("America/New_York"), ZoneOffset.UTC,
      ZoneOffset.ofHoursMinutes(5, 30), ZoneOffset.ofHours(-12), ZoneId.of("Asia/Kolkata"),
      ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Pacific/Chatham"), ZoneId.of("Europe/London"));

  @Test
  void formatsAsThePatternDoesOverManyInstantsAndZones() {
    // a fixed seed: the same instants every run; years from 0900 to 10100 (the ends take the pattern's path)
    SplittableRandom random = new SplittableRandom(19);
    long from = Instant.parse("0900-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("+10100-01-01T00:00:00Z").getEpochSecond();
    for (int i = 0; i < 200_000; i++) {
      Instant t = Instant.ofEpochSecond(random.nextLong(from, to), random.nextInt(1_000_000_000));
      ZoneId zone = ZONES.get(i % ZONES.size());
      assertEquals(PATTERN.format(t.atZone(zone)), Times.format(t, zone), t + " in " + zone);
    }
  }

  @Test
  void formatsEveryMinuteAroundDaylightSavingChangesAndYearEnds() {
    ZoneId newYork = ZoneId.of("America/New_York");
    for (String start : List.of("2024-03-10T05:00:00Z", "2024-11-03T04:00:00Z", "2023-12-31T23:00:00Z",
        "1999-12-31T23:00:00Z", "2000-02-28T23:00:00Z", "1969-12-31T23:00:00Z", "1000-01-01T00:00:00Z")) {
      Instant t0 = Instant.parse(start);
      for (int m = -180; m <= 180; m++) {
        Instant t = t0.plusSeconds(60L * m + 59);
        for (ZoneId zone : List.of(newYork, ZoneOffset.UTC, ZoneId.of("Pacific/Chatham"))) {
          assertEquals(PATTERN.format(t.atZone(zone)), Times.format(t, zone), t + " in " + zone);
        }
      }
    }
  }
}

package org.perfspecs.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class LocationTest {
  static OpeningHours hours(DayOfWeek day, String opens, String closes) {
    return OpeningHours.builder().day(day).opens(LocalTime.parse(opens)).closes(LocalTime.parse(closes)).build();
  }

  @Test
  void weeklyMinutesAddsDaysAndCountsOverlapsOnce() {
    Location l = Location.builder().id("L").inMassachusetts(true)
        .addHours(hours(DayOfWeek.MONDAY, "09:00", "17:00"))
        .addHours(hours(DayOfWeek.MONDAY, "09:00", "17:00"))
        .addHours(hours(DayOfWeek.MONDAY, "16:00", "19:00"))
        .addHours(hours(DayOfWeek.MONDAY, "20:00", "21:00"))
        .addHours(hours(DayOfWeek.TUESDAY, "09:00", "12:00"))
        .build();
    // Monday 09:00-19:00 (10h) + 20:00-21:00 (1h), Tuesday 3h
    assertThat(l.weeklyMinutes()).isEqualTo(14 * 60);
  }

  @Test
  void noHoursIsZero() {
    assertThat(Location.builder().id("L").inMassachusetts(true).build().weeklyMinutes()).isZero();
  }
}

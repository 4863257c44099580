package org.perfspecs.checks.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.perfspecs.checks.Fixtures.NY;
import static org.perfspecs.checks.Fixtures.endOfDay;
import static org.perfspecs.checks.Fixtures.ny;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadlineTest {
  private static final BusinessCalendar STANDARD = BusinessCalendar.standard();

  @Test
  void hoursAfterIsInclusiveOfTheExactHour() {
    Instant start = ny("2024-04-15T09:00"); // Monday
    Deadline due = Deadline.hoursAfter(start, 48);

    assertThat(due.last()).isEqualTo(ny("2024-04-17T09:00"));
    assertThat(due.isMetBy(ny("2024-04-17T09:00"))).as("exactly 48h").isTrue();
    assertThat(due.isMetBy(ny("2024-04-17T09:00").plusNanos(1))).as("48h + 1ns").isFalse();
    assertThat(due.isMetBy(ny("2024-04-17T09:01"))).as("48h + 1min").isFalse();
    assertThat(due.isMetBy(start)).isTrue();
    assertThat(due.isOpenAt(ny("2024-04-17T09:00"))).isTrue();
    assertThat(due.isOpenAt(ny("2024-04-17T09:00").plusNanos(1))).isFalse();
  }

  @Test
  void hoursAfterCountsElapsedHoursAcrossTheDaylightSavingChange() {
    // 2024-03-10 has 23 hours in New York: 48 elapsed hours after 09:00 EST Saturday is 10:00 EDT Monday
    Deadline spring = Deadline.hoursAfter(ny("2024-03-09T09:00"), 48);
    assertThat(spring.last()).isEqualTo(Instant.parse("2024-03-11T14:00:00Z"));
    assertThat(spring.last()).isEqualTo(ny("2024-03-11T10:00"));
    // 2024-11-03 has 25 hours: 48 elapsed hours after 09:00 EDT Saturday is 08:00 EST Monday
    Deadline fall = Deadline.hoursAfter(ny("2024-11-02T09:00"), 48);
    assertThat(fall.last()).isEqualTo(ny("2024-11-04T08:00"));
    assertThat(Duration.between(ny("2024-11-02T09:00"), fall.last())).isEqualTo(Duration.ofHours(48));
  }

  @Test
  void hoursAfterRejectsNegativeHours() {
    assertThatThrownBy(() -> Deadline.hoursAfter(ny("2024-04-15T09:00"), -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "from {0}")
  @CsvSource({"2024-03-01T16:00", "2024-03-01T00:00", "2024-03-01T23:59:59.999999999"})
  void oneBusinessDayAfterAFridayIsTheEndOfMondayWhateverTheTime(String start) {
    Deadline due = Deadline.businessDaysAfter(ny(start), 1, STANDARD);
    assertThat(due.last()).isEqualTo(endOfDay("2024-03-04"));
    assertThat(due.isMetBy(endOfDay("2024-03-04"))).isTrue();
    assertThat(due.isMetBy(ny("2024-03-05T00:00"))).isFalse();
    assertThat(due.description()).contains("2024-03-01").contains("2024-03-04");
  }

  @Test
  void oneBusinessDayAfterTheFridayBeforePatriotsDayIsTheEndOfTuesday() {
    Deadline due = Deadline.businessDaysAfter(ny("2024-04-12T10:00"), 1, STANDARD);
    assertThat(due.last()).isEqualTo(endOfDay("2024-04-16"));
    assertThat(due.last()).isEqualTo(Instant.parse("2024-04-17T03:59:59.999999999Z"));
    assertThat(due.description()).isEqualTo("end of business day 1 after 2024-04-12 (2024-04-16)");
  }

  @ParameterizedTest(name = "from {0}")
  @CsvSource({"2024-03-02T08:00", "2024-03-03T23:00"})
  void oneBusinessDayAfterAWeekendDayIsTheEndOfMonday(String start) {
    assertThat(Deadline.businessDaysAfter(ny(start), 1, STANDARD).last()).isEqualTo(endOfDay("2024-03-04"));
  }

  @Test
  void theDayOfTheStartIsItsDateInNewYorkNotInUtc() {
    // Thursday 2024-02-29 21:00 EST is already Friday 02:00 in UTC
    Instant thursdayEvening = ny("2024-02-29T21:00");
    assertThat(thursdayEvening).isEqualTo(Instant.parse("2024-03-01T02:00:00Z"));
    assertThat(Deadline.businessDaysAfter(thursdayEvening, 1, STANDARD).last()).isEqualTo(endOfDay("2024-03-01"));
  }

  @Test
  void theEndOfDayIsCorrectInUtcAcrossTheSpringDaylightSavingChange() {
    // Friday 2024-03-08 (EST) -> Monday 2024-03-11, after the change on Sunday 2024-03-10: ends 23:59:59.999999999 EDT
    Deadline due = Deadline.businessDaysAfter(ny("2024-03-08T10:00"), 1, STANDARD);
    assertThat(due.last()).isEqualTo(Instant.parse("2024-03-12T03:59:59.999999999Z"));
    // Saturday 2024-03-09 (EST) likewise
    assertThat(Deadline.businessDaysAfter(ny("2024-03-09T10:00"), 1, STANDARD).last())
        .isEqualTo(Instant.parse("2024-03-12T03:59:59.999999999Z"));
    // the end of the day before the change is still in EST
    assertThat(Deadline.endOf(LocalDate.of(2024, 3, 9), NY, "x").last())
        .isEqualTo(Instant.parse("2024-03-10T04:59:59.999999999Z"));
    // the short day itself ends in EDT
    assertThat(Deadline.endOf(LocalDate.of(2024, 3, 10), NY, "x").last())
        .isEqualTo(Instant.parse("2024-03-11T03:59:59.999999999Z"));
  }

  @Test
  void theEndOfDayIsCorrectInUtcAcrossTheFallDaylightSavingChange() {
    // Friday 2024-11-01 (EDT) -> Monday 2024-11-04, after the change on Sunday 2024-11-03: ends 23:59:59.999999999 EST
    Deadline due = Deadline.businessDaysAfter(ny("2024-11-01T10:00"), 1, STANDARD);
    assertThat(due.last()).isEqualTo(Instant.parse("2024-11-05T04:59:59.999999999Z"));
    assertThat(Deadline.endOf(LocalDate.of(2024, 11, 2), NY, "x").last())
        .isEqualTo(Instant.parse("2024-11-03T03:59:59.999999999Z"));
    assertThat(Deadline.endOf(LocalDate.of(2024, 11, 3), NY, "x").last())
        .isEqualTo(Instant.parse("2024-11-04T04:59:59.999999999Z"));
  }

  @Test
  void businessDaysAfterHonoursTheCalendarGiven() {
    BusinessCalendar everyDay = date -> true;
    assertThat(Deadline.businessDaysAfter(ny("2024-04-12T10:00"), 1, everyDay).last()).isEqualTo(endOfDay("2024-04-13"));
  }

  @Test
  void businessDaysAfterRejectsZero() {
    assertThatThrownBy(() -> Deadline.businessDaysAfter(ny("2024-04-12T10:00"), 0, STANDARD))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void calendarDaysAfterCountsDatesInNewYork() {
    // Tuesday 2024-03-05 23:30 EST (already Wednesday in UTC) + 7 days = end of Tuesday 2024-03-12, in EDT
    Deadline due = Deadline.calendarDaysAfter(ny("2024-03-05T23:30"), 7, NY);
    assertThat(due.last()).isEqualTo(endOfDay("2024-03-12"));
    assertThat(due.last()).isEqualTo(Instant.parse("2024-03-13T03:59:59.999999999Z"));
    assertThat(due.isMetBy(endOfDay("2024-03-12"))).isTrue();
    assertThat(due.isMetBy(ny("2024-03-13T00:00"))).isFalse();
    assertThat(due.description()).isEqualTo("end of day 7 after 2024-03-05 (2024-03-12)");
  }

  @Test
  void calendarDaysAfterADateAcrossTheFallChange() {
    Deadline due = Deadline.calendarDaysAfter(LocalDate.of(2024, 11, 1), 2, NY);
    assertThat(due.last()).isEqualTo(Instant.parse("2024-11-04T04:59:59.999999999Z"));
  }

  @Test
  void calendarDaysAfterIgnoresWeekendsAndHolidays() {
    // Friday before Patriots' Day + 3 calendar days = Monday (the holiday) itself
    assertThat(Deadline.calendarDaysAfter(ny("2024-04-12T10:00"), 3, NY).last()).isEqualTo(endOfDay("2024-04-15"));
  }

  @Test
  void zeroCalendarDaysIsTheEndOfTheSameDay() {
    assertThat(Deadline.calendarDaysAfter(ny("2024-04-12T10:00"), 0, NY).last()).isEqualTo(endOfDay("2024-04-12"));
  }

  @Test
  void calendarDaysAfterRejectsNegativeDays() {
    assertThatThrownBy(() -> Deadline.calendarDaysAfter(LocalDate.of(2024, 4, 12), -1, NY))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package org.perfspecs.checks.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class BusinessCalendarTest {
  private static final BusinessCalendar STANDARD = BusinessCalendar.standard();

  /**
   * Every standard holiday 2021-2026 as observed (the weekday it takes away), listed by hand from
   * the OPM federal holiday tables plus Massachusetts' Patriots' Day (third Monday of April). A
   * holiday on a Saturday is observed the Friday before, on a Sunday the Monday after; New Year's
   * Day 2022 (a Saturday) is therefore observed on Friday 2021-12-31.
   */
  private static final List<Holiday> HOLIDAYS = List.of(
      // 2021
      h("2021-01-01", "New Year's Day"),
      h("2021-01-18", "Martin Luther King Jr. Day"),
      h("2021-02-15", "Washington's Birthday"),
      h("2021-04-19", "Patriots' Day"),
      h("2021-05-31", "Memorial Day"),
      h("2021-06-18", "Juneteenth (Saturday 06-19 observed Friday)"),
      h("2021-07-05", "Independence Day (Sunday 07-04 observed Monday)"),
      h("2021-09-06", "Labor Day"),
      h("2021-10-11", "Columbus Day"),
      h("2021-11-11", "Veterans Day"),
      h("2021-11-25", "Thanksgiving Day"),
      h("2021-12-24", "Christmas Day (Saturday 12-25 observed Friday)"),
      h("2021-12-31", "New Year's Day 2022 (Saturday 2022-01-01 observed Friday)"),
      // 2022
      h("2022-01-17", "Martin Luther King Jr. Day"),
      h("2022-02-21", "Washington's Birthday"),
      h("2022-04-18", "Patriots' Day"),
      h("2022-05-30", "Memorial Day"),
      h("2022-06-20", "Juneteenth (Sunday 06-19 observed Monday)"),
      h("2022-07-04", "Independence Day"),
      h("2022-09-05", "Labor Day"),
      h("2022-10-10", "Columbus Day"),
      h("2022-11-11", "Veterans Day"),
      h("2022-11-24", "Thanksgiving Day"),
      h("2022-12-26", "Christmas Day (Sunday 12-25 observed Monday)"),
      // 2023
      h("2023-01-02", "New Year's Day (Sunday 01-01 observed Monday)"),
      h("2023-01-16", "Martin Luther King Jr. Day"),
      h("2023-02-20", "Washington's Birthday"),
      h("2023-04-17", "Patriots' Day"),
      h("2023-05-29", "Memorial Day"),
      h("2023-06-19", "Juneteenth"),
      h("2023-07-04", "Independence Day"),
      h("2023-09-04", "Labor Day"),
      h("2023-10-09", "Columbus Day"),
      h("2023-11-10", "Veterans Day (Saturday 11-11 observed Friday)"),
      h("2023-11-23", "Thanksgiving Day"),
      h("2023-12-25", "Christmas Day"),
      // 2024
      h("2024-01-01", "New Year's Day"),
      h("2024-01-15", "Martin Luther King Jr. Day"),
      h("2024-02-19", "Washington's Birthday"),
      h("2024-04-15", "Patriots' Day"),
      h("2024-05-27", "Memorial Day"),
      h("2024-06-19", "Juneteenth"),
      h("2024-07-04", "Independence Day"),
      h("2024-09-02", "Labor Day"),
      h("2024-10-14", "Columbus Day"),
      h("2024-11-11", "Veterans Day"),
      h("2024-11-28", "Thanksgiving Day"),
      h("2024-12-25", "Christmas Day"),
      // 2025
      h("2025-01-01", "New Year's Day"),
      h("2025-01-20", "Martin Luther King Jr. Day"),
      h("2025-02-17", "Washington's Birthday"),
      h("2025-04-21", "Patriots' Day"),
      h("2025-05-26", "Memorial Day"),
      h("2025-06-19", "Juneteenth"),
      h("2025-07-04", "Independence Day"),
      h("2025-09-01", "Labor Day"),
      h("2025-10-13", "Columbus Day"),
      h("2025-11-11", "Veterans Day"),
      h("2025-11-27", "Thanksgiving Day"),
      h("2025-12-25", "Christmas Day"),
      // 2026
      h("2026-01-01", "New Year's Day"),
      h("2026-01-19", "Martin Luther King Jr. Day"),
      h("2026-02-16", "Washington's Birthday"),
      h("2026-04-20", "Patriots' Day"),
      h("2026-05-25", "Memorial Day"),
      h("2026-06-19", "Juneteenth"),
      h("2026-07-03", "Independence Day (Saturday 07-04 observed Friday)"),
      h("2026-09-07", "Labor Day"),
      h("2026-10-12", "Columbus Day"),
      h("2026-11-11", "Veterans Day"),
      h("2026-11-26", "Thanksgiving Day"),
      h("2026-12-25", "Christmas Day"));

  private record Holiday(LocalDate date, String name) {}

  private static Holiday h(String date, String name) {
    return new Holiday(LocalDate.parse(date), name);
  }

  static Stream<Arguments> holidays() {
    return HOLIDAYS.stream().map(x -> Arguments.of(x.date(), x.name()));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("holidays")
  void eachStandardHolidayIsAWeekdayThatIsNotABusinessDay(LocalDate date, String name) {
    assertThat(date.getDayOfWeek()).as(name).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    assertThat(STANDARD.isBusinessDay(date)).as(name).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {2021, 2022, 2023, 2024, 2025, 2026})
  void theWeekdaysThatAreNotBusinessDaysAreExactlyTheListedHolidays(int year) {
    Set<LocalDate> expected = HOLIDAYS.stream().map(Holiday::date).filter(d -> d.getYear() == year)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<LocalDate> actual = LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1))
        .filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY)
        .filter(d -> !STANDARD.isBusinessDay(d))
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(actual).containsExactlyElementsOf(expected);
  }

  @Test
  void weekendsAreNeverBusinessDays() {
    LocalDate.of(2021, 1, 1).datesUntil(LocalDate.of(2027, 1, 1))
        .filter(d -> d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY)
        .forEach(d -> assertThat(STANDARD.isBusinessDay(d)).as(d.toString()).isFalse());
  }

  @Test
  void independenceDay2021OnASundayIsObservedOnMonday() {
    assertThat(LocalDate.of(2021, 7, 4).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
    assertThat(STANDARD.isBusinessDay(LocalDate.of(2021, 7, 5))).isFalse();
    assertThat(STANDARD.isBusinessDay(LocalDate.of(2021, 7, 2))).as("the Friday before stays a business day").isTrue();
    assertThat(STANDARD.isBusinessDay(LocalDate.of(2021, 7, 6))).isTrue();
  }

  @Test
  void newYearsDay2022OnASaturdayIsObservedOnFridayOfTheYearBefore() {
    assertThat(LocalDate.of(2022, 1, 1).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
    assertThat(STANDARD.isBusinessDay(LocalDate.of(2021, 12, 31))).isFalse();
    assertThat(STANDARD.isBusinessDay(LocalDate.of(2021, 12, 30))).isTrue();
    assertThat(STANDARD.isBusinessDay(LocalDate.of(2022, 1, 3))).as("the Monday after stays a business day").isTrue();
  }

  @Test
  void christmas2022OnASundayIsObservedOnMonday() {
    assertThat(STANDARD.isBusinessDay(LocalDate.of(2022, 12, 26))).isFalse();
    assertThat(STANDARD.isBusinessDay(LocalDate.of(2022, 12, 23))).isTrue();
  }

  @Test
  void juneteenthIsAHolidayFrom2021Only() {
    assertThat(STANDARD.isBusinessDay(LocalDate.of(2020, 6, 19))).as("Friday 2020-06-19, before the holiday existed").isTrue();
    assertThat(STANDARD.isBusinessDay(LocalDate.of(2021, 6, 18))).as("2021: Saturday observed Friday").isFalse();
    assertThat(STANDARD.isBusinessDay(LocalDate.of(2022, 6, 20))).as("2022: Sunday observed Monday").isFalse();
    assertThat(STANDARD.isBusinessDay(LocalDate.of(2024, 6, 19))).isFalse();
  }

  @Test
  void patriotsDayIsTheThirdMondayOfApril() {
    assertThat(STANDARD.isBusinessDay(LocalDate.of(2024, 4, 15))).isFalse();
    assertThat(STANDARD.isBusinessDay(LocalDate.of(2024, 4, 8))).as("second Monday").isTrue();
    assertThat(STANDARD.isBusinessDay(LocalDate.of(2024, 4, 22))).as("fourth Monday").isTrue();
    assertThat(STANDARD.isBusinessDay(LocalDate.of(2024, 4, 16))).isTrue();
  }

  @Test
  void theStandardCalendarComputesInNewYork() {
    assertThat(STANDARD.zone()).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(BusinessCalendar.NEW_YORK).isEqualTo(ZoneId.of("America/New_York"));
  }

  @ParameterizedTest(name = "{1} business day(s) after {0} is {2}")
  @CsvSource({
      // across a weekend
      "2024-03-01, 1, 2024-03-04",
      "2024-03-02, 1, 2024-03-04",
      "2024-03-03, 1, 2024-03-04",
      "2024-03-04, 1, 2024-03-05",
      "2024-03-01, 5, 2024-03-08",
      // across Patriots' Day 2024-04-15
      "2024-04-12, 1, 2024-04-16",
      "2024-04-12, 2, 2024-04-17",
      "2024-04-15, 1, 2024-04-16",
      // across the observed Independence Day 2021-07-05
      "2021-07-02, 1, 2021-07-06",
      "2021-07-03, 1, 2021-07-06",
      // across New Year's Day 2022 observed on 2021-12-31, and a year end
      "2021-12-30, 1, 2022-01-03",
      // across Thanksgiving and Christmas
      "2024-11-27, 1, 2024-11-29",
      "2024-12-24, 1, 2024-12-26",
      "2024-12-20, 3, 2024-12-26",
      // across two holidays and a weekend: Christmas 2021 (observed Fri 12-24) and New Year (observed Fri 12-31)
      "2021-12-23, 1, 2021-12-27",
      "2021-12-23, 5, 2022-01-03"
  })
  void nthBusinessDayAfterSkipsWeekendsAndHolidays(LocalDate day, int n, LocalDate expected) {
    assertThat(STANDARD.nthBusinessDayAfter(day, n)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1})
  void nthBusinessDayAfterRejectsNLessThanOne(int n) {
    assertThatThrownBy(() -> STANDARD.nthBusinessDayAfter(LocalDate.of(2024, 4, 12), n))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aUserSuppliedCalendarIsHonoured() {
    BusinessCalendar everyDay = date -> true;
    BusinessCalendar sundaysOff = date -> date.getDayOfWeek() != DayOfWeek.SUNDAY;
    BusinessCalendar patriotsDayWorked = date -> date.equals(LocalDate.of(2024, 4, 15)) || STANDARD.isBusinessDay(date);

    assertThat(everyDay.zone()).isEqualTo(BusinessCalendar.NEW_YORK);
    assertThat(everyDay.nthBusinessDayAfter(LocalDate.of(2024, 4, 12), 1)).isEqualTo(LocalDate.of(2024, 4, 13));
    assertThat(sundaysOff.nthBusinessDayAfter(LocalDate.of(2024, 4, 12), 1)).isEqualTo(LocalDate.of(2024, 4, 13));
    assertThat(sundaysOff.nthBusinessDayAfter(LocalDate.of(2024, 4, 13), 1)).isEqualTo(LocalDate.of(2024, 4, 15));
    assertThat(patriotsDayWorked.nthBusinessDayAfter(LocalDate.of(2024, 4, 12), 1)).isEqualTo(LocalDate.of(2024, 4, 15));

    assertThat(Deadline.businessDaysAfter(java.time.Instant.parse("2024-04-12T14:00:00Z"), 1, everyDay).last())
        .isEqualTo(java.time.Instant.parse("2024-04-14T03:59:59.999999999Z"));
  }

  @Test
  void aUserSuppliedCalendarMayUseAnotherZone() {
    BusinessCalendar utcWeekdays = new BusinessCalendar() {
      @Override
      public boolean isBusinessDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
      }

      @Override
      public ZoneId zone() {
        return ZoneId.of("UTC");
      }
    };
    // Thursday 2024-02-29 22:00 in New York is Friday 03:00 in UTC: the UTC calendar's day is Friday
    java.time.Instant t = java.time.Instant.parse("2024-03-01T03:00:00Z");
    assertThat(Deadline.businessDaysAfter(t, 1, utcWeekdays).last())
        .isEqualTo(java.time.Instant.parse("2024-03-04T23:59:59.999999999Z"));
    assertThat(Deadline.businessDaysAfter(t, 1, STANDARD).last())
        .as("the standard calendar reads it as Thursday in New York")
        .isEqualTo(java.time.Instant.parse("2024-03-02T04:59:59.999999999Z"));
  }
}

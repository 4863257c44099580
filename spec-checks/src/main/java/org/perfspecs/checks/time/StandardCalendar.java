package org.perfspecs.checks.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;

/**
 * Weekdays less US federal holidays (5 U.S.C. 6103, observed on the nearest weekday) and
 * Massachusetts' Patriots' Day (third Monday in April).
 */
final class StandardCalendar implements BusinessCalendar {
  static final StandardCalendar INSTANCE = new StandardCalendar();

  private StandardCalendar() {}

  @Override
  public boolean isBusinessDay(LocalDate date) {
    DayOfWeek dow = date.getDayOfWeek();
    if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
      return false;
    }
    return !isHoliday(date);
  }

  // the holidays observed in each year from FIRST_CACHED_YEAR on, as epoch days (the dates of that
  // year the rules below accept), worked out on first use instead of a dozen LocalDates per call: a
  // benign race (every thread makes the same array), published safely through Year's final field
  private static final int FIRST_CACHED_YEAR = 1900;
  private static final Year[] YEARS = new Year[400];

  private static final class Year {
    final long[] holidays;

    Year(long[] holidays) {
      this.holidays = holidays;
    }
  }

  /** Whether {@code date} is a holiday as observed (a weekday). */
  static boolean isHoliday(LocalDate date) {
    int year = date.getYear();
    int i = year - FIRST_CACHED_YEAR;
    if (i < 0 || i >= YEARS.length) {
      return isHolidayByRules(date);
    }
    Year y = YEARS[i];
    if (y == null) {
      y = new Year(holidaysOf(year));
      YEARS[i] = y;
    }
    long day = date.toEpochDay();
    for (long h : y.holidays) {
      if (h == day) {
        return true;
      }
    }
    return false;
  }

  /** The epoch days of {@code year} that {@link #isHolidayByRules} accepts. */
  private static long[] holidaysOf(int year) {
    long[] found = new long[16];
    int n = 0;
    LocalDate end = LocalDate.of(year, Month.DECEMBER, 31);
    for (LocalDate d = LocalDate.of(year, Month.JANUARY, 1); !d.isAfter(end); d = d.plusDays(1)) {
      if (isHolidayByRules(d)) {
        if (n == found.length) {
          found = java.util.Arrays.copyOf(found, n * 2);
        }
        found[n++] = d.toEpochDay();
      }
    }
    return java.util.Arrays.copyOf(found, n);
  }

  /** The rules themselves, for one date. */
  private static boolean isHolidayByRules(LocalDate date) {
    int year = date.getYear();
    return date.equals(observed(LocalDate.of(year, Month.JANUARY, 1)))
        // New Year's Day on a Saturday is observed on Friday December 31 of the year before.
        || date.equals(observed(LocalDate.of(year + 1, Month.JANUARY, 1)))
        || date.equals(nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3)) // Martin Luther King Jr. Day
        || date.equals(nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3)) // Washington's Birthday
        || date.equals(nth(year, Month.APRIL, DayOfWeek.MONDAY, 3)) // Patriots' Day (Massachusetts)
        || date.equals(LocalDate.of(year, Month.MAY, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))) // Memorial Day
        || (year >= 2021 && date.equals(observed(LocalDate.of(year, Month.JUNE, 19)))) // Juneteenth
        || date.equals(observed(LocalDate.of(year, Month.JULY, 4))) // Independence Day
        || date.equals(nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1)) // Labor Day
        || date.equals(nth(year, Month.OCTOBER, DayOfWeek.MONDAY, 2)) // Columbus Day
        || date.equals(observed(LocalDate.of(year, Month.NOVEMBER, 11))) // Veterans Day
        || date.equals(nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4)) // Thanksgiving Day
        || date.equals(observed(LocalDate.of(year, Month.DECEMBER, 25))); // Christmas Day
  }

  private static LocalDate nth(int year, Month month, DayOfWeek dow, int n) {
    return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, dow));
  }

  private static LocalDate observed(LocalDate holiday) {
    switch (holiday.getDayOfWeek()) {
      case SATURDAY:
        return holiday.minusDays(1);
      case SUNDAY:
        return holiday.plusDays(1);
      default:
        return holiday;
    }
  }

  @Override
  public String toString() {
    return "BusinessCalendar.standard() (America/New_York; US federal holidays observed; Patriots' Day)";
  }
}

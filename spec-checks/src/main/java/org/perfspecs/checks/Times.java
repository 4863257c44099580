package org.perfspecs.checks;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/** Formats times for reasons: local wall time in the evaluation zone, with its abbreviation. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Times {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH);
  private static final DateTimeFormatter ZONE_TEXT = DateTimeFormatter.ofPattern("z", Locale.ENGLISH);
  // zone -> its short name {standard, daylight}, as the "z" pattern letter prints it
  private static final Map<ZoneId, String[]> NAMES = new ConcurrentHashMap<>();

  private Times() {}

  /**
   * {@code 2024-04-15 09:30 EDT}: exactly what the pattern {@code yyyy-MM-dd HH:mm z} (English)
   * prints, built directly for years 1000 to 9999 (the zone's name is looked up once per zone and
   * daylight-saving state, as the pattern letter does).
   */
  public static String format(Instant t, ZoneId zone) {
    ZoneOffset offset = zone.getRules().getOffset(t);
    // the local date and time worked out by arithmetic (LocalDate.ofEpochDay's algorithm) rather
    // than through a LocalDateTime, and written into one char array: the same text, fewer objects
    long localSecond = t.getEpochSecond() + offset.getTotalSeconds();
    long epochDay = Math.floorDiv(localSecond, 86_400L);
    int secondOfDay = (int) Math.floorMod(localSecond, 86_400L);
    long zeroDay = epochDay + DAYS_0000_TO_1970 - 60;
    long adjust = 0;
    if (zeroDay < 0) {
      long adjustCycles = (zeroDay + 1) / DAYS_PER_CYCLE - 1;
      adjust = adjustCycles * 400;
      zeroDay += -adjustCycles * DAYS_PER_CYCLE;
    }
    long yearEst = (400 * zeroDay + 591) / DAYS_PER_CYCLE;
    long doyEst = zeroDay - (365 * yearEst + yearEst / 4 - yearEst / 100 + yearEst / 400);
    if (doyEst < 0) {
      yearEst--;
      doyEst = zeroDay - (365 * yearEst + yearEst / 4 - yearEst / 100 + yearEst / 400);
    }
    yearEst += adjust;
    int marchDoy0 = (int) doyEst;
    int marchMonth0 = (marchDoy0 * 5 + 2) / 153;
    int month = (marchMonth0 + 2) % 12 + 1;
    int day = marchDoy0 - (marchMonth0 * 306 + 5) / 10 + 1;
    long year = yearEst + marchMonth0 / 10;
    if (year < 1000 || year > 9999) {
      return LOCAL.format(t.atZone(zone));
    }
    String name = name(t, zone);
    char[] c = new char[17 + name.length()];
    int y = (int) year;
    c[0] = (char) ('0' + y / 1000);
    c[1] = (char) ('0' + y / 100 % 10);
    c[2] = (char) ('0' + y / 10 % 10);
    c[3] = (char) ('0' + y % 10);
    c[4] = '-';
    two(c, 5, month);
    c[7] = '-';
    two(c, 8, day);
    c[10] = ' ';
    two(c, 11, secondOfDay / 3600);
    c[13] = ':';
    two(c, 14, secondOfDay / 60 % 60);
    c[16] = ' ';
    name.getChars(0, name.length(), c, 17);
    return new String(c);
  }

  private static final long DAYS_PER_CYCLE = 146_097L;
  private static final long DAYS_0000_TO_1970 = (DAYS_PER_CYCLE * 5L) - (30L * 365L + 7L);

  private static void two(char[] c, int at, int n) {
    c[at] = (char) ('0' + n / 10);
    c[at + 1] = (char) ('0' + n % 10);
  }

  private static String name(Instant t, ZoneId zone) {
    if (zone instanceof ZoneOffset) {
      return zone.getId();
    }
    boolean daylight = zone.getRules().isDaylightSavings(t);
    String[] names = NAMES.computeIfAbsent(zone, z -> new String[2]);
    int i = daylight ? 1 : 0;
    String name = names[i];
    if (name == null) {
      name = ZONE_TEXT.format(t.atZone(zone));
      names[i] = name;
    }
    return name;
  }
}

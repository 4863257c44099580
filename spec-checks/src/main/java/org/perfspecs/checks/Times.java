package org.perfspecs.checks;

import java.time.Instant;
import java.time.LocalDateTime;
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
    LocalDateTime local = LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), offset);
    int year = local.getYear();
    if (year < 1000 || year > 9999) {
      return LOCAL.format(t.atZone(zone));
    }
    StringBuilder b = new StringBuilder(24);
    b.append(year).append('-');
    two(b, local.getMonthValue()).append('-');
    two(b, local.getDayOfMonth()).append(' ');
    two(b, local.getHour()).append(':');
    two(b, local.getMinute()).append(' ');
    return b.append(name(t, zone)).toString();
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

  private static StringBuilder two(StringBuilder b, int n) {
    if (n < 10) {
      b.append('0');
    }
    return b.append(n);
  }
}

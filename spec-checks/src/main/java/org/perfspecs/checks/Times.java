package org.perfspecs.checks;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apiguardian.api.API;

/** Formats times for reasons: local wall time in the evaluation zone, with its abbreviation. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Times {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH);

  private Times() {}

  /** {@code 2024-04-15 09:30 EDT}. */
  public static String format(Instant t, ZoneId zone) {
    return LOCAL.format(t.atZone(zone));
  }
}

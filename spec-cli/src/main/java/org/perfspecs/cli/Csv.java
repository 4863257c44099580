package org.perfspecs.cli;

import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 CSV lines, safe to open in a spreadsheet: a cell that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, TAB or CR gets a leading {@code '} so that no spreadsheet reads it as a
 * formula (OWASP's CSV injection advice). No cell perfspecs writes starts so legitimately: counts,
 * rates and dates start with a digit.
 */
final class Csv {
  /** The first characters a spreadsheet may read as the start of a formula. */
  static final String FORMULA_START = "=+-@\t\r";

  private Csv() {}

  static String line(List<String> fields) {
    return fields.stream().map(Csv::field).collect(Collectors.joining(","));
  }

  static String field(String s) {
    if (s == null) {
      return "";
    }
    if (!s.isEmpty() && FORMULA_START.indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }
}

package org.perfspecs.cli;

import java.util.List;

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
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      append(b, fields.get(i));
    }
    return b.toString();
  }

  static String field(String s) {
    StringBuilder b = new StringBuilder();
    append(b, s);
    return b.toString();
  }

  /**
   * Appends {@code s} as one cell (nothing for {@code null}): a leading {@code '} before a
   * formula start, then quoted ({@code "} doubled) when it holds a comma, a quote or a line break.
   */
  static void append(StringBuilder b, String s) {
    if (s == null) {
      return;
    }
    boolean formula = !s.isEmpty() && FORMULA_START.indexOf(s.charAt(0)) >= 0;
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      if (formula) {
        b.append('\'');
      }
      b.append(s);
      return;
    }
    b.append('"');
    if (formula) {
      b.append('\'');
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        b.append('"');
      }
      b.append(c);
    }
    b.append('"');
  }
}

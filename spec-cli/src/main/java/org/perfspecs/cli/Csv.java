package org.perfspecs.cli;

import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 CSV lines. */
final class Csv {
  private Csv() {}

  static String line(List<String> fields) {
    return fields.stream().map(Csv::field).collect(Collectors.joining(","));
  }

  static String field(String s) {
    if (s == null) {
      return "";
    }
    if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }
}

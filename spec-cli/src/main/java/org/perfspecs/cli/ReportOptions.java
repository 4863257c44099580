package org.perfspecs.cli;

import picocli.CommandLine.Option;

/** The options of the report's action lists, shared by {@code report} and {@code check --output} (a picocli mixin). */
final class ReportOptions {
  /** Default of {@code --drill-down}. */
  static final int DEFAULT_DRILL_DOWN = 10;
  /** Default of {@code --coming-due}, in days. */
  static final int DEFAULT_COMING_DUE_DAYS = 7;
  /** At most this many coming-due findings are listed on the page (the total is always given). */
  static final int COMING_DUE_LIMIT = 100;

  @Option(names = "--drill-down", paramLabel = "N", defaultValue = "" + DEFAULT_DRILL_DOWN,
      description = "How many failing episodes the report lists per requirement (the first N in input order, with "
          + "the total; 0 to list none). Default: ${DEFAULT-VALUE}.")
  int drillDown = DEFAULT_DRILL_DOWN;

  @Option(names = "--coming-due", paramLabel = "DAYS", defaultValue = "" + DEFAULT_COMING_DUE_DAYS,
      description = "The report lists PENDING findings due within DAYS days of --as-of (at most "
          + COMING_DUE_LIMIT + ", earliest first, with the total). Default: ${DEFAULT-VALUE}.")
  int comingDueDays = DEFAULT_COMING_DUE_DAYS;

  void validate(picocli.CommandLine cl) {
    if (drillDown < 0 || drillDown > 1000) {
      throw new picocli.CommandLine.ParameterException(cl, "--drill-down must be between 0 and 1000");
    }
    if (comingDueDays < 0 || comingDueDays > 366) {
      throw new picocli.CommandLine.ParameterException(cl, "--coming-due must be between 0 and 366 days");
    }
  }
}

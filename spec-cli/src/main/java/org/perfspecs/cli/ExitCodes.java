package org.perfspecs.cli;

/** The command line's documented exit codes. */
final class ExitCodes {
  static final int CLEAN = 0;
  static final int FAIL_ON = 1;
  static final int INPUT_REJECTED = 2;
  static final int USAGE = 3;
  static final int INTERNAL = 4;

  private ExitCodes() {}
}

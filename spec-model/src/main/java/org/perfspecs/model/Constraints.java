package org.perfspecs.model;

/** Shared constraint values. */
final class Constraints {
  /**
   * A string with at least one non-whitespace character. Used with {@code @Pattern} on optional
   * strings, because {@code @NotBlank} would reject an absent value.
   */
  static final String NON_BLANK = "(?s).*\\S.*";

  private Constraints() {}
}

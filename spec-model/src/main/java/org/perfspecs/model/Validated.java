package org.perfspecs.model;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The result of reading untrusted input: a valid value, or the violations that reject it.
 *
 * @param <T> the model type read
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Validated<T> {
  private final T value;
  private final List<Violation> violations;

  private Validated(T value, List<Violation> violations) {
    this.value = value;
    this.violations = violations;
  }

  static <T> Validated<T> valid(T value) {
    return new Validated<>(value, List.of());
  }

  /** A rejection of input that could not even be read as a record (used by record readers). */
  public static <T> Validated<T> rejectedInput(List<Violation> violations) {
    return rejected(violations);
  }

  static <T> Validated<T> rejected(List<Violation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a rejection needs at least one violation");
    }
    return new Validated<>(null, ImmutableList.copyOf(violations));
  }

  /** Whether the input was accepted. */
  public boolean isValid() {
    return value != null;
  }

  /** The value, when valid. */
  public Optional<T> value() {
    return Optional.ofNullable(value);
  }

  /** The violations; empty when valid. */
  public List<Violation> violations() {
    return violations;
  }

  /**
   * The value.
   *
   * @throws IllegalStateException naming the violations when the input was rejected
   */
  public T orElseThrow() {
    if (value == null) {
      throw new IllegalStateException("rejected: " + violations);
    }
    return value;
  }
}

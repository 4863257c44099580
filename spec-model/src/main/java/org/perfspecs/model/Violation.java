package org.perfspecs.model;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One reason a record was rejected: the JSON path of the offending value ({@code $} is the record
 * itself, e.g. {@code $.episode.contacts[2].minutes}) and a message that names the rule, never the
 * value (so member data is never echoed).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Violation {
  private final String path;
  private final String message;

  private Violation(String path, String message) {
    this.path = requireNonNull(path, "path");
    this.message = requireNonNull(message, "message");
  }

  /** A violation at {@code path} (a JSON path starting with {@code $}). */
  public static Violation of(String path, String message) {
    if (!path.startsWith("$")) {
      throw new IllegalArgumentException("path must start with $: " + path);
    }
    return new Violation(path, message);
  }

  /** The JSON path of the offending value. */
  public String path() {
    return path;
  }

  /** What is wrong, without the value. */
  public String message() {
    return message;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Violation v && v.path.equals(path) && v.message.equals(message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, message);
  }

  /** {@code path: message}. */
  @Override
  public String toString() {
    return path + ": " + message;
  }
}

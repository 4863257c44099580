package org.perfspecs.fhir;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One problem found while reading FHIR: where (file, line, and a FHIRPath location such as {@code
 * Bundle.entry[3].resource.ofType(Encounter).period}), how serious, and what, in words that never
 * echo a value from the input (only the ids of resources may appear).
 *
 * <p>An {@link Severity#ERROR} rejected something (a line, a resource, or a record); a {@link
 * Severity#WARNING} is a loss in the mapping (an unmapped code, a default used) on something that
 * was still read. Immutable.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class FhirProblem {
  /** How serious a problem is. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public enum Severity {
    /** Something was rejected: a line, a resource or a record. */
    ERROR,
    /** Something was read with a loss (an unmapped code, a default). */
    WARNING
  }

  private final Severity severity;
  private final String file;
  private final long line;
  private final String location;
  private final String message;

  private FhirProblem(Severity severity, String file, long line, String location, String message) {
    this.severity = requireNonNull(severity, "severity");
    this.file = file;
    this.line = line;
    this.location = requireNonNull(location, "location");
    this.message = requireNonNull(message, "message");
  }

  /**
   * A problem.
   *
   * @param severity ERROR or WARNING
   * @param file the file name, or {@code null} when read from memory
   * @param line the 1-based line, or 0 when not known (a Bundle given as an object)
   * @param location a FHIRPath location; never {@code null}
   * @param message what is wrong, without any value from the input
   */
  public static FhirProblem of(Severity severity, String file, long line, String location, String message) {
    if (line < 0) {
      throw new IllegalArgumentException("line must be 0 (unknown) or positive");
    }
    return new FhirProblem(severity, file, line, location, message);
  }

  /** ERROR or WARNING. */
  public Severity severity() {
    return severity;
  }

  /** The file it was read from, when read from a file. */
  public Optional<String> file() {
    return Optional.ofNullable(file);
  }

  /** The 1-based line, or 0 when not known. */
  public long line() {
    return line;
  }

  /** The FHIRPath location. */
  public String location() {
    return location;
  }

  /** What is wrong (never a value from the input). */
  public String message() {
    return message;
  }

  /** The same problem located in {@code file} at {@code line}. */
  FhirProblem at(String file, long line) {
    return new FhirProblem(severity, file, line, location, message);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FhirProblem p && p.severity == severity && Objects.equals(p.file, file) && p.line == line
        && p.location.equals(location) && p.message.equals(message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(severity, file, line, location, message);
  }

  /** {@code FILE line N: FHIRPATH: message (SEVERITY)}, leaving out what is not known. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    if (file != null) {
      b.append(file);
      if (line > 0) {
        b.append(" line ").append(line);
      }
      b.append(": ");
    } else if (line > 0) {
      b.append("line ").append(line).append(": ");
    }
    return b.append(location).append(": ").append(message).append(" (").append(severity).append(')').toString();
  }
}

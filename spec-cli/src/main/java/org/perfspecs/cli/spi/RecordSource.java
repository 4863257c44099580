package org.perfspecs.cli.spi;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Program;

/**
 * Case records read from an {@link InputFormat}, one entry at a time: a valid record, or a
 * rejection with where it was (file and line) and its problems (each a location and a message that
 * never echoes member data). Not thread-safe.
 *
 * <p>How the command line treats a source that fails: an {@link IOException} (or {@link
 * java.io.UncheckedIOException}) from {@link #next()} means the input cannot be read any further
 * ({@code FILE: cannot be read (...)}; what was read is counted and the run goes on). Any other
 * RuntimeException from {@link #next()} is a bug of the format: it counts as one entry read and
 * rejected ({@code internal error (Type)}, reported with the exception's type and where it was
 * thrown, never its message, which must not carry member data anyway), and {@link #next()} is
 * called again, so a source should have moved past what failed; after 10 such failures in a row
 * without an entry between them the source is taken as unable to advance and no longer read. A
 * RuntimeException from {@link #programs()}, {@link #summary()} or {@link #close()} is reported and
 * counted as an internal error, and the run goes on without what it would have given. Any internal
 * error makes the command exit with 4.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public interface RecordSource extends Closeable {
  /**
   * The next entry, or empty at the end.
   *
   * @throws IOException if the input cannot be read any further
   */
  Optional<Entry> next() throws IOException;

  /**
   * The programs the input describes (e.g. FHIR Organizations with their services, locations and
   * staff), asked for once after the last record. The command line evaluates each whose id no
   * {@code --programs} profile has (a profile wins). Default: none.
   */
  default List<Program> programs() {
    return List.of();
  }

  /** Lines for the closing summary (what was read, ignored, rejected, not mapped). Default: none. */
  default List<String> summary() {
    return List.of();
  }

  /** A record read, or a rejection. Immutable. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  final class Entry {
    private final String where;
    private final long line;
    private final CaseRecord record;
    private final List<String> problems;

    private Entry(String where, long line, CaseRecord record, List<String> problems) {
      this.where = Objects.requireNonNull(where, "where");
      this.line = line;
      this.record = record;
      this.problems = List.copyOf(problems);
    }

    /** A valid record read at {@code where} (e.g. {@code bundles.ndjson line 3}). */
    public static Entry record(String where, long line, CaseRecord record) {
      return new Entry(where, line, Objects.requireNonNull(record, "record"), List.of());
    }

    /** A rejection at {@code where}, with at least one problem ({@code LOCATION: message}). */
    public static Entry rejected(String where, long line, List<String> problems) {
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("a rejection needs at least one problem");
      }
      return new Entry(where, line, null, problems);
    }

    /** Where it was read, for messages. */
    public String where() {
      return where;
    }

    /** The 1-based line, or 0. */
    public long line() {
      return line;
    }

    /** The record, when valid. */
    public Optional<CaseRecord> record() {
      return Optional.ofNullable(record);
    }

    /** The problems of a rejection; empty for a record. */
    public List<String> problems() {
      return problems;
    }
  }
}

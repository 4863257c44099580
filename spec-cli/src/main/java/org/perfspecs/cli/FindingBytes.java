package org.perfspecs.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.perfspecs.checks.Basis;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Requirement;
import org.perfspecs.checks.time.Deadline;

/**
 * A subject's findings rendered straight to UTF-8 bytes, once, for {@code check --format csv} and
 * {@code --format json} (and {@code --output}'s findings file): the bytes {@link
 * FindingOutput#csv(StringBuilder, Finding, boolean)} (each line ended by {@link
 * System#lineSeparator()}) and {@link FindingOutput#jsonLines} give, encoded with {@link
 * String#getBytes}, without the builder, the string and the copy between them.
 *
 * <p>The cells a requirement fixes (id, specification, section, strength, subject kind; citation
 * and its verbatim text) are escaped and encoded once per requirement and run, in a concurrent
 * map the workers share (entries are immutable; a requirement is stateless, so two workers that
 * compute the same entry compute the same bytes). Thread-safe.
 */
final class FindingBytes {
  /** An average CSV line of a typical record, without the citation text: the first guess of a buffer's size. */
  private static final int CSV_LINE_BYTES = 448;
  private static final int JSON_LINE_BYTES = 768;

  private final Set<Outcome> only;
  private final boolean withCitationText;
  private final byte[][] outcomeCells;
  private final ConcurrentHashMap<Requirement, Constants> constants = new ConcurrentHashMap<>();

  /** The encoded cells of one requirement: those before the subject's id, and those after the evidence. */
  private record Constants(Requirement requirement, Basis subjectKind, byte[] head, byte[] tail) {}

  /**
   * @param only the outcomes whose findings are written
   * @param withCitationText add each requirement's verbatim text ({@code --with-citations})
   */
  FindingBytes(Set<Outcome> only, boolean withCitationText) {
    this.only = only.isEmpty() ? EnumSet.noneOf(Outcome.class) : EnumSet.copyOf(only);
    this.withCitationText = withCitationText;
    Outcome[] outcomes = Outcome.values();
    outcomeCells = new byte[outcomes.length][];
    for (Outcome o : outcomes) {
      Utf8Buffer b = new Utf8Buffer(16);
      b.ascii(',');
      b.csvCell(o.name());
      outcomeCells[o.ordinal()] = b.toByteArray();
    }
  }

  /** The CSV lines of the findings whose outcome is written, each ended by {@link System#lineSeparator()}. */
  Utf8Buffer csv(List<Finding> findings) {
    Utf8Buffer b = new Utf8Buffer(findings.size() * (withCitationText ? 3 * CSV_LINE_BYTES : CSV_LINE_BYTES));
    for (int i = 0, n = findings.size(); i < n; i++) {
      Finding f = findings.get(i);
      if (only.contains(f.outcome())) {
        csv(b, f);
      }
    }
    return b;
  }

  private void csv(Utf8Buffer b, Finding f) {
    Requirement r = f.requirement();
    Constants c = constants(r, f.subjectKind());
    b.append(c.head);
    b.csvCell(f.subjectId());
    b.ascii(',');
    Optional<String> memberId = f.memberId();
    if (memberId.isPresent()) {
      b.csvCell(memberId.get());
    }
    b.ascii(',');
    b.csvCell(f.programId());
    b.append(outcomeCells[f.outcome().ordinal()]);
    b.ascii(',');
    Optional<Deadline> due = f.due();
    if (due.isPresent()) {
      b.csvCell(due.get().last().toString());
    }
    b.ascii(',');
    b.csvCell(f.reason());
    b.ascii(',');
    evidence(b, f.evidence());
    b.append(c.tail);
  }

  /** The evidence cell, {@code kind:id} separated by spaces, quoted as one cell. */
  private static void evidence(Utf8Buffer b, List<Evidence> evidence) {
    int n = evidence.size();
    if (n == 0) {
      return;
    }
    boolean quote = false;
    for (int i = 0; i < n && !quote; i++) {
      Evidence e = evidence.get(i);
      quote = Utf8Buffer.needsQuotes(e.kind()) || Utf8Buffer.needsQuotes(e.id());
    }
    if (quote) {
      b.ascii('"');
    }
    String first = evidence.get(0).kind();
    if (!first.isEmpty() && Utf8Buffer.isFormulaStart(first.charAt(0))) {
      b.ascii('\'');
    }
    for (int i = 0; i < n; i++) {
      Evidence e = evidence.get(i);
      if (i > 0) {
        b.ascii(' ');
      }
      b.encode(e.kind(), quote);
      b.ascii(':');
      b.encode(e.id(), quote);
    }
    if (quote) {
      b.ascii('"');
    }
  }

  private Constants constants(Requirement r, Basis subjectKind) {
    Constants c = constants.get(r);
    if (c == null) {
      c = constants.computeIfAbsent(r, k -> constantsOf(k, subjectKind));
    }
    // a requirement that is equal to another but not the same, or a subject kind of its own: not cached
    return c.requirement == r && c.subjectKind == subjectKind ? c : constantsOf(r, subjectKind);
  }

  private Constants constantsOf(Requirement r, Basis subjectKind) {
    Utf8Buffer head = new Utf8Buffer(128);
    head.csvCell(r.id());
    head.ascii(',');
    head.csvCell(r.specKey());
    head.ascii(',');
    head.csvCell(r.citation().section());
    head.ascii(',');
    head.csvCell(r.strength().name());
    head.ascii(',');
    head.csvCell(subjectKind.name());
    head.ascii(',');
    Utf8Buffer tail = new Utf8Buffer(256);
    tail.ascii(',');
    tail.csvCell(r.citation().reference());
    if (withCitationText) {
      tail.ascii(',');
      tail.csvCell(r.citation().text());
    }
    tail.utf8(System.lineSeparator());
    return new Constants(r, subjectKind, head.toByteArray(), tail.toByteArray());
  }

  /** The NDJSON lines of the findings whose outcome is written, as {@link FindingOutput#jsonLines} writes them. */
  Utf8Buffer json(List<Finding> findings) {
    Utf8Buffer b = new Utf8Buffer(findings.size() * JSON_LINE_BYTES);
    Writer w = b.writer();
    try (JsonGenerator g = FindingOutput.ndjson(w)) {
      for (int i = 0, n = findings.size(); i < n; i++) {
        Finding f = findings.get(i);
        if (only.contains(f.outcome())) {
          FindingOutput.json(g, f, withCitationText);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // the buffer does not fail
    }
    try {
      w.close(); // the generator does not close its target
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b;
  }
}

package org.perfspecs.cli;

import java.time.Instant;
import java.time.LocalDate;
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
 * System#lineSeparator()}) and {@link FindingOutput#jsonLines} (through {@link
 * org.perfspecs.checks.engine.FindingJson}) give, encoded with {@link String#getBytes}, without a
 * builder, a string or a generator between them (OutputBytesTest holds them equal).
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
  private final byte[][] outcomeFields;
  private final ConcurrentHashMap<Requirement, Constants> constants = new ConcurrentHashMap<>();

  /**
   * The encoded parts of a line that one requirement fixes: in CSV the cells before the subject's
   * id and those after the evidence (with the line end), in JSON the fields before the subject's
   * id's value and those after the evidence array.
   */
  private record Constants(Requirement requirement, Basis subjectKind, byte[] head, byte[] tail, byte[] jsonHead,
      byte[] jsonTail) {}

  /**
   * @param only the outcomes whose findings are written
   * @param withCitationText add each requirement's verbatim text ({@code --with-citations})
   */
  FindingBytes(Set<Outcome> only, boolean withCitationText) {
    this.only = only.isEmpty() ? EnumSet.noneOf(Outcome.class) : EnumSet.copyOf(only);
    this.withCitationText = withCitationText;
    Outcome[] outcomes = Outcome.values();
    outcomeCells = new byte[outcomes.length][];
    outcomeFields = new byte[outcomes.length][];
    for (Outcome o : outcomes) {
      Utf8Buffer b = new Utf8Buffer(16);
      b.ascii(',');
      b.csvCell(o.name());
      outcomeCells[o.ordinal()] = b.toByteArray();
      Utf8Buffer field = new Utf8Buffer(32);
      field.ascii(",\"outcome\":");
      field.jsonString(o.name());
      outcomeFields[o.ordinal()] = field.toByteArray();
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
    Utf8Buffer jsonHead = new Utf8Buffer(256);
    jsonHead.ascii("{\"requirementId\":");
    jsonHead.jsonString(r.id());
    jsonHead.ascii(",\"spec\":");
    jsonHead.jsonString(r.specKey());
    jsonHead.ascii(",\"section\":");
    jsonHead.jsonString(r.citation().section());
    jsonHead.ascii(",\"strength\":");
    jsonHead.jsonString(r.strength().name());
    jsonHead.ascii(",\"subjectKind\":");
    jsonHead.jsonString(subjectKind.name());
    jsonHead.ascii(",\"subjectId\":");
    Utf8Buffer jsonTail = new Utf8Buffer(256);
    jsonTail.ascii("],\"citation\":");
    jsonTail.jsonString(r.citation().reference());
    if (withCitationText) {
      jsonTail.ascii(",\"citationText\":");
      jsonTail.jsonString(r.citation().text());
    }
    return new Constants(r, subjectKind, head.toByteArray(), tail.toByteArray(), jsonHead.toByteArray(),
        jsonTail.toByteArray());
  }

  /**
   * The NDJSON lines of the findings whose outcome is written: the bytes {@link
   * FindingOutput#jsonLines} writes through {@link org.perfspecs.checks.engine.FindingJson} (the
   * same fields in the same order, strings escaped as Jackson escapes them), each line ended by
   * {@code \n}.
   */
  Utf8Buffer json(List<Finding> findings) {
    Utf8Buffer b = new Utf8Buffer(findings.size() * (withCitationText ? 2 * JSON_LINE_BYTES : JSON_LINE_BYTES));
    for (int i = 0, n = findings.size(); i < n; i++) {
      Finding f = findings.get(i);
      if (only.contains(f.outcome())) {
        json(b, f);
      }
    }
    return b;
  }

  private void json(Utf8Buffer b, Finding f) {
    Constants c = constants(f.requirement(), f.subjectKind());
    b.append(c.jsonHead);
    b.jsonString(f.subjectId());
    Optional<String> memberId = f.memberId();
    if (memberId.isPresent()) {
      b.ascii(",\"memberId\":");
      b.jsonString(memberId.get());
    }
    b.ascii(",\"programId\":");
    b.jsonString(f.programId());
    b.append(outcomeFields[f.outcome().ordinal()]);
    b.ascii(",\"reason\":");
    b.jsonString(f.reason());
    Optional<Deadline> due = f.due();
    if (due.isPresent()) {
      Deadline d = due.get();
      b.ascii(",\"due\":");
      b.jsonString(d.last().toString());
      b.ascii(",\"dueRule\":");
      b.jsonString(d.description());
    }
    b.ascii(",\"evidence\":[");
    List<Evidence> evidence = f.evidence();
    for (int i = 0, n = evidence.size(); i < n; i++) {
      Evidence e = evidence.get(i);
      b.ascii(i == 0 ? "{\"kind\":" : ",{\"kind\":");
      b.jsonString(e.kind());
      b.ascii(",\"id\":");
      b.jsonString(e.id());
      Optional<Instant> at = e.at();
      if (at.isPresent()) {
        b.ascii(",\"at\":");
        b.jsonString(at.get().toString());
      }
      Optional<LocalDate> date = e.date();
      if (date.isPresent()) {
        b.ascii(",\"date\":");
        b.jsonString(date.get().toString());
      }
      b.ascii(",\"note\":");
      b.jsonString(e.note());
      b.ascii('}');
    }
    b.append(c.jsonTail);
    Optional<String> errorType = f.errorType();
    if (errorType.isPresent()) {
      b.ascii(",\"errorType\":");
      b.jsonString(errorType.get());
    }
    b.ascii('}');
    b.ascii('\n');
  }
}

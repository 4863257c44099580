package org.perfspecs.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Requirement;
import org.perfspecs.checks.engine.FindingJson;
import org.perfspecs.model.ModelJson;

/**
 * Findings as NDJSON (through one Jackson generator, no tree per finding) or CSV, each line
 * readable on its own: requirement, specification, section, strength, subject, member, program,
 * outcome, due, reason, evidence and the short citation (and the verbatim text when asked). The
 * README's "Findings" table documents every field.
 */
final class FindingOutput {
  /** The CSV columns of {@code check --format csv}, without {@code citationText}. */
  static final List<String> CSV_COLUMNS = List.of("requirementId", "spec", "section", "strength", "subjectKind",
      "subjectId", "memberId", "programId", "outcome", "due", "reason", "evidence", "citation");
  /** The columns of {@code failing.csv}: every failing episode and requirement. */
  static final List<String> FAILING_COLUMNS = List.of("requirementId", "spec", "strength", "episodeId", "memberId",
      "programId", "due", "reason", "citation");

  /** The model mapper's factory (thread-safe), shared by every generator of findings. */
  private static final JsonFactory FACTORY = ModelJson.newMapper().getFactory();

  private FindingOutput() {}

  /** NDJSON on {@code w}; flushes the generator's buffer into {@code w} on {@link JsonGenerator#flush()}. */
  static JsonGenerator ndjson(Writer w) {
    try {
      JsonGenerator g = FACTORY.createGenerator(w);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setRootValueSeparator(null); // one object per line, no space before the next

      return g;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void json(JsonGenerator g, Finding f, boolean withCitationText) {
    try {
      FindingJson.write(g, f, withCitationText);
      g.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The NDJSON lines of the findings whose outcome is in {@code only}, exactly as {@link #json}
   * writes them one by one on one generator (thread-safe: a generator of its own).
   */
  static String jsonLines(List<Finding> findings, java.util.Set<Outcome> only, boolean withCitationText) {
    StringWriter w = new StringWriter(findings.size() * 768);
    try (JsonGenerator g = ndjson(w)) {
      for (Finding f : findings) {
        if (only.contains(f.outcome())) {
          json(g, f, withCitationText);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return w.toString();
  }

  static String csvHeader(boolean withCitationText) {
    List<String> columns = new ArrayList<>(CSV_COLUMNS);
    if (withCitationText) {
      columns.add("citationText");
    }
    return Csv.line(columns);
  }

  /** One CSV line (no line end); evidence as {@code kind:id} separated by spaces. */
  static String csv(Finding f, boolean withCitationText) {
    StringBuilder b = new StringBuilder(512);
    csv(b, f, withCitationText);
    return b.toString();
  }

  /** Appends what {@link #csv(Finding, boolean)} returns, without the intermediate cells. */
  static void csv(StringBuilder b, Finding f, boolean withCitationText) {
    Requirement r = f.requirement();
    Csv.append(b, r.id());
    cell(b, r.specKey());
    cell(b, r.citation().section());
    cell(b, r.strength().name());
    cell(b, f.subjectKind().name());
    cell(b, f.subjectId());
    cell(b, f.memberId().orElse(""));
    cell(b, f.programId());
    cell(b, f.outcome().name());
    cell(b, f.due().isPresent() ? f.due().get().last().toString() : "");
    cell(b, f.reason());
    cell(b, evidence(f.evidence()));
    cell(b, r.citation().reference());
    if (withCitationText) {
      cell(b, r.citation().text());
    }
  }

  private static void cell(StringBuilder b, String s) {
    b.append(',');
    Csv.append(b, s);
  }

  private static String evidence(List<Evidence> evidence) {
    if (evidence.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder(evidence.size() * 24);
    for (int i = 0; i < evidence.size(); i++) {
      Evidence e = evidence.get(i);
      if (i > 0) {
        b.append(' ');
      }
      b.append(e.kind()).append(':').append(e.id());
    }
    return b.toString();
  }

  /** One line of {@code failing.csv} for a NOT_MET episode finding. */
  static String failing(Finding f) {
    Requirement r = f.requirement();
    return Csv.line(List.of(r.id(), r.specKey(), r.strength().name(), f.subjectId(), f.memberId().orElse(""),
        f.programId(), f.due().map(d -> d.last().toString()).orElse(""), f.reason(), r.citation().reference()));
  }
}

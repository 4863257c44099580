package org.perfspecs.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Requirement;
import org.perfspecs.checks.engine.FindingJson;
import org.perfspecs.model.ModelJson;

/**
 * The findings output as {@code check --format csv|json} rendered it before issue 19's second
 * output pass (kept here, frozen, as the reference the byte renderer must equal): CSV cells
 * appended to a {@link StringBuilder} one by one, each line ended by {@link System#lineSeparator()},
 * NDJSON through one Jackson generator over a {@link StringWriter}, both then encoded as UTF-8 with
 * {@link String#getBytes} (a lone surrogate becomes {@code ?}).
 */
final class LegacyRendering {
  private LegacyRendering() {}

  static byte[] csv(List<Finding> findings, Set<Outcome> only, boolean withCitationText) {
    StringBuilder b = new StringBuilder(findings.size() * 512);
    for (Finding f : findings) {
      if (only.contains(f.outcome())) {
        csv(b, f, withCitationText);
        b.append(System.lineSeparator());
      }
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] json(List<Finding> findings, Set<Outcome> only, boolean withCitationText) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = ModelJson.newMapper().getFactory().createGenerator(w)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setRootValueSeparator(null);
      for (Finding f : findings) {
        if (only.contains(f.outcome())) {
          FindingJson.write(g, f, withCitationText);
          g.writeRaw('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString().getBytes(StandardCharsets.UTF_8);
  }

  static void csv(StringBuilder b, Finding f, boolean withCitationText) {
    Requirement r = f.requirement();
    cell(b, r.id());
    comma(b, r.specKey());
    comma(b, r.citation().section());
    comma(b, r.strength().name());
    comma(b, f.subjectKind().name());
    comma(b, f.subjectId());
    comma(b, f.memberId().orElse(""));
    comma(b, f.programId());
    comma(b, f.outcome().name());
    comma(b, f.due().isPresent() ? f.due().get().last().toString() : "");
    comma(b, f.reason());
    StringBuilder ev = new StringBuilder();
    List<Evidence> evidence = f.evidence();
    for (int i = 0; i < evidence.size(); i++) {
      if (i > 0) {
        ev.append(' ');
      }
      ev.append(evidence.get(i).kind()).append(':').append(evidence.get(i).id());
    }
    comma(b, ev.toString());
    comma(b, r.citation().reference());
    if (withCitationText) {
      comma(b, r.citation().text());
    }
  }

  private static void comma(StringBuilder b, String s) {
    b.append(',');
    cell(b, s);
  }

  /** The cell rule: a formula start gets a leading {@code '}; quoted when it holds , " CR or LF. */
  static void cell(StringBuilder b, String s) {
    boolean formula = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0;
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      if (formula) {
        b.append('\'');
      }
      b.append(s);
      return;
    }
    b.append('"');
    if (formula) {
      b.append('\'');
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        b.append('"');
      }
      b.append(c);
    }
    b.append('"');
  }
}

package org.perfspecs.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Times;
import org.perfspecs.checks.engine.Aggregate;

/** The readable report of {@code perfspecs check --format text}. */
final class TextReport {
  private TextReport() {}

  /**
   * {@code s} with every character a terminal may act on written as {@code \\uXXXX}: C0 controls
   * (ESC, BEL, CR, ...), DEL, C1 controls, unpaired surrogates, line and paragraph separators and
   * the bidirectional formatting characters. Ids come from the input; printed raw, {@code E\\u001b[2J}
   * would clear the screen.
   */
  static String safe(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
      boolean escape = !pair && (c < 0x20 || (c >= 0x7F && c <= 0x9F) || Character.isSurrogate(c)
          || c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
          || c == 0x200E || c == 0x200F || c == 0x061C);
      if (escape && b == null) {
        b = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (escape) {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else if (b != null) {
        b.append(c);
        if (pair) {
          b.append(s.charAt(i + 1));
        }
      }
      if (pair) {
        i++;
      }
    }
    return b == null ? s : b.toString();
  }

  static void header(PrintWriter out, EvaluationContext ctx) {
    out.println("perfspecs compliance report");
    out.println("as of " + Times.format(ctx.asOf(), ctx.zone()) + " (" + ctx.asOf() + "); business days: "
        + ctx.calendar());
  }

  static void subject(PrintWriter out, EvaluationContext ctx, String subject, List<Finding> findings) {
    out.println();
    out.println(safe(subject));
    if (findings.isEmpty()) {
      out.println("  (no requirements of this kind are encoded yet for this service)");
    }
    for (Finding f : findings) {
      String dueAt = f.due().map(d -> Times.format(d.last(), ctx.zone())).orElse("?");
      String due = f.outcome() == Outcome.PENDING && !f.reason().contains(dueAt) ? " [due " + dueAt + "]" : "";
      out.printf(Locale.ROOT, "  %-14s %-18s %s%s%n", f.outcome(), f.requirementId(), safe(f.reason()), due);
    }
  }

  static void aggregate(PrintWriter out, Aggregate aggregate) {
    out.println();
    out.println("Compliance by requirement (rate = MET / (MET + NOT_MET))");
    out.printf(Locale.ROOT, "  %-20s %-6s %5s %7s %7s %5s %6s %6s %5s %6s%n",
        "requirement", "", "MET", "NOT_MET", "PENDING", "N/A", "UNDET", "N/EVAL", "ERROR", "rate");
    for (Aggregate.Row row : aggregate.rows()) {
      if (row.level() == Aggregate.Level.PROGRAM) {
        continue;
      }
      String label = switch (row.level()) {
        case SPECIFICATION -> row.key();
        case SECTION -> " " + row.key();
        default -> "  " + row.key();
      };
      var c = row.counts();
      out.printf(Locale.ROOT, "  %-20s %-6s %5d %7d %7d %5d %6d %6d %5d %6s%n", label, row.strength(),
          c.get(Outcome.MET), c.get(Outcome.NOT_MET), c.get(Outcome.PENDING), c.get(Outcome.NOT_APPLICABLE),
          c.get(Outcome.UNDETERMINED), c.get(Outcome.NOT_EVALUATED), c.get(Outcome.ERROR),
          row.complianceRate().isPresent() ? String.format(Locale.ROOT, "%.0f%%", 100 * row.complianceRate().getAsDouble()) : "-");
    }
  }
}

package org.perfspecs.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Times;
import org.perfspecs.checks.engine.DueItem;
import org.perfspecs.checks.engine.Worklist;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Program;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code perfspecs due}: per episode, what is due as of a time (the library's {@code Engine.due}). */
@Command(name = "due", mixinStandardHelpOptions = true,
    description = {
        "Lists, for each episode (and program profile) with something due, the obligations with a deadline that are not met as of "
            + "--as-of: overdue ones (NOT_MET with a due time) first, then open ones (PENDING), each by due time, "
            + "with the time left, the citation and the requirement's own words.",
        "Rejected records are reported on stderr as by check; the summary goes to stderr."})
final class DueCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  InputOptions in;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (Evaluation.unreadable(in, err)) {
      return ExitCodes.INPUT_REJECTED;
    }
    EvaluationContext ctx = in.context(spec.commandLine());
    out.println("What is due as of " + Times.format(ctx.asOf(), ctx.zone()) + " (" + ctx.asOf() + ")");
    long[] nothingDue = new long[1];
    Evaluation ev = Evaluation.run(in, ctx, new Evaluation.FindingSink() {
      @Override
      public void program(Program program, List<Finding> findings) {
        nothingDue[0] += print(out, ctx, "Program " + program.id(), Worklist.of(findings, ctx.asOf()));
      }

      @Override
      public void record(CaseRecord record, long line, List<Finding> findings) {
        nothingDue[0] += print(out, ctx, "Episode " + record.episode().id() + " (" + record.episode().service() + " at "
            + record.episode().programId() + ", member " + record.member().id() + ", line " + line + ")",
            Worklist.of(findings, ctx.asOf()));
      }
    }, err);
    out.println();
    out.println(nothingDue[0] + " episode(s) or program(s) with nothing due");
    out.flush();
    ev.printSummary(err);
    return ev.exitCode(java.util.Set.of());
  }

  /** Prints the worklist of one subject; returns 1 when nothing is due (and prints nothing), else 0. */
  private static int print(PrintWriter out, EvaluationContext ctx, String subject, Worklist worklist) {
    if (worklist.isEmpty()) {
      return 1;
    }
    out.println();
    out.println(TextReport.safe(subject) + ": " + worklist.overdue().size() + " overdue, " + worklist.open().size() + " open");
    for (DueItem i : worklist.items()) {
      out.printf(Locale.ROOT, "  %-8s %-18s due %s (%s)%n", i.overdue() ? "OVERDUE" : "open", i.requirementId(),
          Times.format(i.due(), ctx.zone()), timeLeft(i.timeLeft()));
      out.println("           " + i.citation());
      out.println("           \u201c" + i.obligation().replaceAll("\\s+", " ").trim() + "\u201d");
    }
    return 0;
  }

  /** {@code in 2 d 3 h}, {@code in 45 min}, {@code now}, {@code 3 d 1 h ago}. */
  static String timeLeft(Duration left) {
    Duration d = left.abs();
    long days = d.toDays();
    long hours = d.toHoursPart();
    long minutes = d.toMinutesPart();
    String span = days > 0 ? days + " d " + hours + " h" : hours > 0 ? hours + " h " + minutes + " min" : minutes + " min";
    if (d.toMinutes() == 0) {
      return left.isNegative() ? "just passed" : "now";
    }
    return left.isNegative() ? span + " ago" : "in " + span;
  }
}

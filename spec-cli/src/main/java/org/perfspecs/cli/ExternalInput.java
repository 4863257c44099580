package org.perfspecs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.engine.Aggregate;
import org.perfspecs.cli.spi.InputFormat;
import org.perfspecs.cli.spi.RecordSource;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Program;

/**
 * Case records read through an {@link InputFormat} ({@code --from NAME}) into an {@link Evaluation}.
 *
 * <p>As on the NDJSON path, an internal failure on one entry never stops the run: a
 * RuntimeException thrown by {@link RecordSource#next()} counts one entry read and rejected ({@code
 * internal error (Type)}, reported with the exception's type and where it was thrown, never its
 * message) and reading goes on with the next entry; so does a failure while evaluating a record,
 * working out its part of the aggregate, or rendering or writing its findings (other than an
 * {@link UncheckedIOException} of the output, which stops the command as on the NDJSON path). A
 * source that fails {@value #MAX_CONSECUTIVE_FAILURES} times in a row without giving an entry is
 * taken as unable to advance: reading it stops there, said on stderr, with what was read counted.
 * A failure of {@link RecordSource#programs()}, {@link RecordSource#summary()} or closing the
 * source is reported and counted as an internal error, and the rest of the run goes on. An {@link
 * IOException} (or {@link UncheckedIOException}) from the source means it cannot be read any
 * further: {@code FILE: cannot be read (...)}, and the run goes on with what was read.
 */
final class ExternalInput {
  private ExternalInput() {}

  /** Failures of {@link RecordSource#next()} in a row, without an entry between, after which reading the source stops. */
  static final int MAX_CONSECUTIVE_FAILURES = 10;

  static void read(InputFormat format, InputOptions in, Evaluation ev, Evaluation.Judge judge, Evaluation.FindingSink sink,
      PrintWriter err) {
    RecordSource source;
    try {
      source = format.open(in.file);
    } catch (IOException | UncheckedIOException ex) {
      cannotBeRead(in, ex, err, ev);
      return;
    } catch (RuntimeException ex) {
      failure(ev, err, format, in.file + ": internal error while opening it as " + format.name(), ex,
          "nothing was read from it", Evaluation.internalErrorReason(false, ex));
      return;
    }
    try {
      records(format, in, source, ev, judge, sink, err);
      programs(format, source, ev, judge, sink, err);
      try {
        ev.extraSummary = List.copyOf(source.summary());
      } catch (RuntimeException ex) {
        failure(ev, err, format, in.file + ": internal error while summing up the " + format.name() + " input", ex,
            "its summary lines are left out", null);
      }
    } finally {
      try {
        source.close();
      } catch (IOException | UncheckedIOException ex) {
        cannotBeRead(in, ex, err, ev);
      } catch (RuntimeException ex) {
        failure(ev, err, format, in.file + ": internal error while closing the " + format.name() + " input", ex,
            "everything read was counted", null);
      }
    }
  }

  private static void records(InputFormat format, InputOptions in, RecordSource source, Evaluation ev,
      Evaluation.Judge judge, Evaluation.FindingSink sink, PrintWriter err) {
    long entries = 0; // entries of this source, failures included: where an entry without a place is
    int failuresInARow = 0;
    while (true) {
      Optional<RecordSource.Entry> next;
      try {
        next = source.next();
      } catch (IOException | UncheckedIOException ex) {
        cannotBeRead(in, ex, err, ev);
        return;
      } catch (RuntimeException ex) {
        entries++;
        ev.read++;
        ev.rejected++;
        failuresInARow++;
        boolean stop = failuresInARow >= MAX_CONSECUTIVE_FAILURES;
        failure(ev, err, format, in.file + " entry " + entries + ": internal error while reading it as " + format.name(), ex,
            "the entry was skipped", Evaluation.internalErrorReason(false, ex));
        if (stop) {
          err.println(in.file + ": reading stopped after " + failuresInARow + " failures in a row of the " + format.name()
              + " input (it does not advance); " + ev.read + " records read");
          return;
        }
        continue;
      }
      if (next.isEmpty()) {
        return;
      }
      failuresInARow = 0;
      entries++;
      RecordSource.Entry entry = next.get();
      String where = entry.where().isEmpty() ? in.file + " entry " + entries : entry.where();
      ev.read++;
      if (entry.record().isPresent()) {
        record(entry.record().get(), entry.line(), where, ev, judge, sink, err);
      } else {
        ev.rejected++;
        ev.inputProblem = true;
        for (String problem : entry.problems()) {
          err.println(where + ": " + problem);
        }
        String first = entry.problems().get(0);
        // the reason without positions, so that one kind of problem is counted once
        ev.rejectedByReason.merge(format.name() + ": " + first.replaceAll("\\[\\d+]", "[]"), 1L, Long::sum);
      }
    }
  }

  /**
   * One valid record: evaluated, its aggregate delta and rendering worked out, its findings
   * written, then added to the aggregate; a failure at any step but writing the output skips it
   * (rejected, internal error). A sink that renders inside {@link Evaluation.FindingSink#record}
   * may have written part of a record it then failed on.
   */
  private static void record(CaseRecord record, long line, String where, Evaluation ev, Evaluation.Judge judge,
      Evaluation.FindingSink sink, PrintWriter err) {
    List<Finding> findings;
    boolean writing = false;
    try {
      findings = judge.evaluate(record, ev.ctx);
      Aggregate.Delta delta = Aggregate.delta(record, findings);
      Object rendered = sink.render(record, line, findings);
      writing = true;
      sink.record(record, line, findings, rendered);
      writing = false;
      ev.aggregate.add(delta);
    } catch (RuntimeException ex) {
      if (writing && ex instanceof UncheckedIOException) {
        throw ex; // the output cannot be written: the command stops, as on the NDJSON path
      }
      ev.rejected++;
      ev.internalError(err, where, "record", ex);
      return;
    }
    ev.evaluated++;
    ev.lists.add(findings);
    ev.count(findings);
  }

  private static void programs(InputFormat format, RecordSource source, Evaluation ev, Evaluation.Judge judge,
      Evaluation.FindingSink sink, PrintWriter err) {
    List<Program> programs;
    try {
      programs = List.copyOf(source.programs());
    } catch (RuntimeException ex) {
      failure(ev, err, format, format.name() + " programs: internal error while reading them", ex,
          "no program of the input was evaluated", Evaluation.internalErrorReason(true, ex));
      return;
    }
    for (Program program : programs) {
      if (ev.programIds.contains(program.id())) {
        continue; // the --programs profile wins
      }
      ev.programsRead++;
      List<Finding> findings;
      boolean writing = false;
      try {
        findings = judge.evaluate(program, ev.ctx);
        writing = true;
        sink.program(program, findings);
      } catch (RuntimeException ex) {
        if (writing && ex instanceof UncheckedIOException) {
          throw ex; // the output cannot be written
        }
        ev.internalError(err, format.name() + " program " + program.id(), "program", ex);
        continue;
      }
      ev.programsEvaluated++;
      findings.forEach(ev.aggregate::add);
      ev.lists.add(findings);
      ev.count(findings);
    }
  }

  /**
   * An internal failure outside the evaluation of one record or program: {@code what}, the
   * exception's type and where it was thrown (never its message), {@code consequence}; counted as an
   * internal error, and under {@code reason} among the rejections when it rejected an entry or the
   * programs ({@code null}: none). The line says whose bug it is: perfspecs' for its own formats,
   * the format's authors' for a format from another jar (its class is named).
   */
  private static void failure(Evaluation ev, PrintWriter err, InputFormat format, String what, RuntimeException ex,
      String consequence, String reason) {
    ev.internalErrors++;
    StackTraceElement[] trace = ex.getStackTrace();
    String at = trace.length == 0 ? ""
        : " at " + trace[0].getClassName() + "." + trace[0].getMethodName() + ":" + trace[0].getLineNumber();
    err.println(what + " (" + ex.getClass().getName() + at + "); " + consequence + ". " + whoseBug(format));
    if (reason != null) {
      ev.rejectedByReason.merge(reason, 1L, Long::sum);
    }
  }

  /** Whom to tell about a failure of {@code format}: perfspecs for its own formats, else the format's authors. */
  static String whoseBug(InputFormat format) {
    String type = format.getClass().getName();
    return type.startsWith("org.perfspecs.")
        ? "This is a perfspecs bug: please report it."
        : "This is a bug in the " + format.name() + " input format (" + type + "): please report it to its authors.";
  }

  private static void cannotBeRead(InputOptions in, Exception ex, PrintWriter err, Evaluation ev) {
    Throwable cause = ex instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : ex;
    err.println(in.file + ": cannot be read (" + (cause.getMessage() == null || cause instanceof java.nio.file.NoSuchFileException
        ? cause.getClass().getSimpleName() : cause.getMessage()) + ")");
    ev.inputProblem = true;
  }
}

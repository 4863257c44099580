package org.perfspecs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.perfspecs.checks.Finding;
import org.perfspecs.cli.spi.InputFormat;
import org.perfspecs.cli.spi.RecordSource;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Program;

/** Case records read through an {@link InputFormat} ({@code --from NAME}) into an {@link Evaluation}. */
final class ExternalInput {
  private ExternalInput() {}

  static void read(InputFormat format, InputOptions in, Evaluation ev, Evaluation.Judge judge, Evaluation.FindingSink sink,
      PrintWriter err) {
    try (RecordSource source = format.open(in.file)) {
      for (Optional<RecordSource.Entry> e = source.next(); e.isPresent(); e = source.next()) {
        RecordSource.Entry entry = e.get();
        ev.read++;
        if (entry.record().isPresent()) {
          CaseRecord record = entry.record().get();
          List<Finding> findings;
          try {
            findings = judge.evaluate(record, ev.ctx);
            ev.aggregate.add(record, findings);
          } catch (RuntimeException ex) {
            ev.rejected++;
            ev.internalError(err, entry.where(), "record", ex);
            continue;
          }
          ev.evaluated++;
          sink.record(record, entry.line(), findings);
          ev.lists.add(findings);
          ev.count(findings);
        } else {
          ev.rejected++;
          ev.inputProblem = true;
          for (String problem : entry.problems()) {
            err.println(entry.where() + ": " + problem);
          }
          String first = entry.problems().get(0);
          // the reason without positions, so that one kind of problem is counted once
          ev.rejectedByReason.merge(format.name() + ": " + first.replaceAll("\\[\\d+]", "[]"), 1L, Long::sum);
        }
      }
      for (Program program : source.programs()) {
        if (ev.programIds.contains(program.id())) {
          continue; // the --programs profile wins
        }
        ev.programsRead++;
        List<Finding> findings;
        try {
          findings = judge.evaluate(program, ev.ctx);
        } catch (RuntimeException ex) {
          ev.internalError(err, format.name() + " program " + program.id(), "program", ex);
          continue;
        }
        ev.programsEvaluated++;
        sink.program(program, findings);
        findings.forEach(ev.aggregate::add);
        ev.lists.add(findings);
        ev.count(findings);
      }
      ev.extraSummary = source.summary();
    } catch (IOException | UncheckedIOException ex) {
      Throwable cause = ex instanceof UncheckedIOException u ? u.getCause() : ex;
      err.println(in.file + ": cannot be read (" + (cause.getMessage() == null || cause instanceof java.nio.file.NoSuchFileException
          ? cause.getClass().getSimpleName() : cause.getMessage()) + ")");
      ev.inputProblem = true;
    }
  }
}

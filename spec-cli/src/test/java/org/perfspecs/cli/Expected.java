package org.perfspecs.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.checks.engine.RecordReader;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ModelValidator;
import org.perfspecs.model.Program;

/** What the command line must report, computed through the library directly. */
final class Expected {
  final List<Finding> programFindings = new ArrayList<>();
  final List<Finding> episodeFindings = new ArrayList<>();

  static Expected of(Path cases, Path programs, String asOf) throws IOException {
    Expected e = new Expected();
    EvaluationContext ctx = EvaluationContext.asOf(OffsetDateTime.parse(asOf).toInstant());
    Engine engine = Engine.standard();
    ModelValidator validator = ModelValidator.create();
    if (programs != null) {
      for (Program p : read(programs, Program.class, validator)) {
        e.programFindings.addAll(engine.evaluate(p, ctx));
      }
    }
    for (CaseRecord r : read(cases, CaseRecord.class, validator)) {
      e.episodeFindings.addAll(engine.evaluate(r, ctx));
    }
    return e;
  }

  private static <T> List<T> read(Path file, Class<T> type, ModelValidator validator) throws IOException {
    List<T> out = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file); RecordReader<T> reader = RecordReader.of(in, type, validator)) {
      for (Optional<RecordReader.Entry<T>> en = reader.next(); en.isPresent(); en = reader.next()) {
        en.get().result().value().ifPresent(out::add);
      }
    }
    return out;
  }

  int total() {
    return programFindings.size() + episodeFindings.size();
  }

  /** The summary line the command prints, e.g. {@code findings: 43 (MET 19, NOT_MET 8, ...)}. */
  String summaryLine() {
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    programFindings.forEach(f -> counts.merge(f.outcome(), 1, Integer::sum));
    episodeFindings.forEach(f -> counts.merge(f.outcome(), 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    for (Outcome o : Outcome.values()) {
      parts.add(o + " " + counts.getOrDefault(o, 0));
    }
    return "findings: " + total() + " (" + String.join(", ", parts) + ")";
  }
}

package org.perfspecs.fhir;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.hl7.fhir.r4.model.Resource;
import org.perfspecs.cli.spi.FindingWriter;
import org.perfspecs.cli.spi.InputFormat;
import org.perfspecs.cli.spi.RecordSource;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Program;

/**
 * The command line's {@code fhir} format ({@code check --from fhir PATH}, {@code --findings-as
 * fhir}, {@code convert}), registered through {@link java.util.ServiceLoader}: on the class path of
 * {@code perfspecs-fhir.jar}, not of the default jar.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class FhirInputFormat implements InputFormat {
  /** For the ServiceLoader. */
  public FhirInputFormat() {}

  @Override
  public String name() {
    return "fhir";
  }

  @Override
  public RecordSource open(Path path) throws IOException {
    return new Entries(FhirSources.open(path));
  }

  @Override
  public List<Object> subcommands() {
    return List.of(new ConvertCommand());
  }

  @Override
  public Optional<FindingWriter> findingWriter(Writer out) {
    ca.uhn.fhir.parser.IParser parser = Fhir.jsonParser();
    return Optional.of((record, findings) -> {
      for (Resource r : FhirFindings.resources(findings, record)) {
        out.write(parser.encodeResourceToString(r));
        out.write('\n');
      }
    });
  }

  /** A FhirSource as command-line entries: each record, and each rejected record with its problems. */
  static final class Entries implements RecordSource {
    private final FhirSource source;
    private final Deque<Entry> queue = new ArrayDeque<>();
    private final List<Program> programs = new ArrayList<>();

    Entries(FhirSource source) {
      this.source = source;
    }

    @Override
    public Optional<Entry> next() throws IOException {
      while (queue.isEmpty()) {
        Optional<FhirReadResult> unit = source.next();
        if (unit.isEmpty()) {
          return Optional.empty();
        }
        enqueue(unit.get());
      }
      return Optional.of(queue.poll());
    }

    private void enqueue(FhirReadResult r) {
      programs.addAll(r.programs());
      List<FhirProblem> errors = r.errors();
      String where = errors.isEmpty() ? "" : place(errors.get(0));
      long line = errors.isEmpty() ? 0 : errors.get(0).line();
      for (CaseRecord record : r.records()) {
        queue.add(Entry.record(where, line, record));
      }
      if (!errors.isEmpty()) {
        // every rejected record (or line) is one rejection; its problems are the unit's errors
        List<String> problems = new ArrayList<>();
        for (FhirProblem p : errors) {
          problems.add(p.location() + ": " + p.message());
        }
        long rejections = r.rejections();
        for (long i = 0; i < rejections; i++) {
          queue.add(Entry.rejected(where, line, i == 0 ? problems : List.of(problems.get(0))));
        }
      }
    }

    private static String place(FhirProblem p) {
      return p.file().orElse("(input)") + (p.line() > 0 ? " line " + p.line() : "");
    }

    @Override
    public List<Program> programs() {
      return List.copyOf(programs);
    }

    @Override
    public List<String> summary() {
      List<String> lines = new ArrayList<>(source.summary().describe());
      if (!programs.isEmpty()) {
        lines.add("  programs in the FHIR input: " + programs.size() + " (a --programs profile of the same id "
            + "replaces one; without one, what FHIR does not carry - licenses, agreements, on-call, quality "
            + "plan, procedures, attestations, staff education and trainings - is not documented)");
      }
      return lines;
    }

    @Override
    public void close() throws IOException {
      source.close();
    }
  }
}

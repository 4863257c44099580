package org.perfspecs.fhir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.perfspecs.checks.engine.RecordReader;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ModelJson;
import org.perfspecs.model.Program;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code perfspecs convert}: FHIR to perfspecs JSON (NDJSON of case records) and back (an NDJSON of
 * Bundles, or a bulk-data export directory). Exit 0 when everything converted, 2 when something was
 * rejected (reported on stderr by file, line and path), 3 on usage errors.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
    description = {"Converts case records between FHIR R4 and perfspecs JSON.",
        "--to perfspecs: PATH is FHIR (a Bundle, an NDJSON of Bundles, or a bulk-data export directory); "
            + "the records go to stdout (or --output FILE) as NDJSON.",
        "--to fhir: PATH is perfspecs JSON (NDJSON or an array); one Bundle per record goes to stdout (or --output "
            + "FILE) as NDJSON, or with --bulk, a bulk-data export directory is written to --output DIR.",
        "--programs FILE: program profiles too (see the option)."})
final class ConvertCommand implements Callable<Integer> {
  enum Target { perfspecs, fhir }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PATH", description = "The input.")
  Path input;

  @Option(names = "--to", required = true, paramLabel = "FORMAT", description = "perfspecs or fhir.")
  Target to;

  @Option(names = {"-o", "--output"}, paramLabel = "PATH", description = "A file (or, with --bulk, a directory); default stdout.")
  Path output;

  @Option(names = "--programs", paramLabel = "FILE", description = {"--to fhir: also write these program profiles "
      + "(NDJSON or a JSON array) as Organization, HealthcareService, Location, PractitionerRole and Practitioner.",
      "--to perfspecs: write the programs found in the FHIR input to FILE (NDJSON; what FHIR carries)."})
  Path programs;

  @Option(names = "--bulk", description = "With --to fhir: write a bulk-data export directory (one NDJSON per resource type) to --output.")
  boolean bulk;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (bulk && (to != Target.fhir || output == null)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--bulk needs --to fhir and --output DIR");
    }
    return to == Target.perfspecs ? toPerfspecs(err) : toFhir(err);
  }

  private Writer out() throws IOException {
    if (output == null) {
      return spec.commandLine().getOut();
    }
    return new BufferedWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8), 1 << 16);
  }

  private int toPerfspecs(PrintWriter err) throws IOException {
    boolean rejected = false;
    try (FhirSource source = FhirSources.open(input); Writer w = closeable(out());
        Writer pw = programs == null ? Writer.nullWriter()
            : new BufferedWriter(Files.newBufferedWriter(programs, StandardCharsets.UTF_8), 1 << 16)) {
      for (Optional<FhirReadResult> r = source.next(); r.isPresent(); r = source.next()) {
        for (CaseRecord record : r.get().records()) {
          w.write(ModelJson.toJson(record));
          w.write('\n');
        }
        for (Program program : r.get().programs()) {
          pw.write(ModelJson.toJson(program));
          pw.write('\n');
        }
        for (FhirProblem p : r.get().errors()) {
          err.println(p);
          rejected = true;
        }
      }
      source.summary().describe().forEach(err::println);
    } catch (java.nio.file.NoSuchFileException e) {
      err.println(input + ": cannot be read (no such file)");
      return 2;
    }
    return rejected ? 2 : 0;
  }

  private int toFhir(PrintWriter err) throws IOException {
    boolean rejected = false;
    ca.uhn.fhir.parser.IParser parser = Fhir.jsonParser();
    try (var in = new java.io.BufferedInputStream(Files.newInputStream(input), 1 << 16);
        RecordReader<CaseRecord> reader = RecordReader.of(in, CaseRecord.class, FhirCaseRecords.validator());
        FhirBulkExport export = bulk ? FhirBulkExport.into(output) : null;
        Writer w = bulk ? Writer.nullWriter() : closeable(out())) {
      if (programs != null) {
        try (var pin = new java.io.BufferedInputStream(Files.newInputStream(programs), 1 << 16);
            RecordReader<Program> pr = RecordReader.of(pin, Program.class, FhirCaseRecords.validator())) {
          for (var e = pr.next(); e.isPresent(); e = pr.next()) {
            var entry = e.get();
            if (!entry.result().isValid()) {
              entry.result().violations().forEach(v -> err.println(programs + " line " + entry.line() + ": " + v));
              rejected = true;
            } else if (export != null) {
              export.add(entry.result().value().get());
            } else {
              w.write(parser.encodeResourceToString(FhirPrograms.toBundle(entry.result().value().get())));
              w.write('\n');
            }
          }
        }
      }
      for (var e = reader.next(); e.isPresent(); e = reader.next()) {
        var entry = e.get();
        if (!entry.result().isValid()) {
          entry.result().violations().forEach(v -> err.println(input + " line " + entry.line() + ": " + v));
          rejected = true;
          continue;
        }
        CaseRecord record = entry.result().value().get();
        if (export != null) {
          export.add(record);
        } else {
          w.write(parser.encodeResourceToString(FhirCaseRecords.toBundle(record)));
          w.write('\n');
        }
      }
    } catch (java.nio.file.NoSuchFileException e) {
      err.println(input + ": cannot be read (no such file)");
      return 2;
    }
    return rejected ? 2 : 0;
  }

  /** stdout is flushed, not closed. */
  private Writer closeable(Writer w) {
    if (output != null) {
      return w;
    }
    return new java.io.FilterWriter(w) {
      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }
}

package org.perfspecs.fhir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;
import org.perfspecs.model.ModelValidator;

/**
 * Opens FHIR input on disk:
 *
 * <ul>
 *   <li>a <b>directory</b>: a bulk-data {@code $export} ({@code Patient.ndjson}, {@code
 *       EpisodeOfCare.ndjson}, {@code Encounter.ndjson}, ...: every {@code *.ndjson} file in it,
 *       one resource per line), grouped per patient by an external sort: see {@link
 *       BulkExportSource} for the memory bound;
 *   <li>a file ending {@code .ndjson} or {@code .jsonl}: one Bundle per line, as Synthea writes
 *       them;
 *   <li>any other file: one Bundle (JSON).
 * </ul>
 *
 * <p>Lines are read as UTF-8 one at a time with HAPI's JSON parser (never its NDJSON parser, which
 * builds one Bundle of everything); a line or resource that cannot be read is rejected alone, with
 * its file, line and FHIRPath, and the rest goes on.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class FhirSources {
  private FhirSources() {}

  /** The largest Bundle file read whole ({@value} bytes); an NDJSON line has the same limit. */
  public static final int MAX_BUNDLE_BYTES = 256 * 1024 * 1024;

  /**
   * Opens {@code path} (see the class comment for what it may be), validating records with the
   * shared {@link ModelValidator}.
   *
   * @throws IOException if it cannot be opened
   */
  public static FhirSource open(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      return new BulkExportSource(path, FhirCaseRecords.validator(), BulkExportSource.DEFAULT_CHUNK_BYTES);
    }
    String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
      return new BundleLines(path, FhirCaseRecords.validator());
    }
    return new BundleFile(path, FhirCaseRecords.validator());
  }

  static BufferedReader utf8(Path path) throws IOException {
    var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    return new BufferedReader(new InputStreamReader(Files.newInputStream(path), decoder), 1 << 16);
  }

  static String fileName(Path p) {
    return p.getFileName() == null ? p.toString() : p.getFileName().toString();
  }

  /** Maps the resources of one unit and returns its result, adding its counts to {@code total}. */
  static FhirReadResult mapUnit(ModelValidator validator, List<Located> resources, List<FhirProblem> problems,
      Tally unit, Tally total) {
    ResourceMapper mapper = new ResourceMapper(validator, unit, problems);
    mapper.map(resources);
    total.add(unit);
    return new FhirReadResult(mapper.records(), mapper.members(), mapper.programs(), problems, mapper.recordsRejected(), unit.snapshot());
  }

  /** One Bundle per line. */
  private static final class BundleLines implements FhirSource {
    private final BufferedReader in;
    private final String file;
    private final ModelValidator validator;
    private final Tally total = new Tally();
    private long line;

    BundleLines(Path path, ModelValidator validator) throws IOException {
      this.in = utf8(path);
      this.file = fileName(path);
      this.validator = validator;
    }

    @Override
    public Optional<FhirReadResult> next() throws IOException {
      while (true) {
        String text;
        try {
          text = in.readLine();
        } catch (java.nio.charset.CharacterCodingException e) {
          throw new IOException(file + " line " + (line + 1) + ": not UTF-8 text", e);
        }
        if (text == null) {
          return Optional.empty();
        }
        line++;
        if (text.isBlank()) {
          continue;
        }
        Tally unit = new Tally();
        List<FhirProblem> problems = new ArrayList<>();
        ResourceParser parser = new ResourceParser(unit, problems);
        List<Located> resources = new ArrayList<>();
        parser.object(text, file, line, "Bundle").ifPresent(o -> parser.bundle(o, file, line, resources));
        return Optional.of(mapUnit(validator, resources, problems, unit, total));
      }
    }

    @Override
    public FhirReadSummary summary() {
      return total.snapshot();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** One Bundle in a file. */
  private static final class BundleFile implements FhirSource {
    private final Path path;
    private final ModelValidator validator;
    private final Tally total = new Tally();
    private boolean done;

    BundleFile(Path path, ModelValidator validator) throws IOException {
      if (!Files.isReadable(path)) {
        throw new java.nio.file.NoSuchFileException(path.toString());
      }
      if (Files.size(path) > MAX_BUNDLE_BYTES) {
        throw new IOException(fileName(path) + ": a Bundle file larger than " + MAX_BUNDLE_BYTES
            + " bytes (write one Bundle per line, or a bulk-data export directory)");
      }
      this.path = path;
      this.validator = validator;
    }

    @Override
    public Optional<FhirReadResult> next() throws IOException {
      if (done) {
        return Optional.empty();
      }
      done = true;
      String file = fileName(path);
      String text;
      try (BufferedReader in = utf8(path)) {
        StringBuilder b = new StringBuilder();
        char[] buf = new char[1 << 16];
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
          b.append(buf, 0, n);
        }
        text = b.toString();
      } catch (java.nio.charset.CharacterCodingException e) {
        throw new IOException(file + ": not UTF-8 text", e);
      }
      Tally unit = new Tally();
      List<FhirProblem> problems = new ArrayList<>();
      ResourceParser parser = new ResourceParser(unit, problems);
      List<Located> resources = new ArrayList<>();
      parser.object(text, file, 0, "Bundle").ifPresent(o -> parser.bundle(o, file, 0, resources));
      return Optional.of(mapUnit(validator, resources, problems, unit, total));
    }

    @Override
    public FhirReadSummary summary() {
      return total.snapshot();
    }

    @Override
    public void close() {}
  }
}

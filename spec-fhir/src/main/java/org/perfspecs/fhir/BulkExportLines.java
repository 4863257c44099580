package org.perfspecs.fhir;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.perfspecs.model.ModelValidator;

/**
 * The lines of a bulk-data export one at a time, for a reader that groups them per patient itself
 * (Spark's shuffle, a database): the same rules and mapping {@code check --from fhir DIR} applies,
 * without its on-disk sort.
 *
 * <ol>
 *   <li>{@link #place} says where one line goes: to a patient (a Patient's id; else the Patient its
 *       {@code subject}, {@code patient}, {@code beneficiary}, {@code for} or an Appointment
 *       participant refers to), to the programs (Organization, HealthcareService, Location,
 *       PractitionerRole, Practitioner naming no patient), ignored (any other resource naming no
 *       patient), or rejected (not a JSON object; with its problem).
 *   <li>{@link #readPatient} maps one patient's lines, given in (file name, line) order, into the
 *       {@link FhirReadResult} the command line gets for that patient.
 *   <li>{@link #readDirectory} maps the program lines, with the problems of the rejected lines and
 *       the ignored counts, into the result the command line gets first, before any patient.
 * </ol>
 *
 * <p>The command line reads the patients in the order of their keys ({@link String#compareTo}).
 * Files are named as in the export ({@code Patient.ndjson}: the resource type the file name gives is
 * used in messages); lines are 1-based and end at LF, CR LF or a lone CR; blank lines are skipped
 * before {@link #place}. Stateless and thread-safe; each call uses the JVM's one HAPI {@code
 * FhirContext} (created on first use) and the shared validator.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class BulkExportLines {
  private BulkExportLines() {}

  /** The resource types programs are read from (they name no patient). */
  static final Set<String> PROGRAM_TYPES = Set.of("Organization", "HealthcareService", "Location",
      "PractitionerRole", "Practitioner");

  /**
   * One line of an export.
   *
   * @param file the file's name in the export directory ({@code Encounter.ndjson}), not its path
   * @param line the 1-based line number in that file
   * @param text the line, without its line break
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public record Line(String file, long line, String text) {
    /** Checks the fields. */
    public Line {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(text, "text");
      if (line < 1) {
        throw new IllegalArgumentException("line must be positive");
      }
    }
  }

  /** Where a line goes. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public enum Kind {
    /** To its patient ({@link Placement#key()}). */
    PATIENT,
    /** To the programs: {@link #readDirectory}. */
    PROGRAM,
    /** Nowhere: a resource of no patient and no program, counted by type ({@link Placement#key()}). */
    IGNORED,
    /** Rejected: not a JSON object ({@link Placement#problem()}). */
    REJECTED
  }

  /**
   * Where one line goes.
   *
   * @param kind where
   * @param key the patient's id for {@link Kind#PATIENT}, the resource type (a plain name or {@code
   *     unknown}) for {@link Kind#IGNORED} and {@link Kind#PROGRAM}, empty for {@link Kind#REJECTED}
   * @param problem the problem of a {@link Kind#REJECTED} line (file, line, what, never a value);
   *     null otherwise
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public record Placement(Kind kind, String key, FhirProblem problem) {}

  /**
   * Where {@code line} goes, as {@code check --from fhir DIR} decides it.
   *
   * <p>Placed from one streaming scan of the line (no JSON tree is built): the scan reads the
   * whole first JSON value as Jackson's tree reader would (so a line is rejected exactly when it
   * would be: not well-formed, or not a JSON object; anything after the first value is ignored, as
   * there) and keeps, for a repeated property, its last value, as the tree does.
   *
   * @param line a line that is not blank
   * @return its placement
   */
  public static Placement place(Line line) {
    Scan scan;
    try (JsonParser p = ResourceParser.JSON.getFactory().createParser(line.text())) {
      scan = Scan.of(p);
    } catch (java.io.IOException e) { // a JacksonException: a String source fails no other way
      return rejected(line, "is not well-formed JSON");
    }
    if (scan == null) {
      return rejected(line, "is not a JSON object");
    }
    String type = scan.type;
    if (type.equals("Patient") && scan.id != null) {
      return new Placement(Kind.PATIENT, scan.id, null);
    }
    for (String ref : scan.refs) {
      if (ref != null) {
        return new Placement(Kind.PATIENT, ref, null);
      }
    }
    if (scan.participant != null) {
      return new Placement(Kind.PATIENT, scan.participant, null);
    }
    if (PROGRAM_TYPES.contains(type)) {
      return new Placement(Kind.PROGRAM, type, null);
    }
    return new Placement(Kind.IGNORED, ResourceParser.safeType(type.isEmpty() ? "unknown" : type), null);
  }

  private static Placement rejected(Line line, String message) {
    return new Placement(Kind.REJECTED, "",
        FhirProblem.of(FhirProblem.Severity.ERROR, line.file(), line.line(), typeOf(line.file()), message));
  }

  /** The properties of a line that place it: each the last of its name, as a JSON tree keeps it. */
  private static final class Scan {
    /** The fields whose reference to a Patient places a line, in the order they are tried. */
    private static final List<String> REF_FIELDS = List.of("subject", "patient", "beneficiary", "for");

    /** {@code resourceType} when a string, else empty. */
    String type = "";
    /** {@code id} when a string. */
    String id;
    /** The patient of each of {@link #REF_FIELDS}, or null. */
    final String[] refs = new String[REF_FIELDS.size()];
    /** The patient of the first participant whose actor refers to one, or null. */
    String participant;

    /** The scan of the first JSON value, or null when it is not an object. */
    static Scan of(JsonParser p) throws java.io.IOException {
      JsonToken t = p.nextToken();
      if (t == null) {
        return null;
      }
      if (t != JsonToken.START_OBJECT) {
        skip(p);
        if (t == JsonToken.VALUE_STRING) {
          p.getText(); // read to its end (a tree reads it): an unterminated string is not well-formed
        }
        return null;
      }
      Scan scan = new Scan();
      for (t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
        String name = p.currentName();
        t = next(p);
        int ref = REF_FIELDS.indexOf(name);
        if (name.equals("resourceType")) {
          scan.type = t == JsonToken.VALUE_STRING ? p.getText() : "";
          skip(p);
        } else if (name.equals("id")) {
          scan.id = t == JsonToken.VALUE_STRING ? p.getText() : null;
          skip(p);
        } else if (ref >= 0) {
          scan.refs[ref] = patientRef(p);
        } else if (name.equals("participant")) {
          scan.participant = participants(p);
        } else {
          skip(p);
        }
      }
      return scan;
    }

    /** The next token, which must be there (the parser reports an unexpected end itself). */
    private static JsonToken next(JsonParser p) throws java.io.IOException {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected end of input");
      }
      return t;
    }

    /**
     * Reads past the value at the current token, decoding its numbers as the tree reader does (so
     * that a number it refuses is refused here too).
     */
    private static void skip(JsonParser p) throws java.io.IOException {
      int depth = 0;
      JsonToken t = p.currentToken();
      while (true) {
        switch (t) {
          case START_OBJECT, START_ARRAY -> depth++;
          case END_OBJECT, END_ARRAY -> depth--;
          case VALUE_NUMBER_INT -> p.getNumberValue();
          case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
          default -> {
            // strings are read (and checked) by the parser as it moves past them
          }
        }
        if (depth == 0) {
          return;
        }
        t = next(p);
      }
    }

    /** The patient a reference object at the current token names (its last {@code reference}), or null. */
    private static String patientRef(JsonParser p) throws java.io.IOException {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        skip(p);
        return null;
      }
      String reference = null;
      for (JsonToken t = next(p); t != JsonToken.END_OBJECT; t = next(p)) {
        String name = p.currentName();
        t = next(p);
        if (name.equals("reference")) {
          reference = t == JsonToken.VALUE_STRING ? p.getText() : null;
        }
        skip(p);
      }
      return reference == null ? null : patientOf(reference);
    }

    /** The patient of the first element of the array at the current token whose (last) actor refers to one, or null. */
    private static String participants(JsonParser p) throws java.io.IOException {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        skip(p);
        return null;
      }
      String found = null;
      for (JsonToken t = next(p); t != JsonToken.END_ARRAY; t = next(p)) {
        if (t != JsonToken.START_OBJECT) {
          skip(p);
          continue;
        }
        String actor = null;
        for (JsonToken f = next(p); f != JsonToken.END_OBJECT; f = next(p)) {
          String name = p.currentName();
          next(p);
          if (name.equals("actor")) {
            actor = patientRef(p);
          } else {
            skip(p);
          }
        }
        if (found == null) {
          found = actor;
        }
      }
      return found;
    }
  }

  /** The patient a reference names ({@code Patient/ID}, after any base, before any {@code /_history}), or null. */
  private static String patientOf(String s) {
    int slash = s.lastIndexOf("Patient/");
    if (slash >= 0) {
      String id = s.substring(slash + "Patient/".length());
      int hist = id.indexOf('/');
      return hist >= 0 ? id.substring(0, hist) : id;
    }
    return null;
  }

  /**
   * Maps the lines of one patient: the members, case records (each valid for the model's
   * validator, or rejected with its problems) and problems the command line gets for that patient.
   *
   * @param lines the patient's lines, in (file name, line) order
   * @return the patient's result
   */
  public static FhirReadResult readPatient(List<Line> lines) {
    return readPatient(FhirCaseRecords.validator(), lines, new Tally());
  }

  /**
   * Maps the program lines (in (file name, line) order) into programs, with the problems of the
   * lines rejected by {@link #place} (in (file name, line) order) and the ignored resources per
   * type: the result the command line gets before the first patient.
   *
   * @param programLines the lines {@link #place} sent to the programs
   * @param rejectedLines the problems of the lines {@link #place} rejected, one per line
   * @param ignored the lines {@link #place} ignored, per resource type
   * @return the result (with no records)
   */
  public static FhirReadResult readDirectory(List<Line> programLines, List<FhirProblem> rejectedLines,
      Map<String, Long> ignored) {
    Tally unit = new Tally();
    unit.linesRejected = rejectedLines.size();
    ignored.forEach((type, n) -> unit.ignored.merge(type, n, Long::sum));
    return readDirectory(FhirCaseRecords.validator(), programLines, new ArrayList<>(rejectedLines), unit, new Tally());
  }

  /** {@link #readPatient(List)} with a validator, adding the counts to {@code total}. */
  static FhirReadResult readPatient(ModelValidator validator, List<Line> lines, Tally total) {
    Tally unit = new Tally();
    List<FhirProblem> problems = new ArrayList<>();
    ResourceParser parser = new ResourceParser(unit, problems);
    List<Located> resources = new ArrayList<>();
    for (Line l : lines) {
      parse(parser, l).ifPresent(resources::add);
    }
    return FhirSources.mapUnit(validator, resources, problems, unit, total);
  }

  /**
   * The unit before the first patient: the programs mapped from {@code programLines} with {@code
   * problems} (of the lines rejected) and {@code unit} (their counts) before them; without program
   * lines, a result of the problems and counts only. Adds the counts to {@code total}.
   */
  static FhirReadResult readDirectory(ModelValidator validator, List<Line> programLines, List<FhirProblem> problems,
      Tally unit, Tally total) {
    if (programLines.isEmpty()) {
      total.add(unit);
      return new FhirReadResult(List.of(), List.of(), List.of(), problems, 0, unit.snapshot());
    }
    ResourceParser parser = new ResourceParser(unit, problems);
    List<Located> resources = new ArrayList<>();
    for (Line l : programLines) {
      parse(parser, l).ifPresent(resources::add);
    }
    return FhirSources.mapUnit(validator, resources, problems, unit, total);
  }

  private static Optional<Located> parse(ResourceParser parser, Line l) {
    Optional<ObjectNode> node = parser.object(l.text(), l.file(), l.line(), typeOf(l.file()));
    if (node.isEmpty()) {
      return Optional.empty();
    }
    String type = node.get().hasNonNull("resourceType")
        ? ResourceParser.safeType(node.get().get("resourceType").asText()) : "unknown";
    return parser.resource(node.get(), type, l.file(), l.line(), type, null);
  }

  /** The resource type a file's name gives ({@code Encounter.ndjson}: Encounter), or {@code unknown}. */
  static String typeOf(String file) {
    String base = file.endsWith(".ndjson") ? file.substring(0, file.length() - ".ndjson".length()) : file;
    return ResourceParser.safeType(base);
  }
}

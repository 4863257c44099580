package org.perfspecs.fhir;

import com.fasterxml.jackson.databind.JsonNode;
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
   * @param line a line that is not blank
   * @return its placement
   */
  public static Placement place(Line line) {
    List<FhirProblem> problems = new ArrayList<>(1);
    Optional<ObjectNode> node = ResourceParser.object(line.text(), line.file(), line.line(), typeOf(line.file()),
        problems);
    if (node.isEmpty()) {
      return new Placement(Kind.REJECTED, "", problems.get(0));
    }
    ObjectNode o = node.get();
    String type = o.hasNonNull("resourceType") ? o.get("resourceType").asText() : "";
    if (type.equals("Patient")) {
      JsonNode id = o.get("id");
      if (id != null && id.isTextual()) {
        return new Placement(Kind.PATIENT, id.asText(), null);
      }
    }
    for (String field : new String[] {"subject", "patient", "beneficiary", "for"}) {
      Optional<String> p = patientRef(o.get(field));
      if (p.isPresent()) {
        return new Placement(Kind.PATIENT, p.get(), null);
      }
    }
    JsonNode participants = o.get("participant");
    if (participants != null && participants.isArray()) {
      for (JsonNode p : participants) {
        Optional<String> ref = patientRef(p.get("actor"));
        if (ref.isPresent()) {
          return new Placement(Kind.PATIENT, ref.get(), null);
        }
      }
    }
    if (PROGRAM_TYPES.contains(type)) {
      return new Placement(Kind.PROGRAM, type, null);
    }
    return new Placement(Kind.IGNORED, ResourceParser.safeType(type.isEmpty() ? "unknown" : type), null);
  }

  private static Optional<String> patientRef(JsonNode ref) {
    if (ref == null || !ref.isObject()) {
      return Optional.empty();
    }
    JsonNode r = ref.get("reference");
    if (r == null || !r.isTextual()) {
      return Optional.empty();
    }
    String s = r.asText();
    int slash = s.lastIndexOf("Patient/");
    if (slash >= 0) {
      String id = s.substring(slash + "Patient/".length());
      int hist = id.indexOf('/');
      return Optional.of(hist >= 0 ? id.substring(0, hist) : id);
    }
    return Optional.empty();
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

package org.perfspecs.spark;

import static org.apache.spark.sql.functions.col;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.perfspecs.fhir.BulkExportLines;
import org.perfspecs.fhir.FhirProblem;
import org.perfspecs.fhir.FhirReadResult;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Program;

/**
 * A bulk FHIR export as {@code perfspecs check --from fhir DIR} reads it, grouped per patient by
 * Spark instead of the command line's on-disk sort; every line placed, mapped and counted by
 * spec-fhir's own code ({@link BulkExportLines}):
 *
 * <ol>
 *   <li>a <em>directory scan</em> (one job, results on the driver): the lines of the programs
 *       (Organization, HealthcareService, Location, PractitionerRole, Practitioner: few), the problem of
 *       each line that is not a JSON object, and the lines counted per placement (blank, patient,
 *       program, ignored per type, rejected). The driver maps the programs with those problems, as the
 *       command line does before its first patient;
 *   <li>each evaluation pass places the lines again (placing is a streaming scan of the line, no
 *       JSON tree: the one tree of a line is built when its patient is mapped), keeps the patients' lines, <b>repartitions them
 *       by patient</b> (Spark's shuffle) and sorts each partition by (patient, file name, line): each
 *       partition then holds whole patients, one after the other, and is evaluated with {@code
 *       mapPartitions} one patient at a time: {@link BulkExportLines#readPatient} (the JVM's one HAPI
 *       {@code FhirContext}, created lazily by spec-fhir) and the JVM's {@link
 *       org.perfspecs.checks.engine.Engine}, so memory holds one patient's lines at a time.
 * </ol>
 *
 * <p>The rows: a case record's {@code file} is {@code Patient/ID} (its patient) and its {@code line}
 * its 1-based position among that patient's records: the command line's input order, patients in
 * the order of their ids ({@link String#compareTo}). A rejection is where the command line reports
 * it: the file name and line of the first error of the patient (or of the lines before the first
 * patient), its {@code path} the FHIRPath; each counts once, under {@code fhir: } and its first
 * problem, as the command line counts it. The export's programs are evaluated on the driver, after
 * every record in input order, unless a program profile ({@code --programs}) has the same id.
 */
final class FhirInput {
  static final String BLANK = "BLANK";

  /** A placed line: kind, key (patient id or resource type), file name, line, text, problem. */
  static final StructType PLACED = DataTypes.createStructType(List.of(
      DataTypes.createStructField("kind", DataTypes.StringType, false),
      DataTypes.createStructField("key", DataTypes.StringType, true),
      DataTypes.createStructField("file", DataTypes.StringType, false),
      DataTypes.createStructField("line", DataTypes.LongType, false),
      DataTypes.createStructField("text", DataTypes.StringType, true),
      DataTypes.createStructField("location", DataTypes.StringType, true),
      DataTypes.createStructField("message", DataTypes.StringType, true)));

  private final Dataset<Row> lines;
  private final long linesCounted;
  private Directory directory;

  /**
   * @param lines {@link Schemas#LINES} rows of the export's {@code *.ndjson} files
   * @param linesCounted the lines counted independently ({@link LineNumbers})
   */
  FhirInput(Dataset<Row> lines, long linesCounted) {
    this.lines = lines;
    this.linesCounted = linesCounted;
  }

  long linesCounted() {
    return linesCounted;
  }

  /** What the directory scan found, on the driver. */
  record Directory(FhirReadResult unit, CheckSummary.ExportLines counts) {}

  /** The directory scan, run once. */
  synchronized Directory directory() {
    if (directory == null) {
      List<Row> rows = lines.mapPartitions(new Scan(), Encoders.row(PLACED)).collectAsList();
      List<BulkExportLines.Line> programLines = new ArrayList<>();
      List<Row> rejected = new ArrayList<>();
      Map<String, Long> ignored = new TreeMap<>();
      Map<String, Long> byKind = new HashMap<>();
      for (Row r : rows) {
        String kind = r.getString(0);
        if (kind.startsWith("count:")) {
          String k = kind.substring("count:".length());
          byKind.merge(k, r.getLong(3), Long::sum);
          if (k.equals(BulkExportLines.Kind.IGNORED.name())) {
            ignored.merge(r.getString(1), r.getLong(3), Long::sum);
          }
        } else if (kind.equals(BulkExportLines.Kind.PROGRAM.name())) {
          programLines.add(new BulkExportLines.Line(r.getString(2), r.getLong(3), r.getString(4)));
        } else {
          rejected.add(r);
        }
      }
      programLines.sort(Comparator.comparing(BulkExportLines.Line::file).thenComparingLong(BulkExportLines.Line::line));
      rejected.sort(Comparator.comparing((Row r) -> r.getString(2)).thenComparingLong(r -> r.getLong(3)));
      List<FhirProblem> problems = new ArrayList<>();
      for (Row r : rejected) {
        problems.add(FhirProblem.of(FhirProblem.Severity.ERROR, r.getString(2), r.getLong(3), r.getString(5),
            r.getString(6)));
      }
      FhirReadResult unit = BulkExportLines.readDirectory(programLines, problems, ignored);
      CheckSummary.ExportLines counts = new CheckSummary.ExportLines(byKind.getOrDefault(BLANK, 0L),
          byKind.getOrDefault(BulkExportLines.Kind.PATIENT.name(), 0L),
          byKind.getOrDefault(BulkExportLines.Kind.PROGRAM.name(), 0L),
          byKind.getOrDefault(BulkExportLines.Kind.IGNORED.name(), 0L),
          byKind.getOrDefault(BulkExportLines.Kind.REJECTED.name(), 0L), 0);
      directory = new Directory(unit, counts);
    }
    return directory;
  }

  /**
   * The rows of one pass over the patients: placed, repartitioned by patient (as many partitions as
   * the lines have), sorted by patient, file and line, evaluated one patient at a time.
   */
  Dataset<Row> patients(Parameters parameters, Evaluator.Mode mode) {
    int partitions = Math.max(1, lines.javaRDD().getNumPartitions());
    return lines.mapPartitions(new Place(), Encoders.row(PLACED))
        .filter(col("kind").equalTo(BulkExportLines.Kind.PATIENT.name()))
        .select(col("key"), col("file"), col("line"), col("text"))
        .repartition(partitions, col("key"))
        .sortWithinPartitions(col("key"), col("file"), col("line"))
        .mapPartitions(new PatientEvaluator(parameters, mode), Encoders.row(Evaluator.OUT));
  }

  /**
   * The rows the driver makes: the unit before the first patient (its rejections; records, if it had
   * any), then the export's programs (those no program profile of {@code profileIds} replaces).
   */
  List<Row> driverRows(Parameters parameters, Evaluator.Mode mode, Set<String> profileIds) {
    FhirReadResult unit = directory().unit();
    List<Row> out = new ArrayList<>();
    Evaluator records = new Evaluator(parameters, Evaluator.Input.CASE_RECORD, mode, Map.of());
    feed(records, "", unit);
    records.end(0, 0);
    out.addAll(records.pending());
    Evaluator programs = new Evaluator(parameters, Evaluator.Input.FHIR_PROGRAM, mode, Map.of());
    long index = 0;
    for (Program p : unit.programs()) {
      if (profileIds.contains(p.id())) {
        continue; // the --programs profile wins, as in the command line
      }
      programs.valid(p, null, ++index);
      out.addAll(programs.pending());
      programs.pending().clear();
    }
    programs.end(programs.read, 0);
    out.addAll(programs.pending());
    return out;
  }

  /**
   * Feeds one unit's records and rejections to {@code ev}, as the command line's FHIR input gives
   * them: the records (at {@code unit}, by position), then {@link FhirReadResult#rejections()}
   * rejections at the first error, the first with every error, the others with the first.
   */
  static void feed(Evaluator ev, String unit, FhirReadResult r) {
    long i = 0;
    for (CaseRecord record : r.records()) {
      ev.valid(record, unit, ++i);
    }
    long n = r.rejections();
    if (n == 0) {
      return;
    }
    List<FhirProblem> errors = r.errors();
    FhirProblem first = errors.get(0);
    List<String[]> all = new ArrayList<>(errors.size());
    for (FhirProblem p : errors) {
      all.add(new String[] {p.location(), p.message()});
    }
    String reason = "fhir: " + (first.location() + ": " + first.message()).replaceAll("\\[\\d+]", "[]");
    for (long k = 0; k < n; k++) {
      ev.rejected(first.file().orElse(null), first.line(), k == 0 ? all : all.subList(0, 1), reason);
    }
  }

  /** The file name and text of a {@link Schemas#LINES} row. */
  private static BulkExportLines.Line line(Row row) {
    String file = row.isNullAt(0) ? "input.ndjson" : LineNumbers.name(row.getString(0));
    Object value = row.get(2);
    String text = value instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : (String) value;
    return new BulkExportLines.Line(file, row.getLong(1), text);
  }

  private static Row placed(BulkExportLines.Line l, BulkExportLines.Placement p, boolean withText) {
    FhirProblem problem = p.problem();
    return RowFactory.create(p.kind().name(), p.key(), l.file(), l.line(), withText ? l.text() : null,
        problem == null ? null : problem.location(), problem == null ? null : problem.message());
  }

  /** Each line placed (blank lines as {@link #BLANK}); the text kept for patients only. */
  private static final class Place implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return rows.hasNext();
        }

        @Override
        public Row next() {
          BulkExportLines.Line l = line(rows.next());
          if (l.text().isBlank()) {
            return RowFactory.create(BLANK, null, l.file(), l.line(), null, null, null);
          }
          BulkExportLines.Placement p = BulkExportLines.place(l);
          return placed(l, p, p.kind() == BulkExportLines.Kind.PATIENT);
        }
      };
    }
  }

  /** The directory scan of one partition: program and rejected lines, then the counts per placement. */
  private static final class Scan implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      List<Row> out = new ArrayList<>();
      Map<List<String>, Long> counts = new HashMap<>();
      while (rows.hasNext()) {
        BulkExportLines.Line l = line(rows.next());
        if (l.text().isBlank()) {
          counts.merge(List.of(BLANK, ""), 1L, Long::sum);
          continue;
        }
        BulkExportLines.Placement p = BulkExportLines.place(l);
        BulkExportLines.Kind kind = p.kind();
        counts.merge(List.of(kind.name(), kind == BulkExportLines.Kind.IGNORED ? p.key() : ""), 1L, Long::sum);
        if (kind == BulkExportLines.Kind.PROGRAM || kind == BulkExportLines.Kind.REJECTED) {
          out.add(placed(l, p, kind == BulkExportLines.Kind.PROGRAM));
        }
      }
      counts.forEach((k, n) -> out.add(RowFactory.create("count:" + k.get(0), k.get(1), "", n, null, null, null)));
      return out.iterator();
    }
  }

  /** One partition of patient lines, sorted by patient, file and line: evaluated one patient at a time. */
  private static final class PatientEvaluator implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final Parameters parameters;
    private final Evaluator.Mode mode;

    PatientEvaluator(Parameters parameters, Evaluator.Mode mode) {
      this.parameters = parameters;
      this.mode = mode;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      return new EvaluatorRows(new Evaluator(parameters, Evaluator.Input.CASE_RECORD, mode, Map.of())) {
        private Row pending;
        private long lines;

        /** The next patient, or the end. */
        @Override
        void step() {
          Row first = pending != null ? pending : rows.hasNext() ? rows.next() : null;
          pending = null;
          if (first == null) {
            done = true;
            evaluator.end(lines, 0);
            return;
          }
          String key = first.getString(0);
          List<BulkExportLines.Line> group = new ArrayList<>();
          group.add(patientLine(first));
          while (rows.hasNext()) {
            Row r = rows.next();
            if (!r.getString(0).equals(key)) {
              pending = r;
              break;
            }
            group.add(patientLine(r));
          }
          lines += group.size();
          FhirReadResult result;
          try {
            result = BulkExportLines.readPatient(group);
          } catch (RuntimeException e) {
            evaluator.failed(group.get(0).file(), group.get(0).line(), "mapping the patient's FHIR resources", e);
            return;
          }
          feed(evaluator, "Patient/" + key, result);
        }
      };
    }

    private static BulkExportLines.Line patientLine(Row r) {
      return new BulkExportLines.Line(r.getString(1), r.getLong(2), r.getString(3));
    }
  }
}

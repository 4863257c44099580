package org.perfspecs.spark;

import static org.apache.spark.sql.types.DataTypes.BinaryType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apiguardian.api.API;
import org.perfspecs.checks.Outcome;

/**
 * The schemas of the Datasets spec-spark reads and writes. Every string column holds exactly what
 * the command line's JSON holds (instants as UTC ISO-8601 text, dates as {@code yyyy-MM-dd}), so a
 * row and a line of {@code perfspecs check --format json} can be compared as they are; cast with
 * {@code to_timestamp(due)} where a timestamp is wanted. A field declared not nullable here is
 * never null in the rows (Spark itself may report every column of a computed Dataset as nullable).
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class Schemas {
  private Schemas() {}

  /**
   * Input lines, one per line of an NDJSON file: {@code file} (string, nullable: the file the
   * line comes from), {@code line} (long, 1-based line number in that file, or position in the
   * Dataset), {@code value} (binary: the line's bytes without its line break, which must hold no
   * LF or CR; a string column is accepted too and taken as UTF-8). {@link SparkChecks#readLines}
   * gives this schema.
   */
  public static final StructType LINES = createStructType(List.of(
      createStructField("file", StringType, true),
      createStructField("line", LongType, false),
      createStructField("value", BinaryType, false)));

  /** One evidence item of a finding: {@code kind}, {@code id}, {@code at} or {@code date} (or neither), {@code note}. */
  public static final StructType EVIDENCE = createStructType(List.of(
      createStructField("kind", StringType, false),
      createStructField("id", StringType, false),
      createStructField("at", StringType, true),
      createStructField("date", StringType, true),
      createStructField("note", StringType, false)));

  /**
   * The fields of a finding, named and ordered as {@code perfspecs check --format json} writes
   * them ({@link org.perfspecs.checks.engine.FindingJson}): {@code requirementId}, {@code spec},
   * {@code section}, {@code strength} (MUST, SHOULD, MAY), {@code subjectKind} (EPISODE,
   * PROGRAM, EXTERNAL), {@code subjectId}, {@code memberId} (null for program findings),
   * {@code programId}, {@code outcome}, {@code reason}, {@code due} and {@code dueRule} (null
   * without a deadline), {@code evidence} (array of {@link #EVIDENCE}), {@code citation} (the short
   * reference), {@code citationText} (the verbatim words: null unless asked for, as {@code
   * --with-citations}), {@code errorType} (null unless ERROR). {@code FindingSchemaTest} fails
   * when {@code FindingJson} gains a field this does not declare.
   */
  public static final StructType FINDING_FIELDS = createStructType(List.of(
      createStructField("requirementId", StringType, false),
      createStructField("spec", StringType, false),
      createStructField("section", StringType, false),
      createStructField("strength", StringType, false),
      createStructField("subjectKind", StringType, false),
      createStructField("subjectId", StringType, false),
      createStructField("memberId", StringType, true),
      createStructField("programId", StringType, false),
      createStructField("outcome", StringType, false),
      createStructField("reason", StringType, false),
      createStructField("due", StringType, true),
      createStructField("dueRule", StringType, true),
      createStructField("evidence", createArrayType(EVIDENCE, false), false),
      createStructField("citation", StringType, false),
      createStructField("citationText", StringType, true),
      createStructField("errorType", StringType, true)));

  /**
   * Findings: {@code file} and {@code line} (the line reference of the record or program profile
   * judged; {@code file} null for a Dataset without file names; for a bulk FHIR export, {@code
   * Patient/ID} and the record's 1-based position among that patient's records, or a null file and
   * the program's position for the export's programs), then {@link #FINDING_FIELDS}.
   * {@code findings.drop("file", "line").toJSON()} gives the command line's lines (Spark leaves
   * null fields out, as the command line does).
   */
  public static final StructType FINDINGS = prefixed(FINDING_FIELDS, lineReference());

  /**
   * Rejections, one row per violation of a rejected input: {@code input} ({@code caseRecord},
   * {@code program} or {@code fhirProgram}), {@code file}, {@code line}, {@code violation} (0-based
   * index among the input's violations), {@code path} (JSON path; for a bulk FHIR export the
   * FHIRPath, the file being the NDJSON file's name), {@code message} (the rule, never a value from
   * the input), {@code reason} (the input's first violation without positions and sizes: the key
   * of {@code aggregate.json}'s {@code rejectedByReason}). The command line prints each row as
   * {@code FILE line N: PATH: MESSAGE}. A record repeating the episode id of an earlier one is
   * rejected at {@code $.episode.id}, as the command line rejects it; a record whose evaluation
   * failed (a perfspecs bug) at {@code $} with reason {@code internal error (Type)}.
   */
  public static final StructType REJECTIONS = createStructType(List.of(
      createStructField("input", StringType, false),
      createStructField("file", StringType, true),
      createStructField("line", LongType, false),
      createStructField("violation", IntegerType, false),
      createStructField("path", StringType, false),
      createStructField("message", StringType, false),
      createStructField("reason", StringType, false)));

  /**
   * Aggregate rows, as {@code aggregate.csv}'s columns: {@code level} (SPECIFICATION, SECTION,
   * REQUIREMENT, PROGRAM, MONTH), {@code key}, {@code spec}, {@code section},
   * {@code requirementId}, {@code programId}, {@code month}, {@code strength} (empty where they do
   * not apply), one long column per outcome ({@code MET} ... {@code ERROR}), {@code findings},
   * {@code complianceRate} (MET / (MET + NOT_MET), unrounded; null when both are 0). Row order as in
   * {@code aggregate.json}: requirements, then programs, then months.
   */
  public static final StructType AGGREGATE = aggregate();

  private static StructType aggregate() {
    List<StructField> fields = new ArrayList<>();
    for (String name : List.of("level", "key", "spec", "section", "requirementId", "programId", "month", "strength")) {
      fields.add(createStructField(name, StringType, false));
    }
    for (Outcome o : Outcome.values()) {
      fields.add(createStructField(o.name(), LongType, false));
    }
    fields.add(createStructField("findings", LongType, false));
    fields.add(createStructField("complianceRate", DoubleType, true));
    return createStructType(fields);
  }

  private static List<StructField> lineReference() {
    return List.of(createStructField("file", StringType, true), createStructField("line", LongType, false));
  }

  private static StructType prefixed(StructType type, List<StructField> first) {
    List<StructField> fields = new ArrayList<>(first);
    fields.addAll(List.of(type.fields()));
    return createStructType(fields);
  }
}

package org.perfspecs.fhir;

import java.util.List;
import org.apiguardian.api.API;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Member;
import org.perfspecs.model.Program;

/**
 * What reading FHIR gave: the case records (one per EpisodeOfCare of a Patient, each valid for
 * {@link org.perfspecs.model.ModelValidator}), the members (one per Patient that could be mapped,
 * with or without an episode), the problems (each located by file, line and FHIRPath, never echoing
 * member data), the number of records rejected, and the {@link FhirReadSummary} of every resource.
 * Immutable.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class FhirReadResult {
  private final List<CaseRecord> records;
  private final List<Member> members;
  private final List<Program> programs;
  private final List<FhirProblem> problems;
  private final long recordsRejected;
  private final FhirReadSummary summary;

  FhirReadResult(List<CaseRecord> records, List<Member> members, List<Program> programs, List<FhirProblem> problems,
      long recordsRejected, FhirReadSummary summary) {
    this.records = List.copyOf(records);
    this.members = List.copyOf(members);
    this.programs = List.copyOf(programs);
    this.problems = List.copyOf(problems);
    this.recordsRejected = recordsRejected;
    this.summary = summary;
  }

  /** The valid case records, in the order of their EpisodeOfCare resources. */
  public List<CaseRecord> records() {
    return records;
  }

  /** The members, in the order of their Patient resources. */
  public List<Member> members() {
    return members;
  }

  /**
   * The programs: every Organization that provides a HealthcareService of one of the five services
   * (MAPPING.md), in the order of their Organization resources. They carry what FHIR can (name,
   * services, parent, locations and hours, staff roles, credentials and supervisors); the rest of a
   * program profile (licenses, agreements, ...) is absent.
   */
  public List<Program> programs() {
    return programs;
  }

  /** Every problem, in the order found. */
  public List<FhirProblem> problems() {
    return problems;
  }

  /** The problems of severity ERROR. */
  public List<FhirProblem> errors() {
    return problems.stream().filter(p -> p.severity() == FhirProblem.Severity.ERROR).toList();
  }

  /** Episodes (or patients) that could not be made into a valid record. */
  public long recordsRejected() {
    return recordsRejected;
  }

  /**
   * How many rejections the command line counts for this result ({@code check --from fhir}): none
   * without errors; else one per record rejected and per line rejected, at least one (an error that
   * rejected only a resource still rejects the unit once). Each is reported where the first error
   * is, the first with every error, the others with the first.
   */
  public long rejections() {
    return errors().isEmpty() ? 0 : Math.max(1, recordsRejected + summary.linesRejected());
  }

  /** What happened to every resource read. */
  public FhirReadSummary summary() {
    return summary;
  }
}

package org.perfspecs.checks.specifications.rrs;

import static org.perfspecs.checks.Strength.MUST;
import static org.perfspecs.checks.specifications.rrs.RrsStay.ADMITTED;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.Condition;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.Judgments;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.QualityPlanRule;
import org.perfspecs.checks.Section;
import org.perfspecs.checks.Times;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Incident;
import org.perfspecs.model.Program;
import org.perfspecs.model.QualityPlan;

/**
 * RRS for Pregnant and Post-Partum Women "QUALITY MANAGEMENT". Item 2's second sentence ("Data may
 * be collected via satisfaction surveys, electronic medical records, and other forms.") grants a
 * permission and imposes nothing, so it is not a requirement.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RrsQualityManagement extends Section {
  static final String HEADING = "QUALITY MANAGEMENT";

  /**
   * {@index RRS_PPW.QM.1}: Item 1: develop and maintain a quality management plan. MET when the profile holds a quality
   * plan adopted on or before the as-of date.
   */
  public static final ProgramRequirement QM_PLAN = ProgramRequirement.of(
      "RRS_PPW.QM.1", MUST,
      cite("1", "The provider will develop and maintain a quality management plan that is consistent with their contractual responsibilities to Optum, and which utilizes appropriate procedures to monitor, measure, and improve the activities and services it provides."),
      RrsQualityManagement::qmPlan);

  /** {@index RRS_PPW.QM.1.a.I}: 1.a.I: work to improve MAT/MOUD induction and continuation (attested). */
  public static final ProgramRequirement IMPROVE_MOUD = aim("I", "Increase in MAT/MOUD induction and continuation");
  /** {@index RRS_PPW.QM.1.a.II}: 1.a.II: work to decrease readmissions to ED and inpatient services (attested). */
  public static final ProgramRequirement IMPROVE_READMISSIONS = aim("II", "Decrease in readmissions to ED and inpatient services");
  /**
   * {@index RRS_PPW.QM.1.a.III}: 1.a.III: work to increase referrals and transitions to lower
   * levels of care (attested).
   */
  public static final ProgramRequirement IMPROVE_TRANSITIONS = aim("III", "Increase in referrals and transitions to lower levels of care");
  /** {@index RRS_PPW.QM.1.a.IV}: 1.a.IV: work to increase capacity for co-occurring conditions (attested). */
  public static final ProgramRequirement IMPROVE_CAPACITY = aim("IV", "Increase in program's capacities to admit and treat individuals with behavioral health and co-occurring physical health conditions.");

  /**
   * {@index RRS_PPW.QM.1.b}: 1.b: ESM data reported to BSAS at admission and discharge (attested: the reports go to BSAS and
   * the record holds no report; the regulation's detail is external).
   */
  public static final ProgramRequirement ESM_REPORTING = ProgramRequirement.attested(
      "RRS_PPW.QM.1.b", MUST,
      cite("1.b", "Providers will be required to report Enterprise Service Management (ESM) data to BSAS at admission and discharge per DPH/BSAS Licensing Regulation."));

  /**
   * {@index RRS_PPW.QM.1.c}: 1.c: collect data to measure the quality of services. MET when the quality plan (adopted by the
   * as-of date) uses outcome measures or satisfaction surveys.
   */
  public static final ProgramRequirement COLLECTS_QUALITY_DATA = ProgramRequirement.of(
      "RRS_PPW.QM.1.c", MUST,
      cite("1.c", "The provider will collect data to measure the quality of their services."),
      RrsQualityManagement::collectsQualityData);

  /**
   * {@index RRS_PPW.QM.2}: 2: a continuous QI process to evaluate care and review adherence to policies. MET when the
   * quality plan (adopted by the as-of date) includes a continuous quality improvement process.
   */
  public static final ProgramRequirement CONTINUOUS_QI = ProgramRequirement.of(
      "RRS_PPW.QM.2", MUST,
      cite("2", "The provider must have a continuous QI process to evaluate the care provided and review adherence to policies and procedures within the sites."),
      RrsQualityManagement::continuousQi);

  /** {@index RRS_PPW.QM.3.a}: 3, first obligation: clinical outcomes data available to Optum on request (attested). */
  public static final ProgramRequirement OUTCOMES_ON_REQUEST = ProgramRequirement.attested(
      "RRS_PPW.QM.3.a", MUST,
      cite("3, first obligation", "Clinical outcomes data must be made available to Optum upon request"));

  /**
   * {@index RRS_PPW.QM.3.b}: 3, second obligation: outcomes data consistent with the performance
   * specifications (attested).
   */
  public static final ProgramRequirement OUTCOMES_CONSISTENT = ProgramRequirement.attested(
      "RRS_PPW.QM.3.b", MUST,
      cite("3, second obligation", "must be consistent with the performance specifications of this service."));

  /** A reportable incident occurred during the stay (as of the evaluation time). */
  static final Condition REPORTABLE_INCIDENT = Condition.of("a reportable incident occurred during the stay",
      RrsQualityManagement::reportableIncident);

  /**
   * {@index RRS_PPW.QM.4}: 4: "Providers must report any adverse incidents and other reportable events that occur to the
   * relevant authorities." For each reportable incident that occurred during the stay, the record
   * must show it reported (at or after it occurred, by the as-of time). The document gives no
   * deadline: an incident not yet reported is NOT_MET. NOT_APPLICABLE when no reportable incident
   * occurred. (The record's report time is the report to the payer; it stands for the report to
   * the relevant authorities.)
   */
  public static final EpisodeRequirement INCIDENTS_REPORTED = EpisodeRequirement.of(
      "RRS_PPW.QM.4", MUST,
      cite("4", "Providers must report any adverse incidents and other reportable events that occur to the relevant authorities."),
      RrsQualityManagement::incidentsReported)
      .when(ADMITTED).when(REPORTABLE_INCIDENT);

  RrsQualityManagement() {
    super("QM", HEADING, List.of(QM_PLAN, IMPROVE_MOUD, IMPROVE_READMISSIONS, IMPROVE_TRANSITIONS, IMPROVE_CAPACITY,
        ESM_REPORTING, COLLECTS_QUALITY_DATA, CONTINUOUS_QI, OUTCOMES_ON_REQUEST, OUTCOMES_CONSISTENT, INCIDENTS_REPORTED));
  }

  static Citation cite(String label, String text) {
    return Citation.of(RrsPpw.SOURCE, HEADING, label, text);
  }

  private static ProgramRequirement aim(String numeral, String text) {
    return ProgramRequirement.attested("RRS_PPW.QM.1.a." + numeral, MUST, cite("1.a." + numeral, text));
  }

  private static Optional<QualityPlan> plan(Program program, EvaluationContext ctx) {
    return QualityPlanRule.adoptedPlan(program, ctx);
  }

  private static Evidence evidence(QualityPlan q) {
    return Evidence.onDate("qualityPlan", "qualityPlan", q.adoptedOn(), "quality management plan adopted");
  }

  private static Judgment qmPlan(Program program, EvaluationContext ctx) {
    return plan(program, ctx).map(q -> Judgment.met("a quality management plan adopted on " + q.adoptedOn() + " is on file",
            evidence(q)))
        .orElseGet(() -> Judgment.notMet("the program profile holds no quality management plan adopted by " + ctx.today()));
  }

  private static Judgment collectsQualityData(Program program, EvaluationContext ctx) {
    Optional<QualityPlan> q = plan(program, ctx);
    if (q.isEmpty()) {
      return Judgment.notMet("the program profile holds no quality management plan adopted by " + ctx.today());
    }
    return q.get().outcomeMeasures() || q.get().satisfactionSurveys()
        ? Judgment.met("the quality management plan collects data (outcome measures or satisfaction surveys)", evidence(q.get()))
        : Judgment.notMet("the quality management plan uses neither outcome measures nor satisfaction surveys", evidence(q.get()));
  }

  private static Judgment continuousQi(Program program, EvaluationContext ctx) {
    Optional<QualityPlan> q = plan(program, ctx);
    if (q.isEmpty()) {
      return Judgment.notMet("the program profile holds no quality management plan adopted by " + ctx.today());
    }
    return q.get().continuousImprovement()
        ? Judgment.met("the quality management plan includes a continuous quality improvement process", evidence(q.get()))
        : Judgment.notMet("the quality management plan includes no continuous quality improvement process", evidence(q.get()));
  }

  private static List<Incident> reportableDuringStay(CaseRecord record, EvaluationContext ctx) {
    List<Incident> incidents = record.episode().incidents();
    if (incidents.isEmpty()) {
      return List.of();
    }
    RrsStay.Stay stay = RrsStay.stay(record.episode(), ctx);
    return org.perfspecs.checks.RecordLists.keptSorted(incidents, i -> i.reportable() && stay.contains(i.occurredAt(), ctx),
        BY_OCCURRENCE);
  }

  private static final Comparator<Incident> BY_OCCURRENCE = Comparator.comparing(Incident::occurredAt);

  private static Optional<Judgment> reportableIncident(CaseRecord record, EvaluationContext ctx) {
    if (!reportableDuringStay(record, ctx).isEmpty()) {
      return Optional.empty();
    }
    // the judgment depends on the context alone: made once per context (the last one asked is kept)
    NoIncident last = lastNoIncident;
    if (last == null || last.ctx() != ctx) {
      last = new NoIncident(ctx, Optional.of(Judgment.notApplicable("no reportable incident occurred during the stay as of "
          + Times.format(ctx.asOf(), ctx.zone()))));
      lastNoIncident = last;
    }
    return last.judgment();
  }

  private record NoIncident(EvaluationContext ctx, Optional<Judgment> judgment) {}

  private static volatile NoIncident lastNoIncident;

  private static Judgment incidentsReported(CaseRecord record, EvaluationContext ctx) {
    List<Incident> incidents = reportableDuringStay(record, ctx);
    Evidence[] evidence = new Evidence[incidents.size()];
    int unreported = 0;
    for (int k = 0; k < evidence.length; k++) {
      Incident i = incidents.get(k);
      Optional<java.time.Instant> reported = i.reportedAt();
      boolean shown = reported.isPresent() && ctx.hasHappened(reported.get());
      evidence[k] = Evidence.of("incident", i.id(), i.occurredAt(),
          shown ? "reported " + Times.format(reported.get(), ctx.zone()) : "not reported");
      if (!shown) {
        unreported++;
      }
    }
    return unreported == 0
        ? Judgments.met("each of the ", String.valueOf(incidents.size()), " reportable incident(s) was reported", "", evidence)
        : Judgments.notMet(String.valueOf(unreported), " of ", String.valueOf(incidents.size()),
            " reportable incident(s) show no report", evidence);
  }
}

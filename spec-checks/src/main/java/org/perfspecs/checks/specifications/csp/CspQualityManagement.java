package org.perfspecs.checks.specifications.csp;

import static org.perfspecs.checks.Strength.MUST;

import java.util.ArrayList;
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
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.QualityPlanRule;
import org.perfspecs.checks.Section;
import org.perfspecs.checks.Timeliness;
import org.perfspecs.checks.Timeliness.Timed;
import org.perfspecs.checks.time.Deadline;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Incident;
import org.perfspecs.model.Program;
import org.perfspecs.model.QualityPlan;

/** CSP "Quality management (QM)". */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CspQualityManagement extends Section {
  static final String HEADING = "Quality management (QM)";

  /**
   * {@index CSP.QM.1}: Item 1: a quality management plan. Met when the profile holds a quality plan adopted on or
   * before the as-of date (its consistency with the plan's own is not recorded).
   */
  public static final ProgramRequirement QM_PLAN = ProgramRequirement.of(
      "CSP.QM.1", MUST,
      cite("1", "The program will develop and maintain a quality management plan that is consistent with that of Tufts Health Public Plans, and which utilizes appropriate measures to monitor, measure and improve the activities and services it provides."),
      QualityPlanRule.exists("measures to monitor, measure and improve the program's activities and services"));

  /** {@index CSP.QM.2.a}: Item 2: a continuous quality improvement process (the plan's continuousImprovement). */
  public static final ProgramRequirement CONTINUOUS_IMPROVEMENT = ProgramRequirement.of(
      "CSP.QM.2.a", MUST,
      cite("2, first obligation", "A continuous quality improvement process is utilized"),
      QualityPlanRule.includes("a continuous quality improvement process", QualityPlan::continuousImprovement));

  /** {@index CSP.QM.2.b}: Item 2: outcome measures (the plan's outcomeMeasures). */
  public static final ProgramRequirement OUTCOME_MEASURES = ProgramRequirement.of(
      "CSP.QM.2.b", MUST,
      cite("2, element 1", "will include outcome measures"),
      QualityPlanRule.includes("outcome measures", QualityPlan::outcomeMeasures));

  /** {@index CSP.QM.2.c}: Item 2: satisfaction surveys (the plan's satisfactionSurveys). */
  public static final ProgramRequirement SATISFACTION_SURVEYS = ProgramRequirement.of(
      "CSP.QM.2.c", MUST,
      cite("2, element 2", "and satisfaction surveys to measure and improve the quality of care and service delivered to Members, including youth and their families."),
      QualityPlanRule.includes("satisfaction surveys", QualityPlan::satisfactionSurveys));

  /**
   * {@index CSP.QM.3.a}: Item 3, first obligation: "Clinical outcomes data must be made available to Tufts Health Public
   * Plans upon request" No structured fact of the program profile can show it: attested (MET with an
   * attestation for this id dated on or before the as-of date, otherwise NOT_MET).
   */
  public static final ProgramRequirement OUTCOMES_DATA_ON_REQUEST = ProgramRequirement.attested(
      "CSP.QM.3.a", MUST,
      cite("3, first obligation", "Clinical outcomes data must be made available to Tufts Health Public Plans upon request"));

  /** The plan's performance standard for community support programs (not bundled). */
  public static final String PERFORMANCE_STANDARD = "Tufts Health Public Plans' performance standard for community support programs";

  /** {@index CSP.QM.3.b}: Item 3, second obligation: deferral to the plan's performance standard. */
  public static final ProgramRequirement OUTCOMES_DATA_STANDARD = ProgramRequirement.external(
      "CSP.QM.3.b", MUST,
      cite("3, second obligation", "must be consistent with Tufts Health Public Plans' performance standard for community support programs."),
      PERFORMANCE_STANDARD);

  /**
   * {@index CSP.QM.4}: Item 4: every reportable adverse incident reported within 1 business day of its occurrence: by
   * the end of the first business day after the day it occurred (America/New_York, standard
   * calendar). Applies when a reportable incident has occurred by the as-of time. With several,
   * each is judged and the finding is the first NOT_MET, else the first PENDING, else MET.
   */
  public static final EpisodeRequirement INCIDENTS_REPORTED = EpisodeRequirement.of(
      "CSP.QM.4", MUST,
      cite("4, first sentence", "All Reportable Adverse Incidents will be reported to Tufts Health Public Plans within 1 business day of their occurrence per Tufts Health Public Plans' policy and DMH licensing requirements."),
      CspQualityManagement::incidentsReported)
      .when(Condition.of("a reportable adverse incident has occurred", CspQualityManagement::reportableIncident));

  CspQualityManagement() {
    super("QM", HEADING, List.of(QM_PLAN, CONTINUOUS_IMPROVEMENT, OUTCOME_MEASURES, SATISFACTION_SURVEYS,
        OUTCOMES_DATA_ON_REQUEST, OUTCOMES_DATA_STANDARD, INCIDENTS_REPORTED));
  }

  static Citation cite(String label, String text) {
    return Citation.of(Csp.SOURCE, HEADING, label, text);
  }


  private static List<Incident> reportable(CaseRecord record, EvaluationContext ctx) {
    if (record.episode().incidents().isEmpty()) {
      return List.of();
    }
    // the reportable incidents that have occurred, by time (a stable sort, as Stream.sorted)
    List<Incident> all = record.episode().incidents();
    Incident[] kept = new Incident[all.size()];
    int count = 0;
    for (int k = 0; k < kept.length; k++) {
      Incident i = all.get(k);
      if (i.reportable() && ctx.hasHappened(i.occurredAt())) {
        kept[count++] = i;
      }
    }
    if (count == 0) {
      return List.of();
    }
    java.util.Arrays.sort(kept, 0, count, BY_TIME);
    return java.util.Arrays.asList(kept).subList(0, count);
  }

  private static final Outcome[] WORST_FIRST = {Outcome.NOT_MET, Outcome.PENDING};
  private static final Comparator<Incident> BY_TIME = Comparator.comparing(Incident::occurredAt);

  private static Optional<Judgment> reportableIncident(CaseRecord record, EvaluationContext ctx) {
    return reportable(record, ctx).isEmpty()
        ? NO_REPORTABLE_INCIDENT
        : Optional.empty();
  }

  // the same for every record (immutable): made once
  private static final Optional<Judgment> NO_REPORTABLE_INCIDENT =
      Optional.of(Judgment.notApplicable("no reportable adverse incident has occurred"));

  private static Judgment incidentsReported(CaseRecord record, EvaluationContext ctx) {
    List<Judgment> judgments = new ArrayList<>();
    for (Incident i : reportable(record, ctx)) {
      Deadline due = Deadline.businessDaysAfter(i.occurredAt(), 1, ctx.calendar());
      judgments.add(Timeliness.judge(due,
          i.reportedAt().map(t -> Timed.of(t, Evidence.of("incident", i.id(), t, "reported"))),
          "report of incident " + i.id(), ctx, Evidence.of("incident", i.id(), i.occurredAt(), "reportable adverse incident occurred")));
    }
    // the first NOT_MET, else the first PENDING, else all met
    for (Outcome worst : WORST_FIRST) {
      for (int k = 0, n = judgments.size(); k < n; k++) {
        if (judgments.get(k).outcome() == worst) {
          return judgments.get(k);
        }
      }
    }
    if (judgments.size() == 1) {
      return judgments.get(0);
    }
    List<Evidence> evidence = new ArrayList<>();
    for (int k = 0, n = judgments.size(); k < n; k++) {
      evidence.addAll(judgments.get(k).evidence());
    }
    return Judgments.met("all ", String.valueOf(judgments.size()),
        " reportable adverse incidents were reported within 1 business day", "", evidence.toArray(new Evidence[0]));
  }
}

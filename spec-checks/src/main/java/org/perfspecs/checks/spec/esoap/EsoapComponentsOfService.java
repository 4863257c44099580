package org.perfspecs.checks.spec.esoap;

import static org.perfspecs.checks.Strength.MUST;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.Conditions;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Section;
import org.perfspecs.checks.Timeliness;
import org.perfspecs.checks.Timeliness.Timed;
import org.perfspecs.checks.time.Deadline;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Consultation;
import org.perfspecs.model.ConsultationKind;
import org.perfspecs.model.Episode;

/** ESOAP "COMPONENTS OF SERVICE". */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class EsoapComponentsOfService extends Section {
  static final String HEADING = "COMPONENTS OF SERVICE";

  /** Item 1: deferral to the General Performance Specifications. */
  public static final ProgramRequirement GENERAL_SPECIFICATIONS = ProgramRequirement.external(
      "ESOAP.COMP.1", MUST,
      cite("1", "The Enhanced SOAP (ASAM Intensive Outpatient Program) for Pregnant and Postpartum Members complies with all provisions of the corresponding section in the General Performance Specifications."),
      Esoap.GENERAL_SPECIFICATIONS + ", Components of Service");

  /** Item 2: deferral to 105 CMR 164, including reporting requirements. */
  public static final ProgramRequirement LICENSURE_105_CMR_164 = ProgramRequirement.external(
      "ESOAP.COMP.2", MUST,
      cite("2", "The provider complies with requirements of the Department of Public Health (DPH) Bureau of Substance Addiction Services (BSAS) 105 CMR 164 Licensure of Substance Use Disorder Treatment Programs, including reporting requirements."),
      Esoap.CMR_105_164);

  /**
   * Item 4, second bullet: a medical and an obstetric consultation, each arranged no later than
   * exactly 48 hours after admission (48:00 is on time, 48:01 is late), for a member pregnant or
   * postpartum at admission.
   */
  public static final EpisodeRequirement CONSULTATIONS_WITHIN_48_HOURS = EpisodeRequirement.of(
      "ESOAP.COMP.4.2", MUST,
      cite("4, second bullet", "The provider arranges all necessary medical and obstetric consultations within 48 hours of admission and documents this in the Member's health record."),
      EsoapComponentsOfService::consultationsWithin48Hours)
      .when(Conditions.pregnantOrPostpartumAtAdmission());

  EsoapComponentsOfService() {
    super("COMP", HEADING, List.of(GENERAL_SPECIFICATIONS, LICENSURE_105_CMR_164, CONSULTATIONS_WITHIN_48_HOURS));
  }

  static Citation cite(String label, String text) {
    return Citation.of(Esoap.SOURCE, HEADING, label, text);
  }

  private static Judgment consultationsWithin48Hours(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    var admitted = e.admittedAt().orElseThrow(); // the condition guarantees an admission
    Deadline due = Deadline.hoursAfter(admitted, 48, ctx.zone());
    Evidence admission = Evidence.of("episode", e.id(), admitted, "admission");
    Optional<Consultation> medical = earliest(e, ConsultationKind.MEDICAL, ctx);
    Optional<Consultation> obstetric = earliest(e, ConsultationKind.OBSTETRIC, ctx);
    if (medical.isPresent() && obstetric.isPresent()) {
      Consultation later = medical.get().arrangedAt().isAfter(obstetric.get().arrangedAt()) ? medical.get() : obstetric.get();
      Consultation earlier = later == medical.get() ? obstetric.get() : medical.get();
      return Timeliness.judge(due, Optional.of(Timed.of(later.arrangedAt(), evidence(later))),
          "medical and obstetric consultations arranged (the later one)", ctx,
          admission, evidence(earlier));
    }
    String missing = medical.isEmpty() && obstetric.isEmpty() ? "medical or obstetric"
        : medical.isEmpty() ? "medical" : "obstetric";
    Evidence[] basis = Optional.ofNullable(medical.orElse(obstetric.orElse(null)))
        .map(c -> new Evidence[] {admission, evidence(c)}).orElse(new Evidence[] {admission});
    return Timeliness.judge(due, Optional.empty(), "arranged " + missing + " consultation", ctx, basis);
  }

  private static Optional<Consultation> earliest(Episode e, ConsultationKind kind, EvaluationContext ctx) {
    return e.consultations().stream()
        .filter(c -> c.kind() == kind && ctx.hasHappened(c.arrangedAt()))
        .min(Comparator.comparing(Consultation::arrangedAt));
  }

  private static Evidence evidence(Consultation c) {
    return Evidence.of("consultation", c.id(), c.arrangedAt(), c.kind().name().toLowerCase() + " consultation arranged");
  }
}

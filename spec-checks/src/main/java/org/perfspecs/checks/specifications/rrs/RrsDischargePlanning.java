package org.perfspecs.checks.specifications.rrs;

import static org.perfspecs.checks.Strength.MUST;
import static org.perfspecs.checks.specifications.rrs.RrsStay.ADMITTED;
import static org.perfspecs.checks.specifications.rrs.RrsStay.words;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.Conditions;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.Section;
import org.perfspecs.checks.Times;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Document;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.Episode;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ServiceCategory;

/**
 * RRS for Pregnant and Post-Partum Women "PROCESS SPECIFICATIONS", "Discharge Planning and
 * Documentation". Every requirement applies once the member has been discharged (as of the
 * evaluation time).
 *
 * <p>Item 1 lists the referrals the aftercare plan includes "if indicated in the Enrollee's
 * treatment plan": one requirement per listed service ({@code 1.a} to {@code 1.c}, and {@code 1.d}
 * split into its six services {@code 1.d.1} to {@code 1.d.6}), each applying when the record marks
 * the need ({@link org.perfspecs.model.Episode#serviceNeeds()}), MET by a referral made to that
 * service between admission and discharge (inclusive), NOT_MET otherwise.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RrsDischargePlanning extends Section {
  static final String HEADING = "Discharge Planning and Documentation";

  /**
   * {@index RRS_PPW.DISCH.1}: Item 1, lead: "upon discharge Enrollees have an individualized Enrollee aftercare plan". MET by
   * an aftercare plan or discharge plan dated from the admission date through the discharge date;
   * one dated after the discharge date is late (NOT_MET); none is NOT_MET.
   */
  public static final EpisodeRequirement AFTERCARE_PLAN = EpisodeRequirement.of(
      "RRS_PPW.DISCH.1", MUST,
      cite("1", "The provider ensures that upon discharge Enrollees have an individualized Enrollee aftercare plan"),
      RrsDischargePlanning::aftercarePlan)
      .when(ADMITTED).when(Conditions.discharged());

  /** {@index RRS_PPW.DISCH.1.a}: 1.a. */
  public static final EpisodeRequirement REFER_LIVING_OPPORTUNITIES = referral("1.a", "a",
      "Family transitional/permanent living opportunities;", ServiceCategory.FAMILY_LIVING_OPPORTUNITIES);
  /** {@index RRS_PPW.DISCH.1.b}: 1.b. */
  public static final EpisodeRequirement REFER_CHILDCARE = referral("1.b", "b", "Childcare service;",
      ServiceCategory.CHILDCARE);
  /** {@index RRS_PPW.DISCH.1.c}: 1.c. */
  public static final EpisodeRequirement REFER_VOCATIONAL = referral("1.c", "c",
      "Vocational and educational rehabilitation services; and", ServiceCategory.VOCATIONAL_EDUCATIONAL);

  private static final String D = "Primary health and mental health services (including pediatric care and specialized pediatric care as indicated), support services for survivors of intimate partner violence or sex trafficking, and other social services as needed.";

  /** {@index RRS_PPW.DISCH.1.d.1}: 1.d, primary health services. */
  public static final EpisodeRequirement REFER_PRIMARY_HEALTH = referral("1.d.1", "d, primary health services", D,
      ServiceCategory.PRIMARY_HEALTH);
  /** {@index RRS_PPW.DISCH.1.d.2}: 1.d, mental health services. */
  public static final EpisodeRequirement REFER_MENTAL_HEALTH = referral("1.d.2", "d, mental health services", D,
      ServiceCategory.MENTAL_HEALTH);
  /** {@index RRS_PPW.DISCH.1.d.3}: 1.d, pediatric care. */
  public static final EpisodeRequirement REFER_PEDIATRIC = referral("1.d.3", "d, pediatric care", D,
      ServiceCategory.PEDIATRICS);
  /** {@index RRS_PPW.DISCH.1.d.4}: 1.d, specialized pediatric care. */
  public static final EpisodeRequirement REFER_SPECIALIZED_PEDIATRIC = referral("1.d.4", "d, specialized pediatric care", D,
      ServiceCategory.SPECIALIZED_PEDIATRICS);
  /**
   * {@index RRS_PPW.DISCH.1.d.5}: 1.d, support services for survivors of intimate partner violence
   * or sex trafficking.
   */
  public static final EpisodeRequirement REFER_SURVIVOR_SUPPORT = referral("1.d.5",
      "d, support services for survivors of intimate partner violence or sex trafficking", D,
      ServiceCategory.SUPPORT_FOR_SURVIVORS);
  /** {@index RRS_PPW.DISCH.1.d.6}: 1.d, other social services as needed. */
  public static final EpisodeRequirement REFER_SOCIAL_SERVICES = referral("1.d.6", "d, other social services", D,
      ServiceCategory.SOCIAL_SERVICES);

  RrsDischargePlanning() {
    super("DISCH", HEADING, List.of(AFTERCARE_PLAN, REFER_LIVING_OPPORTUNITIES, REFER_CHILDCARE, REFER_VOCATIONAL,
        REFER_PRIMARY_HEALTH, REFER_MENTAL_HEALTH, REFER_PEDIATRIC, REFER_SPECIALIZED_PEDIATRIC, REFER_SURVIVOR_SUPPORT,
        REFER_SOCIAL_SERVICES));
  }

  static Citation cite(String label, String text) {
    return Citation.of(RrsPpw.SOURCE, HEADING, label, text);
  }

  private static final Set<DocumentKind> PLAN_KINDS = Set.of(DocumentKind.AFTERCARE_PLAN, DocumentKind.DISCHARGE_PLAN);

  private static final Comparator<Document> BY_DATE_THEN_ID =
      Comparator.comparing(Document::date).thenComparing(Document::id);

  private static Judgment aftercarePlan(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    Instant discharged = e.dischargedAt().orElseThrow();
    LocalDate from = ctx.dateOf(e.admittedAt().orElseThrow());
    LocalDate dischargeDate = ctx.dateOf(discharged);
    Evidence discharge = Evidence.of("episode", e.id(), discharged, "discharge");
    // the first plan by date then id (the first of equals, as a stable sort keeps), of all and of those
    // dated by the discharge date
    Document first = null;
    Document onTime = null;
    for (Document d : e.documents()) {
      if (PLAN_KINDS.contains(d.kind()) && !d.date().isBefore(from) && ctx.hasBegun(d.date())) {
        if (first == null || BY_DATE_THEN_ID.compare(d, first) < 0) {
          first = d;
        }
        if (!d.date().isAfter(dischargeDate) && (onTime == null || BY_DATE_THEN_ID.compare(d, onTime) < 0)) {
          onTime = d;
        }
      }
    }
    if (onTime != null) {
      Document d = onTime;
      return Judgment.met("an aftercare plan dated " + d.date() + " is in the record at discharge (" + dischargeDate + ")",
          discharge, Evidence.onDate("document", d.id(), d.date(), words(d.kind().name())));
    }
    if (first != null) {
      Document d = first;
      return Judgment.notMet("the aftercare plan is dated " + d.date() + ", after the discharge date " + dischargeDate,
          discharge, Evidence.onDate("document", d.id(), d.date(), words(d.kind().name())));
    }
    return Judgment.notMet("the record holds no aftercare or discharge plan for the discharge on "
        + Times.format(discharged, ctx.zone()), discharge);
  }

  private static EpisodeRequirement referral(String path, String label, String text, ServiceCategory target) {
    return EpisodeRequirement.of("RRS_PPW.DISCH." + path, MUST,
        cite("1." + label + " (if indicated in the treatment plan)", text),
        new AftercareReferral(target)::judge)
        .when(RrsStay.needs(target)).when(ADMITTED).when(Conditions.discharged());
  }

  /** A referral to {@code target} made between admission and discharge. */
  private static final class AftercareReferral {
    // the target as a set and what the record must show, made once per requirement
    private final Set<ServiceCategory> targets;
    private final String shown;

    AftercareReferral(ServiceCategory target) {
      this.targets = Set.of(target);
      this.shown = "referral to " + words(target.name()) + " for aftercare";
    }

    Judgment judge(CaseRecord record, EvaluationContext ctx) {
      Optional<Referral> r = RrsStay.referralTo(record.episode(), targets, ctx);
      return RrsStay.shownDuringStay(record, ctx, shown, r.isPresent() ? Optional.of(RrsStay.evidence(r.get())) : Optional.empty());
    }
  }
}

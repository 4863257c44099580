package org.perfspecs.checks.specifications.csp;

import static org.perfspecs.checks.Strength.MUST;
import static org.perfspecs.checks.Strength.SHOULD;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apiguardian.api.API;
import org.perfspecs.checks.RecordLists;
import org.perfspecs.checks.RecordScope;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.Condition;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Interpretation;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.Judgments;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Requirement;
import org.perfspecs.checks.Section;
import org.perfspecs.checks.Conditions;
import org.perfspecs.checks.Timeliness;
import org.perfspecs.checks.Timeliness.Timed;
import org.perfspecs.checks.time.Deadline;
import org.perfspecs.model.Appointment;
import org.perfspecs.model.AppointmentKind;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.Document;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.Episode;
import org.perfspecs.model.Goal;
import org.perfspecs.model.Party;
import org.perfspecs.model.PlanReview;
import org.perfspecs.model.ProcedureKind;
import org.perfspecs.model.Program;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ReferralOutcome;
import org.perfspecs.model.ReferralSource;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.ServicePlan;
import org.perfspecs.model.StateAgency;
import org.perfspecs.model.Topic;

/**
 * CSP "Process specifications". Item 2.c, fourth bullet: "The service plan must be in writing, and
 * must include at least the following information, as appropriate to the member's presenting
 * complaint:" followed by seven elements, one requirement each. Each applies once a written
 * service plan is in the record (whether a plan exists at all is a separate obligation, 2.c).
 *
 * <p>Service obligations without a deadline or window (2.d, 2.e.2.b, 2.g.1.c, 2.g.2, 2.g.3) are
 * judged over the stay so far: from the admission to the discharge, or to the as-of time while the
 * member is still enrolled; MET when the record shows the obligation within that span, NOT_MET when
 * it does not (what is not documented was not done). They apply once the member is admitted
 * (NOT_APPLICABLE when found ineligible, UNDETERMINED without an admission time). Obligations about
 * the discharge itself (2.g.4: the written plan given to the member and forwarded at discharge)
 * apply only once the member is discharged. Discharge-planning records are progress notes that
 * record discharge-planning activity, and written discharge plans. Permissions ("Services
 * may be provided via telehealth", "the CSP staff may implement interventions ...") impose
 * nothing and are not requirements.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CspProcessSpecifications extends Section {
  static final String HEADING = "Process specifications";

  private static final Condition WRITTEN_PLAN = Condition.of("a written service plan is in the record",
      CspProcessSpecifications::writtenPlan);


  // ---- 1 -------------------------------------------------------------------------------------

  /**
   * {@index CSP.PROC.1}: Item 1, first sentence: mobile delivery in any safe setting. Met when a location of the
   * program provides community-based (mobile) services (as {@code CSP.COMP.5}).
   */
  public static final ProgramRequirement MOBILE_DELIVERY = ProgramRequirement.of(
      "CSP.PROC.1", MUST,
      cite("1, first sentence", "The CSP provider delivers CSP services on a mobile basis to members in any setting that is safe for the member and staff."),
      CspComponentsOfService::mobileServices);

  // ---- 2.a Intake ----------------------------------------------------------------------------

  private static final Set<ReferralSource> NOT_A_REFERRAL_SOURCE = EnumSet.of(ReferralSource.SELF);
  private static final Set<ReferralSource> TWENTY_FOUR_HOUR = EnumSet.of(ReferralSource.INPATIENT_24_HOUR,
      ReferralSource.DIVERSIONARY_24_HOUR);

  /**
   * "Initiate service planning immediately" (2.a, and the discharge planning at the referrer of
   * 2.a.2, which the encoding places at the same time): by default by the end of day 1, the day of
   * admission (America/New_York); N days means by the end of the N-th day, the admission date day 1.
   */
  public static final Interpretation IMMEDIATELY = Interpretation.days("CSP.PROC.2.a.1.a.immediately",
      "initiate service planning immediately", 1,
      "Service planning cannot start before the member is admitted, and the contact with the referral source is usually a call made the same day, so the admission day is the reading that asks no more than the intake itself.");

  /**
   * "Begin discharge planning upon admission" (2.g.1.a): by default by the end of day 1, the day of
   * admission; N days means by the end of the N-th day, the admission date day 1.
   */
  public static final Interpretation DISCHARGE_PLANNING_UPON_ADMISSION = Interpretation.days(
      "CSP.PROC.2.g.1.a.uponAdmission", "begin discharge planning upon admission", 1,
      "A progress note is dated, not timed, so the admission date is the finest reading the record allows.");

  /**
   * "Upon completion of the comprehensive needs assessment" (2.c): by default by the end of day 1,
   * the date the needs assessment is completed; N days means by the end of the N-th day.
   */
  public static final Interpretation UPON_COMPLETION = Interpretation.days("CSP.PROC.2.c.uponCompletion",
      "upon completion of the comprehensive needs assessment", 1,
      "Both documents are dated, not timed: a plan completed the same day as the assessment is the literal reading of upon completion.");

  /**
   * {@index CSP.PROC.2.a.1.a}: 2.a, first bullet, first obligation: service planning initiated "immediately" by communicating
   * with the referral source. Applies to an admitted member referred by someone other than the
   * member. "Immediately" is read as: a contact with the referral source as a party, at or after
   * the referral, by the end of the day of admission. PENDING during the admission day.
   */
  public static final EpisodeRequirement COMMUNICATE_WITH_REFERRAL_SOURCE = EpisodeRequirement.of(
      "CSP.PROC.2.a.1.a", MUST,
      cite("2.a (Intake Services), first bullet, first obligation", "The program must initiate service planning immediately by communicating with the referral source, if any, to determine goals"),
      CspProcessSpecifications::communicateWithReferralSource)
      .reading(IMMEDIATELY)
      .when(Condition.of("the member was referred by a referral source other than the member",
          CspProcessSpecifications::hasReferralSource))
      .when(CspConditions.admitted());

  /**
   * {@index CSP.PROC.2.a.1.b}: 2.a, first bullet, second obligation: "and document appropriateness of services": an
   * assessment (ASSESSMENT document) dated no later than the admission date. Applies once the
   * member is admitted.
   */
  public static final EpisodeRequirement DOCUMENT_APPROPRIATENESS = EpisodeRequirement.of(
      "CSP.PROC.2.a.1.b", MUST,
      cite("2.a (Intake Services), first bullet, second obligation", "and document appropriateness of services."),
      CspProcessSpecifications::documentAppropriateness)
      .when(CspConditions.admitted());

  /**
   * {@index CSP.PROC.2.a.2}: 2.a, second bullet: a member referred by a 24-hour level of care (inpatient or diversionary):
   * the program takes part in discharge planning at the referring provider: a team-meeting contact
   * with the referral source as a party, at or after the referral and by the end of the day of
   * admission.
   */
  public static final EpisodeRequirement DISCHARGE_PLANNING_AT_REFERRER = EpisodeRequirement.of(
      "CSP.PROC.2.a.2", MUST,
      cite("2.a (Intake Services), second bullet", "If the member is referred by a 24-hour behavioral health level of care, including inpatient and diversionary providers, the program will participate, as appropriate, in member discharge planning at the referring provider."),
      CspProcessSpecifications::dischargePlanningAtReferrer)
      .reading(IMMEDIATELY)
      .when(Condition.of("the member was referred by a 24-hour behavioral health level of care",
          CspProcessSpecifications::referredBy24Hour))
      .when(CspConditions.admitted());

  /**
   * {@index CSP.PROC.2.a.3}: 2.a, third bullet: a member found ineligible at intake is referred to alternative services:
   * a referral made out of the service at or after the determination and by the end of its day
   * ("during intake").
   */
  public static final EpisodeRequirement REFERRALS_WHEN_INELIGIBLE = EpisodeRequirement.of(
      "CSP.PROC.2.a.3", MUST,
      cite("2.a (Intake Services), third bullet", "If, during intake, the member is determined to be ineligible for CSP services pursuant to 130 CMR 461.403, the program must provide referrals to alternative services that may be medically necessary to meet the member's needs, if any."),
      CspProcessSpecifications::referralsWhenIneligible)
      .when(Condition.of("the member was determined ineligible during intake", CspProcessSpecifications::ineligible));

  // ---- 2.b Needs Assessment ------------------------------------------------------------------

  /**
   * {@index CSP.PROC.2.b.1}: 2.b, first bullet: the needs assessment (a NEEDS_ASSESSMENT document) completed within two
   * weeks of the initial appointment: dated no later than 14 calendar days after the date of the
   * first initial appointment that has taken place (not recorded as missed), or, without one, of
   * the admission. UNDETERMINED when neither is recorded; NOT_APPLICABLE for a member found
   * ineligible.
   */
  public static final EpisodeRequirement NEEDS_ASSESSMENT_WITHIN_TWO_WEEKS = EpisodeRequirement.of(
      "CSP.PROC.2.b.1", MUST,
      cite("2.b (Needs Assessment), first bullet", "The needs assessment must be completed within two (2) weeks of the initial appointment."),
      CspProcessSpecifications::needsAssessmentWithinTwoWeeks)
      .when(Condition.of("the member was not found ineligible", CspProcessSpecifications::notIneligible));

  /**
   * {@index CSP.PROC.2.b.2}: 2.b, second bullet: the needs assessment updated with the member at least quarterly while the
   * member is enrolled and entered in the health record. An update is a later NEEDS_ASSESSMENT
   * document developed with the member; each is due by the end of the date three months after the
   * previous one ({@link CspPeriodic}). "Or more frequently if needed" is not judged.
   */
  public static final EpisodeRequirement NEEDS_ASSESSMENT_QUARTERLY = EpisodeRequirement.of(
      "CSP.PROC.2.b.2", MUST,
      cite("2.b (Needs Assessment), second bullet", "The needs assessment must be updated with the member quarterly, at a minimum, or more frequently if needed, and must be entered in the member's health record."),
      CspProcessSpecifications::needsAssessmentQuarterly)
      .when(needsAssessmentDone());

  /**
   * {@index CSP.PROC.2.b.3.1}: 2.b, third bullet, element 1: the latest needs assessment covers
   * BARRIERS_TO_TREATMENT.
   */
  public static final EpisodeRequirement NEEDS_ASSESSMENT_BARRIERS = assessmentElement("CSP.PROC.2.b.3.1",
      "The needs assessments must identify ways to support the member in mitigating barriers to accessing and utilizing clinical treatment services",
      ContentElement.BARRIERS_TO_TREATMENT, "ways to mitigate barriers to clinical treatment");

  /**
   * {@index CSP.PROC.2.b.3.2}: 2.b, third bullet, element 2: the latest needs assessment covers
   * COMMUNITY_INVOLVEMENT_SKILLS_AND_RESOURCES.
   */
  public static final EpisodeRequirement NEEDS_ASSESSMENT_COMMUNITY_INVOLVEMENT = assessmentElement("CSP.PROC.2.b.3.2",
      "attaining the skills and resources to maintain community involvement.",
      ContentElement.COMMUNITY_INVOLVEMENT_SKILLS_AND_RESOURCES, "skills and resources to maintain community involvement");

  // ---- 2.c Service Planning ------------------------------------------------------------------

  /**
   * {@index CSP.PROC.2.c}: 2.c, first sentence: a service plan completed "upon completion of the comprehensive needs
   * assessment", read literally: the written plan dated on the date of the first needs assessment
   * (by the end of that day); a plan dated before the needs assessment is not upon its completion.
   */
  public static final EpisodeRequirement PLAN_UPON_NEEDS_ASSESSMENT = EpisodeRequirement.of(
      "CSP.PROC.2.c", MUST,
      cite("2.c (Service Planning), first sentence", "The program must complete a service plan for every member upon completion of the comprehensive needs assessment as follows:"),
      CspProcessSpecifications::planUponNeedsAssessment)
      .reading(UPON_COMPLETION)
      .when(needsAssessmentDone());

  /**
   * {@index CSP.PROC.2.c.1}: 2.c, first bullet: person-centred: the plan identifies needs and
   * individualized interventions.
   */
  public static final EpisodeRequirement PLAN_PERSON_CENTERED = EpisodeRequirement.of(
      "CSP.PROC.2.c.1", MUST,
      cite("2.c (Service Planning), first bullet", "The service plan must be person-centered and identify the member's needs and individualized strategies and interventions for meeting those needs;"),
      new PlanCheck("the member's needs and individualized interventions",
          p -> !p.problemsAndNeeds().isEmpty() && !p.interventions().isEmpty())::judge)
      .when(WRITTEN_PLAN);

  /** {@index CSP.PROC.2.c.2.a}: 2.c, second bullet, first element: developed in consultation with the member. */
  public static final EpisodeRequirement PLAN_WITH_MEMBER = EpisodeRequirement.of(
      "CSP.PROC.2.c.2.a", MUST,
      cite("2.c (Service Planning), second bullet, element 1", "As appropriate, the service plan must be developed in consultation with the member"),
      new PlanCheck("consultation with the member", p -> p.developedWith().contains(Party.MEMBER))::judge)
      .when(WRITTEN_PLAN);

  /**
   * {@index CSP.PROC.2.c.2.b}: 2.c, second bullet, second element: with the member's chosen support network, "as
   * appropriate": applies when the member consented to share with family, guardian, caregiver,
   * significant other or natural supports.
   */
  public static final EpisodeRequirement PLAN_WITH_SUPPORT_NETWORK = EpisodeRequirement.of(
      "CSP.PROC.2.c.2.b", MUST,
      cite("2.c (Service Planning), second bullet, element 2", "and member's chosen support network including family, and other natural or community supports;"),
      new PlanCheck("consultation with the member's support network",
          p -> RecordLists.anyIn(p.developedWith(), CspServices.NATURAL_SUPPORTS))::judge)
      .when(WRITTEN_PLAN)
      .when(CspConditions.consentedTo("the member's support network", CspServices.NATURAL_SUPPORTS));

  /**
   * {@index CSP.PROC.2.c.3}: 2.c, third bullet: records of referring and existing providers incorporated. Applies when the
   * member was referred by a provider or agency (not self or family); met when the plan records the
   * referral source among those it was developed with (the model's record of that input).
   */
  public static final EpisodeRequirement PLAN_INCORPORATES_RECORDS = EpisodeRequirement.of(
      "CSP.PROC.2.c.3", MUST,
      cite("2.c (Service Planning), third bullet", "As appropriate, the program must incorporate available records from referring and existing providers and agencies into the development of the service plan, including any bio-psychosocial assessment, reasons for referral, goal, and discharge recommendations."),
      new PlanCheck("the referring provider's records (developed with the referral source)",
          p -> p.developedWith().contains(Party.REFERRAL_SOURCE))::judge)
      .when(WRITTEN_PLAN)
      .when(Condition.of("the member was referred by a provider or agency", CspProcessSpecifications::referredByProvider));

  /** {@index CSP.PROC.2.c.4.1}: Element 1: identified problems and needs. */
  public static final EpisodeRequirement PLAN_PROBLEMS_AND_NEEDS = element(1,
      "Identified problems and needs relevant to services;",
      "identified problems and needs", p -> !p.problemsAndNeeds().isEmpty());

  /** {@index CSP.PROC.2.c.4.2}: Element 2: the member's strengths and needs. */
  public static final EpisodeRequirement PLAN_STRENGTHS_AND_NEEDS = element(2,
      "The member's strengths and needs;",
      "the member's strengths and needs", p -> !p.strengths().isEmpty() && !p.problemsAndNeeds().isEmpty());

  /**
   * {@index CSP.PROC.2.c.4.3}: Element 3: a solution-focused plan with interventions and measurable
   * goals (every goal measurable).
   */
  public static final EpisodeRequirement PLAN_MEASURABLE_GOALS = element(3,
      "A comprehensive, individualized plan that is solution-focused with clearly defined interventions and measurable goals.",
      "clearly defined interventions and measurable goals (every goal measurable)",
      p -> !p.goals().isEmpty() && allMeasurable(p.goals()) && !p.interventions().isEmpty());

  private static boolean allMeasurable(List<Goal> goals) {
    for (int i = 0, n = goals.size(); i < n; i++) {
      if (!goals.get(i).measurable()) {
        return false;
      }
    }
    return true;
  }

  /** {@index CSP.PROC.2.c.4.4}: Element 4: identified clinical interventions, services and benefits. */
  public static final EpisodeRequirement PLAN_INTERVENTIONS = element(4,
      "Identified clinical interventions, services, and benefits to be performed and coordinated by the provider;",
      "identified clinical interventions, services and benefits", p -> !p.interventions().isEmpty());

  /** {@index CSP.PROC.2.c.4.5}: Element 5: staff responsibilities and assignments. */
  public static final EpisodeRequirement PLAN_STAFF_RESPONSIBILITIES = element(5,
      "Clearly defined staff responsibilities and assignments for implementing the plan;",
      "staff responsibilities and assignments", p -> !p.staffResponsibilities().isEmpty());

  /** {@index CSP.PROC.2.c.4.6}: Element 6: the date last reviewed or revised. */
  public static final EpisodeRequirement PLAN_DATE_LAST_REVIEWED = element(6,
      "The date the plan was last reviewed or revised; and",
      "the date the plan was last reviewed or revised", p -> p.lastReviewedOn().isPresent());

  /** {@index CSP.PROC.2.c.4.7}: Element 7: signatures of the staff involved. */
  public static final EpisodeRequirement PLAN_STAFF_SIGNATURES = element(7,
      "The signatures of the CSP staff involved in the review or revision",
      "signatures of the CSP staff involved", p -> !p.staffSignatures().isEmpty());


  /**
   * {@index CSP.PROC.2.c.5.a}: 2.c, fifth bullet, first sentence: reviewed and revised at least every 12 months: reviews with
   * the plan revised, each by the end of the date 12 months after the plan's completion or the
   * previous revision ({@link CspPeriodic}).
   */
  public static final EpisodeRequirement PLAN_REVIEWED_12_MONTHS = EpisodeRequirement.of(
      "CSP.PROC.2.c.5.a", MUST,
      cite("2.c (Service Planning), fifth bullet, first sentence", "The service plan must be reviewed and revised at least every 12 months."),
      CspProcessSpecifications::planReviewed12Months)
      .when(WRITTEN_PLAN);

  /**
   * {@index CSP.PROC.2.c.5.b}: 2.c, fifth bullet, second sentence: updated after significant changes in the member's needs.
   * Applies when the record notes a significant change (Episode.significantNeedsChangesOn) on or
   * after the plan's completion; met when, for each, a review that revised the plan is dated on or
   * after it. No time is given: the update must be in the record at the as-of time.
   */
  public static final EpisodeRequirement PLAN_UPDATED_AFTER_CHANGE = EpisodeRequirement.of(
      "CSP.PROC.2.c.5.b", MUST,
      cite("2.c (Service Planning), fifth bullet, second sentence", "The service plan must be updated if there are significant changes in the member's needs, by reviewing and revising the goals and related activities."),
      CspProcessSpecifications::planUpdatedAfterChange)
      .when(WRITTEN_PLAN)
      .when(Condition.of("the record notes a significant change in the member's needs since the plan",
          CspProcessSpecifications::significantChange));

  // ---- 2.d Community Support Program Services ------------------------------------------------

  /**
   * {@index CSP.PROC.2.d.a}: 2.d, second sentence, first obligation: "CSP services must foster member empowerment, recovery,
   * and wellness" No structured fact of the program profile can show it: attested (MET with an
   * attestation for this id dated on or before the as-of date, otherwise NOT_MET).
   */
  public static final ProgramRequirement SERVICES_FOSTER_EMPOWERMENT = ProgramRequirement.attested(
      "CSP.PROC.2.d.a", MUST,
      cite("2.d, second sentence, first obligation", "CSP services must foster member empowerment, recovery, and wellness"));

  /**
   * {@index CSP.PROC.2.d.b}: 2.d, second sentence, second obligation: "must be designed to increase a member's independence,
   * including management of their own behavioral health and medical services." No structured fact of
   * the program profile can show it: attested (MET with an attestation for this id dated on or
   * before the as-of date, otherwise NOT_MET).
   */
  public static final ProgramRequirement SERVICES_INCREASE_INDEPENDENCE = ProgramRequirement.attested(
      "CSP.PROC.2.d.b", MUST,
      cite("2.d, second sentence, second obligation", "must be designed to increase a member's independence, including management of their own behavioral health and medical services."));

  /**
   * {@index CSP.PROC.2.d.1}: 2.d, service 1: daily living skills, when the record marks that need; a contact with the member
   * engaged (or the family) covering DAILY_LIVING_SKILLS. No deadline is given: judged over
   * the stay so far (admission to discharge, or to the as-of time while enrolled), MET when the
   * record shows it within that span and NOT_MET when it does not; applies once the member is
   * admitted.
   */
  public static final EpisodeRequirement DAILY_LIVING_SKILLS = EpisodeRequirement.of(
      "CSP.PROC.2.d.1", MUST,
      cite("2.d, service 1", "Assisting members in improving their daily living skills so they can perform them independently or access services to support them in doing so;"),
      CspServices::dailyLivingSkills)
      .when(CspConditions.counselingNeed("daily living skills", Topic.DAILY_LIVING_SKILLS))
      .when(CspConditions.admitted());

  /**
   * {@index CSP.PROC.2.d.2}: 2.d, service 2: time spent with the member: a contact in which the member took part. No deadline is given: judged over
   * the stay so far (admission to discharge, or to the as-of time while enrolled), MET when the
   * record shows it within that span and NOT_MET when it does not; applies once the member is
   * admitted.
   */
  public static final EpisodeRequirement TIME_WITH_MEMBER = EpisodeRequirement.of(
      "CSP.PROC.2.d.2", MUST,
      cite("2.d, service 2", "Spending time with members and providers;"),
      CspProcessSpecifications::timeWithMember)
      .when(CspConditions.admitted());

  /**
   * {@index CSP.PROC.2.d.3.a}: 2.d, service 3, first sentence: education on behavioral health and substance use disorders and
   * recovery (as {@code CSP.COMP.11.a}). No deadline is given: judged over
   * the stay so far (admission to discharge, or to the as-of time while enrolled), MET when the
   * record shows it within that span and NOT_MET when it does not; applies once the member is
   * admitted.
   */
  public static final EpisodeRequirement SERVICE_EDUCATION = EpisodeRequirement.of(
      "CSP.PROC.2.d.3.a", MUST,
      cite("2.d, service 3, first sentence", "Providing members and their families with education, educational materials, and training about behavioral health and substance use disorders and recovery."),
      CspServices::education)
      .when(CspConditions.admitted());

  /**
   * {@index CSP.PROC.2.d.3.b}: 2.d, service 3: psychotropic medication education: a contact with the member engaged (or the
   * family) covering PSYCHOTROPIC_MEDICATIONS. No deadline is given: judged over
   * the stay so far (admission to discharge, or to the as-of time while enrolled), MET when the
   * record shows it within that span and NOT_MET when it does not; applies once the member is
   * admitted.
   */
  public static final EpisodeRequirement SERVICE_MEDICATION_EDUCATION = EpisodeRequirement.of(
      "CSP.PROC.2.d.3.b", MUST,
      cite("2.d, service 3, second sentence, first obligation", "The provider facilitates access to education and training on the effects of psychotropic medications"),
      CspProcessSpecifications::psychotropicEducation)
      .when(CspConditions.admitted());

  /**
   * {@index CSP.PROC.2.d.3.c}: 2.d, service 3: linked to medication monitoring, when the record marks a psychiatry need (as
   * {@code CSP.COMP.11.c}). No deadline is given: judged over
   * the stay so far (admission to discharge, or to the as-of time while enrolled), MET when the
   * record shows it within that span and NOT_MET when it does not; applies once the member is
   * admitted.
   */
  public static final EpisodeRequirement SERVICE_MEDICATION_MONITORING = EpisodeRequirement.of(
      "CSP.PROC.2.d.3.c", MUST,
      cite("2.d, service 3, second sentence, second obligation", "and ensures that the member is linked to ongoing medication monitoring services"),
      CspServices::medicationMonitoringLink)
      .when(CspConditions.serviceNeed("psychiatry (medication monitoring)", EnumSet.of(ServiceCategory.PSYCHIATRY)))
      .when(CspConditions.admitted());

  /**
   * {@index CSP.PROC.2.d.3.d}: 2.d, service 3: linked to regular health maintenance (as {@code CSP.COMP.11.d}). No deadline is given: judged over
   * the stay so far (admission to discharge, or to the as-of time while enrolled), MET when the
   * record shows it within that span and NOT_MET when it does not; applies once the member is
   * admitted.
   */
  public static final EpisodeRequirement SERVICE_HEALTH_MAINTENANCE = EpisodeRequirement.of(
      "CSP.PROC.2.d.3.d", MUST,
      cite("2.d, service 3, second sentence, third obligation", "and regular health maintenance;"),
      CspServices::healthMaintenanceLink)
      .when(CspConditions.admitted());

  /**
   * {@index CSP.PROC.2.d.4.1}: 2.d, service 4, element 1: benefits, when the record marks that need: a referral made for
   * benefits. No deadline is given: judged over
   * the stay so far (admission to discharge, or to the as-of time while enrolled), MET when the
   * record shows it within that span and NOT_MET when it does not; applies once the member is
   * admitted.
   */
  public static final EpisodeRequirement OBTAINING_BENEFITS = obtaining(1, "benefits", EnumSet.of(ServiceCategory.BENEFITS));

  /**
   * {@index CSP.PROC.2.d.4.2}: 2.d, service 4, element 2: housing, when the record marks that need: a referral made for
   * housing. No deadline is given: judged over
   * the stay so far (admission to discharge, or to the as-of time while enrolled), MET when the
   * record shows it within that span and NOT_MET when it does not; applies once the member is
   * admitted.
   */
  public static final EpisodeRequirement OBTAINING_HOUSING = obtaining(2, "housing", EnumSet.of(ServiceCategory.HOUSING));

  /**
   * {@index CSP.PROC.2.d.4.3}: 2.d, service 4, element 3: health care, when the record marks a PCC, primary health or walk-in
   * medical need: a referral made for it. No deadline is given: judged over
   * the stay so far (admission to discharge, or to the as-of time while enrolled), MET when the
   * record shows it within that span and NOT_MET when it does not; applies once the member is
   * admitted.
   */
  public static final EpisodeRequirement OBTAINING_HEALTHCARE = obtaining(3, "healthcare",
      EnumSet.of(ServiceCategory.PCC, ServiceCategory.PRIMARY_HEALTH, ServiceCategory.WALK_IN_MEDICAL));

  /**
   * {@index CSP.PROC.2.d.5}: 2.d, service 5: communicating with members or other parties: a contact with the member engaged
   * or with another party. No deadline is given: judged over
   * the stay so far (admission to discharge, or to the as-of time while enrolled), MET when the
   * record shows it within that span and NOT_MET when it does not; applies once the member is
   * admitted.
   */
  public static final EpisodeRequirement COMMUNICATING = EpisodeRequirement.of(
      "CSP.PROC.2.d.5", MUST,
      cite("2.d, service 5", "Communicating with members or other parties that may include appointment reminders or coordination of care;"),
      CspProcessSpecifications::communicating)
      .when(CspConditions.admitted());

  /**
   * {@index CSP.PROC.2.d.6.1}: 2.d, service 6, plan 1: a crisis prevention plan (CRISIS_PREVENTION_PLAN document) dated
   * during the stay. No deadline is given: judged over
   * the stay so far (admission to discharge, or to the as-of time while enrolled), MET when the
   * record shows it within that span and NOT_MET when it does not; applies once the member is
   * admitted.
   */
  public static final EpisodeRequirement CRISIS_PREVENTION_PLAN = crisisDocument(1, DocumentKind.CRISIS_PREVENTION_PLAN,
      "crisis prevention plan");

  /**
   * {@index CSP.PROC.2.d.6.2}: 2.d, service 6, plan 2: a safety plan (SAFETY_PLAN document) dated during the stay.
   * No deadline is given: judged over
   * the stay so far (admission to discharge, or to the as-of time while enrolled), MET when the
   * record shows it within that span and NOT_MET when it does not; applies once the member is
   * admitted.
   */
  public static final EpisodeRequirement SAFETY_PLAN = crisisDocument(2, DocumentKind.SAFETY_PLAN, "safety plan");

  /**
   * {@index CSP.PROC.2.d.7}: 2.d, service 7: natural, peer and self-help supports (as {@code CSP.COMP.10}). No deadline is given: judged over
   * the stay so far (admission to discharge, or to the as-of time while enrolled), MET when the
   * record shows it within that span and NOT_MET when it does not; applies once the member is
   * admitted.
   */
  public static final EpisodeRequirement NATURAL_AND_PEER_SUPPORTS = EpisodeRequirement.of(
      "CSP.PROC.2.d.7", MUST,
      cite("2.d, service 7", "Encouraging and facilitating the utilization of natural support systems, and recovery- oriented, peer support, and self-help supports and services."),
      CspServices::peerAndNaturalSupports)
      .when(CspConditions.admitted());

  // ---- 2.e Referral Services -----------------------------------------------------------------

  /** {@index CSP.PROC.2.e.a}: 2.e, first sentence: referral methods: a written REFERRAL procedure in the profile. */
  public static final ProgramRequirement REFERRAL_METHODS = ProgramRequirement.of(
      "CSP.PROC.2.e.a", MUST,
      cite("2.e (Referral Services), first sentence", "The program must have effective methods to refer members promptly and efficiently to community resources."),
      new CspStaffingRequirements.WrittenProcedure(ProcedureKind.REFERRAL, "a written referral procedure")::judge);

  /**
   * {@index CSP.PROC.2.e.b}: 2.e, second sentence: "The program must have knowledge of and connections with resources and
   * services available to members." No structured fact of the program profile can show it: attested
   * (MET with an attestation for this id dated on or before the as-of date, otherwise NOT_MET).
   */
  public static final ProgramRequirement RESOURCE_CONNECTIONS = ProgramRequirement.attested(
      "CSP.PROC.2.e.b", MUST,
      cite("2.e (Referral Services), second sentence", "The program must have knowledge of and connections with resources and services available to members."));

  /**
   * {@index CSP.PROC.2.e.1}: 2.e, first bullet: written policies for behavioral health disorder
   * needs: a BEHAVIORAL_HEALTH_NEEDS procedure.
   */
  public static final ProgramRequirement BEHAVIORAL_HEALTH_NEEDS_POLICIES = ProgramRequirement.of(
      "CSP.PROC.2.e.1", MUST,
      cite("2.e (Referral Services), first bullet", "Each program must have written policies and procedures for addressing a member\u2019s behavioral health disorder needs that minimally include personnel, referral, coordination, and other procedural commitments to address the referral of members to the appropriate health care providers."),
      new CspStaffingRequirements.WrittenProcedure(ProcedureKind.BEHAVIORAL_HEALTH_NEEDS,
          "written policies and procedures for behavioral health disorder needs")::judge);

  /**
   * {@index CSP.PROC.2.e.2.a}: 2.e, second bullet, first sentence: "When referring a member to another provider for services,
   * each program must ensure continuity of care, exchange of relevant health information, and
   * avoidance of service duplication between the CSP provider and the provider to whom a member is
   * referred." No structured fact of the program profile can show it: attested (MET with an
   * attestation for this id dated on or before the as-of date, otherwise NOT_MET).
   */
  public static final ProgramRequirement REFERRAL_CONTINUITY = ProgramRequirement.attested(
      "CSP.PROC.2.e.2.a", MUST,
      cite("2.e (Referral Services), second bullet, first sentence", "When referring a member to another provider for services, each program must ensure continuity of care, exchange of relevant health information, and avoidance of service duplication between the CSP provider and the provider to whom a member is referred."));

  /**
   * {@index CSP.PROC.2.e.2.b}: 2.e, second bullet, second sentence: each referral completed and documented: applies when
   * referrals were made during the stay so far (admission to discharge, or to the as-of time while
   * enrolled); MET when every one has a recorded outcome other than PENDING, NOT_MET when one does
   * not (no deadline is given, so a referral whose completion the record does not show counts as
   * not completed). Applies once the member is admitted.
   */
  public static final EpisodeRequirement REFERRALS_COMPLETED = EpisodeRequirement.of(
      "CSP.PROC.2.e.2.b", MUST,
      cite("2.e (Referral Services), second bullet, second sentence", "Each program must also ensure that the referral process is completed successfully and documented."),
      CspProcessSpecifications::referralsCompleted)
      .when(CspConditions.admitted())
      .when(Condition.of("referrals were made during the stay", CspProcessSpecifications::referralsMade));

  private static final Set<ServiceCategory> COMMUNITY_RESOURCES = EnumSet.of(ServiceCategory.HOUSING,
      ServiceCategory.EMPLOYMENT, ServiceCategory.RECREATION, ServiceCategory.TRANSPORTATION,
      ServiceCategory.VOCATIONAL_EDUCATIONAL, ServiceCategory.SOCIAL_SERVICES, ServiceCategory.PCC,
      ServiceCategory.PRIMARY_HEALTH, ServiceCategory.WALK_IN_MEDICAL, ServiceCategory.OUTPATIENT_BEHAVIORAL_HEALTH,
      ServiceCategory.LEGAL);

  /**
   * {@index CSP.PROC.2.e.3}: 2.e, third bullet (SHOULD): referrals to the listed community resources result in the member
   * being connected. Applies to referrals made to those resources whose outcome is recorded (not
   * PENDING); met when each is CONNECTED or ATTENDED.
   */
  public static final EpisodeRequirement REFERRALS_CONNECT = EpisodeRequirement.of(
      "CSP.PROC.2.e.3", SHOULD,
      cite("2.e (Referral Services), third bullet", "Referrals should result in the member being directly connected to and in communication with community resources for assistance with housing, employment, recreation, transportation, education, social services, health care, outpatient behavioral health services, and legal services."),
      CspProcessSpecifications::referralsConnect)
      .when(Condition.of("a referral to a listed community resource has a recorded outcome",
          CspProcessSpecifications::communityReferralWithOutcome));

  // ---- 2.f Crisis Intervention Referrals -----------------------------------------------------

  /**
   * {@index CSP.PROC.2.f}: 2.f, first sentence: capacity to respond to a crisis in and outside business hours: a written
   * CRISIS_RESPONSE procedure and an on-call arrangement covering closed hours.
   */
  public static final ProgramRequirement CRISIS_CAPACITY = ProgramRequirement.of(
      "CSP.PROC.2.f", MUST,
      cite("2.f (Crisis Intervention Referrals), first sentence", "During business hours or outside business hours, each program must have capacity to respond to a member\u2019s behavioral health crisis."),
      CspProcessSpecifications::crisisCapacity);

  // ---- 2.g Discharge Planning ----------------------------------------------------------------

  /** The MassHealth agency's clinical standards for discharge (not bundled). */
  public static final String MASSHEALTH_DISCHARGE_STANDARDS = "MassHealth agency clinical standards for CSP discharge";

  /** {@index CSP.PROC.2.g}: 2.g, second sentence: deferral to the MassHealth agency's clinical standards. */
  public static final ProgramRequirement DISCHARGE_PER_MASSHEALTH = ProgramRequirement.external(
      "CSP.PROC.2.g", MUST,
      cite("2.g (Discharge Planning), second sentence", "Discharge from the program occurs in accordance with the clinical standards published by the MassHealth agency."),
      MASSHEALTH_DISCHARGE_STANDARDS);

  /**
   * {@index CSP.PROC.2.g.1.a}: 2.g, first bullet, first obligation: discharge planning begun upon admission: a progress note
   * recording discharge-planning activity dated no later than the admission date (by the end of
   * that day).
   */
  public static final EpisodeRequirement DISCHARGE_PLANNING_AT_ADMISSION = EpisodeRequirement.of(
      "CSP.PROC.2.g.1.a", MUST,
      cite("2.g (Discharge Planning), first bullet, first obligation", "The provider shall begin discharge planning upon admission of the member into the CSP"),
      CspProcessSpecifications::dischargePlanningAtAdmission)
      .reading(DISCHARGE_PLANNING_UPON_ADMISSION)
      .when(CspConditions.admitted());

  /**
   * {@index CSP.PROC.2.g.1.b}: 2.g, first bullet: with the participation of the member: a
   * discharge-planning progress note developed with the member.
   */
  public static final EpisodeRequirement DISCHARGE_PLANNING_WITH_MEMBER = EpisodeRequirement.of(
      "CSP.PROC.2.g.1.b", MUST,
      cite("2.g (Discharge Planning), first bullet, second obligation", "with the participation of the member"),
      CspProcessSpecifications::dischargePlanningWithMember)
      .when(Condition.of("discharge planning is recorded in progress notes", CspProcessSpecifications::dischargePlanningNotes));

  /**
   * {@index CSP.PROC.2.g.1.c}: 2.g, first bullet: all discharge planning documented in progress notes: met when at least one
   * progress note dated during the stay records discharge-planning activity. Discharge planning
   * happens during the stay; as no deadline is given,
   * it is judged over the stay so far (admission to discharge, or to the as-of time while enrolled),
   * MET when the record shows it within that span and NOT_MET when it does not, not only at
   * discharge; applies once the member is admitted.
   */
  public static final EpisodeRequirement DISCHARGE_PLANNING_IN_PROGRESS_NOTES = EpisodeRequirement.of(
      "CSP.PROC.2.g.1.c", MUST,
      cite("2.g (Discharge Planning), first bullet, third obligation", "and shall document all discharge planning activity in progress notes in the member\u2019s health record;"),
      CspProcessSpecifications::dischargePlanningInProgressNotes)
      .when(CspConditions.admitted());

  /**
   * {@index CSP.PROC.2.g.2.1}: 2.g, second bullet, element 1: natural and community supports (when the member consented to
   * share with them), shown by a discharge-planning record developed with them. Discharge planning
   * happens during the stay: judged over the stay so far, as every 2.g.2 element.
   */
  public static final EpisodeRequirement DISCHARGE_WITH_SUPPORTS = dischargeParticipant(1,
      "the member\u2019s natural and community supports", "the member's natural and community supports",
      CspServices.NATURAL_SUPPORTS,
      CspConditions.consentedTo("the member's natural supports", CspServices.NATURAL_SUPPORTS));

  private static final Set<Party> PROVIDERS = EnumSet.of(Party.OUTPATIENT_PROVIDER, Party.PCC, Party.PHYSICIAN,
      Party.PSYCHIATRIST, Party.OBSTETRIC_PROVIDER, Party.CRISIS_INTERVENTION_PROVIDER, Party.TREATMENT_TEAM);

  /**
   * {@index CSP.PROC.2.g.2.2}: 2.g, second bullet, element 2: current and future providers (when
   * the member has a PCC or was referred on); as 2.g.2.1.
   */
  public static final EpisodeRequirement DISCHARGE_WITH_PROVIDERS = dischargeParticipant(2,
      "current and anticipated future providers", "current or future providers", PROVIDERS,
      Condition.of("the member has current or anticipated future providers", CspProcessSpecifications::hasProviders));

  private static final Set<StateAgency> SERVICE_AGENCIES = RecordLists.constant(EnumSet.of(StateAgency.DMH,
      StateAgency.DCF, StateAgency.DYS, StateAgency.DPH, StateAgency.DESE, StateAgency.DDS));

  /**
   * {@index CSP.PROC.2.g.2.3}: 2.g, second bullet, element 3: involved state service agencies (DMH,
   * DCF, DYS, DPH, DESE, DDS); as 2.g.2.1.
   */
  public static final EpisodeRequirement DISCHARGE_WITH_AGENCIES = dischargeParticipant(3,
      "current and anticipated future involved services agencies", "the involved services agencies",
      EnumSet.of(Party.STATE_AGENCY, Party.DMH_CLINICIAN, Party.DCF_CASEWORKER),
      Condition.of("state service agencies are involved with the member", CspProcessSpecifications::serviceAgencies));

  /**
   * {@index CSP.PROC.2.g.2.4}: 2.g, second bullet, element 4: probation or parole staff, when
   * probation or parole is involved; as 2.g.2.1.
   */
  public static final EpisodeRequirement DISCHARGE_WITH_PROBATION = dischargeParticipant(4,
      "and probation or parole staff.", "probation or parole staff", EnumSet.of(Party.PROBATION_OR_PAROLE),
      Condition.of("probation or parole is involved with the member", CspProcessSpecifications::probationOrParole));

  /**
   * {@index CSP.PROC.2.g.3.1}: 2.g, third bullet, element 1: crisis prevention (CRISIS_PREVENTION) in a discharge-planning
   * record dated during the stay. The planning process happens during the stay;
   * as no deadline is given,
   * it is judged over the stay so far (admission to discharge, or to the as-of time while enrolled),
   * MET when the record shows it within that span and NOT_MET when it does not, not only at
   * discharge; applies once the member is admitted.
   */
  public static final EpisodeRequirement DISCHARGE_CRISIS_PREVENTION = dischargeElement(1, ContentElement.CRISIS_PREVENTION,
      "crisis prevention");

  /**
   * {@index CSP.PROC.2.g.3.2}: 2.g, third bullet, element 2: safety planning (SAFETY_PLANNING) in a
   * discharge-planning record; as 2.g.3.1.
   */
  public static final EpisodeRequirement DISCHARGE_SAFETY_PLANNING = dischargeElement(2, ContentElement.SAFETY_PLANNING,
      "safety planning");

  /**
   * {@index CSP.PROC.2.g.4.a}: 2.g, fourth bullet, first sentence: a written discharge plan given to the member at the time of
   * discharge and entered in the record: a DISCHARGE_PLAN document given to the member, the date
   * given no later than the discharge date (by the end of that day). "Along with the updated
   * service plan" is not recorded by the model and is not judged. The obligation is about the
   * discharge itself, so it applies only once the member is discharged (NOT_APPLICABLE before), as
   * does forwarding the plan (2.g.4.b).
   */
  public static final EpisodeRequirement DISCHARGE_PLAN_GIVEN = EpisodeRequirement.of(
      "CSP.PROC.2.g.4.a", MUST,
      cite("2.g (Discharge Planning), fourth bullet, first sentence", "The program will ensure that a written CSP discharge plan is given to the member at the time of discharge along with the updated service plan and a copy is entered in the member\u2019s health record."),
      CspProcessSpecifications::dischargePlanGiven)
      .when(Conditions.discharged());

  /**
   * {@index CSP.PROC.2.g.4.b.1}: 2.g, fourth bullet, recipient 1: family members, guardian,
   * caregiver, significant other (each consented one).
   */
  public static final EpisodeRequirement FORWARD_FAMILY = forwarded(1, "family members, guardian, caregiver, and significant other",
      EnumSet.of(Party.FAMILY, Party.GUARDIAN, Party.CAREGIVER, Party.SIGNIFICANT_OTHER));
  /** {@index CSP.PROC.2.g.4.b.2}: 2.g, fourth bullet, recipient 2: state agencies. */
  public static final EpisodeRequirement FORWARD_STATE_AGENCIES = forwarded(2, "state agencies",
      EnumSet.of(Party.STATE_AGENCY, Party.DMH_CLINICIAN, Party.DCF_CASEWORKER));
  /** {@index CSP.PROC.2.g.4.b.3}: 2.g, fourth bullet, recipient 3: outpatient or other community-based provider. */
  public static final EpisodeRequirement FORWARD_OUTPATIENT = forwarded(3, "outpatient or other community-based provider",
      EnumSet.of(Party.OUTPATIENT_PROVIDER));
  /**
   * {@index CSP.PROC.2.g.4.b.4}: 2.g, fourth bullet, recipient 4: physician (PCC, physician,
   * psychiatrist, obstetric provider).
   */
  public static final EpisodeRequirement FORWARD_PHYSICIAN = forwarded(4, "physician",
      EnumSet.of(Party.PHYSICIAN, Party.PCC, Party.PSYCHIATRIST, Party.OBSTETRIC_PROVIDER));
  /** {@index CSP.PROC.2.g.4.b.5}: 2.g, fourth bullet, recipient 5: school. */
  public static final EpisodeRequirement FORWARD_SCHOOL = forwarded(5, "school", EnumSet.of(Party.SCHOOL));
  /** {@index CSP.PROC.2.g.4.b.6}: 2.g, fourth bullet, recipient 6: crisis intervention providers. */
  public static final EpisodeRequirement FORWARD_CRISIS = forwarded(6, "crisis intervention providers",
      EnumSet.of(Party.CRISIS_INTERVENTION_PROVIDER));
  /** {@index CSP.PROC.2.g.4.b.7}: 2.g, fourth bullet, recipient 7: probation, parole. */
  public static final EpisodeRequirement FORWARD_PROBATION = forwarded(7, "probation, parole", EnumSet.of(Party.PROBATION_OR_PAROLE));
  /** {@index CSP.PROC.2.g.4.b.8}: 2.g, fourth bullet, recipient 8: other entities significant to aftercare (OTHER). */
  public static final EpisodeRequirement FORWARD_OTHER = forwarded(8,
      "and other entities and agencies that are significant to the member\u2019s aftercare.", EnumSet.of(Party.OTHER));

  CspProcessSpecifications() {
    super("PROC", HEADING, List.<Requirement>of(MOBILE_DELIVERY, COMMUNICATE_WITH_REFERRAL_SOURCE, DOCUMENT_APPROPRIATENESS,
        DISCHARGE_PLANNING_AT_REFERRER, REFERRALS_WHEN_INELIGIBLE, NEEDS_ASSESSMENT_WITHIN_TWO_WEEKS,
        NEEDS_ASSESSMENT_QUARTERLY, NEEDS_ASSESSMENT_BARRIERS, NEEDS_ASSESSMENT_COMMUNITY_INVOLVEMENT,
        PLAN_UPON_NEEDS_ASSESSMENT, PLAN_PERSON_CENTERED, PLAN_WITH_MEMBER, PLAN_WITH_SUPPORT_NETWORK,
        PLAN_INCORPORATES_RECORDS,
        PLAN_PROBLEMS_AND_NEEDS, PLAN_STRENGTHS_AND_NEEDS, PLAN_MEASURABLE_GOALS,
        PLAN_INTERVENTIONS, PLAN_STAFF_RESPONSIBILITIES, PLAN_DATE_LAST_REVIEWED, PLAN_STAFF_SIGNATURES,
        PLAN_REVIEWED_12_MONTHS, PLAN_UPDATED_AFTER_CHANGE, SERVICES_FOSTER_EMPOWERMENT, SERVICES_INCREASE_INDEPENDENCE,
        DAILY_LIVING_SKILLS, TIME_WITH_MEMBER, SERVICE_EDUCATION, SERVICE_MEDICATION_EDUCATION,
        SERVICE_MEDICATION_MONITORING, SERVICE_HEALTH_MAINTENANCE, OBTAINING_BENEFITS, OBTAINING_HOUSING,
        OBTAINING_HEALTHCARE, COMMUNICATING, CRISIS_PREVENTION_PLAN, SAFETY_PLAN, NATURAL_AND_PEER_SUPPORTS,
        REFERRAL_METHODS, RESOURCE_CONNECTIONS, BEHAVIORAL_HEALTH_NEEDS_POLICIES, REFERRAL_CONTINUITY,
        REFERRALS_COMPLETED, REFERRALS_CONNECT, CRISIS_CAPACITY, DISCHARGE_PER_MASSHEALTH,
        DISCHARGE_PLANNING_AT_ADMISSION, DISCHARGE_PLANNING_WITH_MEMBER, DISCHARGE_PLANNING_IN_PROGRESS_NOTES,
        DISCHARGE_WITH_SUPPORTS, DISCHARGE_WITH_PROVIDERS, DISCHARGE_WITH_AGENCIES, DISCHARGE_WITH_PROBATION,
        DISCHARGE_CRISIS_PREVENTION, DISCHARGE_SAFETY_PLANNING, DISCHARGE_PLAN_GIVEN, FORWARD_FAMILY,
        FORWARD_STATE_AGENCIES, FORWARD_OUTPATIENT, FORWARD_PHYSICIAN, FORWARD_SCHOOL, FORWARD_CRISIS,
        FORWARD_PROBATION, FORWARD_OTHER));
  }

  // ---- helpers and rules ---------------------------------------------------------------------

  private static EpisodeRequirement assessmentElement(String id, String text, ContentElement element, String what) {
    return EpisodeRequirement.of(id, MUST, cite("2.b (Needs Assessment), third bullet, element " + id.substring(id.length() - 1), text),
        new AssessmentElement(element, what)::judge)
        .when(needsAssessmentDone());
  }

  private static EpisodeRequirement obtaining(int n, String what, Set<ServiceCategory> needs) {
    return EpisodeRequirement.of("CSP.PROC.2.d.4." + n, MUST,
        cite("2.d, service 4, element " + n + " (" + what + ")", "Coordinating services and assisting members with obtaining benefits, housing, and healthcare;"),
        new Obtaining(what, needs)::judge)
        .when(CspConditions.serviceNeed(what, needs))
        .when(CspConditions.admitted());
  }

  private static EpisodeRequirement crisisDocument(int n, DocumentKind kind, String what) {
    return EpisodeRequirement.of("CSP.PROC.2.d.6." + n, MUST,
        cite("2.d, service 6, plan " + n + " (" + what + ")", "Collaborating with crisis intervention providers, state agencies, and outpatient providers, including working with these providers to develop, revise, and utilize member crisis prevention plans and safety plans; and"),
        new DocumentPresent(kind, what)::judge)
        .when(CspConditions.admitted());
  }

  private static EpisodeRequirement dischargeParticipant(int n, String text, String what, Set<Party> parties, Condition condition) {
    return EpisodeRequirement.of("CSP.PROC.2.g.2." + n, MUST,
        cite("2.g (Discharge Planning), second bullet, element " + n, text),
        new DischargeParticipant(what, parties)::judge)
        .when(condition)
        .when(CspConditions.admitted());
  }

  private static EpisodeRequirement dischargeElement(int n, ContentElement element, String what) {
    return EpisodeRequirement.of("CSP.PROC.2.g.3." + n, MUST,
        cite("2.g (Discharge Planning), third bullet, element " + n + " (" + what + ")", "The discharge planning process must include crisis prevention and safety planning."),
        new DischargeElement(element, what)::judge)
        .when(CspConditions.admitted());
  }

  private static EpisodeRequirement forwarded(int n, String text, Set<Party> parties) {
    return EpisodeRequirement.of("CSP.PROC.2.g.4.b." + n, MUST,
        cite("2.g (Discharge Planning), fourth bullet, second sentence, recipient " + n, text),
        new Forwarded(parties)::judge)
        .when(Conditions.discharged())
        .when(CspConditions.consentedTo(CspConditions.names(parties), parties));
  }

  private static Evidence referralEvidence(Episode e) {
    return CspRecords.evidence(e.referral().orElseThrow());
  }

  private static Optional<Judgment> hasReferralSource(CaseRecord record, EvaluationContext ctx) {
    Referral r = happenedReferral(record.episode(), ctx);
    if (r == null) {
      return NO_REFERRAL;
    }
    return NOT_A_REFERRAL_SOURCE.contains(r.source().orElseThrow()) ? SELF_REFERRED : Optional.empty();
  }

  private static Optional<Judgment> referredBy24Hour(CaseRecord record, EvaluationContext ctx) {
    Referral r = happenedReferral(record.episode(), ctx);
    return r != null && TWENTY_FOUR_HOUR.contains(r.source().orElseThrow()) ? Optional.empty() : NOT_BY_24_HOUR;
  }

  private static Optional<Judgment> referredByProvider(CaseRecord record, EvaluationContext ctx) {
    Referral r = happenedReferral(record.episode(), ctx);
    if (r == null) {
      return NOT_BY_PROVIDER;
    }
    ReferralSource source = r.source().orElseThrow();
    return source != ReferralSource.SELF && source != ReferralSource.FAMILY ? Optional.empty() : NOT_BY_PROVIDER;
  }

  /** The referral into the service once it has happened, else null. */
  private static Referral happenedReferral(Episode e, EvaluationContext ctx) {
    Optional<Referral> r = e.referral();
    return r.isPresent() && ctx.hasHappened(r.get().at()) ? r.get() : null;
  }

  // condition judgments that are the same for every record (immutable): made once
  private static final Optional<Judgment> NO_REFERRAL =
      Optional.of(Judgment.notApplicable("no referral into the service is in the record"));
  private static final Optional<Judgment> SELF_REFERRED =
      Optional.of(Judgment.notApplicable("the member referred themselves; there is no referral source"));
  private static final Optional<Judgment> NOT_BY_24_HOUR =
      Optional.of(Judgment.notApplicable("the member was not referred by a 24-hour level of care"));
  private static final Optional<Judgment> NOT_BY_PROVIDER =
      Optional.of(Judgment.notApplicable("the member was not referred by a provider or agency"));
  private static final Optional<Judgment> NO_REFERRAL_DURING_STAY =
      Optional.of(Judgment.notApplicable("no referral was made during the stay"));
  private static final Optional<Judgment> NO_COMMUNITY_OUTCOME =
      Optional.of(Judgment.notApplicable("no referral to a listed community resource has a recorded outcome"));
  private static final Optional<Judgment> NO_DISCHARGE_PLANNING_NOTE =
      Optional.of(Judgment.notApplicable("no progress note records discharge planning yet"));
  private static final Optional<Judgment> NO_PROVIDERS = Optional.of(
      Judgment.notApplicable("the member has no primary care clinician on record and was referred to no provider"));
  private static final Optional<Judgment> NO_SERVICE_AGENCY =
      Optional.of(Judgment.notApplicable("no state service agency is involved with the member"));
  private static final Optional<Judgment> NO_PROBATION_OR_PAROLE =
      Optional.of(Judgment.notApplicable("neither probation nor parole is involved with the member"));
  private static final Optional<Judgment> NO_WRITTEN_PLAN =
      Optional.of(Judgment.notApplicable("no written service plan is in the record yet"));

  /** A contact with the referral source as a party, at or after the referral, by the end of the admission day. */
  private static Judgment referralSourceContact(CaseRecord record, EvaluationContext ctx, Predicate<Contact> kind, String what) {
    Episode e = record.episode();
    Instant referred = e.referral().orElseThrow().at();
    Instant admitted = e.admittedAt().orElseThrow();
    Deadline due = dayOf(ctx.dateOf(admitted), IMMEDIATELY.daysIn(ctx), ctx, "admission");
    // the earliest such contact (the first of equal times, as Stream.min kept)
    Contact first = null;
    List<Contact> contacts = e.contacts();
    for (int i = 0, n = contacts.size(); i < n; i++) {
      Contact c = contacts.get(i);
      if (c.parties().contains(Party.REFERRAL_SOURCE) && kind.test(c) && !c.at().isBefore(referred)
          && (first == null || c.at().isBefore(first.at()))) {
        first = c;
      }
    }
    return Timeliness.judge(due, first == null ? Optional.empty() : Optional.of(Timed.of(first.at(), CspRecords.evidence(first))),
        what, ctx,
        referralEvidence(e), CspRecords.admission(e));
  }

  /** The end of day {@code n} counted from {@code first} (day 1): the day of {@code what} when n is 1. */
  private static Deadline dayOf(LocalDate first, int n, EvaluationContext ctx, String what) {
    LocalDate day = first.plusDays(n - 1L);
    // the description made when read (most deadlines are counted, never printed)
    return Deadline.endOf(day, ctx.zone(), () -> n == 1 ? "end of the day of " + what + " (" + day + ")"
        : "end of day " + n + " from the day of " + what + " (" + day + ")");
  }

  private static Judgment communicateWithReferralSource(CaseRecord record, EvaluationContext ctx) {
    return referralSourceContact(record, ctx, c -> true, "communication with the referral source");
  }

  private static Judgment dischargePlanningAtReferrer(CaseRecord record, EvaluationContext ctx) {
    return referralSourceContact(record, ctx, c -> c.kind() == ContactKind.TEAM_MEETING,
        "discharge-planning meeting with the referring provider");
  }

  private static Judgment documentAppropriateness(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    Instant admitted = e.admittedAt().orElseThrow();
    LocalDate day = ctx.dateOf(admitted);
    Deadline due = Deadline.endOf(day, ctx.zone(), () -> "end of the day of admission (" + day + ")");
    Document assessment = earliest(e.documents(), DocumentKind.ASSESSMENT);
    return Timeliness.judge(due, timed(assessment, ctx),
        "intake assessment documenting appropriateness of services", ctx, CspRecords.admission(e));
  }

  /** The earliest document of {@code kind} in {@code documents} (the first of equal dates, as Stream.min kept). */
  private static Document earliest(List<Document> documents, DocumentKind kind) {
    Document best = null;
    for (int i = 0, n = documents.size(); i < n; i++) {
      Document d = documents.get(i);
      if (d.kind() == kind && (best == null || d.date().isBefore(best.date()))) {
        best = d;
      }
    }
    return best;
  }

  /** {@code d} (dated) as a timed record from the start of its date, none when null. */
  private static Optional<Timed> timed(Document d, EvaluationContext ctx) {
    return d == null ? Optional.empty() : Optional.of(Timed.of(CspRecords.startOf(d.date(), ctx), CspRecords.evidence(d)));
  }

  // judgments that are the same for every record (immutable): made once
  private static final Optional<Judgment> NOT_DETERMINED_INELIGIBLE =
      Optional.of(Judgment.notApplicable("the member was not determined ineligible"));
  private static final Optional<Judgment> FOUND_INELIGIBLE =
      Optional.of(Judgment.notApplicable("the member was found ineligible at intake"));
  private static final Optional<Judgment> NO_NEEDS_ASSESSMENT =
      Optional.of(Judgment.notApplicable("no needs assessment is in the record yet"));
  private static final Optional<Judgment> NO_SIGNIFICANT_CHANGE = Optional.of(
      Judgment.notApplicable("the record notes no significant change in the member's needs since the plan"));

  private static boolean determinedIneligible(CaseRecord record, EvaluationContext ctx) {
    Optional<Instant> at = record.episode().determinedIneligibleAt();
    return at.isPresent() && ctx.hasHappened(at.get());
  }

  private static Optional<Judgment> ineligible(CaseRecord record, EvaluationContext ctx) {
    return determinedIneligible(record, ctx) ? Optional.empty() : NOT_DETERMINED_INELIGIBLE;
  }

  private static Optional<Judgment> notIneligible(CaseRecord record, EvaluationContext ctx) {
    return determinedIneligible(record, ctx) ? FOUND_INELIGIBLE : Optional.empty();
  }

  private static Judgment referralsWhenIneligible(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    Instant determined = e.determinedIneligibleAt().orElseThrow();
    LocalDate day = ctx.dateOf(determined);
    Deadline due = Deadline.endOf(day, ctx.zone(), () -> "end of the day of the ineligibility determination (" + day + ")");
    Referral first = null;
    List<Referral> made = e.referralsMade();
    for (int i = 0, n = made.size(); i < n; i++) {
      Referral r = made.get(i);
      if (!r.at().isBefore(determined) && (first == null || r.at().isBefore(first.at()))) {
        first = r;
      }
    }
    return Timeliness.judge(due, first == null ? Optional.empty() : Optional.of(Timed.of(first.at(), CspRecords.evidence(first))),
        "referral to alternative services",
        ctx, CspRecords.episode(e, determined, "determined ineligible"));
  }

  private static List<Document> needsAssessments(Episode e, EvaluationContext ctx) {
    return CspRecords.documents(e, ctx, DocumentKind.NEEDS_ASSESSMENT);
  }

  private static Condition needsAssessmentDone() {
    return Condition.of("a needs assessment is in the record", CspProcessSpecifications::needsAssessmentPresent);
  }

  private static Optional<Judgment> needsAssessmentPresent(CaseRecord record, EvaluationContext ctx) {
    return needsAssessments(record.episode(), ctx).isEmpty() ? NO_NEEDS_ASSESSMENT : Optional.empty();
  }

  private static Judgment needsAssessmentWithinTwoWeeks(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    // the earliest initial appointment that has happened and was not marked not kept (the first of
    // equal times, as Stream.min kept)
    Appointment initial = null;
    List<Appointment> appointments = e.appointments();
    for (int i = 0, n = appointments.size(); i < n; i++) {
      Appointment a = appointments.get(i);
      if (a.kind() == AppointmentKind.INITIAL && ctx.hasHappened(a.at()) && !notKept(a)
          && (initial == null || a.at().isBefore(initial.at()))) {
        initial = a;
      }
    }
    Instant start;
    Evidence basis;
    Optional<Instant> admitted = e.admittedAt();
    if (initial != null) {
      start = initial.at();
      basis = Evidence.of("appointment", initial.id(), start, "initial appointment");
    } else if (admitted.isPresent() && ctx.hasHappened(admitted.get())) {
      start = admitted.get();
      basis = CspRecords.episode(e, start, "admission (no initial appointment recorded)");
    } else {
      return org.perfspecs.checks.Conditions.withoutAdmission(e, ctx,
          "with no initial appointment either, the needs assessment deadline cannot be computed").orElseThrow();
    }
    Deadline due = Deadline.calendarDaysAfter(start, 14, ctx.zone());
    return Timeliness.judge(due, timed(earliest(e.documents(), DocumentKind.NEEDS_ASSESSMENT), ctx),
        "needs assessment", ctx, basis);
  }

  /** Whether the appointment is recorded as not kept. */
  private static boolean notKept(Appointment a) {
    Optional<Boolean> kept = a.kept();
    return kept.isPresent() && !kept.get();
  }

  private static Judgment needsAssessmentQuarterly(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    List<Document> all = needsAssessments(e, ctx);
    Document first = all.get(0);
    LocalDate[] dates = new LocalDate[all.size()];
    int count = 0;
    for (int i = 1; i < dates.length; i++) {
      Document d = all.get(i);
      if (d.developedWith().contains(Party.MEMBER)) {
        dates[count++] = d.date();
      }
    }
    List<LocalDate> updates = java.util.Arrays.asList(dates).subList(0, count);
    return CspPeriodic.judge(first.date(), updates, 3, e, ctx, NEEDS_ASSESSMENT_UPDATE, NEEDS_ASSESSMENT_UPDATES_MET,
        CspRecords.evidence(first));
  }

  private static final String NEEDS_ASSESSMENT_UPDATE = "needs assessment update with the member";
  private static final String NEEDS_ASSESSMENT_UPDATES_MET = CspPeriodic.allMet(NEEDS_ASSESSMENT_UPDATE);
  private static final String PLAN_REVISION = "service plan review and revision";
  private static final String PLAN_REVISIONS_MET = CspPeriodic.allMet(PLAN_REVISION);

  /** One element the latest needs assessment must cover. */
  private record AssessmentElement(ContentElement element, String met, String notMet) {
    AssessmentElement(ContentElement element, String what) {
      // the reasons depend on the requirement alone: made once
      this(element, "the needs assessment identifies " + what, "the latest needs assessment does not identify " + what);
    }

    Judgment judge(CaseRecord record, EvaluationContext ctx) {
      List<Document> all = needsAssessments(record.episode(), ctx);
      Document latest = all.get(all.size() - 1);
      return latest.elements().contains(element)
          ? Judgments.met(met, CspRecords.evidence(latest))
          : Judgments.notMet(notMet, CspRecords.evidence(latest));
    }
  }

  private static Judgment planUponNeedsAssessment(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    Document na = needsAssessments(e, ctx).get(0);
    Deadline due = dayOf(na.date(), UPON_COMPLETION.daysIn(ctx), ctx, "completion of the needs assessment");
    Optional<ServicePlan> plan = e.servicePlan();
    if (plan.isPresent() && plan.get().completedOn().isBefore(na.date()) && ctx.hasBegun(plan.get().completedOn())) {
      return Judgments.notMet("the service plan (" + plan.get().completedOn() + ") was completed before the needs assessment ("
          + na.date() + "), not upon its completion", CspRecords.evidence(na), CspRecords.evidence(plan.get()));
    }
    return Timeliness.judge(due, plan.map(p -> Timed.of(CspRecords.startOf(p.completedOn(), ctx), CspRecords.evidence(p))),
        "written service plan", ctx, CspRecords.evidence(na));
  }

  /** A property of the written service plan. */
  private record PlanCheck(Predicate<ServicePlan> present, String met, String notMet) {
    PlanCheck(String what, Predicate<ServicePlan> present) {
      // the reasons depend on the requirement alone: made once
      this(present, "the service plan shows " + what, "the service plan does not show " + what);
    }

    Judgment judge(CaseRecord record, EvaluationContext ctx) {
      ServicePlan plan = CspRecords.planOrNull(record.episode(), ctx);
      if (plan == null) {
        throw new java.util.NoSuchElementException("No value present"); // as Optional.orElseThrow
      }
      return present.test(plan)
          ? Judgments.met(met, CspRecords.evidenceList(plan))
          : Judgments.notMet(notMet, CspRecords.evidenceList(plan));
    }
  }

  private static Judgment planReviewed12Months(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    ServicePlan plan = CspRecords.plan(e, ctx).orElseThrow();
    List<PlanReview> reviews = plan.reviews();
    LocalDate[] dates = new LocalDate[reviews.size()];
    int count = 0;
    for (int i = 0; i < dates.length; i++) {
      PlanReview r = reviews.get(i);
      if (r.revised()) {
        dates[count++] = r.reviewedOn();
      }
    }
    List<LocalDate> revisions = java.util.Arrays.asList(dates).subList(0, count);
    return CspPeriodic.judge(plan.completedOn(), revisions, 12, e, ctx, PLAN_REVISION, PLAN_REVISIONS_MET,
        CspRecords.evidence(plan));
  }

  private static List<LocalDate> changesSincePlan(CaseRecord record, EvaluationContext ctx) {
    ServicePlan plan = CspRecords.plan(record.episode(), ctx).orElseThrow();
    List<LocalDate> changes = record.episode().significantNeedsChangesOn();
    if (changes.isEmpty()) {
      return List.of();
    }
    LocalDate[] kept = new LocalDate[changes.size()];
    int count = 0;
    for (int i = 0; i < kept.length; i++) {
      LocalDate d = changes.get(i);
      if (ctx.hasBegun(d) && !d.isBefore(plan.completedOn())) {
        kept[count++] = d;
      }
    }
    if (count == 0) {
      return List.of();
    }
    java.util.Arrays.sort(kept, 0, count);
    return java.util.Arrays.asList(kept).subList(0, count);
  }

  private static Optional<Judgment> significantChange(CaseRecord record, EvaluationContext ctx) {
    return changesSincePlan(record, ctx).isEmpty() ? NO_SIGNIFICANT_CHANGE : Optional.empty();
  }

  private static Judgment planUpdatedAfterChange(CaseRecord record, EvaluationContext ctx) {
    ServicePlan plan = CspRecords.plan(record.episode(), ctx).orElseThrow();
    List<Evidence> ev = new ArrayList<>(List.of(CspRecords.evidence(plan)));
    for (LocalDate change : changesSincePlan(record, ctx)) {
      // the earliest revising review on or after the change (the first of equal dates, as Stream.min kept)
      PlanReview review = null;
      List<PlanReview> reviews = plan.reviews();
      for (int i = 0, n = reviews.size(); i < n; i++) {
        PlanReview r = reviews.get(i);
        if (r.revised() && ctx.hasBegun(r.reviewedOn()) && !r.reviewedOn().isBefore(change)
            && (review == null || r.reviewedOn().isBefore(review.reviewedOn()))) {
          review = r;
        }
      }
      if (review == null) {
        ev.add(Evidence.onDate("needsChange", record.episode().id(), change, "significant change in needs"));
        return Judgments.notMet("the service plan was not reviewed and revised after the significant change in needs on " + change,
            CspRecords.all(ev));
      }
      ev.add(Evidence.onDate("planReview", plan.id(), review.reviewedOn(), "revised after the change on " + change));
    }
    return Judgments.met("the service plan was revised after every significant change in the member's needs", CspRecords.all(ev));
  }

  private static Judgment timeWithMember(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    Evidence shown = null;
    List<Contact> stay = CspServices.contactsDuringStay(e, ctx);
    for (int i = 0, n = stay.size(); i < n && shown == null; i++) {
      if (stay.get(i).memberEngaged()) {
        shown = CspRecords.evidence(stay.get(i));
      }
    }
    return CspRecords.shownDuringStay(e, ctx, shown, "the record shows time spent with the member",
        "no contact in which the member took part is recorded");
  }

  private static Judgment psychotropicEducation(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    List<Contact> stay = CspServices.contactsDuringStay(e, ctx);
    // counted first, so the array is the size of what is shown (not of the whole stay)
    int matches = 0;
    for (int i = 0, n = stay.size(); i < n; i++) {
      if (psychotropicEducation(stay.get(i))) {
        matches++;
      }
    }
    Evidence[] shown = new Evidence[1 + matches];
    int count = 1;
    for (int i = 0, n = stay.size(); i < n && count < shown.length; i++) {
      if (psychotropicEducation(stay.get(i))) {
        shown[count++] = CspRecords.contactDuringStayEvidence(e, ctx, stay, i);
      }
    }
    return CspRecords.shownDuringStay(e, ctx, shown, count, "education on the effects of psychotropic medications is recorded",
        "no education on the effects of psychotropic medications is recorded");
  }

  private static boolean psychotropicEducation(Contact c) {
    return (c.memberEngaged() || c.parties().contains(Party.FAMILY)) && c.topics().contains(Topic.PSYCHOTROPIC_MEDICATIONS);
  }

  /** Assistance with obtaining one kind of resource. */
  private record Obtaining(Set<ServiceCategory> targets, String met, String notMet) {
    Obtaining(String what, Set<ServiceCategory> targets) {
      // the reasons depend on the requirement alone: made once
      this(targets, CspServices.referredToMet(what), CspServices.referredToNotMet(what));
    }

    Judgment judge(CaseRecord record, EvaluationContext ctx) {
      return CspServices.referredTo(record, ctx, targets, met, notMet);
    }
  }

  private static Judgment communicating(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    Evidence shown = null;
    List<Contact> stay = CspServices.contactsDuringStay(e, ctx);
    for (int i = 0, n = stay.size(); i < n && shown == null; i++) {
      Contact c = stay.get(i);
      if (c.memberEngaged() || !c.parties().isEmpty()) {
        shown = CspRecords.evidence(c);
      }
    }
    return CspRecords.shownDuringStay(e, ctx, shown, "the record shows communication with the member or other parties",
        "no communication with the member or other parties is recorded");
  }

  /** A document of one kind in the record. */
  private record DocumentPresent(DocumentKind kind, String what, String met, String notMet) {
    DocumentPresent(DocumentKind kind, String what) {
      // the reasons depend on the requirement alone: made once
      this(kind, what, "a " + what + " is in the record", "no " + what + " is in the record");
    }

    Judgment judge(CaseRecord record, EvaluationContext ctx) {
      Episode e = record.episode();
      List<Document> docs = CspRecords.documentsDuringStay(e, ctx, kind);
      Evidence[] shown = new Evidence[1 + docs.size()];
      for (int i = 0; i < docs.size(); i++) {
        shown[1 + i] = CspRecords.evidence(docs.get(i));
      }
      return CspRecords.shownDuringStay(e, ctx, shown, shown.length, met, notMet);
    }
  }

  private static List<Referral> referralsDuringStay(Episode e, EvaluationContext ctx) {
    return CspRecords.referralsDuringStay(e, ctx);
  }

  private static Optional<Judgment> referralsMade(CaseRecord record, EvaluationContext ctx) {
    return referralsDuringStay(record.episode(), ctx).isEmpty()
        ? NO_REFERRAL_DURING_STAY
        : Optional.empty();
  }

  private static Judgment referralsCompleted(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    List<Referral> all = referralsDuringStay(e, ctx);
    int n = all.size();
    // the admission, then the referrals without a documented outcome (absent or pending), in order
    Evidence[] open = new Evidence[1 + n];
    open[0] = CspRecords.admission(e);
    int count = 1;
    for (int i = 0; i < n; i++) {
      Referral r = all.get(i);
      if (!hasOutcome(r)) {
        open[count++] = CspRecords.evidence(r);
      }
    }
    if (count > 1) {
      return Judgments.notMet(String.valueOf(count - 1), " referral(s) made ", CspRecords.span(e, ctx),
          " have no documented outcome", count == open.length ? open : java.util.Arrays.copyOf(open, count));
    }
    // every referral has one: the admission, then all of them
    for (int i = 0; i < n; i++) {
      open[1 + i] = CspRecords.evidence(all.get(i));
    }
    return Judgments.met("every referral made ", CspRecords.span(e, ctx), " has a documented outcome", "", open);
  }

  private static List<Referral> communityReferralsWithOutcome(Episode e, EvaluationContext ctx) {
    List<Referral> kept = RecordScope.kept(COMMUNITY_WITH_OUTCOME, e, ctx);
    if (kept != null) {
      return kept;
    }
    List<Referral> made = CspRecords.referralsMade(e, ctx);
    List<Referral> out = new ArrayList<>();
    for (int i = 0, n = made.size(); i < n; i++) {
      Referral r = made.get(i);
      Optional<ServiceCategory> target = r.target();
      if (target.isPresent() && COMMUNITY_RESOURCES.contains(target.get()) && hasOutcome(r)) {
        out.add(r);
      }
    }
    return RecordScope.keep(COMMUNITY_WITH_OUTCOME, e, ctx, Collections.unmodifiableList(out));
  }

  // per record: the condition and the rule read the same list
  private static final RecordScope.Key<List<Referral>> COMMUNITY_WITH_OUTCOME = RecordScope.Key.create();

  /** Whether the referral has a documented outcome (one that is not pending). */
  private static boolean hasOutcome(Referral r) {
    Optional<ReferralOutcome> o = r.outcome();
    return o.isPresent() && o.get() != ReferralOutcome.PENDING;
  }

  private static Optional<Judgment> communityReferralWithOutcome(CaseRecord record, EvaluationContext ctx) {
    return communityReferralsWithOutcome(record.episode(), ctx).isEmpty()
        ? NO_COMMUNITY_OUTCOME
        : Optional.empty();
  }

  private static Judgment referralsConnect(CaseRecord record, EvaluationContext ctx) {
    List<Referral> all = communityReferralsWithOutcome(record.episode(), ctx);
    int n = all.size();
    Evidence[] notConnected = new Evidence[n];
    int count = 0;
    for (int i = 0; i < n; i++) {
      Referral r = all.get(i);
      ReferralOutcome o = r.outcome().get();
      if (o != ReferralOutcome.CONNECTED && o != ReferralOutcome.ATTENDED) {
        notConnected[count++] = CspRecords.evidence(r);
      }
    }
    if (count > 0) {
      return Judgments.notMet(String.valueOf(count), " referral(s) to community resources did not connect the member", "", "",
          count == n ? notConnected : java.util.Arrays.copyOf(notConnected, count));
    }
    for (int i = 0; i < n; i++) {
      notConnected[i] = CspRecords.evidence(all.get(i));
    }
    return Judgments.met("every referral to a community resource connected the member", notConnected);
  }

  private static Judgment crisisCapacity(Program program, EvaluationContext ctx) {
    boolean procedure = program.writtenProcedures().contains(ProcedureKind.CRISIS_RESPONSE);
    boolean afterHours = program.onCall().filter(o -> o.coversClosedHours()).isPresent();
    if (procedure && afterHours) {
      return Judgment.met("a written crisis-response procedure and on-call coverage of closed hours",
          Evidence.of("procedure", ProcedureKind.CRISIS_RESPONSE.name(), "crisis response"),
          Evidence.of("onCall", program.id(), "covers closed hours"));
    }
    return Judgment.notMet("the profile lacks " + (procedure ? "" : "a written crisis-response procedure")
        + (procedure || afterHours ? "" : " and ") + (afterHours ? "" : "on-call coverage of the hours the site is closed"));
  }

  private static List<Document> dischargePlanningNotes(Episode e, EvaluationContext ctx) {
    List<Document> kept = RecordScope.kept(DISCHARGE_PLANNING_NOTES, e, ctx);
    if (kept != null) {
      return kept;
    }
    List<Document> planning = CspRecords.dischargePlanning(e, ctx);
    List<Document> notes = new ArrayList<>(planning.size());
    for (int i = 0, n = planning.size(); i < n; i++) {
      Document d = planning.get(i);
      if (d.kind() == DocumentKind.PROGRESS_NOTE) {
        notes.add(d);
      }
    }
    return RecordScope.keep(DISCHARGE_PLANNING_NOTES, e, ctx, Collections.unmodifiableList(notes));
  }

  // per record: the condition and the rule read the same list
  private static final RecordScope.Key<List<Document>> DISCHARGE_PLANNING_NOTES = RecordScope.Key.create();

  private static Optional<Judgment> dischargePlanningNotes(CaseRecord record, EvaluationContext ctx) {
    return dischargePlanningNotes(record.episode(), ctx).isEmpty()
        ? NO_DISCHARGE_PLANNING_NOTE
        : Optional.empty();
  }

  private static Judgment dischargePlanningAtAdmission(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    Instant admitted = e.admittedAt().orElseThrow();
    LocalDate day = ctx.dateOf(admitted);
    Deadline due = dayOf(day, DISCHARGE_PLANNING_UPON_ADMISSION.daysIn(ctx), ctx, "admission");
    // the earliest such note (the first of equal dates, as Stream.min kept)
    Document first = null;
    List<Document> documents = e.documents();
    for (int i = 0, n = documents.size(); i < n; i++) {
      Document d = documents.get(i);
      if (d.kind() == DocumentKind.PROGRESS_NOTE && d.elements().contains(ContentElement.DISCHARGE_PLANNING_ACTIVITY)
          && (first == null || d.date().isBefore(first.date()))) {
        first = d;
      }
    }
    return Timeliness.judge(due, timed(first, ctx),
        "discharge-planning progress note", ctx, CspRecords.admission(e));
  }

  private static Judgment dischargePlanningWithMember(CaseRecord record, EvaluationContext ctx) {
    List<Document> notes = dischargePlanningNotes(record.episode(), ctx);
    int n = notes.size();
    // the notes (the basis), then those developed with the member
    Evidence[] ev = new Evidence[2 * n];
    int count = n;
    for (int i = 0; i < n; i++) {
      Document d = notes.get(i);
      Evidence x = CspRecords.evidence(d);
      ev[i] = x;
      if (d.developedWith().contains(Party.MEMBER)) {
        ev[count++] = x;
      }
    }
    if (count > n) {
      return Judgments.met("discharge planning is recorded with the member's participation",
          count == ev.length ? ev : java.util.Arrays.copyOf(ev, count));
    }
    return Judgments.notMet("no discharge-planning progress note records the member's participation",
        java.util.Arrays.copyOf(ev, n));
  }

  private static Judgment dischargePlanningInProgressNotes(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    List<Document> planning = CspRecords.dischargePlanningDuringStay(e, ctx);
    Evidence[] shown = new Evidence[1 + planning.size()];
    int count = 1;
    for (int i = 0, n = planning.size(); i < n; i++) {
      Document d = planning.get(i);
      if (d.kind() == DocumentKind.PROGRESS_NOTE) {
        shown[count++] = CspRecords.evidence(d);
      }
    }
    return CspRecords.shownDuringStay(e, ctx, shown, count, "discharge planning activity is documented in progress notes",
        "no progress note documents discharge planning activity");
  }

  private static Optional<Judgment> hasProviders(CaseRecord record, EvaluationContext ctx) {
    return record.member().primaryCareClinician().isPresent() || !CspRecords.referralsMade(record.episode(), ctx).isEmpty()
        ? Optional.empty()
        : NO_PROVIDERS;
  }

  private static Optional<Judgment> serviceAgencies(CaseRecord record, EvaluationContext ctx) {
    return RecordLists.anyIn(record.member().stateAgencies(), SERVICE_AGENCIES) ? Optional.empty()
        : NO_SERVICE_AGENCY;
  }

  private static Optional<Judgment> probationOrParole(CaseRecord record, EvaluationContext ctx) {
    Set<StateAgency> a = record.member().stateAgencies();
    return a.contains(StateAgency.PROBATION) || a.contains(StateAgency.PAROLE) ? Optional.empty()
        : NO_PROBATION_OR_PAROLE;
  }

  /** A party the discharge-planning records must show involved. */
  private record DischargeParticipant(String what, Set<Party> parties, String met, String notMet) {
    DischargeParticipant(String what, Set<Party> parties) {
      // the reasons depend on the requirement alone: made once
      // an immutable enum set: RecordLists.anyIn lists its members once, not an iterator per record
      this(what, RecordLists.constant(parties), "the discharge planning involved " + what, "no discharge-planning record shows " + what + " involved");
    }

    Judgment judge(CaseRecord record, EvaluationContext ctx) {
      Episode e = record.episode();
      List<Document> planning = CspRecords.dischargePlanningDuringStay(e, ctx);
      Evidence[] shown = new Evidence[1 + planning.size()]; // [0] for the admission (shownDuringStay)
      int count = 1;
      for (int i = 0, n = planning.size(); i < n; i++) {
        Document d = planning.get(i);
        if (RecordLists.anyIn(d.developedWith(), parties)) {
          shown[count++] = CspRecords.evidence(d);
        }
      }
      return CspRecords.shownDuringStay(e, ctx, shown, count, met, notMet);
    }
  }

  /** An element the discharge-planning records must include. */
  private record DischargeElement(ContentElement element, String what, String met, String notMet) {
    DischargeElement(ContentElement element, String what) {
      // the reasons depend on the requirement alone: made once
      this(element, what, "the discharge planning includes " + what, "no discharge-planning record includes " + what);
    }

    Judgment judge(CaseRecord record, EvaluationContext ctx) {
      Episode e = record.episode();
      List<Document> planning = CspRecords.dischargePlanningDuringStay(e, ctx);
      Evidence[] shown = new Evidence[1 + planning.size()]; // [0] for the admission (shownDuringStay)
      int count = 1;
      for (int i = 0, n = planning.size(); i < n; i++) {
        Document d = planning.get(i);
        if (d.elements().contains(element)) {
          shown[count++] = CspRecords.evidence(d);
        }
      }
      return CspRecords.shownDuringStay(e, ctx, shown, count, met, notMet);
    }
  }

  private static Judgment dischargePlanGiven(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    Instant discharged = e.dischargedAt().orElseThrow();
    LocalDate day = ctx.dateOf(discharged);
    Deadline due = Deadline.endOf(day, ctx.zone(), () -> "the time of discharge (" + day + ")");
    // the plan given earliest (the first of equal dates, as Stream.min kept)
    Document given = null;
    LocalDate givenOn = null;
    List<Document> documents = e.documents();
    for (int i = 0, n = documents.size(); i < n; i++) {
      Document d = documents.get(i);
      if (d.kind() == DocumentKind.DISCHARGE_PLAN && d.givenTo().contains(Party.MEMBER)) {
        Optional<LocalDate> on = d.givenOn();
        if (on.isPresent() && (given == null || on.get().isBefore(givenOn))) {
          given = d;
          givenOn = on.get();
        }
      }
    }
    return Timeliness.judge(due, given == null ? Optional.empty()
            : Optional.of(Timed.of(CspRecords.startOf(givenOn, ctx), CspRecords.evidence(given))),
        "written discharge plan given to the member", ctx, CspRecords.episode(e, discharged, "discharge"));
  }

  /** Recipients of a copy of the discharge plan, with consent. */
  private record Forwarded(Set<Party> parties) {
    Judgment judge(CaseRecord record, EvaluationContext ctx) {
      Set<Party> consented = org.perfspecs.checks.Consents.given(record.episode(), ctx);
      consented.retainAll(parties);
      List<Document> plans = CspRecords.documents(record.episode(), ctx, DocumentKind.DISCHARGE_PLAN);
      Set<Party> missing = EnumSet.copyOf(consented);
      Evidence[] ev = new Evidence[plans.size()];
      for (int i = 0; i < ev.length; i++) {
        Document d = plans.get(i);
        missing.removeAll(d.forwardedTo());
        ev[i] = CspRecords.evidence(d);
      }
      return missing.isEmpty()
          ? Judgments.met("the discharge plan was forwarded to ", CspConditions.names(consented), "", "", ev)
          : Judgments.notMet("the discharge plan was not forwarded to ", CspConditions.names(missing),
              " (the member consented)", "", ev);
    }
  }

  static Citation cite(String label, String text) {
    return Citation.of(Csp.SOURCE, HEADING, label, text);
  }

  private static EpisodeRequirement element(int n, String text, String what, Predicate<ServicePlan> present) {
    return EpisodeRequirement.of("CSP.PROC.2.c.4." + n, MUST,
        cite("2.c (Service Planning), fourth bullet, element " + n, text),
        new PlanElement(what, present)::judge)
        .when(WRITTEN_PLAN);
  }

  private static Optional<Judgment> writtenPlan(CaseRecord record, EvaluationContext ctx) {
    return CspRecords.planOrNull(record.episode(), ctx) != null ? Optional.empty() : NO_WRITTEN_PLAN;
  }

  /** One listed element of the written service plan. */
  private static final class PlanElement {
    private final Predicate<ServicePlan> present;
    private final String met;
    private final String notMet;

    PlanElement(String what, Predicate<ServicePlan> present) {
      this.present = present;
      // the reasons depend on the requirement alone: made once
      this.met = "the written service plan includes " + what;
      this.notMet = "the written service plan does not include " + what;
    }

    Judgment judge(CaseRecord record, EvaluationContext ctx) {
      ServicePlan plan = CspRecords.planOrNull(record.episode(), ctx); // the record's plan, read once
      if (plan == null) {
        plan = record.episode().servicePlan().orElseThrow(); // not yet begun: judged as before
      }
      // the plan's evidence list, one per record, shared by the plan's findings
      com.google.common.collect.ImmutableList<Evidence> evidence = CspRecords.evidenceList(plan);
      return present.test(plan)
          ? Judgments.met(met, evidence)
          : Judgments.notMet(notMet, evidence);
    }
  }
}

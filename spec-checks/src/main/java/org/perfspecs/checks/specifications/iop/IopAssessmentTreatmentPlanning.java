package org.perfspecs.checks.specifications.iop;

import static org.perfspecs.checks.Strength.MUST;
import static org.perfspecs.checks.Strength.SHOULD;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.perfspecs.checks.RecordLists;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.Condition;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.Judgments;
import org.perfspecs.checks.Section;
import org.perfspecs.checks.time.Deadline;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactMode;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.Document;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.Episode;
import org.perfspecs.model.Party;

/**
 * IOP "ASSESSMENT, TREATMENT/RECOVERY PLANNING AND DOCUMENTATION". Bullet 1 ("The provider shall
 * ensure that:") has three sub-bullets (1.1-1.3), the eight elements of the provisional treatment
 * plan (1.3.1-1.3.8) and the plan update (1.4); bullet 2 lists the twelve elements of the assessment
 * (2.1-2.12). The "PERFORMANCE SPECIFICATIONS**" bullet is a page header, not a requirement; the
 * bullets after it are 3 (care coordination with CCA), 4 (involvement and consent) and 5 (daily
 * progress notes).
 *
 * <p>A plan element is judged on every provisional or full treatment plan in the record (dated on or
 * before the as-of date): MET when one covers it. Assessment elements likewise on the assessments.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class IopAssessmentTreatmentPlanning extends Section {
  static final String HEADING = "ASSESSMENT, TREATMENT/RECOVERY PLANNING AND DOCUMENTATION:";

  /** Staff a multi-disciplinary team needs at least. */
  public static final int MINIMUM_TEAM = 2;

  /**
   * {@index IOP.ASMT.1.1}: 1.1 "Assessments are completed": MET when an assessment is in the record by the planning deadline
   * (end of the first business day after the day of admission, when the team meets to review it);
   * PENDING before; NOT_MET late or absent after it.
   */
  public static final EpisodeRequirement ASSESSMENT_COMPLETED = EpisodeRequirement.of(
      "IOP.ASMT.1.1", MUST, cite("bullet 1, first sub-bullet", "Assessments are completed"),
      IopAssessmentTreatmentPlanning::assessmentCompleted)
      .when(IopRecords.admitted());

  /**
   * {@index IOP.ASMT.1.2}: 1.2 "A multi-disciplinary treatment team has been assigned to each member": MET when the episode
   * names at least {@value #MINIMUM_TEAM} staff in its treatment team. The record does not date the
   * assignment: without a team it is PENDING up to the planning deadline and NOT_MET after it.
   */
  public static final EpisodeRequirement TEAM_ASSIGNED = EpisodeRequirement.of(
      "IOP.ASMT.1.2", MUST, cite("bullet 1, second sub-bullet", "A multi-disciplinary treatment team has been assigned to each member"),
      IopAssessmentTreatmentPlanning::teamAssigned)
      .when(IopRecords.admitted());

  /**
   * {@index IOP.ASMT.1.3}: 1.3 "Treatment team has met to review the assessment and establish a provisional treatment plan
   * within 1 business day of admission": MET when the earliest provisional or full treatment plan is
   * dated on or before the end of the first business day after the day of admission; PENDING before
   * it; NOT_MET late or absent.
   */
  public static final EpisodeRequirement PROVISIONAL_PLAN = EpisodeRequirement.of(
      "IOP.ASMT.1.3", MUST,
      cite("bullet 1, third sub-bullet", "Treatment team has met to review the assessment and establish a provisional treatment plan within 1 business day of admission"),
      IopAssessmentTreatmentPlanning::provisionalPlan)
      .when(IopRecords.admitted());

  /** {@index IOP.ASMT.1.3.1}: 1.3.1 goals, expected outcomes and time frames. */
  public static final EpisodeRequirement PLAN_GOALS = planElement(1,
      "Goals, expected outcomes, and time frames for achieving the goals.",
      "goals, expected outcomes and time frames", ContentElement.MEASURABLE_GOALS_WITH_TIME_FRAMES);

  /** {@index IOP.ASMT.1.3.2}: 1.3.2 strengths of the individual and family. */
  public static final EpisodeRequirement PLAN_STRENGTHS = planElement(2,
      "Indication of the strengths of the individual and their family as identified in the assessment",
      "the strengths of the individual and their family", ContentElement.STRENGTHS);

  /** {@index IOP.ASMT.1.3.3}: 1.3.3 peer and recovery support services. */
  public static final EpisodeRequirement PLAN_PEER_SUPPORT = planElement(3, "Peer and Recovery support services",
      "peer and recovery support services", ContentElement.PEER_AND_RECOVERY_SUPPORTS);

  /** {@index IOP.ASMT.1.3.4}: 1.3.4 medication evaluation and management. */
  public static final EpisodeRequirement PLAN_MEDICATION = planElement(4,
      "Medication evaluation and medication management delivered by the IOP or via a referral",
      "medication evaluation and medication management", ContentElement.MEDICATION_EVALUATION_AND_MANAGEMENT);

  /** {@index IOP.ASMT.1.3.5}: 1.3.5 a combination of individual, group or family counseling. */
  public static final EpisodeRequirement PLAN_COUNSELING = planElement(5,
      "A combination of individual, group or family counseling based on the Members needs",
      "a combination of individual, group or family counseling", ContentElement.COUNSELING_MIX);

  /**
   * {@index IOP.ASMT.1.3.6}: 1.3.6 "When appropriate, involvement of a state agency": applies when the member record names a
   * state agency involved with the member (or an open DCF case); MET when a plan covers state-agency
   * involvement.
   */
  public static final EpisodeRequirement PLAN_STATE_AGENCY = IopRecords.element("IOP.ASMT.1.3.6", MUST,
      cite("bullet 1, provisional treatment plan element 6", "When appropriate, involvement of a state agency or need for involvement with a state agency"),
      IopRecords.TREATMENT_PLANS, "treatment plan", "state-agency involvement", EnumSet.of(ContentElement.STATE_AGENCY_INVOLVEMENT))
      .when(Condition.of("a state agency is involved with the member", IopAssessmentTreatmentPlanning::stateAgencyInvolved));

  /** {@index IOP.ASMT.1.3.7}: 1.3.7 a detailed discharge and after-care plan. */
  public static final EpisodeRequirement PLAN_DISCHARGE = planElement(7, "A detailed discharge and after-care plan",
      "a discharge and after-care plan", ContentElement.DISCHARGE_AND_AFTERCARE_PLAN);

  /**
   * {@index IOP.ASMT.1.3.8}: 1.3.8 "Member's signature or documentation of refusal to sign the treatment plan": applies once a
   * treatment plan is in the record; MET when every treatment plan carries the member's signature or
   * a documented refusal; NOT_MET names the first that has neither. A signature dated after the
   * as-of date has not happened yet.
   */
  public static final EpisodeRequirement PLAN_SIGNED = EpisodeRequirement.of(
      "IOP.ASMT.1.3.8", MUST,
      cite("bullet 1, provisional treatment plan element 8", "Member's signature or documentation of refusal to sign the treatment plan"),
      IopAssessmentTreatmentPlanning::planSigned)
      .when(IopRecords.inRecord(IopRecords.TREATMENT_PLANS, "treatment plan"));

  /**
   * {@index IOP.ASMT.1.4}: 1.4 "The treatment plan will be updated as clinically appropriate with the Member": applies once
   * the record holds an update (a second treatment plan, whose timing is a clinical judgment); MET
   * when every update was developed with the member; NOT_MET names the first that was not.
   */
  public static final EpisodeRequirement PLAN_UPDATED_WITH_MEMBER = EpisodeRequirement.of(
      "IOP.ASMT.1.4", MUST,
      cite("bullet 1, fourth sub-bullet", "The treatment plan will be updated as clinically appropriate with the Member and if appropriate, with the Members family, guardian or natural supports"),
      IopAssessmentTreatmentPlanning::planUpdatedWithMember)
      .when(Condition.of("the record holds an updated treatment plan", IopAssessmentTreatmentPlanning::planUpdated));

  /** {@index IOP.ASMT.2.1}: 2.1 history of presenting problem. */
  public static final EpisodeRequirement ASMT_HISTORY = assessmentElement(1, "History of presenting problem", ContentElement.HISTORY_OF_PRESENTING_PROBLEM);
  /** {@index IOP.ASMT.2.2}: 2.2 chief complaints and symptoms. */
  public static final EpisodeRequirement ASMT_COMPLAINTS = assessmentElement(2, "Chief complaints and symptoms", ContentElement.CHIEF_COMPLAINTS_AND_SYMPTOMS);
  /** {@index IOP.ASMT.2.3}: 2.3 past BH/SUD history. */
  public static final EpisodeRequirement ASMT_PAST_BH = assessmentElement(3, "Past BH/SUD history", ContentElement.PAST_BH_SUD_HISTORY);
  /** {@index IOP.ASMT.2.4}: 2.4 past medical history. */
  public static final EpisodeRequirement ASMT_PAST_MEDICAL = assessmentElement(4, "Past medical history", ContentElement.PAST_MEDICAL_HISTORY);
  /** {@index IOP.ASMT.2.5}: 2.5 family, social history and linguistic cultural background. */
  public static final EpisodeRequirement ASMT_FAMILY_SOCIAL = assessmentElement(5, "Family, social history and linguistic cultural background",
      ContentElement.FAMILY_SOCIAL_LINGUISTIC_CULTURAL_BACKGROUND);
  /** {@index IOP.ASMT.2.6}: 2.6 current substance use. */
  public static final EpisodeRequirement ASMT_SUBSTANCE = assessmentElement(6, "Current substance abuse", ContentElement.CURRENT_SUBSTANCE_USE);
  /** {@index IOP.ASMT.2.7}: 2.7 mental status exam. */
  public static final EpisodeRequirement ASMT_MSE = assessmentElement(7, "Mental status exam", ContentElement.MENTAL_STATUS_EXAM);
  /** {@index IOP.ASMT.2.8}: 2.8 medication trials, current medications, allergies. */
  public static final EpisodeRequirement ASMT_MEDICATIONS = assessmentElement(8, "Previous medication trials, current medications and any allergies",
      ContentElement.MEDICATION_TRIALS_CURRENT_MEDICATIONS_ALLERGIES);
  /** {@index IOP.ASMT.2.9}: 2.9 diagnosis and clinical formulation. */
  public static final EpisodeRequirement ASMT_DIAGNOSIS = assessmentElement(9, "Diagnosis and clinical formulation", ContentElement.DIAGNOSIS_AND_FORMULATION);
  /** {@index IOP.ASMT.2.10}: 2.10 level of functioning. */
  public static final EpisodeRequirement ASMT_FUNCTIONING = assessmentElement(10, "Level of functioning", ContentElement.LEVEL_OF_FUNCTIONING);
  /** {@index IOP.ASMT.2.11}: 2.11 strengths. */
  public static final EpisodeRequirement ASMT_STRENGTHS = assessmentElement(11,
      "The individual's strengths, and for children and adolescents, family strengths", ContentElement.STRENGTHS);
  /** {@index IOP.ASMT.2.12}: 2.12 name of PCP. */
  public static final EpisodeRequirement ASMT_PCP = assessmentElement(12, "Name of PCP", ContentElement.NAME_OF_PCP);

  /**
   * {@index IOP.ASMT.3.a}: Bullet 3, first sentence: "Care Coordination is an expectation between the IOP provider and CCA"
   * (SHOULD). No deadline is stated, so the stay so far is judged (admission to discharge, or to the
   * as-of time while open): MET when a contact was with CCA's care team ({@link
   * Party#PAYER_CARE_TEAM} among its parties) from admission to the end of the stay, or a document
   * dated within the stay was forwarded to it; NOT_MET otherwise (a call before admission or after
   * discharge is not coordination of this stay's care).
   */
  public static final EpisodeRequirement CARE_COORDINATION = EpisodeRequirement.of(
      "IOP.ASMT.3.a", SHOULD, cite("bullet 3, first sentence", "Care Coordination is an expectation between the IOP provider and CCA."),
      IopAssessmentTreatmentPlanning::careCoordination)
      .when(IopRecords.admitted());

  /**
   * {@index IOP.ASMT.3.b}: Bullet 3, second sentence: the provider contacts CCA's Care Team through the Provider Line.
   * No deadline is stated, so the stay so far is judged: MET when a phone contact with CCA's care
   * team ({@link Party#PAYER_CARE_TEAM}) took place from admission to discharge (or to the as-of
   * time while open); NOT_MET otherwise.
   */
  public static final EpisodeRequirement CONTACTS_CARE_TEAM = EpisodeRequirement.of(
      "IOP.ASMT.3.b", MUST,
      cite("bullet 3, second sentence", "contacts Commonwealth Care Alliances (CCA's) Care Team by contacting CCA's Provider Line 866-420-9332 (Option #4) for Care Partner Team to coordinate care"),
      IopAssessmentTreatmentPlanning::contactsCareTeam)
      .when(IopRecords.admitted());

  /** Family and guardians (4.a.2). */
  static final Set<Party> FAMILY = EnumSet.of(Party.FAMILY, Party.GUARDIAN, Party.CAREGIVER, Party.SIGNIFICANT_OTHER,
      Party.NATURAL_SUPPORTS);

  /** Other entities and agencies significant to aftercare (4.a.4). */
  static final Set<Party> AGENCIES = EnumSet.of(Party.STATE_AGENCY, Party.DCF_CASEWORKER, Party.SCHOOL,
      Party.PROBATION_OR_PAROLE, Party.PAYER_CARE_TEAM, Party.REFERRAL_SOURCE);

  private static final String BULLET_4 = "The provider ensures that treatment and discharge plans show significant involvement of member, family/guardian, providers, and other entities and agencies that are significant to the member's aftercare, unless clinically or legally contraindicated.";

  /**
   * {@index IOP.ASMT.4.a.1}: 4.a.1-4.a.4: treatment and discharge plans show involvement of each listed party. Applies once a
   * treatment plan is in the record, and not when the record documents the involvement of a party of
   * the group as clinically or legally contraindicated. MET when a treatment plan was developed with
   * a party of the group and, once a discharge plan is in the record, a discharge plan was too.
   */
  public static final EpisodeRequirement INVOLVES_MEMBER = involvement(1, "the member", EnumSet.of(Party.MEMBER));
  /** {@index IOP.ASMT.4.a.2}: 4.a.2 family/guardian. */
  public static final EpisodeRequirement INVOLVES_FAMILY = involvement(2, "family/guardian", FAMILY);
  /** {@index IOP.ASMT.4.a.3}: 4.a.3 providers. */
  public static final EpisodeRequirement INVOLVES_PROVIDERS = involvement(3, "providers", IopComponentsOfServices.PROVIDERS);
  /** {@index IOP.ASMT.4.a.4}: 4.a.4 other entities and agencies. */
  public static final EpisodeRequirement INVOLVES_AGENCIES = involvement(4, "other entities and agencies", AGENCIES);

  /**
   * {@index IOP.ASMT.4.b}: 4.b "Proper consent must be documented in the member's record": applies once a treatment plan is
   * in the record; MET when every party other than the member and the treatment team that a
   * treatment or discharge plan was developed with is among the parties the member consented to share
   * with; NOT_APPLICABLE when no such party was involved.
   */
  public static final EpisodeRequirement CONSENT_DOCUMENTED = EpisodeRequirement.of(
      "IOP.ASMT.4.b", MUST, cite("bullet 4, second sentence", "Proper consent must be documented in the member's record"),
      IopAssessmentTreatmentPlanning::consentDocumented)
      .when(IopRecords.inRecord(IopRecords.TREATMENT_PLANS, "treatment plan"));

  /**
   * {@index IOP.ASMT.5}: Bullet 5: daily progress notes on days of attendance. Each attendance day (a day with an
   * attendance contact from admission to discharge) needs a progress note dated that day. A note for
   * today is PENDING until the end of the day; a past attendance day without a note is NOT_MET (due
   * the end of that day); no attendance yet is NOT_APPLICABLE.
   */
  public static final EpisodeRequirement DAILY_PROGRESS_NOTES = EpisodeRequirement.of(
      "IOP.ASMT.5", MUST,
      cite("bullet 5", "The Member records must show evidence of daily progress notes on days of attendance at the program"),
      IopAssessmentTreatmentPlanning::dailyProgressNotes)
      .when(IopRecords.admitted());

  IopAssessmentTreatmentPlanning() {
    super("ASMT", HEADING, List.of(ASSESSMENT_COMPLETED, TEAM_ASSIGNED, PROVISIONAL_PLAN, PLAN_GOALS, PLAN_STRENGTHS,
        PLAN_PEER_SUPPORT, PLAN_MEDICATION, PLAN_COUNSELING, PLAN_STATE_AGENCY, PLAN_DISCHARGE, PLAN_SIGNED,
        PLAN_UPDATED_WITH_MEMBER, ASMT_HISTORY, ASMT_COMPLAINTS, ASMT_PAST_BH, ASMT_PAST_MEDICAL, ASMT_FAMILY_SOCIAL,
        ASMT_SUBSTANCE, ASMT_MSE, ASMT_MEDICATIONS, ASMT_DIAGNOSIS, ASMT_FUNCTIONING, ASMT_STRENGTHS, ASMT_PCP,
        CARE_COORDINATION, CONTACTS_CARE_TEAM, INVOLVES_MEMBER, INVOLVES_FAMILY, INVOLVES_PROVIDERS, INVOLVES_AGENCIES,
        CONSENT_DOCUMENTED, DAILY_PROGRESS_NOTES));
  }

  static Citation cite(String label, String text) {
    return Citation.of(Iop.SOURCE, HEADING, label, text);
  }

  private static EpisodeRequirement planElement(int n, String text, String what, ContentElement element) {
    return IopRecords.element("IOP.ASMT.1.3." + n, MUST, cite("bullet 1, provisional treatment plan element " + n, text),
        IopRecords.TREATMENT_PLANS, "treatment plan", what, EnumSet.of(element));
  }

  private static EpisodeRequirement assessmentElement(int n, String text, ContentElement element) {
    return IopRecords.element("IOP.ASMT.2." + n, MUST, cite("bullet 2, assessment element " + n, text),
        IopRecords.ASSESSMENTS, "assessment", text.toLowerCase(java.util.Locale.ROOT), EnumSet.of(element));
  }

  private static EpisodeRequirement involvement(int n, String who, Set<Party> group) {
    Involvement involvement = new Involvement(who, group);
    return EpisodeRequirement.of("IOP.ASMT.4.a." + n, MUST, cite("bullet 4, first sentence, " + who, BULLET_4),
        involvement::judge)
        .when(IopRecords.inRecord(IopRecords.TREATMENT_PLANS, "treatment plan"))
        .when(Condition.of("the involvement of " + who + " is not documented as contraindicated", involvement::notContraindicated));
  }

  private static Judgment assessmentCompleted(CaseRecord record, EvaluationContext ctx) {
    return IopRecords.documentBy(record, IopRecords.documents(record.episode(), ctx, IopRecords.ASSESSMENTS),
        "assessment", ctx);
  }

  private static Judgment teamAssigned(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    long team = distinct(e.treatmentTeam());
    Evidence episode = Evidence.of("episode", e.id(), "treatment team of " + team);
    if (team >= MINIMUM_TEAM) {
      return Judgments.met("a treatment team of ", Long.toString(team), " staff is assigned", "", episode);
    }
    Deadline due = IopRecords.planningDeadline(record, ctx);
    return due.isOpenAt(ctx.asOf())
        ? Judgment.pending(due, "no multi-disciplinary treatment team (at least " + MINIMUM_TEAM + " staff) is assigned yet", episode)
        : Judgment.missed(due, "no multi-disciplinary treatment team (at least " + MINIMUM_TEAM + " staff) is assigned", episode);
  }

  /** How many distinct values {@code values} holds (as {@code stream().distinct().count()}, without a stream). */
  private static long distinct(List<?> values) {
    int n = values.size();
    long count = 0;
    for (int i = 0; i < n; i++) {
      Object v = values.get(i);
      boolean seen = false;
      for (int j = 0; j < i && !seen; j++) {
        seen = java.util.Objects.equals(values.get(j), v);
      }
      if (!seen) {
        count++;
      }
    }
    return count;
  }

  private static Judgment provisionalPlan(CaseRecord record, EvaluationContext ctx) {
    return IopRecords.documentBy(record, IopRecords.documents(record.episode(), ctx, IopRecords.TREATMENT_PLANS),
        "provisional treatment plan", ctx);
  }

  // constant judgments of conditions: the same for every record, made once
  private static final Optional<Judgment> NO_STATE_AGENCY =
      Optional.of(Judgment.notApplicable("no state agency is involved with the member"));
  private static final Optional<Judgment> NO_PLAN_UPDATE =
      Optional.of(Judgment.notApplicable("the record holds no update of the treatment plan"));

  private static Optional<Judgment> stateAgencyInvolved(CaseRecord record, EvaluationContext ctx) {
    return record.member().stateAgencies().isEmpty() && !record.member().dcfCaseOpen()
        ? NO_STATE_AGENCY
        : Optional.empty();
  }

  private static Judgment planSigned(CaseRecord record, EvaluationContext ctx) {
    List<Document> plans = IopRecords.documents(record.episode(), ctx, IopRecords.TREATMENT_PLANS);
    for (int i = 0, n = plans.size(); i < n; i++) {
      Document d = plans.get(i);
      Optional<LocalDate> signed = d.memberSignedOn();
      if ((signed.isEmpty() || !ctx.hasBegun(signed.get())) && !d.memberRefusedToSign()) {
        return Judgments.notMet("treatment plan ", d.id(), " has neither the member's signature nor a documented refusal", "",
            IopRecords.evidence(d));
      }
    }
    return Judgment.met("every treatment plan is signed by the member or documents the refusal", IopRecords.evidence(plans));
  }

  private static Optional<Judgment> planUpdated(CaseRecord record, EvaluationContext ctx) {
    return IopRecords.documents(record.episode(), ctx, IopRecords.TREATMENT_PLANS).size() < 2
        ? NO_PLAN_UPDATE
        : Optional.empty();
  }

  private static Judgment planUpdatedWithMember(CaseRecord record, EvaluationContext ctx) {
    List<Document> plans = IopRecords.documents(record.episode(), ctx, IopRecords.TREATMENT_PLANS);
    for (int i = 1, n = plans.size(); i < n; i++) {
      Document d = plans.get(i);
      if (!d.developedWith().contains(Party.MEMBER)) {
        return Judgments.notMet("treatment plan update ", d.id(), " was not developed with the member", "", IopRecords.evidence(d));
      }
    }
    return Judgment.met("every treatment plan update was developed with the member",
        IopRecords.evidence(plans.subList(1, plans.size())));
  }

  /**
   * The first contact of the record (in its order) with CCA's care team that has happened and falls
   * from {@code from} to {@code to}, a phone contact only when {@code phoneOnly}; null when none.
   */
  private static Contact firstCareTeamContact(CaseRecord record, EvaluationContext ctx, Instant from, Instant to,
      boolean phoneOnly) {
    List<Contact> contacts = record.episode().contacts();
    for (int i = 0, n = contacts.size(); i < n; i++) {
      Contact c = contacts.get(i);
      Instant at = c.at();
      if (IopRecords.with(c, Party.PAYER_CARE_TEAM) && ctx.hasHappened(at) && (!phoneOnly || c.mode() == ContactMode.PHONE)
          && !at.isBefore(from) && !at.isAfter(to)) {
        return c;
      }
    }
    return null;
  }

  private static Judgment careCoordination(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    Instant from = IopRecords.admittedAt(record);
    Instant to = IopRecords.stayEnd(e, ctx);
    Contact c = firstCareTeamContact(record, ctx, from, to, false);
    if (c != null) {
      return Judgment.met("care was coordinated with CCA's care team", Evidence.of("contact", c.id(), c.at(), "contact with CCA's care team"));
    }
    LocalDate firstDay = ctx.dateOf(from);
    LocalDate lastDay = ctx.dateOf(to);
    List<Document> documents = e.documents();
    for (int i = 0, n = documents.size(); i < n; i++) {
      Document d = documents.get(i);
      if (d.forwardedTo().contains(Party.PAYER_CARE_TEAM) && !d.date().isBefore(firstDay) && !d.date().isAfter(lastDay)) {
        return Judgments.met("document ", d.id(), " was forwarded to CCA's care team", "", IopRecords.evidence(d));
      }
    }
    return Judgment.notMet("the record shows no care coordination with CCA's care team during the stay", IopRecords.admission(record));
  }

  private static Judgment contactsCareTeam(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    Contact call = firstCareTeamContact(record, ctx, IopRecords.admittedAt(record), IopRecords.stayEnd(e, ctx), true);
    return call != null
        ? Judgment.met("the provider called CCA's Care Team during the stay",
            Evidence.of("contact", call.id(), call.at(), "phone contact with CCA's care team"))
        : Judgment.notMet("the record shows no phone contact with CCA's Care Team from admission to discharge",
            IopRecords.admission(record));
  }

  /** One group of parties that plans must involve; its reasons that depend on it alone made once. */
  private static final class Involvement {
    private final Set<Party> group;
    private final String shows;
    private final String showsOne;
    private final String noTreatmentPlan;
    private final String noDischargePlan;
    private final Optional<Judgment> contraindicated;

    Involvement(String who, Set<Party> group) {
      // a constant set: RecordLists.anyIn lists its members once instead of an iterator per call
      this.group = RecordLists.constant(group);
      this.shows = " show involvement of " + who;
      this.showsOne = " shows involvement of " + who;
      this.noTreatmentPlan = "no treatment plan shows involvement of " + who;
      this.noDischargePlan = "no discharge plan shows involvement of " + who;
      this.contraindicated = Optional.of(Judgment.notApplicable("the record documents the involvement of " + who + " as contraindicated"));
    }

    Optional<Judgment> notContraindicated(CaseRecord record, EvaluationContext ctx) {
      return RecordLists.anyIn(record.episode().involvementContraindicated(), group)
          ? contraindicated
          : Optional.empty();
    }

    Judgment judge(CaseRecord record, EvaluationContext ctx) {
      Episode e = record.episode();
      List<Document> treatment = IopRecords.documents(e, ctx, IopRecords.TREATMENT_PLANS);
      Document t = firstInvolving(treatment, group);
      if (t == null) {
        return Judgments.notMet(noTreatmentPlan, "", "", "", IopRecords.evidenceList(e, ctx, IopRecords.TREATMENT_PLANS));
      }
      List<Document> discharge = IopRecords.documents(e, ctx, IopRecords.DISCHARGE_PLANS);
      if (discharge.isEmpty()) {
        // "treatment plan <id> shows involvement of <who>"
        return Judgments.met("treatment plan ", t.id(), showsOne, "", IopRecords.evidence(t));
      }
      Document d = firstInvolving(discharge, group);
      return d != null
          ? Judgments.met("treatment plan ", t.id(), " and discharge plan ", d.id() + shows,
              IopRecords.evidence(t), IopRecords.evidence(d))
          : Judgments.notMet(noDischargePlan, "", "", "", IopRecords.evidenceList(e, ctx, IopRecords.DISCHARGE_PLANS));
    }
  }

  /** The first of {@code docs} developed with any of {@code group}, or null. */
  private static Document firstInvolving(List<Document> docs, Set<Party> group) {
    for (int i = 0, n = docs.size(); i < n; i++) {
      if (RecordLists.anyIn(docs.get(i).developedWith(), group)) {
        return docs.get(i);
      }
    }
    return null;
  }

  // treatment and discharge plans: one constant set, so IopRecords.documents finds it again per record
  static final Set<DocumentKind> PLANS = plans();

  private static Set<DocumentKind> plans() {
    Set<DocumentKind> kinds = EnumSet.copyOf(IopRecords.TREATMENT_PLANS);
    kinds.addAll(IopRecords.DISCHARGE_PLANS);
    return java.util.Collections.unmodifiableSet(kinds);
  }

  private static Judgment consentDocumented(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    List<Document> plans = IopRecords.documents(e, ctx, PLANS);
    Set<Party> others = EnumSet.noneOf(Party.class);
    for (int i = 0, n = plans.size(); i < n; i++) {
      others.addAll(plans.get(i).developedWith());
    }
    others.remove(Party.MEMBER);
    others.remove(Party.TREATMENT_TEAM);
    if (others.isEmpty()) {
      return Judgment.notApplicable("no plan involves anyone other than the member and the treatment team", IopRecords.evidence(plans));
    }
    Set<Party> without = EnumSet.copyOf(others);
    without.removeAll(org.perfspecs.checks.Consents.given(e, ctx));
    return without.isEmpty()
        ? Judgments.met("consent is documented for every party involved: ", others.toString(), "", "", IopRecords.evidence(plans))
        : Judgments.notMet("no documented consent for the involvement of ", without.toString(), "", "",
            IopRecords.evidenceList(e, ctx, PLANS));
  }

  private static final Set<DocumentKind> PROGRESS_NOTES = EnumSet.of(DocumentKind.PROGRESS_NOTE);

  /** The attendance evidence's note, {@code "<n> attendance day(s) from <first> to <last>"}, made when read. */
  private record AttendanceNote(List<LocalDate> dates) implements java.util.function.Supplier<String> {
    @Override
    public String get() {
      return dates.size() + " attendance day(s) from " + dates.get(0) + " to " + dates.get(dates.size() - 1);
    }
  }

  private static Judgment dailyProgressNotes(CaseRecord record, EvaluationContext ctx) {
    // the days, in order, without repeats
    List<LocalDate> dates = IopRecords.attendanceDays(record, ctx);
    if (dates.isEmpty()) {
      return Judgment.notApplicable("the record shows no day of attendance yet");
    }
    // the days without a note, by walking the days and the notes (both in date order) together
    List<Document> notes = IopRecords.documents(record.episode(), ctx, PROGRESS_NOTES);
    int missing = 0;
    LocalDate first = null;
    int j = 0;
    for (int k = 0, size = dates.size(); k < size; k++) {
      LocalDate d = dates.get(k);
      while (j < notes.size() && notes.get(j).date().isBefore(d)) {
        j++;
      }
      if (j == notes.size() || !notes.get(j).date().equals(d)) {
        missing++;
        if (first == null) {
          first = d;
        }
      }
    }
    // the note made when read (most findings are counted, never printed)
    Evidence attendance = Evidence.lazy("episode", record.episode().id(), new AttendanceNote(dates));
    if (missing == 0) {
      return Judgments.met("every one of ", Integer.toString(dates.size()), " attendance day(s) has a progress note", "", attendance);
    }
    LocalDate day = first;
    // the description made when read (most deadlines are never printed)
    Deadline due = Deadline.endOf(day, ctx.zone(), () -> "end of the attendance day " + day);
    if (missing == 1 && due.isOpenAt(ctx.asOf())) {
      return Judgment.pending(due, "no progress note yet for today's attendance (" + first + ")", attendance);
    }
    return Judgment.missed(due, missing + " attendance day(s) without a progress note, first " + first, attendance);
  }
}

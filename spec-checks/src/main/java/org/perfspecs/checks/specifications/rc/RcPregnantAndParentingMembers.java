package org.perfspecs.checks.specifications.rc;

import static org.perfspecs.checks.Strength.MUST;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Section;
import org.perfspecs.model.Agreement;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.Document;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.Episode;
import org.perfspecs.model.PartnerCategory;
import org.perfspecs.model.Program;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.StateAgency;
import org.perfspecs.model.Topic;
import org.perfspecs.model.WellnessPlan;

/**
 * RC: "When working with pregnant and/or parenting Members, in addition to the requirements listed
 * above, Recovery Coaches must:" items 1 to 4. Every episode requirement applies when the member
 * is parenting, or pregnant or postpartum at admission. Item 1 and item 4 state no deadline or
 * window, so they are judged over the stay so far (admission to discharge, or to the as-of time
 * while the episode is open): MET when the record shows them, NOT_MET when it does not.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RcPregnantAndParentingMembers extends Section {
  static final String HEADING = "When working with pregnant and/or parenting Members, in addition to the requirements listed above, Recovery Coaches must:";

  private static final String ITEM_2 = "Support Member around perinatal health and support needs, housing needs, healthcare needs, income needs, mental health and substance use treatment needs (including MAT), as identified in the Plan of Safe Care.";

  /** Item 2, element 1: perinatal health and support needs. */
  public static final Set<ServiceCategory> PERINATAL = EnumSet.of(ServiceCategory.OBSTETRIC_PROVIDER,
      ServiceCategory.PRENATAL_CARE, ServiceCategory.FAMILY_REPRODUCTIVE_HEALTH, ServiceCategory.HEALTHY_START,
      ServiceCategory.WIC_NUTRITION, ServiceCategory.HOME_VISITING, ServiceCategory.LACTATION_SUPPORT,
      ServiceCategory.DOULA, ServiceCategory.DIAPER_BANK, ServiceCategory.EARLY_INTERVENTION);
  /** Item 2, element 2: housing needs. */
  public static final Set<ServiceCategory> HOUSING = EnumSet.of(ServiceCategory.HOUSING,
      ServiceCategory.FAMILY_LIVING_OPPORTUNITIES);
  /** Item 2, element 3: healthcare needs. */
  public static final Set<ServiceCategory> HEALTHCARE = EnumSet.of(ServiceCategory.PCC, ServiceCategory.PRIMARY_HEALTH,
      ServiceCategory.PEDIATRICS, ServiceCategory.SPECIALIZED_PEDIATRICS, ServiceCategory.DENTIST,
      ServiceCategory.WALK_IN_MEDICAL, ServiceCategory.HIV_HEPATITIS_STI_TESTING);
  /** Item 2, element 4: income needs. */
  public static final Set<ServiceCategory> INCOME = EnumSet.of(ServiceCategory.BENEFITS,
      ServiceCategory.TRANSITIONAL_ASSISTANCE, ServiceCategory.EMPLOYMENT, ServiceCategory.VOCATIONAL_EDUCATIONAL);
  /** Item 2, element 5: mental health and substance use treatment needs, including MAT. */
  public static final Set<ServiceCategory> TREATMENT = EnumSet.of(ServiceCategory.MENTAL_HEALTH,
      ServiceCategory.PSYCHIATRY, ServiceCategory.OUTPATIENT_BEHAVIORAL_HEALTH,
      ServiceCategory.MEDICATION_FOR_ADDICTION_TREATMENT);

  /**
   * {@index RC.PREG.1}: Item 1: a Plan of Safe Care in the record that is member-directed (created collaboratively with
   * the member) and identifies needed services (at least one need). No deadline is stated, so the
   * stay so far is judged: NOT_MET while no plan is in the record (admission to discharge, or to
   * the as-of time while open), or when the plan in the record is not member-directed or
   * identifies no need; UNDETERMINED when there is no plan and no admission.
   */
  public static final EpisodeRequirement PLAN_OF_SAFE_CARE = EpisodeRequirement.of(
      "RC.PREG.1", MUST,
      cite("1", "Use a peer mentoring framework, work collaboratively with the pregnant and/or parenting Member to create and coordinate Plan of Safe Care (also called Family Support Plan) specifically designed to help the Member identify needed services for recovery and parenting."),
      RcPregnantAndParentingMembers::planOfSafeCare)
      .when(RcConditions.pregnantOrParenting());

  /** {@index RC.PREG.2.1}: Item 2, element 1. */
  public static final EpisodeRequirement SUPPORT_PERINATAL = support(1, PERINATAL, "perinatal health and support needs");
  /** {@index RC.PREG.2.2}: Item 2, element 2. */
  public static final EpisodeRequirement SUPPORT_HOUSING = support(2, HOUSING, "housing needs");
  /** {@index RC.PREG.2.3}: Item 2, element 3. */
  public static final EpisodeRequirement SUPPORT_HEALTHCARE = support(3, HEALTHCARE, "healthcare needs");
  /** {@index RC.PREG.2.4}: Item 2, element 4. */
  public static final EpisodeRequirement SUPPORT_INCOME = support(4, INCOME, "income needs");
  /** {@index RC.PREG.2.5}: Item 2, element 5. */
  public static final EpisodeRequirement SUPPORT_TREATMENT = support(5, TREATMENT,
      "mental health and substance use treatment needs (including MAT)");

  /** {@index RC.PREG.3.a}: Item 3, first sentence, attested. */
  public static final ProgramRequirement LOCAL_RESOURCES = ProgramRequirement.attested(
      "RC.PREG.3.a", MUST,
      cite("3, first sentence", "Become familiar with local resources, such as home visiting services, lactation support services, parenting support groups, childcare programs, and other services designed to support parents and/or parents in recovery."));

  /**
   * {@index RC.PREG.3.b.1}: Item 3, second sentence, first named partner: an agreement with a local
   * DCF area office, active on the as-of date.
   */
  public static final ProgramRequirement PARTNERSHIP_DCF = partnership("RC.PREG.3.b.1", "3, second sentence, local DCF staff",
      PartnerCategory.DCF_AREA_OFFICE, "a local DCF area office");

  /**
   * {@index RC.PREG.3.b.2}: Item 3, second sentence, second named partner: an agreement with a
   * local Early Intervention program, active on the as-of date.
   */
  public static final ProgramRequirement PARTNERSHIP_EARLY_INTERVENTION = partnership("RC.PREG.3.b.2",
      "3, second sentence, local Early Intervention staff", PartnerCategory.EARLY_INTERVENTION, "a local Early Intervention program");

  /**
   * {@index RC.PREG.4.a}: Item 4, first obligation: a connection with the member that covered DCF (topic DCF: the
   * custody assessment process). No deadline is stated, so the stay so far is judged: MET when
   * such a connection took place from admission to discharge (or to the as-of time while open);
   * NOT_MET otherwise; UNDETERMINED without an admission.
   */
  public static final EpisodeRequirement DCF_PROCESS_EXPLAINED = EpisodeRequirement.of(
      "RC.PREG.4.a", MUST,
      cite("4, first sentence, first obligation", "Help Member understand the DCF custody assessment process"),
      RcPregnantAndParentingMembers::dcfProcessExplained)
      .when(RcConditions.pregnantOrParenting());

  /**
   * {@index RC.PREG.4.b}: Item 4, second obligation, "as appropriate": applies when the member is involved with DCF (an
   * open case or DCF among the agencies); a connection on family preservation (topic
   * FAMILY_PRESERVATION) or an accompaniment contact with the member engaged. No deadline is
   * stated, so the stay so far is judged: MET when one took place from admission to discharge (or
   * to the as-of time while open); NOT_MET otherwise; UNDETERMINED without an admission.
   */
  public static final EpisodeRequirement CUSTODY_ADVOCACY = EpisodeRequirement.of(
      "RC.PREG.4.b", MUST,
      cite("4, first sentence, second obligation", "support Member in advocating for custody as appropriate."),
      RcPregnantAndParentingMembers::custodyAdvocacy)
      .when(RcConditions.pregnantOrParenting())
      .when(RcConditions.involvedWith(EnumSet.of(StateAgency.DCF), "DCF"));

  /**
   * {@index RC.PREG.4.c}: Item 4, second sentence, the Plan of Safe Care: once the plan is in the record, a connection
   * with the member on or after its creation date. No deadline is stated, so the stay so far is
   * judged: MET when such a connection took place by the discharge (or by the as-of time while
   * open); NOT_MET otherwise.
   */
  public static final EpisodeRequirement FOLLOW_THROUGH_PLAN_OF_SAFE_CARE = EpisodeRequirement.of(
      "RC.PREG.4.c", MUST,
      cite("4, second sentence, Plan of Safe Care", "Assist Member in following through on a Plan of Safe Care, or a DCF Family Action Plan, if they have an open case."),
      RcPregnantAndParentingMembers::followThroughPlanOfSafeCare)
      .when(RcConditions.pregnantOrParenting())
      .when(RcConditions.planOfSafeCareInRecord());

  /**
   * {@index RC.PREG.4.d}: Item 4, second sentence, the DCF Family Action Plan "if they have an open case": applies with
   * an open DCF case; NOT_MET when no DCF Family Action Plan document is in the record; otherwise a
   * connection with the member on or after the plan's date. No deadline is stated, so the stay so
   * far is judged: MET when such a connection took place by the discharge (or by the as-of time
   * while open); NOT_MET otherwise.
   */
  public static final EpisodeRequirement FOLLOW_THROUGH_DCF_FAMILY_ACTION_PLAN = EpisodeRequirement.of(
      "RC.PREG.4.d", MUST,
      cite("4, second sentence, DCF Family Action Plan", "Assist Member in following through on a Plan of Safe Care, or a DCF Family Action Plan, if they have an open case."),
      RcPregnantAndParentingMembers::followThroughDcfFamilyActionPlan)
      .when(RcConditions.pregnantOrParenting())
      .when(RcConditions.openDcfCase());

  RcPregnantAndParentingMembers() {
    super("PREG", HEADING, List.of(PLAN_OF_SAFE_CARE, SUPPORT_PERINATAL, SUPPORT_HOUSING, SUPPORT_HEALTHCARE,
        SUPPORT_INCOME, SUPPORT_TREATMENT, LOCAL_RESOURCES, PARTNERSHIP_DCF, PARTNERSHIP_EARLY_INTERVENTION,
        DCF_PROCESS_EXPLAINED, CUSTODY_ADVOCACY, FOLLOW_THROUGH_PLAN_OF_SAFE_CARE, FOLLOW_THROUGH_DCF_FAMILY_ACTION_PLAN));
  }

  static Citation cite(String label, String text) {
    return Citation.of(Rc.SOURCE, HEADING, label, text);
  }

  /**
   * Item 2, element {@code n}: applies when the Plan of Safe Care identifies a need in {@code
   * group}; MET when each such need has a referral out of the service to that kind of service
   * recorded during the stay so far (admission to discharge, or to the as-of time); NOT_MET naming those without.
   */
  private static EpisodeRequirement support(int n, Set<ServiceCategory> group, String words) {
    return EpisodeRequirement.of("RC.PREG.2." + n, MUST, cite("2, element " + n + " (" + words + ")", ITEM_2),
        new Support(group, words)::judge)
        .when(RcConditions.pregnantOrParenting())
        .when(RcConditions.planOfSafeCareIdentifies(group, words));
  }

  private static ProgramRequirement partnership(String id, String label, PartnerCategory category, String words) {
    return ProgramRequirement.of(id, MUST,
        cite(label, "Develop partnerships with local service providers, including local DCF and Early Intervention staff to facilitate engagement and self-advocacy on part of the Member."),
        new Partnership(category, words)::judge);
  }

  private static Judgment planOfSafeCare(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    Optional<WellnessPlan> plan = RcRecords.planOfSafeCare(e, ctx);
    if (plan.isPresent()) {
      WellnessPlan p = plan.get();
      Evidence evidence = RcRecords.planOfSafeCare(p);
      if (!p.memberDirected()) {
        return Judgment.notMet("the Plan of Safe Care is not recorded as created collaboratively with the member (member-directed)", evidence);
      }
      if (p.needsIdentified().isEmpty()) {
        return Judgment.notMet("the Plan of Safe Care identifies no needed services", evidence);
      }
      return Judgment.met("a member-directed Plan of Safe Care identifying " + p.needsIdentified().size()
          + " needed service(s) is in the record", evidence);
    }
    Optional<Instant> admitted = RcRecords.admitted(e, ctx);
    if (admitted.isEmpty()) {
      return RcRecords.noAdmission(e, ctx, "the stay the Plan of Safe Care is judged over cannot be placed");
    }
    return RcRecords.shownDuringStay(e, ctx, "Plan of Safe Care", Optional.empty(), RcRecords.admission(e, admitted.get()));
  }

  private static Judgment dcfProcessExplained(CaseRecord record, EvaluationContext ctx) {
    return duringStay(record, ctx, c -> RcCaseRateActivities.isConnection(c) && c.topics().contains(Topic.DCF),
        "connection covering the DCF custody assessment process");
  }

  private static Judgment custodyAdvocacy(CaseRecord record, EvaluationContext ctx) {
    return duringStay(record, ctx,
        c -> (RcCaseRateActivities.isConnection(c) && c.topics().contains(Topic.FAMILY_PRESERVATION))
            || (c.kind() == ContactKind.ACCOMPANIMENT && c.memberEngaged()),
        "connection or accompaniment supporting custody advocacy");
  }

  private static Judgment duringStay(CaseRecord record, EvaluationContext ctx,
      java.util.function.Predicate<Contact> which, String what) {
    Episode e = record.episode();
    Optional<Instant> admitted = RcRecords.admitted(e, ctx);
    if (admitted.isEmpty()) {
      return RcRecords.noAdmission(e, ctx, "the stay so far cannot be placed");
    }
    Instant from = admitted.get();
    Contact c = RcRecords.firstContact(e, ctx, x -> which.test(x) && !x.at().isBefore(from));
    Optional<Evidence> first = c == null ? Optional.empty() : Optional.of(RcRecords.contact(c, what));
    return RcRecords.shownDuringStay(e, ctx, what, first, RcRecords.admission(e, admitted.get()));
  }

  private static Judgment followThroughPlanOfSafeCare(CaseRecord record, EvaluationContext ctx) {
    WellnessPlan plan = RcRecords.planOfSafeCare(record.episode(), ctx).orElseThrow(); // the condition guarantees it
    return followThrough(record, ctx, plan.createdOn(), "Plan of Safe Care", RcRecords.planOfSafeCare(plan));
  }

  private static Judgment followThroughDcfFamilyActionPlan(CaseRecord record, EvaluationContext ctx) {
    Optional<Document> fap = record.episode().documents().stream()
        .filter(d -> d.kind() == DocumentKind.DCF_FAMILY_ACTION_PLAN && ctx.hasBegun(d.date()))
        .min(java.util.Comparator.comparing(Document::date));
    if (fap.isEmpty()) {
      return Judgment.notMet("the member has an open DCF case but no DCF Family Action Plan is in the record");
    }
    Document d = fap.get();
    return followThrough(record, ctx, d.date(), "DCF Family Action Plan",
        Evidence.onDate("document", d.id(), d.date(), "DCF Family Action Plan"));
  }

  private static Judgment followThrough(CaseRecord record, EvaluationContext ctx, LocalDate planDate, String plan,
      Evidence planEvidence) {
    String what = "connection with the member following through on the " + plan;
    Contact c = RcRecords.first(RcRecords.connections(record.episode(), ctx), x -> !ctx.dateOf(x.at()).isBefore(planDate));
    Optional<Evidence> first = c == null ? Optional.empty() : Optional.of(RcRecords.contact(c, what));
    return RcRecords.shownDuringStay(record.episode(), ctx, what, first, planEvidence);
  }

  /** One element of item 2. */
  private static final class Support {
    private final Set<ServiceCategory> group;
    private final String words;

    Support(Set<ServiceCategory> group, String words) {
      this.group = group;
      this.words = words;
    }

    Judgment judge(CaseRecord record, EvaluationContext ctx) {
      Episode e = record.episode();
      WellnessPlan plan = RcRecords.planOfSafeCare(e, ctx).orElseThrow(); // the condition guarantees it
      Judgment j = RcRecords.referredForEach(e, ctx, RcConditions.within(plan.needsIdentified(), group), words);
      return j;
    }
  }

  /** One named partner of item 3. */
  private static final class Partnership {
    private final PartnerCategory category;
    private final String words;

    Partnership(PartnerCategory category, String words) {
      this.category = category;
      this.words = words;
    }

    Judgment judge(Program program, EvaluationContext ctx) {
      Optional<Agreement> a = program.agreements().stream()
          .filter(x -> x.partnerCategory() == category && x.isActiveOn(ctx.today()))
          .findFirst();
      return a.isPresent()
          ? Judgment.met("partnership with " + words + " (" + a.get().partnerName() + ") in force on " + ctx.today(),
              Evidence.onDate("agreement", a.get().id(), a.get().signedOn(), a.get().kind() + " with " + category))
          : Judgment.notMet("the program profile holds no agreement with " + words + " in force on " + ctx.today());
    }
  }
}

package org.perfspecs.checks.specifications.rrs;

import static org.perfspecs.checks.Strength.MUST;
import static org.perfspecs.checks.specifications.rrs.RrsStay.ADMITTED;
import static org.perfspecs.checks.specifications.rrs.RrsStay.first;
import static org.perfspecs.checks.specifications.rrs.RrsStay.shownDuringStay;
import static org.perfspecs.checks.specifications.rrs.RrsStay.words;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.Condition;
import org.perfspecs.checks.Conditions;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.Judgments;
import org.perfspecs.checks.RecordLists;
import org.perfspecs.checks.RecordScope;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Section;
import org.perfspecs.checks.Times;
import org.perfspecs.model.Agreement;
import org.perfspecs.model.Appointment;
import org.perfspecs.model.AppointmentKind;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Consultation;
import org.perfspecs.model.ConsultationKind;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.Document;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.Episode;
import org.perfspecs.model.Member;
import org.perfspecs.model.PartnerCategory;
import org.perfspecs.model.Party;
import org.perfspecs.model.PregnancyState;
import org.perfspecs.model.Program;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.Topic;

/**
 * RRS for Pregnant and Post-Partum Women "SERVICE COMPONENTS".
 *
 * <p>Episode requirements here are judged over the stay ({@code RrsStay}): there is no deadline in
 * this section, so each is MET once the record shows it during the stay and NOT_MET until then;
 * without an admission time each is UNDETERMINED. "As needed" and "as indicated" apply when the
 * record marks the need ({@link org.perfspecs.model.Episode#counselingNeeds()}, {@link
 * org.perfspecs.model.Episode#serviceNeeds()}), else NOT_APPLICABLE.
 *
 * <ul>
 *   <li>Item 5 ("The provider arranges appointments for primary health, and mental health services
 *       including pediatric care, and specialized pediatric care as indicated."): four requirements,
 *       {@code 5.a} primary health, {@code 5.b} mental health, {@code 5.c} pediatric care, {@code
 *       5.d} specialized pediatric care. "As indicated" is read as qualifying every element: each
 *       applies when the record marks the matching service need, and is MET by an appointment of
 *       the matching kind that the program helped make ({@code assistedByProgram}), booked during
 *       the stay.
 *   <li>Item 7's listed plan elements: eight requirements {@code 7.b.1} to {@code 7.b.8}, judged on
 *       the latest treatment plan dated during the stay (the plan in force); NOT_APPLICABLE while
 *       there is none (whether a plan exists is {@code 7.a}). "Other relevant issues" names nothing
 *       checkable.
 *   <li>Item 9 ("... HIV/AIDS, hepatitis, and other STI counseling and testing as needed by the
 *       Enrollee."): three requirements {@code 9.a} HIV/AIDS, {@code 9.b} hepatitis, {@code 9.c}
 *       other STI, each applying when the record marks the counselling need on that topic, MET by
 *       a contact during the stay with the member engaged (not case work without her) covering the
 *       topic, or by a referral made to HIV, hepatitis and STI testing.
 *   <li>Item 12 ("The provider ensures appropriate counseling regarding the following as needed:"):
 *       twelve requirements {@code 12.a} to {@code 12.l}, each applying when the record marks the
 *       counselling need on the topic, MET by a contact during the stay with the member engaged (not
 *       case work without her) covering the topic.
 * </ul>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RrsServiceComponents extends Section {
  static final String HEADING = "SERVICE COMPONENTS";

  /** {@index RRS_PPW.COMP.1}: Item 1: deferral to 105 CMR 164, including DPH reporting requirements. */
  public static final ProgramRequirement LICENSURE_105_CMR_164 = ProgramRequirement.external(
      "RRS_PPW.COMP.1", MUST,
      Citation.of(RrsPpw.SOURCE, HEADING, "1", "At minimum, the provider complies with all requirements of the Department of Public Health (DPH) licensure of substance abuse treatment programs (105 CMR 164) including DPH reporting requirements."),
      RrsPpw.CMR_105_164);

  /** Referral targets that assess and manage gynecological, obstetric and prenatal needs. */
  static final Set<ServiceCategory> OB_GYN_TARGETS = Set.of(ServiceCategory.OBSTETRIC_PROVIDER,
      ServiceCategory.PRENATAL_CARE, ServiceCategory.FAMILY_REPRODUCTIVE_HEALTH);

  /**
   * {@index RRS_PPW.COMP.2}: Item 2: "The provider ensures assessment and management of gynecological and/or obstetric,
   * prenatal, and other health needs are conducted by referral." MET by a referral made during
   * the stay to an obstetric provider, prenatal care or family/reproductive health, or an
   * obstetric consultation arranged during the stay; applies to every admitted member (gynecological
   * needs are not limited to pregnancy).
   */
  public static final EpisodeRequirement OB_GYN_BY_REFERRAL = EpisodeRequirement.of(
      "RRS_PPW.COMP.2", MUST,
      cite("2", "The provider ensures assessment and management of gynecological and/or obstetric, prenatal, and other health needs are conducted by referral."),
      RrsServiceComponents::obGynByReferral)
      .when(ADMITTED);

  /** Referral targets that assess or serve infants' physical, mental and developmental needs. */
  static final Set<ServiceCategory> INFANT_TARGETS = Set.of(ServiceCategory.PEDIATRICS,
      ServiceCategory.SPECIALIZED_PEDIATRICS, ServiceCategory.EARLY_INTERVENTION,
      ServiceCategory.HIGH_RISK_INFANT_FAMILY_SUPPORT);

  /**
   * The member has an infant: she is recorded postpartum with a delivery date on or before the
   * as-of date and no more than one year (the post-partum period) before the date of admission.
   */
  static final Condition HAS_INFANT = Condition.of(
      "the member has an infant (delivered on or before the as-of date, within the post-partum year before admission)",
      RrsServiceComponents::hasInfant);

  /**
   * {@index RRS_PPW.COMP.3}: Item 3: "The provider ensures assessment of physical, mental, developmental, and/or other
   * needs of infants is conducted and/or provided through linkages with relevant services." For a
   * member with an infant: MET by a pediatric consultation arranged, a pediatric or specialized
   * pediatric appointment arranged, or a referral made to pediatrics, specialized pediatrics,
   * early intervention or a high-risk infant/family support program, during the stay.
   */
  public static final EpisodeRequirement INFANT_NEEDS = EpisodeRequirement.of(
      "RRS_PPW.COMP.3", MUST,
      cite("3", "The provider ensures assessment of physical, mental, developmental, and/or other needs of infants is conducted and/or provided through linkages with relevant services."),
      RrsServiceComponents::infantNeeds)
      .when(ADMITTED).when(HAS_INFANT);

  /**
   * {@index RRS_PPW.COMP.4}: Item 4: "The provider arranges for emergency hospital back-up for obstetric and gynecological
   * services." MET by an agreement (any kind) with a birthing hospital or a hospital, active on the
   * as-of date.
   */
  public static final ProgramRequirement HOSPITAL_BACKUP = ProgramRequirement.of(
      "RRS_PPW.COMP.4", MUST,
      cite("4", "The provider arranges for emergency hospital back-up for obstetric and gynecological services."),
      RrsServiceComponents::hospitalBackup);

  /** {@index RRS_PPW.COMP.5.a}: Item 5, primary health appointments, as indicated. */
  public static final EpisodeRequirement PRIMARY_HEALTH_APPOINTMENT = appointment("5.a", "primary health",
      ServiceCategory.PRIMARY_HEALTH, Set.of(AppointmentKind.PRIMARY_CARE, AppointmentKind.PHYSICAL_EXAM));

  /** {@index RRS_PPW.COMP.5.b}: Item 5, mental health appointments, as indicated. */
  public static final EpisodeRequirement MENTAL_HEALTH_APPOINTMENT = appointment("5.b", "mental health",
      ServiceCategory.MENTAL_HEALTH, Set.of(AppointmentKind.MENTAL_HEALTH));

  /** {@index RRS_PPW.COMP.5.c}: Item 5, pediatric care appointments, as indicated. */
  public static final EpisodeRequirement PEDIATRIC_APPOINTMENT = appointment("5.c", "pediatric care",
      ServiceCategory.PEDIATRICS, Set.of(AppointmentKind.PEDIATRIC));

  /** {@index RRS_PPW.COMP.5.d}: Item 5, specialized pediatric care appointments, as indicated. */
  public static final EpisodeRequirement SPECIALIZED_PEDIATRIC_APPOINTMENT = appointment("5.d",
      "specialized pediatric care", ServiceCategory.SPECIALIZED_PEDIATRICS, Set.of(AppointmentKind.SPECIALIZED_PEDIATRIC));

  /** Kinds of appointment that are medical appointments during and after pregnancy. */
  static final Set<AppointmentKind> MEDICAL_KINDS = Set.of(AppointmentKind.OBSTETRIC, AppointmentKind.PRENATAL,
      AppointmentKind.POSTPARTUM, AppointmentKind.MEDICAL, AppointmentKind.PRIMARY_CARE, AppointmentKind.PHYSICAL_EXAM);

  /**
   * {@index RRS_PPW.COMP.6.a}: Item 6, first obligation: "medical appointments during and after pregnancy are scheduled". For
   * a member pregnant or postpartum at admission: MET by at least one obstetric, prenatal,
   * postpartum, medical, primary care or physical exam appointment booked by the as-of time and
   * not after discharge, dated at or after admission (by the program or not: the provider
   * "ensures" it is scheduled).
   */
  public static final EpisodeRequirement MEDICAL_APPOINTMENTS_SCHEDULED = EpisodeRequirement.of(
      "RRS_PPW.COMP.6.a", MUST,
      cite("6, first obligation", "The provider ensures that medical appointments during and after pregnancy are scheduled"),
      RrsServiceComponents::medicalAppointmentsScheduled)
      .when(ADMITTED).when(Conditions.pregnantOrPostpartumAtAdmission());

  /** A medical appointment has taken place during the stay (its time has passed). */
  static final Condition MEDICAL_APPOINTMENT_TOOK_PLACE = Condition.of(
      "a medical appointment dated during the stay has taken place", RrsServiceComponents::medicalAppointmentTookPlace);

  /**
   * {@index RRS_PPW.COMP.6.b}: Item 6, second obligation: "verification of whether these appointments have been kept is
   * conducted". Every medical appointment (kinds as 6.a) dated during the stay whose time has
   * passed must show whether it was kept and when that was verified, the verification at or after
   * the appointment time and by the as-of time. There is no deadline: an appointment not yet
   * verified is NOT_MET. NOT_APPLICABLE while no such appointment has taken place.
   */
  public static final EpisodeRequirement APPOINTMENTS_KEPT_VERIFIED = EpisodeRequirement.of(
      "RRS_PPW.COMP.6.b", MUST,
      cite("6, second obligation", "verification of whether these appointments have been kept is conducted."),
      RrsServiceComponents::appointmentsKeptVerified)
      .when(ADMITTED).when(Conditions.pregnantOrPostpartumAtAdmission()).when(MEDICAL_APPOINTMENT_TOOK_PLACE);

  /**
   * {@index RRS_PPW.COMP.7.a}: Item 7, first obligation: "The provider works with the Enrollee to create a treatment plan".
   * MET by a treatment plan dated during the stay (admission date to discharge date, or to the
   * as-of date) developed with the member.
   */
  public static final EpisodeRequirement TREATMENT_PLAN_WITH_MEMBER = EpisodeRequirement.of(
      "RRS_PPW.COMP.7.a", MUST,
      cite("7, first obligation", "The provider works with the Enrollee to create a treatment plan"),
      RrsServiceComponents::treatmentPlanWithMember)
      .when(ADMITTED);

  /** A treatment plan dated during the stay is in the record. */
  static final Condition TREATMENT_PLAN = Condition.of("a treatment plan dated during the stay is in the record",
      RrsServiceComponents::treatmentPlanInRecord);

  /** {@index RRS_PPW.COMP.7.b.1}: Item 7, plan element 1. */
  public static final EpisodeRequirement PLAN_PARENTING_SKILLS = planElement(1, "parenting skills education",
      ContentElement.PARENTING_SKILLS_EDUCATION);
  /** {@index RRS_PPW.COMP.7.b.2}: Item 7, plan element 2. */
  public static final EpisodeRequirement PLAN_CHILD_DEVELOPMENT = planElement(2, "child development education",
      ContentElement.CHILD_DEVELOPMENT_EDUCATION);
  /** {@index RRS_PPW.COMP.7.b.3}: Item 7, plan element 3. */
  public static final EpisodeRequirement PLAN_DEVELOPMENTAL_ACTIVITIES = planElement(3,
      "structured developmental activities", ContentElement.DEVELOPMENTAL_ACTIVITIES);
  /** {@index RRS_PPW.COMP.7.b.4}: Item 7, plan element 4. */
  public static final EpisodeRequirement PLAN_PARENT_SUPPORT = planElement(4, "parent support",
      ContentElement.PARENT_SUPPORT);
  /** {@index RRS_PPW.COMP.7.b.5}: Item 7, plan element 5. */
  public static final EpisodeRequirement PLAN_FAMILY_PLANNING = planElement(5, "family planning",
      ContentElement.FAMILY_PLANNING);
  /** {@index RRS_PPW.COMP.7.b.6}: Item 7, plan element 6. */
  public static final EpisodeRequirement PLAN_NUTRITION = planElement(6, "nutrition", ContentElement.NUTRITION);
  /** {@index RRS_PPW.COMP.7.b.7}: Item 7, plan element 7. */
  public static final EpisodeRequirement PLAN_VIOLENCE = planElement(7, "violence", ContentElement.VIOLENCE);
  /** {@index RRS_PPW.COMP.7.b.8}: Item 7, plan element 8. */
  public static final EpisodeRequirement PLAN_SAFE_RELATIONSHIPS = planElement(8, "safe relationships",
      ContentElement.SAFE_RELATIONSHIPS);

  /**
   * {@index RRS_PPW.COMP.8}: Item 8: "The provider facilitates access, induction, maintenance, and ongoing support for
   * Enrollees enrolled in pharmacotherapies for opioid use disorders." Applies when the record marks
   * medication for addiction treatment among the member's service needs (the record's marker of
   * enrolment in pharmacotherapy for OUD); MET by a referral made to medication for addiction
   * treatment or a medication-management contact with the member engaged, during the stay.
   */
  public static final EpisodeRequirement MOUD_SUPPORT = EpisodeRequirement.of(
      "RRS_PPW.COMP.8", MUST,
      cite("8", "The provider facilitates access, induction, maintenance, and ongoing support for Enrollees enrolled in pharmacotherapies for opioid use disorders."),
      RrsServiceComponents::moudSupport)
      .when(RrsStay.needs(ServiceCategory.MEDICATION_FOR_ADDICTION_TREATMENT)).when(ADMITTED);

  /** {@index RRS_PPW.COMP.9.a}: Item 9, HIV/AIDS counselling and testing, as needed. */
  public static final EpisodeRequirement HIV_AIDS_SERVICES = infectiousDisease("9.a", "HIV/AIDS", Topic.HIV_AIDS);
  /** {@index RRS_PPW.COMP.9.b}: Item 9, hepatitis counselling and testing, as needed. */
  public static final EpisodeRequirement HEPATITIS_SERVICES = infectiousDisease("9.b", "hepatitis", Topic.HEPATITIS);
  /** {@index RRS_PPW.COMP.9.c}: Item 9, other STI counselling and testing, as needed. */
  public static final EpisodeRequirement STI_SERVICES = infectiousDisease("9.c", "other STI",
      Topic.SEXUALLY_TRANSMITTED_INFECTIONS);

  /**
   * {@index RRS_PPW.COMP.10}: Item 10: "The provider ensures assistance in accessing Women, Infants, and Children (WIC) and
   * other nutritional programs." For a member pregnant or postpartum at admission (WIC's
   * population): MET by a referral made to WIC and nutrition programs during the stay.
   */
  public static final EpisodeRequirement WIC_ACCESS = EpisodeRequirement.of(
      "RRS_PPW.COMP.10", MUST,
      cite("10", "The provider ensures assistance in accessing Women, Infants, and Children (WIC) and other nutritional programs."),
      RrsServiceComponents::wicAccess)
      .when(ADMITTED).when(Conditions.pregnantOrPostpartumAtAdmission());

  /**
   * {@index RRS_PPW.COMP.11}: Item 11: "The provider arranges for family planning and reproductive health resources." MET by
   * a referral made to family/reproductive health during the stay, for every admitted member.
   */
  public static final EpisodeRequirement FAMILY_PLANNING_RESOURCES = EpisodeRequirement.of(
      "RRS_PPW.COMP.11", MUST,
      cite("11", "The provider arranges for family planning and reproductive health resources."),
      RrsServiceComponents::familyPlanningResources)
      .when(ADMITTED);

  /** {@index RRS_PPW.COMP.12.a}: Item 12.a. */
  public static final EpisodeRequirement COUNSEL_PRENATAL_CARE = counseling("a", "Prenatal care;", Topic.PRENATAL_CARE);
  /** {@index RRS_PPW.COMP.12.b}: Item 12.b. */
  public static final EpisodeRequirement COUNSEL_NUTRITION = counseling("b", "Nutritional education;", Topic.NUTRITION);
  /** {@index RRS_PPW.COMP.12.c}: Item 12.c. */
  public static final EpisodeRequirement COUNSEL_EARLY_CHILDCARE = counseling("c", "Early childcare issues;",
      Topic.EARLY_CHILDCARE);
  /** {@index RRS_PPW.COMP.12.d}: Item 12.d. */
  public static final EpisodeRequirement COUNSEL_NAS = counseling("d", "Neonatal Abstinence Syndrome;",
      Topic.NEONATAL_ABSTINENCE_SYNDROME);
  /** {@index RRS_PPW.COMP.12.e}: Item 12.e. */
  public static final EpisodeRequirement COUNSEL_DCF = counseling("e", "DCF;", Topic.DCF);
  /** {@index RRS_PPW.COMP.12.f}: Item 12.f. */
  public static final EpisodeRequirement COUNSEL_BREASTFEEDING = counseling("f", "Breastfeeding;", Topic.BREASTFEEDING);
  /** {@index RRS_PPW.COMP.12.g}: Item 12.g. */
  public static final EpisodeRequirement COUNSEL_SMOKING = counseling("g",
      "Effects of smoking on fetal and child development;", Topic.SMOKING_EFFECTS);
  /** {@index RRS_PPW.COMP.12.h}: Item 12.h. */
  public static final EpisodeRequirement COUNSEL_FAMILY_PRESERVATION = counseling("h", "Family preservation;",
      Topic.FAMILY_PRESERVATION);
  /** {@index RRS_PPW.COMP.12.i}: Item 12.i. */
  public static final EpisodeRequirement COUNSEL_PARENTING = counseling("i", "Parenting skill;", Topic.PARENTING_SKILLS);
  /** {@index RRS_PPW.COMP.12.j}: Item 12.j. */
  public static final EpisodeRequirement COUNSEL_BUDGETING = counseling("j", "Budgeting;", Topic.BUDGETING);
  /** {@index RRS_PPW.COMP.12.k}: Item 12.k. */
  public static final EpisodeRequirement COUNSEL_ACCESS_TO_RESOURCES = counseling("k", "Access to resource;",
      Topic.ACCESS_TO_RESOURCES);
  /** {@index RRS_PPW.COMP.12.l}: Item 12.l. */
  public static final EpisodeRequirement COUNSEL_FAMILY_PLANNING = counseling("l", "Family planning.",
      Topic.FAMILY_PLANNING);

  /**
   * {@index RRS_PPW.COMP.13}: Item 13: "The provider offers or coordinates opportunities for parent/child relational and
   * developmental groups." Program-wide, and no structured fact of the profile shows it: attested.
   */
  public static final ProgramRequirement PARENT_CHILD_GROUPS = ProgramRequirement.attested(
      "RRS_PPW.COMP.13", MUST,
      cite("13", "The provider offers or coordinates opportunities for parent/child relational and developmental groups."));

  RrsServiceComponents() {
    super("COMP", HEADING, List.of(LICENSURE_105_CMR_164, OB_GYN_BY_REFERRAL, INFANT_NEEDS, HOSPITAL_BACKUP,
        PRIMARY_HEALTH_APPOINTMENT, MENTAL_HEALTH_APPOINTMENT, PEDIATRIC_APPOINTMENT, SPECIALIZED_PEDIATRIC_APPOINTMENT,
        MEDICAL_APPOINTMENTS_SCHEDULED, APPOINTMENTS_KEPT_VERIFIED,
        TREATMENT_PLAN_WITH_MEMBER, PLAN_PARENTING_SKILLS, PLAN_CHILD_DEVELOPMENT, PLAN_DEVELOPMENTAL_ACTIVITIES,
        PLAN_PARENT_SUPPORT, PLAN_FAMILY_PLANNING, PLAN_NUTRITION, PLAN_VIOLENCE, PLAN_SAFE_RELATIONSHIPS,
        MOUD_SUPPORT, HIV_AIDS_SERVICES, HEPATITIS_SERVICES, STI_SERVICES, WIC_ACCESS, FAMILY_PLANNING_RESOURCES,
        COUNSEL_PRENATAL_CARE, COUNSEL_NUTRITION, COUNSEL_EARLY_CHILDCARE, COUNSEL_NAS, COUNSEL_DCF,
        COUNSEL_BREASTFEEDING, COUNSEL_SMOKING, COUNSEL_FAMILY_PRESERVATION, COUNSEL_PARENTING, COUNSEL_BUDGETING,
        COUNSEL_ACCESS_TO_RESOURCES, COUNSEL_FAMILY_PLANNING, PARENT_CHILD_GROUPS));
  }

  static Citation cite(String label, String text) {
    return Citation.of(RrsPpw.SOURCE, HEADING, label, text);
  }

  // ---- item 2

  private static Judgment obGynByReferral(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    return shownDuringStay(record, ctx, "referral for gynecological, obstetric or prenatal needs (or obstetric consultation arranged)",
        first(RrsStay.referralTo(e, OB_GYN_TARGETS, ctx).map(RrsStay::evidence),
            consultation(e, ConsultationKind.OBSTETRIC, ctx)));
  }

  private static Optional<Evidence> consultation(Episode e, ConsultationKind kind, EvaluationContext ctx) {
    RrsStay.Stay stay = RrsStay.stay(e, ctx);
    Consultation earliest = null;
    for (Consultation c : e.consultations()) {
      if (c.kind() == kind && stay.contains(c.arrangedAt(), ctx)
          && (earliest == null || c.arrangedAt().isBefore(earliest.arrangedAt()))) {
        earliest = c; // the first of equal times, as Stream.min keeps
      }
    }
    return earliest == null ? Optional.empty()
        : Optional.of(Evidence.of("consultation", earliest.id(), earliest.arrangedAt(), CONSULTATION_NOTES[kind.ordinal()]));
  }

  private static final String[] CONSULTATION_NOTES = new String[ConsultationKind.values().length];

  static {
    for (ConsultationKind k : ConsultationKind.values()) {
      CONSULTATION_NOTES[k.ordinal()] = words(k.name()) + " consultation arranged";
    }
  }

  // ---- item 3

  private static Optional<Judgment> hasInfant(CaseRecord record, EvaluationContext ctx) {
    Member m = record.member();
    LocalDate admitted = ctx.dateOf(record.episode().admittedAt().orElseThrow());
    Optional<LocalDate> delivered = m.pregnancy().filter(p -> p.state() == PregnancyState.POSTPARTUM)
        .flatMap(p -> p.deliveryDate());
    if (delivered.isEmpty() || !ctx.hasBegun(delivered.get())) {
      return Optional.of(Judgment.notApplicable("the record shows no delivery on or before the as-of date (no infant)"));
    }
    if (delivered.get().isBefore(admitted.minusYears(org.perfspecs.model.PregnancyStatus.POSTPARTUM_PERIOD_YEARS))) {
      return Optional.of(Judgment.notApplicable("the delivery was more than one year before admission (not an infant of the post-partum period)"));
    }
    return Optional.empty();
  }

  private static Judgment infantNeeds(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    return shownDuringStay(record, ctx, "assessment of the infant's needs or linkage for it (pediatric consultation, "
            + "pediatric appointment, or referral to pediatrics, early intervention or infant/family support)",
        first(consultation(e, ConsultationKind.PEDIATRIC, ctx),
            RrsStay.appointmentArranged(e, PEDIATRIC_KINDS, ctx)
                .map(a -> RrsStay.evidence(a, ctx)),
            RrsStay.referralTo(e, INFANT_TARGETS, ctx).map(RrsStay::evidence)));
  }

  private static final Set<AppointmentKind> PEDIATRIC_KINDS =
      Set.of(AppointmentKind.PEDIATRIC, AppointmentKind.SPECIALIZED_PEDIATRIC);

  // ---- item 4

  private static Judgment hospitalBackup(Program program, EvaluationContext ctx) {
    Optional<Agreement> a = program.agreements().stream()
        .filter(g -> (g.partnerCategory() == PartnerCategory.BIRTHING_HOSPITAL || g.partnerCategory() == PartnerCategory.HOSPITAL)
            && g.isActiveOn(ctx.today()))
        .findFirst();
    return a.map(g -> Judgment.met("an agreement with a hospital for emergency back-up is active on " + ctx.today(),
            agreementEvidence(g)))
        .orElseGet(() -> Judgment.notMet("the program profile holds no agreement with a birthing hospital or hospital active on "
            + ctx.today()));
  }

  static Evidence agreementEvidence(Agreement g) {
    return Evidence.onDate("agreement", g.id(), g.signedOn(), words(g.kind().name()) + " agreement with "
        + words(g.partnerCategory().name()) + g.expiresOn().map(x -> ", in force through " + x).orElse(""));
  }

  // ---- item 5

  private static EpisodeRequirement appointment(String label, String what, ServiceCategory need,
      Set<AppointmentKind> kinds) {
    return EpisodeRequirement.of("RRS_PPW.COMP." + label, MUST,
        cite("5, " + what + " (as indicated)", "The provider arranges appointments for primary health, and mental health services including pediatric care, and specialized pediatric care as indicated."),
        new AppointmentArranged(what, kinds)::judge)
        .when(RrsStay.needs(need)).when(ADMITTED);
  }

  // ---- item 6

  private static Optional<Appointment> medicalAppointmentBooked(Episode e, EvaluationContext ctx) {
    RrsStay.Stay stay = RrsStay.stay(e, ctx);
    Appointment earliest = null;
    for (Appointment a : e.appointments()) {
      if (MEDICAL_KINDS.contains(a.kind()) && !a.scheduledAt().isAfter(stay.end) && ctx.hasHappened(a.scheduledAt())
          && !a.at().isBefore(stay.admitted)
          && (earliest == null || a.scheduledAt().isBefore(earliest.scheduledAt()))) {
        earliest = a; // the first of equal times, as Stream.min keeps
      }
    }
    return Optional.ofNullable(earliest);
  }

  private static Judgment medicalAppointmentsScheduled(CaseRecord record, EvaluationContext ctx) {
    return shownDuringStay(record, ctx, "medical (obstetric, prenatal, postpartum or other medical) appointment scheduled",
        medicalAppointmentBooked(record.episode(), ctx).map(a -> RrsStay.evidence(a, ctx)));
  }

  /** Medical appointments dated during the stay whose time has passed, in time order. */
  private static List<Appointment> medicalAppointmentsTakenPlace(Episode e, EvaluationContext ctx) {
    // once per record: the condition and the rule both ask
    java.util.Map<Episode, List<Appointment>> memo = RecordScope.map(TAKEN_PLACE, e, ctx);
    List<Appointment> taken = memo == null ? null : memo.get(e);
    if (taken == null) {
      RrsStay.Stay stay = RrsStay.stay(e, ctx);
      taken = RecordLists.keptSorted(e.appointments(),
          a -> MEDICAL_KINDS.contains(a.kind()) && ctx.hasHappened(a.scheduledAt()) && stay.contains(a.at(), ctx), BY_TIME);
      if (memo != null) {
        memo.put(e, taken);
      }
    }
    return taken;
  }

  private static final RecordScope.Key<java.util.Map<Episode, List<Appointment>>> TAKEN_PLACE = RecordScope.Key.create();
  private static final Comparator<Appointment> BY_TIME = Comparator.comparing(Appointment::at);

  private static Optional<Judgment> medicalAppointmentTookPlace(CaseRecord record, EvaluationContext ctx) {
    return medicalAppointmentsTakenPlace(record.episode(), ctx).isEmpty()
        ? Optional.of(Judgment.notApplicable("no medical appointment dated during the stay has taken place as of "
            + Times.format(ctx.asOf(), ctx.zone())))
        : Optional.empty();
  }

  // "<kind in words> appointment, " per appointment kind
  private static final String[] APPOINTMENT_WORDS = new String[AppointmentKind.values().length];

  static {
    for (AppointmentKind k : AppointmentKind.values()) {
      APPOINTMENT_WORDS[k.ordinal()] = words(k.name()) + " appointment, ";
    }
  }

  private static boolean verified(Appointment a, EvaluationContext ctx) {
    return a.kept().isPresent() && a.keptVerifiedAt().filter(v -> ctx.hasHappened(v) && !v.isBefore(a.at())).isPresent();
  }

  private static Judgment appointmentsKeptVerified(CaseRecord record, EvaluationContext ctx) {
    List<Appointment> taken = medicalAppointmentsTakenPlace(record.episode(), ctx);
    Evidence[] evidence = new Evidence[taken.size()];
    int unverified = 0;
    StringBuilder ids = null; // the end of the reason: the ids of the unverified
    for (int i = 0; i < evidence.length; i++) {
      Appointment a = taken.get(i);
      boolean verified = verified(a, ctx);
      evidence[i] = Evidence.of("appointment", a.id(), a.at(), APPOINTMENT_WORDS[a.kind().ordinal()] + (verified
          ? (a.kept().get() ? "kept" : "not kept") + ", verified " + Times.format(a.keptVerifiedAt().get(), ctx.zone())
          : "whether kept not verified"));
      if (!verified) {
        ids = ids == null
            ? new StringBuilder(" medical appointment(s) that have taken place show no verification of whether they were kept: ")
            : ids.append(", ");
        ids.append(a.id());
        unverified++;
      }
    }
    if (unverified == 0) {
      return Judgments.met("whether each of the ", String.valueOf(taken.size()),
          " medical appointment(s) was kept has been verified", "", evidence);
    }
    return Judgments.notMet(String.valueOf(unverified), " of ", String.valueOf(taken.size()),
        ids.toString(), evidence);
  }

  // ---- item 7

  private static final Comparator<Document> LATEST = Comparator.comparing(Document::date).thenComparing(Document::id);

  /** The latest treatment plan dated during the stay (by date, then id), if any. */
  static Optional<Document> latestTreatmentPlan(Episode e, EvaluationContext ctx) {
    // once per record: the condition and every plan element ask
    java.util.Map<Episode, Optional<Document>> memo = RecordScope.map(LATEST_PLAN, e, ctx);
    Optional<Document> latest = memo == null ? null : memo.get(e);
    if (latest == null) {
      latest = findLatestTreatmentPlan(e, ctx);
      if (memo != null) {
        memo.put(e, latest);
      }
    }
    return latest;
  }

  private static final RecordScope.Key<java.util.Map<Episode, Optional<Document>>> LATEST_PLAN = RecordScope.Key.create();

  private static Optional<Document> findLatestTreatmentPlan(Episode e, EvaluationContext ctx) {
    RrsStay.Stay stay = RrsStay.stay(e, ctx);
    LocalDate from = ctx.dateOf(stay.admitted);
    LocalDate to = stay.discharged ? ctx.dateOf(stay.end) : ctx.today();
    Document latest = null;
    for (Document d : e.documents()) {
      if (d.kind() == DocumentKind.TREATMENT_PLAN && !d.date().isBefore(from) && !d.date().isAfter(to)
          && (latest == null || LATEST.compare(latest, d) < 0)) {
        latest = d; // the first of equals kept, as Stream.max does
      }
    }
    return Optional.ofNullable(latest);
  }

  private static Evidence planEvidence(Document d) {
    return RecordScope.memoOf(PLAN_EVIDENCE, d, RrsServiceComponents::newPlanEvidence);
  }

  private static final RecordScope.Key<java.util.Map<Document, Evidence>> PLAN_EVIDENCE = RecordScope.Key.create();

  private static Evidence newPlanEvidence(Document d) {
    return Evidence.onDate("document", d.id(), d.date(), "treatment plan");
  }

  private static Judgment treatmentPlanWithMember(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    RrsStay.Stay stay = RrsStay.stay(e, ctx);
    LocalDate from = ctx.dateOf(stay.admitted);
    LocalDate to = stay.discharged ? ctx.dateOf(stay.end) : ctx.today();
    // the earliest plan developed with the member (the first of equal dates, as sorting stably then
    // findFirst keeps), and whether any plan is dated in the stay
    Document withMember = null;
    int plans = 0;
    for (Document d : e.documents()) {
      if (d.kind() == DocumentKind.TREATMENT_PLAN && !d.date().isBefore(from) && !d.date().isAfter(to)) {
        plans++;
        if (d.developedWith().contains(Party.MEMBER) && (withMember == null || d.date().isBefore(withMember.date()))) {
          withMember = d;
        }
      }
    }
    if (withMember != null) {
      return Judgment.met("a treatment plan developed with the member is in the record", planEvidence(withMember));
    }
    if (plans == 0) {
      return Judgment.notMet("the record holds no treatment plan dated during the stay (" + from + " to " + to + ")");
    }
    List<Document> sorted = RecordLists.keptSorted(e.documents(),
        d -> d.kind() == DocumentKind.TREATMENT_PLAN && !d.date().isBefore(from) && !d.date().isAfter(to), BY_DATE);
    Evidence[] evidence = new Evidence[sorted.size()];
    for (int i = 0; i < evidence.length; i++) {
      evidence[i] = planEvidence(sorted.get(i));
    }
    return Judgment.notMet("no treatment plan in the record was developed with the member", evidence);
  }

  private static final Comparator<Document> BY_DATE = Comparator.comparing(Document::date);

  private static Optional<Judgment> treatmentPlanInRecord(CaseRecord record, EvaluationContext ctx) {
    return latestTreatmentPlan(record.episode(), ctx).isPresent() ? Optional.empty()
        : Optional.of(Judgment.notApplicable("no treatment plan dated during the stay is in the record yet"));
  }

  private static EpisodeRequirement planElement(int n, String what, ContentElement element) {
    return EpisodeRequirement.of("RRS_PPW.COMP.7.b." + n, MUST,
        cite("7, plan element " + n + " (" + what + ")", "create a treatment plan addressing parenting skills education, child development education and structured developmental activities, parent support, family planning, nutrition, violence, safe relationships, and other relevant issues."),
        new PlanElement(what, element)::judge)
        .when(ADMITTED).when(TREATMENT_PLAN);
  }

  // ---- item 8

  private static Judgment moudSupport(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    RrsStay.Stay stay = RrsStay.stay(e, ctx);
    org.perfspecs.model.Contact earliest = null;
    for (org.perfspecs.model.Contact c : e.contacts()) {
      if (c.kind() == ContactKind.MEDICATION_MANAGEMENT && c.memberEngaged() && stay.contains(c.at(), ctx)
          && (earliest == null || c.at().isBefore(earliest.at()))) {
        earliest = c; // the first of equal times, as Stream.min keeps
      }
    }
    Optional<Referral> referral = RrsStay.referralTo(e, MOUD_TARGETS, ctx);
    Optional<Evidence> shown = referral.isPresent() ? Optional.of(RrsStay.evidence(referral.get()))
        : earliest == null ? Optional.empty()
        : Optional.of(Evidence.of("contact", earliest.id(), earliest.at(), "medication management contact"));
    return shownDuringStay(record, ctx, "referral to medication for addiction treatment or medication-management contact",
        shown);
  }

  private static final Set<ServiceCategory> MOUD_TARGETS = Set.of(ServiceCategory.MEDICATION_FOR_ADDICTION_TREATMENT);
  private static final Set<ServiceCategory> WIC_TARGETS = Set.of(ServiceCategory.WIC_NUTRITION);
  private static final Set<ServiceCategory> FAMILY_PLANNING_TARGETS = Set.of(ServiceCategory.FAMILY_REPRODUCTIVE_HEALTH);
  private static final Set<ServiceCategory> TESTING_TARGETS = Set.of(ServiceCategory.HIV_HEPATITIS_STI_TESTING);

  // ---- item 9

  private static EpisodeRequirement infectiousDisease(String label, String what, Topic topic) {
    return EpisodeRequirement.of("RRS_PPW.COMP." + label, MUST,
        cite("9, " + what + " (as needed)", "The provider ensures access to services related to HIV/AIDS, hepatitis, and other STI counseling and testing as needed by the Enrollee."),
        new InfectiousDisease(what, topic)::judge)
        .when(RrsStay.needsCounseling(topic)).when(ADMITTED);
  }

  // ---- items 10, 11

  private static Judgment wicAccess(CaseRecord record, EvaluationContext ctx) {
    return shownDuringStay(record, ctx, "referral to WIC or other nutritional programs",
        RrsStay.referralTo(record.episode(), WIC_TARGETS, ctx).map(RrsStay::evidence));
  }

  private static Judgment familyPlanningResources(CaseRecord record, EvaluationContext ctx) {
    return shownDuringStay(record, ctx, "referral to family planning and reproductive health resources",
        RrsStay.referralTo(record.episode(), FAMILY_PLANNING_TARGETS, ctx)
            .map(RrsStay::evidence));
  }

  // ---- item 12

  private static EpisodeRequirement counseling(String letter, String text, Topic topic) {
    return EpisodeRequirement.of("RRS_PPW.COMP.12." + letter, MUST,
        cite("12." + letter + " (as needed)", text),
        new Counseling(topic)::judge)
        .when(RrsStay.needsCounseling(topic)).when(ADMITTED);
  }

  /** Item 5: an appointment of one of {@code kinds} arranged by the program during the stay. */
  private static final class AppointmentArranged {
    private final String shown; // what the record must show, made once per requirement
    private final Set<AppointmentKind> kinds;

    AppointmentArranged(String what, Set<AppointmentKind> kinds) {
      this.shown = what + " appointment arranged by the program";
      this.kinds = kinds;
    }

    Judgment judge(CaseRecord record, EvaluationContext ctx) {
      Optional<Appointment> a = RrsStay.appointmentArranged(record.episode(), kinds, ctx);
      return shownDuringStay(record, ctx, shown, a.isPresent() ? Optional.of(RrsStay.evidence(a.get(), ctx)) : Optional.empty());
    }
  }

  /** Item 7: the current treatment plan addresses {@code element}. */
  private static final class PlanElement {
    private final ContentElement element;
    // the reasons depend on the requirement alone: made once
    private final String addresses;
    private final String doesNotAddress;

    PlanElement(String what, ContentElement element) {
      this.element = element;
      this.addresses = "the current treatment plan addresses " + what;
      this.doesNotAddress = "the current treatment plan does not address " + what;
    }

    Judgment judge(CaseRecord record, EvaluationContext ctx) {
      Document plan = latestTreatmentPlan(record.episode(), ctx).orElseThrow();
      return plan.elements().contains(element)
          ? Judgment.met(addresses, planEvidence(plan))
          : Judgment.notMet(doesNotAddress, planEvidence(plan));
    }
  }

  /** Item 9: counselling on {@code topic} or a referral to HIV, hepatitis and STI testing. */
  private static final class InfectiousDisease {
    private final String shown; // what the record must show, made once per requirement
    private final Topic topic;

    InfectiousDisease(String what, Topic topic) {
      this.shown = what + " counseling (contact covering it) or referral to HIV, hepatitis and STI testing";
      this.topic = topic;
    }

    Judgment judge(CaseRecord record, EvaluationContext ctx) {
      Optional<org.perfspecs.model.Contact> c = RrsStay.counselingOn(record.episode(), topic, ctx);
      Optional<Evidence> evidence;
      if (c.isPresent()) {
        evidence = Optional.of(RrsStay.evidence(c.get()));
      } else {
        Optional<Referral> r = RrsStay.referralTo(record.episode(), TESTING_TARGETS, ctx);
        evidence = r.isPresent() ? Optional.of(RrsStay.evidence(r.get())) : Optional.empty();
      }
      return shownDuringStay(record, ctx, shown, evidence);
    }
  }

  /** Item 12: counselling on {@code topic}. */
  private static final class Counseling {
    private final String shown; // what the record must show, made once per requirement
    private final Topic topic;

    Counseling(Topic topic) {
      this.shown = "counseling on " + words(topic.name()) + " (a contact with the member engaged covering it)";
      this.topic = topic;
    }

    Judgment judge(CaseRecord record, EvaluationContext ctx) {
      Optional<org.perfspecs.model.Contact> c = RrsStay.counselingOn(record.episode(), topic, ctx);
      return shownDuringStay(record, ctx, shown, c.isPresent() ? Optional.of(RrsStay.evidence(c.get())) : Optional.empty());
    }
  }
}

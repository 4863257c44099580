package org.perfspecs.checks.specifications.esoap;

import static org.perfspecs.checks.Strength.MUST;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.perfspecs.checks.RecordLists;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.Condition;
import org.perfspecs.checks.Conditions;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.Judgments;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Section;
import org.perfspecs.checks.Times;
import org.perfspecs.checks.Timeliness;
import org.perfspecs.checks.Timeliness.Timed;
import org.perfspecs.checks.time.Deadline;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Consultation;
import org.perfspecs.model.ConsultationKind;
import org.perfspecs.model.Agreement;
import org.perfspecs.model.AgreementKind;
import org.perfspecs.model.Appointment;
import org.perfspecs.model.AppointmentKind;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.ContactMode;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.Episode;
import org.perfspecs.model.PartnerCategory;
import org.perfspecs.model.Program;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.StaffMember;
import org.perfspecs.model.Topic;
import org.perfspecs.model.TrainingTopic;

/**
 * ESOAP "COMPONENTS OF SERVICE".
 *
 * <p>Item 4's stem ("is required to provide the following") introduces its three bullets, 4.1-4.3.
 * Item 6's stem ("assists the member in accessing medical services. All such activities are
 * documented") is judged through its lettered items 6.a-6.e, each of which requires the
 * documentation. Item 6.c's unlettered bullet is 6.c.1; item 6.e's seven tests are 6.e.1-6.e.7.
 * Every episode requirement applies to a member pregnant or postpartum at admission.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class EsoapComponentsOfService extends Section {
  static final String HEADING = "COMPONENTS OF SERVICE";

  /** {@index ESOAP.COMP.1}: Item 1: deferral to the General Performance Specifications. */
  public static final ProgramRequirement GENERAL_SPECIFICATIONS = ProgramRequirement.external(
      "ESOAP.COMP.1", MUST,
      cite("1", "The Enhanced SOAP (ASAM Intensive Outpatient Program) for Pregnant and Postpartum Members complies with all provisions of the corresponding section in the General Performance Specifications."),
      Esoap.GENERAL_SPECIFICATIONS + ", Components of Service");

  /** {@index ESOAP.COMP.2}: Item 2: deferral to 105 CMR 164, including reporting requirements. */
  public static final ProgramRequirement LICENSURE_105_CMR_164 = ProgramRequirement.external(
      "ESOAP.COMP.2", MUST,
      cite("2", "The provider complies with requirements of the Department of Public Health (DPH) Bureau of Substance Addiction Services (BSAS) 105 CMR 164 Licensure of Substance Use Disorder Treatment Programs, including reporting requirements."),
      Esoap.CMR_105_164);

  /**
   * {@index ESOAP.COMP.4.2}: Item 4, second bullet: "all necessary medical and obstetric consultations", each arranged no
   * later than exactly 48 hours after admission (48:00 is on time, 48:01 is late), for a member
   * pregnant or postpartum at admission. Necessity is a fact the record states ({@link
   * org.perfspecs.model.NecessityDetermination}): a kind whose latest determination (at or before
   * the as-of time) assessed it as not necessary is not required; without such a statement both
   * are required (the conservative reading: "necessary" is not presumed away). When both were
   * assessed as not necessary, NOT_APPLICABLE.
   */
  public static final EpisodeRequirement CONSULTATIONS_WITHIN_48_HOURS = EpisodeRequirement.of(
      "ESOAP.COMP.4.2", MUST,
      cite("4, second bullet", "The provider arranges all necessary medical and obstetric consultations within 48 hours of admission and documents this in the Member's health record."),
      EsoapComponentsOfService::consultationsWithin48Hours)
      .when(Conditions.pregnantOrPostpartumAtAdmission())
      .when(org.perfspecs.checks.Condition.of("a medical or obstetric consultation is not assessed as unnecessary",
          EsoapComponentsOfService::someConsultationNecessary));

  /** The longest allowed gap between two capacity updates, in days ("one time per week"). */
  public static final int CAPACITY_UPDATE_DAYS = 7;

  /**
   * {@index ESOAP.COMP.3.a}: Item 3, first sentence: weekly capacity updates on the Massachusetts Behavioral Health Access
   * website, judged from the dated update log ({@link Program#capacityUpdates()}), dates after the
   * as-of date ignored. NOT_MET when the log is empty, when two consecutive updates are more than 7
   * days apart (a Monday then the next Monday is 7 days: on time; 8 days is a gap), or when more
   * than 7 days have passed since the last update (the next update is due by the end of the 7th
   * day after it). Otherwise MET, the reason naming the next due date. The whole log is judged,
   * from its first update.
   */
  public static final ProgramRequirement CAPACITY_UPDATED_WEEKLY = ProgramRequirement.of(
      "ESOAP.COMP.3.a", MUST,
      cite("3, first sentence", "The program is responsible for updating its available capacity, one time per week on the [Massachusetts Behavioral Health Access website](#)."),
      EsoapComponentsOfService::capacityUpdatedWeekly);

  /**
   * {@index ESOAP.COMP.3.b}: Item 3, second sentence: administrative and contact information kept up to date on the
   * website. No structured fact shows it: attested.
   */
  public static final ProgramRequirement WEBSITE_INFORMATION_CURRENT = ProgramRequirement.attested(
      "ESOAP.COMP.3.b", MUST,
      cite("3, second sentence", "The program is responsible for keeping all administrative and contact information up to date on the website."));

  /**
   * {@index ESOAP.COMP.3.c}: Item 3, third sentence: staff trained on the website. MET when the roster is not empty and
   * every staff member has completed a {@link TrainingTopic#BEHAVIORAL_HEALTH_ACCESS_WEBSITE}
   * training on or before the as-of date; NOT_MET naming the staff without it.
   */
  public static final ProgramRequirement STAFF_TRAINED_ON_WEBSITE = ProgramRequirement.of(
      "ESOAP.COMP.3.c", MUST,
      cite("3, third sentence", "The program is responsible for training staff on the use of the website to locate other services for members, particularly in planning aftercare services."),
      EsoapComponentsOfService::staffTrainedOnWebsite);

  /**
   * {@index ESOAP.COMP.4.1}: Item 4, first bullet: capacity to treat members on medications for addiction treatment or for
   * opioid use disorders. MET by a documented affiliation agreement with a {@link
   * PartnerCategory#MEDICATION_FOR_ADDICTION_TREATMENT} provider active on the as-of date (the
   * form the document names), otherwise by an attestation for this id (capacity in house);
   * NOT_MET without either. (Whether a given member on such medication was admitted is not
   * recorded by the model.)
   */
  public static final ProgramRequirement MEDICATION_CAPACITY = ProgramRequirement.of(
      "ESOAP.COMP.4.1", MUST,
      cite("4, first bullet", "The provider admits and has the capacity to treat pregnant or postpartum Members who are currently receiving medications for addiction treatment or for opioid use disorders. Such capacity may take the form of documented, active Affiliation Agreements with providers licensed to provide such treatments."),
      EsoapComponentsOfService::medicationCapacity);

  /** Contact kinds that make a date a day of attendance. */
  static final Set<ContactKind> ATTENDANCE_KINDS = EnumSet.of(ContactKind.PROGRAM_DAY, ContactKind.GROUP,
      ContactKind.INDIVIDUAL, ContactKind.FAMILY, ContactKind.EDUCATION);

  /** Topics that count as education and counselling on prenatal and postpartum care, HIV/AIDS and other health issues. */
  static final Set<Topic> HEALTH_EDUCATION_TOPICS = RecordLists.constant(EnumSet.of(Topic.PRENATAL_CARE, Topic.POSTPARTUM_CARE,
      Topic.HIV_AIDS, Topic.HEPATITIS, Topic.SEXUALLY_TRANSMITTED_INFECTIONS, Topic.OTHER_HEALTH_ISSUES,
      Topic.INFECTIOUS_DISEASE_TESTING, Topic.NUTRITION, Topic.NEONATAL_ABSTINENCE_SYNDROME,
      Topic.BREASTFEEDING, Topic.LACTATION, Topic.SMOKING_EFFECTS, Topic.FAMILY_PLANNING,
      Topic.MEDICATIONS_FOR_PHYSICAL_DISORDERS));

  /**
   * {@index ESOAP.COMP.4.3}: Item 4, third bullet: at least one session per day of attendance that provides education and
   * counselling on prenatal and postpartum care, HIV/AIDS and other health-related issues.
   *
   * <p>A day of attendance is a date (America/New_York) from admission to discharge (or the as-of
   * time) on which the member took part, engaged, in a program day, group, individual, family or
   * education contact other than by text. Each such day must hold such a contact covering at
   * least one of {@link #HEALTH_EDUCATION_TOPICS}. A past day without one is NOT_MET; the as-of
   * day of an open episode is PENDING until its end; with no day of attendance yet the
   * requirement is NOT_APPLICABLE.
   */
  public static final EpisodeRequirement DAILY_HEALTH_EDUCATION = EpisodeRequirement.of(
      "ESOAP.COMP.4.3", MUST,
      cite("4, third bullet", "The provider ensures at minimum one session per day that provides education and counseling on prenatal and postpartum care, HIV/AIDS, and other health-related issues, which is documented in the member's health record."),
      EsoapComponentsOfService::dailyHealthEducation)
      .when(Conditions.pregnantOrPostpartumAtAdmission());

  /**
   * {@index ESOAP.COMP.5.a}: Item 5, first sentence: help arranging or using community-based transportation, when the
   * record marks a transportation need. MET by a referral to {@link ServiceCategory#TRANSPORTATION}
   * or a transportation assistance note in the record by the as-of time; NOT_MET otherwise.
   */
  public static final EpisodeRequirement COMMUNITY_TRANSPORTATION = EpisodeRequirement.of(
      "ESOAP.COMP.5.a", MUST,
      cite("5, first sentence", "The Enhanced SOAP for pregnant and postpartum Members assists members with arranging and/or utilizing community-based transportation resources (e.g., public transportation resources, PT-1 forms, etc.)."),
      EsoapComponentsOfService::communityTransportation)
      .when(Conditions.pregnantOrPostpartumAtAdmission())
      .when(EsoapRecords.serviceNeed("transportation", ServiceCategory.TRANSPORTATION));

  /**
   * {@index ESOAP.COMP.5.b}: Item 5, second sentence: best effort to provide transportation directly to essential
   * appointments while transitioning, when the record marks a transportation need. MET by a
   * {@link ContactKind#TRANSPORTATION} contact by the as-of time; NOT_MET otherwise.
   */
  public static final EpisodeRequirement DIRECT_TRANSPORTATION = EpisodeRequirement.of(
      "ESOAP.COMP.5.b", MUST,
      cite("5, second sentence", "The program makes best effort to directly provide transportation to essential appointments (i.e., medical, behavioral health, and OB/GYN.) temporarily, while transitioning to these community-based transportation resources."),
      EsoapComponentsOfService::directTransportation)
      .when(Conditions.pregnantOrPostpartumAtAdmission())
      .when(EsoapRecords.serviceNeed("transportation", ServiceCategory.TRANSPORTATION));

  /** Months before admission within which a complete physical examination makes 6.a not apply. */
  public static final int PHYSICAL_EXAM_MONTHS = 6;

  /**
   * {@index ESOAP.COMP.6.a}: Item 6.a: when the member has a PCC and no complete physical examination is recorded on a
   * date from six months before the admission date through the admission date (an exam on exactly
   * that date counts as within six months), help scheduling an appointment with the PCC. MET by a
   * primary-care or physical-exam appointment the program helped make, booked by the as-of time;
   * NOT_MET otherwise (no deadline is stated). An unknown exam date reads as no exam. A member
   * without a PCC is NOT_APPLICABLE here (6.b).
   */
  public static final EpisodeRequirement PCC_APPOINTMENT_FOR_PHYSICAL = EpisodeRequirement.of(
      "ESOAP.COMP.6.a", MUST,
      cite("6.a", "If the member has not undergone a complete physical examination within the past six months, the Enhanced SOAP is responsible for assisting the member in scheduling an appointment with their primary care clinician (PCC). Such efforts including any contact with the member's PCC are documented in the Member's health record."),
      EsoapComponentsOfService::pccAppointmentForPhysical)
      .when(Conditions.pregnantOrPostpartumAtAdmission())
      .when(Condition.of("the member has a PCC and no complete physical examination in the six months before admission",
          EsoapComponentsOfService::needsPhysical));

  /** {@index ESOAP.COMP.6.b}: Item 6.b: no PCC: deferral to the General Performance Specifications. */
  public static final ProgramRequirement NO_PCC_GENERAL_SPECIFICATIONS = ProgramRequirement.external(
      "ESOAP.COMP.6.b", MUST,
      cite("6.b", "If the member does not have a PCC, the Enhanced SOAP follows the requirements delineated in the General Performance Specifications."),
      Esoap.GENERAL_SPECIFICATIONS + " (members without a PCC)");

  /**
   * {@index ESOAP.COMP.6.c}: Item 6.c: a member without an obstetric provider is referred to one. MET by a referral to
   * {@link ServiceCategory#OBSTETRIC_PROVIDER} made by the as-of time; NOT_MET otherwise. The
   * deadline ("immediately upon admission") is judged by ESOAP.ASMT.3.d.
   */
  public static final EpisodeRequirement OBSTETRIC_REFERRAL = EpisodeRequirement.of(
      "ESOAP.COMP.6.c", MUST,
      cite("6.c", "If the member does not have an OB/GYN, midwife, or other obstetric health care provider, the Enhanced SOAP must refer them to one."),
      EsoapComponentsOfService::obstetricReferral)
      .when(Conditions.pregnantOrPostpartumAtAdmission())
      .when(EsoapRecords.noObstetricProvider());

  /** Appointment kinds that are an obstetric visit. */
  static final Set<AppointmentKind> OBSTETRIC_VISITS = EnumSet.of(AppointmentKind.OBSTETRIC,
      AppointmentKind.PRENATAL, AppointmentKind.POSTPARTUM);

  /**
   * {@index ESOAP.COMP.6.c.1}: Item 6.c, bullet: after a referral to an obstetric provider the member consented to, follow-up
   * that she attends. For each such referral: MET when a follow-up time is recorded by the as-of
   * time; PENDING while the first obstetric visit booked at or after the referral has not yet
   * taken place, due by the end of that visit's day; NOT_MET otherwise. The requirement is MET
   * only when every consented referral is.
   */
  public static final EpisodeRequirement OBSTETRIC_VISIT_FOLLOW_UP = EpisodeRequirement.of(
      "ESOAP.COMP.6.c.1", MUST,
      cite("6.c, bullet", "If a patient consents to the E-SOAP referring them to an obstetric healthcare provider, the E-SOAP must also follow-up to ensure patient attends their scheduled visit."),
      EsoapComponentsOfService::obstetricVisitFollowUp)
      .when(Conditions.pregnantOrPostpartumAtAdmission())
      .when(Condition.of("the member consented to a referral to an obstetric health care provider",
          EsoapComponentsOfService::consentedObstetricReferral));

  /**
   * {@index ESOAP.COMP.6.d}: Item 6.d: when the record marks a need for walk-in medical services, help making an
   * appointment at a walk-in medical center. MET by a walk-in medical appointment the program
   * helped make, or a referral to walk-in medical services, by the as-of time; NOT_MET otherwise.
   */
  public static final EpisodeRequirement WALK_IN_APPOINTMENTS = EpisodeRequirement.of(
      "ESOAP.COMP.6.d", MUST,
      cite("6.d", "When needed, the Enhanced SOAP assists members in making appointments at local walk-in medical service centers."),
      EsoapComponentsOfService::walkInAppointments)
      .when(Conditions.pregnantOrPostpartumAtAdmission())
      .when(EsoapRecords.serviceNeed("walk-in medical services", ServiceCategory.WALK_IN_MEDICAL));

  /** {@index ESOAP.COMP.6.e.1}: Item 6.e, element 1: HIV testing. */
  public static final EpisodeRequirement ENCOURAGE_HIV_TESTING = testing(1, "HIV", Topic.HIV_TESTING, true);

  /** {@index ESOAP.COMP.6.e.2}: Item 6.e, element 2: syphilis testing. */
  public static final EpisodeRequirement ENCOURAGE_SYPHILIS_TESTING = testing(2, "syphilis", Topic.SYPHILIS_TESTING, true);

  /** {@index ESOAP.COMP.6.e.3}: Item 6.e, element 3: hepatitis B testing. */
  public static final EpisodeRequirement ENCOURAGE_HEPATITIS_B_TESTING = testing(3, "hepatitis B", Topic.HEPATITIS_B_TESTING, true);

  /** {@index ESOAP.COMP.6.e.4}: Item 6.e, element 4: hepatitis C testing. */
  public static final EpisodeRequirement ENCOURAGE_HEPATITIS_C_TESTING = testing(4, "hepatitis C", Topic.HEPATITIS_C_TESTING, true);

  /** {@index ESOAP.COMP.6.e.5}: Item 6.e, element 5: chlamydia testing. */
  public static final EpisodeRequirement ENCOURAGE_CHLAMYDIA_TESTING = testing(5, "chlamydia", Topic.CHLAMYDIA_TESTING, true);

  /** {@index ESOAP.COMP.6.e.6}: Item 6.e, element 6: gonorrhea testing. */
  public static final EpisodeRequirement ENCOURAGE_GONORRHEA_TESTING = testing(6, "gonorrhea", Topic.GONORRHEA_TESTING, true);

  /** {@index ESOAP.COMP.6.e.7}: Item 6.e, element 7: PAP testing (not covered by the infectious-disease umbrella). */
  public static final EpisodeRequirement ENCOURAGE_PAP_TESTING = testing(7, "PAP", Topic.PAP_TESTING, false);

  EsoapComponentsOfService() {
    super("COMP", HEADING, List.of(GENERAL_SPECIFICATIONS, LICENSURE_105_CMR_164, CAPACITY_UPDATED_WEEKLY,
        WEBSITE_INFORMATION_CURRENT, STAFF_TRAINED_ON_WEBSITE, MEDICATION_CAPACITY, CONSULTATIONS_WITHIN_48_HOURS,
        DAILY_HEALTH_EDUCATION, COMMUNITY_TRANSPORTATION, DIRECT_TRANSPORTATION, PCC_APPOINTMENT_FOR_PHYSICAL,
        NO_PCC_GENERAL_SPECIFICATIONS, OBSTETRIC_REFERRAL, OBSTETRIC_VISIT_FOLLOW_UP, WALK_IN_APPOINTMENTS,
        ENCOURAGE_HIV_TESTING, ENCOURAGE_SYPHILIS_TESTING, ENCOURAGE_HEPATITIS_B_TESTING,
        ENCOURAGE_HEPATITIS_C_TESTING, ENCOURAGE_CHLAMYDIA_TESTING, ENCOURAGE_GONORRHEA_TESTING,
        ENCOURAGE_PAP_TESTING));
  }

  static Citation cite(String label, String text) {
    return Citation.of(Esoap.SOURCE, HEADING, label, text);
  }

  private static Judgment consultationsWithin48Hours(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    var admitted = e.admittedAt().orElseThrow(); // the condition guarantees an admission
    Deadline due = Deadline.hoursAfter(admitted, 48, ctx.zone());
    Evidence admission = EsoapRecords.admission(e, admitted);
    var medicalWaived = org.perfspecs.checks.Consents.notNecessary(e, ConsultationKind.MEDICAL, ctx);
    var obstetricWaived = org.perfspecs.checks.Consents.notNecessary(e, ConsultationKind.OBSTETRIC, ctx);
    if (medicalWaived.isPresent() || obstetricWaived.isPresent()) {
      ConsultationKind kind = medicalWaived.isPresent() ? ConsultationKind.OBSTETRIC : ConsultationKind.MEDICAL;
      var waiver = org.perfspecs.checks.Consents.evidence(medicalWaived.orElseGet(obstetricWaived::get));
      Optional<Consultation> needed = earliest(e, kind, ctx);
      String name = kind.name().toLowerCase(java.util.Locale.ROOT);
      return Timeliness.judge(due, needed.map(c -> Timed.of(c.arrangedAt(), evidence(c))),
          name + " consultation arranged (the other assessed as not necessary)", ctx, admission, waiver);
    }
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

  private static Optional<Judgment> someConsultationNecessary(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    var medical = org.perfspecs.checks.Consents.notNecessary(e, ConsultationKind.MEDICAL, ctx);
    var obstetric = org.perfspecs.checks.Consents.notNecessary(e, ConsultationKind.OBSTETRIC, ctx);
    return medical.isPresent() && obstetric.isPresent()
        ? Optional.of(Judgment.notApplicable("both the medical and the obstetric consultation were assessed as not necessary",
            org.perfspecs.checks.Consents.evidence(medical.get()), org.perfspecs.checks.Consents.evidence(obstetric.get())))
        : Optional.empty();
  }

  private static Optional<Consultation> earliest(Episode e, ConsultationKind kind, EvaluationContext ctx) {
    Consultation earliest = null;
    for (Consultation c : e.consultations()) {
      if (c.kind() == kind && ctx.hasHappened(c.arrangedAt())
          && (earliest == null || c.arrangedAt().isBefore(earliest.arrangedAt()))) {
        earliest = c; // the first of equal times, as Stream.min keeps
      }
    }
    return Optional.ofNullable(earliest);
  }

  private static Evidence evidence(Consultation c) {
    return Evidence.of("consultation", c.id(), c.arrangedAt(), CONSULTATION_NOTES[c.kind().ordinal()]);
  }

  // "<kind> consultation arranged" per consultation kind
  private static final String[] CONSULTATION_NOTES = new String[ConsultationKind.values().length];

  static {
    for (ConsultationKind k : ConsultationKind.values()) {
      CONSULTATION_NOTES[k.ordinal()] = k.name().toLowerCase(java.util.Locale.ROOT) + " consultation arranged";
    }
  }

  private static EpisodeRequirement testing(int n, String test, Topic topic, boolean infectious) {
    Set<Topic> marks = infectious ? EnumSet.of(topic, Topic.INFECTIOUS_DISEASE_TESTING) : EnumSet.of(topic);
    String what = test + " testing";
    return EpisodeRequirement.of("ESOAP.COMP.6.e." + n, MUST,
        cite("6.e, element " + n + " (" + test + ")", "When indicated, the Enhanced SOAP encourages the member to undergo HIV, syphilis, hepatitis B and C, chlamydia, gonorrhea, and PAP testing."),
        new TestingEncouragement(what, marks, infectious)::judge)
        .when(Conditions.pregnantOrPostpartumAtAdmission())
        .when(EsoapRecords.counselingNeed(what, marks));
  }

  /**
   * Item 6.e, one test: when the record marks the test as indicated (the test's own topic, or for
   * the six infectious-disease tests {@link Topic#INFECTIOUS_DISEASE_TESTING}), MET by a contact with
   * the member engaged covering one of those topics, or (infectious-disease tests) a referral to
   * {@link ServiceCategory#HIV_HEPATITIS_STI_TESTING}, by the as-of time; NOT_MET otherwise.
   */
  private static final class TestingEncouragement {
    private final String what;
    private final Set<Topic> topics;
    private final boolean infectious;
    // the parts of the reasons and the note that depend on the requirement alone: made once
    private final String contactNote;
    private final String notMet;

    TestingEncouragement(String what, Set<Topic> topics, boolean infectious) {
      this.what = what;
      this.topics = RecordLists.constant(topics);
      this.infectious = infectious;
      this.contactNote = "contact covering " + what;
      this.notMet = "the record shows no encouragement to undergo " + what + ", which the record marks as indicated";
    }

    Judgment judge(CaseRecord record, EvaluationContext ctx) {
      Episode e = record.episode();
      Contact earliest = null;
      for (Contact c : e.contacts()) {
        if (c.memberEngaged() && ctx.hasHappened(c.at()) && RecordLists.anyIn(c.topics(), topics)
            && (earliest == null || c.at().isBefore(earliest.at()))) {
          earliest = c; // the first of equal times, as Stream.min keeps
        }
      }
      if (earliest != null) {
        Contact c = earliest;
        return Judgments.met("the member was encouraged to undergo ", what, " at ", EsoapRecords.format(c.at(), e, ctx),
            Evidence.of("contact", c.id(), c.at(), contactNote));
      }
      if (infectious) {
        Referral r = EsoapRecords.firstReferralTo(e, ServiceCategory.HIV_HEPATITIS_STI_TESTING, ctx);
        if (r != null) {
          return Judgments.met("the member was referred for HIV, hepatitis and STI testing at ",
              EsoapRecords.format(r.at(), e, ctx), "", "", EsoapRecords.evidence(r));
        }
      }
      return Judgment.notMet(notMet);
    }
  }

  private static Judgment capacityUpdatedWeekly(Program program, EvaluationContext ctx) {
    List<LocalDate> updates = program.capacityUpdates().stream().filter(ctx::hasBegun).distinct().sorted().toList();
    if (updates.isEmpty()) {
      return Judgment.notMet("the program profile records no capacity update on the Massachusetts Behavioral Health Access website");
    }
    for (int i = 1; i < updates.size(); i++) {
      LocalDate a = updates.get(i - 1);
      LocalDate b = updates.get(i);
      long gap = ChronoUnit.DAYS.between(a, b);
      if (gap > CAPACITY_UPDATE_DAYS) {
        return Judgment.notMet("capacity updates on " + a + " and " + b + " are " + gap
            + " days apart; at most " + CAPACITY_UPDATE_DAYS + " are allowed (one update per week)",
            update(a), update(b));
      }
    }
    LocalDate last = updates.get(updates.size() - 1);
    Deadline next = Deadline.calendarDaysAfter(last, CAPACITY_UPDATE_DAYS, ctx.zone());
    if (!next.isOpenAt(ctx.asOf())) {
      return Judgment.missed(next, "no capacity update since " + last + "; the next was due by the end of "
          + last.plusDays(CAPACITY_UPDATE_DAYS), update(last));
    }
    return Judgment.met(updates.size() + " capacity update(s) from " + updates.get(0) + " to " + last
        + ", never more than " + CAPACITY_UPDATE_DAYS + " days apart; the next is due by the end of "
        + last.plusDays(CAPACITY_UPDATE_DAYS), update(updates.get(0)), update(last));
  }

  private static Evidence update(LocalDate d) {
    return Evidence.onDate("capacityUpdate", d.toString(), d, "capacity updated on the Massachusetts Behavioral Health Access website");
  }

  private static Judgment staffTrainedOnWebsite(Program program, EvaluationContext ctx) {
    if (program.staff().isEmpty()) {
      return Judgment.notMet("the program profile lists no staff, so no staff training on the website is shown");
    }
    List<String> untrained = program.staff().stream()
        .filter(m -> m.trainings().stream().noneMatch(t -> t.topic() == TrainingTopic.BEHAVIORAL_HEALTH_ACCESS_WEBSITE
            && ctx.hasBegun(t.completedOn())))
        .map(StaffMember::id)
        .toList();
    if (!untrained.isEmpty()) {
      return Judgment.notMet(untrained.size() + " of " + program.staff().size()
          + " staff have no training on the Massachusetts Behavioral Health Access website: " + String.join(", ", untrained),
          untrained.stream().map(id -> Evidence.of("staff", id, "no website training")).toArray(Evidence[]::new));
    }
    return Judgment.met("all " + program.staff().size() + " staff are trained on the Massachusetts Behavioral Health Access website",
        program.staff().stream().map(m -> Evidence.of("staff", m.id(), "website training completed")).toArray(Evidence[]::new));
  }

  private static Judgment medicationCapacity(Program program, EvaluationContext ctx) {
    Optional<Agreement> agreement = program.agreements().stream()
        .filter(a -> a.kind() == AgreementKind.AFFILIATION
            && a.partnerCategory() == PartnerCategory.MEDICATION_FOR_ADDICTION_TREATMENT && a.isActiveOn(ctx.today()))
        .findFirst();
    if (agreement.isPresent()) {
      Agreement a = agreement.get();
      return Judgment.met("active affiliation agreement " + a.id() + " with a provider of medications for addiction treatment",
          Evidence.onDate("agreement", a.id(), a.signedOn(), "affiliation agreement, medications for addiction treatment"));
    }
    Optional<org.perfspecs.model.Attestation> attested = EsoapRecords.attestation(program, "ESOAP.COMP.4.1", ctx);
    if (attested.isPresent()) {
      return Judgment.met("in-house capacity to treat members on medications for addiction treatment, attested by "
          + attested.get().attestedBy() + " on " + attested.get().attestedOn(), EsoapRecords.evidence(attested.get()));
    }
    return Judgment.notMet("no active affiliation agreement with a provider of medications for addiction treatment"
        + " and no attestation of in-house capacity");
  }

  private static final Object NO_SESSION = new Object();
  private static final String CLOSED_DAYS = " day(s) of attendance had no education and"
      + " counselling session on prenatal/postpartum care, HIV/AIDS or other health issues: ";
  private static final Judgment NO_ATTENDANCE = Judgment.notApplicable("no day of attendance is in the record yet");

  private static Judgment dailyHealthEducation(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    Instant admitted = EsoapRecords.admitted(record);
    boolean open = e.isOpenAt(ctx.asOf());
    Instant end = open ? ctx.asOf() : e.dischargedAt().get();
    // per day of attendance (sorted by day, as a TreeMap kept them), its earliest health education
    // session, or NO_SESSION: two arrays, a day found by binary search (days mostly come in order)
    List<Contact> contacts = e.contacts();
    LocalDate[] days = new LocalDate[contacts.size()];
    Object[] earliest = new Object[contacts.size()];
    int size = 0;
    for (int i = 0, n = contacts.size(); i < n; i++) {
      Contact c = contacts.get(i);
      if (c.memberEngaged() && ATTENDANCE_KINDS.contains(c.kind()) && c.mode() != ContactMode.TEXT
          && !c.at().isBefore(admitted) && !c.at().isAfter(end)) {
        LocalDate day = ctx.dateOf(c.at());
        boolean session = RecordLists.anyIn(c.topics(), HEALTH_EDUCATION_TOPICS);
        int at = size > 0 && days[size - 1].isBefore(day) ? -size - 1 : Arrays.binarySearch(days, 0, size, day);
        if (at < 0) {
          at = -at - 1;
          System.arraycopy(days, at, days, at + 1, size - at);
          System.arraycopy(earliest, at, earliest, at + 1, size - at);
          days[at] = day;
          earliest[at] = session ? c : NO_SESSION;
          size++;
        } else if (session && (earliest[at] == NO_SESSION || c.at().isBefore(((Contact) earliest[at]).at()))) {
          earliest[at] = c;
        }
      }
    }
    if (size == 0) {
      return NO_ATTENDANCE;
    }
    LocalDate today = ctx.today();
    int missing = 0;
    int closed = 0;
    for (int i = 0; i < size; i++) {
      if (earliest[i] == NO_SESSION) {
        missing++;
        if (!open || days[i].isBefore(today)) {
          closed++;
        }
      }
    }
    if (closed > 0) {
      // the first ten closed days without a session, named in the reason and as evidence
      StringBuilder named = new StringBuilder(CLOSED_DAYS.length() + 12 * 10 + 5).append(CLOSED_DAYS);
      Evidence[] evidence = new Evidence[Math.min(closed, 10)];
      int k = 0;
      for (int i = 0; i < size && k < evidence.length; i++) {
        LocalDate d = days[i];
        if (earliest[i] == NO_SESSION && (!open || d.isBefore(today))) {
          String day = d.toString();
          if (k > 0) {
            named.append(", ");
          }
          named.append(day);
          evidence[k++] = Evidence.onDate("attendanceDay", e.id() + "#" + day, d, "no health education session");
        }
      }
      if (closed > 10) {
        named.append(", ...");
      }
      return Judgments.notMet(String.valueOf(closed), " of ", String.valueOf(size), named.toString(), evidence);
    }
    if (missing > 0) {
      Deadline due = Deadline.endOf(today, ctx.zone(), "end of the day of attendance " + today);
      return Judgment.pending(due, "no education and counselling session on health issues is recorded yet for today's attendance ("
          + today + "); due by the end of the day", Evidence.onDate("attendanceDay", e.id() + "#" + today, today, "attendance"));
    }
    Evidence[] sessions = new Evidence[size];
    for (int i = 0; i < size; i++) {
      Contact session = (Contact) earliest[i];
      sessions[i] = Evidence.of("contact", session.id(), session.at(), "health education session");
    }
    return Judgments.met("each of ", String.valueOf(size),
        " day(s) of attendance had an education and counselling session on health issues", "", sessions);
  }

  private static Judgment communityTransportation(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    Referral referral = EsoapRecords.firstReferralTo(e, ServiceCategory.TRANSPORTATION, ctx);
    if (referral != null) {
      return Judgment.met("the member was referred to community-based transportation", EsoapRecords.evidence(referral));
    }
    var notes = EsoapRecords.documentsOf(e, DocumentKind.TRANSPORTATION_ASSISTANCE_NOTE, ctx);
    if (!notes.isEmpty()) {
      return Judgment.met("transportation assistance is documented", EsoapRecords.evidence(notes.get(0)));
    }
    return Judgment.notMet("the record marks a transportation need but shows no help arranging or using community-based transportation");
  }

  private static Judgment directTransportation(CaseRecord record, EvaluationContext ctx) {
    Contact ride = null;
    for (Contact c : record.episode().contacts()) {
      if (c.kind() == ContactKind.TRANSPORTATION && ctx.hasHappened(c.at()) && (ride == null || c.at().isBefore(ride.at()))) {
        ride = c; // the first of equal times, as Stream.min keeps
      }
    }
    return ride != null
        ? Judgments.met("the program provided transportation at ", EsoapRecords.format(ride.at(), record.episode(), ctx), "", "",
            Evidence.of("contact", ride.id(), ride.at(), "transportation provided"))
        : Judgment.notMet("the record marks a transportation need but shows no transportation provided by the program");
  }

  private static Optional<Judgment> needsPhysical(CaseRecord record, EvaluationContext ctx) {
    if (record.member().primaryCareClinician().isEmpty()) {
      return Optional.of(Judgment.notApplicable("the member has no PCC (item 6.b applies)"));
    }
    LocalDate admission = EsoapRecords.admissionDate(record, ctx);
    LocalDate from = admission.minusMonths(PHYSICAL_EXAM_MONTHS);
    Optional<LocalDate> exam = record.member().lastCompletePhysicalExam();
    if (exam.isPresent() && !exam.get().isBefore(from) && !exam.get().isAfter(admission)) {
      return Optional.of(Judgment.notApplicable("a complete physical examination on " + exam.get()
          + " is within the six months before admission (" + from + " to " + admission + ")"));
    }
    return Optional.empty();
  }

  private static Judgment pccAppointmentForPhysical(CaseRecord record, EvaluationContext ctx) {
    Appointment booked = EsoapRecords.firstAppointmentOf(record.episode(), PCC_KINDS, Appointment::assistedByProgram, ctx);
    return booked == null
        ? Judgment.notMet("no complete physical examination in the six months before admission, and the record shows no"
            + " appointment with the PCC the program helped schedule")
        : Judgment.met("the program helped schedule an appointment with the PCC", EsoapRecords.evidence(booked));
  }

  private static Judgment obstetricReferral(CaseRecord record, EvaluationContext ctx) {
    Referral referral = EsoapRecords.firstReferralTo(record.episode(), ServiceCategory.OBSTETRIC_PROVIDER, ctx);
    return referral == null
        ? Judgment.notMet("the member has no obstetric health care provider and the record shows no referral to one")
        : Judgments.met("the member was referred to an obstetric health care provider at ",
            EsoapRecords.format(referral.at(), record.episode(), ctx), "", "", EsoapRecords.evidence(referral));
  }

  private static List<Referral> consentedObstetricReferrals(CaseRecord record, EvaluationContext ctx) {
    if (org.perfspecs.checks.Consents.referralRefusal(record.episode(), ServiceCategory.OBSTETRIC_PROVIDER, ctx).isPresent()) {
      return List.of(); // a documented refusal stands over a consent
    }
    List<Referral> referrals = EsoapRecords.referralsTo(record.episode(), OBSTETRIC_PROVIDER, ctx);
    return referrals.isEmpty() ? referrals : RecordLists.kept(referrals, r -> r.memberConsented().orElse(false));
  }

  private static Optional<Judgment> consentedObstetricReferral(CaseRecord record, EvaluationContext ctx) {
    return consentedObstetricReferrals(record, ctx).isEmpty()
        ? NO_CONSENTED_OBSTETRIC_REFERRAL : Optional.empty();
  }

  private static final Optional<Judgment> NO_CONSENTED_OBSTETRIC_REFERRAL = Optional.of(
      Judgment.notApplicable("no referral to an obstetric health care provider that the member consented to is in the record"));
  private static final Set<ServiceCategory> OBSTETRIC_PROVIDER = RecordLists.constant(EnumSet.of(ServiceCategory.OBSTETRIC_PROVIDER));
  private static final Set<AppointmentKind> PCC_KINDS =
      RecordLists.constant(EnumSet.of(AppointmentKind.PRIMARY_CARE, AppointmentKind.PHYSICAL_EXAM));
  private static final Set<AppointmentKind> WALK_IN = RecordLists.constant(EnumSet.of(AppointmentKind.WALK_IN_MEDICAL));

  private static Judgment obstetricVisitFollowUp(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    List<Evidence> evidence = new ArrayList<>();
    Deadline pending = null;
    for (Referral r : consentedObstetricReferrals(record, ctx)) {
      evidence.add(EsoapRecords.evidence(r));
      if (r.followedUpAt().filter(ctx::hasHappened).isPresent()) {
        evidence.add(Evidence.of("referral", r.id(), r.followedUpAt().get(), "follow-up on attendance"));
        continue;
      }
      Optional<Appointment> visit = EsoapRecords.appointmentsOf(e, OBSTETRIC_VISITS, ctx).stream()
          .filter(a -> !a.at().isBefore(r.at()))
          .min(Comparator.comparing(Appointment::at));
      if (visit.isPresent()) {
        Deadline due = Deadline.endOf(ctx.dateOf(visit.get().at()), ctx.zone(),
            "end of the day of the obstetric visit " + ctx.dateOf(visit.get().at()));
        if (due.isOpenAt(ctx.asOf())) {
          evidence.add(EsoapRecords.evidence(visit.get()));
          pending = pending == null || due.last().isBefore(pending.last()) ? due : pending;
          continue;
        }
        return Judgment.notMet("no follow-up on whether the member attended the obstetric visit of "
            + Times.format(visit.get().at(), ctx.zone()) + " is recorded (referral " + r.id() + ")",
            EsoapRecords.evidence(r), EsoapRecords.evidence(visit.get()));
      }
      return Judgment.notMet("no follow-up on the obstetric referral " + r.id()
          + " the member consented to is recorded, and no obstetric visit is booked", EsoapRecords.evidence(r));
    }
    if (pending != null) {
      return Judgment.pending(pending, "the obstetric visit has not taken place yet; follow-up that the member attends is due by "
          + Times.format(pending.last(), ctx.zone()), evidence.toArray(Evidence[]::new));
    }
    return Judgment.met("the program followed up on every obstetric referral the member consented to",
        evidence.toArray(Evidence[]::new));
  }

  private static Judgment walkInAppointments(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    Appointment booked = EsoapRecords.firstAppointmentOf(e, WALK_IN, Appointment::assistedByProgram, ctx);
    if (booked != null) {
      return Judgment.met("the program helped make a walk-in medical appointment", EsoapRecords.evidence(booked));
    }
    Referral referral = EsoapRecords.firstReferralTo(e, ServiceCategory.WALK_IN_MEDICAL, ctx);
    return referral == null
        ? Judgment.notMet("the record marks a need for walk-in medical services but shows no help making such an appointment")
        : Judgment.met("the member was referred to walk-in medical services", EsoapRecords.evidence(referral));
  }
}

package org.perfspecs.checks.specifications.iop;

import static org.perfspecs.checks.Strength.MUST;
import static org.perfspecs.checks.Strength.SHOULD;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.perfspecs.checks.RecordLists;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.Conditions;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.Judgments;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Section;
import org.perfspecs.checks.Times;
import org.perfspecs.checks.time.Deadline;
import org.perfspecs.model.Appointment;
import org.perfspecs.model.AppointmentKind;
import org.perfspecs.model.Agreement;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.Document;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.Episode;
import org.perfspecs.model.PartnerCategory;
import org.perfspecs.model.Party;
import org.perfspecs.model.Program;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ServiceCategory;

/** IOP "DISCHARGE PLANNING, COMMUNITY AND COLLATERAL LINKAGES". */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class IopDischargePlanning extends Section {
  static final String HEADING = "DISCHARGE PLANNING, COMMUNITY AND COLLATERAL LINKAGES:";

  /**
   * {@index IOP.DISCH.1}: Bullet 1: "Discharge is a planned process that begins upon admission and development of a
   * treatment plan". Applies once a treatment plan is in the record; MET when the first treatment
   * plan (provisional or full, by date) already addresses discharge (covers the discharge and
   * after-care plan or a discharge planning activity); NOT_MET otherwise.
   */
  public static final EpisodeRequirement PLANNED_FROM_ADMISSION = EpisodeRequirement.of(
      "IOP.DISCH.1", MUST,
      cite("bullet 1", "Discharge is a planned process that begins upon admission and development of a treatment plan and is continuous throughout treatment with updates as necessary and clinically appropriate"),
      IopDischargePlanning::plannedFromAdmission)
      .when(IopRecords.inRecord(IopRecords.TREATMENT_PLANS, "treatment plan"));

  private static final String BULLET_2 = "Discharge plans should include Members concerns and Members social risk factors including those related to housing, food security, recovery and relapse services, finances, health care, transportation, occupational and education concerns as well as social supports";

  /**
   * {@index IOP.DISCH.2.1}: 2.1-2.9: each concern or social-risk domain a discharge plan should
   * include (SHOULD); applies once a discharge plan is in the record.
   */
  public static final EpisodeRequirement CONCERNS = concern(1, "the member's concerns", ContentElement.MEMBER_CONCERNS);
  /** {@index IOP.DISCH.2.2}: 2.2 housing. */
  public static final EpisodeRequirement HOUSING = concern(2, "housing", ContentElement.HOUSING);
  /** {@index IOP.DISCH.2.3}: 2.3 food security. */
  public static final EpisodeRequirement FOOD_SECURITY = concern(3, "food security", ContentElement.FOOD_SECURITY);
  /** {@index IOP.DISCH.2.4}: 2.4 recovery and relapse services. */
  public static final EpisodeRequirement RECOVERY_RELAPSE = concern(4, "recovery and relapse services", ContentElement.RECOVERY_AND_RELAPSE_SERVICES);
  /** {@index IOP.DISCH.2.5}: 2.5 finances. */
  public static final EpisodeRequirement FINANCES = concern(5, "finances", ContentElement.FINANCES);
  /** {@index IOP.DISCH.2.6}: 2.6 health care. */
  public static final EpisodeRequirement HEALTH_CARE = concern(6, "health care", ContentElement.HEALTH_CARE);
  /** {@index IOP.DISCH.2.7}: 2.7 transportation. */
  public static final EpisodeRequirement TRANSPORTATION_CONCERN = concern(7, "transportation", ContentElement.TRANSPORTATION);
  /** {@index IOP.DISCH.2.8}: 2.8 occupational and education concerns. */
  public static final EpisodeRequirement OCCUPATIONAL = concern(8, "occupational and education concerns", ContentElement.OCCUPATIONAL_AND_EDUCATION);
  /** {@index IOP.DISCH.2.9}: 2.9 social supports. */
  public static final EpisodeRequirement SOCIAL_SUPPORTS = concern(9, "social supports", ContentElement.SOCIAL_SUPPORTS);

  /**
   * {@index IOP.DISCH.3.1}: 3.1-3.16: the provider collaborates with each listed level of care/service. Judged on the program
   * profile: MET when the program holds an agreement of any kind (linkage, affiliation, MOU, ...)
   * with a partner of that category, active on the as-of date; NOT_MET otherwise.
   */
  public static final ProgramRequirement LINK_INPATIENT = linkage(1, "Inpatient mental health facilities", PartnerCategory.INPATIENT_MENTAL_HEALTH);
  /** {@index IOP.DISCH.3.2}: 3.2. */
  public static final ProgramRequirement LINK_DETOX = linkage(2, "ASAM Level 4 Detoxification Services", PartnerCategory.DETOXIFICATION_LEVEL_4);
  /** {@index IOP.DISCH.3.3}: 3.3. */
  public static final ProgramRequirement LINK_ATS = linkage(3, "ATS for Substance Use Level 3.7", PartnerCategory.ACUTE_TREATMENT_SERVICES);
  /** {@index IOP.DISCH.3.4}: 3.4. */
  public static final ProgramRequirement LINK_EATS = linkage(4, "E-ATS for Individuals with Co-occurring Mental Health and Substance Use",
      PartnerCategory.ENHANCED_ACUTE_TREATMENT_SERVICES);
  /** {@index IOP.DISCH.3.5}: 3.5. */
  public static final ProgramRequirement LINK_SOAP = linkage(5, "Structured Outpatient Addiction Programs (SOAP)", PartnerCategory.STRUCTURED_OUTPATIENT_ADDICTION_PROGRAM);
  /** {@index IOP.DISCH.3.6}: 3.6. */
  public static final ProgramRequirement LINK_COURT_CLINICS = linkage(6, "Regional court clinics", PartnerCategory.REGIONAL_COURT_CLINIC);
  /** {@index IOP.DISCH.3.7}: 3.7. */
  public static final ProgramRequirement LINK_RRS = linkage(7, "Residential Rehabilitation Services (RRS)", PartnerCategory.RESIDENTIAL_REHABILITATION_SERVICES);
  /** {@index IOP.DISCH.3.8}: 3.8. */
  public static final ProgramRequirement LINK_RESIDENTIAL_SUPPORT = linkage(8, "Residential Support Services (halfway house)", PartnerCategory.RESIDENTIAL_SUPPORT_SERVICES);
  /** {@index IOP.DISCH.3.9}: 3.9. */
  public static final ProgramRequirement LINK_OPIOID = linkage(9, "Opioid Replacement Therapy", PartnerCategory.OPIOID_TREATMENT_PROGRAM);
  /** {@index IOP.DISCH.3.10}: 3.10. */
  public static final ProgramRequirement LINK_DMH_RESIDENTIAL = linkage(10, "Department of Mental Health (DMH) residential programs", PartnerCategory.DMH_RESIDENTIAL);
  /** {@index IOP.DISCH.3.11}: 3.11. */
  public static final ProgramRequirement LINK_TRANSITIONAL_HOUSING = linkage(11, "Transitional supportive housing", PartnerCategory.TRANSITIONAL_SUPPORTIVE_HOUSING);
  /** {@index IOP.DISCH.3.12}: 3.12. */
  public static final ProgramRequirement LINK_TSS = linkage(12, "Transitional Support Services (TSS) for substance use", PartnerCategory.TRANSITIONAL_SUPPORT_SERVICES);
  /** {@index IOP.DISCH.3.13}: 3.13. */
  public static final ProgramRequirement LINK_SOBER_HOUSING = linkage(13, "Sober housing", PartnerCategory.SUPPORTIVE_SOBER_HOUSING);
  /** {@index IOP.DISCH.3.14}: 3.14. */
  public static final ProgramRequirement LINK_OUTPATIENT = linkage(14, "Outpatient counseling services", PartnerCategory.OUTPATIENT_PROVIDER);
  /** {@index IOP.DISCH.3.15}: 3.15. */
  public static final ProgramRequirement LINK_SHELTER = linkage(15, "Shelter programs", PartnerCategory.SHELTER);
  /** {@index IOP.DISCH.3.16}: 3.16. */
  public static final ProgramRequirement LINK_RLC = linkage(16, "Recovery Learning Communities (RLCs)", PartnerCategory.RECOVERY_LEARNING_COMMUNITY);

  /** The member's concerns: the member's own concerns or social risk factors. */
  static final Set<ContentElement> CONCERN_ELEMENTS = RecordLists.constant(EnumSet.of(ContentElement.MEMBER_CONCERNS,
      ContentElement.SOCIAL_RISK_FACTORS));

  /** Planned after-care: the after-care plan, referrals or appointments. */
  static final Set<ContentElement> AFTERCARE_ELEMENTS = RecordLists.constant(EnumSet.of(
      ContentElement.DISCHARGE_AND_AFTERCARE_PLAN, ContentElement.REFERRALS, ContentElement.APPOINTMENT_TIMES_AND_LOCATIONS));

  /**
   * {@index IOP.DISCH.4}: Bullet 4: the member's concerns and planned after-care documented. Applies once the member is
   * discharged; MET when a discharge or after-care plan in the record covers the member's concerns
   * ({@link #CONCERN_ELEMENTS}) and a discharge or after-care plan covers the planned after-care
   * ({@link #AFTERCARE_ELEMENTS}); NOT_MET names what is missing.
   */
  public static final EpisodeRequirement CONCERNS_AND_AFTERCARE_DOCUMENTED = EpisodeRequirement.of(
      "IOP.DISCH.4", MUST,
      cite("bullet 4", "The treatment team implementing the Members discharge plan ensures that the above concerns and planned after-care are documented in the Members record"),
      IopDischargePlanning::concernsAndAftercareDocumented)
      .when(Conditions.discharged());

  /** Who may receive the discharge plan: the member, family or guardian. */
  static final Set<Party> RECIPIENTS = RecordLists.constant(EnumSet.of(Party.MEMBER, Party.FAMILY, Party.GUARDIAN));

  /**
   * {@index IOP.DISCH.5}: Bullet 5: the discharge plan is given to the member and/or family or guardian at the time of
   * discharge. Applies once the member is discharged; MET when a discharge plan records it was given
   * to one of {@link #RECIPIENTS} on the discharge date; NOT_MET when not given, not recorded as given
   * on a date, or given on another date.
   */
  public static final EpisodeRequirement PLAN_GIVEN_AT_DISCHARGE = EpisodeRequirement.of(
      "IOP.DISCH.5", MUST,
      cite("bullet 5", "The discharge plan including referral to any agency, appointment times and locations, transportation, medication information, emergency and crisis information is given to the Member and/or the Member's family or guardian at the time of discharge"),
      IopDischargePlanning::planGivenAtDischarge)
      .when(Conditions.discharged());

  /**
   * {@index IOP.DISCH.5.1}: 5.1-5.5: each element the discharge plan given at discharge includes;
   * applies once a discharge plan is in the record.
   */
  public static final EpisodeRequirement PLAN_REFERRALS = planElement(1, "referral to any agency", ContentElement.REFERRALS);
  /** {@index IOP.DISCH.5.2}: 5.2. */
  public static final EpisodeRequirement PLAN_APPOINTMENTS = planElement(2, "appointment times and locations", ContentElement.APPOINTMENT_TIMES_AND_LOCATIONS);
  /** {@index IOP.DISCH.5.3}: 5.3. */
  public static final EpisodeRequirement PLAN_TRANSPORTATION = planElement(3, "transportation", ContentElement.TRANSPORTATION);
  /** {@index IOP.DISCH.5.4}: 5.4. */
  public static final EpisodeRequirement PLAN_MEDICATION = planElement(4, "medication information", ContentElement.MEDICATION_INFORMATION);
  /** {@index IOP.DISCH.5.5}: 5.5. */
  public static final EpisodeRequirement PLAN_CRISIS = planElement(5, "emergency and crisis information", ContentElement.EMERGENCY_AND_CRISIS_INFORMATION);

  /**
   * {@index IOP.DISCH.6.a}: Bullet 6, first sentence: "The provider will develop linkages to outside referrals and state
   * agencies that ensure a smooth transition". Applies once the member is discharged; MET when the
   * record shows a referral out of the service made at or before the discharge; NOT_MET otherwise.
   */
  public static final EpisodeRequirement LINKAGES_DEVELOPED = EpisodeRequirement.of(
      "IOP.DISCH.6.a", MUST,
      cite("bullet 6, first sentence", "The provider will develop linkages to outside referrals and state agencies that ensure a smooth transition from the IOP to other services."),
      IopDischargePlanning::linkagesDeveloped)
      .when(Conditions.discharged());

  /**
   * {@index IOP.DISCH.6.b}: "At least one after-care appointment is scheduled within 7 days of the Members discharge from
   * the IOP." Met by an after-care appointment (general or psychiatric), booked as of the
   * evaluation time and before it took place (a booking entered afterwards does not count), whose
   * date is the discharge date or one of the 7 calendar days after it.
   * Pending until the end of the 7th day; not applicable until the member is discharged.
   */
  public static final EpisodeRequirement AFTERCARE_WITHIN_7_DAYS = EpisodeRequirement.of(
      "IOP.DISCH.6.b", MUST,
      cite("bullet 6, second sentence",
          "At least one after-care appointment is scheduled within 7 days of the Members discharge from the IOP."),
      IopDischargePlanning::aftercareWithin7Days)
      .when(Conditions.discharged());

  /**
   * {@index IOP.DISCH.6.c}: "If a member is discharged on medication, then at least one psychiatric after-care appointment
   * must be scheduled within 14 days of discharge from the IOP." Met by a psychiatric after-care
   * appointment dated from the discharge date through 14 calendar days after it.
   */
  public static final EpisodeRequirement PSYCHIATRIC_AFTERCARE_WITHIN_14_DAYS = EpisodeRequirement.of(
      "IOP.DISCH.6.c", MUST,
      cite("bullet 6, third sentence",
          "If a member is discharged on medication, then at least one psychiatric after-care appointment must be scheduled within 14 days of discharge from the IOP"),
      IopDischargePlanning::psychiatricAftercareWithin14Days)
      .when(Conditions.dischargedOnMedication());

  /**
   * {@index IOP.DISCH.7}: Bullet 7: the provider contacts CCA's Clinical Team for support with needed after-care
   * transportation. Applies once the member is discharged and the record marks a transportation
   * need; MET when a transportation contact with CCA's team ({@link Party#PAYER_CARE_TEAM} among its
   * parties) is in the record; NOT_MET otherwise.
   */
  public static final EpisodeRequirement TRANSPORTATION_SUPPORT = EpisodeRequirement.of(
      "IOP.DISCH.7", MUST,
      cite("bullet 7", "The provider contacts Commonwealth Care Alliances (CCA' s) Clinical Team for support with arranging needed after-care transportation."),
      IopDischargePlanning::transportationSupport)
      .when(Conditions.discharged())
      .when(IopRecords.serviceNeed(ServiceCategory.TRANSPORTATION, "transportation"));

  IopDischargePlanning() {
    super("DISCH", HEADING, List.of(PLANNED_FROM_ADMISSION, CONCERNS, HOUSING, FOOD_SECURITY, RECOVERY_RELAPSE, FINANCES,
        HEALTH_CARE, TRANSPORTATION_CONCERN, OCCUPATIONAL, SOCIAL_SUPPORTS, LINK_INPATIENT, LINK_DETOX, LINK_ATS, LINK_EATS,
        LINK_SOAP, LINK_COURT_CLINICS, LINK_RRS, LINK_RESIDENTIAL_SUPPORT, LINK_OPIOID, LINK_DMH_RESIDENTIAL,
        LINK_TRANSITIONAL_HOUSING, LINK_TSS, LINK_SOBER_HOUSING, LINK_OUTPATIENT, LINK_SHELTER, LINK_RLC,
        CONCERNS_AND_AFTERCARE_DOCUMENTED, PLAN_GIVEN_AT_DISCHARGE, PLAN_REFERRALS, PLAN_APPOINTMENTS, PLAN_TRANSPORTATION,
        PLAN_MEDICATION, PLAN_CRISIS, LINKAGES_DEVELOPED, AFTERCARE_WITHIN_7_DAYS, PSYCHIATRIC_AFTERCARE_WITHIN_14_DAYS,
        TRANSPORTATION_SUPPORT));
  }

  private static EpisodeRequirement concern(int n, String what, ContentElement element) {
    return IopRecords.element("IOP.DISCH.2." + n, SHOULD, cite("bullet 2, element " + n + " (" + what + ")", BULLET_2),
        IopRecords.DISCHARGE_PLANS, "discharge plan", what, EnumSet.of(element));
  }

  private static EpisodeRequirement planElement(int n, String text, ContentElement element) {
    return IopRecords.element("IOP.DISCH.5." + n, MUST, cite("bullet 5, element " + n, text),
        IopRecords.DISCHARGE_PLANS, "discharge plan", text, EnumSet.of(element));
  }

  private static ProgramRequirement linkage(int n, String text, PartnerCategory category) {
    return ProgramRequirement.of("IOP.DISCH.3." + n, MUST, cite("bullet 3, level of care " + n, text),
        new Linkage(text, category)::judge);
  }

  /** An active agreement with one level of care. */
  private record Linkage(String what, PartnerCategory category) {
    Judgment judge(Program p, EvaluationContext ctx) {
      List<Agreement> agreements = IopProgram.agreements(p, ctx, Set.of(), category);
      return agreements.isEmpty()
          ? Judgment.notMet("the program profile holds no agreement with " + what + " (" + category + ") active on " + ctx.today())
          : Judgment.met("an active " + agreements.get(0).kind() + " with " + agreements.get(0).partnerName() + " links to " + what,
              IopProgram.evidence(agreements.get(0)));
    }
  }

  private static Judgment plannedFromAdmission(CaseRecord record, EvaluationContext ctx) {
    Document first = IopRecords.documents(record.episode(), ctx, IopRecords.TREATMENT_PLANS).get(0);
    boolean addresses = first.elements().contains(ContentElement.DISCHARGE_AND_AFTERCARE_PLAN)
        || first.elements().contains(ContentElement.DISCHARGE_PLANNING_ACTIVITY);
    return addresses
        ? Judgments.met("the first treatment plan ", first.id(), " already addresses discharge", "", IopRecords.evidence(first))
        : Judgments.notMet("the first treatment plan ", first.id(), " does not address discharge", "", IopRecords.evidence(first));
  }

  // discharge and after-care plans, one constant set: IopRecords.documents finds it again per record (by identity)
  private static final Set<DocumentKind> DISCHARGE_OR_AFTERCARE_PLANS = java.util.Collections.unmodifiableSet(
      EnumSet.of(DocumentKind.DISCHARGE_PLAN, DocumentKind.AFTERCARE_PLAN));

  private static Judgment concernsAndAftercareDocumented(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    List<Document> plans = IopRecords.documents(e, ctx, DISCHARGE_OR_AFTERCARE_PLANS);
    boolean concerns = false;
    boolean aftercare = false;
    for (int i = 0, n = plans.size(); i < n; i++) {
      Set<ContentElement> elements = plans.get(i).elements();
      concerns = concerns || RecordLists.anyIn(elements, CONCERN_ELEMENTS);
      aftercare = aftercare || RecordLists.anyIn(elements, AFTERCARE_ELEMENTS);
    }
    if (concerns && aftercare) {
      return Judgment.met("the member's concerns and the planned after-care are documented", IopRecords.evidence(plans));
    }
    String missing = !concerns && !aftercare ? "the member's concerns and the planned after-care"
        : !concerns ? "the member's concerns" : "the planned after-care";
    return Judgments.notMet("no discharge or after-care plan documents ", missing, "", "",
        IopRecords.evidenceList(e, ctx, DISCHARGE_OR_AFTERCARE_PLANS));
  }

  private static Judgment planGivenAtDischarge(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    LocalDate dischargeDate = ctx.dateOf(e.dischargedAt().orElseThrow());
    List<Document> plans = IopRecords.documents(e, ctx, IopRecords.DISCHARGE_PLANS);
    for (int i = 0, n = plans.size(); i < n; i++) {
      Document d = plans.get(i);
      if (RecordLists.anyIn(d.givenTo(), RECIPIENTS)) {
        Optional<LocalDate> on = d.givenOn();
        if (on.isPresent() && dischargeDate.equals(on.get())) {
          return Judgments.met("discharge plan ", d.id(), " was given to " + d.givenTo() + " on the discharge date ",
              dischargeDate.toString(), IopRecords.evidence(d));
        }
      }
    }
    return plans.isEmpty()
        ? Judgment.notMet("no discharge plan is in the record")
        : Judgments.notMet("no discharge plan is recorded as given to the member, family or guardian on the discharge date ",
            dischargeDate.toString(), "", "", IopRecords.evidenceList(e, ctx, IopRecords.DISCHARGE_PLANS));
  }

  private static Judgment linkagesDeveloped(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    Instant discharged = e.dischargedAt().orElseThrow();
    // the earliest referral made by discharge (the first of equal times, as Stream.min keeps)
    Referral made = null;
    List<Referral> referrals = e.referralsMade();
    for (int i = 0, n = referrals.size(); i < n; i++) {
      Referral r = referrals.get(i);
      if (!r.at().isAfter(discharged) && (made == null || r.at().isBefore(made.at()))) {
        made = r;
      }
    }
    return made != null
        ? Judgment.met("a referral out of the IOP was made by discharge",
            Evidence.of("referral", made.id(), made.at(), "referral to " + made.target().orElseThrow()))
        : Judgment.notMet("the record shows no referral out of the IOP made by discharge",
            Evidence.of("episode", e.id(), discharged, "discharge"));
  }

  private static Judgment transportationSupport(CaseRecord record, EvaluationContext ctx) {
    List<Contact> contacts = record.episode().contacts();
    for (int i = 0, n = contacts.size(); i < n; i++) {
      Contact c = contacts.get(i);
      if (c.kind() == ContactKind.TRANSPORTATION && IopRecords.with(c, Party.PAYER_CARE_TEAM) && ctx.hasHappened(c.at())) {
        return Judgment.met("CCA's team was contacted about after-care transportation",
            Evidence.of("contact", c.id(), c.at(), "transportation contact with CCA's team"));
      }
    }
    return NO_TRANSPORTATION_CONTACT;
  }

  // the same for every record, with no evidence: made once (judgments are immutable)
  private static final Judgment NO_TRANSPORTATION_CONTACT =
      Judgment.notMet("the record shows no contact with CCA's team about the needed after-care transportation");

  static Citation cite(String label, String text) {
    return Citation.of(Iop.SOURCE, HEADING, label, text);
  }

  private static Judgment aftercareWithin7Days(CaseRecord record, EvaluationContext ctx) {
    return appointmentWithin(record, ctx, AFTERCARE_KINDS, 7, "after-care appointment");
  }

  private static Judgment psychiatricAftercareWithin14Days(CaseRecord record, EvaluationContext ctx) {
    return appointmentWithin(record, ctx, PSYCHIATRIC_AFTERCARE_KINDS, 14,
        "psychiatric after-care appointment");
  }

  private static final Set<AppointmentKind> AFTERCARE_KINDS =
      java.util.Collections.unmodifiableSet(EnumSet.of(AppointmentKind.AFTERCARE, AppointmentKind.PSYCHIATRIC_AFTERCARE));
  private static final Set<AppointmentKind> PSYCHIATRIC_AFTERCARE_KINDS =
      java.util.Collections.unmodifiableSet(EnumSet.of(AppointmentKind.PSYCHIATRIC_AFTERCARE));
  private static final Comparator<Appointment> BY_TIME = Comparator.comparing(Appointment::at);

  private static Judgment appointmentWithin(CaseRecord record, EvaluationContext ctx, Set<AppointmentKind> kinds,
      int days, String what) {
    Episode e = record.episode();
    Instant discharged = e.dischargedAt().orElseThrow();
    LocalDate dischargeDate = ctx.dateOf(discharged);
    Deadline due = Deadline.calendarDaysAfter(dischargeDate, days, ctx.zone());
    Evidence discharge = Evidence.of("episode", e.id(), discharged, "discharge");
    // the appointments of the kinds booked by now, by time (a stable sort, as the stream's was)
    List<Appointment> appointments = e.appointments();
    Appointment[] booked = new Appointment[appointments.size()];
    int count = 0;
    for (int i = 0, n = appointments.size(); i < n; i++) {
      Appointment a = appointments.get(i);
      if (kinds.contains(a.kind()) && ctx.hasHappened(a.scheduledAt()) && !a.scheduledAt().isAfter(a.at())) {
        booked[count++] = a;
      }
    }
    java.util.Arrays.sort(booked, 0, count, BY_TIME);
    LocalDate lastDay = dischargeDate.plusDays(days);
    String window = "the discharge date " + dischargeDate + " through " + lastDay;
    for (int i = 0; i < count; i++) {
      Appointment a = booked[i];
      LocalDate d = ctx.dateOf(a.at());
      if (!d.isBefore(dischargeDate) && !d.isAfter(lastDay)) {
        return Judgment.metBy(due, what + " on " + Times.format(a.at(), ctx.zone()) + ", within " + window,
            discharge, Evidence.of("appointment", a.id(), a.at(), a.kind() + " appointment"));
      }
    }
    if (due.isOpenAt(ctx.asOf())) {
      return Judgment.pending(due, "no " + what + " dated " + window + " is scheduled yet", discharge);
    }
    // the discharge, then each appointment booked outside the window
    Evidence[] all = new Evidence[count + 1];
    all[0] = discharge;
    for (int i = 0; i < count; i++) {
      Appointment a = booked[i];
      all[i + 1] = Evidence.of("appointment", a.id(), a.at(), a.kind() + " appointment outside the window");
    }
    return Judgment.missed(due, "no " + what + " was scheduled for " + window
        + (count == 0 ? "" : " (" + count + " scheduled outside it)"), all);
  }
}

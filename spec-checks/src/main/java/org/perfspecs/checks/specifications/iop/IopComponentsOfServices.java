package org.perfspecs.checks.specifications.iop;

import static org.perfspecs.checks.Strength.MUST;
import static org.perfspecs.checks.Strength.SHOULD;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.Condition;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Interpretation;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.Judgments;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.RecordLists;
import org.perfspecs.checks.RecordScope;
import org.perfspecs.checks.Section;
import org.perfspecs.checks.Times;
import org.perfspecs.checks.Timeliness;
import org.perfspecs.checks.Timeliness.Timed;
import org.perfspecs.checks.time.Deadline;
import org.perfspecs.model.Agreement;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.Document;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.Episode;
import org.perfspecs.model.License;
import org.perfspecs.model.PartnerCategory;
import org.perfspecs.model.Party;
import org.perfspecs.model.ProcedureKind;
import org.perfspecs.model.Program;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.StaffMember;
import org.perfspecs.model.StaffRole;
import org.perfspecs.model.Topic;

/** IOP "COMPONENTS OF SERVICES". */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class IopComponentsOfServices extends Section {
  static final String HEADING = "COMPONENTS OF SERVICES:";

  /**
   * {@index IOP.COMP.1}: Bullet 1: "The program will comply with all applicable Department of Public Health (DPH) and
   * Department of Mental Health (DMH) licensure and resulting requirements". Judged on the licences
   * in the program profile: MET when the program (or its parent organisation) holds a Massachusetts
   * licence issued by DPH or DMH that is valid on the as-of date; NOT_MET otherwise. The licensure
   * regulations themselves are not encoded (see the specification's inherited documents).
   */
  public static final ProgramRequirement LICENSURE = ProgramRequirement.of(
      "IOP.COMP.1", MUST,
      cite("bullet 1", "The program will comply with all applicable Department of Public Health (DPH) and Department of Mental Health (DMH) licensure and resulting requirements"),
      IopComponentsOfServices::licensure);

  /** {@index IOP.COMP.2.1}: Bullet 2, element 1: bio-psychosocial evaluation (attested). */
  public static final ProgramRequirement COMPONENT_EVALUATION = component(1, "Bio-psychosocial evaluation");

  /** {@index IOP.COMP.2.2}: Bullet 2, element 2: case and family consultation (attested). */
  public static final ProgramRequirement COMPONENT_CONSULTATION = component(2, "Case and family consultation");

  /** {@index IOP.COMP.2.3}: Bullet 2, element 3: crisis prevention plan and/or safety plan (attested). */
  public static final ProgramRequirement COMPONENT_CRISIS_PLANNING = component(3,
      "Development and/or updating of crisis prevention plan, and/or safety plan as part of Crisis Planning");

  /** {@index IOP.COMP.2.4}: Bullet 2, element 4: discharge planning/case management (attested). */
  public static final ProgramRequirement COMPONENT_DISCHARGE_PLANNING = component(4, "Discharge planning/case management");

  /** {@index IOP.COMP.2.5}: Bullet 2, element 5: individual, group and family therapy (attested). */
  public static final ProgramRequirement COMPONENT_THERAPY = component(5, "Individual, group, and family therapy");

  /** {@index IOP.COMP.2.6}: Bullet 2, element 6: multi-disciplinary treatment team review (attested). */
  public static final ProgramRequirement COMPONENT_TEAM_REVIEW = component(6, "Multi-disciplinary treatment team review");

  /** {@index IOP.COMP.2.7}: Bullet 2, element 7: peer support and recovery-oriented services (attested). */
  public static final ProgramRequirement COMPONENT_PEER_SUPPORT = component(7, "Peer support and recovery-oriented services");

  /**
   * {@index IOP.COMP.2.8}: Bullet 2, element 8: "Provision of access to medication evaluation and medication management".
   * MET when the roster has a psychiatrist, or the program holds an active affiliation agreement or
   * MOU with a medication-management provider; NOT_MET otherwise.
   */
  public static final ProgramRequirement COMPONENT_MEDICATION_ACCESS = ProgramRequirement.of(
      "IOP.COMP.2.8", MUST,
      cite("bullet 2, element 8", "Provision of access to medication evaluation and medication management"),
      IopComponentsOfServices::medicationAccess);

  /** {@index IOP.COMP.2.9}: Bullet 2, element 9: psychoeducation (attested). */
  public static final ProgramRequirement COMPONENT_PSYCHOEDUCATION = component(9, "Psychoeducation");

  /** {@index IOP.COMP.2.10}: Bullet 2, element 10: substance use assessment and treatment services (attested). */
  public static final ProgramRequirement COMPONENT_SUBSTANCE_USE = component(10, "Substance use assessment and treatment services");

  /**
   * {@index IOP.COMP.3}: Bullet 3: "IOP services meet the special needs of Members who demonstrate symptomatology
   * consistent with a DSM diagnosis ...": a statement about the program's services, attested.
   */
  public static final ProgramRequirement MEETS_SPECIAL_NEEDS = ProgramRequirement.attested(
      "IOP.COMP.3", MUST,
      cite("bullet 3", "IOP services meet the special needs of Members who demonstrate symptomatology consistent with a DSM diagnosis, inclusive of psychosocial factors as well as psychiatric, substance use, or co-occurring diagnosis that require intensive structured interventions"));

  /**
   * {@index IOP.COMP.4.a}: "The member will be evaluated/assessed within one business day of referral": the initial
   * evaluation by the end of the first business day after the day the referral was received.
   */
  public static final EpisodeRequirement EVALUATED_WITHIN_ONE_BUSINESS_DAY = EpisodeRequirement.of(
      "IOP.COMP.4.a", MUST,
      cite("bullet 4, first obligation", "The member will be evaluated/assessed within one business day of referral"),
      IopComponentsOfServices::evaluatedWithinOneBusinessDay);

  /**
   * {@index IOP.COMP.4.b}: "will be admitted into the program within one business day of the initial evaluation":
   * admission by the end of the first business day after the day of the initial evaluation, for a
   * member not found ineligible.
   */
  public static final EpisodeRequirement ADMITTED_WITHIN_ONE_BUSINESS_DAY = EpisodeRequirement.of(
      "IOP.COMP.4.b", MUST,
      cite("bullet 4, second obligation",
          "will be admitted into the program within one business day of the initial evaluation"),
      IopComponentsOfServices::admittedWithinOneBusinessDay)
      .when(Condition.of("the member was not found ineligible at evaluation", IopComponentsOfServices::notIneligible));

  /**
   * {@index IOP.COMP.5}: Bullet 5: "The program provides individually customized, time limited, comprehensive and
   * coordinated multidisciplinary treatment plans". For an admitted member: MET when a treatment
   * plan (provisional or full) is in the record by the planning deadline (end of the first business
   * day after the day of admission, the deadline of IOP.ASMT.1.3); PENDING before it; NOT_MET when it
   * is late or absent after it.
   */
  public static final EpisodeRequirement TREATMENT_PLAN_PROVIDED = EpisodeRequirement.of(
      "IOP.COMP.5", MUST,
      cite("bullet 5", "The program provides individually customized, time limited, comprehensive and coordinated multidisciplinary treatment plans that include multiple services and modalities delivered in an outpatient setting"),
      IopComponentsOfServices::treatmentPlanProvided)
      .when(IopRecords.admitted());

  /** {@index IOP.COMP.6}: Bullet 6: solution-focused programming (attested). */
  public static final ProgramRequirement SOLUTION_FOCUSED = ProgramRequirement.attested(
      "IOP.COMP.6", MUST,
      cite("bullet 6", "Programming emphasizes a solution-focused approach to increase the member's ability to function in the community and use a more traditional outpatient model and based on the individualized treatment plan"));

  /** The member's providers a team coordinates with. */
  static final Set<Party> PROVIDERS = EnumSet.of(Party.PCC, Party.OBSTETRIC_PROVIDER, Party.PSYCHIATRIST,
      Party.PHYSICIAN, Party.OUTPATIENT_PROVIDER, Party.CRISIS_INTERVENTION_PROVIDER, Party.DMH_CLINICIAN);

  /**
   * {@index IOP.COMP.7}: Bullet 7: "A multidisciplinary team, with the consent of the member, coordinates with the
   * member's providers to develop an integrated treatment and discharge plan". Applies once a
   * treatment plan is in the record; MET when a treatment or discharge plan was developed with at
   * least one of the member's providers ({@link #PROVIDERS}) and the member consented to sharing with
   * each such provider ({@code consentToShareWith}, not refused); NOT_MET otherwise. "With the
   * consent of the member" conditions the obligation ({@link org.perfspecs.checks.Consents}):
   * NOT_APPLICABLE when the member refused consent to share with their providers, or gave none.
   */
  public static final EpisodeRequirement COORDINATES_WITH_PROVIDERS = EpisodeRequirement.of(
      "IOP.COMP.7", MUST,
      cite("bullet 7", "A multidisciplinary team, with the consent of the member, coordinates with the member's providers to develop an integrated treatment and discharge plan"),
      IopComponentsOfServices::coordinatesWithProviders)
      .when(org.perfspecs.checks.Consents.toShareWithAnyOf(PROVIDERS, "the member's providers"))
      .when(IopRecords.inRecord(IopRecords.TREATMENT_PLANS, "treatment plan"));

  /**
   * {@index IOP.COMP.8}: Bullet 8: written procedures for medical/psychiatric emergencies ({@link
   * ProcedureKind#MEDICAL_PSYCHIATRIC_EMERGENCIES}).
   */
  public static final ProgramRequirement EMERGENCY_PROCEDURES = ProgramRequirement.of(
      "IOP.COMP.8", MUST,
      cite("bullet 8", "Program must have written procedures for handling medical/psychiatric emergencies"),
      IopComponentsOfServices::emergencyProcedures);

  /**
   * How "will review each admission" (COMP.9) is judged, since the bullet states no deadline:
   * {@code STAY_SO_FAR} (default) judges it over the stay so far, as every obligation without a
   * window; {@code PLANNING_DEADLINE} reads it as due by the planning deadline (the end of the
   * first business day after the day of admission, when the team reviews the assessment).
   */
  public static final Interpretation REVIEW_WINDOW = Interpretation.choice("IOP.COMP.9.review",
      "will review each admission", "STAY_SO_FAR", List.of("STAY_SO_FAR", "PLANNING_DEADLINE"),
      "The bullet states no deadline, so by default the review is judged over the stay so far like every obligation without a window; PLANNING_DEADLINE ties it to the first treatment-team review (end of the first business day after admission) for an auditor who reads the review as part of intake.");

  /**
   * {@index IOP.COMP.9}: Bullet 9: "The IOP Psychiatrist will review each admission". A psychiatric admission review
   * dated on or after the admission date. Read through {@link #REVIEW_WINDOW}: by default over the
   * stay so far (MET when the record shows one by the discharge, or by the as-of date while the
   * member is in the program; NOT_MET when it does not); with {@code PLANNING_DEADLINE}, by the
   * end of the first business day after the day of admission (PENDING before it, NOT_MET late or
   * absent).
   */
  public static final EpisodeRequirement PSYCHIATRIST_REVIEWS_ADMISSION = EpisodeRequirement.of(
      "IOP.COMP.9", MUST,
      cite("bullet 9", "The IOP Psychiatrist will review each admission to assess the medical, psychiatric and pharmacological treatment needs of the member"),
      IopComponentsOfServices::psychiatristReviewsAdmission)
      .reading(REVIEW_WINDOW)
      .when(IopRecords.admitted());

  /**
   * {@index IOP.COMP.10}: Bullet 10: medication services not provided within the IOP need written affiliation agreements
   * or MOUs. NOT_APPLICABLE when the roster has a psychiatrist (provided within the IOP); otherwise
   * MET with an active affiliation agreement or MOU with a medication-management provider, NOT_MET
   * without.
   */
  public static final ProgramRequirement MEDICATION_AGREEMENTS = ProgramRequirement.of(
      "IOP.COMP.10", MUST,
      cite("bullet 10", "If medication evaluation and medication management services are not provided within the IOP, the IOP provider ensures access to these services with an outpatient services program where the IOP maintains written Affiliation Agreements or Memoranda of Understanding (MOUs) with other providers for this purpose"),
      IopComponentsOfServices::medicationAgreements);

  private static final Condition CRISIS_CONTACT = Condition.of(
      "a member experiencing a behavioral health crisis contacted the provider", IopComponentsOfServices::crisisContact);

  /**
   * {@index IOP.COMP.11.1}: Bullet 11, first sub-bullet: refer the member to their outpatient provider. Applies after a
   * crisis contact ({@link ContactKind#CRISIS_INTERVENTION}) when the record marks a need for
   * outpatient behavioral health ("based on their assessment of the Member's needs"); MET with a
   * referral to outpatient behavioral health made at or after the first crisis contact.
   */
  public static final EpisodeRequirement CRISIS_REFER_OUTPATIENT = EpisodeRequirement.of(
      "IOP.COMP.11.1", SHOULD, cite("bullet 11, first sub-bullet", "Refer the Member to their outpatient provider"),
      new CrisisReferral(ServiceCategory.OUTPATIENT_BEHAVIORAL_HEALTH, "outpatient provider")::judge)
      .when(CRISIS_CONTACT)
      .when(IopRecords.serviceNeed(ServiceCategory.OUTPATIENT_BEHAVIORAL_HEALTH, "outpatient behavioral health"));

  /**
   * {@index IOP.COMP.11.2}: Bullet 11, second sub-bullet: refer the member to an ESP. Applies after a crisis contact when the
   * record marks a need for crisis services; MET with a referral to crisis services made at or after
   * the first crisis contact.
   */
  public static final EpisodeRequirement CRISIS_REFER_ESP = EpisodeRequirement.of(
      "IOP.COMP.11.2", SHOULD,
      cite("bullet 11, second sub-bullet", "Refer the Member to an ESP for emergency behavioral health crisis assessment, intervention, and stabilization"),
      new CrisisReferral(ServiceCategory.CRISIS_SERVICES, "ESP (crisis services)")::judge)
      .when(CRISIS_CONTACT)
      .when(IopRecords.serviceNeed(ServiceCategory.CRISIS_SERVICES, "crisis services"));

  /**
   * {@index IOP.COMP.11.3}: Bullet 11, third sub-bullet: other interventions to keep the member in the community. Applies
   * after a crisis contact; MET when every crisis contact covered the crisis prevention or safety plan
   * (topics {@link Topic#CRISIS_PREVENTION} or {@link Topic#SAFETY_PLANNING}) or was followed by a
   * later contact in which the member engaged (follow-up); NOT_MET names the first that was neither.
   */
  public static final EpisodeRequirement CRISIS_OTHER_INTERVENTIONS = EpisodeRequirement.of(
      "IOP.COMP.11.3", SHOULD,
      cite("bullet 11, third sub-bullet", "Implement other interventions to support the Member and enable them to remain in the community including highlighting elements of the Member's crisis prevention plan and/or safety plan, encouraging implementation of the plan, offer constructive, step-by-step strategies which the Member may apply, and/or follow up and assess the safety of the Member and other involved parties, as applicable"),
      IopComponentsOfServices::crisisOtherInterventions)
      .when(CRISIS_CONTACT);

  /** {@index IOP.COMP.12}: Bullet 12: written admission and discharge criteria. */
  public static final ProgramRequirement ADMISSION_DISCHARGE_CRITERIA = ProgramRequirement.of(
      "IOP.COMP.12", MUST, cite("bullet 12", "The program has written admission and discharge criteria"),
      IopComponentsOfServices::admissionDischargeCriteria);

  IopComponentsOfServices() {
    super("COMP", HEADING, List.of(LICENSURE, COMPONENT_EVALUATION, COMPONENT_CONSULTATION, COMPONENT_CRISIS_PLANNING,
        COMPONENT_DISCHARGE_PLANNING, COMPONENT_THERAPY, COMPONENT_TEAM_REVIEW, COMPONENT_PEER_SUPPORT,
        COMPONENT_MEDICATION_ACCESS, COMPONENT_PSYCHOEDUCATION, COMPONENT_SUBSTANCE_USE, MEETS_SPECIAL_NEEDS,
        EVALUATED_WITHIN_ONE_BUSINESS_DAY, ADMITTED_WITHIN_ONE_BUSINESS_DAY, TREATMENT_PLAN_PROVIDED, SOLUTION_FOCUSED,
        COORDINATES_WITH_PROVIDERS, EMERGENCY_PROCEDURES, PSYCHIATRIST_REVIEWS_ADMISSION, MEDICATION_AGREEMENTS,
        CRISIS_REFER_OUTPATIENT, CRISIS_REFER_ESP, CRISIS_OTHER_INTERVENTIONS, ADMISSION_DISCHARGE_CRITERIA));
  }

  private static ProgramRequirement component(int n, String text) {
    return ProgramRequirement.attested("IOP.COMP.2." + n, MUST, cite("bullet 2, element " + n, text));
  }

  static Citation cite(String label, String text) {
    return Citation.of(Iop.SOURCE, HEADING, label, text);
  }

  private static Judgment evaluatedWithinOneBusinessDay(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    Optional<Referral> referral = e.referral();
    if (referral.isEmpty() || !ctx.hasHappened(referral.get().at())) {
      return Judgment.undetermined("no referral time is recorded as of " + Times.format(ctx.asOf(), ctx.zone())
          + ", so the evaluation deadline cannot be computed");
    }
    Referral r = referral.get();
    Deadline due = Deadline.businessDaysAfter(r.at(), 1, ctx.calendar());
    Optional<Instant> evaluated = e.evaluatedAt();
    return Timeliness.judge(due,
        evaluated.isPresent() ? Optional.of(timed(e, evaluated.get(), "initial evaluation")) : Optional.empty(),
        "initial evaluation", ctx,
        Evidence.of("referral", r.id(), r.at(), "referral received"));
  }

  /** The time {@code t} of {@code e} as done, named by the episode's evidence with {@code note}. */
  private static Timed timed(Episode e, Instant t, String note) {
    return Timed.of(t, Evidence.of("episode", e.id(), t, note));
  }

  private static Optional<Judgment> notIneligible(CaseRecord record, EvaluationContext ctx) {
    Optional<Instant> ineligible = record.episode().determinedIneligibleAt();
    if (ineligible.isEmpty() || !ctx.hasHappened(ineligible.get())) {
      return Optional.empty();
    }
    Instant t = ineligible.get();
    return Optional.of(Judgment.notApplicable("the member was found ineligible at evaluation",
        Evidence.of("episode", record.episode().id(), t, "determined ineligible")));
  }

  private static Judgment admittedWithinOneBusinessDay(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    Optional<Instant> evaluatedAt = e.evaluatedAt();
    if (evaluatedAt.isEmpty() || !ctx.hasHappened(evaluatedAt.get())) {
      return Judgment.undetermined("no initial evaluation time is recorded as of "
          + Times.format(ctx.asOf(), ctx.zone()) + ", so the admission deadline cannot be computed");
    }
    Instant evaluated = evaluatedAt.get();
    Deadline due = Deadline.businessDaysAfter(evaluated, 1, ctx.calendar());
    Optional<Instant> admitted = e.admittedAt();
    return Timeliness.judge(due,
        admitted.isPresent() ? Optional.of(timed(e, admitted.get(), "admission")) : Optional.empty(),
        "admission", ctx,
        Evidence.of("episode", e.id(), evaluated, "initial evaluation"));
  }

  private static Judgment licensure(Program p, EvaluationContext ctx) {
    for (License l : p.licenses()) {
      String issuer = l.issuer().toUpperCase(java.util.Locale.ROOT);
      boolean dphOrDmh = issuer.contains("DPH") || issuer.contains("DMH") || issuer.contains("PUBLIC HEALTH")
          || issuer.contains("MENTAL HEALTH");
      if (dphOrDmh && l.massachusetts() && l.validThrough().map(v -> !v.isBefore(ctx.today())).orElse(true)) {
        return Judgment.met("holds a " + l.issuer() + " licence (" + l.kind() + ") valid on " + ctx.today(),
            Evidence.of("license", l.issuer() + ": " + l.kind(), "valid licence"));
      }
    }
    return Judgment.notMet("the program profile holds no Massachusetts DPH or DMH licence valid on " + ctx.today());
  }

  private static Judgment medicationAccess(Program p, EvaluationContext ctx) {
    List<StaffMember> psychiatrists = IopProgram.withRole(p, EnumSet.of(StaffRole.PSYCHIATRIST));
    if (!psychiatrists.isEmpty()) {
      return Judgment.met("a psychiatrist on the staff roster provides medication evaluation and management",
          Evidence.of("staff", psychiatrists.get(0).id(), "psychiatrist"));
    }
    return medicationAgreement(p, ctx);
  }

  private static Judgment medicationAgreement(Program p, EvaluationContext ctx) {
    List<Agreement> agreements = IopProgram.agreements(p, ctx, IopProgram.AFFILIATION_OR_MOU, PartnerCategory.MEDICATION_MANAGEMENT);
    return agreements.isEmpty()
        ? Judgment.notMet("no psychiatrist on the roster and no active affiliation agreement or MOU with a medication-management provider on " + ctx.today())
        : Judgment.met("an active " + agreements.get(0).kind() + " with " + agreements.get(0).partnerName()
            + " ensures access to medication evaluation and management", IopProgram.evidence(agreements.get(0)));
  }

  private static Judgment medicationAgreements(Program p, EvaluationContext ctx) {
    List<StaffMember> psychiatrists = IopProgram.withRole(p, EnumSet.of(StaffRole.PSYCHIATRIST));
    if (!psychiatrists.isEmpty()) {
      return Judgment.notApplicable("medication evaluation and management are provided within the IOP (a psychiatrist is on the roster)",
          Evidence.of("staff", psychiatrists.get(0).id(), "psychiatrist"));
    }
    return medicationAgreement(p, ctx);
  }

  private static Judgment emergencyProcedures(Program p, EvaluationContext ctx) {
    return IopProgram.procedures(p, "procedures for handling medical/psychiatric emergencies",
        ProcedureKind.MEDICAL_PSYCHIATRIC_EMERGENCIES);
  }

  private static Judgment admissionDischargeCriteria(Program p, EvaluationContext ctx) {
    return IopProgram.procedures(p, "admission and discharge criteria", ProcedureKind.ADMISSION_CRITERIA,
        ProcedureKind.DISCHARGE_CRITERIA);
  }

  private static Judgment treatmentPlanProvided(CaseRecord record, EvaluationContext ctx) {
    return IopRecords.documentBy(record, IopRecords.documents(record.episode(), ctx, IopRecords.TREATMENT_PLANS),
        "treatment plan", ctx);
  }

  private static Judgment psychiatristReviewsAdmission(CaseRecord record, EvaluationContext ctx) {
    java.time.LocalDate admitted = ctx.dateOf(IopRecords.admittedAt(record));
    // the reviews dated on or after the admission date: a tail of the documents, which are in date order
    List<Document> all = IopRecords.documents(record.episode(), ctx, PSYCHIATRIC_ADMISSION_REVIEWS);
    int from = 0;
    while (from < all.size() && all.get(from).date().isBefore(admitted)) {
      from++;
    }
    List<Document> reviews = from == 0 ? all : all.subList(from, all.size());
    if (REVIEW_WINDOW.choiceIn(ctx).equals("PLANNING_DEADLINE")) {
      return IopRecords.documentBy(record, reviews, "psychiatric admission review", ctx);
    }
    java.time.LocalDate lastDay = ctx.dateOf(IopRecords.stayEnd(record.episode(), ctx));
    // in date order, so the first review is the earliest: shown when it is dated by the last day
    if (!reviews.isEmpty() && !reviews.get(0).date().isAfter(lastDay)) {
      Document shown = reviews.get(0);
      return Judgments.met("a psychiatric admission review is in the record, dated ", shown.date().toString(), "", "",
          IopRecords.admission(record), IopRecords.evidence(shown));
    }
    Instant discharged = IopRecords.dischargedBy(record.episode(), ctx);
    return discharged != null
        ? Judgments.notMet("the record shows no psychiatric admission review during the stay (discharged ",
            Times.format(discharged, ctx.zone()), ")", "", IopRecords.admission(record))
        : Judgments.notMet("the record shows no psychiatric admission review during the stay so far (as of ",
            Times.format(ctx.asOf(), ctx.zone()), ")", "", IopRecords.admission(record));
  }

  // the documents asked for, as constant sets: IopRecords.documents finds them again per record (by identity)
  private static final Set<DocumentKind> PSYCHIATRIC_ADMISSION_REVIEWS = EnumSet.of(DocumentKind.PSYCHIATRIC_ADMISSION_REVIEW);

  private static Judgment coordinatesWithProviders(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    // treatment and discharge plans, the constant set (a set made per call missed the per-record memo)
    Set<DocumentKind> kinds = IopAssessmentTreatmentPlanning.PLANS;
    List<Document> plans = IopRecords.documents(e, ctx, kinds);
    Set<Party> providers = EnumSet.noneOf(Party.class);
    for (int i = 0, n = plans.size(); i < n; i++) {
      providers.addAll(plans.get(i).developedWith());
    }
    providers.retainAll(PROVIDERS);
    if (providers.isEmpty()) {
      return Judgments.notMet("no treatment or discharge plan was developed with any of the member's providers", "", "", "",
          IopRecords.evidenceList(e, ctx, kinds));
    }
    Set<Party> withoutConsent = EnumSet.copyOf(providers);
    withoutConsent.removeAll(org.perfspecs.checks.Consents.given(e, ctx));
    return withoutConsent.isEmpty()
        ? Judgments.met("plans were developed with ", providers.toString(), ", with the member's consent to share with each", "",
            IopRecords.evidence(plans))
        : Judgments.notMet("plans were developed with ", withoutConsent.toString(), " without the member's documented consent", "",
            IopRecords.evidenceList(e, ctx, kinds));
  }

  private static List<Contact> crisisContacts(CaseRecord record, EvaluationContext ctx) {
    // once per record while the engine evaluates it (three requirements and a condition ask)
    java.util.Map<Episode, List<Contact>> memo = RecordScope.map(CRISIS_CONTACTS, record.episode(), ctx);
    List<Contact> crises = memo == null ? null : memo.get(record.episode());
    if (crises == null) {
      crises = RecordLists.keptSorted(record.episode().contacts(),
          c -> c.kind() == ContactKind.CRISIS_INTERVENTION && ctx.hasHappened(c.at()), CONTACT_ORDER);
      if (memo != null) {
        memo.put(record.episode(), crises);
      }
    }
    return crises;
  }

  private static final RecordScope.Key<java.util.Map<Episode, List<Contact>>> CRISIS_CONTACTS =
      RecordScope.Key.create();
  private static final RecordScope.Key<java.util.Map<Contact, Evidence>> CONTACT_EVIDENCE = RecordScope.Key.create();
  private static final Comparator<Contact> CONTACT_ORDER = Comparator.comparing(Contact::at).thenComparing(Contact::id);

  /** The evidence naming {@code c}: once per contact per record in scope. */
  private static Evidence evidence(Contact c) {
    return RecordScope.memoOf(CONTACT_EVIDENCE, c, IopComponentsOfServices::evidenceOf);
  }

  private static Evidence[] evidence(List<Contact> contacts) {
    Evidence[] out = new Evidence[contacts.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = evidence(contacts.get(i));
    }
    return out;
  }

  private static Evidence evidenceOf(Contact c) {
    return Evidence.of("contact", c.id(), c.at(), CONTACT_NOTES[c.kind().ordinal()]);
  }

  // the note naming a contact of each kind ("crisis intervention contact"), made once per kind
  private static final String[] CONTACT_NOTES = contactNotes();

  private static String[] contactNotes() {
    ContactKind[] kinds = ContactKind.values();
    String[] notes = new String[kinds.length];
    for (ContactKind k : kinds) {
      notes[k.ordinal()] = org.perfspecs.checks.RecordLists.words(k) + " contact";
    }
    return notes;
  }

  private static final Optional<Judgment> NO_CRISIS_CONTACT =
      Optional.of(Judgment.notApplicable("the record shows no crisis contact"));

  private static Optional<Judgment> crisisContact(CaseRecord record, EvaluationContext ctx) {
    return crisisContacts(record, ctx).isEmpty() ? NO_CRISIS_CONTACT : Optional.empty();
  }

  /** A referral made after a crisis contact. */
  private static final class CrisisReferral {
    private final ServiceCategory target;
    // the texts that depend on the requirement alone, made once
    private final String referred;
    private final String notReferred;
    private final String referralNote;

    CrisisReferral(ServiceCategory target, String what) {
      this.target = target;
      this.referred = "the member was referred to the " + what + " after the crisis contact";
      this.notReferred = "no referral to the " + what + " is recorded after the crisis contact";
      this.referralNote = "referral to " + target;
    }

    Judgment judge(CaseRecord record, EvaluationContext ctx) {
      Contact first = crisisContacts(record, ctx).get(0);
      Instant after = first.at();
      // the earliest such referral (the first of equal times, as Stream.min keeps)
      Referral made = null;
      List<Referral> referrals = record.episode().referralsMade();
      for (int i = 0, n = referrals.size(); i < n; i++) {
        Referral r = referrals.get(i);
        Instant at = r.at();
        if ((made == null || at.isBefore(made.at())) && !at.isBefore(after) && ctx.hasHappened(at)
            && r.target().orElse(null) == target) {
          made = r;
        }
      }
      return made != null
          ? Judgment.met(referred, evidence(first), Evidence.of("referral", made.id(), made.at(), referralNote))
          : Judgment.notMet(notReferred, evidence(first));
    }
  }

  private static Judgment crisisOtherInterventions(CaseRecord record, EvaluationContext ctx) {
    List<Contact> crises = crisisContacts(record, ctx);
    List<Contact> all = record.episode().contacts();
    for (int i = 0, n = crises.size(); i < n; i++) {
      Contact c = crises.get(i);
      boolean plan = c.topics().contains(Topic.CRISIS_PREVENTION) || c.topics().contains(Topic.SAFETY_PLANNING);
      boolean followedUp = false;
      for (int j = 0, m = all.size(); j < m && !followedUp; j++) {
        Contact o = all.get(j);
        followedUp = ctx.hasHappened(o.at()) && o.memberEngaged() && o.at().isAfter(c.at());
      }
      if (!plan && !followedUp) {
        return Judgments.notMet("crisis contact ", c.id(), " neither addressed the crisis prevention or safety plan nor was followed up",
            "", evidence(c));
      }
    }
    return Judgment.met("every crisis contact addressed the crisis prevention or safety plan or was followed up",
        evidence(crises));
  }
}

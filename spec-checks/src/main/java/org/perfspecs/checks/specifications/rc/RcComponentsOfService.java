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
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.Document;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.Episode;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.StateAgency;
import org.perfspecs.model.Topic;
import org.perfspecs.model.WellnessPlan;

/**
 * RC "COMPONENTS OF SERVICE", items 1 to 14 (imperatives: MUST). Items about the manner of the
 * peer relationship (support, role modelling, cultural sensitivity, advocacy, person-centred
 * practice, mobile delivery) have no record that can show them and are attested by the program;
 * items with a trace in the record (linkages made for marked needs, accompaniment to meetings,
 * Wellness Plan work, transportation help) judge the episode. The "as needed" / "when
 * appropriate" items apply when the record marks the need ({@link Episode#serviceNeeds()}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RcComponentsOfService extends Section {
  static final String HEADING = "COMPONENTS OF SERVICE";

  /** Needs item 5 links to: treatment (outpatient behavioral health, MAT), peer recovery support, mutual aid (self-help). */
  public static final Set<ServiceCategory> RECOVERY_LINKS = EnumSet.of(ServiceCategory.OUTPATIENT_BEHAVIORAL_HEALTH,
      ServiceCategory.MEDICATION_FOR_ADDICTION_TREATMENT, ServiceCategory.PEER_SUPPORT, ServiceCategory.SELF_HELP);

  /** Needs item 7 connects to: primary and specialty medical, dental, mental health, social services, benefits, legal systems. */
  public static final Set<ServiceCategory> HEALTH_AND_SOCIAL_CONNECTIONS = EnumSet.of(ServiceCategory.PCC,
      ServiceCategory.PRIMARY_HEALTH, ServiceCategory.WALK_IN_MEDICAL, ServiceCategory.DENTIST,
      ServiceCategory.MENTAL_HEALTH, ServiceCategory.PSYCHIATRY, ServiceCategory.SOCIAL_SERVICES,
      ServiceCategory.BENEFITS, ServiceCategory.TRANSITIONAL_ASSISTANCE, ServiceCategory.LEGAL);

  /** Agencies whose meetings item 8 names: probation, social workers and child protection/child welfare. */
  public static final Set<StateAgency> LIAISON_AGENCIES = EnumSet.of(StateAgency.PROBATION, StateAgency.PAROLE,
      StateAgency.COURTS, StateAgency.DCF);

  /** {@index RC.COMP.1}: Item 1, attested. */
  public static final ProgramRequirement EMOTIONAL_SOCIAL_SUPPORT = attested("1", "Provide emotional and social support.");

  /** {@index RC.COMP.2}: Item 2, attested. */
  public static final ProgramRequirement RECOVERY_CAPITAL = attested("2", "Share recovery experience and use coaching and mentoring techniques to support a Member's awareness and understanding that they possess their own recovery capital to help sustain their recovery.");

  /** {@index RC.COMP.3}: Item 3, attested. */
  public static final ProgramRequirement POSITIVE_LIFE_CHANGES = attested("3", "Support Members in making positive life changes and developing skills to facilitate their recovery.");

  /** {@index RC.COMP.4}: Item 4, attested. */
  public static final ProgramRequirement RECOVERY_RELATIONSHIPS = attested("4", "Help Members to discuss and try new strategies for developing recovery-supportive friendships, reconnecting or improving family relationships and identifying and using recovery-community networks.");

  /**
   * {@index RC.COMP.5}: Item 5, "as needed": applies when the record marks a need for treatment (outpatient behavioral
   * health, MAT), peer recovery support or mutual aid (self-help); MET when, for each such need, a
   * referral out of the service to that kind of service is recorded during the stay so far (admission to discharge, or to the as-of time); NOT_MET
   * naming the needs without one.
   */
  public static final EpisodeRequirement LINKS_TO_TREATMENT_AND_SUPPORTS = EpisodeRequirement.of(
      "RC.COMP.5", MUST,
      cite("5", "Assist Members in creating personally meaningful links to treatment, peer recovery support services, and mutual aid, and support them in their efforts to build their capacity to move between and among these services and supports as needed."),
      RcComponentsOfService::linksToTreatmentAndSupports)
      .when(RcConditions.needMarked(RECOVERY_LINKS, "treatment, peer recovery support or mutual aid"));

  /** {@index RC.COMP.6}: Item 6, attested. */
  public static final ProgramRequirement ROLE_MODEL = attested("6", "Act in an open and transparent way as a role model and living example of a person in recovery.");

  /**
   * {@index RC.COMP.7}: Item 7, "when appropriate": applies when the record marks a need for primary or specialty
   * medical, dental or mental health services, or social services (benefits, transitional
   * assistance, legal); MET when each such need has a referral out of the service recorded by the
   * as-of time; NOT_MET naming those without.
   */
  public static final EpisodeRequirement CONNECTIONS_TO_HEALTH_AND_SOCIAL_SERVICES = EpisodeRequirement.of(
      "RC.COMP.7", MUST,
      cite("7", "When appropriate, use the peer relationship to assist with motivation and facilitate connections to primary and specialty medical, dental and mental health services as well as social services, including applying for benefits and navigating other relevant systems, including criminal justice and child protection/child welfare."),
      RcComponentsOfService::connectionsToHealthAndSocialServices)
      .when(RcConditions.needMarked(HEALTH_AND_SOCIAL_CONNECTIONS, "medical, dental, mental health or social services"));

  /**
   * {@index RC.COMP.8}: Item 8: applies when the member is involved with probation, parole, the courts or DCF (an open
   * DCF case counts); MET when the record holds an accompaniment contact (preparing for or
   * accompanying the member to such a meeting) with the member engaged, from admission, by the as-of time and not
   * after discharge; NOT_MET otherwise.
   */
  public static final EpisodeRequirement RECOVERY_LIAISON = EpisodeRequirement.of(
      "RC.COMP.8", MUST,
      cite("8", "Act as a recovery liaison and support the Member in preparing for or accompanying Member to meetings with, for example, probation officers, social workers, and child protection/child welfare workers."),
      RcComponentsOfService::recoveryLiaison)
      .when(RcConditions.involvedWith(LIAISON_AGENCIES, "probation, parole, the courts or DCF"));

  /** {@index RC.COMP.9}: Item 9, attested. */
  public static final ProgramRequirement CULTURALLY_SENSITIVE = attested("9", "Provide linguistically appropriate and culturally sensitive peer recovery supports that embrace the diversity of Members' identities that include racial, ethnic, gender/gender identity, sex, sexual orientation, physical and intellectual challenges and their chosen pathway to recovery.");

  /** {@index RC.COMP.10}: Item 10, attested. */
  public static final ProgramRequirement ADVOCATE = attested("10", "Serve as an advocate for Members and assisting Members in learning self-advocacy skills");

  /** {@index RC.COMP.11.a}: Item 11, first obligation, attested. */
  public static final ProgramRequirement MENTOR = attested("11.a", "Act as a mentor, assisting the Member's recovery process and supporting the Member's goals and decisions;");

  /**
   * {@index RC.COMP.11.b}: Item 11, second obligation: applies once a Wellness Plan is in the record (creating it is
   * {@code RC.DEF.1} / {@code RC.CASE.1}); "enacting" is shown by a connection with the member,
   * on or after the plan's creation date, that addressed the Wellness Plan goals (topic
   * WELLNESS_PLAN_GOALS). No deadline is stated, so the stay so far is judged: MET when such a
   * connection took place by the discharge (or by the as-of time while open); NOT_MET otherwise.
   */
  public static final EpisodeRequirement WELLNESS_PLAN_ENACTING = EpisodeRequirement.of(
      "RC.COMP.11.b", MUST,
      cite("11, second obligation", "support the Member in creating and enacting a Wellness Plan."),
      RcComponentsOfService::wellnessPlanEnacting)
      .when(RcConditions.wellnessPlanInRecord());

  /** {@index RC.COMP.12}: Item 12, attested. */
  public static final ProgramRequirement PERSON_CENTERED = attested("12", "Provide Recovery Coaching services in a person-centered and strength-based manner.");

  /**
   * {@index RC.COMP.13.a}: Item 13, first sentence, "as needed": applies when the record marks a need for transportation;
   * MET when the record holds a transportation contact (any mode) or a transportation assistance
   * note, from admission, by the as-of time and not after discharge; NOT_MET otherwise. Whether the help was
   * temporary is not judged.
   */
  public static final EpisodeRequirement TRANSPORTATION_ASSISTANCE = EpisodeRequirement.of(
      "RC.COMP.13.a", MUST,
      cite("13, first sentence", "Provide temporary assistance with transportation to essential self-help, peer support and medical and behavioral health appointments while transitioning to community-based transportation resources."),
      RcComponentsOfService::transportationAssistance)
      .when(RcConditions.needMarked(EnumSet.of(ServiceCategory.TRANSPORTATION), "transportation"));

  /** {@index RC.COMP.13.b}: Item 13, second sentence (plain present: MUST), attested. */
  public static final ProgramRequirement TRANSPORTATION_AS_OPPORTUNITY = attested("13.b", "The Recovery Coach uses transportation as an opportunity to advance the peer relationship, provide support and mentorship, and/or support the Member's independence in obtaining transportation resources.");

  /** {@index RC.COMP.14}: Item 14, attested (contacts do not record the setting). */
  public static final ProgramRequirement MOBILE_DELIVERY = attested("14", "Delivering services on a mobile basis to Members in any setting that is safe for the Member and staff.");

  RcComponentsOfService() {
    super("COMP", HEADING, List.of(EMOTIONAL_SOCIAL_SUPPORT, RECOVERY_CAPITAL, POSITIVE_LIFE_CHANGES,
        RECOVERY_RELATIONSHIPS, LINKS_TO_TREATMENT_AND_SUPPORTS, ROLE_MODEL, CONNECTIONS_TO_HEALTH_AND_SOCIAL_SERVICES,
        RECOVERY_LIAISON, CULTURALLY_SENSITIVE, ADVOCATE, MENTOR, WELLNESS_PLAN_ENACTING, PERSON_CENTERED,
        TRANSPORTATION_ASSISTANCE, TRANSPORTATION_AS_OPPORTUNITY, MOBILE_DELIVERY));
  }

  static Citation cite(String label, String text) {
    return Citation.of(Rc.SOURCE, HEADING, label, text);
  }

  private static ProgramRequirement attested(String item, String text) {
    return ProgramRequirement.attested("RC.COMP." + item, MUST, cite(item.replace(".a", ", first obligation")
        .replace(".b", ", second sentence"), text));
  }

  private static Judgment linksToTreatmentAndSupports(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    return RcRecords.referredForEach(e, ctx, RcConditions.within(e.serviceNeeds(), RECOVERY_LINKS),
        "treatment, peer recovery support or mutual aid");
  }

  private static Judgment connectionsToHealthAndSocialServices(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    return RcRecords.referredForEach(e, ctx, RcConditions.within(e.serviceNeeds(), HEALTH_AND_SOCIAL_CONNECTIONS),
        "medical, dental, mental health or social services");
  }

  private static Judgment recoveryLiaison(CaseRecord record, EvaluationContext ctx) {
    Contact c = RcRecords.firstContact(record.episode(), ctx,
        x -> x.kind() == ContactKind.ACCOMPANIMENT && x.memberEngaged());
    if (c == null) {
      return Judgment.notMet("the record shows no contact preparing for or accompanying the member to a meeting with "
          + "probation, parole, the courts or DCF");
    }
    return Judgment.met("the recovery coach prepared for or accompanied the member to a meeting",
        RcRecords.contact(c, "accompaniment"));
  }

  private static Judgment wellnessPlanEnacting(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    WellnessPlan plan = RcRecords.wellnessPlan(e, ctx).orElseThrow(); // the condition guarantees it
    String what = "connection addressing the Wellness Plan goals";
    Contact c = RcRecords.first(RcRecords.connections(e, ctx),
        x -> x.topics().contains(Topic.WELLNESS_PLAN_GOALS) && !ctx.dateOf(x.at()).isBefore(plan.createdOn()));
    Optional<Evidence> first = c == null ? Optional.empty() : Optional.of(RcRecords.contact(c, what));
    return RcRecords.shownDuringStay(e, ctx, what, first, RcRecords.wellnessPlan(plan));
  }

  private static Judgment transportationAssistance(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    Contact ride = RcRecords.firstContact(e, ctx, c -> c.kind() == ContactKind.TRANSPORTATION);
    if (ride != null) {
      return Judgment.met("the record shows transportation assistance", RcRecords.contact(ride, "transportation"));
    }
    Instant end = RcRecords.serviceEnd(e, ctx);
    LocalDate first = RcRecords.admitted(e, ctx).map(ctx::dateOf).orElse(LocalDate.MIN);
    Optional<Document> note = e.documents().stream()
        .filter(d -> d.kind() == DocumentKind.TRANSPORTATION_ASSISTANCE_NOTE && ctx.hasBegun(d.date())
            && !d.date().isBefore(first) && !d.date().isAfter(ctx.dateOf(end)))
        .findFirst();
    return note.isPresent()
        ? Judgment.met("the record shows transportation assistance",
            Evidence.onDate("document", note.get().id(), note.get().date(), "transportation assistance note"))
        : Judgment.notMet("the record marks a need for transportation but shows no transportation assistance");
  }
}

package org.perfspecs.checks.specifications.csp;

import static org.perfspecs.checks.Strength.MUST;
import static org.perfspecs.checks.Strength.SHOULD;

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
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Section;
import org.perfspecs.model.Agreement;
import org.perfspecs.model.AgreementKind;
import org.perfspecs.model.AppointmentKind;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Document;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.Episode;
import org.perfspecs.model.PartnerCategory;
import org.perfspecs.model.Party;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.ServicePlan;

/** CSP "Service, community and collateral linkages". */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CspLinkages extends Section {
  static final String HEADING = "Service, community and collateral linkages";

  /** Parties that stand for a state agency in consents and plans. */
  static final Set<Party> STATE_AGENCY_PARTIES = EnumSet.of(Party.STATE_AGENCY, Party.DMH_CLINICIAN, Party.DCF_CASEWORKER,
      Party.PROBATION_OR_PAROLE);

  /**
   * {@index CSP.LINK.1}: Item 1, first sentence: service linkage with the member's dentist, shown by a referral made to a
   * dentist or a dental appointment booked. No deadline is given:
   * judged over the stay so far (admission to discharge, or to the as-of time while enrolled), MET
   * when the record shows it within that span and NOT_MET when it does not; applies once the member
   * is admitted.
   * (The second sentence, "This may include ...", illustrates and adds nothing.)
   */
  public static final EpisodeRequirement DENTIST_LINKAGE = EpisodeRequirement.of(
      "CSP.LINK.1", MUST,
      cite("1, first sentence", "The CSP provider facilitates service linkage with the Member's dentist."),
      CspLinkages::dentistLinkage)
      .when(CspConditions.admitted());

  /**
   * {@index CSP.LINK.2.a}: Item 2, first sentence: when state agencies are involved with the member and consent is given,
   * the provider participates in developing an interagency service plan. Applies when the member
   * record lists an involved state agency and the member consented to share with a state agency
   * (a state agency, DMH clinician, DCF caseworker or probation/parole); shown by an interagency
   * service plan dated during the stay. No deadline is given:
   * judged over the stay so far (admission to discharge, or to the as-of time while enrolled), MET
   * when the record shows it within that span and NOT_MET when it does not; applies once the member
   * is admitted.
   */
  public static final EpisodeRequirement INTERAGENCY_SERVICE_PLAN = EpisodeRequirement.of(
      "CSP.LINK.2.a", MUST,
      cite("2, first sentence", "When state agencies (DMH, DCF, DYS, DPH, DESE, DDS, probation office, and the courts) are involved with the Member and when consent is given, the CSP provider participates in the development of an interagency service plan."),
      CspLinkages::interagencyServicePlan)
      .when(Condition.of("state agencies are involved with the member and the member consented to share with them",
          CspLinkages::stateAgenciesAndConsent))
      .when(CspConditions.admitted());

  /**
   * {@index CSP.LINK.2.b}: Item 2, second sentence: "Ideally, all parties, including the CSP provider, will sign this
   * service agreement." SHOULD ("ideally"). Applies once an interagency service plan is in the
   * record; met when the latest one bears a CSP staff signature (the other parties' signatures are
   * not recorded by the model).
   */
  public static final EpisodeRequirement INTERAGENCY_PLAN_SIGNED = EpisodeRequirement.of(
      "CSP.LINK.2.b", SHOULD,
      cite("2, second sentence", "Ideally, all parties, including the CSP provider, will sign this service agreement."),
      CspLinkages::interagencyPlanSigned)
      .when(Condition.of("an interagency service plan is in the record", CspLinkages::interagencyPlanPresent));

  /**
   * {@index CSP.LINK.3}: Item 3: natural support linkages are part of the member's care plan. Applies once a written
   * service plan is in the record; met when the plan was developed with the member's natural
   * supports (family, significant other, caregiver, guardian or natural supports).
   */
  public static final EpisodeRequirement NATURAL_SUPPORTS_IN_CARE_PLAN = EpisodeRequirement.of(
      "CSP.LINK.3", MUST,
      cite("3", "Building/supporting linkages with the Member's natural support system, including friends, family, significant others, and self-help groups (AA, NA, Double Trouble, etc.) will be an ongoing and active part of the Member's care plan"),
      CspLinkages::naturalSupportsInCarePlan)
      .when(CspConditions.writtenPlan());

  /**
   * {@index CSP.LINK.4}: Item 4: a formal affiliation with the Emergency Service Program (ESP/MCI): an AFFILIATION
   * agreement with an EMERGENCY_SERVICE_PROGRAM partner in force on the as-of date.
   */
  public static final ProgramRequirement ESP_AFFILIATION = ProgramRequirement.of(
      "CSP.LINK.4", MUST,
      cite("4", "A formal affiliation with the Emergency Service Program (ESP/MCI) is required."),
      CspLinkages::espAffiliation);

  CspLinkages() {
    super("LINK", HEADING, List.of(DENTIST_LINKAGE, INTERAGENCY_SERVICE_PLAN, INTERAGENCY_PLAN_SIGNED,
        NATURAL_SUPPORTS_IN_CARE_PLAN, ESP_AFFILIATION));
  }

  static Citation cite(String label, String text) {
    return Citation.of(Csp.SOURCE, HEADING, label, text);
  }

  private static Judgment dentistLinkage(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    List<Referral> referrals = CspRecords.referralsDuringStay(e, ctx);
    List<org.perfspecs.model.Appointment> appointments = e.appointments();
    // ev[0] is the admission's (shownDuringStay): the referrals to a dentist, then the dental appointments
    Evidence[] shown = new Evidence[1 + referrals.size() + appointments.size()];
    int count = 1;
    ServiceCategory[] targets = CspRecords.targetsDuringStay(e, ctx);
    for (int i = 0, n = referrals.size(); i < n; i++) {
      if (targets[i] == ServiceCategory.DENTIST) {
        shown[count++] = CspRecords.evidence(referrals.get(i));
      }
    }
    for (int i = 0, n = appointments.size(); i < n; i++) {
      org.perfspecs.model.Appointment a = appointments.get(i);
      if (a.kind() == AppointmentKind.DENTAL && CspRecords.inStayOnce(e, a.scheduledAt(), ctx)) {
        shown[count++] = Evidence.of("appointment", a.id(), a.at(), "dental appointment");
      }
    }
    return CspRecords.shownDuringStay(e, ctx, shown, count, "the record shows linkage with a dentist",
        "the record shows no referral to a dentist and no dental appointment booked");
  }

  private static Optional<Judgment> stateAgenciesAndConsent(CaseRecord record, EvaluationContext ctx) {
    if (record.member().stateAgencies().isEmpty()) {
      return NO_STATE_AGENCY;
    }
    return org.perfspecs.checks.Consents.withoutConsent(record.episode(), ctx, STATE_AGENCY_PARTIES,
        "the state agencies involved");
  }

  private static final Optional<Judgment> NO_STATE_AGENCY =
      Optional.of(Judgment.notApplicable("no state agency is involved with the member"));

  private static List<Document> interagencyPlans(Episode e, EvaluationContext ctx) {
    return CspRecords.documents(e, ctx, DocumentKind.INTERAGENCY_SERVICE_PLAN);
  }

  private static Judgment interagencyServicePlan(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    List<Document> docs = CspRecords.documentsDuringStay(e, ctx, DocumentKind.INTERAGENCY_SERVICE_PLAN);
    Evidence[] shown = new Evidence[1 + docs.size()];
    for (int i = 0; i < docs.size(); i++) {
      shown[1 + i] = CspRecords.evidence(docs.get(i));
    }
    return CspRecords.shownDuringStay(e, ctx, shown, shown.length, "an interagency service plan is in the record",
        "no interagency service plan is in the record although state agencies are involved and consent was given,");
  }

  private static Optional<Judgment> interagencyPlanPresent(CaseRecord record, EvaluationContext ctx) {
    return interagencyPlans(record.episode(), ctx).isEmpty() ? NO_INTERAGENCY_PLAN : Optional.empty();
  }

  // the same for every record (immutable): made once
  private static final Optional<Judgment> NO_INTERAGENCY_PLAN =
      Optional.of(Judgment.notApplicable("no interagency service plan is in the record"));

  private static Judgment interagencyPlanSigned(CaseRecord record, EvaluationContext ctx) {
    List<Document> plans = interagencyPlans(record.episode(), ctx);
    Document latest = plans.get(plans.size() - 1);
    return latest.staffSignatures().isEmpty()
        ? Judgment.notMet("the interagency service plan bears no CSP staff signature", CspRecords.evidence(latest))
        : Judgment.met("the interagency service plan is signed by CSP staff " + String.join(", ", latest.staffSignatures()),
            CspRecords.evidence(latest));
  }

  private static Judgment naturalSupportsInCarePlan(CaseRecord record, EvaluationContext ctx) {
    ServicePlan plan = CspRecords.plan(record.episode(), ctx).orElseThrow();
    return RecordLists.anyIn(plan.developedWith(), CspServices.NATURAL_SUPPORTS)
        ? org.perfspecs.checks.Judgments.met("the service plan was developed with the member's natural supports",
            CspRecords.evidenceList(plan))
        : org.perfspecs.checks.Judgments.notMet("the service plan does not involve the member's natural support system",
            CspRecords.evidenceList(plan));
  }

  private static Judgment espAffiliation(org.perfspecs.model.Program program, EvaluationContext ctx) {
    Optional<Agreement> a = program.agreements().stream()
        .filter(x -> x.kind() == AgreementKind.AFFILIATION && x.partnerCategory() == PartnerCategory.EMERGENCY_SERVICE_PROGRAM
            && x.isActiveOn(ctx.today()))
        .findFirst();
    return a.isPresent()
        ? Judgment.met("affiliation agreement " + a.get().id() + " with " + a.get().partnerName() + " (ESP/MCI) is in force",
            Evidence.onDate("agreement", a.get().id(), a.get().signedOn(), "ESP/MCI affiliation"))
        : Judgment.notMet("the profile holds no affiliation agreement with an Emergency Service Program (ESP/MCI) in force on " + ctx.today());
  }
}

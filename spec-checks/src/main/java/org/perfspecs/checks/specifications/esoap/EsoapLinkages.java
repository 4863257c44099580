package org.perfspecs.checks.specifications.esoap;

import static org.perfspecs.checks.Strength.MAY;
import static org.perfspecs.checks.Strength.MUST;

import java.util.ArrayList;
import java.util.EnumSet;
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
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Section;
import org.perfspecs.model.Agreement;
import org.perfspecs.model.Attestation;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.PartnerCategory;
import org.perfspecs.model.Program;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ReferralOutcome;
import org.perfspecs.model.ServiceCategory;

/**
 * ESOAP "SERVICE, COMMUNITY AND COLLATERAL LINKAGES".
 *
 * <p>Item 2: a working relationship is shown by a written agreement (any kind) active on the as-of
 * date with an organisation of a matching {@link PartnerCategory}, or, where the relationship is
 * not written, by an attestation for the requirement's id. The three lettered kinds of program
 * "may" be among them (MAY); at least one relationship with a community-based program serving
 * pregnant individuals is required (MUST).
 *
 * <p>Item 3 applies to members whose record marks a need for one of the community services of
 * items 2.a-c ({@link #COMMUNITY_SERVICES}); the documentation of the efforts is how 3.a and 3.b
 * are judged (what is not documented was not done).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class EsoapLinkages extends Section {
  static final String HEADING = "SERVICE, COMMUNITY AND COLLATERAL LINKAGES";

  static final Set<PartnerCategory> SOCIAL = EnumSet.of(PartnerCategory.SOCIAL_SERVICES_ORGANIZATION,
      PartnerCategory.EMERGENCY_SERVICE_PROGRAM);
  static final Set<PartnerCategory> FAMILY = EnumSet.of(PartnerCategory.FAMILY_SERVICES_ORGANIZATION,
      PartnerCategory.HOME_VISITING, PartnerCategory.EARLY_INTERVENTION);
  static final Set<PartnerCategory> MEDICAL = EnumSet.of(PartnerCategory.PERINATAL_MEDICAL_SERVICES,
      PartnerCategory.OBSTETRIC_PRACTICE, PartnerCategory.OB_GYN_PRACTICE);

  /** The community services of items 2.a-c as service needs and referral targets. */
  public static final Set<ServiceCategory> COMMUNITY_SERVICES = EnumSet.of(
      ServiceCategory.SOCIAL_SERVICES, ServiceCategory.CRISIS_SERVICES, ServiceCategory.INTIMATE_PARTNER_VIOLENCE,
      ServiceCategory.VIOLENCE_PREVENTION, ServiceCategory.HOUSING, ServiceCategory.LEGAL,
      ServiceCategory.HOME_VISITING, ServiceCategory.DIAPER_BANK, ServiceCategory.HEALTHY_START,
      ServiceCategory.WIC_NUTRITION, ServiceCategory.HIGH_RISK_INFANT_FAMILY_SUPPORT, ServiceCategory.EARLY_INTERVENTION,
      ServiceCategory.CHILDCARE, ServiceCategory.FAMILY_REPRODUCTIVE_HEALTH, ServiceCategory.DOULA,
      ServiceCategory.PRENATAL_CARE, ServiceCategory.LACTATION_SUPPORT);

  /** {@index ESOAP.LINK.1}: Item 1: deferral to the General Performance Specifications. */
  public static final ProgramRequirement GENERAL_SPECIFICATIONS = ProgramRequirement.external(
      "ESOAP.LINK.1", MUST,
      cite("1", "The Enhanced SOAP (ASAM Intensive Outpatient Program) for Pregnant Members complies with all provisions of the corresponding section in the General Performance Specifications."),
      Esoap.GENERAL_SPECIFICATIONS + ", Service, Community and Collateral Linkages");

  /**
   * {@index ESOAP.LINK.2}: Item 2, stem: working relationships with community-based programs
   * serving pregnant individuals (any of 2.a-c).
   */
  public static final ProgramRequirement WORKING_RELATIONSHIPS = relationship("ESOAP.LINK.2", MUST, "2",
      "The Enhanced SOAP for Pregnant Members establishes working relationships with appropriate community-based programs that serve individuals who are pregnant",
      "a community-based program serving pregnant individuals", union());

  /** {@index ESOAP.LINK.2.a}: Item 2.a: social services organisations. */
  public static final ProgramRequirement SOCIAL_SERVICES = relationship("ESOAP.LINK.2.a", MAY, "2.a",
      "a. Social Services Organizations: CBHI, the Behavioral Health Helpline, mobile crisis interventions, domestic violence shelters and violence prevention programs, housing assistance programs (including CSP-HI or CSP-JI), and legal services.",
      "a social services organization", SOCIAL);

  /** {@index ESOAP.LINK.2.b}: Item 2.b: family services organisations. */
  public static final ProgramRequirement FAMILY_SERVICES = relationship("ESOAP.LINK.2.b", MAY, "2.b",
      "b. Family Services Organizations: Home visiting programs, diaper banks and other community-based organizations that provide baby supplies, Healthy Start, Women, Infants, and Children (WIC) and other nutritional programs, high-risk infant/family support programs, early intervention programs and organizations that provide childcare or babysitting.",
      "a family services organization", FAMILY);

  /** {@index ESOAP.LINK.2.c}: Item 2.c: medical services. */
  public static final ProgramRequirement MEDICAL_SERVICES = relationship("ESOAP.LINK.2.c", MAY, "2.c",
      "c. Medical Services: Family/ reproductive health programs, doula care, prenatal care, lactation, and infant feeding support.",
      "a perinatal medical service", MEDICAL);

  private static final String ITEM_3 = "The Enhanced SOAP for Pregnant Members provides referrals to these community-based programs, assists Members in linking to those services, and documents all efforts and referrals made in the Member's health record.";

  private static final Condition COMMUNITY_NEED = EsoapRecords.serviceNeed("a community-based service of items 2.a-c",
      COMMUNITY_SERVICES.toArray(ServiceCategory[]::new));

  /**
   * {@index ESOAP.LINK.3.a}: Item 3, first obligation: for every community service the record marks as needed, a referral
   * to it made by the as-of time. NOT_MET names the needs without a referral.
   */
  public static final EpisodeRequirement REFERRALS_TO_COMMUNITY_PROGRAMS = EpisodeRequirement.of(
      "ESOAP.LINK.3.a", MUST, cite("3, first obligation (referrals, documented)", ITEM_3),
      EsoapLinkages::referralsToCommunityPrograms)
      .when(Conditions.pregnantOrPostpartumAtAdmission())
      .when(COMMUNITY_NEED);

  /**
   * {@index ESOAP.LINK.3.b}: Item 3, second obligation: for every community service the record marks as needed, a referral
   * to it that shows help linking: a follow-up recorded by the as-of time, or an outcome of
   * connected or attended. NOT_MET names the needs without one.
   */
  public static final EpisodeRequirement LINKING_ASSISTANCE = EpisodeRequirement.of(
      "ESOAP.LINK.3.b", MUST, cite("3, second obligation (assistance linking, documented)", ITEM_3),
      EsoapLinkages::linkingAssistance)
      .when(Conditions.pregnantOrPostpartumAtAdmission())
      .when(COMMUNITY_NEED);

  EsoapLinkages() {
    super("LINK", HEADING, List.of(GENERAL_SPECIFICATIONS, WORKING_RELATIONSHIPS, SOCIAL_SERVICES, FAMILY_SERVICES,
        MEDICAL_SERVICES, REFERRALS_TO_COMMUNITY_PROGRAMS, LINKING_ASSISTANCE));
  }

  static Citation cite(String label, String text) {
    return Citation.of(Esoap.SOURCE, HEADING, label, text);
  }

  private static Set<PartnerCategory> union() {
    Set<PartnerCategory> all = EnumSet.copyOf(SOCIAL);
    all.addAll(FAMILY);
    all.addAll(MEDICAL);
    return all;
  }

  private static ProgramRequirement relationship(String id, org.perfspecs.checks.Strength strength, String label,
      String text, String what, Set<PartnerCategory> partners) {
    return ProgramRequirement.of(id, strength, cite(label, text), new Relationship(id, what, partners)::judge);
  }

  /** A working relationship with an organisation of one of {@code partners}. */
  private static final class Relationship {
    private final String id;
    private final String what;
    private final Set<PartnerCategory> partners;

    Relationship(String id, String what, Set<PartnerCategory> partners) {
      this.id = id;
      this.what = what;
      this.partners = partners;
    }

    Judgment judge(Program program, EvaluationContext ctx) {
      Optional<Agreement> agreement = program.agreements().stream()
          .filter(a -> partners.contains(a.partnerCategory()) && a.isActiveOn(ctx.today()))
          .findFirst();
      if (agreement.isPresent()) {
        Agreement a = agreement.get();
        return Judgment.met("active " + org.perfspecs.checks.RecordLists.words(a.kind()) + " agreement " + a.id()
            + " with " + what + " (" + a.partnerCategory() + ")",
            Evidence.onDate("agreement", a.id(), a.signedOn(), a.partnerCategory() + " agreement"));
      }
      Optional<Attestation> attested = EsoapRecords.attestation(program, id, ctx);
      if (attested.isPresent()) {
        return Judgment.met("a working relationship with " + what + " is attested by " + attested.get().attestedBy()
            + " on " + attested.get().attestedOn(), EsoapRecords.evidence(attested.get()));
      }
      return Judgment.notMet("no active agreement with " + what + " and no attestation of a working relationship");
    }
  }

  private static Set<ServiceCategory> needs(CaseRecord record) {
    Set<ServiceCategory> needs = EnumSet.noneOf(ServiceCategory.class);
    needs.addAll(record.episode().serviceNeeds());
    needs.retainAll(COMMUNITY_SERVICES);
    return needs;
  }

  private static Judgment referralsToCommunityPrograms(CaseRecord record, EvaluationContext ctx) {
    Set<ServiceCategory> missing = EnumSet.noneOf(ServiceCategory.class);
    List<Evidence> evidence = new ArrayList<>();
    for (ServiceCategory need : needs(record)) {
      Referral referral = EsoapRecords.firstReferralTo(record.episode(), need, ctx);
      if (referral == null) {
        missing.add(need);
      } else {
        evidence.add(EsoapRecords.evidence(referral));
      }
    }
    return missing.isEmpty()
        ? Judgment.met("the member was referred for every community service the record marks as needed",
            evidence.toArray(Evidence[]::new))
        : Judgment.notMet("no referral is documented for needed community service(s): " + EsoapRecords.names(missing),
            evidence.toArray(Evidence[]::new));
  }

  /** A referral followed up by the as-of time, or whose outcome is connected or attended. */
  private static boolean linked(Referral r, EvaluationContext ctx) {
    Optional<java.time.Instant> followedUp = r.followedUpAt();
    if (followedUp.isPresent() && ctx.hasHappened(followedUp.get())) {
      return true;
    }
    Optional<ReferralOutcome> outcome = r.outcome();
    return outcome.isPresent() && (outcome.get() == ReferralOutcome.CONNECTED || outcome.get() == ReferralOutcome.ATTENDED);
  }

  private static Judgment linkingAssistance(CaseRecord record, EvaluationContext ctx) {
    Set<ServiceCategory> missing = EnumSet.noneOf(ServiceCategory.class);
    List<Evidence> evidence = new ArrayList<>();
    for (ServiceCategory need : needs(record)) {
      Referral linked = EsoapRecords.firstReferralTo(record.episode(), need, r -> linked(r, ctx), ctx);
      if (linked != null) {
        evidence.add(EsoapRecords.evidence(linked));
      } else {
        missing.add(need);
      }
    }
    return missing.isEmpty()
        ? Judgment.met("help linking the member to every needed community service is documented", evidence.toArray(Evidence[]::new))
        : Judgment.notMet("no help linking the member is documented for needed community service(s): "
            + EsoapRecords.names(missing), evidence.toArray(Evidence[]::new));
  }
}

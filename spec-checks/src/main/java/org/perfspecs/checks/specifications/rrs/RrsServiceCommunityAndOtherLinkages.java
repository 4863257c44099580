package org.perfspecs.checks.specifications.rrs;

import static org.perfspecs.checks.Strength.MUST;
import static org.perfspecs.checks.specifications.rrs.RrsStay.ADMITTED;
import static org.perfspecs.checks.specifications.rrs.RrsStay.words;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Section;
import org.perfspecs.model.Agreement;
import org.perfspecs.model.AgreementKind;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.PartnerCategory;
import org.perfspecs.model.Program;
import org.perfspecs.model.ServiceCategory;

/**
 * RRS for Pregnant and Post-Partum Women "SERVICE, COMMUNITY AND OTHER LINKAGES".
 *
 * <p>Item 5 lists fourteen services, one requirement each ({@code LINK.5.a} to {@code LINK.5.n}):
 * "based on individual Enrollee needs", each applies when the record marks the need ({@link
 * org.perfspecs.model.Episode#serviceNeeds()}), and is MET by a referral made to that service
 * during the stay (the record's form of a linkage). "Initiated upon admission" gives no window in
 * hours or days, so no deadline is computed: a linkage not yet recorded is NOT_MET.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RrsServiceCommunityAndOtherLinkages extends Section {
  static final String HEADING = "SERVICE, COMMUNITY AND OTHER LINKAGES";

  /** {@index RRS_PPW.LINK.1}: Item 1: deferral to 105 CMR 164 on community connections and collateral linkages. */
  public static final ProgramRequirement LICENSURE_LINKAGES = ProgramRequirement.external(
      "RRS_PPW.LINK.1", MUST,
      cite("1", "The provider complies with all provisions of 105 CMR 164.000 Licensure of Substance Use Disorder Treatment Programs related to community connections and collateral linkages."),
      RrsPpw.CMR_105_164 + ", provisions on community connections and collateral linkages");

  /**
   * {@index RRS_PPW.LINK.2.a}: Item 2, first obligation: an operational agreement with the administrator of the Pregnant
   * Women's Access Line, active on the as-of date.
   */
  public static final ProgramRequirement ACCESS_LINE_AGREEMENT = ProgramRequirement.of(
      "RRS_PPW.LINK.2.a", MUST,
      cite("2, first obligation", "The provider has a documented operational agreement with the administrator of the Pregnant Women's Access Line"),
      new OperationalAgreement("the administrator of the Pregnant Women's Access Line",
          EnumSet.of(PartnerCategory.PREGNANT_WOMENS_ACCESS_LINE))::judge);

  /**
   * {@index RRS_PPW.LINK.2.b}: Item 2, second obligation: regularly shares information about availability and the wait list
   * with the Access Line (attested: the profile's capacity updates are those made on the
   * Massachusetts Behavioral Health Access website, not to the Access Line).
   */
  public static final ProgramRequirement ACCESS_LINE_SHARING = ProgramRequirement.attested(
      "RRS_PPW.LINK.2.b", MUST,
      cite("2, second obligation", "regularly shares information about program availability and wait list."));

  /**
   * {@index RRS_PPW.LINK.3}: Item 3: an operational agreement with an obstetrical practice (obstetric or OB/GYN practice)
   * or a birthing hospital, active on the as-of date.
   */
  public static final ProgramRequirement OBSTETRIC_AGREEMENT = ProgramRequirement.of(
      "RRS_PPW.LINK.3", MUST,
      cite("3", "The provider has a documented operational agreement with obstetrical practices and/or birthing hospitals in the area, allowing for coordinated prenatal and postpartum care."),
      new OperationalAgreement("an obstetrical practice or birthing hospital", EnumSet.of(PartnerCategory.OBSTETRIC_PRACTICE,
          PartnerCategory.OB_GYN_PRACTICE, PartnerCategory.BIRTHING_HOSPITAL))::judge);

  /**
   * {@index RRS_PPW.LINK.4.a}: Item 4, early intervention: collaboration shown by an agreement of any kind with an early
   * intervention program, active on the as-of date.
   */
  public static final ProgramRequirement EARLY_INTERVENTION_COLLABORATION = ProgramRequirement.of(
      "RRS_PPW.LINK.4.a", MUST,
      cite("4, early intervention", "The provider ensures collaboration with early intervention, home visiting, and other home-based outpatient services so that Enrollees can receive care from outpatient providers on-site."),
      new Collaboration("an early intervention program", PartnerCategory.EARLY_INTERVENTION)::judge);

  /**
   * {@index RRS_PPW.LINK.4.b}: Item 4, home visiting: collaboration shown by an agreement of any kind with a home visiting
   * program, active on the as-of date. ("Other home-based outpatient services" names no category
   * that can be checked.)
   */
  public static final ProgramRequirement HOME_VISITING_COLLABORATION = ProgramRequirement.of(
      "RRS_PPW.LINK.4.b", MUST,
      cite("4, home visiting", "The provider ensures collaboration with early intervention, home visiting, and other home-based outpatient services so that Enrollees can receive care from outpatient providers on-site."),
      new Collaboration("a home visiting program", PartnerCategory.HOME_VISITING)::judge);

  /** {@index RRS_PPW.LINK.5.a}: Item 5.a. */
  public static final EpisodeRequirement LINK_PRENATAL_CARE = linkage("a", "Prenatal care;",
      ServiceCategory.PRENATAL_CARE, ServiceCategory.OBSTETRIC_PROVIDER);
  /** {@index RRS_PPW.LINK.5.b}: Item 5.b. */
  public static final EpisodeRequirement LINK_FAMILY_REPRODUCTIVE_HEALTH = linkage("b",
      "Family/reproductive health programs;", ServiceCategory.FAMILY_REPRODUCTIVE_HEALTH);
  /** {@index RRS_PPW.LINK.5.c}: Item 5.c. */
  public static final EpisodeRequirement LINK_EARLY_INTERVENTION = linkage("c", "Early Intervention programs;",
      ServiceCategory.EARLY_INTERVENTION);
  /** {@index RRS_PPW.LINK.5.d}: Item 5.d. */
  public static final EpisodeRequirement LINK_HIGH_RISK_INFANT = linkage("d",
      "High-risk infant/family support programs;", ServiceCategory.HIGH_RISK_INFANT_FAMILY_SUPPORT);
  /** {@index RRS_PPW.LINK.5.e}: Item 5.e. */
  public static final EpisodeRequirement LINK_HEALTHY_START = linkage("e", "Healthy Start;",
      ServiceCategory.HEALTHY_START);
  /** {@index RRS_PPW.LINK.5.f}: Item 5.f. */
  public static final EpisodeRequirement LINK_WIC = linkage("f", "WIC and other nutritional programs;",
      ServiceCategory.WIC_NUTRITION);
  /** {@index RRS_PPW.LINK.5.g}: Item 5.g. */
  public static final EpisodeRequirement LINK_MAT = linkage("g", "Medication-Assisted Treatment services;",
      ServiceCategory.MEDICATION_FOR_ADDICTION_TREATMENT);
  /** {@index RRS_PPW.LINK.5.h}: Item 5.h. */
  public static final EpisodeRequirement LINK_INTIMATE_PARTNER_VIOLENCE = linkage("h",
      "Intimate partner violence and safe relationships services;", ServiceCategory.INTIMATE_PARTNER_VIOLENCE);
  /** {@index RRS_PPW.LINK.5.i}: Item 5.i. */
  public static final EpisodeRequirement LINK_VIOLENCE_PREVENTION = linkage("i", "Violence prevention programs;",
      ServiceCategory.VIOLENCE_PREVENTION);
  /** {@index RRS_PPW.LINK.5.j}: Item 5.j. */
  public static final EpisodeRequirement LINK_CHILDCARE = linkage("j", "Childcare/babysitting;",
      ServiceCategory.CHILDCARE);
  /** {@index RRS_PPW.LINK.5.k}: Item 5.k. */
  public static final EpisodeRequirement LINK_HOUSING = linkage("k", "Housing preparation;", ServiceCategory.HOUSING);
  /** {@index RRS_PPW.LINK.5.l}: Item 5.l. */
  public static final EpisodeRequirement LINK_TRANSPORTATION = linkage("l", "Transportation;",
      ServiceCategory.TRANSPORTATION);
  /** {@index RRS_PPW.LINK.5.m}: Item 5.m. */
  public static final EpisodeRequirement LINK_LEGAL = linkage("m", "Legal service;", ServiceCategory.LEGAL);
  /** {@index RRS_PPW.LINK.5.n}: Item 5.n. */
  public static final EpisodeRequirement LINK_TRANSITIONAL_ASSISTANCE = linkage("n", "Transitional assistance.",
      ServiceCategory.TRANSITIONAL_ASSISTANCE);

  RrsServiceCommunityAndOtherLinkages() {
    super("LINK", HEADING, List.of(LICENSURE_LINKAGES, ACCESS_LINE_AGREEMENT, ACCESS_LINE_SHARING, OBSTETRIC_AGREEMENT,
        EARLY_INTERVENTION_COLLABORATION, HOME_VISITING_COLLABORATION,
        LINK_PRENATAL_CARE, LINK_FAMILY_REPRODUCTIVE_HEALTH, LINK_EARLY_INTERVENTION, LINK_HIGH_RISK_INFANT,
        LINK_HEALTHY_START, LINK_WIC, LINK_MAT, LINK_INTIMATE_PARTNER_VIOLENCE, LINK_VIOLENCE_PREVENTION,
        LINK_CHILDCARE, LINK_HOUSING, LINK_TRANSPORTATION, LINK_LEGAL, LINK_TRANSITIONAL_ASSISTANCE));
  }

  static Citation cite(String label, String text) {
    return Citation.of(RrsPpw.SOURCE, HEADING, label, text);
  }

  /**
   * One element of item 5: applies when the record marks a need for {@code need}; MET by a
   * referral made during the stay to {@code need} or one of {@code alsoCounts}.
   */
  private static EpisodeRequirement linkage(String letter, String text, ServiceCategory need,
      ServiceCategory... alsoCounts) {
    Set<ServiceCategory> targets = EnumSet.of(need, alsoCounts);
    return EpisodeRequirement.of("RRS_PPW.LINK.5." + letter, MUST,
        cite("5." + letter + " (based on the member's needs)", text),
        new Linkage(words(need.name()), targets)::judge)
        .when(RrsStay.needs(need)).when(ADMITTED);
  }

  /** A linkage (referral made during the stay) to one of {@code targets}. */
  private record Linkage(String what, Set<ServiceCategory> targets) {
    Judgment judge(CaseRecord record, EvaluationContext ctx) {
      return RrsStay.shownDuringStay(record, ctx, "linkage (referral made) to " + what,
          RrsStay.referralTo(record.episode(), targets, ctx).map(RrsStay::evidence));
    }
  }

  /** An operational agreement with one of {@code partners}, active on the as-of date. */
  private record OperationalAgreement(String with, Set<PartnerCategory> partners) {
    Judgment judge(Program program, EvaluationContext ctx) {
      Optional<Agreement> a = program.agreements().stream()
          .filter(g -> g.kind() == AgreementKind.OPERATIONAL && partners.contains(g.partnerCategory()) && g.isActiveOn(ctx.today()))
          .findFirst();
      return a.map(g -> Judgment.met("an operational agreement with " + with + " is active on " + ctx.today(),
              RrsServiceComponents.agreementEvidence(g)))
          .orElseGet(() -> Judgment.notMet("the program profile holds no operational agreement with " + with
              + " active on " + ctx.today()));
    }
  }

  /** Collaboration with {@code partner}: an agreement of any kind, active on the as-of date. */
  private record Collaboration(String with, PartnerCategory partner) {
    Judgment judge(Program program, EvaluationContext ctx) {
      Optional<Agreement> a = program.agreements().stream()
          .filter(g -> g.partnerCategory() == partner && g.isActiveOn(ctx.today()))
          .findFirst();
      return a.map(g -> Judgment.met("an agreement with " + with + " is active on " + ctx.today(),
              RrsServiceComponents.agreementEvidence(g)))
          .orElseGet(() -> Judgment.notMet("the program profile holds no agreement with " + with
              + " active on " + ctx.today()));
    }
  }
}

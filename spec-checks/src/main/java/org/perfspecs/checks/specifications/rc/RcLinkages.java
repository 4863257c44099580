package org.perfspecs.checks.specifications.rc;

import static org.perfspecs.checks.Strength.MUST;
import static org.perfspecs.checks.Strength.SHOULD;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Section;
import org.perfspecs.model.Agreement;
import org.perfspecs.model.AgreementKind;
import org.perfspecs.model.PartnerCategory;
import org.perfspecs.model.ProcedureKind;
import org.perfspecs.model.Program;

/**
 * RC "SERVICE, COMMUNITY AND COLLATERAL LINKAGES". A written affiliation agreement is an agreement
 * of kind AFFILIATION, QSOA, MOU, BAA or LINKAGE (the kinds the paragraph names) in force on the
 * as-of date. The list of settings (items 1 to 4) is one SHOULD requirement per listed setting
 * ("expected to"), numbered by item and bullet; a setting is met by an agreement in force with
 * that category of partner. The high-volume qualifier cannot be judged from the profile.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RcLinkages extends Section {
  static final String HEADING = "SERVICE, COMMUNITY AND COLLATERAL LINKAGES";

  /** The kinds of written agreement the first paragraph names. */
  public static final Set<AgreementKind> WRITTEN_AFFILIATION_KINDS = EnumSet.of(AgreementKind.AFFILIATION,
      AgreementKind.QUALIFIED_SERVICE_ORGANIZATION, AgreementKind.MEMORANDUM_OF_UNDERSTANDING,
      AgreementKind.BUSINESS_ASSOCIATE, AgreementKind.LINKAGE);

  private static final String AGREEMENTS_INCLUDE = "Such agreements include the referral process, as well as transition, aftercare, and discharge processes.";

  /** {@index RC.LINK.1.a}: First paragraph, first sentence: at least one written affiliation agreement in force. */
  public static final ProgramRequirement WRITTEN_AGREEMENTS = ProgramRequirement.of("RC.LINK.1.a", MUST,
      cite("first paragraph, first sentence", "The provider employing the Recovery Coach maintains written affiliation agreements, which may include Qualified Service Organization Agreements (QSOA), Memorandum of Understanding (MOU), Business Associates Agreements (BAA) or linkage agreements, with local providers of these levels of care that refer a high volume of Members to its program and/or to which the program refers a high volume of Members."),
      RcLinkages::writtenAgreements);

  /**
   * {@index RC.LINK.1.b.1}: First paragraph, second sentence, element 1: every written affiliation
   * agreement in force includes the referral process.
   */
  public static final ProgramRequirement AGREEMENTS_INCLUDE_REFERRAL = includes(1, ProcedureKind.REFERRAL, "the referral process");
  /** {@index RC.LINK.1.b.2}: Element 2: the transition process. */
  public static final ProgramRequirement AGREEMENTS_INCLUDE_TRANSITION = includes(2, ProcedureKind.TRANSITION, "the transition process");
  /** {@index RC.LINK.1.b.3}: Element 3: the aftercare process. */
  public static final ProgramRequirement AGREEMENTS_INCLUDE_AFTERCARE = includes(3, ProcedureKind.AFTERCARE, "the aftercare process");
  /** {@index RC.LINK.1.b.4}: Element 4: the discharge process. */
  public static final ProgramRequirement AGREEMENTS_INCLUDE_DISCHARGE = includes(4, ProcedureKind.DISCHARGE, "the discharge process");

  /**
   * {@index RC.LINK.2.1.1.1} to {@index RC.LINK.2.4.5}: Second paragraph, one SHOULD requirement
   * per listed setting ("expected to"), in document order: met when a written affiliation agreement
   * in force on the as-of date names a partner of that setting's category; NOT_MET otherwise. The
   * high-volume qualifier cannot be judged from the profile.
   *
   * <p>One requirement per element, in document order: {@index RC.LINK.2.1.1.1},
   * {@index RC.LINK.2.1.1.2}, {@index RC.LINK.2.1.1.3}, {@index RC.LINK.2.1.2.1},
   * {@index RC.LINK.2.1.2.2}, {@index RC.LINK.2.1.2.3}, {@index RC.LINK.2.1.2.4},
   * {@index RC.LINK.2.2.1}, {@index RC.LINK.2.2.2}, {@index RC.LINK.2.2.3}, {@index RC.LINK.2.2.4},
   * {@index RC.LINK.2.3.1}, {@index RC.LINK.2.3.2}, {@index RC.LINK.2.3.3}, {@index RC.LINK.2.3.4},
   * {@index RC.LINK.2.3.5}, {@index RC.LINK.2.3.6}, {@index RC.LINK.2.4.1}, {@index RC.LINK.2.4.2},
   * {@index RC.LINK.2.4.3}, {@index RC.LINK.2.4.4}, {@index RC.LINK.2.4.5}.
   */
  public static final List<ProgramRequirement> SETTINGS = List.of(
      setting("2.1.1.1", "1. Addiction services, Non-24 Hour Addiction Treatment", "Structured Outpatient Addiction Programs", PartnerCategory.STRUCTURED_OUTPATIENT_ADDICTION_PROGRAM),
      setting("2.1.1.2", "1. Addiction services, Non-24 Hour Addiction Treatment", "Substance Use Disorder Outpatient Clinics", PartnerCategory.SUBSTANCE_USE_DISORDER_OUTPATIENT_CLINIC),
      setting("2.1.1.3", "1. Addiction services, Non-24 Hour Addiction Treatment", "Opioid Treatment Programs", PartnerCategory.OPIOID_TREATMENT_PROGRAM),
      setting("2.1.2.1", "1. Addiction services, 24 Hour Addiction Treatment", "Acute Treatment Services (Level 3.7)", PartnerCategory.ACUTE_TREATMENT_SERVICES),
      setting("2.1.2.2", "1. Addiction services, 24 Hour Addiction Treatment", "Clinical Stabilization Services (Level 3.5)", PartnerCategory.CLINICAL_STABILIZATION_SERVICES),
      setting("2.1.2.3", "1. Addiction services, 24 Hour Addiction Treatment", "Transitional Support Services (Level 3.1)", PartnerCategory.TRANSITIONAL_SUPPORT_SERVICES),
      setting("2.1.2.4", "1. Addiction services, 24 Hour Addiction Treatment", "Residential Rehabilitation Services (Level 3.1)", PartnerCategory.RESIDENTIAL_REHABILITATION_SERVICES),
      setting("2.2.1", "2. Other Behavioral Health", "Behavioral Health Community Partners", PartnerCategory.BEHAVIORAL_HEALTH_COMMUNITY_PARTNER),
      setting("2.2.2", "2. Other Behavioral Health", "Emergency Service Programs (ESP)", PartnerCategory.EMERGENCY_SERVICE_PROGRAM),
      setting("2.2.3", "2. Other Behavioral Health", "Licensed Mental Health Centers", PartnerCategory.LICENSED_MENTAL_HEALTH_CENTER),
      setting("2.2.4", "2. Other Behavioral Health", "Partial Hospitalization Programs", PartnerCategory.PARTIAL_HOSPITALIZATION),
      setting("2.3.1", "3. Medical Settings", "Emergency Departments", PartnerCategory.EMERGENCY_DEPARTMENT),
      setting("2.3.2", "3. Medical Settings", "Primary Care Practices", PartnerCategory.PRIMARY_CARE_PRACTICE),
      setting("2.3.3", "3. Medical Settings", "Licensed Mental Health Centers", PartnerCategory.LICENSED_MENTAL_HEALTH_CENTER),
      setting("2.3.4", "3. Medical Settings", "Hospital Settings", PartnerCategory.HOSPITAL),
      setting("2.3.5", "3. Medical Settings", "OB/GYN Practices", PartnerCategory.OB_GYN_PRACTICE),
      setting("2.3.6", "3. Medical Settings", "Community Health Centers", PartnerCategory.COMMUNITY_HEALTH_CENTER),
      setting("2.4.1", "4. Other Settings", "Criminal Justice Programs", PartnerCategory.CRIMINAL_JUSTICE_PROGRAM),
      setting("2.4.2", "4. Other Settings", "Specialty Drug Courts", PartnerCategory.SPECIALTY_DRUG_COURT),
      setting("2.4.3", "4. Other Settings", "Faith Based Organizations", PartnerCategory.FAITH_BASED_ORGANIZATION),
      setting("2.4.4", "4. Other Settings", "Recovery Support Centers", PartnerCategory.RECOVERY_SUPPORT_CENTER),
      setting("2.4.5", "4. Other Settings", "Supportive/Sober Housing", PartnerCategory.SUPPORTIVE_SOBER_HOUSING));

  RcLinkages() {
    super("LINK", HEADING, all());
  }

  private static List<ProgramRequirement> all() {
    List<ProgramRequirement> out = new ArrayList<>(List.of(WRITTEN_AGREEMENTS, AGREEMENTS_INCLUDE_REFERRAL,
        AGREEMENTS_INCLUDE_TRANSITION, AGREEMENTS_INCLUDE_AFTERCARE, AGREEMENTS_INCLUDE_DISCHARGE));
    out.addAll(SETTINGS);
    return out;
  }

  static Citation cite(String label, String text) {
    return Citation.of(Rc.SOURCE, HEADING, label, text);
  }

  /** Written affiliation agreements in force on the as-of date. */
  static List<Agreement> inForce(Program program, EvaluationContext ctx) {
    return program.agreements().stream()
        .filter(a -> WRITTEN_AFFILIATION_KINDS.contains(a.kind()) && a.isActiveOn(ctx.today()))
        .toList();
  }

  static Evidence evidence(Agreement a) {
    return Evidence.onDate("agreement", a.id(), a.signedOn(), a.kind() + " with " + a.partnerCategory());
  }

  private static Judgment writtenAgreements(Program program, EvaluationContext ctx) {
    List<Agreement> agreements = inForce(program, ctx);
    return agreements.isEmpty()
        ? Judgment.notMet("the program profile holds no written affiliation agreement in force on " + ctx.today())
        : Judgment.met(agreements.size() + " written affiliation agreement(s) in force on " + ctx.today(),
            agreements.stream().map(RcLinkages::evidence).toArray(Evidence[]::new));
  }

  /**
   * Element {@code n} of "Such agreements include ...": every written affiliation agreement in
   * force includes {@code process} ({@link Agreement#processes()}); NOT_MET when there is none in
   * force, or naming those that do not.
   */
  private static ProgramRequirement includes(int n, ProcedureKind process, String words) {
    return ProgramRequirement.of("RC.LINK.1.b." + n, MUST,
        cite("first paragraph, second sentence, element " + n + " (" + words + ")", AGREEMENTS_INCLUDE),
        new Includes(process, words)::judge);
  }

  private static ProgramRequirement setting(String path, String group, String text, PartnerCategory category) {
    return ProgramRequirement.of("RC.LINK." + path, SHOULD, cite("second paragraph, " + group + ", " + text, text),
        new Setting(category, text)::judge);
  }

  /** One process the agreements include. */
  private static final class Includes {
    private final ProcedureKind process;
    private final String words;

    Includes(ProcedureKind process, String words) {
      this.process = process;
      this.words = words;
    }

    Judgment judge(Program program, EvaluationContext ctx) {
      List<Agreement> agreements = inForce(program, ctx);
      if (agreements.isEmpty()) {
        return Judgment.notMet("the program profile holds no written affiliation agreement in force on " + ctx.today()
            + ", so none includes " + words);
      }
      List<String> without = agreements.stream().filter(a -> !a.processes().contains(process)).map(Agreement::id).toList();
      Evidence[] evidence = agreements.stream().map(RcLinkages::evidence).toArray(Evidence[]::new);
      return without.isEmpty()
          ? Judgment.met("every written affiliation agreement in force includes " + words, evidence)
          : Judgment.notMet(without.size() + " of " + agreements.size() + " written affiliation agreement(s) in force do not include "
              + words + ": " + String.join(", ", without), evidence);
    }
  }

  /** One listed setting. */
  private static final class Setting {
    private final PartnerCategory category;
    private final String words;

    Setting(PartnerCategory category, String words) {
      this.category = category;
      this.words = words;
    }

    Judgment judge(Program program, EvaluationContext ctx) {
      Optional<Agreement> a = inForce(program, ctx).stream().filter(x -> x.partnerCategory() == category).findFirst();
      return a.isPresent()
          ? Judgment.met("written affiliation agreement with " + words + " (" + a.get().partnerName() + ") in force on "
              + ctx.today(), evidence(a.get()))
          : Judgment.notMet("no written affiliation agreement with " + words + " is in force on " + ctx.today());
    }
  }
}

package org.perfspecs.checks.specifications.rrs;

import static org.perfspecs.checks.Strength.MUST;

import java.util.List;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Section;

/**
 * RRS for Pregnant and Post-Partum Women "OVERVIEW". What the service "consists of" is
 * description; the definition of "post-partum" (childbirth up to one year) is specification
 * metadata, encoded once in {@link org.perfspecs.model.PregnancyStatus#isPregnantOrPostpartumOn}
 * and used through {@link org.perfspecs.checks.Conditions#pregnantOrPostpartumAtAdmission()};
 * the precedence of this specification over the base RRS specifications is metadata too. The
 * obligations of the overview are program-wide and no structured fact of the profile shows them,
 * so they are attested (NOT_MET without an attestation), except the deferral to the base RRS
 * specifications (external).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RrsOverview extends Section {
  static final String HEADING = "OVERVIEW";

  /**
   * {@index RRS_PPW.OVW.1}: First paragraph, third sentence: supports independence, resilience and
   * recovery (attested).
   */
  public static final ProgramRequirement SUPPORTS_RECOVERY = ProgramRequirement.attested(
      "RRS_PPW.OVW.1", MUST,
      cite("first paragraph, third sentence",
          "The program must support Enrollees’ independence and resilience, and recovery from alcohol and/or other drug problems."));

  /**
   * {@index RRS_PPW.OVW.2}: First paragraph, fourth sentence ("are provided": present tense, MUST): scheduled,
   * goal-oriented clinical services with ongoing support for interpersonal skills (attested: it
   * describes the program's service model as a whole).
   */
  public static final ProgramRequirement SCHEDULED_CLINICAL_SERVICES = ProgramRequirement.attested(
      "RRS_PPW.OVW.2", MUST,
      cite("first paragraph, fourth sentence",
          "Scheduled, goal-oriented clinical services are provided in conjunction with ongoing support and assistance for developing and maintaining interpersonal skills necessary to lead an alcohol and/or drug-free lifestyle."));

  /**
   * {@index RRS_PPW.OVW.3}: Second paragraph: adherence to the base RRS for Substance Use Disorders
   * specifications (external).
   */
  public static final ProgramRequirement BASE_RRS_SPECIFICATIONS = ProgramRequirement.external(
      "RRS_PPW.OVW.3", MUST,
      cite("second paragraph, second sentence",
          "RRS for Pregnant and Post-Partum Women providers agree to adhere to both the Residential Rehabilitation Services (RRS) for Substance Use Disorders (ASAM Clinically Managed Low Intensity Residential Services) performance specifications"),
      RrsPpw.RRS_SUD_SPECIFICATIONS);

  /**
   * {@index RRS_PPW.OVW.4.a}: Third paragraph, first obligation: exclusion criteria based on
   * clinical presentation (attested).
   */
  public static final ProgramRequirement EXCLUSION_CLINICAL = ProgramRequirement.attested(
      "RRS_PPW.OVW.4.a", MUST,
      cite("third paragraph, first obligation", "Exclusion criteria must be based on clinical presentation"));

  /**
   * {@index RRS_PPW.OVW.4.b}: Third paragraph, second obligation: no automatic exclusion on stable medical conditions,
   * homelessness, medications prescribed (including MOUD), compliance with medications, lack of
   * refills or previous unsuccessful treatment (attested: the profile does not hold the criteria'
   * content, and an episode does not record why a member was not admitted).
   */
  public static final ProgramRequirement NO_AUTOMATIC_EXCLUSIONS = ProgramRequirement.attested(
      "RRS_PPW.OVW.4.b", MUST,
      cite("third paragraph, second obligation",
          "not include automatic exclusions based on stable medical conditions, homelessness, medications prescribed including MOUD, compliance with medications, lack of prescription refills, or previous unsuccessful treatment attempts."));

  /**
   * {@index RRS_PPW.OVW.5.1}: Fourth paragraph with its item 1: services continue until the member's symptoms can be safely
   * managed at a less intensive level of care (attested: the record holds no clinical judgment of
   * readiness for a less intensive level at discharge).
   */
  public static final ProgramRequirement SERVICE_UNTIL_LESS_INTENSIVE = ProgramRequirement.attested(
      "RRS_PPW.OVW.5.1", MUST,
      cite("fourth paragraph, item 1",
          "RRS programs will provide ASAM Clinically Managed Low Intensity Residential Services until: 1. The Enrollee's symptoms can be safely managed at a less intensive level of care."));

  RrsOverview() {
    super("OVW", HEADING, List.of(SUPPORTS_RECOVERY, SCHEDULED_CLINICAL_SERVICES, BASE_RRS_SPECIFICATIONS,
        EXCLUSION_CLINICAL, NO_AUTOMATIC_EXCLUSIONS, SERVICE_UNTIL_LESS_INTENSIVE));
  }

  static Citation cite(String label, String text) {
    return Citation.of(RrsPpw.SOURCE, HEADING, label, text);
  }
}

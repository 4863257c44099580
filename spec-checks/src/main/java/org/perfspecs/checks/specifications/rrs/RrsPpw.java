package org.perfspecs.checks.specifications.rrs;

import org.apiguardian.api.API;
import org.perfspecs.checks.Specification;
import org.perfspecs.model.InsuranceProduct;
import org.perfspecs.model.ServiceType;

/**
 * Residential Rehabilitation Services for Pregnant and Post-Partum Women (Optum, MassHealth).
 *
 * <p>Metadata: the document is a subset of the RRS for Substance Use Disorders specifications and
 * of the General Performance Specifications (both external, {@link Specification#inheritsFrom()});
 * where they differ this one takes precedence. "Post-partum" is the period following childbirth up
 * to one year: that definition is encoded once, in {@link
 * org.perfspecs.model.PregnancyStatus#isPregnantOrPostpartumOn}, and used for applicability through
 * {@link org.perfspecs.checks.Conditions#pregnantOrPostpartumAtAdmission()}.
 *
 * <p>Sections in document order: PURPOSE ({@code PURP}), OVERVIEW ({@code OVW}), SERVICE COMPONENTS
 * ({@code COMP}), STAFFING REQUIREMENTS ({@code STAFF}), SERVICE, COMMUNITY AND OTHER LINKAGES
 * ({@code LINK}), and the two headings of PROCESS SPECIFICATIONS: Assessment, Treatment Planning
 * and Documentation ({@code ASMT}) and Discharge Planning and Documentation ({@code DISCH}); then
 * QUALITY MANAGEMENT ({@code QM}). Episode requirements are judged over the stay ({@code RrsStay}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RrsPpw {
  /** The bundled source document. */
  public static final String SOURCE = "001_bda47ff7bfcff29a.txt";

  /** 105 CMR 164 (external). */
  public static final String CMR_105_164 = "105 CMR 164.000 Licensure of Substance Use Disorder Treatment Programs (DPH/BSAS)";

  /** The General Performance Specifications (external). */
  public static final String GENERAL_SPECIFICATIONS = "General Performance Specifications";

  /** The base RRS for Substance Use Disorders specifications (external). */
  public static final String RRS_SUD_SPECIFICATIONS = "Residential Rehabilitation Services (RRS) for Substance Use Disorders (ASAM Clinically Managed Low Intensity Residential Services) performance specifications";

  /** The provider's BSAS contract and BSAS regulations (external). */
  public static final String BSAS_REQUIREMENTS = "BSAS contractual and regulatory requirements (the provider's BSAS contract and DPH/BSAS regulations)";

  /** The Code of Massachusetts Regulations (external). */
  public static final String CMR = "Code of Massachusetts Regulations (the regulations applicable to the service)";

  /** The staffing requirements of the licensing body (external). */
  public static final String LICENSING_BODY_STAFFING = "staffing requirements of the applicable licensing body (DPH/BSAS licensure)";

  /** The Plan's provider manual (external). */
  public static final String PLAN_PROVIDER_MANUAL = "the applicable Plan provider manual (Optum Provider Manual)";

  private static final Specification SPECIFICATION = Specification.builder(ServiceType.RRS_PPW)
      .title("Residential Rehabilitation Services (RRS) for Pregnant and Post-Partum Women")
      .issuer("Optum (MassHealth plan performance specification)")
      .revision("undated")
      .sourceFile(SOURCE)
      .products(InsuranceProduct.MASSHEALTH)
      .inheritsFrom(GENERAL_SPECIFICATIONS, RRS_SUD_SPECIFICATIONS, CMR_105_164)
      .sections(new RrsPurpose(), new RrsOverview(), new RrsServiceComponents(), new RrsStaffingRequirements(),
          new RrsServiceCommunityAndOtherLinkages(), new RrsAssessmentTreatmentPlanning(), new RrsDischargePlanning(),
          new RrsQualityManagement())
      .build();

  private RrsPpw() {}

  /** The specification. */
  public static Specification specification() {
    return SPECIFICATION;
  }
}

package org.perfspecs.checks.specifications.esoap;

import org.apiguardian.api.API;
import org.perfspecs.checks.Specification;
import org.perfspecs.model.InsuranceProduct;
import org.perfspecs.model.ServiceType;

/** Enhanced SOAP for Pregnant and Postpartum Members, Tufts Health Plan / Tufts Health Public Plans. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Esoap {
  /** The bundled source document. */
  public static final String SOURCE = "000_4fd1008dbee64ccb.txt";

  /** The General Behavioral Health Performance Specifications (external). */
  public static final String GENERAL_SPECIFICATIONS = "General Behavioral Health Performance Specifications (Point32Health)";

  /** 105 CMR 164 (external). */
  public static final String CMR_105_164 = "105 CMR 164.000 Licensure of Substance Use Disorder Treatment Programs (DPH/BSAS)";

  /** The SOAP performance specifications this one is a subset of (external). */
  public static final String SOAP_SPECIFICATIONS = "Structured Outpatient Addiction Program (SOAP) Performance Specifications (Tufts Health Plan)";

  /** The Provider Manual (external). */
  public static final String PROVIDER_MANUAL = "Tufts Health Plan Provider Manual (credentialing criteria)";

  private static final Specification SPECIFICATION = Specification.builder(ServiceType.ESOAP)
      .title("Non-24-Hour Diversionary Services Enhanced Structured Outpatient Addiction Program (SOAP) for Pregnant and Postpartum Members Performance Specifications")
      .issuer("Tufts Health Plan / Tufts Health Public Plans (Point32Health)")
      .revision("January 2024 (June 2023: updates based on performance specifications provided by MassHealth)")
      .sourceFile(SOURCE)
      .products(InsuranceProduct.TUFTS_HEALTH_PLAN_COMMERCIAL, InsuranceProduct.TUFTS_MEDICARE_PREFERRED_HMO,
          InsuranceProduct.TUFTS_MEDICARE_PREFERRED_PPO, InsuranceProduct.TUFTS_HEALTH_PLAN_SCO,
          InsuranceProduct.TUFTS_HEALTH_DIRECT, InsuranceProduct.TUFTS_HEALTH_TOGETHER,
          InsuranceProduct.TUFTS_HEALTH_RITOGETHER, InsuranceProduct.TUFTS_HEALTH_ONE_CARE)
      .inheritsFrom(GENERAL_SPECIFICATIONS, SOAP_SPECIFICATIONS, CMR_105_164)
      .sections(new EsoapGeneral(), new EsoapDefinition(), new EsoapComponentsOfService(), new EsoapStaffingRequirements(),
          new EsoapAssessmentPlanning(), new EsoapDischargePlanning(),
          new EsoapLinkages(), new EsoapQualityManagement())
      .build();

  private Esoap() {}

  /** The specification. */
  public static Specification specification() {
    return SPECIFICATION;
  }
}

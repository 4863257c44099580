package org.perfspecs.checks.specifications.csp;

import org.apiguardian.api.API;
import org.perfspecs.checks.Specification;
import org.perfspecs.model.InsuranceProduct;
import org.perfspecs.model.ServiceType;

/** Community Support Programs, Tufts Health Plan / Tufts Health Public Plans. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Csp {
  /** The bundled source document. */
  public static final String SOURCE = "003_6642615165961ed2.txt";

  /** The General Behavioral Health Performance Specifications (not bundled). */
  public static final String GENERAL_SPECIFICATIONS = "General Behavioral Health Performance Specifications (Point32Health)";

  /** The Code of Massachusetts Regulations (not bundled). */
  public static final String CODE_OF_MASSACHUSETTS_REGULATIONS = "Code of Massachusetts Regulations (for CSP, 130 CMR 461.000)";

  /** 130 CMR 461.000, MassHealth Community Support Program Services (not bundled). */
  public static final String CMR_130_461 = "130 CMR 461.000 (MassHealth: Community Support Program Services)";

  private static final Specification SPECIFICATION = Specification.builder(ServiceType.CSP)
      .title("Community Support Programs (CSP) Performance Specifications")
      .issuer("Tufts Health Plan / Tufts Health Public Plans (Point32Health)")
      .revision("January 2024 (April 2023: template updates)")
      .sourceFile(SOURCE)
      .products(InsuranceProduct.TUFTS_HEALTH_PLAN_COMMERCIAL, InsuranceProduct.TUFTS_MEDICARE_PREFERRED_HMO,
          InsuranceProduct.TUFTS_HEALTH_PLAN_SCO, InsuranceProduct.TUFTS_HEALTH_DIRECT,
          InsuranceProduct.TUFTS_HEALTH_TOGETHER, InsuranceProduct.TUFTS_HEALTH_RITOGETHER,
          InsuranceProduct.TUFTS_HEALTH_ONE_CARE)
      .inheritsFrom("General Behavioral Health Performance Specifications (Point32Health)", "130 CMR 461.000")
      .sections(new CspGeneral(), new CspDefinition(), new CspComponentsOfService(),
          new CspStaffingRequirements(), new CspLinkages(), new CspQualityManagement(),
          new CspProcessSpecifications())
      .build();

  private Csp() {}

  /** The specification. */
  public static Specification specification() {
    return SPECIFICATION;
  }
}

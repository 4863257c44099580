package org.perfspecs.checks.specifications.rc;

import org.apiguardian.api.API;
import org.perfspecs.checks.Specification;
import org.perfspecs.model.InsuranceProduct;
import org.perfspecs.model.ServiceType;

/** Recovery Coach, Tufts Health Plan / Tufts Health Public Plans. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Rc {
  /** The bundled source document. */
  public static final String SOURCE = "004_7e1eb527e4ad0cc9.txt";

  private static final Specification SPECIFICATION = Specification.builder(ServiceType.RC)
      .title("Recovery Coach Performance Specifications")
      .issuer("Tufts Health Plan / Tufts Health Public Plans (Point32Health)")
      .revision("July 2020 (template updates)")
      .inheritsFrom(RcQualityManagement.PAYER_QM_REQUIREMENTS)
      .sourceFile(SOURCE)
      .products(InsuranceProduct.TUFTS_HEALTH_PLAN_COMMERCIAL, InsuranceProduct.TUFTS_MEDICARE_PREFERRED_HMO,
          InsuranceProduct.TUFTS_HEALTH_PLAN_SCO, InsuranceProduct.TUFTS_HEALTH_DIRECT,
          InsuranceProduct.TUFTS_HEALTH_TOGETHER, InsuranceProduct.TUFTS_HEALTH_RITOGETHER,
          InsuranceProduct.TUFTS_HEALTH_UNIFY)
      .sections(new RcDefinition(), new RcComponentsOfService(), new RcPregnantAndParentingMembers(),
          new RcCaseRateActivities(), new RcStaffingRequirements(), new RcLinkages(), new RcQualityManagement(),
          new RcProcessSpecifications())
      .build();

  private Rc() {}

  /** The specification. */
  public static Specification specification() {
    return SPECIFICATION;
  }
}

package org.perfspecs.checks.specifications.iop;

import org.apiguardian.api.API;
import org.perfspecs.checks.Specification;
import org.perfspecs.model.InsuranceProduct;
import org.perfspecs.model.ServiceType;

/** Intensive Outpatient Program, Commonwealth Care Alliance PS #014. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Iop {
  /** The bundled source document. */
  public static final String SOURCE = "002_93c8a0f5b5c02304.txt";

  private static final Specification SPECIFICATION = Specification.builder(ServiceType.IOP)
      .title("Intensive Outpatient Program (IOP) Performance Specifications, PS #014")
      .issuer("Commonwealth Care Alliance (CCA)")
      .revision("approved 9/02/2021; effective 2/06/2022; last revised 4/19/2023")
      .sourceFile(SOURCE)
      .products(InsuranceProduct.CCA_SCO, InsuranceProduct.CCA_ONE_CARE, InsuranceProduct.CCA_MA_MEDICARE_PREMIER,
          InsuranceProduct.CCA_MA_MEDICARE_VALUE, InsuranceProduct.CCA_RI_MEDICARE_PREFERRED,
          InsuranceProduct.CCA_RI_MEDICARE_VALUE, InsuranceProduct.CCA_RI_MEDICARE_MAXIMUM)
      .inheritsFrom("CCA Provider Manual", "Department of Public Health (DPH) and Department of Mental Health (DMH) licensure requirements")
      .sections(new IopCoveredServices(), new IopComponentsOfServices(), new IopStaffingRequirements(),
          new IopTrainingExpectations(), new IopTransgenderInclusiveExpectations(), new IopTraumaInformedCareExpectations(),
          new IopAssessmentTreatmentPlanning(), new IopDischargePlanning(), new IopQualityManagement(),
          new IopReimbursement(), new IopPaymentPolicies(), new IopBillingProcedures())
      .build();

  private Iop() {}

  /** The specification. */
  public static Specification specification() {
    return SPECIFICATION;
  }
}

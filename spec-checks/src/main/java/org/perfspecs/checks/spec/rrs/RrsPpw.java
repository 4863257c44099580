package org.perfspecs.checks.spec.rrs;

import org.apiguardian.api.API;
import org.perfspecs.checks.Specification;
import org.perfspecs.model.InsuranceProduct;
import org.perfspecs.model.ServiceType;

/** Residential Rehabilitation Services for Pregnant and Post-Partum Women (Optum, MassHealth). */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RrsPpw {
  /** The bundled source document. */
  public static final String SOURCE = "001_bda47ff7bfcff29a.txt";

  /** 105 CMR 164 (external). */
  public static final String CMR_105_164 = "105 CMR 164.000 Licensure of Substance Use Disorder Treatment Programs (DPH/BSAS)";

  private static final Specification SPECIFICATION = Specification.builder(ServiceType.RRS_PPW)
      .title("Residential Rehabilitation Services (RRS) for Pregnant and Post-Partum Women")
      .issuer("Optum (MassHealth plan performance specification)")
      .revision("undated")
      .sourceFile(SOURCE)
      .products(InsuranceProduct.MASSHEALTH)
      .inheritsFrom("General Performance Specifications",
          "Residential Rehabilitation Services (RRS) for Substance Use Disorders (ASAM Clinically Managed Low Intensity Residential Services) performance specifications",
          CMR_105_164)
      .sections(new RrsServiceComponents())
      .build();

  private RrsPpw() {}

  /** The specification. */
  public static Specification specification() {
    return SPECIFICATION;
  }
}

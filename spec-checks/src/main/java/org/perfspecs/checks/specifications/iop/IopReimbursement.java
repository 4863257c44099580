package org.perfspecs.checks.specifications.iop;

import static org.perfspecs.checks.Strength.MUST;

import java.util.List;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Section;

/** IOP "REIMBURSEMENT": a deferral to CCA's Covered Services and Prior Authorization PDF. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class IopReimbursement extends Section {
  static final String HEADING = "REIMBURSEMENT:";

  /** The document deferred to. */
  public static final String COVERED_SERVICES_PDF = "CCA's Covered Services and Prior Authorization PDF (CCA Provider Manual)";

  /** {@index IOP.REIMB.1}: The only item: external. */
  public static final ProgramRequirement COVERED_SERVICES = ProgramRequirement.external("IOP.REIMB.1", MUST,
      Citation.of(Iop.SOURCE, HEADING, "1", "Please refer to CCA’s Covered Services and Prior Authorization PDF in the Provider Manual"),
      COVERED_SERVICES_PDF);

  IopReimbursement() {
    super("REIMB", HEADING, List.of(COVERED_SERVICES));
  }
}

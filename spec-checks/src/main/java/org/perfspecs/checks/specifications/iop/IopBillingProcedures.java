package org.perfspecs.checks.specifications.iop;

import static org.perfspecs.checks.Strength.MUST;

import java.util.List;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Section;

/**
 * IOP "BILLING PROCEDURES". The last sentence ("Eligibility may be confirmed by utilizing ... EVS")
 * permits a means, and is not an obligation.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class IopBillingProcedures extends Section {
  static final String HEADING = "BILLING PROCEDURES:";

  /** The document deferred to. */
  public static final String CLAIMS_AND_BILLING = "CCA Provider Manual, Section 6: Claims and Billing Procedures";

  /** {@index IOP.BILL.1}: Item 1: deferral to the Provider Manual's claims and billing section. */
  public static final ProgramRequirement CLAIMS = ProgramRequirement.external("IOP.BILL.1", MUST,
      cite("1", "Please refer to SECTION 6: Claims and Billing Procedures section in CCA’s Provider Manual."), CLAIMS_AND_BILLING);

  /**
   * {@index IOP.BILL.2}: Item 2: "Insurance eligibility must be confirmed on a regular and frequent basis." The model
   * records no eligibility checks and the document sets no frequency: attested.
   */
  public static final ProgramRequirement ELIGIBILITY_CONFIRMED = ProgramRequirement.attested("IOP.BILL.2", MUST,
      cite("2", "Insurance eligibility must be confirmed on a regular and frequent basis."));

  IopBillingProcedures() {
    super("BILL", HEADING, List.of(CLAIMS, ELIGIBILITY_CONFIRMED));
  }

  static Citation cite(String label, String text) {
    return Citation.of(Iop.SOURCE, HEADING, label, text);
  }
}

package org.perfspecs.checks.specifications.iop;

import static org.perfspecs.checks.Strength.MUST;

import java.util.List;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Section;

/** IOP "PAYMENT POLICIES": a deferral to CCA's Payment Policies. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class IopPaymentPolicies extends Section {
  static final String HEADING = "PAYMENT POLICIES:";

  /** The document deferred to. */
  public static final String PAYMENT_POLICIES = "CCA's Payment Policies";

  /** {@index IOP.PAY.1}: The only item: external. */
  public static final ProgramRequirement POLICIES = ProgramRequirement.external("IOP.PAY.1", MUST,
      Citation.of(Iop.SOURCE, HEADING, "1", "Please refer to CCA’s Payment Policies"), PAYMENT_POLICIES);

  IopPaymentPolicies() {
    super("PAY", HEADING, List.of(POLICIES));
  }
}

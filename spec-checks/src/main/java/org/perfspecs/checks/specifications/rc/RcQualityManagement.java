package org.perfspecs.checks.specifications.rc;

import static org.perfspecs.checks.Strength.MUST;

import java.util.List;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Section;

/** RC "QUALITY MANAGEMENT (QM)": a deferral to the payer's requirements. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RcQualityManagement extends Section {
  static final String HEADING = "QUALITY MANAGEMENT (QM)";

  /** The external document the section defers to. */
  public static final String PAYER_QM_REQUIREMENTS =
      "the payer's (Tufts Health Plan / Tufts Health Public Plans) quality management requirements (Provider Manual)";

  /** {@index RC.QM.1}: The only sentence: external, NOT_EVALUATED naming the payer's requirements. */
  public static final ProgramRequirement PAYER_REQUIREMENTS = ProgramRequirement.external("RC.QM.1", MUST,
      Citation.of(Rc.SOURCE, HEADING, "only sentence",
          "The provider employing the Recovery Coach will comply with all requirements set forth by payer."),
      PAYER_QM_REQUIREMENTS);

  RcQualityManagement() {
    super("QM", HEADING, List.of(PAYER_REQUIREMENTS));
  }
}

package org.perfspecs.checks.spec.rrs;

import static org.perfspecs.checks.Strength.MUST;

import java.util.List;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Section;

/** RRS for Pregnant and Post-Partum Women "SERVICE COMPONENTS". */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RrsServiceComponents extends Section {
  static final String HEADING = "SERVICE COMPONENTS";

  /** Item 1: deferral to 105 CMR 164, including DPH reporting requirements. */
  public static final ProgramRequirement LICENSURE_105_CMR_164 = ProgramRequirement.external(
      "RRS_PPW.COMP.1", MUST,
      Citation.of(RrsPpw.SOURCE, HEADING, "1", "At minimum, the provider complies with all requirements of the Department of Public Health (DPH) licensure of substance abuse treatment programs (105 CMR 164) including DPH reporting requirements."),
      RrsPpw.CMR_105_164);

  RrsServiceComponents() {
    super("COMP", HEADING, List.of(LICENSURE_105_CMR_164));
  }
}

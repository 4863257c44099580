package org.perfspecs.checks.specifications.csp;

import static org.perfspecs.checks.Strength.SHOULD;

import java.util.List;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Section;

/**
 * CSP "Definition". What CSP is, whom it serves and the services it includes are description (the
 * same services are obligations under Process specifications, 2.d); the one expectation the
 * section states is encoded.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CspDefinition extends Section {
  static final String HEADING = "Definition";

  /**
   * {@index CSP.DEF.1}: Last paragraph, last sentence (SHOULD, "are expected"): "Community Support Services are
   * expected to complement other services already in place for the individual." No structured fact of the program profile can show it: attested (MET with an
   * attestation for this id dated on or before the as-of date, otherwise NOT_MET).
   */
  public static final ProgramRequirement COMPLEMENT_EXISTING_SERVICES = ProgramRequirement.attested(
      "CSP.DEF.1", SHOULD,
      cite("last paragraph, last sentence", "Community Support Services are expected to complement other services already in place for the individual."));

  CspDefinition() {
    super("DEF", HEADING, List.of(COMPLEMENT_EXISTING_SERVICES));
  }

  static Citation cite(String label, String text) {
    return Citation.of(Csp.SOURCE, HEADING, label, text);
  }
}

package org.perfspecs.checks.specifications.rrs;

import static org.perfspecs.checks.Strength.MUST;

import java.util.List;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Section;

/**
 * RRS for Pregnant and Post-Partum Women "PURPOSE". The first paragraph describes what
 * performance specifications are (no obligation). In the second, "must meet all requirements of
 * these service-specific performance specifications" is the specification itself (the catalog),
 * and the precedence of the service-specific specification over the General Performance
 * Specifications is specification metadata ({@link RrsPpw}); the remaining obligations defer to
 * external documents.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RrsPurpose extends Section {
  static final String HEADING = "PURPOSE";

  /**
   * {@index RRS_PPW.PURP.1.a}: Second paragraph, first sentence, first obligation: BSAS contractual
   * and regulatory requirements (external).
   */
  public static final ProgramRequirement BSAS_REQUIREMENTS = ProgramRequirement.external(
      "RRS_PPW.PURP.1.a", MUST,
      cite("second paragraph, first sentence, first obligation",
          "Providers contracted for this level of care or service must meet all BSAS contractual and regulatory requirements"),
      RrsPpw.BSAS_REQUIREMENTS);

  /**
   * {@index RRS_PPW.PURP.1.b}: Second paragraph, first sentence, second obligation: the Code of
   * Massachusetts Regulations (external).
   */
  public static final ProgramRequirement MASSACHUSETTS_REGULATIONS = ProgramRequirement.external(
      "RRS_PPW.PURP.1.b", MUST,
      cite("second paragraph, first sentence, second obligation",
          "comply with applicable regulations set forth in the Code of Massachusetts Regulations"),
      RrsPpw.CMR);

  /** {@index RRS_PPW.PURP.2}: Second paragraph, second sentence: the General Performance Specifications (external). */
  public static final ProgramRequirement GENERAL_SPECIFICATIONS = ProgramRequirement.external(
      "RRS_PPW.PURP.2", MUST,
      cite("second paragraph, second sentence",
          "In addition, providers of all contracted services are held accountable to the General Performance Specifications."),
      RrsPpw.GENERAL_SPECIFICATIONS);

  RrsPurpose() {
    super("PURP", HEADING, List.of(BSAS_REQUIREMENTS, MASSACHUSETTS_REGULATIONS, GENERAL_SPECIFICATIONS));
  }

  static Citation cite(String label, String text) {
    return Citation.of(RrsPpw.SOURCE, HEADING, label, text);
  }
}

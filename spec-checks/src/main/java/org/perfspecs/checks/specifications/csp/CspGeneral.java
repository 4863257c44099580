package org.perfspecs.checks.specifications.csp;

import static org.perfspecs.checks.Strength.SHOULD;

import java.util.List;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Section;

/**
 * The CSP document's opening statements, under its title. The lists of products are specification
 * metadata ({@link Csp}); the paragraph after them defers to documents this library does not
 * encode.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CspGeneral extends Section {
  static final String HEADING = "Community Support Programs (CSP) Performance Specifications";

  /**
   * {@index CSP.GEN.1.a}: "Providers contracted for this level of care or service are expected to comply with all
   * applicable regulations set forth in the Code of Massachusetts Regulations": external (SHOULD,
   * "are expected"), deferred to the Code of Massachusetts Regulations (for CSP, 130 CMR 461.000).
   */
  public static final ProgramRequirement CODE_OF_MASSACHUSETTS_REGULATIONS = ProgramRequirement.external(
      "CSP.GEN.1.a", SHOULD,
      cite("opening paragraph, first obligation", "Providers contracted for this level of care or service are expected to comply with all applicable regulations set forth in the Code of Massachusetts Regulations"),
      Csp.CODE_OF_MASSACHUSETTS_REGULATIONS);

  /**
   * {@index CSP.GEN.1.b}: "... in addition to the General Behavioral Health Performance Specifications": external
   * (SHOULD), deferred to the General Behavioral Health Performance Specifications.
   */
  public static final ProgramRequirement GENERAL_SPECIFICATIONS = ProgramRequirement.external(
      "CSP.GEN.1.b", SHOULD,
      cite("opening paragraph, second obligation", "in addition to the [General Behavioral Health Performance Specifications](#)"),
      Csp.GENERAL_SPECIFICATIONS);

  CspGeneral() {
    super("GEN", HEADING, List.of(CODE_OF_MASSACHUSETTS_REGULATIONS, GENERAL_SPECIFICATIONS));
  }

  static Citation cite(String label, String text) {
    return Citation.of(Csp.SOURCE, HEADING, label, text);
  }
}

package org.perfspecs.checks.specifications.esoap;

import static org.perfspecs.checks.Strength.MUST;
import static org.perfspecs.checks.Strength.SHOULD;

import java.util.List;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Section;

/**
 * The ESOAP document's opening statements, under its title. The lists of products are
 * specification metadata ({@link Esoap}); the paragraphs after them defer to documents this
 * library does not encode: the Code of Massachusetts Regulations and the base SOAP performance
 * specifications (the General specifications and 105 CMR 164 are {@code ESOAP.COMP.1} and {@code
 * ESOAP.COMP.2}, where the Components of Service restate them).
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class EsoapGeneral extends Section {
  static final String HEADING = "Non-24-Hour Diversionary Services Enhanced Structured Outpatient Addiction Program (SOAP) for Pregnant and Postpartum Members Performance Specifications";

  /** The Code of Massachusetts Regulations (external). */
  public static final String CODE_OF_MASSACHUSETTS_REGULATIONS = "Code of Massachusetts Regulations (applicable regulations)";

  /**
   * {@index ESOAP.GEN.1}: "Providers contracted for this level of care or service will be expected to comply with
   * applicable regulations set forth in the Code of Massachusetts Regulations": external (SHOULD,
   * "will be expected"), deferred to the Code of Massachusetts Regulations.
   */
  public static final ProgramRequirement CODE_OF_MASSACHUSETTS_REGULATIONS_COMPLIANCE = ProgramRequirement.external(
      "ESOAP.GEN.1", SHOULD,
      cite("opening paragraph, first sentence", "Providers contracted for this level of care or service will be expected to comply with applicable regulations set forth in the Code of Massachusetts Regulations"),
      CODE_OF_MASSACHUSETTS_REGULATIONS);

  /**
   * {@index ESOAP.GEN.2}: "Enhanced SOAP for Pregnant and Postpartum Members providers agree to adhere to both the SOAP
   * performance specifications and ...": external (MUST, an agreement to adhere), deferred to the
   * base SOAP performance specifications.
   */
  public static final ProgramRequirement SOAP_SPECIFICATIONS = ProgramRequirement.external(
      "ESOAP.GEN.2", MUST,
      cite("third paragraph, second sentence", "Enhanced SOAP for Pregnant and Postpartum Members providers agree to adhere to both the SOAP performance specifications"),
      Esoap.SOAP_SPECIFICATIONS);

  EsoapGeneral() {
    super("GEN", HEADING, List.of(CODE_OF_MASSACHUSETTS_REGULATIONS_COMPLIANCE, SOAP_SPECIFICATIONS));
  }

  static Citation cite(String label, String text) {
    return Citation.of(Esoap.SOURCE, HEADING, label, text);
  }
}

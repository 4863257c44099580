package org.perfspecs.checks.specifications.esoap;

import static org.perfspecs.checks.Strength.MUST;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Section;
import org.perfspecs.checks.Times;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Episode;
import org.perfspecs.model.License;
import org.perfspecs.model.Program;

/**
 * ESOAP "DEFINITION". The descriptive sentences (what the service consists of, that it may be a
 * transition service, the level-of-care and continued-stay descriptions) impose nothing checkable
 * and are not requirements; the products and the documents it inherits from are specification
 * metadata ({@link Esoap}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class EsoapDefinition extends Section {
  static final String HEADING = "DEFINITION";

  /**
   * {@index ESOAP.DEF.1}: Third sentence: the service is provided to members who are pregnant or postpartum. MET when
   * the member is pregnant, or within one year after childbirth (or in the 42 weeks before a
   * recorded delivery), on the date of admission; NOT_MET otherwise; UNDETERMINED without an
   * admission time. (The withdrawal-risk criterion has no fact in the model and is not judged.)
   */
  public static final EpisodeRequirement PREGNANT_OR_POSTPARTUM = EpisodeRequirement.of(
      "ESOAP.DEF.1", MUST,
      cite("paragraph 1, third sentence", "Enhanced SOAPS (ASAM Intensive Outpatient Program) for Pregnant or postpartum Members are provided to members who are pregnant or postpartum"),
      EsoapDefinition::pregnantOrPostpartum);

  /**
   * {@index ESOAP.DEF.2}: Paragraph 2, last sentence: services only in DPH-licensed facilities. MET when the profile
   * holds a Massachusetts licence issued by DPH (an issuer naming DPH, e.g. {@code DPH/BSAS}),
   * valid on the as-of date (no expiry, or valid through it); NOT_MET otherwise.
   */
  public static final ProgramRequirement DPH_LICENSED_FACILITY = ProgramRequirement.of(
      "ESOAP.DEF.2", MUST,
      cite("paragraph 2, last sentence", "services are only provided in Department of Public Health (DPH)-licensed, freestanding facilities skilled in addiction recovery treatment, outpatient departments in acute-care hospitals, or licensed outpatient clinics and facilities."),
      EsoapDefinition::dphLicensedFacility);

  /**
   * {@index ESOAP.DEF.3.a}: Paragraph 3, first sentence, first obligation: exclusion criteria based
   * on clinical presentation (attested).
   */
  public static final ProgramRequirement EXCLUSION_ON_CLINICAL_PRESENTATION = ProgramRequirement.attested(
      "ESOAP.DEF.3.a", MUST,
      cite("paragraph 3, first sentence, first obligation", "Exclusion criteria must be based on clinical presentation"));

  /**
   * {@index ESOAP.DEF.3.b}: Paragraph 3, first sentence, second obligation: no automatic exclusions on stable medical
   * conditions, homelessness, medications prescribed including MOUD, medication compliance, lack
   * of refills or previous unsuccessful attempts (attested: the model records no reason for an
   * ineligibility determination).
   */
  public static final ProgramRequirement NO_AUTOMATIC_EXCLUSIONS = ProgramRequirement.attested(
      "ESOAP.DEF.3.b", MUST,
      cite("paragraph 3, first sentence, second obligation", "must not include automatic exclusions based on stable medical conditions, homelessness, medications prescribed including MOUD, compliance with medications, lack of prescription refills, or previous unsuccessful treatment attempts."));

  /**
   * {@index ESOAP.DEF.4}: Paragraph 3, second sentence: services until the member can be safely
   * managed at a less intensive level (attested).
   */
  public static final ProgramRequirement SERVICES_UNTIL_SAFE_STEP_DOWN = ProgramRequirement.attested(
      "ESOAP.DEF.4", MUST,
      cite("paragraph 3, second sentence", "Enhanced SOAP programs will provide ASAM Intensive Outpatient Program services until the member's symptoms can be safely managed at a less intensive level of care."));

  EsoapDefinition() {
    super("DEF", HEADING, List.of(PREGNANT_OR_POSTPARTUM, DPH_LICENSED_FACILITY, EXCLUSION_ON_CLINICAL_PRESENTATION,
        NO_AUTOMATIC_EXCLUSIONS, SERVICES_UNTIL_SAFE_STEP_DOWN));
  }

  static Citation cite(String label, String text) {
    return Citation.of(Esoap.SOURCE, HEADING, label, text);
  }

  private static Judgment pregnantOrPostpartum(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    Optional<Instant> admitted = e.admittedAt().filter(ctx::hasHappened);
    if (admitted.isEmpty()) {
      return Judgment.undetermined("no admission time is recorded (as of " + Times.format(ctx.asOf(), ctx.zone())
          + "), so pregnancy or postpartum status at admission cannot be decided");
    }
    LocalDate day = ctx.dateOf(admitted.get());
    Evidence admission = Evidence.of("episode", e.id(), admitted.get(), "admission");
    if (record.member().pregnancy().isPresent() && record.member().pregnancy().get().isPregnantOrPostpartumOn(day)) {
      return Judgment.met("the member is " + record.member().pregnancy().get().state().name().toLowerCase(Locale.ROOT)
          + " on the date of admission " + day, admission);
    }
    return Judgment.notMet("the member is neither pregnant nor within one year after childbirth on the date of admission "
        + day + "; the service is for pregnant or postpartum members", admission);
  }

  private static Judgment dphLicensedFacility(Program program, EvaluationContext ctx) {
    Optional<License> licence = program.licenses().stream()
        .filter(l -> l.issuer().toUpperCase(Locale.ROOT).contains("DPH") && l.massachusetts()
            && l.validThrough().map(d -> !d.isBefore(ctx.today())).orElse(true))
        .findFirst();
    if (licence.isPresent()) {
      License l = licence.get();
      return Judgment.met("licensed by " + l.issuer() + " (" + l.kind() + ")",
          Evidence.of("license", l.issuer() + ": " + l.kind(), "valid" + l.validThrough().map(d -> " through " + d).orElse("")));
    }
    return Judgment.notMet("the program profile holds no Massachusetts DPH licence valid on " + ctx.today());
  }
}

package org.perfspecs.checks.specifications.iop;

import static org.perfspecs.checks.Strength.SHOULD;

import java.util.EnumSet;
import java.util.List;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Section;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Member;
import org.perfspecs.model.Program;
import org.perfspecs.model.TrainingTopic;

/**
 * IOP "Transgender Inclusive and Affirming Expectations" ("It is the expectation of CCA that all
 * contracted providers will provide inclusive and affirming care ..."): one requirement per listed
 * element, SHOULD (an expectation).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class IopTransgenderInclusiveExpectations extends Section {
  static final String HEADING = "Transgender Inclusive and Affirming Expectations:";

  /**
   * {@index IOP.TRANS.1}: Element 1: consistently using the member's name and pronouns. The record can show only that they
   * are recorded: MET when the member's chosen name and pronouns are both recorded, NOT_MET naming
   * what is missing.
   */
  public static final EpisodeRequirement NAME_AND_PRONOUNS = EpisodeRequirement.of(
      "IOP.TRANS.1", SHOULD,
      cite("element 1", "Consistently using the name and pronouns that the Member uses for themselves, even if this is not the name and/or pronoun set reflected in the Member's legal identification and/or CCA insurance card"),
      IopTransgenderInclusiveExpectations::nameAndPronouns);

  /** {@index IOP.TRANS.2}: Element 2: admission decisions without regard to gender identity (attested). */
  public static final ProgramRequirement ADMISSION_WITHOUT_REGARD = ProgramRequirement.attested(
      "IOP.TRANS.2", SHOULD, cite("element 2", "Making admission decisions without regard to the Member's gender identity"));

  /**
   * {@index IOP.TRANS.3}: Element 3: access to gender-based services by the gender the member
   * identifies with (attested).
   */
  public static final ProgramRequirement GENDER_BASED_ACCESS = ProgramRequirement.attested(
      "IOP.TRANS.3", SHOULD,
      cite("element 3", "Making determinations about access to any gender-based/gender separated service based on the gender with which the Member identifies, even if this is not the gender reflected in the Member's legal identification and/or CCA insurance card"));

  /**
   * {@index IOP.TRANS.4}: Element 4: staff regularly trained: every staff member completed LGBTQIA+ and transgender
   * affirming care trainings within the {@value IopProgram#RECENT_TRAINING_DAYS} days up to the as-of
   * date.
   */
  public static final ProgramRequirement STAFF_REGULARLY_TRAINED = ProgramRequirement.of(
      "IOP.TRANS.4", SHOULD,
      cite("element 4 (continued after a page header: \"affirming— and, specifically, transgender inclusive and affirming— behavioral health and medical care\")",
          "Ensuring that staff are regularly trained in best practices in delivering LGBTQIA+ inclusive and"),
      IopTransgenderInclusiveExpectations::staffRegularlyTrained);

  IopTransgenderInclusiveExpectations() {
    super("TRANS", HEADING, List.of(NAME_AND_PRONOUNS, ADMISSION_WITHOUT_REGARD, GENDER_BASED_ACCESS, STAFF_REGULARLY_TRAINED));
  }

  static Citation cite(String label, String text) {
    return Citation.of(Iop.SOURCE, HEADING, label, text);
  }

  private static Judgment nameAndPronouns(CaseRecord record, EvaluationContext ctx) {
    Member m = record.member();
    Evidence member = Evidence.of("member", m.id(), "member record");
    if (m.preferredName().isPresent() && m.pronouns().isPresent()) {
      return Judgment.met("the member's chosen name and pronouns are recorded", member);
    }
    String missing = m.preferredName().isEmpty() && m.pronouns().isEmpty() ? "chosen name and pronouns"
        : m.preferredName().isEmpty() ? "chosen name" : "pronouns";
    return Judgment.notMet("the member's " + missing + " are not recorded", member);
  }

  private static Judgment staffRegularlyTrained(Program p, EvaluationContext ctx) {
    return IopProgram.allStaffTrained(p, ctx, true,
        EnumSet.of(TrainingTopic.LGBTQIA_AFFIRMING_CARE, TrainingTopic.TRANSGENDER_AFFIRMING_CARE));
  }
}

package org.perfspecs.checks.specifications.iop;

import static org.perfspecs.checks.Strength.SHOULD;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Section;
import org.perfspecs.model.Program;
import org.perfspecs.model.TrainingTopic;

/**
 * IOP "Training Expectations" ("It is the expectation of CCA that all contracted providers will offer
 * ongoing staff training ... Staff training should be inclusive of"): one requirement per listed
 * topic, SHOULD. Each is MET when the roster is not empty and every staff member completed a
 * training on the topic within the {@value IopProgram#RECENT_TRAINING_DAYS} days up to the as-of date
 * ("ongoing"); NOT_MET otherwise, naming the staff and topics missing.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class IopTrainingExpectations extends Section {
  static final String HEADING = "Training Expectations:";

  /** {@index IOP.TRAIN.1}: Topic 1: social determinants of health. */
  public static final ProgramRequirement SDOH = topic(1, "Social determinants of health (SDOH)",
      EnumSet.of(TrainingTopic.SOCIAL_DETERMINANTS_OF_HEALTH));

  /** {@index IOP.TRAIN.2}: Topic 2: trauma-informed care. */
  public static final ProgramRequirement TRAUMA_INFORMED = topic(2,
      "Trauma-informed behavioral health and medical care (including, but not limited to, ways in which the ACE study informs care delivery for Members, and trauma-specific treatment approaches)",
      EnumSet.of(TrainingTopic.TRAUMA_INFORMED_CARE));

  /**
   * {@index IOP.TRAIN.3}: Topic 3: LGBTQIA+ and, specifically, transgender inclusive and affirming
   * care (both topics).
   */
  public static final ProgramRequirement LGBTQIA = topic(3,
      "Best practices in delivering LGBTQIA+ inclusive and affirming— and, specifically, transgender inclusive and affirming— behavioral health and medical care",
      EnumSet.of(TrainingTopic.LGBTQIA_AFFIRMING_CARE, TrainingTopic.TRANSGENDER_AFFIRMING_CARE));

  /** {@index IOP.TRAIN.4}: Topic 4: culturally responsive, inclusive and anti-racist care. */
  public static final ProgramRequirement ANTI_RACIST = topic(4,
      "Best practices in delivering culturally responsive, inclusive, and anti-racist behavioral health and medical care",
      EnumSet.of(TrainingTopic.CULTURALLY_RESPONSIVE_ANTI_RACIST_CARE));

  /** {@index IOP.TRAIN.5}: Topic 5: health equity and inclusivity. */
  public static final ProgramRequirement HEALTH_EQUITY = topic(5,
      "Best practices in health equity and inclusivity for Members of various racial, ethnic, and cultural backgrounds, as well as disabled Members, Members of various religious backgrounds, and Members with multiply marginalized identities",
      EnumSet.of(TrainingTopic.HEALTH_EQUITY));

  /** {@index IOP.TRAIN.6}: Topic 6: interpreter services. */
  public static final ProgramRequirement INTERPRETERS = topic(6,
      "Organizational strategies and resources for accessing interpreter services for Members who primarily communicate in languages other than English (including ASL)",
      EnumSet.of(TrainingTopic.INTERPRETER_SERVICES));

  IopTrainingExpectations() {
    super("TRAIN", HEADING, List.of(SDOH, TRAUMA_INFORMED, LGBTQIA, ANTI_RACIST, HEALTH_EQUITY, INTERPRETERS));
  }

  static Citation cite(String label, String text) {
    return Citation.of(Iop.SOURCE, HEADING, label, text);
  }

  private static ProgramRequirement topic(int n, String text, Set<TrainingTopic> topics) {
    return ProgramRequirement.of("IOP.TRAIN." + n, SHOULD, cite("topic " + n, text), new Topic(topics)::judge);
  }

  /** Every staff member recently trained on the topics. */
  private record Topic(Set<TrainingTopic> topics) {
    Judgment judge(Program p, EvaluationContext ctx) {
      return IopProgram.allStaffTrained(p, ctx, true, topics);
    }
  }
}

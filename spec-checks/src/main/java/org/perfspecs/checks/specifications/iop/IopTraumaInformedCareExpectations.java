package org.perfspecs.checks.specifications.iop;

import static org.perfspecs.checks.Strength.SHOULD;

import java.util.EnumSet;
import java.util.List;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.Judgments;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Section;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.Document;
import org.perfspecs.model.Party;
import org.perfspecs.model.Program;
import org.perfspecs.model.TrainingTopic;

/**
 * IOP "Trauma-Informed Care Expectations" ("It is the expectation of CCA that all contracted
 * providers will provide care to our Members that is fundamentally trauma informed"): one
 * requirement per listed element (letters for the two obligations of element 4), SHOULD.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class IopTraumaInformedCareExpectations extends Section {
  static final String HEADING = "Trauma-Informed Care Expectations:";

  /**
   * {@index IOP.TRAUMA.1}: Element 1: ongoing trauma-informed care training: every staff member completed one within the
   * {@value IopProgram#RECENT_TRAINING_DAYS} days up to the as-of date.
   */
  public static final ProgramRequirement ONGOING_TRAINING = ProgramRequirement.of(
      "IOP.TRAUMA.1", SHOULD,
      cite("element 1", "Providing staff with ongoing training in trauma-informed behavioral health and medical care (including, but not limited to, ways in which the ACE study informs care delivery for Members, and trauma-specific treatment approaches)"),
      IopTraumaInformedCareExpectations::ongoingTraining);

  /**
   * {@index IOP.TRAUMA.2}: Element 2: trauma screening in the evaluation: applies once an
   * assessment is in the record; MET when one covers {@link ContentElement#TRAUMA_SCREENING}.
   */
  public static final EpisodeRequirement TRAUMA_SCREENING = IopRecords.element("IOP.TRAUMA.2", SHOULD,
      cite("element 2", "Providing comprehensive trauma screening as part of the standard evaluative process, in order to avoid potentially traumatic re-screening"),
      IopRecords.ASSESSMENTS, "assessment", "a comprehensive trauma screening", EnumSet.of(ContentElement.TRAUMA_SCREENING));

  /** {@index IOP.TRAUMA.3}: Element 3 (attested). */
  public static final ProgramRequirement POLICIES = ProgramRequirement.attested(
      "IOP.TRAUMA.3", SHOULD,
      cite("element 3", "Integrating knowledge of trauma, and trauma responsiveness, into the creation and implementation of policies and procedures"));

  /**
   * {@index IOP.TRAUMA.4.a}: Element 4, member's voice: applies once a treatment plan is in the
   * record; MET when one was developed with the member.
   */
  public static final EpisodeRequirement MEMBER_VOICE = EpisodeRequirement.of(
      "IOP.TRAUMA.4.a", SHOULD,
      cite("element 4, member's voice", "Including the Member's voice, involvement, and feedback in treatment planning"),
      IopTraumaInformedCareExpectations::memberVoice)
      .when(IopRecords.inRecord(IopRecords.TREATMENT_PLANS, "treatment plan"));

  /**
   * {@index IOP.TRAUMA.4.b}: Element 4, harm reduction: applies once a treatment plan is in the
   * record; MET when one covers {@link ContentElement#HARM_REDUCTION}.
   */
  public static final EpisodeRequirement HARM_REDUCTION = IopRecords.element("IOP.TRAUMA.4.b", SHOULD,
      cite("element 4, harm reduction", "including offering harm reduction strategies in all aspects of treatment"),
      IopRecords.TREATMENT_PLANS, "treatment plan", "harm reduction strategies", EnumSet.of(ContentElement.HARM_REDUCTION));

  /** {@index IOP.TRAUMA.5}: Element 5 (attested). */
  public static final ProgramRequirement SAFE_ENVIRONMENT = ProgramRequirement.attested(
      "IOP.TRAUMA.5", SHOULD,
      cite("element 5", "Seeking to avoid re-traumatization for Members receiving care by creating a safe treatment environment"));

  /** {@index IOP.TRAUMA.6}: Element 6 (attested). */
  public static final ProgramRequirement TRAUMA_SPECIFIC = ProgramRequirement.attested(
      "IOP.TRAUMA.6", SHOULD, cite("element 6", "Offering trauma-specific treatment interventions and approaches"));

  IopTraumaInformedCareExpectations() {
    super("TRAUMA", HEADING, List.of(ONGOING_TRAINING, TRAUMA_SCREENING, POLICIES, MEMBER_VOICE, HARM_REDUCTION,
        SAFE_ENVIRONMENT, TRAUMA_SPECIFIC));
  }

  static Citation cite(String label, String text) {
    return Citation.of(Iop.SOURCE, HEADING, label, text);
  }

  private static Judgment ongoingTraining(Program p, EvaluationContext ctx) {
    return IopProgram.allStaffTrained(p, ctx, true, EnumSet.of(TrainingTopic.TRAUMA_INFORMED_CARE));
  }

  private static Judgment memberVoice(CaseRecord record, EvaluationContext ctx) {
    List<Document> plans = IopRecords.documents(record.episode(), ctx, IopRecords.TREATMENT_PLANS);
    for (int i = 0, n = plans.size(); i < n; i++) {
      Document d = plans.get(i);
      if (d.developedWith().contains(Party.MEMBER)) {
        return Judgments.met("treatment plan ", d.id(), " was developed with the member", "", IopRecords.evidence(d));
      }
    }
    return Judgments.notMet("no treatment plan was developed with the member", "", "", "",
        IopRecords.evidenceList(record.episode(), ctx, IopRecords.TREATMENT_PLANS));
  }
}

package org.perfspecs.checks.specifications.rc;

import static org.perfspecs.checks.Strength.MUST;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.Condition;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.Judgments;
import org.perfspecs.checks.Section;
import org.perfspecs.checks.Timeliness;
import org.perfspecs.checks.Timeliness.Timed;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.Document;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.Episode;
import org.perfspecs.model.WellnessPlan;

/** RC "PROCESS SPECIFICATIONS": "Assessment, Treatment/ Recovery Planning and Documentation", items 1 to 3. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RcProcessSpecifications extends Section {
  static final String HEADING = "PROCESS SPECIFICATIONS";

  private static final String SUB = "Assessment, Treatment/ Recovery Planning and Documentation, ";

  /** Days in a week of service for the weekly contacts. */
  public static final int WEEK_DAYS = 7;

  /**
   * {@index RC.PROC.1.a}: Item 1, first sentence (plain present: MUST): applies once a Wellness Plan is in the record;
   * MET when the plan is member-directed, NOT_MET otherwise.
   */
  public static final EpisodeRequirement MEMBER_DIRECTS_WELLNESS = EpisodeRequirement.of(
      "RC.PROC.1.a", MUST,
      cite("1, first sentence", "The Member defines and directs the structure and content of his or her own wellness."),
      RcProcessSpecifications::memberDirectsWellness)
      .when(RcConditions.wellnessPlanInRecord());

  /**
   * {@index RC.PROC.1.b}: Item 1, second sentence: applies once a Wellness Plan is in the record; "with guidance,
   * structure, and support from the Recovery Coach" is shown by a connection with the member on the
   * plan's creation date (the coach was with the member when it was created). NOT_MET without one.
   */
  public static final EpisodeRequirement CREATED_COLLABORATIVELY = EpisodeRequirement.of(
      "RC.PROC.1.b", MUST,
      cite("1, second sentence", "Wellness Plans are created in a collaborative manner, with guidance, structure, and support from the Recovery Coach."),
      RcProcessSpecifications::createdCollaboratively)
      .when(RcConditions.wellnessPlanInRecord());

  /**
   * {@index RC.PROC.1.c}: Item 1, third sentence: a Wellness Plan in the record. PENDING until the end of day 7 of
   * service (the onset, see {@code RC.CASE.1}) while there is none; NOT_MET after; UNDETERMINED
   * when there is none and no admission time.
   */
  public static final EpisodeRequirement COPY_IN_RECORD = EpisodeRequirement.of(
      "RC.PROC.1.c", MUST,
      cite("1, third sentence", "A copy of the Wellness Plan is part of the Member's record."),
      RcProcessSpecifications::copyInRecord)
      .reading(RcRecords.ONSET);

  /**
   * {@index RC.PROC.1.d}: Item 1, fourth sentence: applies once a Wellness Plan is in the record; "must meet the
   * individual needs of the Member" is shown by at least one goal of the member's own in the plan;
   * NOT_MET when it has none. No template is required.
   */
  public static final EpisodeRequirement MEETS_INDIVIDUAL_NEEDS = EpisodeRequirement.of(
      "RC.PROC.1.d", MUST,
      cite("1, fourth sentence", "Wellness Plans do not need to follow a standard template but must meet the individual needs of the Member."),
      RcProcessSpecifications::meetsIndividualNeeds)
      .when(RcConditions.wellnessPlanInRecord());

  /**
   * {@index RC.PROC.2.a}: Item 2, "the initial in person visits": an in-person connection with the member (engaged) on
   * or before the end of day 7 of service (the onset); PENDING before then; NOT_MET when the first
   * in-person connection is later or there is none after day 7; UNDETERMINED without an admission.
   */
  public static final EpisodeRequirement INITIAL_IN_PERSON_VISIT = EpisodeRequirement.of(
      "RC.PROC.2.a", MUST,
      cite("2, the initial in person visits", "The Recovery Coach must document the required activities for the case rate, including the initial in person visits and the ongoing weekly contacts."),
      RcProcessSpecifications::initialInPersonVisit)
      .reading(RcRecords.ONSET);

  /**
   * {@index RC.PROC.2.b}: Item 2, "the ongoing weekly contacts": consecutive weeks of service (7 days each, day 1 the
   * admission date) each holding at least one connection, with the period rule of {@code
   * RC.CASE.2}: a closed week without one is NOT_MET; MET once a week has closed and every closed
   * week held one (or the week in progress holds one); PENDING only during the first week; a last week
   * cut short by discharge is judged only if it holds one; a stay shorter than a week without one is
   * NOT_APPLICABLE; UNDETERMINED without an admission.
   */
  public static final EpisodeRequirement WEEKLY_CONTACTS = EpisodeRequirement.of(
      "RC.PROC.2.b", MUST,
      cite("2, the ongoing weekly contacts", "The Recovery Coach must document the required activities for the case rate, including the initial in person visits and the ongoing weekly contacts."),
      RcProcessSpecifications::weeklyContacts);

  /**
   * {@index RC.PROC.3}: Item 3 ("will": MUST): applies once the record holds a connection with the member; every
   * progress note in the record (dated by the as-of) covers the stage of change (STAGE_OF_CHANGE);
   * NOT_MET when there is no progress note or some do not cover it.
   */
  public static final EpisodeRequirement STAGES_OF_CHANGE_NOTES = EpisodeRequirement.of(
      "RC.PROC.3", MUST,
      cite("3", "The Wellness Plan, along with progress notes recorded through the stages of change framework, will be used for documentation for clinical review and medical necessity."),
      RcProcessSpecifications::stagesOfChangeNotes)
      .when(Condition.of("the record holds a connection with the member", RcProcessSpecifications::anyConnection));

  RcProcessSpecifications() {
    super("PROC", HEADING, List.of(MEMBER_DIRECTS_WELLNESS, CREATED_COLLABORATIVELY, COPY_IN_RECORD,
        MEETS_INDIVIDUAL_NEEDS, INITIAL_IN_PERSON_VISIT, WEEKLY_CONTACTS, STAGES_OF_CHANGE_NOTES));
  }

  static Citation cite(String label, String text) {
    return Citation.of(Rc.SOURCE, HEADING, SUB + label, text);
  }

  private static WellnessPlan plan(CaseRecord record, EvaluationContext ctx) {
    return RcRecords.wellnessPlan(record.episode(), ctx).orElseThrow(); // the condition guarantees it
  }

  private static Judgment memberDirectsWellness(CaseRecord record, EvaluationContext ctx) {
    WellnessPlan p = plan(record, ctx);
    return p.memberDirected()
        ? Judgment.met("the Wellness Plan is member-directed", RcRecords.wellnessPlan(p))
        : Judgment.notMet("the Wellness Plan is not recorded as defined and directed by the member", RcRecords.wellnessPlan(p));
  }

  private static Judgment createdCollaboratively(CaseRecord record, EvaluationContext ctx) {
    WellnessPlan p = plan(record, ctx);
    List<LocalDate> dates = RcRecords.connectionDates(record.episode(), ctx);
    int same = dates.indexOf(p.createdOn());
    return same >= 0
        ? Judgments.met("the Wellness Plan was created on ", p.createdOn().toString(), ", at a connection with the member", "",
            RcRecords.wellnessPlan(p), RcRecords.contact(RcRecords.connections(record.episode(), ctx).get(same),
                "connection on the day the plan was created"))
        : Judgments.notMet("the record shows no connection with the member on ", p.createdOn().toString(),
            ", the day the Wellness Plan was created", "", RcRecords.wellnessPlan(p));
  }

  private static Judgment copyInRecord(CaseRecord record, EvaluationContext ctx) {
    return RcRecords.wellnessPlanByOnset(record, ctx, p -> true, "a copy of the Wellness Plan is in the record", "unused");
  }

  private static Judgment meetsIndividualNeeds(CaseRecord record, EvaluationContext ctx) {
    WellnessPlan p = plan(record, ctx);
    return p.goals().isEmpty()
        ? Judgment.notMet("the Wellness Plan records no goal of the member's", RcRecords.wellnessPlan(p))
        : Judgments.met("the Wellness Plan records ", String.valueOf(p.goals().size()), " goal(s) of the member's", "",
            RcRecords.wellnessPlan(p));
  }

  private static Judgment initialInPersonVisit(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    Optional<Instant> admitted = RcRecords.admitted(e, ctx);
    if (admitted.isEmpty()) {
      return RcRecords.noAdmission(e, ctx, "the onset of service delivery cannot be placed");
    }
    List<Contact> inPerson = RcRecords.inPersonConnections(e, ctx);
    Optional<Timed> first = inPerson.isEmpty() ? Optional.empty()
        : Optional.of(Timed.of(inPerson.get(0).at(), RcRecords.contact(inPerson.get(0), "in-person connection")));
    return Timeliness.judge(RcRecords.onset(e, admitted.get(), ctx), first, "initial in-person visit", ctx,
        RcRecords.admission(e, admitted.get()));
  }

  private static Judgment weeklyContacts(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    Optional<Instant> admitted = RcRecords.admitted(e, ctx);
    if (admitted.isEmpty()) {
      return RcRecords.noAdmission(e, ctx, "the weeks of service cannot be placed");
    }
    List<LocalDate> dates = RcRecords.connectionDates(e, ctx);
    return RcRecords.everyPeriod(e, ctx, ctx.dateOf(admitted.get()), WEEK_DAYS, 1, dates, "connection(s)", "week");
  }

  private static Optional<Judgment> anyConnection(CaseRecord record, EvaluationContext ctx) {
    return RcRecords.connections(record.episode(), ctx).isEmpty() ? NO_CONNECTION : Optional.empty();
  }

  // judgments are immutable: the one this condition gives is made once
  private static final Optional<Judgment> NO_CONNECTION =
      Optional.of(Judgment.notApplicable("the record holds no connection with the member yet"));

  private static Judgment stagesOfChangeNotes(CaseRecord record, EvaluationContext ctx) {
    List<Document> documents = record.episode().documents();
    Evidence[] evidence = new Evidence[documents.size()];
    int notes = 0;
    int without = 0;
    StringBuilder ids = null; // the end of the reason: the ids of the notes without the stage of change
    for (int i = 0, n = documents.size(); i < n; i++) {
      Document d = documents.get(i);
      if (d.kind() == DocumentKind.PROGRESS_NOTE && ctx.hasBegun(d.date())) {
        boolean stage = d.elements().contains(ContentElement.STAGE_OF_CHANGE);
        evidence[notes++] = Evidence.onDate("document", d.id(), d.date(),
            stage ? "progress note with the stage of change" : "progress note without the stage of change");
        if (!stage) {
          ids = ids == null ? new StringBuilder(" progress note(s) do not record the stage of change: ") : ids.append(", ");
          ids.append(d.id());
          without++;
        }
      }
    }
    if (notes == 0) {
      return Judgment.notMet("the record holds connections with the member but no progress note");
    }
    if (notes < evidence.length) {
      evidence = Arrays.copyOf(evidence, notes);
    }
    return without == 0
        ? Judgments.met("all ", String.valueOf(notes), " progress note(s) are recorded through the stages of change framework",
            "", evidence)
        : Judgments.notMet(String.valueOf(without), " of ", String.valueOf(notes), ids.toString(), evidence);
  }
}

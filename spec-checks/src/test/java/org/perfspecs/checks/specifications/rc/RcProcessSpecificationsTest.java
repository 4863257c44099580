package org.perfspecs.checks.specifications.rc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.endOfDay;
import static org.perfspecs.checks.Fixtures.episode;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.record;
import static org.perfspecs.checks.Fixtures.startOfDay;
import static org.perfspecs.checks.specifications.rc.RcTestRecords.DAY_7;
import static org.perfspecs.checks.specifications.rc.RcTestRecords.DAY_8;
import static org.perfspecs.checks.specifications.rc.RcTestRecords.admitted;
import static org.perfspecs.checks.specifications.rc.RcTestRecords.connection;
import static org.perfspecs.checks.specifications.rc.RcTestRecords.contact;
import static org.perfspecs.checks.specifications.rc.RcTestRecords.plan;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.ContactMode;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.Document;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.ServiceType;

/** RC.PROC.1-3. Admitted Monday 2024-01-01 10:00 EST: week 1 is 2024-01-01 to 2024-01-07. */
class RcProcessSpecificationsTest {
  private static final Instant AS_OF = ny("2024-01-20T12:00");

  private static Finding evaluate(EpisodeRequirement r, CaseRecord record, Instant asOf) {
    return FindingChecks.evaluate(r, record, asOf);
  }

  // 1.a

  @Test
  @Verifies("RC.PROC.1.a")
  void aMemberDirectedPlanIsMetOtherwiseNotMetAndNoPlanNotApplicable() {
    assertThat(evaluate(RcProcessSpecifications.MEMBER_DIRECTS_WELLNESS, record(admitted().wellnessPlan(plan("2024-01-02"))), AS_OF)
        .outcome()).isEqualTo(Outcome.MET);
    assertThat(evaluate(RcProcessSpecifications.MEMBER_DIRECTS_WELLNESS,
        record(admitted().wellnessPlan(plan("2024-01-02").withMemberDirected(false))), AS_OF).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(evaluate(RcProcessSpecifications.MEMBER_DIRECTS_WELLNESS, record(admitted()), AS_OF).outcome())
        .isEqualTo(Outcome.NOT_APPLICABLE);
  }

  // 1.b

  @Test
  @Verifies("RC.PROC.1.b")
  void aConnectionOnThePlansCreationDayIsMet() {
    CaseRecord r = record(admitted().wellnessPlan(plan("2024-01-02")).addContacts(connection(ny("2024-01-02T23:59"))));
    assertThat(evaluate(RcProcessSpecifications.CREATED_COLLABORATIVELY, r, AS_OF).outcome()).isEqualTo(Outcome.MET);
  }

  @Test
  @Verifies("RC.PROC.1.b")
  void noConnectionOnThatDayIsNotMetAndNoPlanNotApplicable() {
    CaseRecord r = record(admitted().wellnessPlan(plan("2024-01-02"))
        .addContacts(connection(startOfDay("2024-01-03")),
            contact(ny("2024-01-02T12:00"), ContactMode.PHONE, ContactKind.CASE_RELATED_WORK, false)));
    Finding f = evaluate(RcProcessSpecifications.CREATED_COLLABORATIVELY, r, AS_OF);
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("no connection with the member on 2024-01-02");
    assertThat(evaluate(RcProcessSpecifications.CREATED_COLLABORATIVELY, record(admitted()), AS_OF).outcome())
        .isEqualTo(Outcome.NOT_APPLICABLE);
  }

  // 1.c

  @Test
  @Verifies("RC.PROC.1.c")
  void aCopyInTheRecordIsMetPendingThroughDay7ThenNotMet() {
    assertThat(evaluate(RcProcessSpecifications.COPY_IN_RECORD, record(admitted().wellnessPlan(plan("2024-01-15"))), AS_OF)
        .outcome()).isEqualTo(Outcome.MET);
    assertThat(evaluate(RcProcessSpecifications.COPY_IN_RECORD, record(admitted()), endOfDay(DAY_7)).outcome())
        .isEqualTo(Outcome.PENDING);
    assertThat(evaluate(RcProcessSpecifications.COPY_IN_RECORD, record(admitted()), startOfDay(DAY_8)).outcome())
        .isEqualTo(Outcome.NOT_MET);
    assertThat(evaluate(RcProcessSpecifications.COPY_IN_RECORD, record(episode(ServiceType.RC)), AS_OF).outcome())
        .isEqualTo(Outcome.UNDETERMINED);
  }

  // 1.d

  @Test
  @Verifies("RC.PROC.1.d")
  void aPlanWithTheMembersGoalsIsMetWithoutGoalsNotMet() {
    assertThat(evaluate(RcProcessSpecifications.MEETS_INDIVIDUAL_NEEDS, record(admitted().wellnessPlan(plan("2024-01-02"))), AS_OF)
        .outcome()).isEqualTo(Outcome.MET);
    Finding f = evaluate(RcProcessSpecifications.MEETS_INDIVIDUAL_NEEDS,
        record(admitted().wellnessPlan(plan("2024-01-02").withGoals())), AS_OF);
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(evaluate(RcProcessSpecifications.MEETS_INDIVIDUAL_NEEDS, record(admitted()), AS_OF).outcome())
        .isEqualTo(Outcome.NOT_APPLICABLE);
  }

  // 2.a

  @Test
  @Verifies("RC.PROC.2.a")
  void anInPersonVisitByTheEndOfDay7IsMetAndLaterIsLate() {
    CaseRecord onTime = record(admitted().addContacts(connection(endOfDay(DAY_7))));
    Finding met = evaluate(RcProcessSpecifications.INITIAL_IN_PERSON_VISIT, onTime, AS_OF);
    assertThat(met.outcome()).isEqualTo(Outcome.MET);
    assertThat(met.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay(DAY_7));
    CaseRecord late = record(admitted().addContacts(connection(startOfDay(DAY_8))));
    assertThat(evaluate(RcProcessSpecifications.INITIAL_IN_PERSON_VISIT, late, AS_OF).outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies("RC.PROC.2.a")
  void phoneContactsDoNotCountAndTheVisitIsPendingThroughDay7() {
    CaseRecord phone = record(admitted().addContacts(contact(ny("2024-01-02T12:00"), ContactMode.PHONE, ContactKind.PEER_SUPPORT, true)));
    assertThat(evaluate(RcProcessSpecifications.INITIAL_IN_PERSON_VISIT, phone, endOfDay(DAY_7)).outcome()).isEqualTo(Outcome.PENDING);
    assertThat(evaluate(RcProcessSpecifications.INITIAL_IN_PERSON_VISIT, phone, startOfDay(DAY_8)).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(evaluate(RcProcessSpecifications.INITIAL_IN_PERSON_VISIT, record(episode(ServiceType.RC)), AS_OF).outcome())
        .isEqualTo(Outcome.UNDETERMINED);
  }

  // 2.b

  @Test
  @Verifies("RC.PROC.2.b")
  void aConnectionEveryWeekIsMet() {
    CaseRecord r = record(admitted().addContacts(connection(endOfDay(DAY_7)), connection(ny("2024-01-14T12:00")))
        .dischargedAt(ny("2024-01-14T13:00")));
    Finding f = evaluate(RcProcessSpecifications.WEEKLY_CONTACTS, r, AS_OF);
    assertThat(f.outcome()).isEqualTo(Outcome.MET);
    assertThat(f.evidence()).hasSize(2);
  }

  @Test
  @Verifies("RC.PROC.2.b")
  void aWeekWithoutAConnectionIsMetSoFarUntilItEndsThenNotMet() {
    CaseRecord r = record(admitted().addContacts(connection(ny("2024-01-03T12:00"))));
    // week 1 closed with a connection: MET so far, with the end of week 2 as the next due time
    Finding soFar = evaluate(RcProcessSpecifications.WEEKLY_CONTACTS, r, endOfDay("2024-01-14"));
    assertThat(soFar.outcome()).isEqualTo(Outcome.MET);
    assertThat(soFar.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay("2024-01-14"));
    // before the first week closes, none yet: PENDING
    Finding pending = evaluate(RcProcessSpecifications.WEEKLY_CONTACTS, record(admitted()), endOfDay("2024-01-07"));
    assertThat(pending.outcome()).isEqualTo(Outcome.PENDING);
    assertThat(pending.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay("2024-01-07"));
    Finding missed = evaluate(RcProcessSpecifications.WEEKLY_CONTACTS, r, startOfDay("2024-01-15"));
    assertThat(missed.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(missed.reason()).contains("week 2 (2024-01-08 to 2024-01-14) had 0 connection(s)");
  }

  @Test
  @Verifies("RC.PROC.2.b")
  void aStayShorterThanAWeekWithoutAConnectionIsNotApplicableAndNoAdmissionUndetermined() {
    CaseRecord r = record(admitted().dischargedAt(ny("2024-01-03T12:00")));
    assertThat(evaluate(RcProcessSpecifications.WEEKLY_CONTACTS, r, AS_OF).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(evaluate(RcProcessSpecifications.WEEKLY_CONTACTS, record(episode(ServiceType.RC)), AS_OF).outcome())
        .isEqualTo(Outcome.UNDETERMINED);
  }

  // 3

  private static Document note(String id, String date, boolean stageOfChange) {
    var b = Document.builder().id(id).kind(DocumentKind.PROGRESS_NOTE).date(LocalDate.parse(date));
    if (stageOfChange) {
      b.addElements(ContentElement.STAGE_OF_CHANGE);
    }
    return b.build();
  }

  @Test
  @Verifies("RC.PROC.3")
  void progressNotesThroughTheStagesOfChange() {
    CaseRecord met = record(admitted().addContacts(connection(ny("2024-01-02T12:00")))
        .addDocuments(note("n-1", "2024-01-02", true), note("n-2", "2024-01-25", false)));
    assertThat(evaluate(RcProcessSpecifications.STAGES_OF_CHANGE_NOTES, met, AS_OF).outcome())
        .as("a note dated after the as-of is not in the record yet").isEqualTo(Outcome.MET);
    Finding f = evaluate(RcProcessSpecifications.STAGES_OF_CHANGE_NOTES, met, ny("2024-01-25T12:00"));
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("1 of 2").contains("n-2");
  }

  @Test
  @Verifies("RC.PROC.3")
  void connectionsWithoutNotesAreNotMetAndNoConnectionNotApplicable() {
    Finding f = evaluate(RcProcessSpecifications.STAGES_OF_CHANGE_NOTES,
        record(admitted().addContacts(connection(ny("2024-01-02T12:00")))), AS_OF);
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("no progress note");
    assertThat(evaluate(RcProcessSpecifications.STAGES_OF_CHANGE_NOTES, record(admitted()), AS_OF).outcome())
        .isEqualTo(Outcome.NOT_APPLICABLE);
  }
}

package org.perfspecs.checks.specifications.rc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfspecs.checks.Fixtures.endOfDay;
import static org.perfspecs.checks.Fixtures.episode;
import static org.perfspecs.checks.Fixtures.ny;
import static org.perfspecs.checks.Fixtures.record;
import static org.perfspecs.checks.Fixtures.startOfDay;
import static org.perfspecs.checks.specifications.rc.RcCaseRateActivities.FIVE_CONNECTIONS_PER_30_DAYS;

import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.FindingChecks;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Verifies;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.ContactMode;
import org.perfspecs.model.ImmutableEpisode;
import org.perfspecs.model.ServiceType;
import org.perfspecs.model.Topic;

/**
 * RC.CASE.1, RC.CASE.2 and RC.CASE.2.b-d. Admitted Monday 2024-01-01 10:00 EST: period 1 is days 1-30 (2024-01-01 to
 * 2024-01-30), period 2 is days 31-60 (2024-01-31 to 2024-02-29, a leap year).
 */
class RcCaseRateActivitiesTest {
  private static final Instant ADMITTED = ny("2024-01-01T10:00");
  private static final String DAY_30 = "2024-01-30";
  private static final String DAY_31 = "2024-01-31";
  private static final String DAY_60 = "2024-02-29";

  private int nextId;

  private ImmutableEpisode.Builder admitted() {
    return episode(ServiceType.RC).admittedAt(ADMITTED);
  }

  private Contact connection(Instant at) {
    return contact(at, ContactMode.IN_PERSON, ContactKind.PEER_SUPPORT, true);
  }

  private Contact contact(Instant at, ContactMode mode, ContactKind kind, boolean engaged) {
    return Contact.builder().id("c-" + (++nextId)).at(at).minutes(30).mode(mode).kind(kind).memberEngaged(engaged).build();
  }

  /** {@code n} connections at 12:00 on consecutive days from {@code firstDay}. */
  private ImmutableEpisode.Builder withConnections(ImmutableEpisode.Builder e, String firstDay, int n) {
    LocalDate d = LocalDate.parse(firstDay);
    for (int i = 0; i < n; i++) {
      e.addContacts(connection(ny(d.plusDays(i) + "T12:00")));
    }
    return e;
  }

  @org.junit.jupiter.api.Test
  @Verifies("RC.CASE.2")
  void contactsAfterDischargeDoNotCount() {
    // four connections on days 1-4, discharged at 09:00 on day 30, a fifth contact at 20:00 that day
    ImmutableEpisode.Builder e = withConnections(admitted(), "2024-01-01", 4)
        .dischargedAt(ny(DAY_30 + "T09:00"))
        .addContacts(connection(ny(DAY_30 + "T20:00")));
    Finding f = evaluate(org.perfspecs.checks.Fixtures.record(e), ny("2024-03-01T12:00"));

    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("had 4 connection(s)");
  }

  private static Finding evaluate(CaseRecord r, Instant asOf) {
    return FindingChecks.evaluate(FIVE_CONNECTIONS_PER_30_DAYS, r, asOf);
  }

  @Test
  @Verifies("RC.CASE.2")
  void fiveConnectionsInDays1To30AreMet() {
    CaseRecord r = record(withConnections(admitted(), "2024-01-02", 5));
    Finding f = evaluate(r, endOfDay(DAY_30));

    assertThat(f.outcome()).isEqualTo(Outcome.MET);
    assertThat(f.evidence()).extracting(Evidence::note).containsExactly("5 connection(s) from 2024-01-01 to 2024-01-30");
  }

  @Test
  @Verifies("RC.CASE.2")
  void fiveConnectionsAreMetForAServiceDischargedOnDay30() {
    CaseRecord r = record(withConnections(admitted(), "2024-01-02", 5).dischargedAt(ny(DAY_30 + "T15:00")));
    assertThat(evaluate(r, ny("2024-03-15T12:00")).outcome()).isEqualTo(Outcome.MET);
  }

  @Test
  @Verifies("RC.CASE.2")
  void fourConnectionsAreNotMetOnceThePeriodCloses() {
    CaseRecord r = record(withConnections(admitted(), "2024-01-02", 4));
    Finding f = evaluate(r, startOfDay(DAY_31));

    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    // the due time is the end of the period in progress (period 2)
    assertThat(f.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay(DAY_60));
    assertThat(f.reason()).contains("period 1 (2024-01-01 to 2024-01-30) had 4 connection(s)");
  }

  @Test
  @Verifies("RC.CASE.2")
  void fourConnectionsArePendingUntilTheLastNanosecondOfDay30() {
    CaseRecord r = record(withConnections(admitted(), "2024-01-02", 4));
    Finding f = evaluate(r, endOfDay(DAY_30));

    assertThat(f.outcome()).isEqualTo(Outcome.PENDING);
    assertThat(f.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay(DAY_30));
  }

  @Test
  @Verifies("RC.CASE.2")
  void pendingDuringThePeriodWithTheDueTime() {
    Finding f = evaluate(record(withConnections(admitted(), "2024-01-02", 2)), ny("2024-01-15T12:00"));

    assertThat(f.outcome()).isEqualTo(Outcome.PENDING);
    assertThat(f.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay(DAY_30));
    assertThat(f.reason()).contains("has 2 connection(s) so far");
  }

  @Test
  @Verifies("RC.CASE.2")
  void pendingOnTheDayOfAdmission() {
    Finding f = evaluate(record(admitted()), ADMITTED);
    assertThat(f.outcome()).isEqualTo(Outcome.PENDING);
    assertThat(f.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay(DAY_30));
  }

  static Stream<Arguments> contactsThatAreNotConnections() {
    return Stream.of(
        Arguments.of("case-related work, even in person with the member engaged", ContactMode.IN_PERSON, ContactKind.CASE_RELATED_WORK, true),
        Arguments.of("member not engaged", ContactMode.PHONE, ContactKind.OUTREACH_ATTEMPT, false),
        Arguments.of("member not engaged, in person", ContactMode.IN_PERSON, ContactKind.PEER_SUPPORT, false),
        Arguments.of("telehealth video", ContactMode.TELEHEALTH, ContactKind.PEER_SUPPORT, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contactsThatAreNotConnections")
  @Verifies("RC.CASE.2")
  void contactsThatDoNotCountAreExcluded(String why, ContactMode mode, ContactKind kind, boolean engaged) {
    CaseRecord r = record(withConnections(admitted(), "2024-01-02", 4)
        .addContacts(contact(ny("2024-01-20T12:00"), mode, kind, engaged)));
    Finding f = evaluate(r, startOfDay(DAY_31));

    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("had 4 connection(s)");
  }

  @ParameterizedTest
  @EnumSource(value = ContactMode.class, names = {"IN_PERSON", "PHONE", "TEXT"})
  @Verifies("RC.CASE.2")
  void inPersonPhoneAndTextConnectionsCount(ContactMode mode) {
    CaseRecord r = record(withConnections(admitted(), "2024-01-02", 4)
        .addContacts(contact(ny("2024-01-20T12:00"), mode, ContactKind.PEER_SUPPORT, true)));
    assertThat(evaluate(r, endOfDay(DAY_30)).outcome()).isEqualTo(Outcome.MET);
  }

  @Test
  @Verifies("RC.CASE.2")
  void aConnectionOnDay30CountsInPeriod1() {
    CaseRecord r = record(withConnections(admitted(), "2024-01-02", 4)
        .addContacts(connection(ny(DAY_30 + "T23:59"))));
    assertThat(evaluate(r, endOfDay(DAY_30)).outcome()).isEqualTo(Outcome.MET);
  }

  @Test
  @Verifies("RC.CASE.2")
  void aConnectionOnDay31BelongsToPeriod2() {
    CaseRecord r = record(withConnections(admitted(), "2024-01-02", 4)
        .addContacts(connection(startOfDay(DAY_31))));
    Finding f = evaluate(r, ny(DAY_31 + "T12:00"));

    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("period 1").contains("had 4 connection(s)");
  }

  @Test
  @Verifies("RC.CASE.2")
  void theDayOfAConnectionIsItsDateInNewYork() {
    // 2024-01-31T03:00Z is 2024-01-30 22:00 EST: day 30
    CaseRecord r = record(withConnections(admitted(), "2024-01-02", 4)
        .addContacts(connection(Instant.parse("2024-01-31T03:00:00Z"))));
    Finding f = evaluate(r, ny("2024-02-10T12:00"));
    assertThat(f.outcome()).as("period 1 closed with five").isEqualTo(Outcome.MET);
    assertThat(f.reason()).contains("30-day period 2 (2024-01-31 to 2024-02-29) has 0 connection(s) so far");
  }

  @Test
  @Verifies("RC.CASE.2")
  void aConnectionStampedAfterTheAsOfHasNotHappenedYet() {
    CaseRecord r = record(withConnections(admitted(), "2024-01-02", 4)
        .addContacts(connection(ny("2024-01-20T12:00"))));
    assertThat(evaluate(r, ny("2024-01-20T11:59")).outcome()).isEqualTo(Outcome.PENDING);
    assertThat(evaluate(r, ny("2024-01-20T12:00")).outcome()).isEqualTo(Outcome.MET);
  }

  @Test
  @Verifies("RC.CASE.2")
  void metInPeriod2AfterAMetPeriod1WithTheNextDueTime() {
    CaseRecord r = record(withConnections(withConnections(admitted(), "2024-01-02", 5), "2024-02-01", 3));
    Finding f = evaluate(r, ny("2024-02-10T12:00"));

    // every closed period was met: MET so far, naming the end of the period in progress
    assertThat(f.outcome()).isEqualTo(Outcome.MET);
    assertThat(f.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay(DAY_60));
    assertThat(f.reason()).contains("period 2 (2024-01-31 to 2024-02-29) has 3 connection(s) so far");
  }

  @Test
  @Verifies("RC.CASE.2")
  void aFailingSecondPeriodIsNotMet() {
    CaseRecord r = record(withConnections(withConnections(admitted(), "2024-01-02", 5), "2024-02-01", 4));
    Finding f = evaluate(r, startOfDay("2024-03-01"));

    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    // the due time is the end of the period in progress (period 3, 2024-03-01 to 2024-03-30)
    assertThat(f.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay("2024-03-30"));
    assertThat(f.reason()).contains("period 2 (2024-01-31 to 2024-02-29) had 4 connection(s)");
    assertThat(f.evidence()).hasSize(3);

    // once discharged, no period is in progress: the due time is the missed period's end
    Finding discharged = evaluate(record(withConnections(withConnections(admitted(), "2024-01-02", 5), "2024-02-01", 4)
        .dischargedAt(ny("2024-03-05T12:00"))), ny("2024-04-01T12:00"));
    assertThat(discharged.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(discharged.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay(DAY_60));
  }

  @Test
  @Verifies("RC.CASE.2")
  void twoMetPeriodsAreMet() {
    CaseRecord r = record(withConnections(withConnections(admitted(), "2024-01-02", 5), "2024-02-01", 5)
        .dischargedAt(ny(DAY_60 + "T16:00")));
    Finding f = evaluate(r, ny("2024-04-01T12:00"));
    assertThat(f.outcome()).isEqualTo(Outcome.MET);
    assertThat(f.evidence()).hasSize(2);
  }

  @Test
  @Verifies("RC.CASE.2")
  void aLastPeriodCutShortByDischargeIsNotJudged() {
    // discharged on day 40 with one connection in period 2: period 2 is not a thirty-day period
    CaseRecord r = record(withConnections(admitted(), "2024-01-02", 5)
        .addContacts(connection(ny("2024-02-02T12:00")))
        .dischargedAt(ny("2024-02-09T12:00")));
    assertThat(evaluate(r, ny("2024-04-01T12:00")).outcome()).isEqualTo(Outcome.MET);
  }

  @Test
  @Verifies("RC.CASE.2")
  void aStayShorterThan30DaysIsNotApplicable() {
    CaseRecord r = record(withConnections(admitted(), "2024-01-02", 2).dischargedAt(ny("2024-01-10T12:00")));
    Finding f = evaluate(r, ny("2024-04-01T12:00"));

    assertThat(f.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(f.reason()).contains("the stay ended before its first window closed").contains("2 connection(s)");
  }

  @Test
  @Verifies("RC.CASE.2")
  void aStayDischargedOnDay29IsShortButOnDay30IsAFullPeriod() {
    ImmutableEpisode.Builder four = withConnections(admitted(), "2024-01-02", 4);
    CaseRecord day29 = record(four.dischargedAt(ny("2024-01-29T12:00")));
    CaseRecord day30 = record(withConnections(admitted(), "2024-01-02", 4).dischargedAt(ny(DAY_30 + "T12:00")));

    assertThat(evaluate(day29, ny("2024-04-01T12:00")).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    assertThat(evaluate(day30, ny("2024-04-01T12:00")).outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(evaluate(day30, ny(DAY_30 + "T12:00")).outcome()).as("at the discharge instant").isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies("RC.CASE.2")
  void aShortStayWithFiveConnectionsIsMet() {
    CaseRecord r = record(withConnections(admitted(), "2024-01-02", 5).dischargedAt(ny("2024-01-10T12:00")));
    assertThat(evaluate(r, ny("2024-04-01T12:00")).outcome()).isEqualTo(Outcome.MET);
  }

  @Test
  @Verifies("RC.CASE.2")
  void undeterminedWithoutAnAdmission() {
    Finding f = evaluate(record(episode(ServiceType.RC).addContacts(connection(ny("2024-01-02T12:00")))),
        ny("2024-04-01T12:00"));
    assertThat(f.outcome()).isEqualTo(Outcome.UNDETERMINED);
    assertThat(f.reason()).contains("no admission time is recorded");
  }

  @Test
  @Verifies("RC.CASE.2")
  void undeterminedWhenTheAdmissionIsStampedAfterTheAsOf() {
    Finding f = evaluate(record(admitted()), ny("2024-01-01T09:59"));
    assertThat(f.outcome()).isEqualTo(Outcome.UNDETERMINED);
  }

  // RC.CASE.1, RC.CASE.2.b, RC.CASE.2.c, RC.CASE.2.d (shared records: RcTestRecords, admitted 2024-01-01 10:00 EST)

  

  private static Finding onset(CaseRecord r, Instant asOf) {
    return FindingChecks.evaluate(RcCaseRateActivities.IN_PERSON_WELLNESS_PLAN_AT_ONSET, r, asOf);
  }

  @Test
  @Verifies("RC.CASE.1")
  void aPlanDevelopedInPersonOnDay7IsMetAndOnDay8IsLate() {
    Finding met = onset(record(RcTestRecords.admitted().wellnessPlan(RcTestRecords.plan(RcTestRecords.DAY_7))), ny("2024-02-01T12:00"));
    assertThat(met.outcome()).isEqualTo(Outcome.MET);
    assertThat(met.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay(RcTestRecords.DAY_7));
    Finding late = onset(record(RcTestRecords.admitted().wellnessPlan(RcTestRecords.plan(RcTestRecords.DAY_8))), ny("2024-02-01T12:00"));
    assertThat(late.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(late.reason()).contains("late");
  }

  @Test
  @Verifies("RC.CASE.1")
  void withoutAPlanPendingThroughTheLastNanosecondOfDay7() {
    Finding pending = onset(record(RcTestRecords.admitted()), endOfDay(RcTestRecords.DAY_7));
    assertThat(pending.outcome()).isEqualTo(Outcome.PENDING);
    assertThat(pending.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay(RcTestRecords.DAY_7));
    assertThat(onset(record(RcTestRecords.admitted()), startOfDay(RcTestRecords.DAY_8)).outcome()).isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies("RC.CASE.1")
  void aPlanNotDevelopedInPersonOrNotWithTheMemberIsNotMet() {
    Finding remote = onset(record(RcTestRecords.admitted().wellnessPlan(RcTestRecords.plan("2024-01-02").withCreatedInPerson(false))), ny("2024-01-03T12:00"));
    assertThat(remote.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(remote.reason()).contains("not developed at an in-person meeting");
    Finding notWith = onset(record(RcTestRecords.admitted().wellnessPlan(RcTestRecords.plan("2024-01-02").withMemberDirected(false))), ny("2024-01-03T12:00"));
    assertThat(notWith.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(notWith.reason()).contains("in conjunction with the member");
  }

  @Test
  @Verifies("RC.CASE.1")
  void onsetUndeterminedWithoutAnAdmission() {
    Finding f = onset(record(episode(ServiceType.RC).wellnessPlan(RcTestRecords.plan("2024-01-02"))), ny("2024-01-03T12:00"));
    assertThat(f.outcome()).isEqualTo(Outcome.UNDETERMINED);
  }

  private static Finding goals(CaseRecord r, Instant asOf) {
    return FindingChecks.evaluate(RcCaseRateActivities.CONNECTIONS_SUPPORT_WELLNESS_GOALS, r, asOf);
  }

  private static Contact goalsConnection(String at) {
    return RcTestRecords.connection(ny(at), Topic.WELLNESS_PLAN_GOALS);
  }

  @Test
  @Verifies("RC.CASE.2.b")
  void notApplicableWithoutAWellnessPlan() {
    assertThat(goals(record(RcTestRecords.admitted()), ny("2024-01-15T12:00")).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
  }

  @Test
  @Verifies("RC.CASE.2.b")
  void aGoalsConnectionInThePeriodFromThePlanIsMet() {
    // plan 2024-01-01: period 1 is 2024-01-01 to 2024-01-30
    CaseRecord r = record(RcTestRecords.admitted().wellnessPlan(RcTestRecords.plan("2024-01-01")).addContacts(goalsConnection(DAY_30 + "T23:00")));
    assertThat(goals(r, endOfDay(DAY_30)).outcome()).isEqualTo(Outcome.MET);
  }

  @Test
  @Verifies("RC.CASE.2.b")
  void pendingThroughTheLastNanosecondOfThePeriodAndNotMetAfter() {
    CaseRecord r = record(RcTestRecords.admitted().wellnessPlan(RcTestRecords.plan("2024-01-01"))
        .addContacts(RcTestRecords.connection(ny("2024-01-10T12:00")))); // a connection, but not on the goals
    Finding pending = goals(r, endOfDay(DAY_30));
    assertThat(pending.outcome()).isEqualTo(Outcome.PENDING);
    assertThat(pending.due()).get().extracting(d -> d.last()).isEqualTo(endOfDay(DAY_30));
    Finding missed = goals(r, startOfDay(DAY_31));
    assertThat(missed.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(missed.reason()).contains("had 0 connection(s) addressing the Wellness Plan goals");
  }

  @Test
  @Verifies("RC.CASE.2.b")
  void periodsRunFromThePlansCreationDate() {
    // plan 2024-01-10: period 1 is 2024-01-10 to 2024-02-08
    CaseRecord r = record(RcTestRecords.admitted().wellnessPlan(RcTestRecords.plan("2024-01-10")).addContacts(goalsConnection("2024-02-08T12:00")));
    assertThat(goals(r, endOfDay("2024-02-08")).outcome()).isEqualTo(Outcome.MET);
    Finding f = goals(r, ny("2024-02-09T12:00"));
    assertThat(f.outcome()).as("period 1 closed with one").isEqualTo(Outcome.MET);
    assertThat(f.reason()).contains("(2024-02-09 to 2024-03-09)");
    assertThat(goals(r, ny("2024-03-10T00:00")).outcome()).as("period 2 closed without one").isEqualTo(Outcome.NOT_MET);
  }

  @Test
  @Verifies("RC.CASE.2.b")
  void aStayEndingWithinTheFirstPeriodWithoutOneIsNotApplicable() {
    CaseRecord r = record(RcTestRecords.admitted().wellnessPlan(RcTestRecords.plan("2024-01-02")).dischargedAt(ny("2024-01-20T12:00")));
    assertThat(goals(r, ny("2024-03-01T12:00")).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
  }

  @Test
  @Verifies("RC.CASE.2.b")
  void aPlanCreatedAfterDischargeHasNoServiceToJudge() {
    CaseRecord r = record(RcTestRecords.admitted().wellnessPlan(RcTestRecords.plan("2024-01-25")).dischargedAt(ny("2024-01-20T12:00")));
    assertThat(goals(r, ny("2024-03-01T12:00")).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
  }

  @Test
  @Verifies("RC.CASE.2.c")
  void demonstratingFulfilmentIsAttested() {
    RcTestRecords.assertAttested(RcCaseRateActivities.DEMONSTRATES_FULFILMENT);
  }

  private static Finding caseWork(CaseRecord r, Instant asOf) {
    return FindingChecks.evaluate(RcCaseRateActivities.CASE_RELATED_WORK_DOCUMENTED, r, asOf);
  }

  private static Contact caseWork(String at, int minutes) {
    return Contact.builder().from(RcTestRecords.contact(ny(at), ContactMode.PHONE, ContactKind.CASE_RELATED_WORK, false))
        .minutes(minutes).build();
  }

  @Test
  @Verifies("RC.CASE.2.d")
  void caseRelatedWorkInThePeriodIsMet() {
    CaseRecord r = record(RcTestRecords.admitted().addContacts(caseWork(DAY_30 + "T16:00", 20)));
    assertThat(caseWork(r, endOfDay(DAY_30)).outcome()).isEqualTo(Outcome.MET);
  }

  @Test
  @Verifies("RC.CASE.2.d")
  void noCaseRelatedWorkIsPendingThroughDay30AndNotMetFromDay31() {
    CaseRecord r = record(RcTestRecords.admitted().addContacts(caseWork("2024-01-05T16:00", 0), RcTestRecords.connection(ny("2024-01-06T12:00"))));
    assertThat(caseWork(r, endOfDay(DAY_30)).outcome()).isEqualTo(Outcome.PENDING);
    Finding f = caseWork(r, startOfDay(DAY_31));
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.reason()).contains("had 0 case-related work record(s)");
  }

  @Test
  @Verifies("RC.CASE.2.d")
  void aShortStayWithoutCaseWorkIsNotApplicable() {
    CaseRecord r = record(RcTestRecords.admitted().dischargedAt(ny("2024-01-10T12:00")));
    assertThat(caseWork(r, ny("2024-02-10T12:00")).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
  }

  @Test
  @Verifies("RC.CASE.2.d")
  void caseWorkUndeterminedWithoutAnAdmission() {
    Finding f = caseWork(record(episode(ServiceType.RC)), ny("2024-02-10T12:00"));
    assertThat(f.outcome()).isEqualTo(Outcome.UNDETERMINED);
    assertThat(f.reason()).contains("no admission time is recorded");
  }
}

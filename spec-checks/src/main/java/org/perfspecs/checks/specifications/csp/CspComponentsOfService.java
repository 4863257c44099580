package org.perfspecs.checks.specifications.csp;

import static org.perfspecs.checks.Strength.MUST;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.perfspecs.checks.RecordLists;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.Condition;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Section;
import org.perfspecs.checks.Times;
import org.perfspecs.checks.Timeliness;
import org.perfspecs.checks.Timeliness.Timed;
import org.perfspecs.checks.time.Deadline;
import org.perfspecs.model.Appointment;
import org.perfspecs.model.AppointmentKind;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.Episode;
import org.perfspecs.model.License;
import org.perfspecs.model.Location;
import org.perfspecs.model.OpeningHours;
import org.perfspecs.model.Party;
import org.perfspecs.model.Program;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.ServicePlan;
import org.perfspecs.model.StateAgency;
import org.perfspecs.model.Topic;

/** CSP "Components of Service". */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CspComponentsOfService extends Section {
  static final String HEADING = "Components of Service";

  /** Weekly opening time required, in minutes (40 hours). */
  public static final long MINIMUM_WEEKLY_MINUTES = 40 * 60;

  /**
   * {@index CSP.COMP.1}: Item 1: "The CSP must be part of a larger mental health or substance use disorder services
   * organization that is licensed within the Commonwealth of Massachusetts." Met when the profile
   * names a parent organisation and holds a Massachusetts licence held by that parent organisation
   * that is valid on the as-of date (no expiry, or expiring on or after it).
   */
  public static final ProgramRequirement PART_OF_LICENSED_ORGANIZATION = ProgramRequirement.of(
      "CSP.COMP.1", MUST,
      cite("1", "The CSP must be part of a larger mental health or substance use disorder services organization that is licensed within the Commonwealth of Massachusetts."),
      CspComponentsOfService::partOfLicensedOrganization);

  /**
   * {@index CSP.COMP.2}: Item 2: at least one Massachusetts location whose weekly opening hours total at least 40
   * hours (40:00 exactly is enough), providing both onsite and community-based services.
   */
  public static final ProgramRequirement LOCATION_OPEN_40_HOURS = ProgramRequirement.of(
      "CSP.COMP.2", MUST,
      cite("2", "The CSP must operate at least one location that is open and operated at least 40 hours per week within the Commonwealth of Massachusetts with the ability to provide onsite and community-based services."),
      CspComponentsOfService::locationOpen40Hours);

  /**
   * {@index CSP.COMP.3.1}: Item 3, first bullet: "Initial contact attempt must be made within 24 hours of the referral".
   * The first attempt to contact the member (an OUTREACH_ATTEMPT contact, answered or not, or any
   * contact in which the member took part) at or after the time the referral was received, no
   * later than exactly 24 hours after it (24:00 on time, 24:00 plus one nanosecond late); contacts
   * with other parties only (e.g. a call to the referral source) are not attempts to contact the
   * member. UNDETERMINED without a referral time.
   */
  public static final EpisodeRequirement CONTACT_ATTEMPT_WITHIN_24_HOURS = EpisodeRequirement.of(
      "CSP.COMP.3.1", MUST,
      cite("3, first bullet", "Initial contact attempt must be made within 24 hours of the referral"),
      CspComponentsOfService::contactAttemptWithin24Hours);

  /**
   * {@index CSP.COMP.3.2}: Item 3, second bullet: "Initial appointments must be made available within 48 hours of initial
   * contact." The initial contact is the first contact, at or after the referral, in which the
   * member took part (engaged); the requirement applies once it has happened. Met by an initial
   * appointment, booked by the as-of time (and before it took place), that takes place no later
   * than exactly 48 hours after the initial contact: an appointment offered for a time within the
   * window meets it even before it takes place. PENDING while the window is open.
   */
  public static final EpisodeRequirement APPOINTMENT_WITHIN_48_HOURS = EpisodeRequirement.of(
      "CSP.COMP.3.2", MUST,
      cite("3, second bullet", "Initial appointments must be made available within 48 hours of initial contact."),
      CspComponentsOfService::appointmentWithin48Hours)
      .when(Condition.of("the initial contact with the member has been made", CspComponentsOfService::initialContactMade));

  /**
   * {@index CSP.COMP.4.1}: Item 4, first bullet: staff directly accessible in person Monday to Friday, 9 A.M. to 5 P.M.
   * Met when one location providing onsite services has opening hours that cover 09:00 to 17:00
   * (periods on the same day joined) on each of Monday to Friday.
   */
  public static final ProgramRequirement IN_PERSON_WEEKDAYS_9_TO_5 = ProgramRequirement.of(
      "CSP.COMP.4.1", MUST,
      cite("4, first bullet", "Provider staff must be directly accessible to the member, in person Monday through Friday, 9 A.M. to 5 P.M."),
      CspComponentsOfService::inPersonWeekdays9To5);

  /**
   * {@index CSP.COMP.4.2}: Item 4, second bullet: on-call access when the site is closed, to triage needs and refer. Met
   * when the profile records an on-call arrangement that covers closed hours and triages and
   * refers.
   */
  public static final ProgramRequirement ON_CALL_WHEN_CLOSED = ProgramRequirement.of(
      "CSP.COMP.4.2", MUST,
      cite("4, second bullet", "The Program must be accessible on an on-call basis when the site is closed to triage needs and offer referrals to qualified professionals, emergency services, or other mechanisms for effectively responding to a crisis."),
      CspComponentsOfService::onCallWhenClosed);

  /**
   * {@index CSP.COMP.5}: Item 5: "The CSP provider provides mobile services to Members in any setting that is safe for
   * the Member and staff." MUST (present tense). Met when a location of the program provides
   * community-based (mobile) services.
   */
  public static final ProgramRequirement MOBILE_SERVICES = ProgramRequirement.of(
      "CSP.COMP.5", MUST,
      cite("5", "The CSP provider provides mobile services to Members in any setting that is safe for the Member and staff."),
      CspComponentsOfService::mobileServices);

  /**
   * {@index CSP.COMP.6}: Item 6: "The CSP provider will address a variety of complex treatment issues, including
   * treatment resistance, limited self-care, impulsive behavior, and/or difficulty obtaining needed
   * mental health and substance use treatment." No structured fact of the program profile can show
   * it: attested (MET with an attestation for this id dated on or before the as-of date, otherwise
   * NOT_MET).
   */
  public static final ProgramRequirement COMPLEX_TREATMENT_ISSUES = ProgramRequirement.attested(
      "CSP.COMP.6", MUST,
      cite("6", "The CSP provider will address a variety of complex treatment issues, including treatment resistance, limited self-care, impulsive behavior, and/or difficulty obtaining needed mental health and substance use treatment."));

  /**
   * {@index CSP.COMP.7.1}: Item 7, participant 1: the individualized treatment plan (the written service plan) was
   * jointly developed with the member (the plan's "developed with" includes the member).
   */
  public static final EpisodeRequirement PLAN_WITH_MEMBER = participant(1, "the Member",
      "the member", EnumSet.of(Party.MEMBER), null);

  /**
   * {@index CSP.COMP.7.2}: Item 7, participant 2: developed with the treatment providers involved in the member's care
   * (any of outpatient provider, PCC, physician, psychiatrist, obstetric provider, treatment team).
   */
  public static final EpisodeRequirement PLAN_WITH_TREATMENT_PROVIDERS = participant(2,
      "treatment providers involved in the care of the Member", "a treatment provider involved in the member's care",
      EnumSet.of(Party.OUTPATIENT_PROVIDER, Party.PCC, Party.PHYSICIAN, Party.PSYCHIATRIST, Party.OBSTETRIC_PROVIDER,
          Party.TREATMENT_TEAM), null);

  /**
   * {@index CSP.COMP.7.3}: Item 7, participant 3: family, guardian or significant other "with proper consent": applies
   * when the member consented to share with family, guardian, caregiver or significant other; met
   * when the plan was developed with one of them.
   */
  public static final EpisodeRequirement PLAN_WITH_FAMILY = participant(3,
      "family/guardian/significant other with proper consent", "family, guardian or significant other",
      EnumSet.of(Party.FAMILY, Party.GUARDIAN, Party.SIGNIFICANT_OTHER, Party.CAREGIVER),
      CspConditions.consentedTo("family, guardian, caregiver or significant other",
          EnumSet.of(Party.FAMILY, Party.GUARDIAN, Party.SIGNIFICANT_OTHER, Party.CAREGIVER)));

  /**
   * {@index CSP.COMP.7.4}: Item 7, participant 4: a DMH clinician, when the member is DMH Continuing Care Eligible.
   */
  public static final EpisodeRequirement PLAN_WITH_DMH_CLINICIAN = participant(4,
      "a DMH clinician when the Member is identified as DMH Continuing Care Eligible", "a DMH clinician",
      EnumSet.of(Party.DMH_CLINICIAN),
      Condition.of("the member is DMH Continuing Care Eligible", CspComponentsOfService::dmhEligible));

  /**
   * {@index CSP.COMP.7.5}: Item 7, participant 5: a DCF caseworker "when appropriate": when the member has an open DCF
   * case or DCF is involved.
   */
  public static final EpisodeRequirement PLAN_WITH_DCF_CASEWORKER = participant(5,
      "a DCF caseworker when appropriate", "a DCF caseworker", EnumSet.of(Party.DCF_CASEWORKER),
      Condition.of("DCF is involved with the member", CspComponentsOfService::dcfInvolved));

  /**
   * {@index CSP.COMP.8}: Item 8: "The CSP provider assertively provides outreach, care management monitoring, follow-up,
   * and general assistance for Members in dealing with day-to-day activities or problems that may
   * impede access to treatment or the progress of recovery." No structured fact of the program
   * profile can show it: attested (MET with an attestation for this id dated on or before the as-of
   * date, otherwise NOT_MET).
   */
  public static final ProgramRequirement ASSERTIVE_OUTREACH = ProgramRequirement.attested(
      "CSP.COMP.8", MUST,
      cite("8", "The CSP provider assertively provides outreach, care management monitoring, follow-up, and general assistance for Members in dealing with day-to-day activities or problems that may impede access to treatment or the progress of recovery."));

  /**
   * {@index CSP.COMP.9}: Item 9: "The CSP provider facilitates and serves as an adjunct to psychotherapy services and
   * primary care services for medical issues." No structured fact of the program profile can show
   * it: attested (MET with an attestation for this id dated on or before the as-of date, otherwise
   * NOT_MET).
   */
  public static final ProgramRequirement ADJUNCT_TO_PSYCHOTHERAPY_AND_PRIMARY_CARE = ProgramRequirement.attested(
      "CSP.COMP.9", MUST,
      cite("9", "The CSP provider facilitates and serves as an adjunct to psychotherapy services and primary care services for medical issues."));

  /**
   * {@index CSP.COMP.10}: Item 10: encourage and facilitate peer and natural supports: shown by a referral made to peer
   * support or self-help, a peer-support contact, or a contact with the member's natural supports
   * (family, significant other, caregiver, natural supports). No deadline is given:
   * judged over the stay so far (admission to discharge, or to the as-of time while enrolled), MET
   * when the record shows it within that span and NOT_MET when it does not; applies once the member
   * is admitted.
   */
  public static final EpisodeRequirement PEER_AND_NATURAL_SUPPORTS = EpisodeRequirement.of(
      "CSP.COMP.10", MUST,
      cite("10", "The CSP provider will encourage and facilitate the utilization of peer and natural support systems (i.e., self-help, peer support, etc.)"),
      CspServices::peerAndNaturalSupports)
      .when(CspConditions.admitted());

  /**
   * {@index CSP.COMP.11.a}: Item 11, first sentence: education about mental illness, substance use, and recovery and
   * rehabilitation: each of the three topics (MENTAL_ILLNESS, SUBSTANCE_USE, RECOVERY) covered in a
   * contact with the member engaged or with the family. No deadline is given:
   * judged over the stay so far (admission to discharge, or to the as-of time while enrolled), MET
   * when the record shows it within that span and NOT_MET when it does not; applies once the member
   * is admitted.
   */
  public static final EpisodeRequirement EDUCATION = EpisodeRequirement.of(
      "CSP.COMP.11.a", MUST,
      cite("11, first sentence", "The CSP provides Members and their families with education, educational materials, and training about mental illness, substance use, and recovery and rehabilitation."),
      CspServices::education)
      .when(CspConditions.admitted());

  /**
   * {@index CSP.COMP.11.b}: Item 11, second sentence, first obligation: access to education on the effects of psychotropic
   * medications (always) and of medications for physical disorders (when the record marks that
   * counselling need), each covered in a contact with the member engaged or with the family. No deadline is given:
   * judged over the stay so far (admission to discharge, or to the as-of time while enrolled), MET
   * when the record shows it within that span and NOT_MET when it does not; applies once the member
   * is admitted.
   */
  public static final EpisodeRequirement MEDICATION_EDUCATION = EpisodeRequirement.of(
      "CSP.COMP.11.b", MUST,
      cite("11, second sentence, first obligation", "The CSP provider facilitates access to education and training on the effects of psychotropic medications, as well as those for physical disorders"),
      CspServices::medicationEducation)
      .when(CspConditions.admitted());

  /**
   * {@index CSP.COMP.11.c}: Item 11, second sentence: "ensures that the Member is linked to ongoing medication-monitoring
   * services": applies when the record marks a psychiatry (medication) need; met by a referral made
   * to psychiatry or a psychiatric after-care appointment booked. No deadline is given:
   * judged over the stay so far (admission to discharge, or to the as-of time while enrolled), MET
   * when the record shows it within that span and NOT_MET when it does not; applies once the member
   * is admitted.
   */
  public static final EpisodeRequirement MEDICATION_MONITORING_LINK = EpisodeRequirement.of(
      "CSP.COMP.11.c", MUST,
      cite("11, second sentence, second obligation", "ensures that the Member is linked to ongoing medication-monitoring services"),
      CspServices::medicationMonitoringLink)
      .when(CspConditions.serviceNeed("psychiatry (medication monitoring)", EnumSet.of(ServiceCategory.PSYCHIATRY)))
      .when(CspConditions.admitted());

  /**
   * {@index CSP.COMP.11.d}: Item 11, second sentence: "and regular health maintenance": met when the member has a primary
   * care clinician on record, or the record shows a referral made to a PCC or primary health care,
   * or a primary-care or physical-exam appointment booked (the clinician on record counts whenever
   * it is recorded; referrals and bookings count when made during the stay). No deadline is given:
   * judged over the stay so far (admission to discharge, or to the as-of time while enrolled), MET
   * when the record shows it within that span and NOT_MET when it does not; applies once the member
   * is admitted.
   */
  public static final EpisodeRequirement HEALTH_MAINTENANCE_LINK = EpisodeRequirement.of(
      "CSP.COMP.11.d", MUST,
      cite("11, second sentence, third obligation", "and regular health maintenance."),
      CspServices::healthMaintenanceLink)
      .when(CspConditions.admitted());

  CspComponentsOfService() {
    super("COMP", HEADING, List.of(PART_OF_LICENSED_ORGANIZATION, LOCATION_OPEN_40_HOURS,
        CONTACT_ATTEMPT_WITHIN_24_HOURS, APPOINTMENT_WITHIN_48_HOURS, IN_PERSON_WEEKDAYS_9_TO_5, ON_CALL_WHEN_CLOSED,
        MOBILE_SERVICES, COMPLEX_TREATMENT_ISSUES, PLAN_WITH_MEMBER, PLAN_WITH_TREATMENT_PROVIDERS, PLAN_WITH_FAMILY,
        PLAN_WITH_DMH_CLINICIAN, PLAN_WITH_DCF_CASEWORKER, ASSERTIVE_OUTREACH, ADJUNCT_TO_PSYCHOTHERAPY_AND_PRIMARY_CARE,
        PEER_AND_NATURAL_SUPPORTS, EDUCATION, MEDICATION_EDUCATION, MEDICATION_MONITORING_LINK, HEALTH_MAINTENANCE_LINK));
  }

  private static EpisodeRequirement participant(int n, String text, String what, Set<Party> parties, Condition condition) {
    EpisodeRequirement r = EpisodeRequirement.of("CSP.COMP.7." + n, MUST,
        cite("7, participant " + n, text), new PlanParticipant(what, parties)::judge)
        .when(CspConditions.writtenPlan());
    return condition == null ? r : r.when(condition);
  }

  /** One participant the service plan must have been developed with. */
  private record PlanParticipant(Set<Party> parties, String met, String notMet) {
    PlanParticipant(String what, Set<Party> parties) {
      // the reasons depend on the requirement alone: made once
      // an immutable enum set: RecordLists.anyIn lists its members once, not an iterator per record
      this(RecordLists.constant(parties), "the service plan was developed with " + what,
          "the service plan does not record " + what + " among those it was developed with");
    }

    Judgment judge(CaseRecord record, EvaluationContext ctx) {
      ServicePlan plan = CspRecords.planOrNull(record.episode(), ctx);
      if (plan == null) {
        throw new java.util.NoSuchElementException("No value present"); // as Optional.orElseThrow
      }
      com.google.common.collect.ImmutableList<Evidence> ev = CspRecords.evidenceList(plan);
      return RecordLists.anyIn(plan.developedWith(), parties)
          ? org.perfspecs.checks.Judgments.met(met, ev)
          : org.perfspecs.checks.Judgments.notMet(notMet, ev);
    }
  }

  private static Optional<Judgment> dmhEligible(CaseRecord record, EvaluationContext ctx) {
    return record.member().dmhContinuingCareEligible() ? Optional.empty() : NOT_DMH_ELIGIBLE;
  }

  // condition judgments that are the same for every record (immutable): made once
  private static final Optional<Judgment> NOT_DMH_ELIGIBLE =
      Optional.of(Judgment.notApplicable("the member is not identified as DMH Continuing Care Eligible"));
  private static final Optional<Judgment> DCF_NOT_INVOLVED =
      Optional.of(Judgment.notApplicable("DCF is not involved with the member"));
  private static final Optional<Judgment> NO_INITIAL_CONTACT =
      Optional.of(Judgment.notApplicable("no initial contact with the member has been made yet"));

  private static Optional<Judgment> dcfInvolved(CaseRecord record, EvaluationContext ctx) {
    return record.member().dcfCaseOpen() || record.member().stateAgencies().contains(StateAgency.DCF) ? Optional.empty()
        : DCF_NOT_INVOLVED;
  }

  private static Judgment partOfLicensedOrganization(Program program, EvaluationContext ctx) {
    if (program.parentOrganization().isEmpty()) {
      return Judgment.notMet("the program profile names no larger organization the CSP is part of");
    }
    String parent = program.parentOrganization().get();
    LocalDate today = ctx.today();
    Optional<License> licence = program.licenses().stream()
        .filter(l -> l.heldByParentOrganization() && l.massachusetts()
            && l.validThrough().map(v -> !v.isBefore(today)).orElse(true))
        .findFirst();
    Evidence org = Evidence.of("organization", parent, "parent organization");
    if (licence.isPresent()) {
      License l = licence.get();
      return Judgment.met("the CSP is part of " + parent + ", licensed in Massachusetts (" + l.issuer() + ", " + l.kind() + ")",
          org, Evidence.of("license", l.issuer() + " " + l.kind(), "held by the parent organization"));
    }
    return Judgment.notMet("the profile records no valid Massachusetts licence held by the parent organization " + parent, org);
  }

  private static Judgment contactAttemptWithin24Hours(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    Optional<Referral> referral = e.referral();
    if (referral.isEmpty() || !ctx.hasHappened(referral.get().at())) {
      return Judgment.undetermined("no referral time is recorded as of " + Times.format(ctx.asOf(), ctx.zone())
          + ", so the contact deadline cannot be computed");
    }
    Referral r = referral.get();
    Deadline due = Deadline.hoursAfter(r.at(), 24, ctx.zone());
    // the earliest such contact (the first of equal times, as Stream.min kept)
    Instant referred = r.at();
    Contact first = null;
    List<Contact> contacts = e.contacts();
    for (int i = 0, n = contacts.size(); i < n; i++) {
      Contact c = contacts.get(i);
      if ((c.memberEngaged() || c.kind() == ContactKind.OUTREACH_ATTEMPT) && !c.at().isBefore(referred)
          && (first == null || c.at().isBefore(first.at()))) {
        first = c;
      }
    }
    return Timeliness.judge(due, first == null ? Optional.empty() : Optional.of(Timed.of(first.at(), CspRecords.evidence(first))),
        "initial contact attempt", ctx, CspRecords.evidence(r));
  }

  /** The first contact in which the member took part, at or after the referral (when there is one). */
  static Optional<Contact> initialContact(Episode e, EvaluationContext ctx) {
    Contact c = initialContactOrNull(e, ctx);
    return c == null ? Optional.empty() : Optional.of(c);
  }

  /** {@link #initialContact}, null when there is none. */
  private static Contact initialContactOrNull(Episode e, EvaluationContext ctx) {
    Optional<Referral> referral = e.referral();
    Instant from = referral.isPresent() ? referral.get().at() : Instant.MIN;
    List<Contact> contacts = CspRecords.contacts(e, ctx);
    for (int i = 0, n = contacts.size(); i < n; i++) {
      Contact c = contacts.get(i);
      if (c.memberEngaged() && !c.at().isBefore(from)) {
        return c;
      }
    }
    return null;
  }

  private static Optional<Judgment> initialContactMade(CaseRecord record, EvaluationContext ctx) {
    return initialContactOrNull(record.episode(), ctx) != null ? Optional.empty() : NO_INITIAL_CONTACT;
  }

  private static Judgment appointmentWithin48Hours(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    Contact contact = initialContactOrNull(e, ctx);
    if (contact == null) {
      throw new java.util.NoSuchElementException("No value present"); // as Optional.orElseThrow
    }
    Deadline due = Deadline.hoursAfter(contact.at(), 48, ctx.zone());
    Evidence basis = CspRecords.evidence(contact);
    // the initial appointments booked (scheduled, as of the evaluation, for a time not before the
    // booking), by time (a stable sort, as Stream.sorted)
    List<Appointment> appointments = e.appointments();
    Appointment[] booked = new Appointment[appointments.size()];
    int count = 0;
    for (int i = 0; i < booked.length; i++) {
      Appointment a = appointments.get(i);
      if (a.kind() == AppointmentKind.INITIAL && ctx.hasHappened(a.scheduledAt()) && !a.scheduledAt().isAfter(a.at())) {
        booked[count++] = a;
      }
    }
    java.util.Arrays.sort(booked, 0, count, BY_TIME);
    Appointment inWindow = null;
    for (int i = 0; i < count && inWindow == null; i++) {
      if (due.isMetBy(booked[i].at())) {
        inWindow = booked[i];
      }
    }
    if (inWindow != null) {
      Appointment a = inWindow;
      return Judgment.metBy(due, "initial appointment made available for " + Times.format(a.at(), ctx.zone())
          + ", within 48 hours of the initial contact", basis, Evidence.of("appointment", a.id(), a.at(), "initial appointment"));
    }
    if (due.isOpenAt(ctx.asOf())) {
      return Judgment.pending(due, "no initial appointment within 48 hours of the initial contact is booked yet; due by "
          + Times.format(due.last(), ctx.zone()), basis);
    }
    Evidence[] ev = new Evidence[1 + count];
    ev[0] = basis;
    for (int i = 0; i < count; i++) {
      Appointment a = booked[i];
      ev[1 + i] = Evidence.of("appointment", a.id(), a.at(), "initial appointment after the window");
    }
    return org.perfspecs.checks.Judgments.missed(due, "no initial appointment was made available by " + Times.format(due.last(), ctx.zone())
        + " (48 hours after the initial contact)" + (count == 0 ? "" : "; the first offered is later"), ev);
  }

  private static final Comparator<Appointment> BY_TIME = Comparator.comparing(Appointment::at);

  private static final LocalTime NINE = LocalTime.of(9, 0);
  private static final LocalTime FIVE_PM = LocalTime.of(17, 0);

  /** Whether {@code l}'s hours on {@code day}, joined, cover 09:00 to 17:00. */
  static boolean covers9To5(Location l, DayOfWeek day) {
    List<OpeningHours> periods = l.hours().stream().filter(h -> h.day() == day)
        .sorted(Comparator.comparing(OpeningHours::opens)).toList();
    LocalTime covered = NINE;
    for (OpeningHours h : periods) {
      if (!h.opens().isAfter(covered) && h.closes().isAfter(covered)) {
        covered = h.closes();
      }
    }
    return !covered.isBefore(FIVE_PM);
  }

  private static Judgment inPersonWeekdays9To5(Program program, EvaluationContext ctx) {
    List<DayOfWeek> weekdays = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    for (Location l : program.locations()) {
      if (l.onsiteServices() && weekdays.stream().allMatch(d -> covers9To5(l, d))) {
        return Judgment.met("location " + l.id() + " is open in person 9 A.M. to 5 P.M. Monday through Friday",
            Evidence.of("location", l.id(), "open 09:00-17:00 Monday-Friday"));
      }
    }
    if (program.locations().isEmpty()) {
      return Judgment.notMet("the program profile records no location");
    }
    return Judgment.notMet("no location with onsite services is open 9 A.M. to 5 P.M. on every weekday",
        program.locations().stream().map(l -> Evidence.of("location", l.id(), "weekday hours do not cover 09:00-17:00"
            + weekdays.stream().filter(d -> !covers9To5(l, d)).findFirst().map(d -> " (" + d + ")").orElse(" (no onsite services)")))
            .toArray(Evidence[]::new));
  }

  private static Judgment onCallWhenClosed(Program program, EvaluationContext ctx) {
    if (program.onCall().isEmpty()) {
      return Judgment.notMet("the program profile records no on-call arrangement");
    }
    var oc = program.onCall().get();
    Evidence ev = Evidence.of("onCall", program.id(), "on-call arrangement");
    if (oc.coversClosedHours() && oc.triagesAndRefers()) {
      return Judgment.met("the on-call arrangement covers closed hours and triages and refers", ev);
    }
    return Judgment.notMet("the on-call arrangement " + (oc.coversClosedHours() ? "does not triage and refer"
        : "does not cover every hour the site is closed"), ev);
  }

  static Judgment mobileServices(Program program, EvaluationContext ctx) {
    Optional<Location> mobile = program.locations().stream().filter(Location::communityServices).findFirst();
    return mobile.isPresent()
        ? Judgment.met("location " + mobile.get().id() + " provides community-based (mobile) services",
            Evidence.of("location", mobile.get().id(), "community-based services"))
        : Judgment.notMet("no location of the program provides community-based (mobile) services");
  }

  static Citation cite(String label, String text) {
    return Citation.of(Csp.SOURCE, HEADING, label, text);
  }

  private static Judgment locationOpen40Hours(Program program, EvaluationContext ctx) {
    if (program.locations().isEmpty()) {
      return Judgment.notMet("the program profile records no location");
    }
    Optional<Location> qualifying = program.locations().stream()
        .filter(l -> l.inMassachusetts() && l.onsiteServices() && l.communityServices()
            && l.weeklyMinutes() >= MINIMUM_WEEKLY_MINUTES)
        .findFirst();
    if (qualifying.isPresent()) {
      Location l = qualifying.get();
      return Judgment.met("location " + l.id() + " in Massachusetts is open " + hours(l.weeklyMinutes())
          + " a week with onsite and community-based services", evidence(l));
    }
    Location best = program.locations().stream().max(Comparator.comparingLong(Location::weeklyMinutes)).get();
    return Judgment.notMet("no Massachusetts location with onsite and community-based services is open 40 hours a week"
        + " (the longest-open location, " + best.id() + ", is open " + hours(best.weeklyMinutes())
        + (best.inMassachusetts() ? "" : ", outside Massachusetts")
        + (best.onsiteServices() && best.communityServices() ? "" : ", without both onsite and community-based services")
        + ")", program.locations().stream().map(CspComponentsOfService::evidence).toArray(Evidence[]::new));
  }

  private static Evidence evidence(Location l) {
    return Evidence.of("location", l.id(), hours(l.weeklyMinutes()) + " a week"
        + (l.inMassachusetts() ? ", in Massachusetts" : ", outside Massachusetts"));
  }

  private static String hours(long minutes) {
    return minutes / 60 + "h" + (minutes % 60 == 0 ? "" : String.format(java.util.Locale.ROOT, "%02dm", minutes % 60));
  }
}

package org.perfspecs.checks.specifications.csp;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.perfspecs.checks.RecordLists;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.Judgments;
import org.perfspecs.model.Appointment;
import org.perfspecs.model.AppointmentKind;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.Episode;
import org.perfspecs.model.Party;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.Topic;

/**
 * Rules for the CSP services that are stated twice in the document (Components of Service 10 and
 * 11; Process specifications 2.d). The document gives them no deadline or window, so they are
 * judged over the stay so far: from the admission to the discharge, or to the as-of time while the
 * member is still enrolled. MET when the record shows the service within that span, NOT_MET when it
 * does not (what is not documented was not done); records before admission or after discharge do
 * not count. The requirements using them apply once the member is admitted.
 */
final class CspServices {
  private CspServices() {}

  /** The member's natural supports as parties to a contact. */
  static final Set<Party> NATURAL_SUPPORTS = RecordLists.constant(EnumSet.of(Party.FAMILY, Party.SIGNIFICANT_OTHER,
      Party.CAREGIVER, Party.NATURAL_SUPPORTS, Party.GUARDIAN));
  private static final Set<Topic> EDUCATION_TOPICS = RecordLists.constant(EnumSet.of(Topic.MENTAL_ILLNESS,
      Topic.SUBSTANCE_USE, Topic.RECOVERY));
  private static final Set<Topic> PSYCHOTROPIC = RecordLists.constant(EnumSet.of(Topic.PSYCHOTROPIC_MEDICATIONS));
  private static final Set<Topic> PSYCHOTROPIC_AND_PHYSICAL = RecordLists.constant(EnumSet.of(
      Topic.PSYCHOTROPIC_MEDICATIONS, Topic.MEDICATIONS_FOR_PHYSICAL_DISORDERS));
  private static final Set<Topic> DAILY_LIVING_TOPICS = RecordLists.constant(EnumSet.of(Topic.DAILY_LIVING_SKILLS));

  /**
   * What {@link #topics} needs of one constant set of topics and its words, worked out once: the
   * topics as an array and as bits by ordinal, their names, and the start of the NOT_MET reason.
   */
  private record TopicRule(Set<Topic> required, Topic[] wanted, long requiredBits, String names, String what,
      String none) {
    TopicRule(Set<Topic> required, String what) {
      this(required, required.toArray(new Topic[0]), bitsOf(required), CspConditions.names(required), what,
          "no " + what + " on ");
    }

    private static long bitsOf(Set<Topic> topics) {
      long bits = 0;
      for (Topic t : topics) {
        bits |= 1L << t.ordinal();
      }
      return bits;
    }
  }

  private static final TopicRule EDUCATION = new TopicRule(EDUCATION_TOPICS, "education");
  private static final TopicRule MEDICATION_EDUCATION = new TopicRule(PSYCHOTROPIC, "medication education");
  private static final TopicRule MEDICATION_EDUCATION_WITH_PHYSICAL =
      new TopicRule(PSYCHOTROPIC_AND_PHYSICAL, "medication education");
  private static final TopicRule DAILY_LIVING = new TopicRule(DAILY_LIVING_TOPICS, "daily living skills work");

  /** Contacts during the stay so far (admission to discharge, or to the as-of time). */
  static List<Contact> contactsDuringStay(Episode e, EvaluationContext ctx) {
    return CspRecords.contactsDuringStay(e, ctx);
  }

  static Judgment peerAndNaturalSupports(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    List<Referral> referrals = CspRecords.referralsDuringStay(e, ctx);
    List<Contact> stay = contactsDuringStay(e, ctx);
    // counted first, so the array is the size of what is shown (not of the whole stay)
    ServiceCategory[] targets = CspRecords.targetsDuringStay(e, ctx);
    int matches = 0;
    for (int i = 0, n = referrals.size(); i < n; i++) {
      if (peerOrSelfHelp(targets[i])) {
        matches++;
      }
    }
    for (int i = 0, n = stay.size(); i < n; i++) {
      if (peerOrNaturalSupport(stay.get(i))) {
        matches++;
      }
    }
    // ev[0] is the admission's (shownDuringStay): the referrals, then the contacts, in their order
    Evidence[] shown = new Evidence[1 + matches];
    int count = 1;
    for (int i = 0, n = referrals.size(); i < n; i++) {
      if (peerOrSelfHelp(targets[i])) {
        shown[count++] = CspRecords.evidence(referrals.get(i));
      }
    }
    for (int i = 0, n = stay.size(); i < n; i++) {
      Contact c = stay.get(i);
      if (peerOrNaturalSupport(c)) {
        shown[count++] = CspRecords.contactDuringStayEvidence(e, ctx, stay, i);
      }
    }
    return CspRecords.shownDuringStay(e, ctx, shown, count, "the record shows peer, self-help or natural supports encouraged and facilitated",
        "the record shows no referral to peer support or self-help, no peer-support contact and no contact with natural supports");
  }

  private static boolean peerOrSelfHelp(ServiceCategory t) {
    return t == ServiceCategory.PEER_SUPPORT || t == ServiceCategory.SELF_HELP;
  }

  private static boolean peerOrNaturalSupport(Contact c) {
    if (c.kind() == ContactKind.PEER_SUPPORT) {
      return true;
    }
    // RecordLists.anyIn(c.parties(), NATURAL_SUPPORTS) without an iterator per contact
    Set<Party> parties = c.parties();
    if (parties.isEmpty()) {
      return false;
    }
    for (Party p : NATURAL_SUPPORT_PARTIES) {
      if (parties.contains(p)) {
        return true;
      }
    }
    return false;
  }

  private static final Party[] NATURAL_SUPPORT_PARTIES = NATURAL_SUPPORTS.toArray(new Party[0]);

  private static Judgment topics(Episode e, EvaluationContext ctx, TopicRule rule) {
    List<Contact> stay = contactsDuringStay(e, ctx);
    int n = stay.size();
    // the admission, then the contacts that show it; topics covered as bits by ordinal (Topic has
    // fewer than 64 constants: checked where the masks are made)
    Topic[] wanted = rule.wanted();
    long requiredBits = rule.requiredBits();
    // counted first, so the array is the size of what is shown (not of the whole stay)
    int matches = 0;
    for (int i = 0; i < n; i++) {
      if (topicsWithMemberOrFamily(stay.get(i), wanted) != 0) {
        matches++;
      }
    }
    Evidence[] ev = new Evidence[1 + matches];
    int count = 0;
    ev[count++] = CspRecords.admission(e);
    long covered = 0;
    for (int i = 0; i < n && count < ev.length; i++) {
      long topics = topicsWithMemberOrFamily(stay.get(i), wanted);
      if (topics != 0) {
        ev[count++] = CspRecords.contactDuringStayEvidence(e, ctx, stay, i);
        covered |= topics;
      }
    }
    if (covered == requiredBits) {
      return Judgments.met(rule.what(), " covered: ", rule.names(), "", ev);
    }
    return Judgments.notMet(rule.none(), missingNames(requiredBits & ~covered, wanted),
        " with the member or family is recorded ", CspRecords.span(e, ctx), ev);
  }

  static {
    if (Topic.values().length > 64) {
      throw new ExceptionInInitializerError("Topic has more than 64 constants");
    }
  }

  // the names of the topics missing, by their bits (the same text for the same topics): made once each
  private static final java.util.concurrent.ConcurrentHashMap<Long, String> MISSING_NAMES =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** {@code CspConditions.names} of the topics of {@code wanted} whose bits are in {@code missing}. */
  private static String missingNames(long missing, Topic[] wanted) {
    return MISSING_NAMES.computeIfAbsent(missing, m -> {
      Set<Topic> topics = EnumSet.noneOf(Topic.class);
      for (Topic t : wanted) {
        if ((m & 1L << t.ordinal()) != 0) {
          topics.add(t);
        }
      }
      return CspConditions.names(topics);
    });
  }

  /** The topics of {@code wanted} that {@code c} covers with the member engaged or the family, as bits by ordinal. */
  private static long topicsWithMemberOrFamily(Contact c, Topic[] wanted) {
    return c.memberEngaged() || c.parties().contains(Party.FAMILY) ? bits(c.topics(), wanted) : 0;
  }

  /** The topics of {@code wanted} that {@code topics} holds, as bits by ordinal. */
  private static long bits(Set<Topic> topics, Topic[] wanted) {
    if (topics.isEmpty()) {
      return 0;
    }
    long bits = 0;
    for (Topic t : wanted) {
      if (topics.contains(t)) {
        bits |= 1L << t.ordinal();
      }
    }
    return bits;
  }

  static Judgment education(CaseRecord record, EvaluationContext ctx) {
    return topics(record.episode(), ctx, EDUCATION);
  }

  static Judgment medicationEducation(CaseRecord record, EvaluationContext ctx) {
    TopicRule rule = record.episode().counselingNeeds().contains(Topic.MEDICATIONS_FOR_PHYSICAL_DISORDERS)
        ? MEDICATION_EDUCATION_WITH_PHYSICAL : MEDICATION_EDUCATION;
    return topics(record.episode(), ctx, rule);
  }

  /**
   * Judged over the stay: {@code lead} (when not null), the referrals made during the stay to one
   * of {@code targets}, then the appointments of {@code kinds} booked during the stay, in order.
   */
  private static Judgment linked(Episode e, EvaluationContext ctx, Set<ServiceCategory> targets, Set<AppointmentKind> kinds,
      Evidence lead, String met, String notMet) {
    List<Referral> referrals = CspRecords.referralsDuringStay(e, ctx);
    List<Appointment> appointments = e.appointments();
    // ev[0] is the admission's (shownDuringStay)
    Evidence[] shown = new Evidence[2 + referrals.size() + appointments.size()];
    int count = 1;
    if (lead != null) {
      shown[count++] = lead;
    }
    ServiceCategory[] targetOf = CspRecords.targetsDuringStay(e, ctx);
    for (int i = 0, n = referrals.size(); i < n; i++) {
      ServiceCategory target = targetOf[i];
      if (target != null && targets.contains(target)) {
        shown[count++] = CspRecords.evidence(referrals.get(i));
      }
    }
    for (int i = 0, n = appointments.size(); i < n; i++) {
      Appointment a = appointments.get(i);
      if (kinds.contains(a.kind()) && CspRecords.inStayOnce(e, a.scheduledAt(), ctx)) {
        shown[count++] = Evidence.of("appointment", a.id(), a.at(), appointmentNote(a.kind()));
      }
    }
    return CspRecords.shownDuringStay(e, ctx, shown, count, met, notMet);
  }

  // "<KIND> appointment" by kind, made once each (a benign race, as in CspRecords)
  private static final String[] APPOINTMENT_NOTES = new String[AppointmentKind.values().length];

  private static String appointmentNote(AppointmentKind kind) {
    String note = APPOINTMENT_NOTES[kind.ordinal()];
    if (note == null) {
      note = kind + " appointment";
      APPOINTMENT_NOTES[kind.ordinal()] = note;
    }
    return note;
  }

  private static final Set<ServiceCategory> PSYCHIATRY = RecordLists.constant(EnumSet.of(ServiceCategory.PSYCHIATRY));
  private static final Set<AppointmentKind> PSYCHIATRIC_AFTERCARE = RecordLists.constant(
      EnumSet.of(AppointmentKind.PSYCHIATRIC_AFTERCARE));
  private static final Set<ServiceCategory> PRIMARY_CARE_TARGETS = RecordLists.constant(
      EnumSet.of(ServiceCategory.PCC, ServiceCategory.PRIMARY_HEALTH));
  private static final Set<AppointmentKind> PRIMARY_CARE_KINDS = RecordLists.constant(
      EnumSet.of(AppointmentKind.PRIMARY_CARE, AppointmentKind.PHYSICAL_EXAM));

  static Judgment medicationMonitoringLink(CaseRecord record, EvaluationContext ctx) {
    return linked(record.episode(), ctx, PSYCHIATRY, PSYCHIATRIC_AFTERCARE, null,
        "the member is linked to medication-monitoring services",
        "the record shows no referral to psychiatry and no psychiatric appointment booked for medication monitoring");
  }

  static Judgment healthMaintenanceLink(CaseRecord record, EvaluationContext ctx) {
    Evidence clinician = record.member().primaryCareClinician().isPresent()
        ? Evidence.of("member", record.member().id(), "primary care clinician on record") : null;
    return linked(record.episode(), ctx, PRIMARY_CARE_TARGETS, PRIMARY_CARE_KINDS, clinician,
        "the member is linked to regular health maintenance",
        "the member has no primary care clinician on record and the record shows no referral to primary care and no primary-care or physical-exam appointment");
  }

  /** Daily living skills: a contact with the member engaged covering daily living skills. */
  static Judgment dailyLivingSkills(CaseRecord record, EvaluationContext ctx) {
    return topics(record.episode(), ctx, DAILY_LIVING);
  }

  /**
   * Assistance with obtaining one of {@code targets}: a referral made to it during the stay; the
   * reasons ({@link #referredToMet}, {@link #referredToNotMet}) made by the caller, once.
   */
  static Judgment referredTo(CaseRecord record, EvaluationContext ctx, Set<ServiceCategory> targets, String met,
      String notMet) {
    Episode e = record.episode();
    List<Referral> referrals = CspRecords.referralsDuringStay(e, ctx);
    // ev[0] is the admission's (shownDuringStay): the referrals to one of the targets, in order
    Evidence[] shown = new Evidence[1 + referrals.size()];
    int count = 1;
    ServiceCategory[] targetOf = CspRecords.targetsDuringStay(e, ctx);
    for (int i = 0, n = referrals.size(); i < n; i++) {
      ServiceCategory target = targetOf[i];
      if (target != null && targets.contains(target)) {
        shown[count++] = CspRecords.evidence(referrals.get(i));
      }
    }
    return CspRecords.shownDuringStay(e, ctx, shown, count, met, notMet);
  }

  static String referredToMet(String what) {
    return "the record shows assistance with obtaining " + what + " (referral made)";
  }

  static String referredToNotMet(String what) {
    return "the record marks a need for " + what + " but shows no referral made for it";
  }
}

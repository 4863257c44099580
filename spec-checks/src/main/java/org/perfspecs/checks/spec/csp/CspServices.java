package org.perfspecs.checks.spec.csp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.model.AppointmentKind;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.Episode;
import org.perfspecs.model.Party;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.Topic;

/**
 * Rules for the CSP services that are stated twice in the document (Components of Service 10 and
 * 11; Process specifications 2.d). They are judged over the stay: what the record shows from
 * admission (or before) to discharge. Contacts after discharge do not count.
 */
final class CspServices {
  private CspServices() {}

  /** The member's natural supports as parties to a contact. */
  static final Set<Party> NATURAL_SUPPORTS = EnumSet.of(Party.FAMILY, Party.SIGNIFICANT_OTHER, Party.CAREGIVER,
      Party.NATURAL_SUPPORTS, Party.GUARDIAN);

  /** Contacts that have happened, up to the discharge when there was one. */
  static List<Contact> contactsDuringStay(Episode e, EvaluationContext ctx) {
    Instant end = e.dischargedAt().filter(ctx::hasHappened).orElse(ctx.asOf());
    return CspRecords.contacts(e, ctx).stream().filter(c -> !c.at().isAfter(end)).toList();
  }

  static Judgment peerAndNaturalSupports(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    List<Evidence> shown = new ArrayList<>();
    CspRecords.referralsMade(e, ctx).stream()
        .filter(r -> r.target().filter(t -> t == ServiceCategory.PEER_SUPPORT || t == ServiceCategory.SELF_HELP).isPresent())
        .map(CspRecords::evidence).forEach(shown::add);
    contactsDuringStay(e, ctx).stream()
        .filter(c -> c.kind() == ContactKind.PEER_SUPPORT || c.parties().stream().anyMatch(NATURAL_SUPPORTS::contains))
        .map(CspRecords::evidence).forEach(shown::add);
    return CspRecords.shown(shown, "the record shows peer, self-help or natural supports encouraged and facilitated",
        "the record shows no referral to peer support or self-help, no peer-support contact and no contact with natural supports");
  }

  private static Judgment topics(Episode e, EvaluationContext ctx, Set<Topic> required, String what) {
    List<Evidence> shown = new ArrayList<>();
    Set<Topic> covered = EnumSet.noneOf(Topic.class);
    for (Contact c : contactsDuringStay(e, ctx)) {
      boolean withMemberOrFamily = c.memberEngaged() || c.parties().contains(Party.FAMILY);
      if (withMemberOrFamily && c.topics().stream().anyMatch(required::contains)) {
        shown.add(CspRecords.evidence(c));
        c.topics().stream().filter(required::contains).forEach(covered::add);
      }
    }
    Set<Topic> missing = EnumSet.copyOf(required);
    missing.removeAll(covered);
    if (missing.isEmpty()) {
      return Judgment.met(what + " covered: " + CspConditions.names(required), CspRecords.all(shown));
    }
    return Judgment.notMet("no " + what + " on " + CspConditions.names(missing) + " with the member or family is recorded during the stay",
        CspRecords.all(shown));
  }

  static Judgment education(CaseRecord record, EvaluationContext ctx) {
    return topics(record.episode(), ctx, EnumSet.of(Topic.MENTAL_ILLNESS, Topic.SUBSTANCE_USE, Topic.RECOVERY), "education");
  }

  static Judgment medicationEducation(CaseRecord record, EvaluationContext ctx) {
    Set<Topic> required = EnumSet.of(Topic.PSYCHOTROPIC_MEDICATIONS);
    if (record.episode().counselingNeeds().contains(Topic.MEDICATIONS_FOR_PHYSICAL_DISORDERS)) {
      required.add(Topic.MEDICATIONS_FOR_PHYSICAL_DISORDERS);
    }
    return topics(record.episode(), ctx, required, "medication education");
  }

  private static List<Evidence> linked(Episode e, EvaluationContext ctx, Set<ServiceCategory> targets, Set<AppointmentKind> kinds) {
    List<Evidence> shown = new ArrayList<>();
    CspRecords.referralsMade(e, ctx).stream().filter(r -> r.target().filter(targets::contains).isPresent())
        .map(CspRecords::evidence).forEach(shown::add);
    e.appointments().stream().filter(a -> kinds.contains(a.kind()) && ctx.hasHappened(a.scheduledAt()))
        .map(a -> Evidence.of("appointment", a.id(), a.at(), a.kind() + " appointment")).forEach(shown::add);
    return shown;
  }

  static Judgment medicationMonitoringLink(CaseRecord record, EvaluationContext ctx) {
    return CspRecords.shown(linked(record.episode(), ctx, EnumSet.of(ServiceCategory.PSYCHIATRY),
            EnumSet.of(AppointmentKind.PSYCHIATRIC_AFTERCARE)),
        "the member is linked to medication-monitoring services",
        "the record shows no referral to psychiatry and no psychiatric appointment booked for medication monitoring");
  }

  static Judgment healthMaintenanceLink(CaseRecord record, EvaluationContext ctx) {
    List<Evidence> shown = linked(record.episode(), ctx, EnumSet.of(ServiceCategory.PCC, ServiceCategory.PRIMARY_HEALTH),
        EnumSet.of(AppointmentKind.PRIMARY_CARE, AppointmentKind.PHYSICAL_EXAM));
    if (record.member().primaryCareClinician().isPresent()) {
      shown.add(0, Evidence.of("member", record.member().id(), "primary care clinician on record"));
    }
    return CspRecords.shown(shown, "the member is linked to regular health maintenance",
        "the member has no primary care clinician on record and the record shows no referral to primary care and no primary-care or physical-exam appointment");
  }

  /** Daily living skills: a contact with the member engaged covering daily living skills. */
  static Judgment dailyLivingSkills(CaseRecord record, EvaluationContext ctx) {
    return topics(record.episode(), ctx, EnumSet.of(Topic.DAILY_LIVING_SKILLS), "daily living skills work");
  }

  /** Assistance with obtaining {@code target}: a referral made to it. */
  static Judgment referredTo(CaseRecord record, EvaluationContext ctx, Set<ServiceCategory> targets, String what) {
    List<Evidence> shown = linked(record.episode(), ctx, targets, EnumSet.noneOf(AppointmentKind.class));
    return CspRecords.shown(shown, "the record shows assistance with obtaining " + what + " (referral made)",
        "the record marks a need for " + what + " but shows no referral made for it");
  }
}

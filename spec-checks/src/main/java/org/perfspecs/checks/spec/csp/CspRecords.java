package org.perfspecs.checks.spec.csp;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContentElement;
import org.perfspecs.model.Document;
import org.perfspecs.model.DocumentKind;
import org.perfspecs.model.Episode;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ServicePlan;

/**
 * Reading a CSP case record as of the evaluation time: only what has happened counts (contacts,
 * referrals and appointments at or before the as-of instant; documents dated on or before the
 * as-of date), and evidence naming the records.
 */
final class CspRecords {
  private CspRecords() {}

  /** Contacts that have happened, earliest first. */
  static List<Contact> contacts(Episode e, EvaluationContext ctx) {
    return e.contacts().stream().filter(c -> ctx.hasHappened(c.at()))
        .sorted(Comparator.comparing(Contact::at)).toList();
  }

  /** Documents of {@code kinds} dated on or before the as-of date, earliest first. */
  static List<Document> documents(Episode e, EvaluationContext ctx, Set<DocumentKind> kinds) {
    return e.documents().stream().filter(d -> kinds.contains(d.kind()) && ctx.hasBegun(d.date()))
        .sorted(Comparator.comparing(Document::date)).toList();
  }

  /** Referrals made out of the service that have happened, earliest first. */
  static List<Referral> referralsMade(Episode e, EvaluationContext ctx) {
    return e.referralsMade().stream().filter(r -> ctx.hasHappened(r.at()))
        .sorted(Comparator.comparing(Referral::at)).toList();
  }

  /** The written service plan, once its completion date has begun. */
  static Optional<ServicePlan> plan(Episode e, EvaluationContext ctx) {
    return e.servicePlan().filter(p -> ctx.hasBegun(p.completedOn()));
  }

  /**
   * Discharge-planning records: progress notes that record discharge-planning activity, and
   * discharge plans, dated on or before the as-of date.
   */
  static List<Document> dischargePlanning(Episode e, EvaluationContext ctx) {
    return documents(e, ctx, Set.of(DocumentKind.PROGRESS_NOTE, DocumentKind.DISCHARGE_PLAN)).stream()
        .filter(d -> d.kind() == DocumentKind.DISCHARGE_PLAN
            || d.elements().contains(ContentElement.DISCHARGE_PLANNING_ACTIVITY))
        .toList();
  }

  /** The first instant of {@code day} in the evaluation zone (a dated document counts from then). */
  static Instant startOf(LocalDate day, EvaluationContext ctx) {
    return day.atStartOfDay(ctx.zone()).toInstant();
  }

  static Evidence evidence(Document d) {
    return Evidence.onDate("document", d.id(), d.date(), d.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
  }

  static Evidence evidence(Contact c) {
    return Evidence.of("contact", c.id(), c.at(), c.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
        + " contact (" + c.mode().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")");
  }

  static Evidence evidence(Referral r) {
    return Evidence.of("referral", r.id(), r.at(), r.target().map(t -> "referral to " + t).orElse("referral received")
        + r.outcome().map(o -> ", outcome " + o).orElse(""));
  }

  static Evidence evidence(ServicePlan p) {
    return Evidence.onDate("servicePlan", p.id(), p.completedOn(), "written service plan");
  }

  static Evidence episode(Episode e, Instant at, String note) {
    return Evidence.of("episode", e.id(), at, note);
  }

  static Evidence[] all(List<Evidence> evidence) {
    return evidence.toArray(Evidence[]::new);
  }

  /** Met when {@code shown} holds evidence, else not met; for obligations without a deadline. */
  static Judgment shown(List<Evidence> shown, String met, String notMet, Evidence... basis) {
    if (!shown.isEmpty()) {
      List<Evidence> ev = new java.util.ArrayList<>(List.of(basis));
      ev.addAll(shown);
      return Judgment.met(met, all(ev));
    }
    return Judgment.notMet(notMet, basis);
  }
}

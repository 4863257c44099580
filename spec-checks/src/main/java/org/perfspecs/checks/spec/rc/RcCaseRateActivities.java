package org.perfspecs.checks.spec.rc;

import static org.perfspecs.checks.Strength.MUST;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.Section;
import org.perfspecs.checks.Times;
import org.perfspecs.checks.time.Deadline;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactKind;
import org.perfspecs.model.ContactMode;
import org.perfspecs.model.Episode;

/** RC: the minimum activities required for the case rate. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RcCaseRateActivities extends Section {
  static final String HEADING = "In order to receive the case rate for Recovery Coach Services, the provider must document and be able to demonstrate that the Recovery Coach has completed the following minimum activities with all Members on the case:";

  /** Connections needed in each period. */
  public static final int CONNECTIONS_PER_PERIOD = 5;

  /** Length of a period in days. */
  public static final int PERIOD_DAYS = 30;

  /**
   * Item 2: at least five connections in every thirty-day period.
   *
   * <p>Windows: consecutive 30-day periods from the date of admission (the start of service) in
   * America/New_York: days 1-30, 31-60, ... A connection is a contact in person, by phone or by
   * text (telehealth video is not one of the three modes named) with the member engaged and
   * responsive; case-related work without the member, and contacts after discharge, never count.
   * Each period that has closed
   * (its last day has ended before the as-of time) must hold at least five; the period in
   * progress is PENDING until it holds five or closes. A last period cut short by discharge is
   * judged only if it already holds five (it is not a thirty-day period). A stay shorter than
   * thirty days with fewer than five connections is NOT_APPLICABLE.
   */
  public static final EpisodeRequirement FIVE_CONNECTIONS_PER_30_DAYS = EpisodeRequirement.of(
      "RC.CASE.2", MUST,
      cite("2, first and second sentences", "At least five (5) connections with the Member over a thirty (30) day period. Connections can be made in person, over the phone, or by text provided that the Member is engaged and responsive."),
      RcCaseRateActivities::fiveConnectionsPer30Days);

  private static final Set<ContactMode> CONNECTION_MODES = Set.of(ContactMode.IN_PERSON, ContactMode.PHONE, ContactMode.TEXT);

  RcCaseRateActivities() {
    super("CASE", HEADING, List.of(FIVE_CONNECTIONS_PER_30_DAYS));
  }

  static Citation cite(String label, String text) {
    return Citation.of(Rc.SOURCE, HEADING, label, text);
  }

  /** Whether {@code c} counts as a connection with the member. */
  static boolean isConnection(Contact c) {
    return c.memberEngaged() && CONNECTION_MODES.contains(c.mode()) && c.kind() != ContactKind.CASE_RELATED_WORK;
  }

  private static Judgment fiveConnectionsPer30Days(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    if (e.admittedAt().filter(ctx::hasHappened).isEmpty()) {
      return Judgment.undetermined("no admission (start of service) time is recorded as of "
          + Times.format(ctx.asOf(), ctx.zone()) + ", so the 30-day periods cannot be placed");
    }
    LocalDate start = ctx.dateOf(e.admittedAt().get());
    LocalDate lastServiceDay = e.dischargedAt().filter(ctx::hasHappened).map(ctx::dateOf).orElse(ctx.today());
    java.time.Instant serviceEnd = e.dischargedAt().filter(ctx::hasHappened).orElse(ctx.asOf());
    List<Contact> connections = e.contacts().stream()
        .filter(c -> isConnection(c) && !c.at().isAfter(serviceEnd))
        .toList();
    List<Evidence> periods = new ArrayList<>();
    for (int k = 0; ; k++) {
      LocalDate from = start.plusDays((long) k * PERIOD_DAYS);
      LocalDate to = from.plusDays(PERIOD_DAYS - 1);
      if (from.isAfter(lastServiceDay)) {
        break;
      }
      long count = connections.stream()
          .map(c -> ctx.dateOf(c.at()))
          .filter(d -> !d.isBefore(from) && !d.isAfter(to))
          .count();
      Deadline end = Deadline.endOf(to, ctx.zone(), "end of 30-day period " + (k + 1) + " (" + from + " to " + to + ")");
      Evidence period = Evidence.onDate("period", e.id() + "#" + (k + 1), from,
          count + " connection(s) from " + from + " to " + to);
      boolean cutShort = to.isAfter(lastServiceDay);
      boolean closed = !end.isOpenAt(ctx.asOf()) || (!e.isOpenAt(ctx.asOf()) && !cutShort);
      if (count >= CONNECTIONS_PER_PERIOD) {
        periods.add(period);
        continue;
      }
      if (closed && !cutShort) {
        periods.add(period);
        return Judgment.missed(end, "period " + (k + 1) + " (" + from + " to " + to + ") had " + count
            + " connection(s) with the member; at least " + CONNECTIONS_PER_PERIOD + " are required",
            periods.toArray(Evidence[]::new));
      }
      if (e.isOpenAt(ctx.asOf()) && !closed) {
        periods.add(period);
        return Judgment.pending(end, "period " + (k + 1) + " (" + from + " to " + to + ") has " + count
            + " connection(s) so far; at least " + CONNECTIONS_PER_PERIOD + " are due by its end",
            periods.toArray(Evidence[]::new));
      }
      // a last period cut short by discharge, with fewer than five: not a thirty-day period
      if (k == 0) {
        return Judgment.notApplicable("the service lasted less than one 30-day period (" + from + " to "
            + lastServiceDay + ") and had " + count + " connection(s)", period);
      }
      break;
    }
    return Judgment.met("every 30-day period of the service had at least " + CONNECTIONS_PER_PERIOD
        + " connections with the member", periods.toArray(Evidence[]::new));
  }
}

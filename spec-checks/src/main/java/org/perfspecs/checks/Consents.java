package org.perfspecs.checks;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.perfspecs.model.ConsentRefusal;
import org.perfspecs.model.ConsultationKind;
import org.perfspecs.model.Episode;
import org.perfspecs.model.NecessityDetermination;
import org.perfspecs.model.Party;
import org.perfspecs.model.ServiceCategory;

/**
 * Consent and necessity as facts the record states, read the same way by every requirement the
 * documents condition on them ("with the consent of the member", "when consent is given", "all
 * necessary ..."):
 *
 * <ul>
 *   <li>consent to share with or coordinate with a party is <em>given</em> when the episode lists
 *       the party in {@link Episode#consentToShareWith()} and no {@link ConsentRefusal} dated at or
 *       before the as-of time covers it (a documented refusal stands over a consent);
 *   <li>a requirement conditioned on consent is NOT_APPLICABLE, with the reason, when consent was
 *       refused or was not given;
 *   <li>a kind of consultation or service is <em>not required</em> when the latest {@link
 *       NecessityDetermination} for it, dated at or before the as-of time, assessed it as not
 *       necessary; without one the conservative reading stands (it is required).
 * </ul>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class Consents {
  private Consents() {}

  /** The refusal, at or before the as-of time, that covers sharing with {@code party}, the latest first. */
  public static Optional<ConsentRefusal> refusal(Episode e, Party party, EvaluationContext ctx) {
    ConsentRefusal latest = null;
    for (ConsentRefusal r : e.consentRefusals()) {
      // the first of equal times, as Stream.max would keep it
      if (ctx.hasHappened(r.at()) && r.covers(party) && (latest == null || r.at().isAfter(latest.at()))) {
        latest = r;
      }
    }
    return Optional.ofNullable(latest);
  }

  /** The refusal, at or before the as-of time, that covers a referral to {@code target}, the latest first. */
  public static Optional<ConsentRefusal> referralRefusal(Episode e, ServiceCategory target, EvaluationContext ctx) {
    ConsentRefusal latest = null;
    for (ConsentRefusal r : e.consentRefusals()) {
      if (ctx.hasHappened(r.at()) && r.coversReferral(target) && (latest == null || r.at().isAfter(latest.at()))) {
        latest = r;
      }
    }
    return Optional.ofNullable(latest);
  }

  private static final RecordScope.Key<Set<Party>> GIVEN = RecordScope.Key.create();

  /** The parties the member has consented to share with and has not refused (as of the context). */
  public static Set<Party> given(Episode e, EvaluationContext ctx) {
    Set<Party> given = EnumSet.noneOf(Party.class);
    for (Party p : e.consentToShareWith()) {
      if (refusal(e, p, ctx).isEmpty()) {
        given.add(p);
      }
    }
    return given;
  }

  /**
   * Applies when consent is given (and not refused) to share with at least one of {@code parties};
   * otherwise NOT_APPLICABLE, naming a refusal when there is one.
   *
   * @param what the parties in words, e.g. {@code "the member's providers"}
   */
  public static Condition toShareWithAnyOf(Set<Party> parties, String what) {
    Set<Party> copy = Set.copyOf(parties);
    return Condition.of("the member has consented to share with " + what,
        (record, ctx) -> withoutConsent(record.episode(), ctx, copy, what));
  }

  /**
   * Empty when consent is given (and not refused) to share with at least one of {@code parties};
   * otherwise the NOT_APPLICABLE judgment, naming the latest refusal when there is one.
   */
  public static Optional<Judgment> withoutConsent(Episode e, EvaluationContext ctx, Set<Party> parties, String what) {
    // the parties given, worked out once per record in scope (kept here, never handed out: given()
    // returns a set of its own to each caller)
    Set<Party> given = RecordScope.kept(GIVEN, e, ctx);
    if (given == null) {
      given = RecordScope.keep(GIVEN, e, ctx, given(e, ctx));
    }
    if (RecordLists.anyIn(given, parties)) {
      return Optional.empty();
    }
    // the latest refusal of any of the parties, the first of equal times (as Stream.max kept it)
    ConsentRefusal r = null;
    if (!e.consentRefusals().isEmpty()) {
      for (Party p : parties) {
        ConsentRefusal q = refusal(e, p, ctx).orElse(null);
        if (q != null && (r == null || q.at().isAfter(r.at()))) {
          r = q;
        }
      }
    }
    if (r != null) {
      return Optional.of(Judgment.notApplicable("consent to share with " + what + " was refused ("
          + r.refusedBy().name().toLowerCase(java.util.Locale.ROOT) + ", " + Times.format(r.at(), ctx.zone()) + ")",
          Evidence.of("consentRefusal", r.id(), r.at(), "consent refused")));
    }
    return noConsent(what);
  }

  // the judgment when nothing is consented and nothing refused, by the parties' words: the same for
  // every record (immutable), made once per words; bounded, since a caller may pass any words
  private static final java.util.concurrent.ConcurrentHashMap<String, Optional<Judgment>> NO_CONSENT =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static Optional<Judgment> noConsent(String what) {
    Optional<Judgment> j = NO_CONSENT.get(what);
    if (j == null) {
      j = Optional.of(Judgment.notApplicable("the record shows no consent to share with " + what));
      if (NO_CONSENT.size() < 256) {
        NO_CONSENT.putIfAbsent(what, j);
      }
    }
    return j;
  }

  /**
   * The latest determination for {@code kind} at or before the as-of time, when it assessed the
   * consultation as not necessary.
   */
  public static Optional<NecessityDetermination> notNecessary(Episode e, ConsultationKind kind, EvaluationContext ctx) {
    // the latest, the first of equal times (as Stream.max kept it), by a loop
    NecessityDetermination latest = null;
    List<NecessityDetermination> all = e.necessityDeterminations();
    for (int i = 0, n = all.size(); i < n; i++) {
      NecessityDetermination d = all.get(i);
      if (d.consultation().orElse(null) == kind && ctx.hasHappened(d.at())
          && (latest == null || d.at().isAfter(latest.at()))) {
        latest = d;
      }
    }
    return latest == null || latest.necessary() ? Optional.empty() : Optional.of(latest);
  }

  /**
   * The latest determination for {@code service} at or before the as-of time, when it assessed the
   * service as not necessary.
   */
  public static Optional<NecessityDetermination> notNecessary(Episode e, ServiceCategory service, EvaluationContext ctx) {
    NecessityDetermination latest = null;
    List<NecessityDetermination> all = e.necessityDeterminations();
    for (int i = 0, n = all.size(); i < n; i++) {
      NecessityDetermination d = all.get(i);
      if (d.service().orElse(null) == service && ctx.hasHappened(d.at())
          && (latest == null || d.at().isAfter(latest.at()))) {
        latest = d;
      }
    }
    return latest == null || latest.necessary() ? Optional.empty() : Optional.of(latest);
  }

  /** The evidence naming a determination. */
  public static Evidence evidence(NecessityDetermination d) {
    return Evidence.of("necessityDetermination", d.id(), d.at(), "assessed as not necessary by " + d.assessedBy());
  }
}

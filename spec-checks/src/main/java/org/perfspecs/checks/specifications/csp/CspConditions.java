package org.perfspecs.checks.specifications.csp;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.perfspecs.checks.RecordLists;
import org.perfspecs.checks.Condition;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.Times;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Episode;
import org.perfspecs.model.Party;
import org.perfspecs.model.ServiceCategory;
import org.perfspecs.model.Topic;

/** Conditions of the CSP requirements. */
final class CspConditions {
  private CspConditions() {}

  /**
   * The member has been admitted (the start of service). NOT_APPLICABLE when the member was found
   * ineligible at intake; UNDETERMINED when no admission time is recorded.
   */
  static Condition admitted() {
    return Condition.of("the member has been admitted", CspConditions::admitted);
  }

  private static Optional<Judgment> admitted(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    Optional<java.time.Instant> admittedAt = e.admittedAt();
    if (admittedAt.isPresent() && ctx.hasHappened(admittedAt.get())) {
      return Optional.empty();
    }
    Optional<java.time.Instant> ineligibleAt = e.determinedIneligibleAt();
    if (ineligibleAt.isPresent() && ctx.hasHappened(ineligibleAt.get())) {
      return FOUND_INELIGIBLE;
    }
    return org.perfspecs.checks.Conditions.withoutAdmission(e, ctx, "");
  }

  /** A written service plan is in the record (completed on or before the as-of date). */
  static Condition writtenPlan() {
    return Condition.of("a written service plan is in the record", CspConditions::writtenPlan);
  }

  private static Optional<Judgment> writtenPlan(CaseRecord record, EvaluationContext ctx) {
    return CspRecords.planOrNull(record.episode(), ctx) != null ? Optional.empty() : NO_WRITTEN_PLAN;
  }

  // condition judgments that are the same for every record (immutable): made once
  private static final Optional<Judgment> FOUND_INELIGIBLE =
      Optional.of(Judgment.notApplicable("the member was found ineligible at intake and not admitted"));
  private static final Optional<Judgment> NO_WRITTEN_PLAN =
      Optional.of(Judgment.notApplicable("no written service plan is in the record yet"));

  /** The member has consented to share information with at least one of {@code parties}. */
  static Condition consentedTo(String description, Set<Party> parties) {
    return Condition.of("the member has consented to share information with " + description,
        new ConsentTest(description, RecordLists.constant(parties))::blocks);
  }

  private record ConsentTest(String description, Set<Party> parties) {
    Optional<Judgment> blocks(CaseRecord record, EvaluationContext ctx) {
      return org.perfspecs.checks.Consents.withoutConsent(record.episode(), ctx, parties, description);
    }
  }

  /** The record marks at least one of the service needs {@code needs}. */
  static Condition serviceNeed(String description, Set<ServiceCategory> needs) {
    return Condition.of("the record marks a need for " + description, new NeedTest(description, needs, null)::blocks);
  }

  /** The record marks the counselling or education need {@code topic}. */
  static Condition counselingNeed(String description, Topic topic) {
    return Condition.of("the record marks a need for " + description,
        new NeedTest(description, EnumSet.noneOf(ServiceCategory.class), topic)::blocks);
  }

  private record NeedTest(Set<ServiceCategory> needs, Topic topic, Optional<Judgment> notMarked) {
    NeedTest(String description, Set<ServiceCategory> needs, Topic topic) {
      // the judgment is immutable and the same for every record: made once
      // needs as an immutable enum set: RecordLists.anyIn lists its members once, not an iterator per record
      this(RecordLists.constant(needs), topic, Optional.of(Judgment.notApplicable("the record marks no need for " + description)));
    }

    Optional<Judgment> blocks(CaseRecord record, EvaluationContext ctx) {
      Episode e = record.episode();
      boolean marked = topic == null ? RecordLists.anyIn(e.serviceNeeds(), needs)
          : e.counselingNeeds().contains(topic);
      return marked ? Optional.empty() : notMarked;
    }
  }

  /** Names of {@code parties}, lower case. */
  static String names(Set<?> values) {
    if (values instanceof com.google.common.collect.ImmutableSet<?>) {
      // the rules' constant sets: named once
      return NAMES.computeIfAbsent(values, CspConditions::namesOf);
    }
    if (values instanceof java.util.EnumSet<?>) {
      // a set of constants made per call: named once per content (the text depends on nothing else),
      // kept under an immutable copy; bounded, though the rules' sets of constants are few
      String named = NAMES.get(values);
      if (named == null) {
        named = namesOf(values);
        if (NAMES.size() < 1024) {
          NAMES.putIfAbsent(Set.copyOf(values), named);
        }
      }
      return named;
    }
    return namesOf(values);
  }

  private static final java.util.Map<Set<?>, String> NAMES = new java.util.concurrent.ConcurrentHashMap<>();

  private static String namesOf(Set<?> values) {
    return values.stream().map(v -> v.toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
        .sorted().collect(Collectors.joining(", "));
  }
}

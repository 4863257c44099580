package org.perfspecs.checks.specifications.rc;

import static org.perfspecs.checks.Strength.MUST;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.perfspecs.checks.Citation;
import org.perfspecs.checks.EpisodeRequirement;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Judgment;
import org.perfspecs.checks.ProgramRequirement;
import org.perfspecs.checks.Section;
import org.perfspecs.checks.Times;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Episode;
import org.perfspecs.model.Referral;
import org.perfspecs.model.ReferralSource;
import org.perfspecs.model.WellnessPlan;

/**
 * RC "DEFINITION". The first paragraph (who Recovery Coaches are) and the first two sentences of
 * the second (the role's focus) are description, not requirements; "Recovery Coaches can be
 * deployed to any setting" is a permission. The obligations are the four below.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RcDefinition extends Section {
  static final String HEADING = "DEFINITION";

  /** The referral sources the definition names. */
  public static final Set<ReferralSource> ELIGIBLE_REFERRAL_SOURCES = EnumSet.of(ReferralSource.MEDICAL_PROVIDER,
      ReferralSource.BEHAVIORAL_HEALTH_PROVIDER, ReferralSource.COMMUNITY_PARTNER, ReferralSource.CARE_MANAGER);

  /**
   * {@index RC.DEF.1}: "The Recovery Coach will work with the Member to develop a Wellness Plan that orients the
   * activities of the Recovery Coach service." MET when a Wellness Plan is in the record and is
   * member-directed (developed with the member, not for them); NOT_MET when the plan is not
   * member-directed; without a plan, PENDING until the end of day 7 of service (the onset of
   * service delivery, when {@code RC.CASE.1} places its development), NOT_MET after; UNDETERMINED
   * without an admission time.
   */
  public static final EpisodeRequirement WELLNESS_PLAN_WITH_MEMBER = EpisodeRequirement.of(
      "RC.DEF.1", MUST,
      cite("second paragraph, third sentence", "The Recovery Coach will work with the Member to develop a Wellness Plan that orients the activities of the Recovery Coach service."),
      RcDefinition::wellnessPlanWithMember);

  /**
   * {@index RC.DEF.2}: "Members can access Recovery Coaching services based on medical necessity and a referral by a
   * medical or behavioral health provider, Community Partner (CP), or other care manager": access
   * is conditioned on such a referral, so it is read as an obligation (MUST) on the provider to
   * serve the member on one. MET when the record holds the referral into the service, received by
   * the as-of time and no later than the admission, from a medical provider, a behavioral health
   * provider, a Community Partner or a care manager; NOT_MET when there is none, it comes from
   * another source (self, family, court, ...), or it was received after admission. Medical
   * necessity is the payer's determination and is not in the record.
   */
  public static final EpisodeRequirement REFERRAL_FROM_ELIGIBLE_SOURCE = EpisodeRequirement.of(
      "RC.DEF.2", MUST,
      cite("third paragraph", "Members can access Recovery Coaching services based on medical necessity and a referral by a medical or behavioral health provider, Community Partner (CP), or other care manager, that has contact with the Member and is able to identify the need for Recovery Coaching services."),
      RcDefinition::referralFromEligibleSource);

  /**
   * {@index RC.DEF.3}: Attested: the employing organization provides supervision, a culture of
   * fidelity to the model and a conducive environment.
   */
  public static final ProgramRequirement EMPLOYING_ORGANIZATION = ProgramRequirement.attested(
      "RC.DEF.3", MUST,
      cite("fourth paragraph, first sentence", "Recovery Coaches are employed by an organization that is able to provide supervision, an organizational culture that supports fidelity to the model and an environment that is conducive to the needs of Recovery Coaches and the Members they serve."));

  /**
   * {@index RC.DEF.4}: Attested: the service is based within a Licensed Behavioral Health Outpatient Clinic or Opioid
   * Treatment Center (licence kinds are free text in the profile, so no structured check).
   */
  public static final ProgramRequirement BASED_IN_LICENSED_CLINIC = ProgramRequirement.attested(
      "RC.DEF.4", MUST,
      cite("fourth paragraph, second sentence", "The Recovery Coach service is based within a Licensed Behavioral Health Outpatient Clinic or Opioid Treatment Center"));

  RcDefinition() {
    super("DEF", HEADING, List.of(WELLNESS_PLAN_WITH_MEMBER, REFERRAL_FROM_ELIGIBLE_SOURCE, EMPLOYING_ORGANIZATION,
        BASED_IN_LICENSED_CLINIC));
  }

  static Citation cite(String label, String text) {
    return Citation.of(Rc.SOURCE, HEADING, label, text);
  }

  private static Judgment wellnessPlanWithMember(CaseRecord record, EvaluationContext ctx) {
    return RcRecords.wellnessPlanByOnset(record, ctx, WellnessPlan::memberDirected,
        "the Wellness Plan in the record was developed with the member (member-directed)",
        "the Wellness Plan in the record is not recorded as developed with the member (member-directed)");
  }

  private static Judgment referralFromEligibleSource(CaseRecord record, EvaluationContext ctx) {
    Episode e = record.episode();
    Optional<Referral> referral = e.referral().filter(r -> ctx.hasHappened(r.at()));
    if (referral.isEmpty()) {
      return Judgment.notMet("the record shows no referral into the service as of " + Times.format(ctx.asOf(), ctx.zone()));
    }
    Referral r = referral.get();
    ReferralSource source = r.source().orElseThrow(); // the model requires a source on the referral in
    Evidence evidence = Evidence.of("referral", r.id(), r.at(), "referral received from " + source);
    if (!ELIGIBLE_REFERRAL_SOURCES.contains(source)) {
      return Judgment.notMet("the referral came from " + source + ", not from a medical or behavioral health provider, "
          + "a Community Partner or a care manager", evidence);
    }
    Optional<Instant> admitted = RcRecords.admitted(e, ctx);
    if (admitted.isPresent() && r.at().isAfter(admitted.get())) {
      return Judgment.notMet("the referral was received at " + Times.format(r.at(), ctx.zone())
          + ", after the admission at " + Times.format(admitted.get(), ctx.zone()), evidence,
          RcRecords.admission(e, admitted.get()));
    }
    return Judgment.met("referred by an eligible source (" + source + ")", evidence);
  }
}

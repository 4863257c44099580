package org.perfspecs.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.immutables.value.Value;

/** One stay of one member in one service at one program: referral, evaluation, admission,
 * discharge, and what happened in it.
 *
 * <p>Invariants checked at construction: discharge is not before admission, and record ids are
 * unique across the episode's contacts, documents, consultations, appointments, referrals and
 * incidents (evidence names records by id). */
@Value.Immutable
@JsonSerialize(as = ImmutableEpisode.class)
@JsonDeserialize(as = ImmutableEpisode.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class Episode {
  Episode() {}

  /** The episode identifier. */
  public abstract @NotBlank String id();

  /** The service this episode is a stay in. */
  public abstract ServiceType service();

  /** The program ({@link Program#id()}) providing the service. */
  public abstract @NotBlank String programId();

  /** The referral into the service, when there was one. */
  public abstract Optional<@Valid Referral> referral();

  /** When the member was first evaluated or assessed for the service. */
  public abstract Optional<@Plausible Instant> evaluatedAt();

  /** When the member was admitted (the start of service). */
  public abstract Optional<@Plausible Instant> admittedAt();

  /** When the member was discharged; absent while the episode is open. */
  public abstract Optional<@Plausible Instant> dischargedAt();

  /** Whether the member was discharged on medication, when recorded. */
  public abstract Optional<Boolean> dischargedOnMedication();

  /** When, during intake, the member was determined ineligible for the service, if so. */
  public abstract Optional<@Plausible Instant> determinedIneligibleAt();

  /** Staff ids of the multidisciplinary team assigned to the member. */
  public abstract List<@NotBlank String> treatmentTeam();

  /** The staff member with primary responsibility for the member's case. */
  public abstract Optional<@NotBlank String> primaryStaffId();

  /** Contacts and sessions, in any order. */
  public abstract List<@Valid Contact> contacts();

  /** Documents in the record, in any order. */
  public abstract List<@Valid Document> documents();

  /** Consultations arranged, in any order. */
  public abstract List<@Valid Consultation> consultations();

  /** Appointments, in any order. */
  public abstract List<@Valid Appointment> appointments();

  /** Referrals made out of the service, in any order. */
  public abstract List<@Valid Referral> referralsMade();

  /** Incidents, in any order. */
  public abstract List<@Valid Incident> incidents();

  /** The Recovery Coach Wellness Plan, when there is one. */
  public abstract Optional<@Valid WellnessPlan> wellnessPlan();

  /** The Plan of Safe Care (Family Support Plan), when there is one. */
  public abstract Optional<@Valid WellnessPlan> planOfSafeCare();

  /** The CSP service plan, when there is one. */
  public abstract Optional<@Valid ServicePlan> servicePlan();

  /** Counselling needs the record marks ("as needed" requirements apply to these). */
  public abstract Set<Topic> counselingNeeds();

  /** Service needs the record marks ("based on the member's needs" requirements apply to these). */
  public abstract Set<ServiceCategory> serviceNeeds();

  /**
   * Dates on which the record notes a significant change in the member's needs (the CSP service
   * plan must then be updated), in any order.
   */
  public abstract List<@Plausible LocalDate> significantNeedsChangesOn();

  /** Parties the member has consented to share information with. */
  public abstract Set<Party> consentToShareWith();

  /**
   * Documented refusals of consent (who, when, for which parties or referrals), in any order.
   *
   * @since 0.2
   */
  public abstract List<@Valid ConsentRefusal> consentRefusals();

  /**
   * Documented determinations that a kind of consultation or service is, or is not, necessary
   * (by whom, when), in any order.
   *
   * @since 0.2
   */
  public abstract List<@Valid NecessityDetermination> necessityDeterminations();

  /**
   * Parties whose involvement in treatment and discharge planning the record documents as clinically
   * or legally contraindicated.
   */
  public abstract Set<Party> involvementContraindicated();

  /** Whether the episode is open (not discharged) at {@code asOf}. */
  public boolean isOpenAt(Instant asOf) {
    return dischargedAt().map(d -> d.isAfter(asOf)).orElse(true);
  }

  @Value.Check
  void check() {
    ModelRules.check(Episode.class, this);
    if (admittedAt().isPresent() && dischargedAt().isPresent()
        && dischargedAt().get().isBefore(admittedAt().get())) {
      throw new ModelInvariantException("dischargedAt", "must not be before admittedAt");
    }
    referral().ifPresent(r -> {
      if (r.source().isEmpty()) {
        throw new ModelInvariantException("referral.source",
            "is required: the referral into the service names who referred the member");
      }
    });
    for (int i = 0; i < referralsMade().size(); i++) {
      if (referralsMade().get(i).target().isEmpty()) {
        throw new ModelInvariantException("referralsMade[" + i + "].target",
            "is required: a referral made out of the service names the kind of service referred to");
      }
    }
    int records = contacts().size() + documents().size() + consultations().size() + appointments().size()
        + referralsMade().size() + incidents().size() + consentRefusals().size() + necessityDeterminations().size();
    Ids ids = new Ids(records);
    checkUnique(ids, "contacts", contacts(), Contact::id);
    checkUnique(ids, "documents", documents(), Document::id);
    checkUnique(ids, "consultations", consultations(), Consultation::id);
    checkUnique(ids, "appointments", appointments(), Appointment::id);
    checkUnique(ids, "referralsMade", referralsMade(), Referral::id);
    checkUnique(ids, "incidents", incidents(), Incident::id);
    checkUnique(ids, "consentRefusals", consentRefusals(), ConsentRefusal::id);
    checkUnique(ids, "necessityDeterminations", necessityDeterminations(), NecessityDetermination::id);
  }

  private static <T> void checkUnique(Ids seen, String list, List<T> records,
      java.util.function.Function<T, String> id) {
    for (int i = 0; i < records.size(); i++) {
      if (!seen.add(id.apply(records.get(i)))) {
        throw new ModelInvariantException(list + "[" + i + "].id", "duplicates another record id in this episode");
      }
    }
  }

  /**
   * The ids of an episode's records seen so far: an open-addressed table of at least twice as many
   * slots as records (one array per episode, no node per id, as a {@code HashSet} has).
   */
  private static final class Ids {
    private final String[] table;
    private final int mask;

    Ids(int records) {
      int size = Integer.highestOneBit(Math.max(8, records * 2) - 1) << 1;
      table = new String[size];
      mask = size - 1;
    }

    /** Whether {@code id} (not null) was not seen before; it is seen from now on. */
    boolean add(String id) {
      int h = id.hashCode();
      for (int i = (h ^ h >>> 16) & mask; ; i = i + 1 & mask) {
        String seen = table[i];
        if (seen == null) {
          table[i] = id;
          return true;
        }
        if (seen.equals(id)) {
          return false;
        }
      }
    }
  }

  /** A new builder. */
  public static ImmutableEpisode.Builder builder() {
    return ImmutableEpisode.builder();
  }
}

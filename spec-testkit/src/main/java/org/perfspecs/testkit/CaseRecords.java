package org.perfspecs.testkit;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.arbitraries.ArbitraryDecorator;
import org.apiguardian.api.API;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ServiceType;

/**
 * Generators of valid {@link CaseRecord}s: a member (ages and postpartum periods relative to the
 * admission date) and an episode from {@link Episodes#episodes()}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CaseRecords {
  private CaseRecords() {}

  /** Any valid case record. */
  public static CaseRecordArbitrary caseRecords() {
    return new CaseRecordArbitrary(Episodes.episodes(), Members.members());
  }

  /** A fluent arbitrary of case records. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public static final class CaseRecordArbitrary extends ArbitraryDecorator<CaseRecord> {
    private final Episodes.EpisodeArbitrary episodes;
    private final Members.MemberArbitrary members;

    CaseRecordArbitrary(Episodes.EpisodeArbitrary episodes, Members.MemberArbitrary members) {
      this.episodes = episodes;
      this.members = members;
    }

    /** Only records of {@code service}. */
    public CaseRecordArbitrary forService(ServiceType service) {
      return new CaseRecordArbitrary(episodes.forService(service), members);
    }

    /** Only records whose episode is open at {@code asOf}. */
    public CaseRecordArbitrary openAsOf(java.time.Instant asOf) {
      return new CaseRecordArbitrary(episodes.openAsOf(asOf), members);
    }

    /** Only discharged episodes. */
    public CaseRecordArbitrary discharged() {
      return new CaseRecordArbitrary(episodes.discharged(), members);
    }

    /** At most {@code max} contacts per episode (default 300). */
    public CaseRecordArbitrary withAtMostContacts(int max) {
      return new CaseRecordArbitrary(episodes.withAtMostContacts(max), members);
    }

    /** Only members neither pregnant nor postpartum at admission. */
    public CaseRecordArbitrary neitherPregnantNorPostpartum() {
      return new CaseRecordArbitrary(episodes, members.neitherPregnantNorPostpartum());
    }

    /** Only members pregnant at admission. */
    public CaseRecordArbitrary pregnant() {
      return new CaseRecordArbitrary(episodes, members.pregnant());
    }

    /** Only members postpartum at admission. */
    public CaseRecordArbitrary postpartum() {
      return new CaseRecordArbitrary(episodes, members.postpartum());
    }

    @Override
    protected Arbitrary<CaseRecord> arbitrary() {
      return episodes.flatMap(e -> members
          .asOf(e.admittedAt().orElseThrow().atZone(java.time.ZoneId.of("America/New_York")).toLocalDate())
          .map(m -> CaseRecord.builder().member(m).episode(e).build()));
    }
  }
}

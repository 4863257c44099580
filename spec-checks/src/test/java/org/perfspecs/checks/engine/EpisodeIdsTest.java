package org.perfspecs.checks.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Episode;
import org.perfspecs.model.InsuranceProduct;
import org.perfspecs.model.Member;
import org.perfspecs.model.ServiceType;

class EpisodeIdsTest {
  static CaseRecord record(String episodeId) {
    return CaseRecord.builder()
        .member(Member.builder().id("M").dateOfBirth(LocalDate.of(1990, 1, 1)).product(InsuranceProduct.OTHER).build())
        .episode(Episode.builder().id(episodeId).service(ServiceType.IOP).programId("P").build())
        .build();
  }

  @Test
  void theFirstRecordOfAnEpisodeIsKeptAndALaterOneRejectedNamingTheFirstLine() {
    EpisodeIds ids = EpisodeIds.create();
    assertThat(ids.duplicate(record("E-1"), 1)).isEmpty();
    assertThat(ids.duplicate(record("E-2"), 2)).isEmpty();
    assertThat(ids.duplicate(record("E-1"), 7)).hasValueSatisfying(v ->
        assertThat(v).hasToString("$.episode.id: is the episode id of an earlier record (line 1)"));
    assertThat(ids.duplicate(record("E-1"), 9)).hasValueSatisfying(v -> assertThat(v.message()).endsWith("(line 1)"));
    assertThat(ids.size()).isEqualTo(2);
  }

  /** A million ids: each found again with its line, and the table stays at 2^21 slots (32 MiB). */
  @Test
  void aMillionIdsStayInABoundedTable() {
    EpisodeIds ids = EpisodeIds.create();
    for (int i = 0; i < 1_000_000; i++) {
      assertThat(ids.firstLine("E-" + i, i + 1L)).isEmpty();
    }
    assertThat(ids.size()).isEqualTo(1_000_000);
    for (int i = 0; i < 1_000_000; i += 997) {
      assertThat(ids.firstLine("E-" + i, 0)).isEqualTo(OptionalLong.of(i + 1L));
    }
    assertThat(ids.capacity()).isEqualTo(1 << 21);
  }

  /** Ids hashed apart (on other threads) and looked up by hash behave as the ids themselves. */
  @Test
  void hashesLookedUpInOrderGiveTheSameAnswersAsTheIds() {
    EpisodeIds byId = EpisodeIds.create();
    EpisodeIds byHash = EpisodeIds.create();
    for (int i = 0; i < 5_000; i++) {
      String id = "E-" + (i * 7919 % 3_001); // repeats
      long hash = EpisodeIds.hash(id);
      assertThat(hash).isNotZero().isEqualTo(EpisodeIds.hash(new String(id.toCharArray())));
      assertThat(byHash.firstLine(hash, i + 1L)).isEqualTo(byId.firstLine(id, i + 1L));
    }
    assertThat(byHash.size()).isEqualTo(byId.size()).isEqualTo(3_001);
    assertThat(byHash.duplicate(EpisodeIds.hash("E-5"), 99)).isEqualTo(byId.duplicate(record("E-5"), 99));
    assertThat(byHash.duplicate(EpisodeIds.hash("E-new"), 100)).isEmpty();
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> byHash.firstLine(0L, 1));
  }
}

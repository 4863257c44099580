package org.perfspecs.checks.engine;

import static java.util.Objects.requireNonNull;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.apiguardian.api.API;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Violation;

/**
 * The episode ids of one input, to refuse a second record of the same episode: an input holds
 * each episode once. The first record with an id is judged; every later one is rejected ({@link
 * #duplicate}) naming the line of the first, and counted as rejected, so it reaches neither the
 * findings nor the aggregate. {@code perfspecs check}, {@code report} and {@code validate} do
 * this; a caller of {@link RecordReader} and {@link Engine} gets the same behaviour by asking
 * {@link #duplicate} of each valid record before evaluating it.
 *
 * <p>Memory is bounded and small: ids are remembered as 64-bit hashes (MurmurHash3) with the line
 * of their first record, in an open-addressed table kept at most half full: at most 32 bytes per
 * distinct id (48 while the table grows), 32 MiB for a million episodes. Two different ids share a
 * hash with probability about n²/2⁶⁵ (3 in 100 million for a million ids); such a record would be
 * rejected as a duplicate. Not thread-safe: one per input.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class EpisodeIds {
  private static final HashFunction HASH = Hashing.murmur3_128();
  /** The violation message of a duplicate, before its "(line N)". */
  public static final String DUPLICATE = "is the episode id of an earlier record";

  private long[] hashes = new long[1 << 10];
  private long[] lines = new long[1 << 10];
  private int size;

  private EpisodeIds() {}

  /** An empty set. */
  public static EpisodeIds create() {
    return new EpisodeIds();
  }

  /** The number of distinct ids remembered. */
  public int size() {
    return size;
  }

  /**
   * Remembers the episode id of {@code record}, read at {@code line}, and says whether an earlier
   * record had it.
   *
   * @param record a valid record
   * @param line its 1-based line (any positive number that identifies it for the user)
   * @return empty the first time an id is seen; else the violation to reject the record with
   *     ({@code $.episode.id: is the episode id of an earlier record (line N)}, naming the line of
   *     the first, never the id)
   */
  public java.util.Optional<Violation> duplicate(CaseRecord record, long line) {
    requireNonNull(record, "record");
    return duplicate(hash(record.episode().id()), line);
  }

  /**
   * The same as {@link #duplicate(CaseRecord, long)} for a record whose episode id has {@link
   * #hash(String)} {@code hash} (worked out on another thread).
   *
   * @since 0.2
   */
  public java.util.Optional<Violation> duplicate(long hash, long line) {
    OptionalLong first = firstLine(hash, line);
    return first.isPresent()
        ? java.util.Optional.of(Violation.of("$.episode.id", DUPLICATE + " (line " + first.getAsLong() + ")"))
        : java.util.Optional.empty();
  }

  /**
   * Remembers {@code id}, first read at {@code line}, unless it is known.
   *
   * @return the line of the first record with {@code id}, or empty when {@code id} is new
   */
  public OptionalLong firstLine(String id, long line) {
    return firstLine(hash(id), line);
  }

  /**
   * The 64-bit hash this set remembers {@code id} by. Pure and thread-safe: a caller that reads on
   * several threads can hash on them and hand the hash to {@link #firstLine(long, long)} in input
   * order.
   *
   * @since 0.2
   */
  public static long hash(String id) {
    requireNonNull(id, "id");
    long h = HASH.hashString(id, StandardCharsets.UTF_8).asLong();
    return h == 0 ? 1 : h; // 0 marks an empty slot
  }

  /**
   * The same as {@link #firstLine(String, long)} for the id whose {@link #hash(String)} is {@code
   * hash}.
   *
   * @return the line of the first record whose id has {@code hash}, or empty when it is new
   * @throws IllegalArgumentException if {@code hash} is 0 (never a value of {@link #hash(String)})
   * @since 0.2
   */
  public OptionalLong firstLine(long hash, long line) {
    if (hash == 0) {
      throw new IllegalArgumentException("0 is not an id's hash");
    }
    long h = hash;
    int mask = hashes.length - 1;
    int i = (int) (h ^ (h >>> 32)) & mask;
    while (hashes[i] != 0) {
      if (hashes[i] == h) {
        return OptionalLong.of(lines[i]);
      }
      i = (i + 1) & mask;
    }
    hashes[i] = h;
    lines[i] = line;
    if (++size * 2 > hashes.length) {
      grow();
    }
    return OptionalLong.empty();
  }

  /** The table's slots (for tests of the memory bound). */
  int capacity() {
    return hashes.length;
  }

  private void grow() {
    long[] oldHashes = hashes;
    long[] oldLines = lines;
    hashes = new long[oldHashes.length * 2];
    lines = new long[oldHashes.length * 2];
    int mask = hashes.length - 1;
    for (int j = 0; j < oldHashes.length; j++) {
      long h = oldHashes[j];
      if (h != 0) {
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (hashes[i] != 0) {
          i = (i + 1) & mask;
        }
        hashes[i] = h;
        lines[i] = oldLines[j];
      }
    }
  }
}

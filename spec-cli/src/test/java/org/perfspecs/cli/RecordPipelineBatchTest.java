package org.perfspecs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.perfspecs.checks.engine.RecordReader;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.ModelValidator;

/**
 * {@link RecordPipeline}'s batches: records handed to the threads several at a time come back one
 * by one in input order, exactly as a sequential run gives them, at every batch boundary, with
 * rejected lines, records larger than the byte bounds, a read failure and a failing record inside a
 * batch; the window's bounds (records and bytes) hold. Small bounds make the edges reachable.
 */
class RecordPipelineBatchTest {
  /** Four records or 64 bytes a batch, 8 records per thread, 200 bytes in flight. */
  static final RecordPipeline.Bounds SMALL = new RecordPipeline.Bounds(4, 64, 8, 200);
  static final ModelValidator VALIDATOR = ModelValidator.create();

  /** Lines of {@code count} small records, every seventh of them not JSON, some blank lines. */
  static String lines(int count) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (i % 7 == 3) {
        s.append("{not json ").append(i).append('\n');
      } else if (i % 11 == 5) {
        s.append('\n');
      } else {
        s.append("{\"n\": ").append(i).append("}\n");
      }
    }
    return s.toString();
  }

  /** The line numbers of the records in {@code text}: blank lines are skipped, and counted. */
  static List<Long> recordLines(String text) {
    List<Long> lines = new ArrayList<>();
    String[] split = text.split("\n", -1);
    for (int i = 0; i < split.length; i++) {
      if (!split[i].isEmpty()) {
        lines.add(i + 1L);
      }
    }
    return lines;
  }

  static RecordReader<CaseRecord> reader(String text) {
    return RecordReader.of(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), CaseRecord.class,
        VALIDATOR);
  }

  /** What the pipeline hands on for each record: its line and its violations, as text. */
  static String describe(RecordReader.Entry<CaseRecord> e) {
    return e.line() + " " + e.result().isValid() + " " + e.result().violations();
  }

  static List<String> run(String text, int threads, RecordPipeline.Bounds bounds) {
    List<String> out = new ArrayList<>();
    RecordPipeline.run(reader(text), threads, RecordPipelineBatchTest::describe, out::add, bounds);
    return out;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 3, 4, 5, 8, 9, 16, 17, 31, 32, 33, 100})
  void everyBatchBoundaryGivesTheSequentialResultsInOrder(int count) {
    String text = lines(count);
    List<String> sequential = run(text, 1, SMALL);
    assertThat(sequential).hasSize(recordLines(text).size());
    for (int threads : new int[] {2, 3}) {
      assertThat(run(text, threads, SMALL)).as("%d threads", threads).isEqualTo(sequential);
      assertThat(run(text, threads, RecordPipeline.Bounds.DEFAULT)).as("%d threads", threads).isEqualTo(sequential);
      assertThat(run(text, threads, new RecordPipeline.Bounds(1, 1, 1, 1))).isEqualTo(sequential);
    }
  }

  @Test
  void aRejectedLineInsideABatchIsHandedOnAtItsPlace() {
    // line 6 (the second batch's second record) is not JSON, line 7 is not UTF-8
    StringBuilder s = new StringBuilder();
    for (int i = 1; i <= 12; i++) {
      s.append(i == 6 ? "{\"n\": " : "{\"n\": " + i + "}").append('\n');
    }
    byte[] utf8 = s.toString().getBytes(StandardCharsets.UTF_8);
    int lineSeven = s.indexOf("{\"n\": 7}");
    utf8[lineSeven + 6] = (byte) 0xC3; // a lead byte followed by '}': malformed
    for (int threads = 1; threads <= 3; threads++) {
      List<String> out = new ArrayList<>();
      RecordPipeline.run(RecordReader.of(new ByteArrayInputStream(utf8), CaseRecord.class, VALIDATOR), threads,
          RecordPipelineBatchTest::describe, out::add, SMALL);
      assertThat(out).hasSize(12);
      assertThat(out.get(5)).startsWith("6 false");
      assertThat(out.get(6)).startsWith("7 false").contains("UTF-8");
      for (int i = 0; i < 12; i++) {
        assertThat(out.get(i)).startsWith((i + 1) + " ");
      }
    }
  }

  /** A record larger than the batch's and the window's byte bounds is worked on alone. */
  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void aRecordLargerThanTheByteBoundsGoesAloneAndInOrder(int threads) {
    StringBuilder s = new StringBuilder();
    String big = "{\"n\": \"" + "x".repeat(500) + "\"}";
    for (int i = 1; i <= 30; i++) {
      s.append(i == 10 || i == 11 || i == 25 ? big : "{\"n\": " + i + "}").append('\n');
    }
    AtomicInteger inFlight = new AtomicInteger();
    Map<Long, Integer> seenInFlight = Collections.synchronizedMap(new HashMap<>());
    List<Long> lines = new ArrayList<>();
    RecordPipeline.run(reader(s.toString()), threads, e -> {
      seenInFlight.put(e.line(), inFlight.incrementAndGet());
      return e.line();
    }, line -> {
      inFlight.decrementAndGet();
      lines.add(line);
    }, SMALL);
    assertThat(lines).hasSize(30);
    for (int i = 0; i < 30; i++) {
      assertThat(lines.get(i)).isEqualTo(i + 1L);
    }
    // when a big record is worked on, nothing before it is still waiting for the ordered stage
    assertThat(seenInFlight.get(10L)).isEqualTo(1);
    assertThat(seenInFlight.get(11L)).isEqualTo(1);
    assertThat(seenInFlight.get(25L)).isEqualTo(1);
    assertThat(run(s.toString(), threads, SMALL)).isEqualTo(run(s.toString(), 1, SMALL));
  }

  /** Records and bytes in flight stay within the window, whatever the threads' pace. */
  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void theWindowHoldsInRecordsAndBytes(int threads) {
    String text = lines(300);
    String[] split = text.split("\n", -1);
    AtomicInteger records = new AtomicInteger();
    AtomicLong bytes = new AtomicLong();
    AtomicInteger mostRecords = new AtomicInteger();
    AtomicLong mostBytes = new AtomicLong();
    List<Long> lines = new ArrayList<>();
    RecordPipeline.run(reader(text), threads, e -> {
      int size = split[(int) e.line() - 1].isEmpty() ? 0 : split[(int) e.line() - 1].length();
      mostRecords.accumulateAndGet(records.incrementAndGet(), Math::max);
      mostBytes.accumulateAndGet(bytes.addAndGet(size), Math::max);
      if (e.line() % 5 == 0) {
        sleep();
      }
      return new long[] {e.line(), size};
    }, r -> {
      records.decrementAndGet();
      bytes.addAndGet(-r[1]);
      lines.add(r[0]);
    }, SMALL);
    assertThat(lines).isEqualTo(recordLines(text));
    assertThat(mostRecords.get()).isLessThanOrEqualTo(SMALL.windowPerThread() * threads);
    assertThat(mostBytes.get()).isLessThanOrEqualTo(SMALL.windowBytes());
  }

  /** A read failure inside a batch: the records read before it are handed on, in order, then it is thrown. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void aReadFailureMidBatchComesAfterTheRecordsReadBeforeIt(int threads) {
    byte[] sixRecords = "{}\n{}\n{}\n{}\n{}\n{}\n".getBytes(StandardCharsets.UTF_8);
    InputStream failing = new InputStream() {
      int at;

      @Override
      public int read() throws IOException {
        if (at < sixRecords.length) {
          return sixRecords[at++];
        }
        throw new IOException("disk gone");
      }
    };
    List<Long> seen = new ArrayList<>();
    RecordReader<CaseRecord> reader = RecordReader.of(failing, CaseRecord.class, VALIDATOR);
    assertThatThrownBy(() -> RecordPipeline.run(reader, threads, RecordReader.Entry::line, seen::add, SMALL))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
  }

  /**
   * A failure {@code work} lets escape, in the middle of a batch: the records before it are handed on,
   * then it is thrown at its turn, as on one thread; the failure of one record never spoils the
   * results of the others in its batch.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void aFailingRecordMidBatchIsThrownAtItsTurn(int threads) {
    List<Long> seen = new ArrayList<>();
    String text = lines(40);
    assertThatThrownBy(() -> RecordPipeline.run(reader(text), threads, e -> {
      if (e.line() == 15) {
        throw new IllegalStateException("record 15");
      }
      return e.line();
    }, seen::add, SMALL)).isInstanceOf(IllegalStateException.class).hasMessage("record 15");
    List<Long> expected = recordLines(text);
    assertThat(expected).contains(15L);
    assertThat(seen).isEqualTo(expected.subList(0, expected.indexOf(15L)));
  }

  /** The ordered stage runs on the calling thread; the work runs on the calling thread and the pool's. */
  @Test
  void theOrderedStageRunsOnTheCallingThread() {
    Thread caller = Thread.currentThread();
    List<Boolean> onCaller = new ArrayList<>();
    String text = lines(200);
    RecordPipeline.run(reader(text), 3, e -> e.line(), line -> onCaller.add(Thread.currentThread() == caller),
        SMALL);
    assertThat(onCaller).hasSize(recordLines(text).size()).containsOnly(true);
  }

  @Test
  void boundsMustHoldABatch() {
    assertThatThrownBy(() -> new RecordPipeline.Bounds(8, 64, 4, 200)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RecordPipeline.Bounds(0, 64, 4, 200)).isInstanceOf(IllegalArgumentException.class);
  }

  private static void sleep() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    }
  }
}

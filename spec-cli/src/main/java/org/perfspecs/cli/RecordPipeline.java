package org.perfspecs.cli;

import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.perfspecs.checks.engine.RecordReader;

/**
 * Reads records on the calling thread, works on them on {@code threads} threads and hands the
 * results back, in input order, on the calling thread: what the ordered stage does (counting,
 * refusing duplicate episode ids, the action lists, writing) happens in exactly the order and on the
 * thread it would in a sequential run, so the output is byte-identical whatever the number of
 * threads.
 *
 * <p>The calling thread frames records ({@link RecordReader#nextFramed()}: line breaks or array
 * elements, one copy of the bytes, nothing decoded) and gathers them into batches of at most
 * {@link #BATCH_RECORDS} records or about {@link #BATCH_BYTES} bytes (a larger record is a batch
 * of its own): one hand-off per batch, not per record. Each batch is decoded, parsed, validated
 * and run through {@code work} (evaluation and rendering of the output), record by record, by one
 * of {@code threads - 1} pool threads or by the calling thread itself: when it has to wait for the
 * oldest batch, the calling thread works on the oldest batch nobody has started yet, so that
 * {@code threads} threads work in all and no more threads than that are busy.
 *
 * <p>Memory is bounded: at most {@link #WINDOW_PER_THREAD} × {@code threads} records are in
 * flight (framed but not yet through the ordered stage), each with what {@code work} made of it
 * (for {@code check}, its findings and their rendering, about 1.4 times the record's bytes as CSV
 * for a generated record), and their framed bytes together stay under {@link #WINDOW_BYTES} (a
 * larger record waits until it is the only one in flight). With one thread everything runs on the
 * calling thread, one record at a time, without any executor.
 */
final class RecordPipeline {
  /** Records in a batch handed to a thread, at most. */
  static final int BATCH_RECORDS = 8;
  /** Framed bytes in a batch: a batch is closed once it holds this many (128 KiB). */
  static final int BATCH_BYTES = 128 << 10;
  /**
   * Records in flight per thread: two batches of {@link #BATCH_RECORDS}, one worked on and one
   * waiting (a larger window keeps more records' findings alive across collections for nothing).
   */
  static final int WINDOW_PER_THREAD = 2 * BATCH_RECORDS;
  /** Framed input bytes in flight, at most (unless one record alone is larger): 32 MiB. */
  static final long WINDOW_BYTES = 32L << 20;

  /** The limits of a run: the defaults above, or smaller ones in tests. */
  record Bounds(int batchRecords, int batchBytes, int windowPerThread, long windowBytes) {
    static final Bounds DEFAULT = new Bounds(BATCH_RECORDS, BATCH_BYTES, WINDOW_PER_THREAD, WINDOW_BYTES);

    Bounds {
      if (batchRecords < 1 || batchBytes < 1 || windowPerThread < batchRecords || windowBytes < 1) {
        throw new IllegalArgumentException("bounds must be positive and a window at least a batch");
      }
    }
  }

  private RecordPipeline() {}

  /** The number of threads to use by default: the processors available to the JVM. */
  static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * Runs {@code reader} to its end: {@code work} on each parsed entry (on any of the {@code threads}
   * threads when {@code threads > 1}; it must be thread-safe and should catch its own failures),
   * then {@code ordered} on each result in input order on the calling thread. When reading fails
   * (an {@link java.io.UncheckedIOException} from the reader) the records read before are still
   * worked on and handed to {@code ordered}, then the exception is rethrown. A failure {@code work}
   * lets escape is rethrown on the calling thread when its record's turn comes, as a sequential run
   * would throw it; the records of its batch before it are handed on first.
   *
   * @param threads the number of threads that work, the calling thread included; at least 1
   */
  static <T, R> void run(RecordReader<T> reader, int threads, Function<RecordReader.Entry<T>, R> work,
      Consumer<R> ordered) {
    run(reader, threads, work, ordered, Bounds.DEFAULT);
  }

  /** {@link #run(RecordReader, int, Function, Consumer)} within the given bounds. */
  static <T, R> void run(RecordReader<T> reader, int threads, Function<RecordReader.Entry<T>, R> work,
      Consumer<R> ordered, Bounds bounds) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    if (threads == 1) {
      for (Optional<RecordReader.Framed<T>> f = reader.nextFramed(); f.isPresent(); f = reader.nextFramed()) {
        ordered.accept(work.apply(f.get().parse()));
      }
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads - 1, new Workers());
    ArrayDeque<Batch<T, R>> inFlight = new ArrayDeque<>();
    int window = bounds.windowPerThread() * threads;
    int recordsInFlight = 0;
    long bytesInFlight = 0;
    Batch<T, R> current = new Batch<>(bounds.batchRecords(), work);
    try {
      RuntimeException readFailure = null;
      while (true) {
        Optional<RecordReader.Framed<T>> next;
        try {
          next = reader.nextFramed();
        } catch (RuntimeException e) {
          readFailure = e; // the records read so far first, as in a sequential run
          break;
        }
        if (next.isEmpty()) {
          break;
        }
        RecordReader.Framed<T> framed = next.get();
        if (!current.isEmpty() && current.bytes + framed.size() > bounds.batchBytes()) {
          current = submit(current, inFlight, pool, bounds, work);
        }
        while (recordsInFlight > 0
            && (recordsInFlight >= window || bytesInFlight + framed.size() > bounds.windowBytes())) {
          if (inFlight.isEmpty()) {
            current = submit(current, inFlight, pool, bounds, work); // what is in flight is all here
          }
          Batch<T, R> done = inFlight.removeFirst();
          recordsInFlight -= done.size;
          bytesInFlight -= done.bytes;
          handOn(done, inFlight, ordered);
        }
        current.add(framed);
        recordsInFlight++;
        bytesInFlight += framed.size();
        if (current.size == bounds.batchRecords() || current.bytes >= bounds.batchBytes()) {
          current = submit(current, inFlight, pool, bounds, work);
        }
      }
      if (!current.isEmpty()) {
        current = submit(current, inFlight, pool, bounds, work);
      }
      while (!inFlight.isEmpty()) {
        handOn(inFlight.removeFirst(), inFlight, ordered);
      }
      if (readFailure != null) {
        throw readFailure;
      }
    } finally {
      for (Batch<T, R> b : inFlight) {
        b.claim(); // not started: never will be
      }
      pool.shutdownNow();
    }
  }

  private static <T, R> Batch<T, R> submit(Batch<T, R> batch, ArrayDeque<Batch<T, R>> inFlight,
      ExecutorService pool, Bounds bounds, Function<RecordReader.Entry<T>, R> work) {
    inFlight.addLast(batch);
    pool.execute(batch);
    return new Batch<>(bounds.batchRecords(), work);
  }

  /**
   * Waits for {@code batch} (the oldest in flight, already removed from {@code rest}), working on
   * the oldest batches nobody has started meanwhile, then hands its results to {@code ordered} in
   * order; a failure of {@code work} is rethrown at its record's turn.
   */
  private static <T, R> void handOn(Batch<T, R> batch, ArrayDeque<Batch<T, R>> rest, Consumer<R> ordered) {
    if (!batch.runIfUnclaimed()) {
      for (Batch<T, R> other : rest) {
        if (batch.isDone()) {
          break;
        }
        other.runIfUnclaimed();
      }
      batch.await();
    }
    for (int i = 0; i < batch.size; i++) {
      Throwable failure = batch.failures == null ? null : batch.failures[i];
      if (failure instanceof RuntimeException r) {
        throw r;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      ordered.accept(batch.results[i]);
    }
  }

  /**
   * Records framed in order, worked on together by whichever thread claims the batch first (a pool
   * thread or the calling thread); the results are read by the calling thread after {@link
   * #await()}.
   */
  private static final class Batch<T, R> implements Runnable {
    private final Function<RecordReader.Entry<T>, R> work;
    private final RecordReader.Framed<T>[] records;
    private final R[] results;
    /** What {@code work} threw for each record, or {@code null} when nothing did. */
    private Throwable[] failures;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    int size;
    long bytes;

    @SuppressWarnings("unchecked")
    Batch(int capacity, Function<RecordReader.Entry<T>, R> work) {
      this.work = work;
      this.records = new RecordReader.Framed[capacity];
      this.results = (R[]) new Object[capacity];
    }

    boolean isEmpty() {
      return size == 0;
    }

    void add(RecordReader.Framed<T> framed) {
      records[size++] = framed;
      bytes += framed.size();
    }

    boolean claim() {
      return claimed.compareAndSet(false, true);
    }

    boolean isDone() {
      return done.getCount() == 0;
    }

    @Override
    public void run() {
      runIfUnclaimed();
    }

    /** Works on the batch if no thread has claimed it yet; whether this call did. */
    boolean runIfUnclaimed() {
      if (!claim()) {
        return false;
      }
      try {
        for (int i = 0; i < size; i++) {
          try {
            results[i] = work.apply(records[i].parse());
          } catch (RuntimeException | Error e) {
            if (failures == null) {
              failures = new Throwable[size];
            }
            failures[i] = e; // rethrown at this record's turn; the others are still worked on
          }
          records[i] = null; // the bytes can go as soon as they are parsed
        }
      } finally {
        done.countDown();
      }
      return true;
    }

    /** Waits until the thread that claimed the batch has worked on it. */
    void await() {
      boolean interrupted = false;
      while (true) {
        try {
          done.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // the result is needed: keep waiting, restore the flag after
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Daemon worker threads, so that an abandoned run never keeps the JVM alive. */
  private static final class Workers implements java.util.concurrent.ThreadFactory {
    private static final AtomicInteger RUNS = new AtomicInteger();
    private final int run = RUNS.incrementAndGet();
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "perfspecs-worker-" + run + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}

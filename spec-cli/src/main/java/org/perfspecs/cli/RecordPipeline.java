package org.perfspecs.cli;

import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.perfspecs.checks.engine.RecordReader;

/**
 * Reads records on the calling thread, works on them on {@code threads} workers and hands the
 * results back, in input order, on the calling thread: what the ordered stage does (counting,
 * refusing duplicate episode ids, the aggregate, writing) happens in exactly the order and on the
 * thread it would in a sequential run, so the output is byte-identical whatever the number of
 * threads.
 *
 * <p>The calling thread frames records ({@link RecordReader#nextFramed()}: line breaks or array
 * elements, one copy of the bytes, nothing decoded); each worker decodes, parses, validates and
 * runs {@code work} (evaluation and rendering of the output). Memory is bounded: at most {@link
 * #WINDOW_PER_THREAD} × {@code threads} records are in flight (framed but not yet through the
 * ordered stage), each with what {@code work} made of it (for {@code check}, its findings and
 * their rendering, about 1.4 times the record's bytes as CSV for a generated record), and their
 * framed bytes together stay under {@link #WINDOW_BYTES} (a larger record waits until it is the
 * only one in flight). With one thread everything runs on the calling
 * thread, one record at a time, without any executor.
 */
final class RecordPipeline {
  /** Records in flight per worker thread. */
  static final int WINDOW_PER_THREAD = 4;
  /** Framed input bytes in flight, at most (unless one record alone is larger): 32 MiB. */
  static final long WINDOW_BYTES = 32L << 20;

  private RecordPipeline() {}

  /** The number of threads to use by default: the processors available to the JVM. */
  static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * Runs {@code reader} to its end: {@code work} on each parsed entry (on a worker thread when
   * {@code threads > 1}; it must be thread-safe and should catch its own failures), then {@code
   * ordered} on each result in input order on the calling thread. When reading fails (an {@link
   * java.io.UncheckedIOException} from the reader) the records read before are still worked on and
   * handed to {@code ordered}, then the exception is rethrown. A failure {@code work} lets escape is
   * rethrown on the calling thread when its record's turn comes, as a sequential run would throw it.
   *
   * @param threads the number of workers, at least 1
   */
  static <T, R> void run(RecordReader<T> reader, int threads, Function<RecordReader.Entry<T>, R> work,
      Consumer<R> ordered) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    if (threads == 1) {
      for (Optional<RecordReader.Framed<T>> f = reader.nextFramed(); f.isPresent(); f = reader.nextFramed()) {
        ordered.accept(work.apply(f.get().parse()));
      }
      return;
    }
    ExecutorService workers = Executors.newFixedThreadPool(threads, new Workers());
    ArrayDeque<Future<R>> inFlight = new ArrayDeque<>();
    ArrayDeque<Integer> sizes = new ArrayDeque<>();
    long bytesInFlight = 0;
    int window = WINDOW_PER_THREAD * threads;
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
        while (!inFlight.isEmpty()
            && (inFlight.size() >= window || bytesInFlight + framed.size() > WINDOW_BYTES)) {
          bytesInFlight -= sizes.removeFirst();
          ordered.accept(take(inFlight.removeFirst()));
        }
        inFlight.addLast(workers.submit(() -> work.apply(framed.parse())));
        sizes.addLast(framed.size());
        bytesInFlight += framed.size();
      }
      while (!inFlight.isEmpty()) {
        ordered.accept(take(inFlight.removeFirst()));
      }
      if (readFailure != null) {
        throw readFailure;
      }
    } finally {
      for (Future<R> f : inFlight) {
        f.cancel(true);
      }
      workers.shutdownNow();
    }
  }

  /** The result of {@code f}, waiting for it; what the work threw is rethrown as it was. */
  private static <R> R take(Future<R> f) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return f.get();
        } catch (InterruptedException e) {
          interrupted = true; // the result is needed: keep waiting, restore the flag after
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException r) {
            throw r;
          }
          if (cause instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(cause);
        }
      }
    } finally {
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

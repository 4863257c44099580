package org.perfspecs.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress bar on stderr (me.tongfei:progressbar): bytes of the case-record file read, and
 * records read. Shown when stderr is a terminal, or when asked for with {@code --progress}.
 */
final class Progress implements AutoCloseable {
  private static final Progress NONE = new Progress(null);
  private final ProgressBar bar;

  private Progress(ProgressBar bar) {
    this.bar = bar;
  }

  /** A bar over {@code sizeInBytes} (negative: unknown) writing to {@code err}, or none. */
  static Progress start(Boolean wanted, PrintWriter err, String task, long sizeInBytes) {
    boolean terminal = stderrIsTerminal();
    if (wanted == null ? !terminal : !wanted) {
      return NONE;
    }
    // the terminal's width when there is one (read through JLine by the library), 80 otherwise
    int width = terminal ? new ConsoleProgressBarConsumer(System.err).getMaxRenderedLength() : 80;
    ProgressBarBuilder builder = new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(sizeInBytes)
        .setUnit(sizeInBytes >= 10L << 20 ? " MiB" : " KiB", sizeInBytes >= 10L << 20 ? 1 << 20 : 1 << 10)
        .setStyle(terminal ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250)
        .setConsumer(new WriterConsumer(err, width > 10 ? width : 80));
    return new Progress(builder.build());
  }

  /** The size of {@code file}, or -1 when unknown (standard input, not a regular file). */
  static long sizeOf(Path file) {
    try {
      return file.toString().equals("-") || !Files.isRegularFile(file) ? -1 : Files.size(file);
    } catch (java.io.IOException e) {
      return -1;
    }
  }

  /** Whether this process's stderr is a terminal (Linux and macOS; otherwise: whether there is a console). */
  static boolean stderrIsTerminal() {
    Path fd = Path.of("/proc/self/fd/2");
    if (Files.isSymbolicLink(fd)) {
      try {
        String target = Files.readSymbolicLink(fd).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
        return System.console() != null; // the link cannot be read: ask the console instead
      }
    }
    return System.console() != null;
  }

  void update(long bytesRead, long records) {
    if (bar != null) {
      bar.stepTo(bytesRead);
      bar.setExtraMessage(" " + records + " records");
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }

  /** Draws the bar over one line of {@code err}, with a carriage return before each redraw. */
  private static final class WriterConsumer implements ProgressBarConsumer {
    private final PrintWriter err;
    private final int width;

    WriterConsumer(PrintWriter err, int width) {
      this.err = err;
      this.width = width;
    }

    @Override
    public int getMaxRenderedLength() {
      return width;
    }

    @Override
    public void accept(String rendered) {
      synchronized (err) {
        err.print('\r');
        err.print(rendered);
        err.flush();
      }
    }

    @Override
    public void close() {
      synchronized (err) {
        err.println();
        err.flush();
      }
    }
  }
}

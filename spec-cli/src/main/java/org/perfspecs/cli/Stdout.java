package org.perfspecs.cli;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Standard output as a {@link PrintWriter} (UTF-8) that also takes bytes already encoded as UTF-8
 * ({@link #writeUtf8(byte[])}): findings rendered to bytes on the worker threads are copied into
 * one large byte buffer in input order, with no decoding or encoding on the ordered thread. Text
 * written through the writer and bytes written here come out in the order they were written. Like
 * any {@link PrintWriter}, it never throws on a write: a failure is seen through {@link
 * #checkError()}.
 */
final class Stdout extends PrintWriter {
  /** The byte buffer: 1 MiB, so that the operating system sees few large writes. */
  static final int BUFFER_BYTES = 1 << 20;

  private final OutputStream bytes;

  private Stdout(OutputStream bytes, OutputStream charTarget) {
    super(new BufferedWriter(new OutputStreamWriter(charTarget, StandardCharsets.UTF_8), 1 << 16), false);
    this.bytes = bytes;
  }

  /** Standard output over {@code out} (which the writer owns and closes). */
  static Stdout of(OutputStream out) {
    BufferedOutputStream buffered = new BufferedOutputStream(out, BUFFER_BYTES);
    // the writer's chain flushes its characters into the byte buffer, not past it: only flush()
    // and close() of this writer push the byte buffer out
    return new Stdout(buffered, new FilterOutputStream(buffered) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void flush() {
        // the byte buffer is flushed by Stdout.flush()
      }

      @Override
      public void close() {
        // the byte buffer is closed by Stdout.close()
      }
    });
  }

  /**
   * Writes {@code utf8}, text already encoded as UTF-8, after everything written before. A failure
   * sets the error flag ({@link #checkError()}) as the writer's own methods do.
   */
  void writeUtf8(byte[] utf8) {
    writeUtf8(utf8, 0, utf8.length);
  }

  /** Writes {@code len} bytes of {@code utf8} from {@code off}, as {@link #writeUtf8(byte[])}. */
  void writeUtf8(byte[] utf8, int off, int len) {
    synchronized (lock) {
      super.flush(); // the characters written before go first (into the byte buffer)
      try {
        bytes.write(utf8, off, len);
      } catch (IOException e) {
        setError();
      }
    }
  }

  @Override
  public void flush() {
    synchronized (lock) {
      super.flush();
      try {
        bytes.flush();
      } catch (IOException e) {
        setError();
      }
    }
  }

  @Override
  public void close() {
    synchronized (lock) {
      flush();
      super.close();
      try {
        bytes.close();
      } catch (IOException e) {
        setError();
      }
    }
  }

  /**
   * Writes {@code utf8} to {@code out}: straight as bytes when {@code out} is a {@link Stdout},
   * otherwise decoded (a writer over characters, as in tests).
   */
  static void writeUtf8(PrintWriter out, byte[] utf8) {
    writeUtf8(out, utf8, 0, utf8.length);
  }

  /** Writes {@code len} bytes of {@code utf8} from {@code off} to {@code out}, as {@link #writeUtf8(PrintWriter, byte[])}. */
  static void writeUtf8(PrintWriter out, byte[] utf8, int off, int len) {
    if (out instanceof Stdout s) {
      s.writeUtf8(utf8, off, len);
    } else {
      out.write(new String(utf8, off, len, StandardCharsets.UTF_8));
    }
  }
}

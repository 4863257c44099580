package org.perfspecs.spark;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;
import org.apache.spark.sql.Row;

/**
 * A partition's {@link Schemas#LINES} rows as one stream of bytes for the command line's {@link
 * org.perfspecs.checks.engine.RecordReader}: one sentinel line, then each line's bytes and a line
 * feed (a UTF-8 byte-order mark at the start of a file's first line is dropped, as the command line
 * drops it at the start of its input). Remembers which stream line is which input line until the
 * reader has read it.
 *
 * <p>The sentinel ({@code 0}, which the reader rejects and the caller drops) keeps the reader in
 * NDJSON mode: a partition that starts with {@code [} is not a JSON array (only a whole file can be
 * one, and {@link LineNumbers} refuses such a file).
 */
final class LineStream extends InputStream {
  private static final byte[] SENTINEL = "0\n".getBytes(StandardCharsets.US_ASCII);

  /** Where a line came from, and its bytes (without a byte-order mark). */
  record Ref(long streamLine, String file, long line, byte[] value, int offset) {}

  private final Iterator<Row> source;
  private final ArrayDeque<Ref> refs = new ArrayDeque<>();
  private byte[] current = SENTINEL;
  private int pos;
  private boolean breakPending;
  private long streamLine = 1;
  /** Input lines read. */
  long count;
  /** Input lines the reader skipped as blank. */
  long blank;

  LineStream(Iterator<Row> source) {
    this.source = source;
  }

  /** The reference of stream line {@code n}; the lines before it that the reader skipped were blank. */
  Ref refOf(long n) {
    while (true) {
      Ref ref = refs.poll();
      if (ref == null) {
        throw new IllegalStateException("no input line " + n + " in this partition");
      }
      if (ref.streamLine() == n) {
        return ref;
      }
      blank++;
    }
  }

  /** At the end: every line not read as a record was blank. */
  void drain() {
    blank += refs.size();
    refs.clear();
  }

  private boolean advance() {
    if (!source.hasNext()) {
      return false;
    }
    Row row = source.next();
    String file = row.isNullAt(0) ? null : row.getString(0);
    long line = row.getLong(1);
    byte[] value = row.isNullAt(2) ? new byte[0] : (byte[]) row.get(2);
    int start = line == 1 && value.length >= 3 && value[0] == (byte) 0xEF && value[1] == (byte) 0xBB
        && value[2] == (byte) 0xBF ? 3 : 0;
    streamLine++;
    count++;
    refs.add(new Ref(streamLine, file, line, value, start));
    current = value;
    pos = start;
    breakPending = true;
    return true;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (len == 0) {
      return 0;
    }
    while (true) {
      if (pos < current.length) {
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
      }
      if (breakPending) {
        breakPending = false;
        b[off] = '\n';
        return 1;
      }
      if (current == SENTINEL) {
        current = new byte[0];
      }
      if (!advance()) {
        return -1;
      }
    }
  }

  @Override
  public void close() {
    // the source iterator belongs to Spark
  }
}

package org.perfspecs.checks.engine;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.perfspecs.model.ModelJson;
import org.perfspecs.model.ModelValidator;
import org.perfspecs.model.Validated;
import org.perfspecs.model.Violation;

/**
 * Reads records one at a time, in constant memory, from NDJSON (one JSON object per line) or from
 * one JSON array of objects (detected by a leading {@code [}). Every record read comes back as an
 * {@link Entry}: valid, or rejected with its violations; nothing is skipped silently. Not
 * thread-safe: one reader per input.
 *
 * <p>The reading rules, the same in both forms (each record is handed to {@link
 * ModelValidator#parse}, so a record is judged by the same rules whichever form carries it):
 *
 * <table>
 *   <caption>Reading rules</caption>
 *   <tr><th>input</th><th>what the reader does</th></tr>
 *   <tr><td>encoding</td><td>UTF-8 only, decoded strictly per record; a record (line or array
 *       element) that is not UTF-8 is rejected as "is not UTF-8 text". One byte-order mark at the
 *       very start is skipped.</td></tr>
 *   <tr><td>line breaks</td><td>LF, CR LF and a lone CR each end a line (line numbers count
 *       them).</td></tr>
 *   <tr><td>form</td><td>the first byte after leading spaces, TABs and line breaks: {@code [}
 *       is a JSON array, anything else NDJSON.</td></tr>
 *   <tr><td>blank NDJSON line</td><td>empty, or only spaces and TABs: skipped (not a record).
 *       Any other line, including one of only other whitespace (FS, FF, VT, U+2028, U+3000, ...),
 *       is a record, read and rejected as not well-formed JSON.</td></tr>
 *   <tr><td>record size</td><td>at most the maximum record size in bytes (default {@value
 *       #DEFAULT_MAX_RECORD_BYTES}, 16 MiB); a longer line or element is read through without
 *       being held and rejected.</td></tr>
 *   <tr><td>array elements</td><td>delimited by commas at nesting depth 0 outside strings; each
 *       element is one record, whatever its shape ({@code [1, {}]} is two rejected records); an
 *       empty element ({@code [,]}) is a rejected record; an element that runs to the end of the
 *       input is read, then one more rejection says the array is not closed.</td></tr>
 *   <tr><td>after the array</td><td>nothing but whitespace: every other line after the closing
 *       {@code ]} (the rest of its own line too) is one rejected record ("is after the end of the
 *       top-level JSON array"), never read as data.</td></tr>
 *   <tr><td>each record</td><td>{@link ModelValidator#parse}: strict JSON (duplicate property
 *       names, a second value, numbers longer than {@link ModelJson#MAX_NUMBER_LENGTH} are
 *       rejected), the model's strict types and its constraints.</td></tr>
 * </table>
 *
 * <p>{@link #next()} never throws on malformed input; it throws only when the input itself cannot
 * be read (an I/O error). Messages name the rule and where, never the content.
 *
 * @param <T> the model type of a record
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RecordReader<T> implements Closeable {
  /** The default maximum size of one record, in bytes of UTF-8: 16 MiB. */
  public static final int DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;

  static final String AFTER_ARRAY = "is after the end of the top-level JSON array";
  static final String NOT_CLOSED = "ends the input inside the top-level JSON array: the array is not closed with ]";

  private enum Mode { NDJSON, ARRAY, AFTER_ARRAY }

  private final InputStream in;
  private final Class<T> type;
  private final ModelValidator validator;
  private final int maxRecordBytes;
  // 256 KiB: a typical record (~15 KB) lies whole in the buffer and is copied once, straight
  // from it (see readLine), far more often than it straddles two fills
  private final byte[] buf = new byte[1 << 18];
  private int pos;
  private int lim;
  private boolean eof;
  private byte[] record = new byte[1 << 12];
  private int recordLength;
  /**
   * Where the current record's {@link #recordLength} bytes are: {@link #buf} from {@link
   * #recordFrom} when the whole line lay in the buffer (no copy made yet), else {@link #record}
   * from 0.
   */
  private boolean inBuf;
  private int recordFrom;
  private boolean started;
  private boolean finished;
  private Mode mode = Mode.NDJSON;
  /** The 1-based line at {@link #pos}. */
  private long line = 1;
  /** The last byte consumed was a CR: an LF next belongs to the same line break. */
  private boolean afterCr;
  /** In an array: a comma was read and its element not yet. */
  private boolean afterComma;

  private RecordReader(InputStream in, Class<T> type, ModelValidator validator, int maxRecordBytes) {
    this.in = requireNonNull(in, "in");
    this.type = requireNonNull(type, "type");
    this.validator = requireNonNull(validator, "validator");
    if (maxRecordBytes < 1) {
      throw new IllegalArgumentException("maxRecordBytes must be positive, not " + maxRecordBytes);
    }
    this.maxRecordBytes = maxRecordBytes;
  }

  /** A reader of {@code type} records from {@code in}; the reader owns and closes {@code in}. */
  public static <T> RecordReader<T> of(Reader in, Class<T> type, ModelValidator validator) {
    return new RecordReader<>(new Utf8InputStream(requireNonNull(in, "in")), type, validator, DEFAULT_MAX_RECORD_BYTES);
  }

  /**
   * A reader of {@code type} records from UTF-8 bytes with the default maximum record size; the
   * reader owns and closes {@code in}.
   *
   * @since 0.1
   */
  public static <T> RecordReader<T> of(InputStream in, Class<T> type, ModelValidator validator) {
    return of(in, type, validator, DEFAULT_MAX_RECORD_BYTES);
  }

  /**
   * A reader of {@code type} records from UTF-8 bytes, rejecting records longer than
   * {@code maxRecordBytes}; the reader owns and closes {@code in}.
   *
   * @throws IllegalArgumentException if {@code maxRecordBytes} is not positive
   * @since 0.1
   */
  public static <T> RecordReader<T> of(InputStream in, Class<T> type, ModelValidator validator, int maxRecordBytes) {
    return new RecordReader<>(in, type, validator, maxRecordBytes);
  }

  /**
   * The next record, or empty at the end of the input. Malformed input is never an exception: it
   * is a rejected entry. The same as {@code nextFramed().map(Framed::parse)}.
   *
   * @throws UncheckedIOException if the input itself cannot be read
   */
  public Optional<Entry<T>> next() {
    return nextFramed().map(Framed::parse);
  }

  /**
   * The next record framed but not yet decoded, parsed or validated: its line and a copy of its
   * bytes (or its rejection when the framing already rejects it: too long, after the array, the
   * array not closed). {@link Framed#parse()} does the rest and may run on another thread, so a
   * caller can read on one thread and parse on several; the reader itself stays single-threaded.
   * Malformed input is never an exception.
   *
   * @return the next framed record, or empty at the end of the input
   * @throws UncheckedIOException if the input itself cannot be read
   * @since 0.2
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public Optional<Framed<T>> nextFramed() {
    try {
      if (finished) {
        return Optional.empty();
      }
      if (!started) {
        started = true;
        if (startsWithArray()) {
          pos++; // the [
          mode = Mode.ARRAY;
        }
      }
      return mode == Mode.ARRAY ? nextInArray() : nextLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The byte at {@link #pos}, or -1 at the end of the input (reading more when needed). */
  private int peek() throws IOException {
    if (pos == lim && !fill()) {
      return -1;
    }
    return buf[pos] & 0xFF;
  }

  /** Consumes the byte at {@link #pos}, counting line breaks (LF, CR LF, CR). */
  private void consume(int b) {
    pos++;
    if (b == '\n') {
      if (!afterCr) {
        line++;
      }
      afterCr = false;
    } else if (b == '\r') {
      line++;
      afterCr = true;
    } else {
      afterCr = false;
    }
  }

  /**
   * Skips leading whitespace and a byte-order mark (counting the lines skipped); whether the next
   * byte is {@code [}.
   */
  private boolean startsWithArray() throws IOException {
    if (peek() == 0xEF) {
      // a byte-order mark only as the first three bytes
      while (lim - pos < 3 && !eof) {
        compactAndFill();
      }
      if (lim - pos >= 3 && buf[pos + 1] == (byte) 0xBB && buf[pos + 2] == (byte) 0xBF) {
        pos += 3;
      }
    }
    while (true) {
      int b = peek();
      if (b == '[') {
        return true;
      }
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return false;
      }
      consume(b);
    }
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int n;
    do {
      n = in.read(buf, 0, buf.length);
    } while (n == 0);
    pos = 0;
    lim = Math.max(n, 0);
    eof = n < 0;
    return n > 0;
  }

  /** Keeps the unread bytes and reads more after them (to see three bytes at once). */
  private void compactAndFill() throws IOException {
    int left = lim - pos;
    System.arraycopy(buf, pos, buf, 0, left);
    pos = 0;
    lim = left;
    int n = in.read(buf, lim, buf.length - lim);
    if (n < 0) {
      eof = true;
    } else {
      lim += n;
    }
  }

  private Optional<Framed<T>> nextLine() throws IOException {
    while (true) {
      long at = line;
      long length = readLine();
      if (length < 0) {
        finished = true;
        return Optional.empty();
      }
      // a line over the limit keeps at most its first bytes, maybe none: never taken as blank
      boolean tooLong = length > maxRecordBytes;
      if (!tooLong && isBlank()) {
        continue;
      }
      if (mode == Mode.AFTER_ARRAY) {
        return Optional.of(rejected(at, AFTER_ARRAY));
      }
      if (tooLong) {
        return Optional.of(rejected(at, "is longer than the maximum record size of " + maxRecordBytes
            + " bytes (" + length + " bytes); the line was skipped"));
      }
      return Optional.of(parse(at));
    }
  }

  /** Whether the record buffer holds only spaces and TABs (or nothing). */
  private boolean isBlank() {
    byte[] bytes = inBuf ? buf : record;
    int from = inBuf ? recordFrom : 0;
    for (int i = from; i < from + recordLength; i++) {
      if (bytes[i] != ' ' && bytes[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  /** The record's bytes, copied once, to be decoded and validated by {@link Framed#parse()}. */
  private Framed<T> parse(long at) {
    byte[] bytes = inBuf ? Arrays.copyOfRange(buf, recordFrom, recordFrom + recordLength)
        : Arrays.copyOf(record, recordLength);
    return new Framed<>(at, bytes, null, type, validator);
  }

  /**
   * The bytes read as UTF-8 JSON and validated ({@link ModelValidator#parse(byte[], Class)}: ASCII
   * bytes are read as they are, with no decoded copy of the line); rejected when they are not UTF-8.
   */
  static <T> Validated<T> decodeAndParse(byte[] bytes, Class<T> type, ModelValidator validator) {
    return validator.parse(bytes, type);
  }

  /**
   * Reads the rest of the current line (without its line break) into {@link #record}, keeping at
   * most {@code maxRecordBytes + 1} bytes of it. Returns the line's full length in bytes, or -1 at
   * the end of the input.
   */
  private long readLine() throws IOException {
    long length = 0;
    recordLength = 0;
    inBuf = false;
    if (afterCr && peek() == '\n') {
      consume('\n'); // the LF of a CR LF whose CR ended the previous line
    }
    if (peek() < 0) {
      return -1;
    }
    while (true) {
      if (pos == lim && !fill()) {
        return length;
      }
      int end = lineBreak(buf, pos, lim);
      int n = end - pos;
      if (length == 0 && end < lim && n <= maxRecordBytes + 1L) {
        // the whole line is in the buffer: left there, copied once by parse (before the next fill)
        inBuf = true;
        recordFrom = pos;
        recordLength = n;
        length = n;
        afterCr = false;
        pos = end;
        consume(buf[end]);
        return length;
      }
      length += n;
      keep(pos, n, length);
      afterCr = false;
      pos = end;
      if (end < lim) {
        consume(buf[end]);
        return length;
      }
    }
  }

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long LFS = ONES * '\n';
  private static final long CRS = ONES * '\r';

  /**
   * The index of the first LF or CR in {@code bytes[from, to)}, or {@code to} when there is none.
   * Eight bytes at a time: a byte of {@code w ^ LFS} is zero where {@code w} has an LF, and {@code
   * (x - ONES) & ~x & HIGHS} sets the high bit of the lowest zero byte of {@code x} (bytes above it
   * may be flagged falsely by the borrow, never bytes below), so the lowest flag of either is the
   * first break.
   */
  static int lineBreak(byte[] bytes, int from, int to) {
    int i = from;
    for (; i <= to - 8; i += 8) {
      long w = (long) LONGS.get(bytes, i);
      long lf = w ^ LFS;
      long cr = w ^ CRS;
      long found = ((lf - ONES) & ~lf | (cr - ONES) & ~cr) & HIGHS;
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (bytes[i] == '\n' || bytes[i] == '\r') {
        return i;
      }
    }
    return to;
  }

  /** Appends {@code n} bytes from {@code buf[from]} while the record is within the limit. */
  private void keep(int from, int n, long lengthAfter) {
    if (lengthAfter <= maxRecordBytes + 1L) {
      if (recordLength + n > record.length) {
        record = Arrays.copyOf(record, Math.max(recordLength + n, Math.min(record.length * 2, maxRecordBytes + 1)));
      }
      System.arraycopy(buf, from, record, recordLength, n);
      recordLength += n;
    }
  }

  private Framed<T> rejected(long at, String message) {
    return new Framed<>(at, null, new Entry<>(at, Validated.rejectedInput(List.of(Violation.of("$", message)))), type,
        validator);
  }

  private Optional<Framed<T>> nextInArray() throws IOException {
    // whitespace before an element, a ] or the end
    int b;
    while ((b = peek()) == ' ' || b == '\t' || b == '\n' || b == '\r') {
      consume(b);
    }
    if (b < 0) {
      finished = true;
      return Optional.of(rejected(line, NOT_CLOSED));
    }
    if (b == ']' && !afterComma) {
      consume(b);
      mode = Mode.AFTER_ARRAY;
      return nextLine();
    }
    // one element: up to a comma or ] at depth 0 outside strings, or the end of the input
    long at = line;
    long length = 0;
    long depth = 0;
    boolean inString = false;
    boolean escaped = false;
    recordLength = 0;
    inBuf = false;
    while (true) {
      if (pos == lim && !fill()) {
        afterComma = false;
        // the next call reports the unclosed array
        return Optional.of(elementEntry(at, length));
      }
      int from = pos;
      int end = pos;
      boolean delimiter = false;
      for (; end < lim; end++) {
        byte c = buf[end];
        if (c == '\n' || c == '\r') {
          // kept in the element, and counted
          if (end > from) {
            afterCr = false;
          }
          length += end - from + 1;
          keep(from, end - from + 1, length);
          pos = end;
          consume(c);
          from = end + 1;
          escaped = false;
          continue;
        }
        if (inString) {
          if (escaped) {
            escaped = false;
          } else if (c == '\\') {
            escaped = true;
          } else if (c == '"') {
            inString = false;
          }
        } else if (c == '"') {
          inString = true;
        } else if (c == '{' || c == '[') {
          depth++;
        } else if ((c == '}' || c == ']') && depth > 0) {
          depth--;
        } else if (depth == 0 && (c == ',' || c == ']')) {
          delimiter = true;
          break;
        }
      }
      length += end - from;
      keep(from, end - from, length);
      pos = end;
      afterCr = end > from ? false : afterCr;
      if (delimiter) {
        int c = buf[end];
        consume(c);
        afterComma = c == ',';
        if (c == ']') {
          mode = Mode.AFTER_ARRAY;
        }
        return Optional.of(elementEntry(at, length));
      }
    }
  }

  private Framed<T> elementEntry(long at, long length) {
    if (length > maxRecordBytes) {
      return rejected(at, "is longer than the maximum record size of " + maxRecordBytes
          + " bytes (" + length + " bytes); the element was skipped");
    }
    return parse(at);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** Characters encoded back to UTF-8 bytes, for the {@link Reader} entry point. */
  private static final class Utf8InputStream extends InputStream {
    private final Reader reader;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final CharBuffer chars = CharBuffer.allocate(1 << 13);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 15);
    private boolean eof;

    Utf8InputStream(Reader reader) {
      this.reader = reader;
      chars.flip();
      bytes.flip();
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      while (!bytes.hasRemaining()) {
        if (eof && !chars.hasRemaining()) {
          return -1;
        }
        chars.compact();
        int n = eof ? -1 : reader.read(chars);
        chars.flip();
        if (n < 0) {
          eof = true;
        }
        bytes.clear();
        encoder.encode(chars, bytes, eof);
        if (eof && !chars.hasRemaining()) {
          encoder.flush(bytes);
        }
        bytes.flip();
      }
      int n = Math.min(len, bytes.remaining());
      bytes.get(b, off, n);
      return n;
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }

  /**
   * One record framed by {@link #nextFramed()}: its line and its bytes, not yet decoded. Immutable
   * and thread-safe; {@link #parse()} may run on any thread, once or more (each call parses anew).
   *
   * @param <T> the model type
   * @since 0.2
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public static final class Framed<T> {
    private final long line;
    private final byte[] bytes;
    private final Entry<T> rejected;
    private final Class<T> type;
    private final ModelValidator validator;

    Framed(long line, byte[] bytes, Entry<T> rejected, Class<T> type, ModelValidator validator) {
      this.line = line;
      this.bytes = bytes;
      this.rejected = rejected;
      this.type = type;
      this.validator = validator;
    }

    /** The 1-based line number (for a JSON array, the line where the element starts). */
    public long line() {
      return line;
    }

    /** The bytes of the record held for parsing (0 when the framing rejected it). */
    public int size() {
      return bytes == null ? 0 : bytes.length;
    }

    /**
     * The record decoded (strict UTF-8), parsed and validated as {@link RecordReader#next()}
     * gives it. Never throws on malformed input.
     */
    public Entry<T> parse() {
      return rejected != null ? rejected : new Entry<>(line, decodeAndParse(bytes, type, validator));
    }
  }

  /**
   * One record read: its line number (1-based; for a JSON array, the line where the element
   * starts) and the record or its violations.
   *
   * @param <T> the model type
   */
  public static final class Entry<T> {
    private final long line;
    private final Validated<T> result;

    Entry(long line, Validated<T> result) {
      this.line = line;
      this.result = result;
    }

    /** The 1-based line number. */
    public long line() {
      return line;
    }

    /** The record, or its violations. */
    public Validated<T> result() {
      return result;
    }
  }
}

package org.perfspecs.checks.engine;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
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
 * Reads records one at a time, in constant memory, from NDJSON (one JSON object per line; blank
 * lines are skipped) or from a JSON array of objects (detected by a leading {@code [}). Every record
 * read comes back as an {@link Entry}: valid, or rejected with its violations; nothing is skipped
 * silently. Not thread-safe: one reader per input.
 *
 * <p>NDJSON is read as bytes, line by line. A line that is not UTF-8 text is rejected on its own
 * (and the next line is read); a line longer than the maximum record size ({@value
 * #DEFAULT_MAX_RECORD_BYTES} bytes, 16 MiB, unless another is given) is rejected without being
 * held in memory: at most the maximum record size is buffered, the rest of the line is skipped.
 * A last line without a line break is read like any other (so a truncated last record is rejected
 * as truncated). Messages name the rule and where, never the content.
 *
 * <p>A JSON array is parsed element by element; an element over the maximum record size is
 * rejected once read, and a syntax error ends the array (the rest cannot be delimited). Prefer
 * NDJSON for large or untrusted input.
 *
 * @param <T> the model type of a record
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RecordReader<T> implements Closeable {
  /** The default maximum size of one record, in bytes of UTF-8: 16 MiB. */
  public static final int DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;

  private final InputStream in;
  private final Class<T> type;
  private final ModelValidator validator;
  private final int maxRecordBytes;
  private final ObjectMapper mapper = ModelJson.newMapper();
  private final ObjectReader treeReader = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int lim;
  private byte[] line = new byte[1 << 12];
  private int lineLength;
  private JsonParser arrayParser;
  private boolean started;
  private boolean finished;
  private long lineNumber;

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
   * The next record, or empty at the end of the input.
   *
   * @throws UncheckedIOException if the input itself cannot be read
   */
  public Optional<Entry<T>> next() {
    try {
      if (finished) {
        return Optional.empty();
      }
      if (!started) {
        started = true;
        if (startsWithArray()) {
          JsonFactory factory = JsonFactory.builder()
              .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(maxRecordBytes).build())
              .build();
          arrayParser = factory.createParser(new RestOfInput());
          arrayParser.nextToken();
        }
      }
      return arrayParser != null ? nextInArray() : nextLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Skips leading whitespace and a byte-order mark (counting the lines skipped); whether the next
   * byte is {@code [}.
   */
  private boolean startsWithArray() throws IOException {
    boolean first = true;
    while (true) {
      if (pos == lim && !fill()) {
        return false;
      }
      byte b = buf[pos];
      if (first && b == (byte) 0xEF && lim - pos >= 3 && buf[pos + 1] == (byte) 0xBB && buf[pos + 2] == (byte) 0xBF) {
        pos += 3;
      } else if (b == '[') {
        return true;
      } else if (b == '\n') {
        // a blank line before the first record: counted, so line numbers stay those of the file
        lineNumber++;
        pos++;
      } else if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      } else {
        pos++;
      }
      first = false;
    }
  }

  private boolean fill() throws IOException {
    int n;
    do {
      n = in.read(buf, 0, buf.length);
    } while (n == 0);
    pos = 0;
    lim = Math.max(n, 0);
    return n > 0;
  }

  private Optional<Entry<T>> nextLine() throws IOException {
    while (true) {
      long length = readLine();
      if (length < 0) {
        finished = true;
        return Optional.empty();
      }
      lineNumber++;
      if (length > maxRecordBytes) {
        return Optional.of(rejected(lineNumber, "is longer than the maximum record size of " + maxRecordBytes
            + " bytes (" + length + " bytes); the line was skipped"));
      }
      String text;
      try {
        text = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(line, 0, lineLength))
            .toString();
      } catch (CharacterCodingException e) {
        return Optional.of(rejected(lineNumber, "is not UTF-8 text"));
      }
      if (!text.isBlank()) {
        return Optional.of(new Entry<>(lineNumber, validator.parse(text, type)));
      }
    }
  }

  /**
   * Reads one line (without its line break and a trailing CR) into {@link #line}, keeping at most
   * {@code maxRecordBytes} of it. Returns the line's full length in bytes, or -1 at the end of the
   * input.
   */
  private long readLine() throws IOException {
    long length = 0;
    lineLength = 0;
    boolean any = false;
    while (true) {
      if (pos == lim && !fill()) {
        return any ? trimCr(length) : -1;
      }
      any = true;
      int end = pos;
      while (end < lim && buf[end] != '\n') {
        end++;
      }
      int n = end - pos;
      length += n;
      if (length <= maxRecordBytes + 1L) {
        // one byte over the limit is kept so that a trailing CR can still be trimmed
        append(pos, n);
      }
      pos = end < lim ? end + 1 : lim;
      if (end < lim) {
        return trimCr(length);
      }
    }
  }

  private long trimCr(long length) {
    if (length <= maxRecordBytes + 1L && lineLength > 0 && line[lineLength - 1] == '\r') {
      lineLength--;
      return length - 1;
    }
    return length;
  }

  private void append(int from, int n) {
    if (lineLength + n > line.length) {
      line = Arrays.copyOf(line, Math.max(lineLength + n, Math.min(line.length * 2, maxRecordBytes + 1)));
    }
    System.arraycopy(buf, from, line, lineLength, n);
    lineLength += n;
  }

  private Entry<T> rejected(long at, String message) {
    return new Entry<>(at, Validated.rejectedInput(List.of(Violation.of("$", message))));
  }

  private Optional<Entry<T>> nextInArray() throws IOException {
    long skipped = lineNumber; // blank lines before the array
    long line = skipped + arrayParser.currentLocation().getLineNr();
    try {
      JsonToken token = arrayParser.nextToken();
      line = skipped + arrayParser.currentTokenLocation().getLineNr();
      if (token == null || token == JsonToken.END_ARRAY) {
        finished = true;
        return Optional.empty();
      }
      long start = arrayParser.currentTokenLocation().getByteOffset();
      JsonNode node = treeReader.readTree(arrayParser);
      long size = arrayParser.currentLocation().getByteOffset() - start;
      if (start >= 0 && size > maxRecordBytes) {
        return Optional.of(rejected(line, "is longer than the maximum record size of " + maxRecordBytes
            + " bytes (" + size + " bytes); the element was skipped"));
      }
      return Optional.of(new Entry<>(line, validator.parse(mapper.writeValueAsString(node), type)));
    } catch (JsonProcessingException e) {
      finished = true;
      long at = e.getLocation() == null ? line : skipped + e.getLocation().getLineNr();
      String what = e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException
          ? "has a value longer than the maximum record size of " + maxRecordBytes + " bytes"
          : "is not well-formed JSON";
      return Optional.of(rejected(at, what + "; the rest of the array cannot be read"));
    }
  }

  @Override
  public void close() throws IOException {
    if (arrayParser != null) {
      arrayParser.close();
    }
    in.close();
  }

  /** The buffered bytes not yet consumed, then the rest of the input: what the array parser reads. */
  private final class RestOfInput extends InputStream {
    @Override
    public int read() throws IOException {
      if (pos == lim && !fill()) {
        return -1;
      }
      return buf[pos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (pos == lim && !fill()) {
        return -1;
      }
      int n = Math.min(len, lim - pos);
      System.arraycopy(buf, pos, b, off, n);
      pos += n;
      return n;
    }

    @Override
    public void close() {
      // the reader closes the input
    }
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

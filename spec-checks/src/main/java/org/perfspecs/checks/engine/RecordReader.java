package org.perfspecs.checks.engine;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
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
 * @param <T> the model type of a record
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RecordReader<T> implements Closeable {
  private final BufferedReader in;
  private final Class<T> type;
  private final ModelValidator validator;
  private final ObjectMapper mapper = ModelJson.newMapper();
  private final ObjectReader treeReader = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private JsonParser arrayParser;
  private boolean started;
  private boolean finished;
  private long lineNumber;

  private RecordReader(Reader in, Class<T> type, ModelValidator validator) {
    this.in = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
    this.type = requireNonNull(type, "type");
    this.validator = requireNonNull(validator, "validator");
  }

  /** A reader of {@code type} records from {@code in}; the reader owns and closes {@code in}. */
  public static <T> RecordReader<T> of(Reader in, Class<T> type, ModelValidator validator) {
    return new RecordReader<>(requireNonNull(in, "in"), type, validator);
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
        in.mark(1 << 16);
        int c;
        do {
          c = in.read();
        } while (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\uFEFF');
        in.reset();
        if (c == '[') {
          arrayParser = new JsonFactory().createParser(in);
          arrayParser.nextToken();
        }
      }
      return arrayParser != null ? nextInArray() : nextLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Optional<Entry<T>> nextLine() throws IOException {
    String line;
    while ((line = in.readLine()) != null) {
      lineNumber++;
      if (!line.isBlank()) {
        return Optional.of(new Entry<>(lineNumber, validator.parse(line, type)));
      }
    }
    finished = true;
    return Optional.empty();
  }

  private Optional<Entry<T>> nextInArray() throws IOException {
    long line = arrayParser.currentLocation().getLineNr();
    try {
      JsonToken token = arrayParser.nextToken();
      line = arrayParser.currentTokenLocation().getLineNr();
      if (token == null || token == JsonToken.END_ARRAY) {
        finished = true;
        return Optional.empty();
      }
      JsonNode node = treeReader.readTree(arrayParser);
      return Optional.of(new Entry<>(line, validator.parse(mapper.writeValueAsString(node), type)));
    } catch (JsonProcessingException e) {
      finished = true;
      long at = e.getLocation() == null ? line : e.getLocation().getLineNr();
      return Optional.of(new Entry<>(at, Validated.rejectedInput(List.of(Violation.of("$",
          "is not well-formed JSON; the rest of the array cannot be read")))));
    }
  }

  @Override
  public void close() throws IOException {
    if (arrayParser != null) {
      arrayParser.close();
    }
    in.close();
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

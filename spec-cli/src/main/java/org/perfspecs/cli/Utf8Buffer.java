package org.perfspecs.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable buffer of UTF-8 bytes, appended to without intermediate strings: text is encoded as
 * {@link String#getBytes(java.nio.charset.Charset) String.getBytes(UTF_8)} encodes it (an ASCII
 * fast path; a surrogate pair as four bytes; a lone surrogate as {@code ?}), CSV cells by {@link
 * Csv}'s rule and JSON strings as Jackson escapes them. One buffer is written by one thread; it is
 * handed to another only whole (as the rendering of a record, through the pipeline's ordered
 * stage).
 */
final class Utf8Buffer {
  private byte[] bytes;
  private int length;

  Utf8Buffer(int capacity) {
    bytes = new byte[Math.max(capacity, 16)];
  }

  int length() {
    return length;
  }

  /** The bytes appended, as a copy. */
  byte[] toByteArray() {
    return Arrays.copyOf(bytes, length);
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, length);
  }

  /** Writes the bytes appended to {@code out}, as {@link Stdout#writeUtf8(java.io.PrintWriter, byte[])} does. */
  void writeTo(java.io.PrintWriter out) {
    Stdout.writeUtf8(out, bytes, 0, length);
  }

  private void ensure(int more) {
    if (more > bytes.length - length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }

  /** Appends one ASCII character. */
  void ascii(char c) {
    if (length == bytes.length) {
      ensure(1);
    }
    bytes[length++] = (byte) c;
  }

  /** Appends bytes already encoded. */
  void append(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, bytes, length, b.length);
    length += b.length;
  }

  /** Appends {@code s} encoded as UTF-8. */
  void utf8(String s) {
    encode(s, false);
  }

  /**
   * Appends {@code s} as one CSV cell, the bytes of {@link Csv#append}'s text: a leading {@code '}
   * before a formula start, then quoted ({@code "} doubled) when it holds a comma, a quote or a
   * line break.
   */
  void csvCell(String s) {
    boolean quote = needsQuotes(s);
    if (quote) {
      ascii('"');
    }
    if (!s.isEmpty() && isFormulaStart(s.charAt(0))) {
      ascii('\'');
    }
    encode(s, quote);
    if (quote) {
      ascii('"');
    }
  }

  static boolean isFormulaStart(char c) {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }

  /** Whether {@link Csv#append} quotes a cell that holds {@code s}. */
  static boolean needsQuotes(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }

  /**
   * Encodes {@code s} (each {@code "} doubled when {@code doubleQuotes}). A high surrogate at the
   * end of {@code s} is lone: every caller follows text with an ASCII separator.
   */
  void encode(String s, boolean doubleQuotes) {
    int n = s.length();
    ensure(n * 3); // at most three bytes a char (a pair: four bytes for two chars; a doubled quote: two)
    byte[] b = bytes;
    int at = length;
    int i = 0;
    if (!doubleQuotes) { // ASCII fast path
      while (i < n) {
        char c = s.charAt(i);
        if (c >= 0x80) {
          break;
        }
        b[at++] = (byte) c;
        i++;
      }
    }
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        b[at++] = (byte) c;
        if (c == '"' && doubleQuotes) {
          b[at++] = '"';
        }
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        at = pair(b, at, Character.toCodePoint(c, s.charAt(++i)));
      } else {
        at = nonAscii(b, at, c);
      }
    }
    length = at;
  }

  /**
   * One character from U+0080 up that does not begin a surrogate pair, at {@code at}, as {@link
   * String#getBytes} encodes it (a lone surrogate as {@code ?}); where the next byte goes.
   */
  private static int nonAscii(byte[] b, int at, char c) {
    if (c < 0x800) {
      b[at++] = (byte) (0xC0 | (c >> 6));
      b[at++] = (byte) (0x80 | (c & 0x3F));
    } else if (Character.isSurrogate(c)) {
      b[at++] = '?';
    } else {
      b[at++] = (byte) (0xE0 | (c >> 12));
      b[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
      b[at++] = (byte) (0x80 | (c & 0x3F));
    }
    return at;
  }

  private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /**
   * Appends {@code s} as a JSON string, the bytes Jackson's character generator writes for it with
   * its default escaping (quote and backslash escaped with a backslash; the control characters
   * below U+0020 as the short escapes for backspace, tab, line feed, form feed and carriage
   * return, the others as a six-character unicode escape in upper-case hex; everything else as it
   * is), encoded as {@link String#getBytes} encodes: a lone surrogate as {@code ?}.
   */
  void jsonString(String s) {
    int n = s.length();
    ensure(n * 6 + 2);
    byte[] b = bytes;
    int at = length;
    b[at++] = '"';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c != '"' && c != '\\') {
          b[at++] = (byte) c;
          continue;
        }
        b[at++] = '\\';
        switch (c) {
          case '"', '\\' -> b[at++] = (byte) c;
          case '\b' -> b[at++] = 'b';
          case '\t' -> b[at++] = 't';
          case '\n' -> b[at++] = 'n';
          case '\f' -> b[at++] = 'f';
          case '\r' -> b[at++] = 'r';
          default -> {
            b[at++] = 'u';
            b[at++] = '0';
            b[at++] = '0';
            b[at++] = HEX[c >> 4];
            b[at++] = HEX[c & 0xF];
          }
        }
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        at = pair(b, at, Character.toCodePoint(c, s.charAt(++i)));
      } else {
        at = nonAscii(b, at, c);
      }
    }
    b[at++] = '"';
    length = at;
  }

  /** Appends ASCII text (field names, punctuation): each char one byte. */
  void ascii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      bytes[length++] = (byte) s.charAt(i);
    }
  }

  private static int pair(byte[] b, int at, int cp) {
    b[at++] = (byte) (0xF0 | (cp >> 18));
    b[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
    b[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
    b[at++] = (byte) (0x80 | (cp & 0x3F));
    return at;
  }
}

package org.perfspecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Utf8Buffer} encodes as {@link String#getBytes} with UTF-8 does (lone surrogates as
 * {@code ?}), CSV cells as {@link Csv#field}, JSON strings as Jackson's character generator
 * writes them.
 */
class Utf8BufferTest {
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = org.perfspecs.model.ModelJson.newMapper();
  private static final String[] PIECES = {"a", ",", "\"", "\n", "\r", "\t", "=", "-", "+", "@", "'", "é", "§", "’",
      "\u0000", "\b", "\f", "\u001f", "\\", "/", "\u007f", "\u0080", "\u07ff", "\u0800", "\uffff", "😀", "\ud800", "\udbff", "\udc00", "\udfff", " "};

  private static String text(Random random, int max) {
    StringBuilder b = new StringBuilder();
    for (int n = random.nextInt(max); n > 0; n--) {
      b.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return b.toString();
  }

  @Test
  void textCellsAndJsonStringsAreTheBytesOfTheirStrings() throws Exception {
    Random random = new Random(8);
    for (int i = 0; i < 20_000; i++) {
      String s = text(random, 10);
      Utf8Buffer text = new Utf8Buffer(1);
      text.utf8(s);
      text.ascii(',');
      assertThat(text.toByteArray()).as(escaped(s)).isEqualTo((s + ",").getBytes(StandardCharsets.UTF_8));
      Utf8Buffer cell = new Utf8Buffer(1);
      cell.csvCell(s);
      cell.ascii('\n');
      assertThat(cell.toByteArray()).as(escaped(s)).isEqualTo((Csv.field(s) + "\n").getBytes(StandardCharsets.UTF_8));
      Utf8Buffer json = new Utf8Buffer(1);
      json.jsonString(s);
      json.ascii('\n');
      assertThat(json.toByteArray()).as(escaped(s)).isEqualTo((JSON.writeValueAsString(s) + "\n")
          .getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String escaped(String s) {
    StringBuilder b = new StringBuilder();
    s.chars().forEach(c -> b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
    return b.toString();
  }
}

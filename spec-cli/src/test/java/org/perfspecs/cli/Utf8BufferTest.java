package org.perfspecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Utf8Buffer} encodes as {@link String#getBytes} with UTF-8 does (lone surrogates as
 * {@code ?}), CSV cells as {@link Csv#field}, and through its writer whatever the split of the
 * text into writes (a surrogate pair split between two writes included).
 */
class Utf8BufferTest {
  private static final String[] PIECES = {"a", ",", "\"", "\n", "\r", "\t", "=", "-", "+", "@", "'", "é", "§", "’",
      "\u0000", "\u007f", "\u0080", "\u07ff", "\u0800", "\uffff", "😀", "\ud800", "\udbff", "\udc00", "\udfff", " "};

  private static String text(Random random, int max) {
    StringBuilder b = new StringBuilder();
    for (int n = random.nextInt(max); n > 0; n--) {
      b.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return b.toString();
  }

  @Test
  void textAndCellsAreTheBytesOfTheirStrings() {
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
    }
  }

  @Test
  void theWriterEncodesAsOneStringWhateverTheSplit() throws IOException {
    Random random = new Random(9);
    for (int i = 0; i < 5_000; i++) {
      String s = text(random, 12);
      for (int split = 0; split <= s.length(); split++) {
        Utf8Buffer b = new Utf8Buffer(1);
        Writer w = b.writer();
        w.write(s.toCharArray(), 0, split);
        w.write(s, split, 0); // an empty write keeps a pending high surrogate
        w.write(s, split, s.length() - split);
        w.flush();
        w.close();
        assertThat(b.toByteArray()).as(escaped(s) + " split at " + split).isEqualTo(s.getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private static String escaped(String s) {
    StringBuilder b = new StringBuilder();
    s.chars().forEach(c -> b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
    return b.toString();
  }
}

package org.perfspecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link Stdout}: text and bytes already encoded come out in the order written, buffered. */
class StdoutTest {
  @Test
  void textAndEncodedBytesComeOutInTheOrderWritten() {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    Stdout out = Stdout.of(sink);
    out.println("header,é");
    out.writeUtf8("a,ü,😀\n".getBytes(StandardCharsets.UTF_8));
    out.print("between ");
    out.write('x');
    out.writeUtf8("b\n".getBytes(StandardCharsets.UTF_8));
    out.writeUtf8(new byte[0]);
    out.printf("%s%n", "end");
    assertThat(sink.size()).as("nothing leaves before a flush").isZero();
    out.flush();
    assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo(
        "header,é" + System.lineSeparator() + "a,ü,😀\nbetween xb\nend" + System.lineSeparator());
    assertThat(out.checkError()).isFalse();
  }

  @Test
  void moreThanTheBufferIsWrittenWhole() {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    Stdout out = Stdout.of(sink);
    byte[] line = ("y".repeat(999) + "\n").getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 3_000; i++) { // about 3 MB: the 1 MiB buffer goes out several times
      out.writeUtf8(line);
      if (i % 1000 == 0) {
        out.print("text " + i + "\n");
      }
    }
    out.close();
    String all = sink.toString(StandardCharsets.UTF_8);
    assertThat(all.length()).isEqualTo(3_000 * 1000 + "text 0\n".length() + 2 * "text 1000\n".length());
    assertThat(all.indexOf("text 1000\n")).isEqualTo(1001 * 1000 + "text 0\n".length());
  }

  @Test
  void aFailingStreamSetsTheErrorFlagAndNeverThrows() {
    Stdout out = Stdout.of(new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("broken pipe");
      }
    });
    out.writeUtf8(new byte[Stdout.BUFFER_BYTES + 1]);
    out.println("more");
    out.flush();
    assertThat(out.checkError()).isTrue();
  }

  @Test
  void aWriterOverCharactersGetsTheTextDecoded() {
    java.io.StringWriter text = new java.io.StringWriter();
    java.io.PrintWriter out = new java.io.PrintWriter(text);
    Stdout.writeUtf8(out, "ü,😀\n".getBytes(StandardCharsets.UTF_8));
    out.flush();
    assertThat(text).hasToString("ü,😀\n");
  }
}

package org.perfspecs.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opening input files. */
final class Inputs {
  private Inputs() {}

  /**
   * The bytes of {@code file} ({@code -} is standard input, which closing leaves open); {@link
   * org.perfspecs.checks.engine.RecordReader} decodes them as UTF-8 line by line, so that one line
   * that is not UTF-8 rejects that line only.
   */
  static InputStream open(Path file) throws IOException {
    if (file.toString().equals("-")) {
      return new java.io.FilterInputStream(System.in) {
        @Override
        public void close() {
          // standard input stays open
        }
      };
    }
    return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
  }
}

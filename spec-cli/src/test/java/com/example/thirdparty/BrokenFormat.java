package com.example.thirdparty;

import java.nio.file.Path;
import org.perfspecs.cli.spi.InputFormat;
import org.perfspecs.cli.spi.RecordSource;

/** An input format from another jar (outside {@code org.perfspecs}) whose {@code open} always fails. */
public final class BrokenFormat implements InputFormat {
  @Override
  public String name() {
    return "broken";
  }

  @Override
  public RecordSource open(Path path) {
    throw new IllegalStateException("a bug of this format's authors");
  }
}

package org.perfspecs.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The report formats and the files {@code report} and {@code check --output} write. */
enum ReportFiles {
  html("report.html"),
  json("aggregate.json"),
  csv("aggregate.csv");

  /** The findings file of {@code check --output DIR}. */
  static final String FINDINGS = "findings.ndjson";
  /** The CSV of every failing episode and requirement that {@code check --output DIR} writes. */
  static final String FAILING = "failing.csv";

  final String fileName;

  ReportFiles(String fileName) {
    this.fileName = fileName;
  }

  void write(Evaluation ev, Writer w) throws IOException {
    switch (this) {
      case html -> HtmlReport.write(ev, ev.catalog, w);
      case json -> AggregateReport.json(ev, w);
      default -> AggregateReport.csv(ev, w);
    }
  }

  void write(Evaluation ev, Path file) throws IOException {
    if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
      write(ev, w);
    }
  }
}

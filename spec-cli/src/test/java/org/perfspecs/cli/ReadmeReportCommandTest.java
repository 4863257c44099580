package org.perfspecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Quick start command that writes the HTML report of the samples runs as written. */
class ReadmeReportCommandTest {
  static final Path ROOT = Path.of("..");
  static final String JAR = "java -jar spec-cli/target/perfspecs.jar ";

  @TempDir
  Path dir;

  /** The Quick start's report command, its continuation lines joined, from {@code perfspecs.jar} on. */
  static List<String> quickStartReportCommand() throws IOException {
    List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
    int quickStart = lines.indexOf("## Quick start");
    StringBuilder command = null;
    for (String line : lines.subList(quickStart, lines.size())) {
      if (command == null && line.contains(JAR + "report")) {
        command = new StringBuilder();
      }
      if (command != null) {
        String part = line.strip();
        boolean more = part.endsWith("\\");
        command.append(more ? part.substring(0, part.length() - 1) : part).append(' ');
        if (!more) {
          break;
        }
      }
    }
    assertThat(command).as("the Quick start shows the report command").isNotNull();
    String text = command.substring(command.indexOf(JAR) + JAR.length()).trim();
    return Arrays.asList(text.split("\\s+"));
  }

  @Test
  void theQuickStartReportCommandWritesThePage() throws IOException {
    List<String> args = new ArrayList<>(quickStartReportCommand());
    assertThat(args).startsWith("report").contains("--output", "--programs", "--as-of");
    Path page = dir.resolve("perfspecs-report.html");
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals("--output")) {
        assertThat(args.get(i + 1)).endsWith(".html");
        args.set(i + 1, page.toString());
      } else if (args.get(i).startsWith("spec-examples/")) {
        assertThat(ROOT.resolve(args.get(i))).exists();
        args.set(i, ROOT.resolve(args.get(i)).toString());
      }
    }
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.exitCode).isZero();
    assertThat(Files.readString(page)).startsWith("<!DOCTYPE html>").contains("<svg", "data-chart=\"requirement-rates\"");
    assertThat(run.err).contains("records read: 19, evaluated: 19, rejected: 0; programs evaluated: 6");
  }
}

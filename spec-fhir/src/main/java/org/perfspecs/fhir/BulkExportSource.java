package org.perfspecs.fhir;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.stream.Stream;
import org.perfspecs.model.ModelValidator;

/**
 * A bulk-data export directory read per patient, in memory that does not grow with the number of
 * patients: an external merge sort of the lines by patient.
 *
 * <p>Pass 1 reads every {@code *.ndjson} file line by line, takes each resource's patient (a
 * Patient's id; else the Patient its {@code subject}, {@code patient}, {@code beneficiary}, {@code
 * for} or an Appointment participant refers to), and buffers lines until they hold {@link
 * #DEFAULT_CHUNK_BYTES} characters; a full buffer is sorted by (patient, file, line) and spilled to a
 * temporary run file. Pass 2 merges the runs (at most {@value #FAN_IN} at a time, in more passes
 * when there are more) and hands out one patient's lines at a time, parsed with HAPI's JSON parser
 * one line at a time ({@link BulkExportLines}: the placement and mapping of each line, shared with
 * readers that group the lines themselves). <b>Bound</b>: the line buffer (the chunk size), {@value #FAN_IN} merge readers
 * of 64 KiB, and the resources of one patient; with no spill when everything fits in one chunk.
 *
 * <p>The resources programs are read from (Organization, HealthcareService, Location,
 * PractitionerRole, Practitioner: they name no patient) are held in memory through pass 1 and
 * mapped first, as one unit: they add their own lines to the bound (a directory of organizations and
 * staff, not growing with the number of patients). Any other resource that names no patient is
 * counted as ignored: the case records are per patient. A line that is not a JSON object is rejected alone
 * (file, line). Spill files are deleted on {@link #close()}.
 */
final class BulkExportSource implements FhirSource {
  /** Characters of NDJSON lines buffered before a spill (32 Mi). */
  static final long DEFAULT_CHUNK_BYTES = 32L * 1024 * 1024;
  /** Runs merged at once. */
  static final int FAN_IN = 64;

  private final Path dir;
  private final ModelValidator validator;
  private final long chunkChars;
  private final Tally total = new Tally();
  private final List<String> files = new ArrayList<>();
  private Path spillDir;
  private Merge merge;
  private List<FhirProblem> pass1Problems = new ArrayList<>();
  private Tally pass1Tally = new Tally();
  private boolean started;
  /** The lines of the resources programs are read from, held until pass 1 ends. */
  private List<BulkExportLines.Line> directory = new ArrayList<>();
  private int runsWritten;

  BulkExportSource(Path dir, ModelValidator validator, long chunkChars) throws IOException {
    this.dir = dir;
    this.validator = validator;
    this.chunkChars = chunkChars;
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(p -> p.getFileName().toString().endsWith(".ndjson") && Files.isRegularFile(p))
          .map(p -> p.getFileName().toString()).sorted().forEach(files::add);
    }
  }

  /** How many run files pass 1 spilled (0 when everything fit in one chunk). */
  int runsWritten() {
    return runsWritten;
  }

  /** One buffered line: its patient, file index, line number and text. */
  record Line(String patient, int file, long line, String text) {
    static final Comparator<Line> ORDER = Comparator.comparing(Line::patient).thenComparingInt(Line::file)
        .thenComparingLong(Line::line);
  }

  @Override
  public Optional<FhirReadResult> next() throws IOException {
    if (!started) {
      started = true;
      pass1();
      if (!directory.isEmpty() || !pass1Problems.isEmpty()
          || !pass1Tally.snapshot().equals(new Tally().snapshot())) {
        // the programs (Organization, HealthcareService, Location, PractitionerRole, Practitioner), with
        // the lines rejected and the resources of no patient, before the first patient
        FhirReadResult r = BulkExportLines.readDirectory(validator, directory, pass1Problems, pass1Tally, total);
        directory = List.of();
        pass1Problems = List.of();
        pass1Tally = new Tally();
        return Optional.of(r);
      }
    }
    List<Line> group = merge.nextGroup();
    if (group == null) {
      return Optional.empty();
    }
    List<BulkExportLines.Line> lines = new ArrayList<>(group.size());
    for (Line l : group) {
      lines.add(new BulkExportLines.Line(files.get(l.file()), l.line(), l.text()));
    }
    return Optional.of(BulkExportLines.readPatient(validator, lines, total));
  }

  // ---------------------------------------------------------------- pass 1

  private void pass1() throws IOException {
    List<Line> buffer = new ArrayList<>();
    long chars = 0;
    List<Path> runs = new ArrayList<>();
    for (int f = 0; f < files.size(); f++) {
      String file = files.get(f);
      try (BufferedReader in = FhirSources.utf8(dir.resolve(file))) {
        long n = 0;
        for (String text = readLine(in, file, n + 1); text != null; text = readLine(in, file, n + 1)) {
          n++;
          if (text.isBlank()) {
            continue;
          }
          Optional<String> patient = patientOf(text, file, n);
          if (patient.isEmpty()) {
            continue;
          }
          buffer.add(new Line(patient.get(), f, n, text));
          chars += text.length() + patient.get().length() + 32;
          if (chars >= chunkChars) {
            runs.add(spill(buffer));
            buffer.clear();
            chars = 0;
          }
        }
      }
    }
    if (runs.isEmpty()) {
      buffer.sort(Line.ORDER);
      merge = new Merge(new ArrayDeque<>(buffer));
      return;
    }
    if (!buffer.isEmpty()) {
      runs.add(spill(buffer));
      buffer.clear();
    }
    while (runs.size() > FAN_IN) {
      List<Path> next = new ArrayList<>();
      for (int i = 0; i < runs.size(); i += FAN_IN) {
        List<Path> some = runs.subList(i, Math.min(runs.size(), i + FAN_IN));
        next.add(mergeToRun(some));
      }
      runs = next;
    }
    merge = new Merge(runs);
  }

  private String readLine(BufferedReader in, String file, long line) throws IOException {
    try {
      return in.readLine();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IOException(file + " line " + line + ": not UTF-8 text", e);
    }
  }

  /** The patient a line belongs to; empty (and counted) for a line rejected or of no patient. */
  private Optional<String> patientOf(String text, String file, long line) {
    BulkExportLines.Placement place = BulkExportLines.place(new BulkExportLines.Line(file, line, text));
    switch (place.kind()) {
      case PATIENT -> {
        return Optional.of(place.key());
      }
      case PROGRAM -> directory.add(new BulkExportLines.Line(file, line, text));
      case IGNORED -> pass1Tally.ignored(place.key());
      case REJECTED -> {
        pass1Tally.linesRejected++;
        pass1Problems.add(place.problem());
      }
    }
    return Optional.empty();
  }

  private Path spill(List<Line> buffer) throws IOException {
    buffer.sort(Line.ORDER);
    if (spillDir == null) {
      spillDir = Files.createTempDirectory("perfspecs-fhir-");
    }
    Path run = spillDir.resolve("run-" + runsWritten++);
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
      for (Line l : buffer) {
        write(out, l);
      }
    }
    return run;
  }

  private static void write(DataOutputStream out, Line l) throws IOException {
    byte[] key = l.patient().getBytes(StandardCharsets.UTF_8);
    byte[] text = l.text().getBytes(StandardCharsets.UTF_8);
    out.writeInt(key.length);
    out.write(key);
    out.writeInt(l.file());
    out.writeLong(l.line());
    out.writeInt(text.length);
    out.write(text);
  }

  private Path mergeToRun(List<Path> runs) throws IOException {
    Path out = spillDir.resolve("run-" + runsWritten++);
    try (Merge m = new Merge(runs);
        DataOutputStream w = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(out), 1 << 16))) {
      for (Line l = m.poll(); l != null; l = m.poll()) {
        write(w, l);
      }
    }
    for (Path r : runs) {
      Files.deleteIfExists(r);
    }
    return out;
  }

  // ---------------------------------------------------------------- pass 2

  /** A merge of sorted runs (or one in-memory sorted list), handing out one patient's lines at a time. */
  private static final class Merge implements AutoCloseable {
    private final Deque<Line> memory;
    private final List<RunReader> readers = new ArrayList<>();
    private final PriorityQueue<RunReader> queue = new PriorityQueue<>((a, b) -> Line.ORDER.compare(a.head, b.head));
    private Line pending;

    Merge(Deque<Line> memory) {
      this.memory = memory;
    }

    Merge(List<Path> runs) throws IOException {
      this.memory = null;
      for (Path r : runs) {
        RunReader reader = new RunReader(r);
        readers.add(reader);
        if (reader.advance()) {
          queue.add(reader);
        }
      }
    }

    Line poll() throws IOException {
      if (memory != null) {
        return memory.pollFirst();
      }
      RunReader top = queue.poll();
      if (top == null) {
        return null;
      }
      Line l = top.head;
      if (top.advance()) {
        queue.add(top);
      }
      return l;
    }

    /** The lines of the next patient, in (file, line) order; null at the end. */
    List<Line> nextGroup() throws IOException {
      Line first = pending != null ? pending : poll();
      pending = null;
      if (first == null) {
        return null;
      }
      List<Line> group = new ArrayList<>();
      group.add(first);
      for (Line l = poll(); l != null; l = poll()) {
        if (!l.patient().equals(first.patient())) {
          pending = l;
          break;
        }
        group.add(l);
      }
      return group;
    }

    @Override
    public void close() throws IOException {
      for (RunReader r : readers) {
        r.in.close();
      }
    }
  }

  private static final class RunReader {
    final DataInputStream in;
    Line head;

    RunReader(Path run) throws IOException {
      this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(run), 1 << 16));
    }

    boolean advance() throws IOException {
      int keyLength;
      try {
        keyLength = in.readInt();
      } catch (EOFException end) {
        head = null;
        in.close();
        return false;
      }
      byte[] key = in.readNBytes(keyLength);
      int file = in.readInt();
      long line = in.readLong();
      byte[] text = in.readNBytes(in.readInt());
      head = new Line(new String(key, StandardCharsets.UTF_8), file, line, new String(text, StandardCharsets.UTF_8));
      return true;
    }
  }

  @Override
  public FhirReadSummary summary() {
    return total.snapshot();
  }

  @Override
  public void close() throws IOException {
    if (merge != null) {
      merge.close();
    }
    if (spillDir != null) {
      try (Stream<Path> s = Files.list(spillDir)) {
        for (Path p : s.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(spillDir);
    }
  }
}

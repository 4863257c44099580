package org.perfspecs.spark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.perfspecs.checks.engine.RecordReader;
import org.perfspecs.model.Program;

/**
 * The program profiles of a job, read on the driver as the command line reads {@code --programs}:
 * one file (NDJSON or a JSON array, any Hadoop file system) through the command line's {@link
 * RecordReader}, whole (profiles are few: one per program). Evaluated on the driver too; their rows
 * join the records' ({@link Evaluator}), before them in input order.
 */
final class ProgramInput implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final byte[] bytes;

  private ProgramInput(String file, byte[] bytes) {
    this.file = file;
    this.bytes = bytes;
  }

  /** The file at {@code path}, read whole. */
  static ProgramInput read(SparkSession spark, String path) {
    Path p = new Path(path);
    try {
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (InputStream in = fs.open(p)) {
        return new ProgramInput(fs.makeQualified(p).toString(), in.readAllBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": cannot be read (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /** The file's path. */
  String file() {
    return file;
  }

  /** The ids of the valid profiles (a bulk FHIR export's program of one of these ids is not evaluated). */
  java.util.Set<String> ids(Parameters parameters) {
    java.util.Set<String> ids = new java.util.HashSet<>();
    try (RecordReader<Program> reader = RecordReader.of(new ByteArrayInputStream(bytes), Program.class,
        Engines.validator(), parameters.maxRecordBytes())) {
      for (Optional<RecordReader.Entry<Program>> e = reader.next(); e.isPresent(); e = reader.next()) {
        e.get().result().value().ifPresent(p -> ids.add(p.id()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return ids;
  }

  /** The rows of {@code mode} for every profile. */
  List<Row> rows(Parameters parameters, Evaluator.Mode mode) {
    Evaluator evaluator = new Evaluator(parameters, Evaluator.Input.PROGRAM, mode, Map.of());
    List<Row> out = new ArrayList<>();
    try (RecordReader<Program> reader = RecordReader.of(new ByteArrayInputStream(bytes), Program.class,
        Engines.validator(), parameters.maxRecordBytes())) {
      for (Optional<RecordReader.Entry<Program>> e = reader.next(); e.isPresent(); e = reader.next()) {
        evaluator.entry(e.get(), file, e.get().line());
        out.addAll(evaluator.pending());
        evaluator.pending().clear();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    evaluator.end(evaluator.read, 0);
    out.addAll(evaluator.pending());
    return out;
  }
}

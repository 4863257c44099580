package org.perfspecs.spark;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;

/**
 * The rows an {@link Evaluator} gives for one partition, produced as they are pulled: each {@link
 * #step()} feeds it the next unit of input (a line, a patient's lines) or, at the end, ends it and
 * sets {@link #done}. Lazy: one unit at a time, in constant memory.
 */
abstract class EvaluatorRows implements Iterator<Row> {
  final Evaluator evaluator;
  /** Whether the input is exhausted and {@link Evaluator#end} was called. */
  boolean done;

  EvaluatorRows(Evaluator evaluator) {
    this.evaluator = evaluator;
  }

  /** Feeds the evaluator the next unit of input; at the end of the input, ends it and sets {@link #done}. */
  abstract void step();

  @Override
  public final boolean hasNext() {
    while (evaluator.pending().isEmpty() && !done) {
      step();
    }
    return !evaluator.pending().isEmpty();
  }

  @Override
  public final Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return evaluator.pending().poll();
  }
}

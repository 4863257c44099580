package org.perfspecs.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.model.ModelValidator;

/**
 * The expensive objects of one executor JVM, created lazily on first use and shared by every
 * task that runs there: one {@link Engine} per factory class and one {@link ModelValidator}.
 * Never serialized: a task carries only the factory.
 */
final class Engines {
  private static final Map<Class<?>, Engine> ENGINES = new ConcurrentHashMap<>();

  private Engines() {}

  /** The JVM's engine made by {@code factory}'s class, created on first use. */
  static Engine engine(EngineFactory factory) {
    return ENGINES.computeIfAbsent(factory.getClass(), k -> {
      Engine engine = factory.create();
      if (engine == null) {
        throw new IllegalStateException(factory.getClass().getName() + ".create() returned null");
      }
      return engine;
    });
  }

  /** The JVM's validator. */
  static ModelValidator validator() {
    return ValidatorHolder.VALIDATOR;
  }

  /** Initialised on first use only (class initialisation is lazy and thread-safe). */
  private static final class ValidatorHolder {
    static final ModelValidator VALIDATOR = ModelValidator.create();
  }
}

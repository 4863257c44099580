package org.perfspecs.spark;

import com.fasterxml.jackson.core.JsonFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.model.ModelJson;
import org.perfspecs.model.ModelValidator;

/**
 * The expensive objects of one executor JVM, created lazily on first use and shared by every
 * task that runs there: one {@link Engine} per factory class, one {@link ModelValidator} and the
 * model's JSON factory. Never serialized: a task carries only the factory.
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

  /** The evaluation context of {@code parameters}, its overrides read by the engine's catalog. */
  static EvaluationContext context(Parameters parameters) {
    return parameters.context(engine(parameters.engine()).catalog());
  }

  /** The JVM's validator. */
  static ModelValidator validator() {
    return Holder.VALIDATOR;
  }

  /** The model mapper's JSON factory (thread-safe): the same parsing limits as the validator's. */
  static JsonFactory jsonFactory() {
    return Holder.JSON;
  }

  /** Initialised on first use only (class initialisation is lazy and thread-safe). */
  private static final class Holder {
    static final ModelValidator VALIDATOR = ModelValidator.create();
    static final JsonFactory JSON = ModelJson.newMapper().getFactory();
  }
}

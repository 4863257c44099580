package org.perfspecs.spark;

import java.io.Serializable;
import org.apiguardian.api.API;
import org.perfspecs.checks.engine.Engine;

/**
 * Makes the {@link Engine} the executors evaluate with. Serialized with the job (it should hold
 * nothing but its class); each executor JVM calls {@link #create} once per factory class, lazily,
 * and shares the engine among its tasks (an engine is stateless and thread-safe). The default is
 * {@link #standard()}: the standard catalog. Another catalog (a test's, or one with a requirement
 * of your own) comes through {@link SparkChecks#withEngine}.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
@FunctionalInterface
public interface EngineFactory extends Serializable {
  /** A new engine; called once per executor JVM and factory class. Must not return null. */
  Engine create();

  /** The engine over the standard catalog ({@link Engine#standard()}). */
  static EngineFactory standard() {
    return Standard.INSTANCE;
  }

  /** The standard engine's factory: one instance, so that its class identifies it. */
  enum Standard implements EngineFactory {
    /** The one instance. */
    INSTANCE;

    @Override
    public Engine create() {
      return Engine.standard();
    }
  }
}

package org.perfspecs.compare;

import static java.util.Objects.requireNonNull;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;
import org.cqframework.cql.cql2elm.StringLibrarySourceProvider;
import org.hl7.elm.r1.VersionedIdentifier;
import org.hl7.fhir.r4.model.Bundle;
import org.opencds.cqf.cql.engine.execution.CqlEngine;
import org.opencds.cqf.cql.engine.execution.EvaluationExpressionRef;
import org.opencds.cqf.cql.engine.execution.EvaluationParams;
import org.opencds.cqf.cql.engine.execution.EvaluationResult;
import org.opencds.cqf.cql.engine.execution.EvaluationResults;
import org.opencds.cqf.cql.engine.runtime.DateTime;
import org.opencds.cqf.fhir.cql.Engines;
import org.opencds.cqf.fhir.cql.EvaluationSettings;
import org.opencds.cqf.fhir.utility.repository.InMemoryFhirRepository;

/**
 * Runs CQL libraries with the reference engine (cqframework, through the clinical-reasoning
 * {@link Engines#forRepository} entry point) over one member's FHIR R4 {@link Bundle}, without a
 * server: an {@link InMemoryFhirRepository} holds the bundle.
 *
 * <p>The CQL sources are read once from the classpath ({@code org/perfspecs/compare/cql/NAME.cql});
 * FHIRHelpers 4.0.1 and the FHIR 4.0.1 model info come embedded in the engine. The compiled
 * libraries (ELM) and the loaded models are cached in maps shared by every evaluation, so each
 * library is compiled once per runner: the fair best case for the engine. Thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class CqlRunner {
  /** The FHIR R4 context: one per JVM (HAPI scans the model on first use). */
  static final FhirContext FHIR = FhirContext.forR4Cached();

  /** The loaded models (FHIR 4.0.1, System), shared by every runner of the JVM: loading the model info takes seconds. */
  private static final Map<org.hl7.cql.model.ModelIdentifier, org.cqframework.cql.cql2elm.model.Model> MODELS =
      new ConcurrentHashMap<>();

  private final EvaluationSettings settings;

  /**
   * A runner over the CQL libraries named {@code libraries} (files {@code NAME.cql} in this
   * package's {@code cql} resource folder).
   *
   * @throws UncheckedIOException when a library cannot be read
   * @throws IllegalArgumentException when a library is missing
   */
  public CqlRunner(List<String> libraries) {
    List<String> sources = new ArrayList<>();
    for (String name : libraries) {
      sources.add(source(name));
    }
    EvaluationSettings s = EvaluationSettings.getDefault();
    s.setLibrarySourceProviders(List.of(new StringLibrarySourceProvider(sources)));
    s.setLibraryCache(new ConcurrentHashMap<>());
    s.setModelCache(MODELS);
    s.setValueSetCache(new ConcurrentHashMap<>());
    this.settings = s;
  }

  /** The text of {@code cql/NAME.cql} on the classpath. */
  static String source(String name) {
    String path = "cql/" + name + ".cql";
    try (InputStream in = CqlRunner.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no CQL library " + path + " beside " + CqlRunner.class.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /**
   * Evaluates every expression of {@code library} in the Patient context of {@code patientId},
   * over the resources of {@code bundle}, with {@code parameters} (CQL values, e.g. {@link
   * #dateTime(OffsetDateTime)}).
   *
   * @return the value of each expression by name
   * @throws CqlEvaluationException when the engine reports an error for the library
   */
  public Map<String, Object> evaluate(Bundle bundle, String patientId, String library, Map<String, Object> parameters) {
    return evaluate(bundle, patientId, library, null, parameters);
  }

  /**
   * Evaluates the expressions named {@code expressions} of {@code library} (all of them when
   * {@code null}) in the Patient context of {@code patientId}, over the resources of {@code
   * bundle}, with {@code parameters}.
   *
   * @return the value of each evaluated expression by name (values may be {@code null})
   * @throws CqlEvaluationException when the engine reports an error for the library
   */
  public Map<String, Object> evaluate(Bundle bundle, String patientId, String library,
      List<String> expressions, Map<String, Object> parameters) {
    Map<String, List<String>> one = new HashMap<>();
    one.put(library, expressions);
    return evaluate(bundle, patientId, one, parameters).get(library);
  }

  /**
   * Evaluates several libraries in one engine over one bundle: for each library name, the
   * expressions named (all of them when the list is {@code null}), in the Patient context of {@code
   * patientId}, with {@code parameters}. The in-memory repository finds a resource only by a typed
   * id ({@code Patient/M-1}): resources of the bundle whose id has no type get one (the bundle is
   * changed).
   *
   * @return per library, the value of each evaluated expression by name (values may be {@code null})
   * @throws CqlEvaluationException when the engine reports an error for a library
   */
  public Map<String, Map<String, Object>> evaluate(Bundle bundle, String patientId,
      Map<String, List<String>> libraries, Map<String, Object> parameters) {
    requireNonNull(bundle, "bundle");
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      var resource = entry.getResource();
      if (resource != null && resource.getIdElement().getResourceType() == null && resource.getIdElement().hasIdPart()) {
        resource.setIdElement(resource.getIdElement().withResourceType(resource.fhirType()));
      }
    }
    InMemoryFhirRepository repository = new InMemoryFhirRepository(FHIR, bundle);
    CqlEngine engine = Engines.forRepository(repository, settings);
    Map<VersionedIdentifier, List<EvaluationExpressionRef>> wanted = new HashMap<>();
    Map<String, VersionedIdentifier> ids = new HashMap<>();
    libraries.forEach((name, expressions) -> {
      VersionedIdentifier id = new VersionedIdentifier().withId(name);
      ids.put(name, id);
      wanted.put(id, expressions == null ? null : expressions.stream().map(EvaluationExpressionRef::new).toList());
    });
    EvaluationParams params = new EvaluationParams(wanted, new kotlin.Pair<>("Patient", patientId), parameters, null, null);
    EvaluationResults results = engine.evaluate(params);
    Map<String, Map<String, Object>> out = new HashMap<>();
    for (var library : ids.entrySet()) {
      RuntimeException failure = results.getExceptionFor(library.getValue());
      if (failure != null) {
        throw new CqlEvaluationException("CQL library " + library.getKey() + " failed for patient " + patientId, failure);
      }
      Map<String, Object> values = new HashMap<>();
      results.getResultFor(library.getValue()).getExpressionResults()
          .forEach((name, value) -> values.put(name, value.getValue()));
      out.put(library.getKey(), values);
    }
    return out;
  }

  /** A CQL DateTime for {@code t}, keeping its offset. */
  public static DateTime dateTime(OffsetDateTime t) {
    return new DateTime(t);
  }

  /** The engine failed on a library (compilation or evaluation). */
  @API(status = API.Status.INTERNAL, since = "0.2")
  public static final class CqlEvaluationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CqlEvaluationException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}

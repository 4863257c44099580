package org.perfspecs.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.cqframework.cql.cql2elm.CqlCompilerException;
import org.cqframework.cql.cql2elm.CqlTranslator;
import org.cqframework.cql.cql2elm.LibraryManager;
import org.cqframework.cql.cql2elm.ModelManager;
import org.cqframework.cql.cql2elm.StringLibrarySourceProvider;
import org.cqframework.cql.cql2elm.quick.FhirLibrarySourceProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every CQL library compiles with the reference translator, without errors (errors name the line). */
class CqlLibrariesTest {
  @ParameterizedTest
  @ValueSource(strings = {"PerfspecsCommon", "CspInitialContact", "IopEvaluation", "EsoapConsultations", "IopAftercare",
      "RcConnections"})
  void compilesWithoutErrors(String name) {
    LibraryManager libraries = new LibraryManager(new ModelManager(new HashMap<>()));
    libraries.getLibrarySourceLoader().registerProvider(new FhirLibrarySourceProvider());
    libraries.getLibrarySourceLoader().registerProvider(new StringLibrarySourceProvider(List.of(CqlRunner.source("PerfspecsCommon"))));
    CqlTranslator translator = CqlTranslator.fromText(CqlRunner.source(name), libraries);
    List<String> errors = new ArrayList<>();
    for (CqlCompilerException e : translator.getErrors()) {
      errors.add((e.getLocator() == null ? "?" : e.getLocator().getStartLine() + ":" + e.getLocator().getStartChar())
          + " " + e.getMessage());
    }
    assertThat(errors).as(name + " compiles").isEmpty();
  }
}

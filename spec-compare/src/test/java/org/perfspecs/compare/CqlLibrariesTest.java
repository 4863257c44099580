package org.perfspecs.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import org.cqframework.cql.cql2elm.CqlCompilerException;
import org.cqframework.cql.cql2elm.CqlTranslator;
import org.cqframework.cql.cql2elm.LibraryManager;
import org.cqframework.cql.cql2elm.ModelManager;
import org.cqframework.cql.cql2elm.StringLibrarySourceProvider;
import org.cqframework.cql.cql2elm.quick.FhirLibrarySourceProvider;
import org.junit.jupiter.api.Test;

/**
 * Every CQL library compiles with the reference translator, without errors or warnings (each
 * message names the library, line and column: the engine's own report at run time names neither).
 */
class CqlLibrariesTest {
  @Test
  void everyLibraryCompilesCleanly() {
    LibraryManager libraries = new LibraryManager(new ModelManager(new HashMap<>()));
    libraries.getLibrarySourceLoader().registerProvider(new FhirLibrarySourceProvider());
    libraries.getLibrarySourceLoader().registerProvider(new StringLibrarySourceProvider(List.of(CqlRunner.source("PerfspecsCommon"))));
    List<String> messages = new ArrayList<>();
    List<String> names = new ArrayList<>(List.of("PerfspecsCommon"));
    Arrays.stream(Rule.values()).map(Rule::library).forEach(names::add);
    for (String name : names) {
      CqlTranslator translator = CqlTranslator.fromText(CqlRunner.source(name), libraries);
      for (CqlCompilerException e : translator.getExceptions()) {
        messages.add(name + " " + (e.getLocator() == null ? "?" : e.getLocator().getStartLine() + ":" + e.getLocator().getStartChar())
            + " " + e.getSeverity() + " " + e.getMessage());
      }
    }
    assertThat(messages).isEmpty();
  }
}

package org.perfspecs.checks.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.SoftAssertions;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;
import org.perfspecs.checks.Requirement;
import org.perfspecs.checks.Verifies;

/**
 * Clause, code, test: every catalog id is verified by at least one test, and every id a test
 * claims to verify is in the catalog. Walks the compiled test classes in the directory this class
 * was loaded from (target/test-classes).
 */
class CoverageTest {
  /** @Verifies ids found on test classes and methods, each with where it was found. */
  private static TreeMap<String, List<String>> verifiedIds() throws IOException, URISyntaxException {
    Path root = Path.of(CoverageTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertThat(root).as("compiled test classes").isDirectory();
    List<String> classNames;
    try (Stream<Path> files = Files.walk(root)) {
      classNames = files.filter(p -> p.toString().endsWith(".class"))
          .map(p -> root.relativize(p).toString())
          .map(s -> s.substring(0, s.length() - ".class".length()).replace('\\', '/').replace('/', '.'))
          .filter(s -> !s.endsWith("module-info") && !s.endsWith("package-info"))
          .sorted()
          .toList();
    }
    TreeMap<String, List<String>> found = new TreeMap<>();
    for (String name : classNames) {
      Class<?> c;
      try {
        c = Class.forName(name, false, CoverageTest.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        throw new AssertionError("cannot load compiled test class " + name, e);
      }
      Verifies onClass = c.getDeclaredAnnotation(Verifies.class);
      if (onClass != null) {
        for (String id : onClass.value()) {
          found.computeIfAbsent(id, k -> new ArrayList<>()).add(c.getName());
        }
      }
      for (Method m : c.getDeclaredMethods()) {
        Verifies v = m.getDeclaredAnnotation(Verifies.class);
        if (v != null) {
          for (String id : v.value()) {
            found.computeIfAbsent(id, k -> new ArrayList<>()).add(c.getName() + "#" + m.getName());
          }
        }
      }
    }
    return found;
  }

  @Test
  void everyCatalogIdIsVerifiedAndEveryVerifiedIdIsInTheCatalog() throws Exception {
    TreeMap<String, List<String>> verified = verifiedIds();
    Set<String> catalog = Catalog.standard().requirements().stream().map(Requirement::id)
        .collect(Collectors.toCollection(TreeSet::new));

    Set<String> unverified = new TreeSet<>(catalog);
    unverified.removeAll(verified.keySet());
    List<String> unknown = verified.entrySet().stream().filter(e -> !catalog.contains(e.getKey()))
        .map(e -> e.getKey() + " (on " + String.join(", ", e.getValue()) + ")").toList();

    assertThat(verified).as("@Verifies ids found in compiled tests").isNotEmpty();
    SoftAssertions.assertSoftly(soft -> {
      soft.assertThat(unverified).as("(a) catalog ids that no test verifies").isEmpty();
      soft.assertThat(unknown).as("(b) @Verifies ids that are not in the catalog").isEmpty();
    });
  }

  @Test
  void verifiesIsOnlyOnTestMethods() throws Exception {
    Path root = Path.of(CoverageTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> notTests = new ArrayList<>();
    for (List<String> places : verifiedIds().values()) {
      for (String place : places) {
        int hash = place.indexOf('#');
        if (hash < 0) {
          continue; // on a class: its test methods verify
        }
        Class<?> c = Class.forName(place.substring(0, hash), false, CoverageTest.class.getClassLoader());
        String methodName = place.substring(hash + 1);
        boolean testable = Stream.of(c.getDeclaredMethods()).filter(m -> m.getName().equals(methodName))
            .anyMatch(CoverageTest::isTestable);
        if (!testable) {
          notTests.add(place);
        }
      }
    }
    assertThat(root).isDirectory();
    assertThat(notTests).as("@Verifies on methods that are not tests (they would verify nothing)").isEmpty();
  }

  private static boolean isTestable(Method m) {
    // @Test, @ParameterizedTest, @RepeatedTest, @TestFactory, @TestTemplate are all (meta-)annotated @Testable
    return AnnotationSupport.isAnnotated(m, Testable.class);
  }
}

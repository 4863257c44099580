package org.perfspecs.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/**
 * Every Java block in the README compiles as pasted and runs, whatever the README holds: each
 * block is taken as one source file (imports included, as a user pastes it into a new project),
 * compiled on its own with the JDK compiler against the library's classpath into a throw-away
 * directory, and run: a {@code main} method is called, a test class (JUnit or jqwik) is run by
 * the JUnit Platform and must run at least one test and fail none.
 */
class ReadmeCodeTest {
  private static final Path README = Path.of("../README.md");
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
  private static final Pattern TOP_LEVEL_TYPE =
      Pattern.compile("(?m)^(?:public\\s+)?(?:final\\s+|abstract\\s+)*(?:class|record|interface|enum)\\s+(\\w+)");

  @TempDir
  Path work;

  @Test
  void theReadmeHasJavaBlocks() throws IOException {
    assertThat(blocks()).as("```java blocks in README.md").isNotEmpty();
  }

  @TestFactory
  Stream<DynamicTest> everyJavaBlockCompilesAsPastedAndRuns() throws IOException {
    List<String> blocks = blocks();
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      String code = blocks.get(i);
      int number = i + 1;
      Matcher type = TOP_LEVEL_TYPE.matcher(code);
      String name = type.find() ? type.group(1) : "block" + number;
      tests.add(DynamicTest.dynamicTest("README java block " + number + " (" + name + ")", () -> {
        assertThat(type.reset().find())
            .as("README java block %d is a whole source file a user can paste (imports and a class)", number)
            .isTrue();
        Class<?> compiled = compile(code, name, work.resolve("block" + number));
        run(compiled);
      }));
    }
    return tests.stream();
  }

  private static List<String> blocks() throws IOException {
    Matcher m = JAVA_BLOCK.matcher(Files.readString(README));
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** Compiles {@code code} as {@code name}.java in its own directory; the loaded top-level class. */
  private static Class<?> compile(String code, String name, Path dir) throws Exception {
    Matcher pkg = PACKAGE.matcher(code);
    String packageName = pkg.find() ? pkg.group(1) : "";
    Path sources = dir.resolve("src").resolve(packageName.replace('.', File.separatorChar));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Files.createDirectories(sources);
    Path file = Files.writeString(sources.resolve(name + ".java"), code);

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean ok;
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = List.of("--release", "17", "-encoding", "UTF-8",
          "-classpath", testClassPath(), "-d", classes.toString(), "-proc:none");
      ok = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(file)).call();
    }
    StringBuilder errors = new StringBuilder();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors.append("line ").append(d.getLineNumber()).append(": ").append(d.getMessage(Locale.ROOT)).append('\n');
      }
    }
    assertThat(ok).as("%s.java from the README compiles as pasted:%n%s", name, errors).isTrue();
    URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ReadmeCodeTest.class.getClassLoader());
    return Class.forName(packageName.isEmpty() ? name : packageName + "." + name, true, loader);
  }

  /** Runs a {@code main} method, or the class's tests on the JUnit Platform. */
  private static void run(Class<?> type) throws Exception {
    Method main = mainMethod(type);
    if (main != null) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      PrintStream original = System.out;
      System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
      try {
        main.invoke(null, (Object) new String[0]);
      } finally {
        System.setOut(original);
      }
      assertThat(bytes.toString(StandardCharsets.UTF_8)).as("%s prints what the README says it prints", type.getSimpleName())
          .isNotBlank();
      return;
    }
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(type.getClassLoader());
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    try {
      Launcher launcher = LauncherFactory.create();
      launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(type)).build(), listener);
    } finally {
      Thread.currentThread().setContextClassLoader(context);
    }
    TestExecutionSummary summary = listener.getSummary();
    StringBuilder failures = new StringBuilder();
    summary.getFailures().forEach(f -> failures.append(f.getTestIdentifier().getDisplayName()).append(": ")
        .append(f.getException()).append('\n'));
    assertThat(summary.getTestsSucceededCount())
        .as("%s from the README has a main method or runs tests", type.getSimpleName()).isPositive();
    assertThat(summary.getTotalFailureCount()).as("failures of %s:%n%s", type.getSimpleName(), failures).isZero();
  }

  private static Method mainMethod(Class<?> type) {
    try {
      Method main = type.getMethod("main", String[].class);
      return Modifier.isStatic(main.getModifiers()) ? main : null;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /** The classpath Surefire runs the tests with (it hides it behind a manifest-only jar). */
  private static String testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
  }
}

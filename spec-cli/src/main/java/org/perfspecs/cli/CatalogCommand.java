package org.perfspecs.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.perfspecs.checks.Requirement;
import org.perfspecs.checks.Section;
import org.perfspecs.checks.Specification;
import org.perfspecs.checks.catalog.Catalog;
import org.perfspecs.model.ModelJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code perfspecs catalog}: every specification, section and requirement with its citation. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
    description = "Lists every specification, section and requirement with its citation (the spec's own words).")
final class CatalogCommand implements Callable<Integer> {
  enum Format { text, json, csv }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--spec", paramLabel = "KEY", description = "Only this specification: ESOAP, RRS_PPW, IOP, CSP or RC.")
  String specKey;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, json or csv. Default: ${DEFAULT-VALUE}.")
  Format format;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Catalog catalog = Catalog.standard();
    List<Specification> specs = catalog.specifications();
    if (specKey != null) {
      specs = catalog.specification(specKey).map(List::of).orElseThrow(() -> new CommandLine.ParameterException(
          spec.commandLine(), "unknown specification: " + specKey + " (known: ESOAP, RRS_PPW, IOP, CSP, RC)"));
    }
    switch (format) {
      case json -> out.println(ModelJson.prettyWriter().writeValueAsString(json(catalog, specs)));
      case csv -> csv(out, catalog, specs);
      default -> text(out, specs);
    }
    out.flush();
    return ExitCodes.CLEAN;
  }

  private static void text(PrintWriter out, List<Specification> specs) {
    for (Specification s : specs) {
      out.println(s.key() + ": " + s.title());
      out.println("  issuer: " + s.issuer() + "; revision: " + s.revision() + "; source: " + s.sourceFile());
      out.println("  products: " + s.products());
      if (!s.inheritsFrom().isEmpty()) {
        out.println("  inherits from: " + String.join("; ", s.inheritsFrom()));
      }
      for (Section sec : s.sections()) {
        out.println();
        out.println("  [" + sec.key() + "] " + sec.heading());
        for (Requirement r : sec.requirements()) {
          out.println("    " + r.id() + "  " + r.strength() + "  " + r.basis()
              + r.condition().map(c -> "  when " + c).orElse("")
              + r.externalDocument().map(d -> "  defers to " + d).orElse(""));
          out.println("      " + r.citation().label() + ": \"" + r.citation().text() + "\"");
        }
      }
      out.println();
    }
  }

  private static void csv(PrintWriter out, Catalog catalog, List<Specification> specs) {
    out.println(Csv.line(List.of("spec", "section", "sectionHeading", "requirementId", "strength", "basis",
        "condition", "externalDocument", "document", "label", "text", "rule")));
    for (Specification s : specs) {
      for (Section sec : s.sections()) {
        for (Requirement r : sec.requirements()) {
          out.println(Csv.line(List.of(s.key(), sec.key(), sec.heading(), r.id(), r.strength().name(), r.basis().name(),
              r.condition().orElse(""), r.externalDocument().orElse(""), r.citation().document(),
              r.citation().label(), r.citation().text(), catalog.rule(r.id()).orElse(""))));
        }
      }
    }
  }

  private static ArrayNode json(Catalog catalog, List<Specification> specs) {
    ArrayNode root = ModelJson.newMapper().createArrayNode();
    for (Specification s : specs) {
      ObjectNode sn = root.addObject();
      sn.put("key", s.key());
      sn.put("title", s.title());
      sn.put("issuer", s.issuer());
      sn.put("revision", s.revision());
      sn.put("sourceFile", s.sourceFile());
      ArrayNode products = sn.putArray("products");
      s.products().forEach(p -> products.add(p.name()));
      ArrayNode inherits = sn.putArray("inheritsFrom");
      s.inheritsFrom().forEach(inherits::add);
      ArrayNode sections = sn.putArray("sections");
      for (Section sec : s.sections()) {
        ObjectNode secn = sections.addObject();
        secn.put("key", sec.key());
        secn.put("heading", sec.heading());
        ArrayNode reqs = secn.putArray("requirements");
        for (Requirement r : sec.requirements()) {
          ObjectNode rn = reqs.addObject();
          rn.put("id", r.id());
          rn.put("strength", r.strength().name());
          rn.put("basis", r.basis().name());
          r.condition().ifPresent(c -> rn.put("condition", c));
          r.externalDocument().ifPresent(d -> rn.put("externalDocument", d));
          ObjectNode cn = rn.putObject("citation");
          cn.put("document", r.citation().document());
          cn.put("section", r.citation().section());
          cn.put("label", r.citation().label());
          cn.put("text", r.citation().text());
          // how perfspecs reads it: the requirement's Javadoc (window, boundary, what counts)
          catalog.rule(r.id()).ifPresent(rule -> rn.put("rule", rule));
        }
      }
    }
    return root;
  }
}

package org.perfspecs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.catalog.Catalog;

/**
 * Loads the HTML report of the bundled samples in headless Chromium and reads back the figures the
 * page shows: they must be those of the JSON aggregate of the same run. Chromium is Debian's
 * {@code chromium} package ({@code .ci/run} installs it); without it the test is skipped, except
 * on CI (env {@code CI} set), where it fails.
 */
class HtmlReportBrowserTest {
  @TempDir
  Path dir;

  static Path chromium() {
    List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/bin/chromium")));
    for (String p : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!p.isEmpty()) {
        candidates.add(Path.of(p, "chromium"));
      }
    }
    return candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
  }

  static String dumpDom(Path chromium, Path html, Path profile) throws IOException, InterruptedException {
    Path stdout = profile.resolveSibling("dom.html");
    Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--dump-dom", html.toUri().toString())
        .redirectOutput(stdout.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish in 120 s");
    }
    assertThat(p.exitValue()).as("chromium exit code").isZero();
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }

  static String percent(long met, long notMet) {
    return met + notMet == 0 ? "\u2013" : String.format(Locale.ROOT, "%.1f%%", 100.0 * met / (met + notMet));
  }

  @Test
  void theBrowserShowsTheFiguresOfTheJsonAggregate() throws Exception {
    Path chromium = chromium();
    if (chromium == null) {
      if (System.getenv("CI") != null) {
        fail("chromium is not installed; CI installs it with: apt-get update -qq && apt-get install -y -qq chromium");
      }
      Assumptions.abort("chromium is not installed: apt-get install chromium (Debian), or run .ci/run");
    }
    Path cases = Files.copy(Path.of(ReportCommandTest.SAMPLES, "case-records.ndjson"), dir.resolve("case-records.ndjson"));
    Path programs = Files.copy(Path.of(ReportCommandTest.SAMPLES, "programs.json"), dir.resolve("programs.json"));
    Path site = dir.resolve("site");
    CliRun run = CliRun.of("report", cases.toString(), "--programs", programs.toString(), "--as-of",
        ReportCommandTest.AS_OF, "--format", "html,json", "--output", site + "/", "--drill-down", "1");
    assertThat(run.exitCode).isZero();
    JsonNode json = new ObjectMapper().readTree(site.resolve("aggregate.json").toFile());

    String dom = dumpDom(chromium, site.resolve("report.html"), Files.createDirectory(dir.resolve("profile")));
    Document page = Jsoup.parse(dom);
    assertThat(page.title()).startsWith("perfspecs compliance report");

    // the figures at the top
    JsonNode input = json.get("input");
    assertThat(figure(page, "recordsRead")).isEqualTo(input.get("recordsRead").asText());
    assertThat(figure(page, "recordsEvaluated")).isEqualTo(input.get("recordsEvaluated").asText());
    assertThat(figure(page, "recordsRejected")).isEqualTo(input.get("recordsRejected").asText());
    assertThat(figure(page, "programsEvaluated")).isEqualTo(input.get("programsEvaluated").asText());
    JsonNode totals = json.get("totals");
    assertThat(figure(page, "findings")).isEqualTo(totals.get("findings").asText());
    assertThat(figure(page, "complianceRate")).isEqualTo(percent(totals.get("counts").get("MET").asLong(),
        totals.get("counts").get("NOT_MET").asLong()));
    for (Outcome o : Outcome.values()) {
      assertThat(count(page.selectFirst("[data-total-outcome=" + o + "]"))).isEqualTo(totals.get("counts").get(o.name()).asText());
    }

    // the table: every requirement, section and specification row, every count and rate
    Map<String, JsonNode> rows = new HashMap<>();
    json.get("requirements").forEach(r -> rows.put(r.get("key").asText(), r));
    int requirementRows = 0;
    for (JsonNode row : json.get("requirements")) {
      String level = row.get("level").asText();
      Element tr = switch (level) {
        case "REQUIREMENT" -> page.selectFirst("tr[data-req=\"" + row.get("key").asText() + "\"]");
        case "SECTION" -> page.selectFirst("tr[data-section=\"" + row.get("key").asText() + "\"]");
        case "SPECIFICATION" -> page.selectFirst("tbody[data-spec=\"" + row.get("key").asText() + "\"] > tr.spec");
        default -> null;
      };
      if (level.equals("PROGRAM")) {
        continue;
      }
      assertThat(tr).as(row.get("key").asText()).isNotNull();
      assertCounts(tr, row);
      if (level.equals("REQUIREMENT")) {
        requirementRows++;
        String id = row.get("key").asText();
        assertThat(tr.selectFirst("details blockquote [data-citation]").text())
            .isEqualTo(Catalog.standard().requirement(id).orElseThrow().citation().text().replaceAll("\\s+", " ").trim());
        assertThat(tr.selectFirst("[data-strength]").text()).isEqualTo(row.get("strength").asText());
      }
    }
    assertThat(page.select("tr[data-req]")).hasSize(requirementRows);

    // the compliance chart: one bar per requirement with a rate, in the panel of its strength
    int bars = 0;
    for (JsonNode row : json.get("requirements")) {
      if (!row.get("level").asText().equals("REQUIREMENT")) {
        continue;
      }
      long met = row.get("counts").get("MET").asLong();
      long notMet = row.get("counts").get("NOT_MET").asLong();
      Element bar = page.selectFirst("figure[data-strength=" + row.get("strength").asText() + "] g[data-bar=\""
          + row.get("key").asText() + "\"]");
      if (met + notMet == 0) {
        assertThat(bar).isNull();
        continue;
      }
      bars++;
      assertThat(bar).as(row.get("key").asText()).isNotNull();
      assertThat(bar.selectFirst("[data-rate]").text()).isEqualTo(percent(met, notMet));
      assertThat(count(bar.selectFirst("[data-met]"))).isEqualTo(Long.toString(met));
      assertThat(count(bar.selectFirst("[data-denominator]"))).isEqualTo(Long.toString(met + notMet));
    }
    assertThat(page.select("g[data-bar]")).hasSize(bars);
    for (JsonNode s : json.get("byStrength")) {
      Element rate = page.selectFirst("[data-strength-rate=" + s.get("strength").asText() + "]");
      if (rate != null) {
        assertThat(rate.text()).isEqualTo(percent(s.get("counts").get("MET").asLong(), s.get("counts").get("NOT_MET").asLong()));
      }
    }

    worstFirstAndDrillDownAndComingDue(page, json);

    // outcome mix per program
    assertThat(page.select("g[data-program]")).hasSize(json.get("programs").size());
    for (JsonNode row : json.get("programs")) {
      Element g = page.selectFirst("g[data-program=\"" + row.get("key").asText() + "\"]");
      assertThat(g).as(row.get("key").asText()).isNotNull();
      assertThat(count(g.selectFirst("[data-findings]"))).isEqualTo(row.get("findings").asText());
      assertThat(g.selectFirst("[data-rate]").text()).isEqualTo(percent(row.get("counts").get("MET").asLong(),
          row.get("counts").get("NOT_MET").asLong()));
      for (Element shown : g.select("[data-outcome-count]")) {
        assertThat(count(shown)).isEqualTo(row.get("counts").get(shown.attr("data-outcome-count")).asText());
      }
      for (Outcome o : Outcome.values()) {
        assertThat(g.select("rect[data-outcome=" + o + "]")).hasSize(row.get("counts").get(o.name()).asLong() > 0 ? 1 : 0);
      }
    }

    // trend per month: the month table and the plotted overall rates
    Map<String, long[]> months = new java.util.LinkedHashMap<>();
    for (JsonNode row : json.get("months")) {
      if (row.get("requirementId").asText().isEmpty()) {
        long[] c = months.computeIfAbsent(row.get("month").asText(), k -> new long[Outcome.values().length]);
        for (Outcome o : Outcome.values()) {
          c[o.ordinal()] += row.get("counts").get(o.name()).asLong();
        }
      }
    }
    assertThat(page.select("tr[data-month]").eachAttr("data-month"))
        .containsExactlyElementsOf(months.keySet().stream().sorted(org.perfspecs.checks.engine.Aggregate.MONTH_ORDER).toList());
    months.forEach((month, c) -> {
      Element tr = page.selectFirst("tr[data-month=\"" + month + "\"]");
      for (Outcome o : Outcome.values()) {
        assertThat(count(tr.selectFirst("td[data-outcome=" + o + "]"))).isEqualTo(Long.toString(c[o.ordinal()]));
      }
      String rate = percent(c[Outcome.MET.ordinal()], c[Outcome.NOT_MET.ordinal()]);
      assertThat(tr.selectFirst("[data-rate]").text()).isEqualTo(rate);
      Element plotted = page.selectFirst("[data-month-rate=\"" + month + "\"]");
      if (month.matches("\\d{4}-\\d{2}") && !rate.equals("\u2013")) {
        assertThat(plotted).as(month).isNotNull();
        assertThat(plotted.text()).isEqualTo(rate);
      } else {
        assertThat(plotted).as("not plotted: " + month).isNull();
      }
    });
    assertThat(months.keySet()).contains("program-level");
  }

  /** The action lists: the rankings, the failing episodes per requirement and what comes due. */
  private static void worstFirstAndDrillDownAndComingDue(Document page, JsonNode json) {
    List<JsonNode> reqs = new ArrayList<>();
    json.get("requirements").forEach(r -> {
      if (r.get("level").asText().equals("REQUIREMENT")) {
        reqs.add(r);
      }
    });
    java.util.function.ToLongFunction<JsonNode> notMet = r -> r.get("counts").get("NOT_MET").asLong();
    java.util.function.ToDoubleFunction<JsonNode> rate = r -> r.get("complianceRate").isNull() ? 1
        : r.get("counts").get("MET").asDouble() / (r.get("counts").get("MET").asLong() + notMet.applyAsLong(r));
    boolean anyRanking = false;
    for (JsonNode s : json.get("byStrength")) {
      String strength = s.get("strength").asText();
      List<JsonNode> failing = reqs.stream().filter(r -> r.get("strength").asText().equals(strength)
          && notMet.applyAsLong(r) > 0).toList();
      Element ranking = page.selectFirst("[data-ranking=" + strength + "]");
      if (failing.isEmpty()) {
        assertThat(ranking).as(strength).isNull();
        continue;
      }
      anyRanking = true;
      assertThat(ranking.selectFirst("[data-ranking-rate]").text())
          .isEqualTo(percent(s.get("counts").get("MET").asLong(), s.get("counts").get("NOT_MET").asLong()));
      assertThat(count(ranking.selectFirst("[data-ranking-not-met]"))).isEqualTo(s.get("counts").get("NOT_MET").asText());
      List<String> byCount = failing.stream().sorted(java.util.Comparator.comparingLong((JsonNode r) -> -notMet.applyAsLong(r))
          .thenComparingDouble(rate)).limit(HtmlReport.RANKED).map(r -> r.get("key").asText()).toList();
      List<String> byRate = failing.stream().sorted(java.util.Comparator.comparingDouble(rate)
          .thenComparingLong(r -> -notMet.applyAsLong(r))).limit(HtmlReport.RANKED).map(r -> r.get("key").asText()).toList();
      assertThat(ranking.select("table[data-rank-by=count] tr[data-rank-req]").eachAttr("data-rank-req"))
          .containsExactlyElementsOf(byCount);
      assertThat(ranking.select("table[data-rank-by=rate] tr[data-rank-req]").eachAttr("data-rank-req"))
          .containsExactlyElementsOf(byRate);
      for (Element tr : ranking.select("tr[data-rank-req]")) {
        JsonNode row = reqs.stream().filter(r -> r.get("key").asText().equals(tr.attr("data-rank-req"))).findFirst().orElseThrow();
        assertThat(count(tr.selectFirst("[data-not-met]"))).isEqualTo(Long.toString(notMet.applyAsLong(row)));
        assertThat(tr.selectFirst("[data-rate]").text()).isEqualTo(percent(row.get("counts").get("MET").asLong(), notMet.applyAsLong(row)));
        assertThat(tr.selectFirst(".short").text()).isNotBlank();
      }
    }
    assertThat(anyRanking).isTrue();

    // drill-down: every failing requirement, its total, its first N ids (escaped text, ids only)
    int n = json.get("failing").get("listedPerRequirement").asInt();
    List<String> failingIds = reqs.stream().filter(r -> notMet.applyAsLong(r) > 0).map(r -> r.get("key").asText()).toList();
    assertThat(page.select("details[data-failing-req]").eachAttr("data-failing-req"))
        .containsExactlyInAnyOrderElementsOf(failingIds);
    boolean bounded = false;
    for (JsonNode f : json.get("failing").get("requirements")) {
      Element d = page.selectFirst("details[data-failing-req=\"" + f.get("requirementId").asText() + "\"]");
      assertThat(count(d.selectFirst("[data-failing-total]"))).isEqualTo(f.get("notMet").asText());
      List<String> first = new ArrayList<>();
      f.get("first").forEach(id -> first.add(id.asText()));
      assertThat(d.select("[data-failing-id]").eachText()).containsExactlyElementsOf(first);
      assertThat(first).hasSize((int) Math.min(n, f.get("notMet").asLong()));
      bounded |= f.get("notMet").asLong() > n;
    }
    assertThat(bounded).as("some requirement has more failing episodes than listed").isTrue();

    // coming due: the total, and the listed findings by due time
    JsonNode due = json.get("comingDue");
    assertThat(count(page.selectFirst("[data-coming-due-total]"))).isEqualTo(due.get("total").asText());
    List<Element> rows = page.select("tr[data-due]");
    assertThat(rows).hasSize(due.get("findings").size()).isNotEmpty();
    for (int i = 0; i < rows.size(); i++) {
      JsonNode item = due.get("findings").get(i);
      assertThat(rows.get(i).attr("data-due")).isEqualTo(item.get("due").asText());
      assertThat(rows.get(i).selectFirst("[data-due-req]").text()).isEqualTo(item.get("requirementId").asText());
      assertThat(rows.get(i).selectFirst("[data-due-subject]").text()).isEqualTo(item.get("subjectId").asText());
    }
    assertThat(rows.stream().map(r -> r.attr("data-due")).toList()).isSorted();

    // episodes per month, in the month table and as the bars under the trend
    json.get("episodesByMonth").fields().forEachRemaining(e -> {
      assertThat(count(page.selectFirst("tr[data-month=\"" + e.getKey() + "\"] [data-episodes]"))).isEqualTo(e.getValue().asText());
      Element bar = page.selectFirst("rect[data-month-episodes=\"" + e.getKey() + "\"]");
      if (e.getKey().matches("\\d{4}-\\d{2}")) {
        assertThat(bar.attr("data-episodes")).isEqualTo(e.getValue().asText());
      }
    });
    // every rate colour is explained
    assertThat(page.select("[data-legend=rates]").text()).contains("rate \u2265 90%").contains("rate < 50%");
  }

  private static String figure(Document page, String key) {
    return count(page.selectFirst("[data-figure=" + key + "]"));
  }

  /** A count as shown (54,400,000), without its thousands separators. */
  static String count(Element e) {
    String shown = e.text();
    assertThat(shown).matches("\\d{1,3}(,\\d{3})*|\\d+(\\.\\d)?%|\u2013");
    return shown.replace(",", "");
  }

  private static void assertCounts(Element tr, JsonNode row) {
    for (Outcome o : Outcome.values()) {
      assertThat(count(tr.selectFirst("td[data-outcome=" + o + "]"))).as(row.get("key").asText() + " " + o)
          .isEqualTo(row.get("counts").get(o.name()).asText());
    }
    assertThat(tr.selectFirst("td[data-rate]").text()).isEqualTo(percent(row.get("counts").get("MET").asLong(),
        row.get("counts").get("NOT_MET").asLong()));
  }
}

package org.perfspecs.fhir;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.perfspecs.checks.Evidence;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.Requirement;
import org.perfspecs.checks.Strength;
import org.perfspecs.checks.catalog.Catalog;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Contact;
import org.perfspecs.model.ContactMode;

/**
 * Findings back to the EHR as FHIR R4 resources, valid against the base R4 resource definitions:
 *
 * <ul>
 *   <li>{@link #tasks}: a {@code Task} for each obligation still to do: every PENDING finding, and
 *       every NOT_MET finding with a due time and no evidence (overdue: nothing was recorded). For
 *       the episode's patient, {@code code} = the requirement id (perfspecs requirement code
 *       system), {@code description} = the obligation (the citation's verbatim text), {@code
 *       restriction.period.end} = the due time, status requested (priority urgent when overdue).
 *   <li>{@link #detectedIssues}: a {@code DetectedIssue} for each NOT_MET finding: the evidence as
 *       {@code implicated} references, the citation in {@code detail}, severity high for MUST,
 *       moderate for SHOULD, low for MAY.
 *   <li>{@link #measureReport}: a {@code MeasureReport} (type summary) with one group per
 *       requirement: a population per outcome with its count, and the compliance rate MET / (MET +
 *       NOT_MET) as the measure score when there is one.
 * </ul>
 *
 * <p>Resources get deterministic ids (the episode id and the requirement id), so writing the same
 * findings twice gives the same resources. Stateless and thread-safe.
 *
 * @since 0.2
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class FhirFindings {
  /** The canonical URL of the Measure the summary reports on. */
  public static final String MEASURE = "https://perfspecs.org/fhir/Measure/perfspecs";

  private FhirFindings() {}

  private static final class Standard {
    static final Catalog CATALOG = Catalog.standard();
  }

  /**
   * The Tasks for the obligations of {@code record}'s findings that are still to do.
   *
   * @param findings the findings of {@code record} (others are skipped); not {@code null}
   * @param record the record they judge; not {@code null}
   * @return new Tasks, in the findings' order; empty when nothing is pending or overdue
   */
  public static List<Task> tasks(List<Finding> findings, CaseRecord record) {
    Objects.requireNonNull(record, "record");
    List<Task> out = new ArrayList<>();
    for (Finding f : findings) {
      if (!f.subjectId().equals(record.episode().id()) || f.due().isEmpty()) {
        continue;
      }
      boolean overdue = f.outcome() == Outcome.NOT_MET && f.evidence().isEmpty();
      if (f.outcome() != Outcome.PENDING && !overdue) {
        continue;
      }
      Task t = new Task();
      t.setId(Values.fhirId(record.episode().id() + "-" + f.requirementId()));
      t.setStatus(Task.TaskStatus.REQUESTED);
      t.setIntent(Task.TaskIntent.ORDER);
      t.setPriority(overdue ? Task.TaskPriority.URGENT : Task.TaskPriority.ROUTINE);
      t.setCode(requirement(f.requirementId()));
      t.setDescription(obligation(f.requirementId()));
      t.setFor(Values.ref("Patient", record.member().id()));
      t.setFocus(Values.ref("EpisodeOfCare", record.episode().id()));
      t.getRestriction().setPeriod(new Period().setEndElement(Values.dateTime(f.due().get().last())));
      t.addNote().setText(f.reason());
      out.add(t);
    }
    return out;
  }

  /**
   * The DetectedIssues for the NOT_MET findings of {@code record}.
   *
   * @param findings the findings of {@code record} (others are skipped); not {@code null}
   * @param record the record they judge; not {@code null}
   * @return new DetectedIssues, in the findings' order
   */
  public static List<DetectedIssue> detectedIssues(List<Finding> findings, CaseRecord record) {
    Objects.requireNonNull(record, "record");
    List<DetectedIssue> out = new ArrayList<>();
    for (Finding f : findings) {
      if (f.outcome() != Outcome.NOT_MET || !f.subjectId().equals(record.episode().id())) {
        continue;
      }
      DetectedIssue d = new DetectedIssue();
      d.setId(Values.fhirId(record.episode().id() + "-" + f.requirementId() + "-issue"));
      d.setStatus(DetectedIssue.DetectedIssueStatus.FINAL);
      d.setCode(requirement(f.requirementId()));
      d.setPatient(Values.ref("Patient", record.member().id()));
      Optional<Requirement> r = Standard.CATALOG.requirement(f.requirementId());
      r.ifPresent(req -> d.setSeverity(req.strength() == Strength.MUST ? DetectedIssue.DetectedIssueSeverity.HIGH
          : req.strength() == Strength.SHOULD ? DetectedIssue.DetectedIssueSeverity.MODERATE
          : DetectedIssue.DetectedIssueSeverity.LOW));
      d.addImplicated(Values.ref("EpisodeOfCare", record.episode().id()));
      for (Evidence e : f.evidence()) {
        reference(e, record).ifPresent(d::addImplicated);
      }
      d.setDetail(f.reason() + " " + citation(f.requirementId()));
      out.add(d);
    }
    return out;
  }

  /** {@link #tasks} then {@link #detectedIssues}: every resource the findings of one record give. */
  public static List<Resource> resources(List<Finding> findings, CaseRecord record) {
    List<Resource> out = new ArrayList<>(tasks(findings, record));
    out.addAll(detectedIssues(findings, record));
    return out;
  }

  /**
   * A summary of findings as a MeasureReport: status complete, type summary, measure {@value
   * #MEASURE}, period ending at {@code asOf}; one group per requirement (catalog order, then
   * others by id), one population per outcome with its count, and the compliance rate as measure
   * score when the requirement has MET or NOT_MET findings.
   *
   * @param findings any findings; read once
   * @param asOf the evaluation time (the period's start and end)
   */
  public static MeasureReport measureReport(Iterable<Finding> findings, Instant asOf) {
    Map<String, EnumMap<Outcome, Long>> counts = new LinkedHashMap<>();
    for (Finding f : findings) {
      counts.computeIfAbsent(f.requirementId(), k -> new EnumMap<>(Outcome.class)).merge(f.outcome(), 1L, Long::sum);
    }
    return measureReport(counts, asOf);
  }

  static MeasureReport measureReport(Map<String, EnumMap<Outcome, Long>> counts, Instant asOf) {
    MeasureReport m = new MeasureReport();
    m.setId("perfspecs-summary");
    m.setStatus(MeasureReport.MeasureReportStatus.COMPLETE);
    m.setType(MeasureReport.MeasureReportType.SUMMARY);
    m.setMeasure(MEASURE);
    m.setDateElement(Values.dateTime(asOf));
    m.setPeriod(new Period().setStartElement(Values.dateTime(asOf)).setEndElement(Values.dateTime(asOf)));
    List<String> ids = new ArrayList<>();
    for (Requirement r : Standard.CATALOG.requirements()) {
      if (counts.containsKey(r.id())) {
        ids.add(r.id());
      }
    }
    counts.keySet().stream().filter(id -> !ids.contains(id)).sorted().forEach(ids::add);
    for (String id : ids) {
      EnumMap<Outcome, Long> c = counts.get(id);
      var group = m.addGroup().setCode(requirement(id));
      for (Outcome o : Outcome.values()) {
        long n = c.getOrDefault(o, 0L);
        if (n > 0) {
          group.addPopulation().setCode(new CodeableConcept(new Coding(FhirCodeSystems.OUTCOME, o.name(),
              FhirCodeSystems.display(o)))).setCount((int) Math.min(Integer.MAX_VALUE, n));
        }
      }
      long met = c.getOrDefault(Outcome.MET, 0L);
      long notMet = c.getOrDefault(Outcome.NOT_MET, 0L);
      if (met + notMet > 0) {
        group.getMeasureScore().setValue(java.math.BigDecimal.valueOf(met)
            .divide(java.math.BigDecimal.valueOf(met + notMet), 4, java.math.RoundingMode.HALF_EVEN));
      }
    }
    return m;
  }

  private static CodeableConcept requirement(String id) {
    return new CodeableConcept(new Coding(FhirCodeSystems.REQUIREMENT, id, null)).setText(id);
  }

  private static String obligation(String id) {
    return Standard.CATALOG.requirement(id).map(r -> r.citation().text()).orElse(id);
  }

  private static String citation(String id) {
    return Standard.CATALOG.requirement(id).map(r -> "(" + r.citation().document() + ", " + r.citation().section()
        + ", " + r.citation().label() + ": \"" + r.citation().text() + "\")").orElse("(" + id + ")");
  }

  /** The reference for a piece of evidence: to the resource the record's item became, or a display. */
  static Optional<Reference> reference(Evidence e, CaseRecord record) {
    String type = switch (e.kind()) {
      case "contact" -> record.episode().contacts().stream().filter(c -> c.id().equals(e.id())).findFirst()
          .map(FhirFindings::contactType).orElse("Encounter");
      case "appointment" -> "Appointment";
      case "consultation", "referral" -> "ServiceRequest";
      case "incident" -> "AdverseEvent";
      case "episode" -> "EpisodeOfCare";
      case "member" -> "Patient";
      case "document" -> "Composition";
      case "wellnessPlan", "planOfSafeCare", "servicePlan" -> "CarePlan";
      default -> null;
    };
    if (type == null) {
      return Optional.of(new Reference().setDisplay(e.kind() + " " + e.id()));
    }
    if (type.equals("EpisodeOfCare")) {
      return Optional.empty(); // the episode is always implicated first
    }
    Reference ref = Values.ref(type, e.id());
    if (!e.note().isBlank()) {
      ref.setDisplay(e.note());
    }
    return Optional.of(ref);
  }

  private static String contactType(Contact c) {
    return c.mode() == ContactMode.PHONE || c.mode() == ContactMode.TEXT ? "Communication" : "Encounter";
  }
}

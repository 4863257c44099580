import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Task;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.fhir.FhirCaseRecords;
import org.perfspecs.fhir.FhirFindings;
import org.perfspecs.fhir.FhirProblem;
import org.perfspecs.fhir.FhirReadResult;
import org.perfspecs.model.CaseRecord;

public class FhirReadmeExample {
  static final Engine ENGINE = Engine.standard(); // stateless and thread-safe: share one

  /** Judges the episodes in a FHIR Bundle and returns what to send back to the EHR. */
  public static List<Object> check(Bundle bundle, Instant asOf) {
    FhirReadResult read = FhirCaseRecords.read(bundle);
    for (FhirProblem problem : read.errors()) {
      System.err.println(problem); // file, line, FHIRPath and a message: never member data
    }
    List<Object> toEhr = new java.util.ArrayList<>();
    for (CaseRecord record : read.records()) {
      List<Finding> findings = ENGINE.evaluate(record, EvaluationContext.asOf(asOf));
      List<Task> tasks = FhirFindings.tasks(findings, record); // pending (or overdue) obligations
      List<DetectedIssue> issues = FhirFindings.detectedIssues(findings, record); // NOT_MET
      toEhr.addAll(tasks);
      toEhr.addAll(issues);
    }
    return toEhr;
  }
}

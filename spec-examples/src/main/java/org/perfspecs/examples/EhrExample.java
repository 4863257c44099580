package org.perfspecs.examples;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.perfspecs.checks.EvaluationContext;
import org.perfspecs.checks.Finding;
import org.perfspecs.checks.Outcome;
import org.perfspecs.checks.engine.Engine;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Consultation;
import org.perfspecs.model.ConsultationKind;
import org.perfspecs.model.Episode;
import org.perfspecs.model.InsuranceProduct;
import org.perfspecs.model.Member;
import org.perfspecs.model.PregnancyState;
import org.perfspecs.model.PregnancyStatus;
import org.perfspecs.model.ServiceType;

/**
 * For EHR developers: evaluate one open episode as documentation is entered and tell the
 * clinician what is due and when ("ESOAP.COMP.4.2 is due in 11 hours").
 */
public final class EhrExample {
  private static final Engine ENGINE = Engine.standard(); // stateless and thread-safe: one per application

  private EhrExample() {}

  /** What is still open for {@code record} at {@code now}, one line per pending requirement. */
  public static List<String> dueItems(CaseRecord record, Instant now) {
    List<String> lines = new ArrayList<>();
    for (Finding f : ENGINE.evaluate(record, EvaluationContext.asOf(now))) {
      if (f.outcome() == Outcome.PENDING) {
        Duration left = Duration.between(now, f.due().orElseThrow().last());
        lines.add(f.requirementId() + " is due in " + left.toHours() + " hours: " + f.reason());
      } else if (f.outcome() == Outcome.NOT_MET) {
        lines.add(f.requirementId() + " is overdue: " + f.reason());
      }
    }
    return lines;
  }

  /** A pregnant member admitted yesterday morning; only the medical consultation is arranged so far. */
  public static CaseRecord openEpisode() {
    return CaseRecord.builder()
        .member(Member.builder().id("M-1").dateOfBirth(LocalDate.of(1995, 3, 2))
            .product(InsuranceProduct.TUFTS_HEALTH_TOGETHER)
            .pregnancy(PregnancyStatus.builder().state(PregnancyState.PREGNANT).build())
            .build())
        .episode(Episode.builder().id("E-1").service(ServiceType.ESOAP).programId("P-1")
            .admittedAt(Instant.parse("2024-05-01T13:00:00Z"))
            .addConsultations(Consultation.builder().id("c-1").kind(ConsultationKind.MEDICAL)
                .arrangedAt(Instant.parse("2024-05-01T20:00:00Z")).build())
            .build())
        .build();
  }

  /** Prints what is due for the sample open episode at 2024-05-02 22:00 EDT. */
  public static void main(String[] args) {
    dueItems(openEpisode(), Instant.parse("2024-05-03T02:00:00Z")).forEach(System.out::println);
  }
}

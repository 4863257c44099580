package org.perfspecs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.reflect.ClassPath;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;
import org.perfspecs.model.CaseRecord;
import org.perfspecs.model.Member;
import org.perfspecs.model.ModelJson;
import org.perfspecs.model.ModelValidator;
import org.perfspecs.model.Program;
import org.perfspecs.model.Validated;
import org.perfspecs.model.Violation;

/** Generated values are valid, survive a JSON round trip, and mutated ones are rejected with a path. */
class ModelProperties {
  static final ModelValidator VALIDATOR = ModelValidator.create();
  static final ObjectMapper MAPPER = ModelJson.newMapper();
  static final Instant FROM = Instant.parse("2023-01-01T05:00:00Z");
  static final Instant TO = Instant.parse("2024-06-01T04:00:00Z");
  static final LocalDate FIRST = LocalDate.of(2023, 1, 1);
  static final LocalDate LAST = LocalDate.of(2024, 6, 1);

  /** One arbitrary per model type (top-level value types of org.perfspecs.model). */
  static Map<Class<?>, Arbitrary<?>> everyModelType() {
    Map<Class<?>, Arbitrary<?>> m = new LinkedHashMap<>();
    m.put(CaseRecord.class, CaseRecords.caseRecords());
    m.put(Member.class, Members.members());
    m.put(org.perfspecs.model.PregnancyStatus.class, Members.members().filter(x -> x.pregnancy().isPresent()).map(x -> x.pregnancy().get()));
    m.put(org.perfspecs.model.CareProvider.class, Parts.careProviders());
    m.put(org.perfspecs.model.Episode.class, Episodes.episodes().withAtMostContacts(20));
    m.put(org.perfspecs.model.Referral.class, Parts.referralsMade(FROM, TO, 1).filter(l -> !l.isEmpty()).map(l -> l.get(0)));
    m.put(org.perfspecs.model.Contact.class, first(Parts.contacts(FROM, TO, 1)));
    m.put(org.perfspecs.model.Document.class, first(Parts.documents(FIRST, LAST, 1)));
    m.put(org.perfspecs.model.Consultation.class, first(Parts.consultations(FROM, TO, 1)));
    m.put(org.perfspecs.model.ConsentRefusal.class, first(Parts.consentRefusals(FROM, TO, 1)));
    m.put(org.perfspecs.model.NecessityDetermination.class, first(Parts.necessityDeterminations(FROM, TO, 1)));
    m.put(org.perfspecs.model.Appointment.class, first(Parts.appointments(FROM, TO, 1)));
    m.put(org.perfspecs.model.Incident.class, first(Parts.incidents(FROM, TO, 1)));
    m.put(org.perfspecs.model.WellnessPlan.class, Parts.wellnessPlans(FIRST, LAST));
    m.put(org.perfspecs.model.ServicePlan.class, Parts.servicePlans(FIRST, LAST));
    m.put(org.perfspecs.model.Goal.class, Parts.servicePlans(FIRST, LAST).filter(p -> !p.goals().isEmpty()).map(p -> p.goals().get(0)));
    m.put(org.perfspecs.model.PlanReview.class, Parts.servicePlans(FIRST, LAST).filter(p -> !p.reviews().isEmpty()).map(p -> p.reviews().get(0)));
    m.put(Program.class, Programs.programs());
    m.put(org.perfspecs.model.License.class, Parts.licenses(LAST));
    m.put(org.perfspecs.model.Location.class, first(Parts.locations(1)));
    m.put(org.perfspecs.model.OpeningHours.class, Parts.openingHours());
    m.put(org.perfspecs.model.OnCallArrangement.class, Parts.onCallArrangements());
    m.put(org.perfspecs.model.StaffMember.class, first(Parts.staff(FIRST, LAST, 1)));
    m.put(org.perfspecs.model.Training.class, Parts.trainings(FIRST, LAST));
    m.put(org.perfspecs.model.Agreement.class, first(Parts.agreements(FIRST, LAST, 1)));
    m.put(org.perfspecs.model.QualityPlan.class, Parts.qualityPlans(FIRST, LAST));
    m.put(org.perfspecs.model.Attestation.class, Parts.attestations(List.of("ESOAP.COMP.3.b"), FIRST, LAST));
    return m;
  }

  private static <T> Arbitrary<T> first(Arbitrary<List<T>> lists) {
    return lists.filter(l -> !l.isEmpty()).map(l -> l.get(0));
  }

  @Example
  void thereIsAnArbitraryForEveryModelType() throws IOException {
    Set<String> types = ClassPath.from(Member.class.getClassLoader()).getTopLevelClasses("org.perfspecs.model").stream()
        .map(ClassPath.ClassInfo::getSimpleName).filter(n -> n.startsWith("Immutable"))
        .map(n -> n.substring("Immutable".length())).collect(Collectors.toCollection(TreeSet::new));
    Set<String> covered = everyModelType().keySet().stream().map(Class::getSimpleName).collect(Collectors.toCollection(TreeSet::new));
    assertThat(covered).isEqualTo(types);
  }

  record Typed(Class<?> type, Object value) {
    @Override
    public String toString() {
      return type.getSimpleName() + " " + ModelJson.toJson(value);
    }
  }

  @Provide
  Arbitrary<Typed> anyModelValue() {
    List<Arbitrary<Typed>> all = everyModelType().entrySet().stream()
        .map(e -> e.getValue().map(v -> new Typed(e.getKey(), v))).collect(Collectors.toList());
    return Arbitraries.integers().between(0, all.size() - 1).flatMap(all::get);
  }

  @Property(tries = 1000)
  void everyGeneratedValueOfEveryTypeIsValidAndSurvivesAJsonRoundTrip(@ForAll("anyModelValue") Typed t) {
    assertThat(VALIDATOR.validate(t.value())).as("%s", t).isEmpty();
    Validated<?> back = VALIDATOR.parse(ModelJson.toJson(t.value()), t.type());
    assertThat(back.violations()).as("%s", t).isEmpty();
    assertThat(back.orElseThrow()).isEqualTo(t.value());
  }

  @Property(tries = 300)
  @Domain(PerfspecsDomain.class)
  @Domain(DomainContext.Global.class)
  void everyGeneratedRecordAndProgramIsValid(@ForAll CaseRecord record, @ForAll Program program) {
    assertThat(VALIDATOR.validate(record)).isEmpty();
    assertThat(VALIDATOR.validate(program)).isEmpty();
  }

  /** A mutation that makes a valid record invalid, and the JSON path the validator must name. */
  enum Mutation {
    NEGATIVE_CONTACT_MINUTES("$.episode.contacts[0].minutes") {
      @Override
      boolean applies(ObjectNode r) {
        return r.path("episode").path("contacts").size() > 0;
      }

      @Override
      void apply(ObjectNode r) {
        ((ObjectNode) r.path("episode").path("contacts").get(0)).put("minutes", -5);
      }
    },
    DISCHARGE_BEFORE_ADMISSION("$.episode.dischargedAt") {
      @Override
      boolean applies(ObjectNode r) {
        return r.path("episode").has("admittedAt");
      }

      @Override
      void apply(ObjectNode r) {
        Instant admitted = Instant.parse(r.path("episode").path("admittedAt").asText());
        ((ObjectNode) r.path("episode")).put("dischargedAt", admitted.minusSeconds(60).toString());
      }
    },
    MISSING_MEMBER_ID("$.member.id") {
      @Override
      void apply(ObjectNode r) {
        ((ObjectNode) r.path("member")).remove("id");
      }
    },
    MISSING_EPISODE_ID("$.episode.id") {
      @Override
      void apply(ObjectNode r) {
        ((ObjectNode) r.path("episode")).remove("id");
      }
    },
    BLANK_MEMBER_ID("$.member.id") {
      @Override
      void apply(ObjectNode r) {
        ((ObjectNode) r.path("member")).put("id", " ");
      }
    },
    UNKNOWN_SERVICE("$.episode.service") {
      @Override
      void apply(ObjectNode r) {
        ((ObjectNode) r.path("episode")).put("service", "NOT_A_SERVICE");
      }
    };

    final String path;

    Mutation(String path) {
      this.path = path;
    }

    boolean applies(ObjectNode r) {
      return true;
    }

    abstract void apply(ObjectNode r);
  }

  @Property(tries = 300)
  @Domain(PerfspecsDomain.class)
  @Domain(DomainContext.Global.class)
  void aMutatedRecordIsRejectedWithTheJsonPathAndNoValue(@ForAll CaseRecord record, @ForAll Mutation mutation)
      throws IOException {
    ObjectNode tree = (ObjectNode) MAPPER.readTree(ModelJson.toJson(record));
    if (!mutation.applies(tree)) {
      return;
    }
    mutation.apply(tree);
    String json = MAPPER.writeValueAsString(tree);
    Validated<CaseRecord> parsed = VALIDATOR.parse(json, CaseRecord.class);
    assertThat(parsed.isValid()).as(mutation + " accepted: " + json).isFalse();
    assertThat(parsed.violations()).extracting(Violation::path).as(mutation.name()).contains(mutation.path);
    for (Violation v : parsed.violations()) {
      assertThat(v.message()).doesNotContain(record.member().id()).doesNotContain(record.episode().id());
    }
  }

  static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }
}

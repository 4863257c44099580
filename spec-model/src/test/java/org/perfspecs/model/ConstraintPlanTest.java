package org.perfspecs.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.ContainerElementTypeDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fast validation of {@link ModelValidator#create()} reads the same constraints from the model's
 * annotations as Hibernate Validator does, handles every one of them, and reports the same
 * violations; a constraint it does not know sends the type to Hibernate Validator and fails here.
 */
class ConstraintPlanTest {
  private static final JsonMapper TREES = ModelJson.newMapper();
  private final ModelValidator fast = ModelValidator.create();
  private final ModelValidator reference = ModelValidator.hibernate();

  /** Hibernate Validator's metadata of {@code type}, in {@link ConstraintPlan#describe}'s form. */
  static List<String> hibernateDescription(Class<?> type) {
    Validator hibernate = ModelValidator.referenceValidator();
    BeanDescriptor bean = hibernate.getConstraintsForClass(type);
    List<String> out = new ArrayList<>();
    for (ConstraintDescriptor<?> c : bean.getConstraintDescriptors()) {
      out.add("class: " + c.getAnnotation().annotationType().getSimpleName());
    }
    for (PropertyDescriptor p : bean.getConstrainedProperties()) {
      String name = p.getPropertyName();
      for (ConstraintDescriptor<?> c : p.getConstraintDescriptors()) {
        out.add(name + ": " + c.getAnnotation().annotationType().getSimpleName());
      }
      if (p.isCascaded()) {
        out.add(name + ": Valid");
      }
      for (ContainerElementTypeDescriptor e : p.getConstrainedContainerElementTypes()) {
        for (ConstraintDescriptor<?> c : e.getConstraintDescriptors()) {
          out.add(name + "<element>: " + c.getAnnotation().annotationType().getSimpleName());
        }
        if (e.isCascaded()) {
          out.add(name + "<element>: Valid");
        }
        if (!e.getConstrainedContainerElementTypes().isEmpty()) {
          out.add(name + "<element><element>: nested");
        }
      }
    }
    out.sort(null);
    return out;
  }

  @Test
  void everyModelTypeIsHandledByTheFastValidation() {
    List<Class<?>> types = ModelTypes.valueTypes();
    assertThat(types).hasSizeGreaterThan(20);
    for (Class<?> type : types) {
      Class<?> generated = ModelTypes.immutableOf(type).orElseThrow();
      assertThat(ConstraintPlan.problem(type)).as(type.getSimpleName()).isNull();
      assertThat(ConstraintPlan.problem(generated)).as(generated.getSimpleName()).isNull();
      assertThat(ConstraintPlan.supports(generated)).as(generated.getSimpleName()).isTrue();
    }
  }

  @Test
  void theFastValidationReadsTheSameConstraintsAsHibernateValidator() {
    int constraints = 0;
    for (Class<?> type : ModelTypes.valueTypes()) {
      Class<?> generated = ModelTypes.immutableOf(type).orElseThrow();
      assertThat(ConstraintPlan.describe(type)).as(type.getSimpleName()).isEqualTo(hibernateDescription(type));
      assertThat(ConstraintPlan.describe(generated)).as(generated.getSimpleName())
          .isEqualTo(hibernateDescription(generated)).isEqualTo(ConstraintPlan.describe(type));
      constraints += ConstraintPlan.describe(type).size();
    }
    // NotBlank, Plausible, PositiveOrZero and Valid, as the model declares them
    assertThat(constraints).isGreaterThanOrEqualTo(110);
    assertThat(ConstraintPlan.describe(Contact.class)).containsExactly(
        "at: Plausible", "id: NotBlank", "minutes: PositiveOrZero", "staffId<element>: NotBlank");
    assertThat(ConstraintPlan.describe(Episode.class)).contains(
        "contacts<element>: Valid", "referral<element>: Valid", "treatmentTeam<element>: NotBlank",
        "significantNeedsChangesOn<element>: Plausible", "admittedAt<element>: Plausible");
  }

  /** A type of the model package with a constraint the fast validation does not know. */
  public static final class Sized {
    public @Size(max = 2) String name() {
      return "three";
    }

    public @NotBlank String id() {
      return " ";
    }
  }

  /** A type of the model package with a message of its own. */
  public static final class OwnMessage {
    public @NotBlank(message = "needs an id") String id() {
      return "";
    }
  }

  /** A type that cascades into an unsupported one. */
  public static final class Holder {
    public @jakarta.validation.Valid Sized sized() {
      return new Sized();
    }
  }

  @Test
  void anUnknownConstraintSendsTheTypeToHibernateValidatorAndIsReported() {
    assertThat(ConstraintPlan.supports(Sized.class)).isFalse();
    assertThat(ConstraintPlan.problem(Sized.class)).contains("@Size on String is not supported");
    assertThat(ConstraintPlan.supports(OwnMessage.class)).isFalse();
    assertThat(ConstraintPlan.problem(OwnMessage.class)).contains("sets its own message");
    assertThat(ConstraintPlan.supports(Holder.class)).isFalse();
    assertThat(ConstraintPlan.problem(Holder.class)).startsWith("Sized:");

    assertThat(fast.validate(new Sized())).containsExactly(
        Violation.of("$.id", "must not be blank"), Violation.of("$.name", "size must be between 0 and 2"))
        .isEqualTo(reference.validate(new Sized()));
    assertThat(fast.validate(new OwnMessage())).containsExactly(Violation.of("$.id", "needs an id"));
    assertThat(fast.validate(new Holder())).isEqualTo(reference.validate(new Holder())).hasSize(2);
  }

  @Test
  void aValidRecordAndProgramHaveNoViolationsEitherWay() {
    assertThat(fast.validate(ModelFixtures.caseRecord())).isEmpty();
    assertThat(reference.validate(ModelFixtures.caseRecord())).isEmpty();
    assertThat(fast.validate(ModelFixtures.program())).isEmpty();
    assertThat(reference.validate(ModelFixtures.program())).isEmpty();
  }

  @Test
  void aValueOfAnotherKindIsValidatedByHibernateValidator() {
    assertThat(fast.validate("text")).isEmpty();
    assertThat(fast.validate(new ValidByConstructionTest.Constrained()))
        .isEqualTo(reference.validate(new ValidByConstructionTest.Constrained())).hasSize(2);
  }

  /**
   * Objects read with the model's own rules suspended (as {@link ModelValidator#parse} does to list
   * every violation) break every kind of constraint at several depths; both validators report the
   * same list, which is spelled out here once.
   */
  @Test
  void brokenConstraintsAtEveryDepthAreReportedAsHibernateValidatorReportsThem() throws Exception {
    ObjectNode root = TREES.valueToTree(ModelFixtures.caseRecord());
    ObjectNode member = (ObjectNode) root.get("member");
    member.put("id", "\u0001"); // blank for Bean Validation (trim), not for String.isBlank
    member.put("preferredName", "\u3000"); // the other way round
    member.put("dateOfBirth", "1899-12-31");
    ObjectNode episode = (ObjectNode) root.get("episode");
    episode.put("admittedAt", "2100-12-31T20:00:00-05:00"); // 2101-01-01T01:00Z
    episode.remove("dischargedAt"); // (a discharge before the admission would stop the read)
    episode.putArray("treatmentTeam").add("S-1").add(" ").add("");
    episode.putArray("significantNeedsChangesOn").add("2024-01-01").add("2101-01-01");
    ObjectNode contact = (ObjectNode) ((ArrayNode) episode.get("contacts")).get(0);
    contact.put("minutes", -1);
    contact.put("staffId", "  ");
    contact.put("id", "");
    ObjectNode program = TREES.valueToTree(ModelFixtures.program());
    ObjectNode staff = (ObjectNode) ((ArrayNode) program.get("staff")).get(0);
    staff.putArray("credentials").add("").add(" ").add("RN");
    staff.put("relevantExperienceYears", Integer.MIN_VALUE);

    CaseRecord record = ModelRules.unchecked(() -> ModelJson.reader(CaseRecord.class).readValue(root.toString()));
    Program prog = ModelRules.unchecked(() -> ModelJson.reader(Program.class).readValue(program.toString()));

    List<Violation> expected = List.of(
        Violation.of("$.episode.admittedAt", ConstraintPlan.PLAUSIBLE),
        Violation.of("$.episode.contacts[0].id", "must not be blank"),
        Violation.of("$.episode.contacts[0].minutes", "must be greater than or equal to 0"),
        Violation.of("$.episode.contacts[0].staffId", "must not be blank"),
        Violation.of("$.episode.significantNeedsChangesOn[1]", ConstraintPlan.PLAUSIBLE),
        Violation.of("$.episode.treatmentTeam[1]", "must not be blank"),
        Violation.of("$.episode.treatmentTeam[2]", "must not be blank"),
        Violation.of("$.member.dateOfBirth", ConstraintPlan.PLAUSIBLE),
        Violation.of("$.member.id", "must not be blank"));
    assertThat(reference.validate(record)).isEqualTo(expected);
    assertThat(fast.validate(record)).isEqualTo(expected);
    assertThat(reference.validate(prog)).containsExactly(
        Violation.of("$.staff[0].credentials", "must not be blank"),
        Violation.of("$.staff[0].credentials", "must not be blank"),
        Violation.of("$.staff[0].relevantExperienceYears", "must be greater than or equal to 0"));
    assertThat(fast.validate(prog)).isEqualTo(reference.validate(prog));
    assertThat(fast.parse(root.toString(), CaseRecord.class).violations())
        .isEqualTo(reference.parse(root.toString(), CaseRecord.class).violations());
    assertThat(fast.parse(program.toString(), Program.class).violations())
        .isEqualTo(reference.parse(program.toString(), Program.class).violations());
  }
}

package org.perfspecs.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@link ModelFixtures} honest: the fixtures are valid, and every attribute of every value
 * type is set somewhere (an optional is present, a collection is non-empty, a defaulted attribute
 * takes a non-default value), so round trips and schema checks exercise the whole model.
 */
class ModelFixturesTest {
  private final ModelValidator validator = ModelValidator.create();

  @Test
  void fixturesAreValid() {
    assertThat(validator.validate(ModelFixtures.caseRecord())).isEmpty();
    assertThat(validator.validate(ModelFixtures.program())).isEmpty();
  }

  @Test
  void fixturesSetEveryAttributeOfEveryValueType() throws Throwable {
    Map<Method, Boolean> set = new LinkedHashMap<>();
    for (Class<?> type : ModelTypes.valueTypes()) {
      for (Method attribute : ModelTypes.attributes(type)) {
        set.put(attribute, false);
      }
    }
    visit(ModelFixtures.caseRecord(), set);
    visit(ModelFixtures.program(), set);

    TreeSet<String> unset = new TreeSet<>();
    set.forEach((attribute, isSet) -> {
      if (!isSet) {
        unset.add(attribute.getDeclaringClass().getSimpleName() + "." + attribute.getName());
      }
    });
    assertThat(unset).as("attributes never set (or never set to a non-default value) in ModelFixtures").isEmpty();
  }

  private static void visit(Object value, Map<Method, Boolean> set) throws Throwable {
    if (value instanceof Optional<?> optional) {
      if (optional.isPresent()) {
        visit(optional.get(), set);
      }
      return;
    }
    if (value instanceof Collection<?> collection) {
      for (Object element : collection) {
        visit(element, set);
      }
      return;
    }
    Class<?> type = abstractValueType(value.getClass());
    if (type == null) {
      return;
    }
    for (Method attribute : ModelTypes.attributes(type)) {
      Object v = attribute.invoke(value);
      boolean isSet;
      if (v instanceof Optional<?> o) {
        isSet = o.isPresent();
      } else if (v instanceof Collection<?> c) {
        isSet = !c.isEmpty();
      } else if (ModelTypes.isDefault(attribute)) {
        isSet = !Objects.equals(v, defaultValue(type, attribute, value));
      } else {
        isSet = true;
      }
      if (isSet) {
        set.put(attribute, true);
      }
      visit(v, set);
    }
  }

  private static Class<?> abstractValueType(Class<?> runtime) {
    for (Class<?> c = runtime; c != null; c = c.getSuperclass()) {
      if (ModelTypes.isValueType(c)) {
        return c;
      }
    }
    return null;
  }

  /** Calls the abstract type's own {@code @Value.Default} body on {@code instance} (super.x()). */
  private static Object defaultValue(Class<?> type, Method attribute, Object instance) throws Throwable {
    Class<?> immutable = instance.getClass();
    MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(immutable, MethodHandles.lookup());
    MethodHandle superCall = lookup.findSpecial(type, attribute.getName(),
        MethodType.methodType(attribute.getReturnType()), immutable);
    return superCall.invoke(instance);
  }
}

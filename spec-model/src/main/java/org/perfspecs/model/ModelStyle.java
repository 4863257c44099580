package org.perfspecs.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the model, option by option. Applied to the whole package in
 * {@code package-info.java}; nothing else in the project configures Immutables.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    // Abstract types carry the domain name (Member); the generated class is ImmutableMember.
    typeImmutable = "Immutable*",
    // Accessors are plain (member.id()), as in records; no JavaBeans prefixes to strip.
    get = {},
    // Generated classes are public so users may name ImmutableMember.Builder, but the
    // abstract types are what the API promises.
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    // Guava's immutable collections back List/Set/Map attributes (Guava is a dependency).
    jdkOnly = false,
    // Builders fail on a missing required attribute, naming the attribute, never a value.
    // (Collections may be omitted: an absent list is an empty list; null elements are refused.)
    validationMethod = Value.Style.ValidationMethod.SIMPLE,
    // withX(...) copy methods for every attribute.
    defaults = @Value.Immutable(copy = true),
    // Jackson uses the generated builder-backed delegate; unknown JSON properties still fail
    // (the ObjectMapper in ModelJson keeps FAIL_ON_UNKNOWN_PROPERTIES on).
    jacksonIntegration = true)
public @interface ModelStyle {}

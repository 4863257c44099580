package org.perfspecs.checks;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Declares the requirement ids a test verifies: clause → code → test → finding. The project's
 * coverage test fails when a catalog id has no verifying test, or a test names an id the catalog
 * does not have. Users may put it on their own tests too.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface Verifies {
  /** Requirement ids, e.g. {@code "IOP.COMP.4.a"}. */
  String[] value();
}

package org.perfspecs.checks;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One section of a specification, named after the document's heading, holding that section's
 * requirements in document order. Each specification package has one subclass per section, which
 * lists its requirements explicitly (no classpath scanning).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class Section {
  private final String key;
  private final String heading;
  private final List<Requirement> requirements;

  /**
   * @param key the section key used in requirement ids (e.g. {@code COMP})
   * @param heading the heading as the document prints it
   * @param requirements the section's requirements in document order; each id must carry {@code key}
   */
  protected Section(String key, String heading, List<? extends Requirement> requirements) {
    this.key = requireNonNull(key, "key");
    this.heading = requireNonNull(heading, "heading");
    this.requirements = ImmutableList.copyOf(requirements);
    for (Requirement r : this.requirements) {
      if (!r.sectionKey().equals(key)) {
        throw new IllegalArgumentException(r.id() + " does not belong in section " + key);
      }
    }
  }

  /** The section key, e.g. {@code COMP}. */
  public final String key() {
    return key;
  }

  /** The document's heading, e.g. {@code COMPONENTS OF SERVICES}. */
  public final String heading() {
    return heading;
  }

  /** Requirements in document order. */
  public final List<Requirement> requirements() {
    return requirements;
  }

  @Override
  public String toString() {
    return key + " " + heading;
  }
}

package org.perfspecs.model;

import org.apiguardian.api.API;

/**
 * Thrown when a model object would break a cross-field invariant (discharge before admission,
 * duplicate record ids, ...). The message names the property (relative to the object being built)
 * and the rule, never a value, so it is safe to show and to log.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ModelInvariantException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final String property;
  private final String rule;

  /**
   * @param property the offending property, relative to the object (e.g. {@code dischargedAt})
   * @param rule what the property must satisfy (e.g. {@code must not be before admittedAt})
   */
  public ModelInvariantException(String property, String rule) {
    super(property + " " + rule);
    this.property = property;
    this.rule = rule;
  }

  /** The offending property, relative to the object being built. */
  public String property() {
    return property;
  }

  /** The rule the property breaks. */
  public String rule() {
    return rule;
  }
}

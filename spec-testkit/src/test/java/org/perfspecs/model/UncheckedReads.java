package org.perfspecs.model;

/**
 * For the testkit's properties: reads JSON with the model's single-field and record-wide rules
 * suspended, as {@link ModelValidator#parse} does to list every violation of a rejected document,
 * so that a test can hand the resulting (invalid) object to both validators.
 */
public final class UncheckedReads {
  private UncheckedReads() {}

  /**
   * The value {@code json} reads as with the rules of {@code ModelRules} suspended.
   *
   * @throws Exception whatever reading throws (a malformed document, a cross-field invariant)
   */
  public static <T> T read(String json, Class<T> type) throws Exception {
    return ModelRules.unchecked(() -> ModelJson.reader(type).readValue(json));
  }
}

package org.perfspecs.model;

/**
 * For the testkit's properties: the fast binding alone ({@code FastBinding}), so that a test can
 * tell a document it binds from one it leaves to Jackson databind.
 */
public final class FastReads {
  private FastReads() {}

  /** The value {@code FastBinding} binds {@code json} (UTF-8) to, or null when it leaves it to databind. */
  public static <T> T read(byte[] json, Class<T> type) {
    return FastBinding.read(json, type);
  }

  /** The value {@code FastBinding} binds {@code json} to, or null when it leaves it to databind. */
  public static <T> T read(String json, Class<T> type) {
    return FastBinding.read(json, type);
  }
}

package org.perfspecs.model;

import java.util.Random;

/** Random character edits of a JSON document, for the tests that compare two readings of it. */
final class TextMutations {
  private TextMutations() {}

  /** {@code json} with one to three characters of {@code alphabet} set, inserted or deleted at random places. */
  static String mutate(String json, String alphabet, Random random) {
    StringBuilder b = new StringBuilder(json);
    for (int k = random.nextInt(3) + 1; k > 0; k--) {
      char c = alphabet.charAt(random.nextInt(alphabet.length()));
      if (b.length() == 0) { // every character deleted: only an insertion is possible
        b.append(c);
        continue;
      }
      int at = random.nextInt(b.length());
      switch (random.nextInt(3)) {
        case 0 -> b.setCharAt(at, c);
        case 1 -> b.insert(at, c);
        default -> b.deleteCharAt(at);
      }
    }
    return b.toString();
  }
}

package org.perfspecs.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code FastBinding} binds every model type, to the value Jackson databind binds ({@code equals}
 * and {@code toString}, which shows sets in iteration order), and leaves every document it does
 * not bind as it is to the reference, so that {@link ModelValidator#create()}'s {@code parse}
 * gives {@link ModelValidator#hibernate()}'s values and violations. (The property test over
 * generated and mutated documents of every type is {@code BindingProperties} in spec-testkit.)
 */
class FastBindingTest {
  private static final ModelValidator FAST = ModelValidator.create();
  private static final ModelValidator REFERENCE = ModelValidator.hibernate();

  @Test
  void everyModelTypeIsBoundWithoutDatabind() {
    assertThat(ModelTypes.valueTypes()).isNotEmpty().allSatisfy(type ->
        assertThat(FastBinding.supports(type)).as("%s", type).isTrue());
    assertThat(FastBinding.supports(String.class)).isFalse();
    assertThat(FastBinding.read("\"x\"", String.class)).isNull();
  }

  @Test
  void typesWithoutDefaultAttributesAreConstructedWithoutTheirBuilder() throws Exception {
    // the hot types of a record: no @Value.Default, so one constructor taking every attribute
    assertThat(List.of(CaseRecord.class, Episode.class, Contact.class, Consultation.class))
        .allSatisfy(type -> assertThat(FastBinding.constructsDirectly(type)).as("%s", type).isTrue());
    // one @Value.Default attribute: its default, when absent, from the abstract type's method
    assertThat(List.of(Document.class, Appointment.class, ConsentRefusal.class, PlanReview.class))
        .allSatisfy(type -> assertThat(FastBinding.constructsDirectly(type)).as("%s", type).isTrue());
    // several defaults initialized through a shim: the constructor when every default is given,
    // the builder (given the values read) when one is absent, so that the shim computes it
    assertThat(List.of(Member.class, StaffMember.class, License.class, Location.class, QualityPlan.class))
        .allSatisfy(type -> assertThat(FastBinding.constructsDirectly(type)).as("%s", type).isTrue());
    assertThat(ModelTypes.valueTypes()).allSatisfy(type -> assertThat(FastBinding.constructsDirectly(type)).as("%s", type).isTrue());
    String[][] shims = {{"parenting", "dmhContinuingCareEligible", "dcfCaseOpen"},
        {"relevantExperienceYears", "livedExperience"}, {"heldByParentOrganization", "massachusetts"},
        {"onsiteServices", "communityServices"}, {"outcomeMeasures", "satisfactionSurveys"}};
    Object[] shimValues = {ModelFixtures.member(), ModelFixtures.staffMember(), ModelFixtures.license(),
        ModelFixtures.location(), ModelFixtures.qualityPlan()};
    for (int t = 0; t < shims.length; t++) {
      Class<?> type = List.of(Member.class, StaffMember.class, License.class, Location.class, QualityPlan.class).get(t);
      String full = ModelJson.toJson(shimValues[t]);
      // each default absent alone, then all of them, then none (the constructor)
      List<List<String>> drops = new java.util.ArrayList<>();
      for (String name : shims[t]) {
        drops.add(List.of(name));
      }
      drops.add(List.of(shims[t]));
      drops.add(List.of());
      for (List<String> drop : drops) {
        String without = full;
        for (String name : drop) {
          String next = without.replaceFirst(",\"" + name + "\":(true|false|\\d+)|\"" + name + "\":(true|false|\\d+),", "");
          assertThat(next).as(name).isNotEqualTo(without);
          without = next;
        }
        Object reference = ModelJson.reader(type).readValue(without);
        assertThat(FastBinding.read(without, type)).as(without).isNotNull()
            .isEqualTo(reference).hasToString(reference.toString());
        assertThat(FastBinding.read(without.getBytes(StandardCharsets.UTF_8), type)).as(without)
            .isEqualTo(reference).hasToString(reference.toString());
      }
    }
    for (Object[] absent : new Object[][] {{ModelFixtures.document(), Document.class, "memberRefusedToSign"},
        {ModelFixtures.appointment(), Appointment.class, "assistedByProgram"}}) {
      String full = ModelJson.toJson(absent[0]);
      String without = full.replaceFirst(",\"" + absent[2] + "\":(true|false)|\"" + absent[2] + "\":(true|false),", "");
      assertThat(without).isNotEqualTo(full);
      Object reference = ModelJson.reader((Class<?>) absent[1]).readValue(without);
      assertThat(FastBinding.read(without, (Class<?>) absent[1])).as(without).isNotNull()
          .isEqualTo(reference).hasToString(reference.toString());
    }
    // sets of codes as the builder makes them (empty, singleton, enum set), shared between values
    String json = "{\"id\":\"c1\",\"at\":\"2024-03-01T10:00:00Z\",\"minutes\":30,\"mode\":\"PHONE\","
        + "\"kind\":\"OUTREACH_ATTEMPT\",\"topics\":[%s],\"memberEngaged\":true,\"parties\":[%s]}";
    for (String[] sets : new String[][] {{"", ""}, {"\"%s\"", ""}, {"\"%s\",\"%s\",\"%s\"", "\"%s\""}}) {
      Topic[] topics = Topic.values();
      Party[] parties = Party.values();
      String doc = String.format(json,
          String.format(sets[0], topics[3].name(), topics[0].name(), topics[3].name()),
          String.format(sets[1], parties[1].name()));
      Contact reference = ModelJson.reader(Contact.class).readValue(doc);
      Contact first = FastBinding.read(doc, Contact.class);
      Contact second = FastBinding.read(doc.getBytes(StandardCharsets.UTF_8), Contact.class);
      assertThat(first).as(doc).isEqualTo(reference).hasToString(reference.toString());
      assertThat(first.topics()).containsExactlyElementsOf(reference.topics())
          .hasSameClassAs(reference.topics()).isSameAs(second.topics());
      assertThat(first.parties()).containsExactlyElementsOf(reference.parties())
          .hasSameClassAs(reference.parties()).isSameAs(second.parties());
    }
  }

  private static <T> void assertBoundAsTheReference(T value, Class<T> type) throws Exception {
    String json = ModelJson.toJson(value);
    T reference = ModelJson.reader(type).readValue(json);
    T fromText = FastBinding.read(json, type);
    T fromBytes = FastBinding.read(json.getBytes(StandardCharsets.UTF_8), type);
    assertThat(fromText).as(json).isNotNull().isEqualTo(reference).hasToString(reference.toString());
    assertThat(fromBytes).as(json).isNotNull().isEqualTo(reference).hasToString(reference.toString());
    assertThat(ModelJson.read(json.getBytes(StandardCharsets.UTF_8), type)).isEqualTo(reference);
    assertThat(ModelJson.read(json, type)).isEqualTo(reference);
  }

  @Test
  void fixturesAreBoundAsDatabindBindsThem() throws Exception {
    assertBoundAsTheReference(ModelFixtures.caseRecord(), CaseRecord.class);
    assertBoundAsTheReference(ModelFixtures.program(), Program.class);
    assertBoundAsTheReference(ModelFixtures.contact(), Contact.class);
    assertBoundAsTheReference(ModelFixtures.document(), Document.class);
    assertBoundAsTheReference(ModelFixtures.appointment(), Appointment.class);
    assertBoundAsTheReference(ModelFixtures.episode(), Episode.class);
  }

  private static <T> void assertLeftToTheReference(String json, Class<T> type) {
    assertThat(FastBinding.read(json, type)).as(json).isNull();
    assertThat(FastBinding.read(json.getBytes(StandardCharsets.UTF_8), type)).as(json).isNull();
    assertParsedAsTheReference(json, type);
  }

  private static <T> void assertParsedAsTheReference(String json, Class<T> type) {
    Validated<T> reference = REFERENCE.parse(json, type);
    for (Validated<T> fast : List.of(FAST.parse(json, type), FAST.parse(json.getBytes(StandardCharsets.UTF_8), type))) {
      assertThat(fast.violations()).as(json).isEqualTo(reference.violations());
      assertThat(fast.value()).as(json).isEqualTo(reference.value());
    }
  }

  @Test
  void documentsOutsideThePlainShapeAreLeftToTheReference() {
    String contact = ModelJson.toJson(ModelFixtures.contact());
    assertThat(contact).startsWith("{\"id\":\"");
    assertLeftToTheReference(contact.replace("{\"id\":", "{\"id\":\"c0\",\"id\":"), Contact.class);
    assertLeftToTheReference(contact.replace("{\"id\":", "{\"Id\":\"c0\",\"id\":"), Contact.class);
    assertLeftToTheReference(contact.replace("{\"id\":", "{\"staffId\":null,\"id\":"), Contact.class);
    assertLeftToTheReference(contact.replace("{\"id\":", "{\"minutes\":1.0,\"id\":"), Contact.class);
    assertLeftToTheReference(contact.replace("{\"id\":", "{\"minutes\":\"5\",\"id\":"), Contact.class);
    assertLeftToTheReference(contact.replace("{\"id\":", "{\"minutes\":3000000000,\"id\":"), Contact.class);
    assertLeftToTheReference(contact.replace("{\"id\":", "{\"memberEngaged\":1,\"id\":"), Contact.class);
    assertLeftToTheReference(contact.replace("{\"id\":", "{\"topics\":\"SAFETY\",\"id\":"), Contact.class);
    assertLeftToTheReference(contact.replace("{\"id\":", "{\"topics\":[null],\"id\":"), Contact.class);
    assertLeftToTheReference(contact.replace("{\"id\":\"", "{\"id\":\"\\ud800"), Contact.class);
    assertLeftToTheReference(contact + " {}", Contact.class);
    assertLeftToTheReference(contact.substring(0, contact.length() - 1), Contact.class);
    assertLeftToTheReference("null", Contact.class);
    assertLeftToTheReference("[]", Contact.class);
    assertLeftToTheReference("", Contact.class);
    assertLeftToTheReference("{}", Contact.class);
    String record = ModelJson.toJson(ModelFixtures.caseRecord());
    assertLeftToTheReference(record.replaceFirst("\"at\":\"[^\"]*\"", "\"at\":\"2024-02-30T10:00:00Z\""), CaseRecord.class);
    assertLeftToTheReference(record.replaceFirst("\"at\":\"[^\"]*\"", "\"at\":\" 2024-02-03T10:00:00Z\""), CaseRecord.class);
  }

  @Test
  void aBrokenRuleIsReportedAsTheReferenceReportsIt() {
    // bound here, then the validator's rules: a blank id, a date out of range
    String contact = ModelJson.toJson(ModelFixtures.contact());
    assertParsedAsTheReference(contact.replaceFirst("\"id\":\"[^\"]*\"", "\"id\":\" \""), Contact.class);
    assertParsedAsTheReference(contact.replaceFirst("\"at\":\"[^\"]*\"", "\"at\":\"1850-01-01T00:00:00Z\""), Contact.class);
    assertParsedAsTheReference(contact.replaceFirst("\"minutes\":[0-9]+", "\"minutes\":-3"), Contact.class);
    // an empty string in an optional is a present, blank value on both paths (the builder refuses it)
    assertThat(contact).contains("\"staffId\":\"");
    String blankStaff = contact.replaceFirst("\"staffId\":\"[^\"]*\"", "\"staffId\":\"\"");
    assertParsedAsTheReference(blankStaff, Contact.class);
    assertThat(FAST.parse(blankStaff, Contact.class).violations()).containsExactly(Violation.of("$.staffId", "must not be blank"));
  }

  /** {@code json} with the first match of {@code regex} replaced by {@code text} as it is. */
  private static String withFirst(String json, String regex, String text) {
    return json.replaceFirst(regex, java.util.regex.Matcher.quoteReplacement(text));
  }

  /** Bound here from its bytes (not left), to the reference's value. */
  private static <T> void assertBoundFromBytesAsTheReference(byte[] json, Class<T> type) throws Exception {
    T reference = ModelJson.reader(type).readValue(json);
    assertThat(FastBinding.read(json, type)).as(new String(json, StandardCharsets.UTF_8))
        .isNotNull().isEqualTo(reference).hasToString(reference.toString());
  }

  private static <T> void assertBoundFromBytesAsTheReference(String json, Class<T> type) throws Exception {
    assertBoundFromBytesAsTheReference(json.getBytes(StandardCharsets.UTF_8), type);
    assertParsedAsTheReference(json, type);
  }

  @Test
  void stringsThatAreNotPlainAsciiAreReadAsJacksonDecodesThem() throws Exception {
    // codes, instants and text are read from the parser's bytes when they are plain ASCII; anything
    // else (escapes, multi-byte characters, long text) through Jackson's decoding, to the same value
    String contact = ModelJson.toJson(ModelFixtures.contact());
    assertThat(contact).contains("\"mode\":\"IN_PERSON\"").contains("\"at\":\"2024-");
    String id = "\"id\":\"[^\"]*\"";
    assertBoundFromBytesAsTheReference(withFirst(contact, id, "\"id\":\"caf\u00e9 \u2603 \ud83d\ude00\""), Contact.class);
    assertBoundFromBytesAsTheReference(withFirst(contact, id, "\"id\":\"a\\\"b\\\\c\\u0041\\n\""), Contact.class);
    assertBoundFromBytesAsTheReference(withFirst(contact, id, "\"id\":\"\u007f~ !\""), Contact.class);
    assertBoundFromBytesAsTheReference(withFirst(contact, id, "\"id\":\"" + "x".repeat(4095) + "\""), Contact.class);
    assertBoundFromBytesAsTheReference(withFirst(contact, id, "\"id\":\"" + "y".repeat(5000) + "\""), Contact.class);
    assertBoundFromBytesAsTheReference(contact.replace("\"IN_PERSON\"", "\"IN\\u005fPERSON\""), Contact.class);
    assertBoundFromBytesAsTheReference(contact.replace("\"at\":\"2024-", "\"at\":\"\\u0032024-"), Contact.class);
    assertBoundFromBytesAsTheReference(contact.replace("\"at\":\"2024-", "\"at\":\"2024\\u002d"), Contact.class);
    // a code, an instant or a text that is not one stays refused, whichever way it is written
    assertLeftToTheReference(contact.replace("\"IN_PERSON\"", "\"IN_PERSO\""), Contact.class);
    assertLeftToTheReference(contact.replace("\"IN_PERSON\"", "\"IN_PERSONS\""), Contact.class);
    assertLeftToTheReference(contact.replace("\"IN_PERSON\"", "\"in_person\""), Contact.class);
    assertLeftToTheReference(contact.replace("\"IN_PERSON\"", "\"IN_PERS\u00d6N\""), Contact.class);
    assertLeftToTheReference(contact.replace("\"IN_PERSON\"", "\"\""), Contact.class);
    assertLeftToTheReference(contact.replace("\"IN_PERSON\"", "\"IN\tPERSON\""), Contact.class);
    assertLeftToTheReference(contact.replace("\"at\":\"2024-", "\"at\":\"2024\u2010"), Contact.class);
    assertLeftToTheReference(withFirst(contact, id, "\"id\":\"c\u0001\""), Contact.class);
    assertLeftToTheReference(withFirst(contact, id, "\"id\":\"c"), Contact.class);
    // documents Jackson's bootstrapping does not read as plain UTF-8 from an object's first byte
    byte[] utf8 = contact.getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[utf8.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(utf8, 0, bom, 3, utf8.length);
    assertBoundFromBytesAsTheReference(bom, Contact.class);
    assertBoundFromBytesAsTheReference(contact.getBytes(StandardCharsets.UTF_16BE), Contact.class);
    assertBoundFromBytesAsTheReference(contact.getBytes(StandardCharsets.UTF_16LE), Contact.class);
    assertBoundFromBytesAsTheReference((" \n" + contact).getBytes(StandardCharsets.UTF_8), Contact.class);
  }

  @Test
  void everyCodeIsMatchedOnTheBytesAndNearMissesAreNot() throws Exception {
    // every constant of the contact's enum types, short and long (over sixteen bytes) names, as
    // the first, a middle and the last element of a set, and as single codes
    Contact all = Contact.builder().from(ModelFixtures.contact())
        .topics(java.util.EnumSet.allOf(Topic.class)).parties(java.util.EnumSet.allOf(Party.class)).build();
    assertBoundFromBytesAsTheReference(ModelJson.toJson(all), Contact.class);
    for (ContactMode mode : ContactMode.values()) {
      for (ContactKind kind : ContactKind.values()) {
        Contact one = Contact.builder().from(ModelFixtures.contact()).mode(mode).kind(kind).build();
        assertBoundFromBytesAsTheReference(ModelJson.toJson(one), Contact.class);
      }
    }
    String contact = ModelJson.toJson(all);
    for (Topic topic : Topic.values()) {
      String name = topic.name();
      String code = "\"" + name + "\"";
      assertThat(contact).contains(code);
      // a near miss is no code, however long the name (the reference names it)
      for (String miss : List.of(name.substring(0, name.length() - 1), name + "S", name + "_",
          name.substring(0, name.length() - 1) + (char) (name.charAt(name.length() - 1) ^ 1),
          (char) (name.charAt(0) ^ 1) + name.substring(1), name.toLowerCase(java.util.Locale.ROOT), name + " ",
          name + "\\u0000", name + "\\\"", name + (char) 0, name + "\u00e9", name.substring(0, name.length() - 1) + (char) 0)) {
        assertLeftToTheReference(contact.replace(code, "\"" + miss + "\""), Contact.class);
      }
      // the same code written with an escape, anywhere in it, is that code
      for (int i : new int[] {0, name.length() / 2, name.length() - 1}) {
        String escaped = name.substring(0, i) + String.format("\\u%04x", (int) name.charAt(i)) + name.substring(i + 1);
        assertBoundFromBytesAsTheReference(contact.replace(code, "\"" + escaped + "\""), Contact.class);
      }
    }
    // a code that ends the bytes of a document (no room for the words after it) is still read
    String mode = "\"mode\":\"" + ContactMode.IN_PERSON.name() + "\"";
    assertThat(contact).contains(mode);
    String last = "{" + contact.substring(1).replace(mode + ",", "").replace("}", "," + mode + "}");
    assertBoundFromBytesAsTheReference(last, Contact.class);
  }

  @Test
  void rulesCheckedBeforeConstructionAreSkippedOnlyForThatValue() throws Exception {
    // a value bound here has its single-field rules checked on its fields, then its @Value.Check
    // skips them once; nothing of that carries over to the next value built on this thread
    String contact = ModelJson.toJson(ModelFixtures.contact());
    assertThat(FastBinding.read(contact.getBytes(StandardCharsets.UTF_8), Contact.class)).isNotNull();
    assertThat(ModelRules.state().checked).isNull();
    Contact built = ModelFixtures.contact();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Contact.builder().from(built).id(" ").build())
        .isInstanceOf(ModelInvariantException.class).hasMessageContaining("must not be blank");
    // a broken rule leaves, for each kind of rule and shape of attribute, and the reference names it
    String blankId = withFirst(contact, "\"id\":\"[^\"]*\"", "\"id\":\"\\t\"");
    assertLeftToTheReference(blankId, Contact.class);
    assertThat(ModelRules.state().checked).isNull();
    assertLeftToTheReference(contact.replaceFirst("\"minutes\":[0-9]+", "\"minutes\":-1"), Contact.class);
    assertLeftToTheReference(contact.replaceFirst("\"at\":\"[^\"]*\"", "\"at\":\"2101-01-01T00:00:00Z\""), Contact.class);
    assertLeftToTheReference(contact.replaceFirst("\"staffId\":\"[^\"]*\"", "\"staffId\":\"  \""), Contact.class);
    String document = ModelJson.toJson(ModelFixtures.document());
    assertThat(document).contains("\"staffSignatures\":[\"");
    assertLeftToTheReference(document.replace("\"staffSignatures\":[\"", "\"staffSignatures\":[\" \",\""), Document.class);
    assertThat(FastBinding.read(document.getBytes(StandardCharsets.UTF_8), Document.class)).isNotNull();
    // while the rules are suspended (the validator listing every violation), nothing is skipped or checked
    Contact unchecked = ModelRules.unchecked(() -> Contact.builder().from(built).id(" ").build());
    assertThat(unchecked.id()).isEqualTo(" ");
    assertThat(ModelRules.unchecked(() -> ModelRules.unchecked(() -> 1))).isEqualTo(1);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Contact.builder().from(built).id(" ").build())
        .isInstanceOf(ModelInvariantException.class);
  }

  @Test
  void randomlyMutatedDocumentsAreParsedAsTheReferenceParsesThem() {
    String json = ModelJson.toJson(ModelFixtures.caseRecord());
    String alphabet = "{}[]\":,0123456789-.eE+TZ tfnul\\/ab\u0007\t";
    Random random = new Random(1919);
    for (int i = 0; i < 1000; i++) {
      assertParsedAsTheReference(TextMutations.mutate(json, alphabet, random), CaseRecord.class);
    }
  }

  @Test
  void threadsReusingTheirArgumentArraysBindAsTheReference() throws Exception {
    // each thread reuses its constructor-argument arrays from value to value and document to
    // document, also after a document that leaves half-way (the mutated ones)
    String record = ModelJson.toJson(ModelFixtures.caseRecord());
    String member = ModelJson.toJson(ModelFixtures.member());
    String program = ModelJson.toJson(ModelFixtures.program());
    CaseRecord recordRef = ModelJson.reader(CaseRecord.class).readValue(record);
    Member memberRef = ModelJson.reader(Member.class).readValue(member);
    Program programRef = ModelJson.reader(Program.class).readValue(program);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        long seed = 7 + t;
        results.add(pool.submit(() -> {
          Random random = new Random(seed);
          int bound = 0;
          for (int i = 0; i < 300; i++) {
            assertThat(FastBinding.read(record.getBytes(StandardCharsets.UTF_8), CaseRecord.class))
                .isEqualTo(recordRef).hasToString(recordRef.toString());
            assertThat(FastBinding.read(member, Member.class)).isEqualTo(memberRef);
            String truncated = record.substring(0, random.nextInt(record.length()));
            assertThat(FastBinding.read(truncated, CaseRecord.class)).isNull();
            assertThat(FastBinding.read(program, Program.class)).isEqualTo(programRef)
                .hasToString(programRef.toString());
            bound += 3;
          }
          return bound;
        }));
      }
      for (java.util.concurrent.Future<Integer> result : results) {
        assertThat(result.get()).isEqualTo(900);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theDateOfBirthRuleSeesEveryDatedFactReadHere() throws Exception {
    // the record's rule is skipped only when no instant or date read here is before the day of
    // birth: a fact moved before it, by an instant or by a date, is still found and named
    assertThat(FastBinding.supports(CaseRecord.class)).isTrue();
    assertThat(FastBinding.seesEveryDatedFact()).isTrue();
    String record = ModelJson.toJson(ModelFixtures.caseRecord());
    CaseRecord bound = FastBinding.read(record, CaseRecord.class);
    assertThat(bound).isEqualTo(ModelJson.reader(CaseRecord.class).readValue(record));
    String born = ModelFixtures.MEMBER_DATE_OF_BIRTH.toString();
    assertThat(record).contains("\"dateOfBirth\":\"" + born + "\"");
    // a contact the day before the birth (America/New_York), the day of birth itself, and a date
    for (String at : List.of("1994-07-22T12:00:00Z", "1994-07-23T03:59:59Z", "1994-07-23T04:00:00Z")) {
      String moved = record.replaceFirst("\"at\":\"[^\"]*\"", "\"at\":\"" + at + "\"");
      assertThat(moved).isNotEqualTo(record);
      assertParsedAsTheReference(moved, CaseRecord.class);
    }
    assertThat(REFERENCE.parse(record.replaceFirst("\"at\":\"[^\"]*\"", "\"at\":\"1994-07-22T12:00:00Z\""),
        CaseRecord.class).violations()).extracting(Violation::path).contains("$.member.dateOfBirth");
    java.util.regex.Matcher date = java.util.regex.Pattern.compile("\"(\\w+)\":\"(20\\d\\d-\\d\\d-\\d\\d)\"").matcher(record);
    assertThat(date.find()).as("a date in the record").isTrue();
    for (String day : List.of("1994-07-22", "1994-07-23")) {
      assertParsedAsTheReference(record.substring(0, date.start(2)) + day + record.substring(date.end(2)), CaseRecord.class);
    }
  }
}

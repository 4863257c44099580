package org.perfspecs.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Fills row values from a JSON tree field by field, by name, as a schema declares them: this is how
 * a finding's columns follow {@link org.perfspecs.checks.engine.FindingJson} without a second
 * mapping. An absent or null field is null.
 */
final class JsonRows {
  private JsonRows() {}

  /** The values of {@code type}'s fields taken from {@code node}, into {@code out} from {@code offset}. */
  static void fill(JsonNode node, StructType type, Object[] out, int offset) {
    StructField[] fields = type.fields();
    for (int i = 0; i < fields.length; i++) {
      out[offset + i] = value(node.get(fields[i].name()), fields[i].dataType());
    }
  }

  private static Object value(JsonNode node, DataType type) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (type.equals(DataTypes.StringType)) {
      return node.asText();
    }
    if (type.equals(DataTypes.LongType)) {
      return node.asLong();
    }
    if (type.equals(DataTypes.IntegerType)) {
      return node.asInt();
    }
    if (type.equals(DataTypes.BooleanType)) {
      return node.asBoolean();
    }
    if (type.equals(DataTypes.DoubleType)) {
      return node.asDouble();
    }
    if (type instanceof ArrayType array) {
      List<Object> values = new ArrayList<>(node.size());
      for (JsonNode element : node) {
        values.add(value(element, array.elementType()));
      }
      return scala.jdk.javaapi.CollectionConverters.asScala(values).toSeq();
    }
    if (type instanceof StructType struct) {
      Object[] values = new Object[struct.fields().length];
      fill(node, struct, values, 0);
      return org.apache.spark.sql.RowFactory.create(values);
    }
    throw new IllegalArgumentException("no JSON mapping for the column type " + type.simpleString());
  }
}

package dev.sluice.tests.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.runtime.AbstractHerder;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/**
 * Kafka Connect 4.3.1 as the reference for tests/connect: one JSON case a line on stdin, one
 * JSON answer a line on stdout, until stdin closes. Values travel in a tagged form both sides
 * read and write ({"i":"12"} integers, {"f":1.5} floats, {"b":base64} bytes, {"d":unscaled,
 * "scale":n} decimals, {"t":millis} dates, {"m":[[k,v]...]} maps, {"struct":{...}} structs);
 * schemas in JsonConverter's own schema JSON.
 */
public final class ConnectPeer {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonConverter SCHEMAS = new JsonConverter();

  static {
    SCHEMAS.configure(Map.of("schemas.enable", "true", "converter.type", "value"));
  }

  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isBlank()) continue;
      JsonNode request = MAPPER.readTree(line);
      ObjectNode answer = NODES.objectNode();
      answer.set("id", request.get("id"));
      try {
        answer.set("result", handle(request));
      } catch (Throwable e) {
        answer.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      out.println(MAPPER.writeValueAsString(answer));
    }
  }

  private static JsonNode handle(JsonNode request) throws Exception {
    switch (request.get("op").asText()) {
      case "toJson": {
        JsonConverter converter = new JsonConverter();
        converter.configure(stringMap(request.get("config")), request.path("isKey").asBoolean(false));
        Schema schema = schemaOf(request.get("schema"));
        byte[] bytes = converter.fromConnectData("t", schema, decode(schema, request.get("value")));
        return bytes == null ? NODES.nullNode() : NODES.textNode(Base64.getEncoder().encodeToString(bytes));
      }
      case "fromJson": {
        JsonConverter converter = new JsonConverter();
        converter.configure(stringMap(request.get("config")), request.path("isKey").asBoolean(false));
        JsonNode b = request.get("bytes");
        SchemaAndValue read = converter.toConnectData("t", b.isNull() ? null : Base64.getDecoder().decode(b.asText()));
        return schemaAndValue(read.schema(), read.value());
      }
      case "storageRecord": {
        // A record of Connect's config or status topic as Kafka writes it: the store's own schema
        // constant (private ones too) through the worker's internal converter (JsonConverter, schemas.enable=false).
        java.lang.reflect.Field constant = Class.forName(request.get("class").asText()).getDeclaredField(request.get("field").asText());
        constant.setAccessible(true);
        Schema schema = (Schema) constant.get(null);
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "false"), false);
        return NODES.textNode(new String(converter.fromConnectData("t", schema, decode(schema, request.get("value"))), StandardCharsets.UTF_8));
      }
      case "fromConnect": {
        Converter converter = (Converter) Class.forName(request.get("class").asText()).getDeclaredConstructor().newInstance();
        converter.configure(stringMap(request.get("config")), request.path("isKey").asBoolean(false));
        Schema schema = schemaOf(request.get("schema"));
        byte[] bytes = converter.fromConnectData("t", schema, decode(schema, request.get("value")));
        return bytes == null ? NODES.nullNode() : NODES.textNode(Base64.getEncoder().encodeToString(bytes));
      }
      case "toConnect": {
        Converter converter = (Converter) Class.forName(request.get("class").asText()).getDeclaredConstructor().newInstance();
        converter.configure(stringMap(request.get("config")), request.path("isKey").asBoolean(false));
        JsonNode b = request.get("bytes");
        SchemaAndValue read = converter.toConnectData("t", b.isNull() ? null : Base64.getDecoder().decode(b.asText()));
        return schemaAndValue(read.schema(), read.value());
      }
      case "headerFrom": {
        Schema schema = schemaOf(request.get("schema"));
        byte[] bytes = new SimpleHeaderConverter().fromConnectHeader("t", "h", schema, decode(schema, request.get("value")));
        return bytes == null ? NODES.nullNode() : NODES.textNode(new String(bytes, StandardCharsets.UTF_8));
      }
      case "headerTo": {
        JsonNode text = request.get("text");
        SchemaAndValue read = new SimpleHeaderConverter().toConnectHeader("t", "h", text.isNull() ? null : text.asText().getBytes(StandardCharsets.UTF_8));
        // Values.parseString gives null (not SchemaAndValue.NULL) for the text "null".
        return read == null ? schemaAndValue(null, null) : schemaAndValue(read.schema(), read.value());
      }
      case "transform": {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Transformation t = (Transformation) Class.forName(request.get("class").asText()).getDeclaredConstructor().newInstance();
        t.configure(stringMap(request.get("config")));
        ArrayNode results = NODES.arrayNode();
        for (JsonNode r : request.get("records")) {
          try {
            @SuppressWarnings("unchecked")
            ConnectRecord<?> out = (ConnectRecord<?>) t.apply(record(r));
            results.add(out == null ? NODES.objectNode().put("dropped", true) : record(out));
          } catch (Throwable e) {
            results.add(NODES.objectNode().put("error", e.getClass().getSimpleName() + ": " + e.getMessage()));
          }
        }
        return results;
      }
      case "predicate": {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Predicate p = (Predicate) Class.forName(request.get("class").asText()).getDeclaredConstructor().newInstance();
        p.configure(stringMap(request.get("config")));
        ArrayNode results = NODES.arrayNode();
        for (JsonNode r : request.get("records")) results.add(p.test(record(r)));
        return results;
      }
      case "validate": {
        // What Kafka Connect's /connector-plugins/{plugin}/config/validate answers for a plugin's ConfigDef.
        Object plugin = Class.forName(request.get("class").asText()).getDeclaredConstructor().newInstance();
        ConfigDef def;
        if (plugin instanceof Transformation) def = ((Transformation<?>) plugin).config();
        else if (plugin instanceof Predicate) def = ((Predicate<?>) plugin).config();
        else if (plugin instanceof Converter) def = ((Converter) plugin).config();
        else def = ((HeaderConverter) plugin).config();
        Map<String, String> props = new HashMap<>();
        stringMap(request.get("config")).forEach((k, v) -> props.put(k, (String) v));
        List<ConfigValue> values = def.validate(props);
        ConfigInfos infos = AbstractHerder.generateResult(request.get("class").asText(), def.configKeys(), values, def.groups());
        return MAPPER.valueToTree(infos);
      }
      case "signRequest":
        return InternalRequests.sign(request);
      case "verifyRequest":
        return InternalRequests.verify(request);
      case "keyLength":
        return InternalRequests.keyLength(request);
      case "readSignature":
        return InternalRequests.read(request);
      case "signingSettings":
        return InternalRequests.signingSettings(request);
      case "restTlsListen":
        return RestTls.listen(request);
      case "restTlsStopAll":
        return RestTls.stopAll();
      case "pkcs12TrustStore":
        return RestTls.pkcs12TrustStore(request);
      default:
        throw new IllegalArgumentException("unknown op " + request.get("op"));
    }
  }

  private static Map<String, Object> stringMap(JsonNode node) {
    Map<String, Object> map = new HashMap<>();
    if (node != null) node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
    return map;
  }

  private static Schema schemaOf(JsonNode json) {
    return json == null || json.isNull() ? null : SCHEMAS.asConnectSchema(json);
  }

  private static JsonNode schemaJson(Schema schema) {
    return schema == null ? NODES.nullNode() : SCHEMAS.asJsonSchema(schema);
  }

  private static JsonNode schemaAndValue(Schema schema, Object value) {
    ObjectNode node = NODES.objectNode();
    node.set("schema", schemaJson(schema));
    node.set("value", encode(value));
    return node;
  }

  private static ConnectRecord<?> record(JsonNode r) {
    Schema keySchema = schemaOf(r.get("keySchema"));
    Schema valueSchema = schemaOf(r.get("valueSchema"));
    Object key = decode(keySchema, r.get("key"));
    Object value = decode(valueSchema, r.get("value"));
    Integer partition = r.hasNonNull("partition") ? r.get("partition").asInt() : null;
    Long timestamp = r.hasNonNull("timestamp") ? r.get("timestamp").asLong() : null;
    ConnectHeaders headers = new ConnectHeaders();
    if (r.has("headers")) {
      for (JsonNode h : r.get("headers")) {
        Schema hs = schemaOf(h.get("schema"));
        headers.add(h.get("key").asText(), decode(hs, h.get("value")), hs);
      }
    }
    String topic = r.get("topic").asText();
    if (r.hasNonNull("offset")) return new SinkRecord(topic, partition == null ? 0 : partition, keySchema, key, valueSchema, value, r.get("offset").asLong(), timestamp, org.apache.kafka.common.record.TimestampType.CREATE_TIME, headers);
    return new SourceRecord(Map.of("p", 1), Map.of("o", 1), topic, partition, keySchema, key, valueSchema, value, timestamp, headers);
  }

  private static JsonNode record(ConnectRecord<?> r) {
    ObjectNode node = NODES.objectNode();
    node.put("topic", r.topic());
    if (r.kafkaPartition() == null) node.putNull("partition");
    else node.put("partition", r.kafkaPartition());
    node.set("keySchema", schemaJson(r.keySchema()));
    node.set("key", encode(r.key()));
    node.set("valueSchema", schemaJson(r.valueSchema()));
    node.set("value", encode(r.value()));
    if (r.timestamp() == null) node.putNull("timestamp");
    else node.put("timestamp", r.timestamp());
    ArrayNode headers = node.putArray("headers");
    for (Header h : r.headers()) {
      ObjectNode hn = headers.addObject();
      hn.put("key", h.key());
      hn.set("schema", schemaJson(h.schema()));
      hn.set("value", encode(h.value()));
    }
    return node;
  }

  /** A tagged value as a Java value of the schema's type (schemaless integers are Longs, as JSON gives them). */
  private static Object decode(Schema schema, JsonNode n) {
    if (n == null || n.isNull()) return null;
    if (n.isBoolean()) return n.booleanValue();
    if (n.isTextual()) return n.textValue();
    if (n.isArray()) {
      List<Object> list = new ArrayList<>();
      for (JsonNode e : n) list.add(decode(schema == null ? null : schema.valueSchema(), e));
      return list;
    }
    Schema.Type type = schema == null ? null : schema.type();
    if (n.has("i")) {
      BigInteger v = new BigInteger(n.get("i").asText());
      if (type == null) return v.longValue();
      switch (type) {
        case INT8: return v.byteValue();
        case INT16: return v.shortValue();
        case INT32: return v.intValue();
        case FLOAT32: return v.floatValue();
        case FLOAT64: return v.doubleValue();
        default: return v.longValue();
      }
    }
    if (n.has("f")) return type == Schema.Type.FLOAT32 ? (Object) (float) n.get("f").doubleValue() : (Object) n.get("f").doubleValue();
    if (n.has("b")) return Base64.getDecoder().decode(n.get("b").asText());
    if (n.has("d")) return new BigDecimal(new BigInteger(n.get("d").asText()), n.get("scale").asInt());
    if (n.has("t")) return new java.util.Date(n.get("t").asLong());
    if (n.has("m")) {
      Map<Object, Object> map = new LinkedHashMap<>();
      for (JsonNode e : n.get("m")) map.put(decode(schema == null ? null : schema.keySchema(), e.get(0)), decode(schema == null ? null : schema.valueSchema(), e.get(1)));
      return map;
    }
    if (n.has("struct")) {
      Struct s = new Struct(schema);
      for (Field f : schema.fields()) {
        JsonNode v = n.get("struct").get(f.name());
        if (v != null && !v.isNull()) s.put(f, decode(f.schema(), v));
      }
      return s;
    }
    throw new IllegalArgumentException("cannot decode " + n);
  }

  private static JsonNode encode(Object v) {
    if (v == null) return NODES.nullNode();
    if (v instanceof Boolean) return NODES.booleanNode((Boolean) v);
    if (v instanceof String) return NODES.textNode((String) v);
    if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long || v instanceof BigInteger) return NODES.objectNode().put("i", v.toString());
    if (v instanceof Float) return NODES.objectNode().put("f", (double) (Float) v);
    if (v instanceof Double) return NODES.objectNode().put("f", (Double) v);
    if (v instanceof byte[]) return NODES.objectNode().put("b", Base64.getEncoder().encodeToString((byte[]) v));
    if (v instanceof ByteBuffer) {
      ByteBuffer b = ((ByteBuffer) v).duplicate();
      byte[] bytes = new byte[b.remaining()];
      b.get(bytes);
      return NODES.objectNode().put("b", Base64.getEncoder().encodeToString(bytes));
    }
    if (v instanceof BigDecimal) return NODES.objectNode().put("d", ((BigDecimal) v).unscaledValue().toString()).put("scale", ((BigDecimal) v).scale());
    if (v instanceof java.util.Date) return NODES.objectNode().put("t", ((java.util.Date) v).getTime());
    if (v instanceof List) {
      ArrayNode a = NODES.arrayNode();
      for (Object e : (List<?>) v) a.add(encode(e));
      return a;
    }
    if (v instanceof Map) {
      List<ArrayNode> entries = new ArrayList<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) entries.add(NODES.arrayNode().add(encode(e.getKey())).add(encode(e.getValue())));
      entries.sort(Comparator.comparing(e -> e.get(0).toString()));
      ObjectNode m = NODES.objectNode();
      m.putArray("m").addAll(entries);
      return m;
    }
    if (v instanceof Struct) {
      Struct s = (Struct) v;
      ObjectNode fields = NODES.objectNode();
      for (Field f : s.schema().fields()) fields.set(f.name(), encode(s.getWithoutDefault(f.name())));
      return NODES.objectNode().set("struct", fields);
    }
    return NODES.objectNode().put("unknown", v.getClass().getName() + ":" + v);
  }
}

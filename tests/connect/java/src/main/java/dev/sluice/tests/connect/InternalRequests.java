package dev.sluice.tests.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.HttpHeaders;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.runtime.distributed.Crypto;
import org.apache.kafka.connect.runtime.distributed.DistributedConfig;
import org.apache.kafka.connect.runtime.rest.InternalRequestSignature;
import org.apache.kafka.connect.runtime.rest.errors.BadRequestException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;

/**
 * Signed requests between Connect workers (KIP-507) as Kafka 4.3.1 makes and checks them: the
 * headers InternalRequestSignature.addToRequest puts on a Jetty request (never sent), the verdict
 * of fromHeaders and isValid on headers another worker sent, and the key length Java's
 * KeyGenerator gives an algorithm. Keys and bodies travel in base64.
 */
final class InternalRequests {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private InternalRequests() {}

  static JsonNode sign(JsonNode request) throws Exception {
    SecretKey key = key(request);
    HttpClient client = new HttpClient();
    Request req = client.newRequest("http://localhost/");
    InternalRequestSignature.addToRequest(Crypto.SYSTEM, key, bytes(request.get("body")), request.get("algorithm").asText(), req);
    ObjectNode out = NODES.objectNode();
    out.put(InternalRequestSignature.SIGNATURE_HEADER, req.getHeaders().get(InternalRequestSignature.SIGNATURE_HEADER));
    out.put(InternalRequestSignature.SIGNATURE_ALGORITHM_HEADER, req.getHeaders().get(InternalRequestSignature.SIGNATURE_ALGORITHM_HEADER));
    return out;
  }

  /** null when fromHeaders finds no signature, else whether isValid accepts it. */
  static JsonNode verify(JsonNode request) throws Exception {
    InternalRequestSignature signature = InternalRequestSignature.fromHeaders(Crypto.SYSTEM, bytes(request.get("body")), headers(request));
    return signature == null ? NODES.nullNode() : NODES.booleanNode(signature.isValid(key(request)));
  }

  /**
   * What fromHeaders makes of the headers: {"badRequest": message} when it refuses them (Kafka's
   * 400), null without a signature, else the algorithm as keyAlgorithm() gives it and the decoded
   * signature (its private field, read by reflection) in base64.
   */
  static JsonNode read(JsonNode request) throws Exception {
    InternalRequestSignature signature;
    try {
      signature = InternalRequestSignature.fromHeaders(Crypto.SYSTEM, new byte[0], headers(request));
    } catch (BadRequestException e) {
      return NODES.objectNode().put("badRequest", e.getMessage());
    }
    if (signature == null) return NODES.nullNode();
    Field bytes = InternalRequestSignature.class.getDeclaredField("requestSignature");
    bytes.setAccessible(true);
    return NODES.objectNode().put("keyAlgorithm", signature.keyAlgorithm()).put("signature", Base64.getEncoder().encodeToString((byte[]) bytes.get(signature)));
  }

  /**
   * A distributed worker's signing settings as Kafka's DistributedConfig takes them: its
   * signature algorithm and verification list (which DistributedHerder looks a request's
   * keyAlgorithm() up in), or {"configError": message} when it refuses them.
   */
  static JsonNode signingSettings(JsonNode request) {
    Map<String, String> props = new HashMap<>();
    request.get("settings").fields().forEachRemaining(e -> props.put(e.getKey(), e.getValue().asText()));
    DistributedConfig config;
    try {
      config = new DistributedConfig(props);
    } catch (ConfigException e) {
      return NODES.objectNode().put("configError", e.getMessage());
    }
    ObjectNode out = NODES.objectNode();
    out.put("signatureAlgorithm", config.getString(DistributedConfig.INTER_WORKER_SIGNATURE_ALGORITHM_CONFIG));
    config.getList(DistributedConfig.INTER_WORKER_VERIFICATION_ALGORITHMS_CONFIG).forEach(out.putArray("verificationAlgorithms")::add);
    return out;
  }

  private static HttpHeaders headers(JsonNode request) {
    Map<String, String> headers = new HashMap<>();
    request.get("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
    return (HttpHeaders) Proxy.newProxyInstance(HttpHeaders.class.getClassLoader(), new Class<?>[] {HttpHeaders.class}, (proxy, method, args) -> {
      if (method.getName().equals("getHeaderString")) return headers.get((String) args[0]);
      throw new UnsupportedOperationException(method.getName());
    });
  }

  static JsonNode keyLength(JsonNode request) throws Exception {
    KeyGenerator generator = Crypto.SYSTEM.keyGenerator(request.get("algorithm").asText());
    if (request.hasNonNull("sizeBits")) generator.init(request.get("sizeBits").asInt());
    return NODES.numberNode(generator.generateKey().getEncoded().length);
  }

  private static SecretKey key(JsonNode request) {
    return new SecretKeySpec(bytes(request.get("key")), request.get("keyAlgorithm").asText());
  }

  private static byte[] bytes(JsonNode base64) {
    return Base64.getDecoder().decode(base64.asText());
  }
}

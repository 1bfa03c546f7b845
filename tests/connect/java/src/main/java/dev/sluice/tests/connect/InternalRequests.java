package dev.sluice.tests.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.HttpHeaders;
import java.lang.reflect.Proxy;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.connect.runtime.distributed.Crypto;
import org.apache.kafka.connect.runtime.rest.InternalRequestSignature;
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
    Map<String, String> headers = new HashMap<>();
    request.get("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
    HttpHeaders httpHeaders = (HttpHeaders) Proxy.newProxyInstance(HttpHeaders.class.getClassLoader(), new Class<?>[] {HttpHeaders.class}, (proxy, method, args) -> {
      if (method.getName().equals("getHeaderString")) return headers.get((String) args[0]);
      throw new UnsupportedOperationException(method.getName());
    });
    InternalRequestSignature signature = InternalRequestSignature.fromHeaders(Crypto.SYSTEM, bytes(request.get("body")), httpHeaders);
    return signature == null ? NODES.nullNode() : NODES.booleanNode(signature.isValid(key(request)));
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

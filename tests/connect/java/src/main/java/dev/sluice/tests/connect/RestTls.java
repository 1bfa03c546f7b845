package dev.sluice.tests.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.runtime.rest.RestServerConfig;
import org.apache.kafka.connect.runtime.rest.util.SSLUtils;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The TLS side of Kafka Connect 4.3.1's REST https listener: Jetty's SslContextFactory made by
 * Kafka's own SSLUtils.createServerSideSslContextFactory from the worker's settings (the
 * listeners.https. ones or the worker's ssl.*, as RestServer does), on a ServerConnector as
 * RestServer makes one, answering every request it lets through with 200. Java cannot read a
 * PEM trust store here, so pkcs12TrustStore writes the test's CA into a PKCS12 one.
 */
final class RestTls {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<Server> SERVERS = new ArrayList<>();

  private RestTls() {}

  /** Starts a listener on 127.0.0.1 with the worker settings in `settings`; answers its port. */
  static JsonNode listen(JsonNode request) throws Exception {
    Map<String, Object> props = new HashMap<>();
    request.get("settings").fields().forEachRemaining(e -> props.put(e.getKey(), e.getValue().asText()));
    RestServerConfig config = RestServerConfig.forPublic(null, props);
    SslContextFactory.Server ssl = SSLUtils.createServerSideSslContextFactory(config);
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server, ssl);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request req, Response res, Callback callback) {
        res.setStatus(200);
        callback.succeeded();
        return true;
      }
    });
    server.start();
    SERVERS.add(server);
    return NODES.numberNode(connector.getLocalPort());
  }

  static JsonNode stopAll() throws Exception {
    for (Server server : SERVERS) server.stop();
    SERVERS.clear();
    return NODES.nullNode();
  }

  /** Writes the certificates of the PEM file `pem` as trusted entries of a PKCS12 store at `path`. */
  static JsonNode pkcs12TrustStore(JsonNode request) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    try (InputStream in = new FileInputStream(request.get("pem").asText())) {
      int n = 0;
      for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) store.setCertificateEntry("ca-" + n++, cert);
    }
    try (OutputStream out = new FileOutputStream(request.get("path").asText())) {
      store.store(out, request.get("password").asText().toCharArray());
    }
    return NODES.nullNode();
  }
}

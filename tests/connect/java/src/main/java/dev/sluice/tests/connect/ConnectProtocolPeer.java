package dev.sluice.tests.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.common.message.JoinGroupRequestData.JoinGroupRequestProtocol;
import org.apache.kafka.common.message.JoinGroupRequestData.JoinGroupRequestProtocolCollection;
import org.apache.kafka.connect.runtime.distributed.ConnectProtocol;
import org.apache.kafka.connect.runtime.distributed.ExtendedAssignment;
import org.apache.kafka.connect.runtime.distributed.ExtendedWorkerState;
import org.apache.kafka.connect.runtime.distributed.IncrementalCooperativeConnectProtocol;
import org.apache.kafka.connect.util.ConnectorTaskId;

/**
 * Kafka Connect 4.3.1's own ConnectProtocol and IncrementalCooperativeConnectProtocol as the
 * reference for the Connect group protocol's bytes: one JSON case a line on stdin, one JSON answer
 * a line on stdout ({"failure": ...} when Java throws). Cases: {"op":"metadata","protocol":"eager|compatible|sessioned",...worker
 * state} gives the JoinGroup protocols a worker offers (names and metadata as hex);
 * {"op":"assignment","version":n,...} the assignment's bytes; {"op":"decodeAssignment","hex"} and
 * {"op":"decodeMetadata","hex"} what Java reads from bytes. Assignments are {"error", "leader",
 * "leaderUrl", "offset", "connectors", "tasks":[[connector, n]], "revokedConnectors",
 * "revokedTasks", "delay"}; offsets travel as strings.
 */
public final class ConnectProtocolPeer {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final HexFormat HEX = HexFormat.of();

  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isBlank()) continue;
      ObjectNode answer;
      try {
        answer = handle(MAPPER.readTree(line));
      } catch (Exception e) {
        answer = NODES.objectNode().put("failure", e.getClass().getName() + ": " + e.getMessage());
      }
      System.out.println(MAPPER.writeValueAsString(answer));
      System.out.flush();
    }
  }

  private static ObjectNode handle(JsonNode c) {
    ObjectNode out = NODES.objectNode();
    switch (c.get("op").asText()) {
      case "metadata": {
        ExtendedAssignment assignment = c.get("assignment").isNull() ? null : assignment(c.get("assignment"), (short) 1);
        ExtendedWorkerState state = new ExtendedWorkerState(c.get("url").asText(), Long.parseLong(c.get("offset").asText()), assignment);
        String protocol = c.get("protocol").asText();
        JoinGroupRequestProtocolCollection protocols = protocol.equals("eager")
            ? ConnectProtocol.metadataRequest(state)
            : IncrementalCooperativeConnectProtocol.metadataRequest(state, protocol.equals("sessioned"));
        ArrayNode list = out.putArray("protocols");
        for (JoinGroupRequestProtocol p : protocols) list.addObject().put("name", p.name()).put("metadata", HEX.formatHex(p.metadata()));
        return out;
      }
      case "assignment": {
        short version = (short) c.get("version").asInt();
        ByteBuffer bytes = version == 0
            ? ConnectProtocol.serializeAssignment(new ConnectProtocol.Assignment((short) c.get("error").asInt(), c.get("leader").asText(), c.get("leaderUrl").asText(), Long.parseLong(c.get("offset").asText()), strings(c.get("connectors")), tasks(c.get("tasks"))))
            : IncrementalCooperativeConnectProtocol.serializeAssignment(assignment(c, version), version >= 2);
        return out.put("hex", hex(bytes));
      }
      case "decodeAssignment":
        return describe(IncrementalCooperativeConnectProtocol.deserializeAssignment(ByteBuffer.wrap(HEX.parseHex(c.get("hex").asText()))));
      case "decodeMetadata": {
        ExtendedWorkerState state = IncrementalCooperativeConnectProtocol.deserializeMetadata(ByteBuffer.wrap(HEX.parseHex(c.get("hex").asText())));
        out.put("url", state.url()).put("offset", Long.toString(state.offset()));
        ExtendedAssignment a = state.assignment();
        if (a == null || a == ExtendedAssignment.empty()) out.putNull("assignment");
        else out.set("assignment", describe(a));
        return out;
      }
      default:
        throw new IllegalArgumentException("unknown op " + c.get("op"));
    }
  }

  private static ExtendedAssignment assignment(JsonNode a, short version) {
    return new ExtendedAssignment(version, (short) a.get("error").asInt(), a.get("leader").asText(), a.get("leaderUrl").asText(), Long.parseLong(a.get("offset").asText()),
        strings(a.get("connectors")), tasks(a.get("tasks")), strings(a.get("revokedConnectors")), tasks(a.get("revokedTasks")), a.get("delay").asInt());
  }

  private static ObjectNode describe(ExtendedAssignment a) {
    ObjectNode out = NODES.objectNode();
    out.put("version", a.version()).put("error", a.error()).put("leader", a.leader()).put("leaderUrl", a.leaderUrl()).put("offset", Long.toString(a.offset()));
    ArrayNode connectors = out.putArray("connectors");
    a.connectors().forEach(connectors::add);
    putTasks(out.putArray("tasks"), a.tasks());
    ArrayNode revokedConnectors = out.putArray("revokedConnectors");
    a.revokedConnectors().forEach(revokedConnectors::add);
    putTasks(out.putArray("revokedTasks"), a.revokedTasks());
    return out.put("delay", a.delay());
  }

  private static void putTasks(ArrayNode into, Collection<ConnectorTaskId> tasks) {
    for (ConnectorTaskId t : tasks) into.addArray().add(t.connector()).add(t.task());
  }

  private static List<String> strings(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<ConnectorTaskId> tasks(JsonNode list) {
    List<ConnectorTaskId> out = new ArrayList<>();
    list.forEach(n -> out.add(new ConnectorTaskId(n.get(0).asText(), n.get(1).asInt())));
    return out;
  }

  private static String hex(ByteBuffer bytes) {
    if (bytes == null) return null;
    byte[] b = new byte[bytes.remaining()];
    bytes.duplicate().get(b);
    return HEX.formatHex(b);
  }
}

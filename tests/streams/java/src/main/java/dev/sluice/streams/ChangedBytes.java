package dev.sluice.streams;

import java.util.HexFormat;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.kstream.internals.Change;
import org.apache.kafka.streams.kstream.internals.ChangedSerializer;

/**
 * Prints the bytes Kafka Streams 4.3.1 writes to a table aggregation's repartition topic (its
 * ChangedSerializer over a String serializer) for each change given as arguments "new|old"
 * ("-" for null), one hex line per argument; tests/streams/changed-serde.test.ts compares them with
 * Sluice's serde.
 */
public class ChangedBytes {
  public static void main(String[] args) {
    ChangedSerializer<String> serializer = new ChangedSerializer<>(new StringSerializer());
    serializer.configure(java.util.Map.of(), false);
    for (String arg : args) {
      String[] parts = arg.split("\\|", -1);
      String newValue = parts[0].equals("-") ? null : parts[0];
      String oldValue = parts[1].equals("-") ? null : parts[1];
      System.out.println(HexFormat.of().formatHex(serializer.serialize("t", new org.apache.kafka.common.header.internals.RecordHeaders(), new Change<>(newValue, oldValue))));
    }
  }
}

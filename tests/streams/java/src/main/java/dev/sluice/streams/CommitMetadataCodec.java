package dev.sluice.streams;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.internals.ProcessorMetadata;
import org.apache.kafka.streams.processor.internals.TopicPartitionMetadata;

/**
 * Kafka Streams 4.3.1's own commit metadata codec (TopicPartitionMetadata with ProcessorMetadata,
 * what a task commits with each input offset), driven by arguments, one output line each:
 * "encode|partitionTime|key=value,key=value" prints Java's base64; "decode|text|key,key" prints
 * "partitionTime|key=value or key=null,..." as Java's decode reads the text.
 * packages/streams/test/commit-metadata-java.test.ts compares them with Sluice's codec.
 */
public class CommitMetadataCodec {
  public static void main(String[] args) {
    for (String arg : args) {
      String[] parts = arg.split("\\|", -1);
      if (parts[0].equals("encode")) {
        Map<String, Long> metadata = new HashMap<>();
        if (!parts[2].isEmpty()) {
          for (String entry : parts[2].split(",")) {
            int eq = entry.lastIndexOf('=');
            metadata.put(entry.substring(0, eq), Long.parseLong(entry.substring(eq + 1)));
          }
        }
        System.out.println(new TopicPartitionMetadata(Long.parseLong(parts[1]), new ProcessorMetadata(metadata)).encode());
      } else {
        TopicPartitionMetadata decoded = TopicPartitionMetadata.decode(parts[1]);
        StringBuilder out = new StringBuilder().append(decoded.partitionTime()).append('|');
        if (!parts[2].isEmpty()) {
          String[] keys = parts[2].split(",");
          for (int i = 0; i < keys.length; i++) {
            if (i > 0) out.append(',');
            out.append(keys[i]).append('=').append(decoded.processorMetadata().get(keys[i]));
          }
        }
        System.out.println(out);
      }
    }
  }
}

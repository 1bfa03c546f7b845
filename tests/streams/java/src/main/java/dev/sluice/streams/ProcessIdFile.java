package dev.sluice.streams;

import java.util.Properties;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.internals.StateDirectory;

/**
 * Kafka Streams 4.3.1's own StateDirectory.initializeProcessId, what an instance with persistent
 * stores does at construction: each argument "stateDir|applicationId" prints the process id Java
 * reads from (or writes to) <stateDir>/<applicationId>/kafka-streams-process-metadata, one line
 * each. packages/streams/test/process-id.test.ts has it read Sluice's files and write files that
 * Sluice reads.
 */
public class ProcessIdFile {
  public static void main(String[] args) {
    for (String arg : args) {
      String[] parts = arg.split("\\|", -1);
      Properties props = new Properties();
      props.put(StreamsConfig.APPLICATION_ID_CONFIG, parts[1]);
      props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
      props.put(StreamsConfig.STATE_DIR_CONFIG, parts[0]);
      StateDirectory directory = new StateDirectory(new StreamsConfig(props), Time.SYSTEM, true, false);
      try {
        System.out.println(directory.initializeProcessId());
      } finally {
        directory.close();
      }
    }
  }
}

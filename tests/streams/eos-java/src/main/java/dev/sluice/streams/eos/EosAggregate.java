package dev.sluice.streams.eos;

import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The twin of tests/streams/fixtures/eos-aggregate.ts in Java Kafka Streams 4.3.1: per key the
 * count and sum of the input values ("count:sum"), a persistent store with its changelog, no
 * record cache, exactly_once_v2, the same consumer settings.
 * Args: bootstrap applicationId input output stateDir maxPollRecords delayMs (a sleep per record).
 * Prints JSON lines: {"state": ...} on state changes and {"tasks": [...]} when its active tasks change.
 */
public final class EosAggregate {
  public static void main(String[] args) throws Exception {
    Properties props = new Properties();
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, args[1]);
    props.put(StreamsConfig.STATE_DIR_CONFIG, args[4]);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    props.put(StreamsConfig.consumerPrefix("session.timeout.ms"), 6000);
    props.put(StreamsConfig.consumerPrefix("heartbeat.interval.ms"), 500);
    props.put(StreamsConfig.consumerPrefix("max.poll.records"), Integer.parseInt(args[5]));
    long delayMs = Long.parseLong(args[6]);

    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(args[2], Consumed.with(Serdes.String(), Serdes.String()))
        .groupByKey(Grouped.with(Serdes.String(), Serdes.String()))
        .aggregate(() -> "0:0", (key, value, aggregate) -> {
          try {
            Thread.sleep(delayMs);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          String[] parts = aggregate.split(":");
          return (Long.parseLong(parts[0]) + 1) + ":" + (Long.parseLong(parts[1]) + Long.parseLong(value));
        }, Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as("eos-sums").withKeySerde(Serdes.String()).withValueSerde(Serdes.String()))
        .toStream()
        .to(args[3], Produced.with(Serdes.String(), Serdes.String()));

    KafkaStreams streams = new KafkaStreams(builder.build(), props);
    // A failure (the broker gone a while) replaces the thread, which resumes from the last commit.
    streams.setUncaughtExceptionHandler(e -> {
      System.err.println("uncaught: " + e);
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    streams.setStateListener((now, before) -> System.out.println("{\"state\":\"" + now + "\"}"));
    Thread tasks = new Thread(() -> {
      String last = "";
      while (true) {
        String now = streams.metadataForLocalThreads().stream()
            .flatMap(t -> t.activeTasks().stream())
            .map(t -> "\"" + t.taskId() + "\"")
            .sorted()
            .collect(Collectors.joining(","));
        if (!now.equals(last)) {
          last = now;
          System.out.println("{\"tasks\":[" + now + "]}");
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    tasks.setDaemon(true);
    tasks.start();
    Runtime.getRuntime().addShutdownHook(new Thread(streams::close));
    streams.start();
  }
}

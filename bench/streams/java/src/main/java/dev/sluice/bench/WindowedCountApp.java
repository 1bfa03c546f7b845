package dev.sluice.bench;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.WindowedSerdes;

/**
 * The windowed count of bench/streams: source → groupByKey → windowedBy(1-minute tumbling
 * TimeWindows, no grace) → count (a persistent window store named "windowed-counts", RocksDB,
 * with its changelog) → toStream → sink (windowed String keys, Long values).
 * Args: bootstrap applicationId sourceTopic destinationTopic expected guarantee stateDir.
 * Prints the time from the first to the last input record processed and the time to close.
 */
public final class WindowedCountApp {
  public static void main(String[] args) throws Exception {
    String bootstrap = args[0];
    String appId = args[1];
    String source = args[2];
    String destination = args[3];
    long expected = Long.parseLong(args[4]);
    String guarantee = args[5];
    String stateDir = args[6];
    long windowMs = 60_000L;

    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
    props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");

    AtomicLong seen = new AtomicLong();
    AtomicLong firstAt = new AtomicLong();
    AtomicLong lastAt = new AtomicLong();
    CountDownLatch done = new CountDownLatch(1);

    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(source, Consumed.with(Serdes.String(), Serdes.String()))
        .peek((k, v) -> {
          long n = seen.incrementAndGet();
          if (n == 1) firstAt.set(System.nanoTime());
          if (n == expected) {
            lastAt.set(System.nanoTime());
            done.countDown();
          }
        })
        .groupByKey(Grouped.with(Serdes.String(), Serdes.String()))
        .windowedBy(TimeWindows.ofSizeWithNoGrace(Duration.ofMillis(windowMs)))
        .count(Materialized.as("windowed-counts"))
        .toStream()
        .to(destination, Produced.with(WindowedSerdes.timeWindowedSerdeFrom(String.class, windowMs), Serdes.Long()));

    KafkaStreams streams = new KafkaStreams(builder.build(), props);
    long started = System.nanoTime();
    streams.start();
    if (!done.await(600, TimeUnit.SECONDS)) {
      System.out.println("{\"error\":\"timed out\",\"seen\":" + seen.get() + "}");
      System.exit(1);
    }
    streams.close();
    long closed = System.nanoTime();
    System.out.println("{\"records\":" + expected
        + ",\"processMs\":" + (lastAt.get() - firstAt.get()) / 1e6
        + ",\"untilFirstMs\":" + (firstAt.get() - started) / 1e6
        + ",\"closeMs\":" + (closed - lastAt.get()) / 1e6 + "}");
  }
}

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
import org.apache.kafka.streams.kstream.ForeachAction;
import org.apache.kafka.streams.kstream.JoinWindows;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.StreamJoined;

/**
 * The stream–stream join of bench/streams: two source topics with the same keys, inner-joined
 * within JoinWindows of 1 minute (no grace; each side in a persistent window store, RocksDB, with
 * its changelog) → sink (left value | right value).
 * Args: bootstrap applicationId leftTopic rightTopic destinationTopic expected guarantee stateDir.
 * expected: the records of both sources together. Prints the time from the first to the last
 * input record processed (either side) and the time to close.
 */
public final class JoinApp {
  public static void main(String[] args) throws Exception {
    String bootstrap = args[0];
    String appId = args[1];
    String leftSource = args[2];
    String rightSource = args[3];
    String destination = args[4];
    long expected = Long.parseLong(args[5]);
    String guarantee = args[6];
    String stateDir = args[7];

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
    // Both sides count towards one total: the join has processed its input when both are read.
    ForeachAction<String, String> countSeen = (k, v) -> {
      long n = seen.incrementAndGet();
      if (n == 1) firstAt.set(System.nanoTime());
      if (n == expected) {
        lastAt.set(System.nanoTime());
        done.countDown();
      }
    };

    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, String> left = builder.stream(leftSource, Consumed.with(Serdes.String(), Serdes.String())).peek(countSeen);
    KStream<String, String> right = builder.stream(rightSource, Consumed.with(Serdes.String(), Serdes.String())).peek(countSeen);
    left.join(right, (l, r) -> l + "|" + r, JoinWindows.ofTimeDifferenceWithNoGrace(Duration.ofMinutes(1)),
            StreamJoined.with(Serdes.String(), Serdes.String(), Serdes.String()))
        .to(destination, Produced.with(Serdes.String(), Serdes.String()));

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

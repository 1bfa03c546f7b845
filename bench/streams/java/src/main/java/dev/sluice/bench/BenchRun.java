package dev.sluice.bench;

import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.ForeachAction;

/**
 * What every bench/streams app shares, so each app keeps only its topology: the config, the
 * count of input records processed (a peek on each source), start, the wait for the last input
 * record, close, and the one JSON line of figures. The twin of bench/streams/bench-app.ts.
 */
final class BenchRun {
  private final long expected;
  private final AtomicLong seen = new AtomicLong();
  private final AtomicLong firstAt = new AtomicLong();
  private final AtomicLong lastAt = new AtomicLong();
  private final CountDownLatch done = new CountDownLatch(1);
  private long started;

  BenchRun(long expected) {
    this.expected = expected;
  }

  /** Reads every source from the beginning: the bench writes its input before the app starts. */
  static Properties config(String appId, String bootstrap) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
    return props;
  }

  /** For the stateful apps: guarantee is at_least_once | exactly_once_v2. */
  static Properties config(String appId, String bootstrap, String guarantee, String stateDir) {
    Properties props = config(appId, bootstrap);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
    return props;
  }

  /** The peek on each source; with two sources both count towards the one expected total. */
  ForeachAction<String, String> countSeen() {
    return (k, v) -> {
      long n = seen.incrementAndGet();
      if (n == 1) firstAt.set(System.nanoTime());
      if (n == expected) {
        lastAt.set(System.nanoTime());
        done.countDown();
      }
    };
  }

  /** Starts the app and remembers when, for the time until the first record. */
  void start(KafkaStreams streams) {
    started = System.nanoTime();
    streams.start();
  }

  long started() {
    return started;
  }

  /**
   * Waits until the expected records are processed (exits 1 with the count seen after 600 s),
   * closes (flush outputs, commit) and prints the figures.
   */
  void awaitProcessedAndReport(KafkaStreams streams) throws InterruptedException {
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

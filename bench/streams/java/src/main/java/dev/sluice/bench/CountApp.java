package dev.sluice.bench;

import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * The count-by-key aggregation of bench/streams: source → groupByKey → count (a persistent
 * store named "counts", RocksDB, with its changelog) → toStream → sink (Long values).
 * Args: bootstrap applicationId sourceTopic destinationTopic expected guarantee stateDir mode.
 * guarantee: at_least_once | exactly_once_v2. mode: process | restore.
 *
 * process: counts the source from the beginning (expected: its record count); prints the time
 * from the first to the last input record processed and the time to close (flush, commit).
 * restore: run after a process run with the same applicationId and an empty stateDir, so the
 * store is rebuilt from its changelog (expected: its partition count, each one restored); prints
 * the records restored and the time from the first restore start to the last restore end (the
 * global restore listener), then closes.
 */
public final class CountApp {
  public static void main(String[] args) throws Exception {
    String bootstrap = args[0];
    String appId = args[1];
    String source = args[2];
    String destination = args[3];
    long expected = Long.parseLong(args[4]);
    String guarantee = args[5];
    String stateDir = args[6];
    boolean restore = args[7].equals("restore");

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
        .count(Materialized.as("counts"))
        .toStream()
        .to(destination, Produced.with(Serdes.String(), Serdes.Long()));

    KafkaStreams streams = new KafkaStreams(builder.build(), props);
    AtomicLong restored = new AtomicLong();
    AtomicLong restoreStart = new AtomicLong();
    AtomicLong restoreEnd = new AtomicLong();
    CountDownLatch restoresEnded = new CountDownLatch(restore ? (int) expected : 0);
    streams.setGlobalStateRestoreListener(new StateRestoreListener() {
      @Override
      public void onRestoreStart(TopicPartition tp, String store, long startingOffset, long endingOffset) {
        restoreStart.compareAndSet(0, System.nanoTime());
      }

      @Override
      public void onBatchRestored(TopicPartition tp, String store, long batchEndOffset, long numRestored) {}

      @Override
      public void onRestoreEnd(TopicPartition tp, String store, long totalRestored) {
        restored.addAndGet(totalRestored);
        restoreEnd.set(System.nanoTime());
        restoresEnded.countDown();
      }
    });
    long started = System.nanoTime();
    streams.start();
    if (restore) {
      if (!restoresEnded.await(600, TimeUnit.SECONDS)) {
        System.out.println("{\"error\":\"restores not ended\",\"restored\":" + restored.get() + "}");
        System.exit(1);
      }
      streams.close();
      System.out.println("{\"restored\":" + restored.get()
          + ",\"restoreMs\":" + (restoreEnd.get() - restoreStart.get()) / 1e6
          + ",\"untilRestoredMs\":" + (restoreEnd.get() - started) / 1e6 + "}");
      return;
    }
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

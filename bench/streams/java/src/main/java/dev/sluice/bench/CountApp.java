package dev.sluice.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
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
    String source = args[2];
    String destination = args[3];
    long expected = Long.parseLong(args[4]);
    boolean restore = args[7].equals("restore");
    BenchRun run = new BenchRun(expected);

    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(source, Consumed.with(Serdes.String(), Serdes.String()))
        .peek(run.countSeen())
        .groupByKey(Grouped.with(Serdes.String(), Serdes.String()))
        .count(Materialized.as("counts"))
        .toStream()
        .to(destination, Produced.with(Serdes.String(), Serdes.Long()));

    KafkaStreams streams = new KafkaStreams(builder.build(), BenchRun.config(args[1], args[0], args[5], args[6]));
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
    run.start(streams);
    if (restore) {
      if (!restoresEnded.await(600, TimeUnit.SECONDS)) {
        System.out.println("{\"error\":\"restores not ended\",\"restored\":" + restored.get() + "}");
        System.exit(1);
      }
      streams.close();
      System.out.println("{\"restored\":" + restored.get()
          + ",\"restoreMs\":" + (restoreEnd.get() - restoreStart.get()) / 1e6
          + ",\"untilRestoredMs\":" + (restoreEnd.get() - run.started()) / 1e6 + "}");
      return;
    }
    run.awaitProcessedAndReport(streams);
  }
}

package dev.sluice.bench;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
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
    String source = args[2];
    String destination = args[3];
    BenchRun run = new BenchRun(Long.parseLong(args[4]));
    long windowMs = 60_000L;

    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(source, Consumed.with(Serdes.String(), Serdes.String()))
        .peek(run.countSeen())
        .groupByKey(Grouped.with(Serdes.String(), Serdes.String()))
        .windowedBy(TimeWindows.ofSizeWithNoGrace(Duration.ofMillis(windowMs)))
        .count(Materialized.as("windowed-counts"))
        .toStream()
        .to(destination, Produced.with(WindowedSerdes.timeWindowedSerdeFrom(String.class, windowMs), Serdes.Long()));

    KafkaStreams streams = new KafkaStreams(builder.build(), BenchRun.config(args[1], args[0], args[5], args[6]));
    run.start(streams);
    run.awaitProcessedAndReport(streams);
  }
}

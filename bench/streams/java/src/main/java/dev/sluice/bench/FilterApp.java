package dev.sluice.bench;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The filter pipeline of bench/streams: source → filter(value contains "important") → sink.
 * Args: bootstrap applicationId sourceTopic destinationTopic expectedRecords.
 * Prints one JSON line: the time from the first to the last input record processed, and the
 * time until the outputs were flushed and the offsets committed (close).
 */
public final class FilterApp {
  public static void main(String[] args) throws Exception {
    String source = args[2];
    String destination = args[3];
    BenchRun run = new BenchRun(Long.parseLong(args[4]));

    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(source, Consumed.with(Serdes.String(), Serdes.String()))
        .peek(run.countSeen())
        .filter((k, v) -> v.contains("important"))
        .to(destination, Produced.with(Serdes.String(), Serdes.String()));

    KafkaStreams streams = new KafkaStreams(builder.build(), BenchRun.config(args[1], args[0]));
    run.start(streams);
    run.awaitProcessedAndReport(streams);
  }
}

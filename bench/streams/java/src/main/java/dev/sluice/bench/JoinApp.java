package dev.sluice.bench;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
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
    String leftSource = args[2];
    String rightSource = args[3];
    String destination = args[4];
    BenchRun run = new BenchRun(Long.parseLong(args[5]));

    StreamsBuilder builder = new StreamsBuilder();
    // Both sides count towards one total: the join has processed its input when both are read.
    KStream<String, String> left = builder.stream(leftSource, Consumed.with(Serdes.String(), Serdes.String())).peek(run.countSeen());
    KStream<String, String> right = builder.stream(rightSource, Consumed.with(Serdes.String(), Serdes.String())).peek(run.countSeen());
    left.join(right, (l, r) -> l + "|" + r, JoinWindows.ofTimeDifferenceWithNoGrace(Duration.ofMinutes(1)),
            StreamJoined.with(Serdes.String(), Serdes.String(), Serdes.String()))
        .to(destination, Produced.with(Serdes.String(), Serdes.String()));

    KafkaStreams streams = new KafkaStreams(builder.build(), BenchRun.config(args[1], args[0], args[6], args[7]));
    run.start(streams);
    run.awaitProcessedAndReport(streams);
  }
}

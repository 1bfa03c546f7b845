package dev.sluice.streams;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.kstream.*;

/**
 * Runs the join topologies of tests/streams/differential-joins.test.ts in Kafka Streams 4.3.1, one
 * KafkaStreams each, until standard input closes: the reference the Sluice twins must match.
 * Arguments and progress lines as RunTopologies': {@code <bootstrap> <guarantee> <state dir>
 * name=...,app=...,input=<left topic>,second=<right topic>,output=...}.
 */
public final class RunJoinTopologies {
    private RunJoinTopologies() {}

    static final Serde<String> S = Serdes.String();
    static final ValueJoiner<String, String, String> JOINER = (a, b) -> a + "+" + b;
    static final JoinWindows WINDOWS = JoinWindows.ofTimeDifferenceAndGrace(Duration.ofMillis(50), Duration.ofMillis(20));

    static Topology build(final String name, final String left, final String right, final String output) {
        final StreamsBuilder b = new StreamsBuilder();
        final Consumed<String, String> strings = Consumed.with(S, S);
        final Produced<String, String> out = Produced.with(S, S);
        switch (name) {
            case "ss-inner":
                b.stream(left, strings).join(b.stream(right, strings), JOINER, WINDOWS, StreamJoined.with(S, S, S)).to(output, out);
                break;
            case "ss-left":
                b.stream(left, strings).leftJoin(b.stream(right, strings), JOINER, WINDOWS, StreamJoined.with(S, S, S)).to(output, out);
                break;
            case "ss-outer":
                b.stream(left, strings).outerJoin(b.stream(right, strings), JOINER, WINDOWS.after(Duration.ofMillis(30)), StreamJoined.with(S, S, S).withStoreName("outer")).to(output, out);
                break;
            case "st-left":
                b.stream(left, strings).leftJoin(b.table(right, strings), JOINER).to(output, out);
                break;
            case "tt-outer":
                b.table(left, strings).outerJoin(b.table(right, strings), JOINER).toStream().to(output, out);
                break;
            case "fk-inner":
                b.table(left, strings).join(b.table(right, strings), v -> v.substring(0, v.indexOf(':')), JOINER).toStream().to(output, out);
                break;
            case "fk-left":
                b.table(left, strings).leftJoin(b.table(right, strings), v -> v.substring(0, v.indexOf(':')), JOINER).toStream().to(output, out);
                break;
            default:
                throw new IllegalArgumentException("no join topology named " + name);
        }
        return b.build();
    }

    public static void main(final String[] args) throws Exception {
        final List<KafkaStreams> running = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            final Map<String, String> run = RunTopologies.parseRun(args[i]);
            final String app = run.get("app");
            final Properties config = RunTopologies.config(args[0], args[1], args[2], app);
            // Left and outer joins scan for closed windows at most once per this many wall-clock ms (1000 by
            // default); at 0 they scan at every record, so the output does not depend on timing.
            config.put(StreamsConfig.InternalConfig.EMIT_INTERVAL_MS_KSTREAMS_OUTER_JOIN_SPURIOUS_RESULTS_FIX, 0L);
            final KafkaStreams streams = new KafkaStreams(build(run.get("name"), run.get("input"), run.get("second"), run.get("output")), config);
            streams.setStateListener((now, before) -> say("{\"app\":\"" + app + "\",\"state\":\"" + now + "\"}"));
            streams.setUncaughtExceptionHandler(e -> {
                say("{\"app\":\"" + app + "\",\"error\":\"" + String.valueOf(e).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"}");
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            });
            running.add(streams);
        }
        for (final KafkaStreams streams : running) streams.start();
        try {
            while (System.in.read() >= 0) { /* end of input means stop */ }
        } catch (IOException ignored) {
            // the test is gone: stop as well
        }
        for (final KafkaStreams streams : running) streams.close(Duration.ofSeconds(30));
        System.exit(0);
    }

    private static synchronized void say(final String json) {
        System.out.println(json);
        System.out.flush();
    }
}

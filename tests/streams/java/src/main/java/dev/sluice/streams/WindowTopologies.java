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
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.EmitStrategy;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.SessionWindows;
import org.apache.kafka.streams.kstream.SlidingWindows;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.kstream.WindowedSerdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.SessionStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The windowed reference topologies of the streams differential tests (issue 18): tumbling,
 * hopping, sliding and session windows with count, reduce and aggregate, suppression until a window closes
 * and until a time limit, and the fraud-detection pipeline's payments per card per minute written
 * with Java's windowed serde. All read one input of card keys and integer amounts; windowed keys
 * are written as "key@start/end" text (except the serde one), values as text. The Sluice twins are
 * in tests/streams/differential-windows.test.ts.
 *
 * <pre>
 * WindowTopologies &lt;bootstrap servers&gt; &lt;processing.guarantee&gt; &lt;state dir&gt; &lt;run&gt;...
 *   run: as RunTopologies' (name=...,app=...,input=...,output=...[,guarantee=...])
 *   or: WindowTopologies describe
 * </pre>
 */
public final class WindowTopologies {
    private WindowTopologies() {}

    private static final Serde<String> STRING = Serdes.String();

    static String add(final String a, final String b) {
        return String.valueOf(Long.parseLong(a) + Long.parseLong(b));
    }

    private static <V> void toText(final KTable<Windowed<String>, V> table, final String output) {
        table.toStream()
            .map((k, v) -> KeyValue.pair(k.key() + "@" + k.window().start() + "/" + k.window().end(), v == null ? null : String.valueOf(v)))
            .to(output, Produced.with(STRING, STRING));
    }

    public static Topology build(final String name, final String input, final String output) {
        final StreamsBuilder builder = new StreamsBuilder();
        final KGroupedStream<String, String> grouped = builder.stream(input, Consumed.with(STRING, STRING)).groupByKey(Grouped.with(STRING, STRING));
        switch (name) {
            case "window-tumbling-count" -> toText(grouped.windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofMillis(1000), Duration.ofMillis(200))).count(), output);
            case "window-hopping-sum" -> toText(
                grouped.windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofMillis(1000), Duration.ofMillis(300)).advanceBy(Duration.ofMillis(250)))
                    .aggregate(() -> "0", (k, v, agg) -> add(agg, v), Materialized.<String, String, WindowStore<Bytes, byte[]>>with(STRING, STRING)),
                output);
            case "window-tumbling-reduce-max" -> toText(
                grouped.windowedBy(TimeWindows.ofSizeWithNoGrace(Duration.ofMillis(500)))
                    .reduce((a, b) -> Long.parseLong(b) > Long.parseLong(a) ? b : a),
                output);
            case "window-session-sum" -> toText(
                grouped.windowedBy(SessionWindows.ofInactivityGapAndGrace(Duration.ofMillis(300), Duration.ofMillis(100)))
                    .aggregate(() -> "0", (k, v, agg) -> add(agg, v), (k, a, b) -> add(a, b), Materialized.<String, String, SessionStore<Bytes, byte[]>>with(STRING, STRING)),
                output);
            case "window-session-count" -> toText(grouped.windowedBy(SessionWindows.ofInactivityGapWithNoGrace(Duration.ofMillis(200))).count(), output);
            case "window-suppress-final" -> toText(
                grouped.windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofMillis(1000), Duration.ofMillis(200))).count()
                    .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded())),
                output);
            case "window-suppress-session-final" -> toText(
                grouped.windowedBy(SessionWindows.ofInactivityGapAndGrace(Duration.ofMillis(300), Duration.ofMillis(100))).count()
                    .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded())),
                output);
            case "window-suppress-time-limit" -> grouped
                .count(Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>with(STRING, Serdes.Long()))
                .suppress(Suppressed.untilTimeLimit(Duration.ofMillis(700), Suppressed.BufferConfig.maxRecords(3).emitEarlyWhenFull()))
                .toStream()
                .mapValues(v -> v == null ? null : String.valueOf(v))
                .to(output, Produced.with(STRING, STRING));
            case "window-emit-on-close" -> toText(
                grouped.windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofMillis(1000), Duration.ofMillis(200))).emitStrategy(EmitStrategy.onWindowClose()).count(),
                output);
            case "window-session-emit-on-close" -> toText(
                grouped.windowedBy(SessionWindows.ofInactivityGapAndGrace(Duration.ofMillis(300), Duration.ofMillis(100))).emitStrategy(EmitStrategy.onWindowClose())
                    .aggregate(() -> "0", (k, v, agg) -> add(agg, v), (k, a, b) -> add(a, b), Materialized.<String, String, SessionStore<Bytes, byte[]>>with(STRING, STRING)),
                output);
            case "window-sliding-sum" -> toText(
                grouped.windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(Duration.ofMillis(500), Duration.ofMillis(200)))
                    .aggregate(() -> "0", (k, v, agg) -> add(agg, v), Materialized.<String, String, WindowStore<Bytes, byte[]>>with(STRING, STRING)),
                output);
            case "window-sliding-count" -> toText(grouped.windowedBy(SlidingWindows.ofTimeDifferenceWithNoGrace(Duration.ofMillis(300))).count(), output);
            case "window-fraud-count-serde" -> grouped
                // The fraud-detection pipeline's first step: payments per card per 1-minute tumbling window.
                .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofMinutes(1), Duration.ofSeconds(10)))
                .count(Materialized.as("payments-per-card-per-minute"))
                .toStream()
                .to(output, Produced.with(WindowedSerdes.timeWindowedSerdeFrom(String.class, 60_000L), Serdes.Long()));
            default -> throw new IllegalArgumentException("unknown window topology '" + name + "'");
        }
        return builder.build();
    }

    /** Every topology, in the order of the Sluice twins (tests/streams/window-topologies.ts). */
    static final List<String> NAMES = List.of(
        "window-tumbling-count", "window-hopping-sum", "window-tumbling-reduce-max", "window-session-sum", "window-session-count",
        "window-suppress-final", "window-suppress-session-final", "window-suppress-time-limit", "window-emit-on-close", "window-session-emit-on-close",
        "window-sliding-sum", "window-sliding-count", "window-fraud-count-serde");

    /**
     * As RunTopologies.main, for these topologies; or, with the one argument {@code describe},
     * prints each topology's describe() text (input "in", output "out"), each followed by "----".
     */
    public static void main(final String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("describe")) {
            for (final String name : NAMES) System.out.print(build(name, "in", "out").describe() + "----\n");
            return;
        }
        final List<KafkaStreams> running = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            final Map<String, String> run = RunTopologies.parseRun(args[i]);
            final String app = run.get("app");
            final Properties config = RunTopologies.config(args[0], run.getOrDefault("guarantee", args[1]), args[2], app);
            // onWindowClose looks for closed windows at every record, not once a second, so the output does not depend on timing.
            config.put(StreamsConfig.InternalConfig.EMIT_INTERVAL_MS_KSTREAMS_WINDOWED_AGGREGATION, 0L);
            final KafkaStreams streams = new KafkaStreams(build(run.get("name"), run.get("input"), run.get("output")), config);
            streams.setStateListener((now, before) -> say("{\"app\":\"" + app + "\",\"state\":\"" + now + "\"}"));
            streams.setUncaughtExceptionHandler(e -> {
                say("{\"app\":\"" + app + "\",\"error\":\"" + String.valueOf(e).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"}");
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            });
            running.add(streams);
        }
        final CountDownLatch stop = new CountDownLatch(1);
        for (final KafkaStreams streams : running) streams.start();
        final Thread stdinWatch = new Thread(() -> {
            try {
                while (System.in.read() >= 0) { /* end of input means stop */ }
            } catch (IOException ignored) {
                // the test is gone: stop as well
            }
            stop.countDown();
        });
        stdinWatch.setDaemon(true);
        stdinWatch.start();
        stop.await();
        for (final KafkaStreams streams : running) streams.close(Duration.ofSeconds(30));
        say("{\"stopped\":true}");
        System.exit(0);
    }

    private static synchronized void say(final String json) {
        System.out.println(json);
        System.out.flush();
    }
}

package dev.sluice.streams;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.time.Duration;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * Runs named topologies of {@link DifferentialTopologies} on Java Kafka Streams 4.3.1 until told to
 * stop: standard input closed, or SIGTERM/SIGINT. One JVM can run several topologies at once, each
 * its own KafkaStreams with its own application id, which keeps a test file to one JVM start.
 *
 * <pre>
 * RunTopologies &lt;bootstrap servers&gt; &lt;processing.guarantee&gt; &lt;state dir&gt; &lt;run&gt;...
 *   run: name=count,app=diff-count-java,input=diff-count-in,output=diff-count-java-out[,global=topic][,second=topic]
 * </pre>
 *
 * Every update is emitted (statestore.cache.max.bytes=0) and commits are frequent, so the output
 * is the same sequence on every run. Progress is one JSON object per line on standard output:
 * {"app":...,"state":"RUNNING"}, and {"app":...,"error":...} for an exception that stops a thread.
 */
public final class RunTopologies {
    private RunTopologies() {}

    public static void main(final String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: RunTopologies <bootstrap servers> <processing.guarantee> <state dir> name=...,app=...,input=...,output=...[,global=...][,second=...] ...");
            System.exit(2);
        }
        final List<KafkaStreams> running = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            final Map<String, String> run = parseRun(args[i]);
            final String app = require(run, "app", args[i]);
            final DifferentialTopologies.Topics topics = new DifferentialTopologies.Topics(require(run, "input", args[i]), require(run, "output", args[i]), run.get("global"), run.get("second"));
            final KafkaStreams streams = new KafkaStreams(DifferentialTopologies.build(require(run, "name", args[i]), topics), config(args[0], args[1], args[2], app));
            streams.setStateListener((now, before) -> say("{\"app\":\"" + app + "\",\"state\":\"" + now + "\"}"));
            streams.setUncaughtExceptionHandler(e -> {
                say("{\"app\":\"" + app + "\",\"error\":\"" + escape(String.valueOf(e)) + "\"}");
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            });
            running.add(streams);
        }
        final CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            closeAll(running);
        }));
        for (final KafkaStreams streams : running) streams.start();
        final Thread stdinWatch = new Thread(() -> {
            try {
                while (System.in.read() >= 0) { /* the test writes nothing; end of input means stop */ }
            } catch (IOException ignored) {
                // a broken pipe means the test is gone: stop as well
            }
            stop.countDown();
        });
        stdinWatch.setDaemon(true);
        stdinWatch.start();
        stop.await();
        closeAll(running);
        say("{\"stopped\":true}");
        System.exit(0);
    }

    static Properties config(final String bootstrap, final String guarantee, final String stateDir, final String app) {
        final Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, app);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        // Every update reaches the output (no record cache to fold them), so both sides emit the same sequence.
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        p.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        return p;
    }

    /** Starts every instance's shutdown at once (a zero timeout does not wait), then waits for each. */
    private static synchronized void closeAll(final List<KafkaStreams> running) {
        for (final KafkaStreams streams : running) streams.close(Duration.ZERO);
        for (final KafkaStreams streams : running) streams.close(Duration.ofSeconds(30));
    }

    static Map<String, String> parseRun(final String spec) {
        final Map<String, String> run = new HashMap<>();
        for (final String part : spec.split(",")) {
            final int eq = part.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("'" + part + "' in '" + spec + "' is not name=value");
            run.put(part.substring(0, eq), part.substring(eq + 1));
        }
        return run;
    }

    private static String require(final Map<String, String> run, final String field, final String spec) {
        final String value = run.get(field);
        if (value == null) throw new IllegalArgumentException("'" + spec + "' has no " + field + "=...");
        return value;
    }

    private static synchronized void say(final String json) {
        System.out.println(json);
        System.out.flush();
    }

    private static String escape(final String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}

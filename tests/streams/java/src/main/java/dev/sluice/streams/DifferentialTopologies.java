package dev.sluice.streams;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The topologies of tests/streams/differential*.test.ts, built with Kafka Streams 4.3.1's DSL. Each
 * has a TypeScript twin in the test; both read the same input topic and write their own output
 * topic, and the test compares the two outputs per key, in order.
 *
 * Values are strings throughout (counts are Longs, as Kafka's count() makes them), so that the test
 * reads both outputs with one decoder. The input value formats are the test's generator's:
 * "count", "reduce" and "aggregate" read integers ("17"), some values null; "groupby-count" and
 * "table-groupby-aggregate" read "category:amount"; "table-filter-mapvalues" reads integers with
 * tombstones; "global-lookup" reads a product id per order and a global table of product names;
 * "map-reduce" and "table-groupby-reduce" read "category:amount"; "repartition-count" and
 * "totable-filternot" read integers, some null; "merge-aggregate" reads two co-partitioned topics of
 * integers, which a task must take in timestamp order across its two partitions.
 */
public final class DifferentialTopologies {
    private DifferentialTopologies() {}

    /** The topics one topology run uses: its input (and, for global-lookup, the global table's; for merge-aggregate, a second input co-partitioned with the first) and its output. */
    public record Topics(String input, String output, String global, String second) {}

    public static Topology build(final String name, final Topics topics) {
        final StreamsBuilder builder = new StreamsBuilder();
        final Consumed<String, String> strings = Consumed.with(Serdes.String(), Serdes.String());
        final Produced<String, String> stringsOut = Produced.with(Serdes.String(), Serdes.String());
        final Produced<String, Long> countsOut = Produced.with(Serdes.String(), Serdes.Long());
        switch (name) {
            case "count" -> builder.stream(topics.input(), strings)
                .groupByKey()
                .count()
                .toStream()
                .to(topics.output(), countsOut);
            case "reduce" -> builder.stream(topics.input(), strings)
                .groupByKey()
                .reduce((sum, value) -> Long.toString(Long.parseLong(sum) + Long.parseLong(value)))
                .toStream()
                .to(topics.output(), stringsOut);
            case "aggregate" -> builder.stream(topics.input(), strings)
                .groupByKey()
                .aggregate(
                    () -> stats(0, 0, Long.MAX_VALUE, Long.MIN_VALUE),
                    (key, value, agg) -> {
                        final long[] s = parseStats(agg);
                        final long v = Long.parseLong(value);
                        return stats(s[0] + 1, s[1] + v, Math.min(s[2], v), Math.max(s[3], v));
                    },
                    Materialized.<String, String, KeyValueStore<Bytes, byte[]>>with(Serdes.String(), Serdes.String()))
                .toStream()
                .to(topics.output(), stringsOut);
            case "table-filter-mapvalues" -> builder.table(topics.input(), strings)
                .filter((key, value) -> Long.parseLong(value) % 2 == 0)
                .mapValues(value -> "even:" + value)
                .toStream()
                .to(topics.output(), stringsOut);
            case "groupby-count" -> builder.stream(topics.input(), strings)
                .groupBy((key, value) -> category(value), Grouped.with(Serdes.String(), Serdes.String()))
                .count()
                .toStream()
                .to(topics.output(), countsOut);
            case "table-groupby-aggregate" -> {
                final KTable<String, String> table = builder.table(topics.input(), strings);
                table.groupBy((key, value) -> KeyValue.pair(category(value), amount(value)), Grouped.with(Serdes.String(), Serdes.String()))
                    .aggregate(
                        () -> "{\"count\":0,\"sum\":0}",
                        (key, value, agg) -> countSum(agg, 1, Long.parseLong(value)),
                        (key, value, agg) -> countSum(agg, -1, -Long.parseLong(value)),
                        Materialized.<String, String, KeyValueStore<Bytes, byte[]>>with(Serdes.String(), Serdes.String()))
                    .toStream()
                    .to(topics.output(), stringsOut);
            }
            case "global-lookup" -> {
                final GlobalKTable<String, String> products = builder.globalTable(topics.global(), strings);
                final KStream<String, String> orders = builder.stream(topics.input(), strings);
                orders.leftJoin(products, (orderId, productId) -> productId,
                        (productId, productName) -> productId + "=" + (productName == null ? "unknown" : productName))
                    .to(topics.output(), stringsOut);
            }
            case "map-reduce" -> builder.stream(topics.input(), strings)
                .map((key, value) -> KeyValue.pair(category(value), amount(value)))
                .groupByKey(Grouped.with(Serdes.String(), Serdes.String()))
                .reduce((sum, value) -> Long.toString(Long.parseLong(sum) + Long.parseLong(value)))
                .toStream()
                .to(topics.output(), stringsOut);
            case "table-groupby-reduce" -> builder.table(topics.input(), strings)
                .groupBy((key, value) -> KeyValue.pair(category(value), amount(value)), Grouped.with(Serdes.String(), Serdes.String()))
                .reduce(
                    (sum, value) -> Long.toString(Long.parseLong(sum) + Long.parseLong(value)),
                    (sum, value) -> Long.toString(Long.parseLong(sum) - Long.parseLong(value)))
                .toStream()
                .to(topics.output(), stringsOut);
            case "repartition-count" -> builder.stream(topics.input(), strings)
                .repartition(Repartitioned.<String, String>as("rekeyed").withNumberOfPartitions(2).withKeySerde(Serdes.String()).withValueSerde(Serdes.String()))
                .groupByKey(Grouped.with(Serdes.String(), Serdes.String()))
                .count()
                .toStream()
                .to(topics.output(), countsOut);
            case "totable-filternot" -> builder.stream(topics.input(), strings)
                .toTable(Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as("latest").withKeySerde(Serdes.String()).withValueSerde(Serdes.String()))
                .filterNot((key, value) -> Long.parseLong(value) % 3 == 0, Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as("not-thirds").withKeySerde(Serdes.String()).withValueSerde(Serdes.String()))
                .mapValues((key, value) -> key + "/" + value)
                .toStream()
                .to(topics.output(), stringsOut);
            case "merge-aggregate" -> builder.stream(topics.input(), strings)
                .merge(builder.stream(topics.second(), strings))
                .groupByKey()
                .aggregate(() -> "", (key, value, agg) -> lastThree(agg, value), Materialized.<String, String, KeyValueStore<Bytes, byte[]>>with(Serdes.String(), Serdes.String()))
                .toStream()
                .to(topics.output(), stringsOut);
            default -> throw new IllegalArgumentException("unknown topology '" + name + "'; known: " + String.join(", ", NAMES));
        }
        return builder.build();
    }

    public static final String[] NAMES = {
        "count", "reduce", "aggregate", "table-filter-mapvalues", "groupby-count", "table-groupby-aggregate", "global-lookup",
        "map-reduce", "table-groupby-reduce", "repartition-count", "totable-filternot", "merge-aggregate",
    };

    /** The last three values, comma-separated: an aggregate that shows the order records were processed in. */
    static String lastThree(final String agg, final String value) {
        final String joined = agg.isEmpty() ? value : agg + "," + value;
        final String[] parts = joined.split(",");
        return parts.length <= 3 ? joined : String.join(",", java.util.Arrays.copyOfRange(parts, parts.length - 3, parts.length));
    }

    /** "category:amount" → category. */
    static String category(final String value) {
        return value.substring(0, value.indexOf(':'));
    }

    /** "category:amount" → amount. */
    static String amount(final String value) {
        return value.substring(value.indexOf(':') + 1);
    }

    /** The aggregate's JSON, fields in a fixed order so that both sides write the same bytes. */
    static String stats(final long count, final long sum, final long min, final long max) {
        return "{\"count\":" + count + ",\"sum\":" + sum + ",\"min\":" + (count == 0 ? "null" : Long.toString(min)) + ",\"max\":" + (count == 0 ? "null" : Long.toString(max)) + "}";
    }

    static long[] parseStats(final String json) {
        final long count = field(json, "count");
        if (count == 0) return new long[] {0, 0, Long.MAX_VALUE, Long.MIN_VALUE};
        return new long[] {count, field(json, "sum"), field(json, "min"), field(json, "max")};
    }

    static String countSum(final String json, final long countDelta, final long sumDelta) {
        return "{\"count\":" + (field(json, "count") + countDelta) + ",\"sum\":" + (field(json, "sum") + sumDelta) + "}";
    }

    /** Reads one integer field of the flat JSON objects above (no JSON library needed for them). */
    static long field(final String json, final String name) {
        final String marker = "\"" + name + "\":";
        final int start = json.indexOf(marker) + marker.length();
        int end = start;
        while (end < json.length() && (json.charAt(end) == '-' || Character.isDigit(json.charAt(end)))) end++;
        return Long.parseLong(json.substring(start, end));
    }
}

package dev.sluice.streams;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.*;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Prints Kafka Streams 4.3.1's TopologyDescription of the stateful topologies that
 * tests/streams/describe.test.ts builds with the same DSL calls, each followed by a line
 * "----". The test runs this class and compares the text with describe() of its TypeScript twin.
 */
public class DescribeTopologies {
  /** Looks each record's value up in a global store (the stream side of a global table lookup). */
  static final class Lookup implements Processor<String, String, String, String> {
    private final String store;
    private ProcessorContext<String, String> context;
    private KeyValueStore<String, ValueAndTimestamp<String>> table;

    Lookup(String store) { this.store = store; }

    @Override public void init(ProcessorContext<String, String> context) {
      this.context = context;
      this.table = context.getStateStore(store);
    }

    @Override public void process(Record<String, String> record) {
      ValueAndTimestamp<String> found = table.get(record.value());
      context.forward(record.withValue(found == null ? null : found.value()));
    }
  }

  public static void main(String[] args) {
    // 1. count by key
    StreamsBuilder b = new StreamsBuilder();
    b.stream("words", Consumed.with(Serdes.String(), Serdes.String())).groupByKey().count().toStream().to("counts");
    print(b);

    // 2. reduce and aggregate of one grouped stream
    b = new StreamsBuilder();
    KGroupedStream<String, String> g = b.<String, String>stream("in").groupByKey(Grouped.with(Serdes.String(), Serdes.String()));
    g.reduce((a, c) -> a + c).toStream().to("reduced");
    g.aggregate(() -> 0L, (k, v, agg) -> agg + v.length(), Materialized.as("lengths")).toStream().to("lengths-out");
    print(b);

    // 3. table filter / filterNot / mapValues, materialized or not
    b = new StreamsBuilder();
    b.<String, String>table("prices").filter((k, v) -> v.length() > 1).mapValues(v -> v.length()).toStream().to("price-lengths");
    b.<String, String>table("t2", Materialized.as("t2-store"))
        .filterNot((k, v) -> false, Materialized.as("t2-filtered"))
        .mapValues(v -> v + "!", Named.as("t2-map"), Materialized.with(Serdes.String(), Serdes.String()))
        .filter((k, v) -> true, Materialized.with(Serdes.String(), Serdes.String()))
        .toStream(Named.as("t2-stream")).to("t2-out");
    print(b);

    // 4. table groupBy with count, reduce(adder, subtractor) and aggregate(initializer, adder, subtractor)
    b = new StreamsBuilder();
    b.<String, String>table("users").groupBy((k, v) -> KeyValue.pair(v, k)).count().toStream().to("users-per-region");
    b.<String, String>table("items")
        .groupBy((k, v) -> KeyValue.pair(v, v), Grouped.as("by-value"))
        .reduce((a, c) -> a + c, (a, c) -> a, Named.as("reduce-items"), Materialized.as("items-store"))
        .toStream().to("items-out");
    b.<String, String>table("stock").filter((k, v) -> true)
        .groupBy((k, v) -> KeyValue.pair(v, k))
        .aggregate(() -> 0L, (k, v, a) -> a + 1, (k, v, a) -> a - 1)
        .toStream().to("stock-out");
    print(b);

    // 5. key-changing operations followed by a stateful one: repartition topics
    b = new StreamsBuilder();
    KStream<String, String> s = b.stream("orders");
    s.selectKey((k, v) -> v).groupByKey().count().toStream().to("o1");
    s.groupBy((k, v) -> v, Grouped.as("by-sku")).aggregate(() -> 0L, (k, v, a) -> a + 1, Named.as("stock"), Materialized.as("stock-store")).toStream().to("o2");
    s.map((k, v) -> KeyValue.pair(v, k)).groupByKey().reduce((a, c) -> c, Materialized.as("latest")).toStream().to("o3");
    s.flatMap((k, v) -> List.of(KeyValue.pair(v, k))).groupByKey().count(Materialized.with(Serdes.String(), Serdes.Long())).toStream().to("o4");
    s.groupBy((k, v) -> v).count(Named.as("cnt")).toStream().to("o5");
    print(b);

    // 6. global table looked up from a stream through the processor API
    b = new StreamsBuilder();
    b.globalTable("catalogue", Materialized.as("catalogue-store"));
    b.<String, String>stream("clicks").process(() -> new Lookup("catalogue-store")).to("enriched");
    b.globalTable("regions");
    print(b);

    // 7. repartition() and toTable()
    b = new StreamsBuilder();
    KStream<String, String> r = b.stream("events");
    r.repartition().groupByKey().count().toStream().to("r1");
    r.repartition(Repartitioned.<String, String>as("by-three").withNumberOfPartitions(3)).toTable().toStream().to("r2");
    r.selectKey((k, v) -> v).toTable(Named.as("latest-by-value"), Materialized.as("latest-store")).toStream().to("r3");
    r.toTable(Materialized.as("events-table")).groupBy((k, v) -> KeyValue.pair(v, v)).count().toStream().to("r4");
    print(b);

    // 8. a stream aggregation beside a global table declared first
    b = new StreamsBuilder();
    b.globalTable("settings", Consumed.as("settings-source"));
    b.<String, String>stream("payments").groupBy((k, v) -> v).aggregate(() -> "", (k, v, a) -> a + v).toStream().to("per-card");
    print(b);

    // 9. a store added to the builder, used by a processor and a fixed-key processor
    b = new StreamsBuilder();
    b.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("seen"), Serdes.String(), Serdes.String()));
    b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("totals"), Serdes.String(), Serdes.Long()));
    b.<String, String>stream("visits")
        .process(() -> new Lookup("seen"), "seen", "totals")
        .processValues(() -> new FixedKeyProcessor<String, String, String>() { public void process(FixedKeyRecord<String, String> r) {} }, Named.as("touch"), "totals")
        .groupByKey().count().toStream().to("visit-counts");
    print(b);

    // 10. the processor API: a store added to the topology, and a global store added second
    Topology t = new Topology();
    t.addSource("src", "input");
    t.addProcessor("proc", () -> new Lookup("kv"), "src");
    t.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("kv"), Serdes.String(), Serdes.String()), "proc");
    t.addSink("sink", "output", "proc");
    t.addGlobalStore(
        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("g"), Serdes.String(), Serdes.String()).withLoggingDisabled(),
        "gsrc", Serdes.String().deserializer(), Serdes.String().deserializer(), "gtopic", "gproc",
        () -> new Processor<String, String, Void, Void>() { public void process(Record<String, String> r) {} });
    System.out.print(t.describe());
    System.out.println("----");

    // 11. one named grouping aggregated twice (one repartition topic), a named table source,
    //     an unnamed toTable after selectKey, and count(Named, Materialized without a name)
    b = new StreamsBuilder();
    KGroupedStream<String, String> byColour = b.<String, String>stream("paint").groupBy((k, v) -> v, Grouped.as("by-colour"));
    byColour.count().toStream().to("colour-counts");
    byColour.reduce((a, c) -> c, Materialized.as("last-colour")).toStream().to("colour-last");
    KGroupedTable<String, String> byOwner = b.<String, String>table("cars", Consumed.as("cars-table")).groupBy((k, v) -> KeyValue.pair(v, k), Grouped.as("by-owner"));
    byOwner.count().toStream().to("cars-per-owner");
    byOwner.reduce((a, c) -> a + c, (a, c) -> a).toStream().to("cars-joined");
    b.<String, String>stream("moves").selectKey((k, v) -> v).toTable().toStream().to("moved");
    b.<String, String>stream("hits").groupByKey().count(Named.as("hit-count"), Materialized.with(Serdes.String(), Serdes.Long())).toStream().to("hits-out");
    print(b);
  }

  private static void print(StreamsBuilder b) {
    System.out.print(b.build().describe());
    System.out.println("----");
  }
}

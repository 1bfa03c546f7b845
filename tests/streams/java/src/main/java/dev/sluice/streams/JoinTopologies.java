package dev.sluice.streams;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.*;

/**
 * Prints Kafka Streams 4.3.1's TopologyDescription of the join topologies that
 * tests/streams/describe-joins.test.ts builds with the same DSL calls, each followed by a line
 * "----". The test runs this class and compares the text with describe() of its TypeScript twin.
 */
public class JoinTopologies {
  static final ValueJoiner<String, String, String> JOINER = (a, b) -> a + "+" + b;

  public static void main(String[] args) {
    // 1. inner stream-stream join, generated names
    StreamsBuilder b = new StreamsBuilder();
    KStream<String, String> l = b.stream("left", Consumed.with(Serdes.String(), Serdes.String()));
    KStream<String, String> r = b.stream("right", Consumed.with(Serdes.String(), Serdes.String()));
    l.join(r, JOINER, JoinWindows.ofTimeDifferenceWithNoGrace(Duration.ofMillis(100))).to("joined");
    print(b);

    // 2. left join named by StreamJoined (processors and stores)
    b = new StreamsBuilder();
    l = b.stream("left", Consumed.with(Serdes.String(), Serdes.String()));
    r = b.stream("right", Consumed.with(Serdes.String(), Serdes.String()));
    l.leftJoin(r, JOINER, JoinWindows.ofTimeDifferenceAndGrace(Duration.ofMillis(100), Duration.ofMillis(50)),
        StreamJoined.with(Serdes.String(), Serdes.String(), Serdes.String()).withName("lj").withStoreName("lj-store")).to("joined");
    print(b);

    // 3. outer join, generated names, then more operators
    b = new StreamsBuilder();
    l = b.stream("left", Consumed.with(Serdes.String(), Serdes.String()));
    r = b.stream("right", Consumed.with(Serdes.String(), Serdes.String()));
    l.outerJoin(r, JOINER, JoinWindows.ofTimeDifferenceAndGrace(Duration.ofMillis(100), Duration.ofMillis(10)).after(Duration.ofMillis(20)))
        .mapValues(v -> v.toUpperCase()).to("joined");
    print(b);

    // 4. left join with only the store name, and a key change on both sides first (repartitioned)
    b = new StreamsBuilder();
    l = b.<String, String>stream("left").selectKey((k, v) -> v);
    r = b.<String, String>stream("right").map((k, v) -> KeyValue.pair(v, k));
    l.leftJoin(r, JOINER, JoinWindows.ofTimeDifferenceWithNoGrace(Duration.ofMillis(100)), StreamJoined.as("by-value")).to("joined");
    print(b);

    // 5. stream-table join and leftJoin; the table gets a store for them
    b = new StreamsBuilder();
    KTable<String, String> t = b.table("table", Consumed.with(Serdes.String(), Serdes.String()));
    KStream<String, String> s = b.stream("stream", Consumed.with(Serdes.String(), Serdes.String()));
    s.join(t, JOINER).to("joined");
    s.leftJoin(t, JOINER, Joined.as("named-left")).to("left-joined");
    print(b);

    // 6. stream-table join of a filtered table, and of a stream whose key changed
    b = new StreamsBuilder();
    t = b.<String, String>table("table", Materialized.as("table-store")).filter((k, v) -> v.length() > 1);
    s = b.<String, String>stream("stream").selectKey((k, v) -> v);
    s.join(t, JOINER).to("joined");
    s.leftJoin(t, JOINER, Joined.with(Serdes.String(), Serdes.String(), Serdes.String(), "rekeyed")).to("left-joined");
    print(b);

    // 7. stream-global table joins
    b = new StreamsBuilder();
    GlobalKTable<String, String> g = b.globalTable("products", Consumed.with(Serdes.String(), Serdes.String()));
    s = b.stream("orders", Consumed.with(Serdes.String(), Serdes.String()));
    s.join(g, (k, v) -> v, JOINER).to("joined");
    s.leftJoin(g, (k, v) -> v, JOINER, Named.as("enrich")).to("left-joined");
    print(b);

    // 8. table-table join and leftJoin, unnamed and named
    b = new StreamsBuilder();
    KTable<String, String> t1 = b.table("t1", Consumed.with(Serdes.String(), Serdes.String()));
    KTable<String, String> t2 = b.table("t2", Consumed.with(Serdes.String(), Serdes.String()));
    t1.join(t2, JOINER).toStream().to("inner");
    t1.leftJoin(t2, JOINER, Named.as("lj")).toStream().to("left");
    print(b);

    // 9. table-table outer join materialized by name, and an inner join of a filtered table materialized without one
    b = new StreamsBuilder();
    t1 = b.table("t1", Consumed.with(Serdes.String(), Serdes.String()));
    t2 = b.table("t2", Consumed.with(Serdes.String(), Serdes.String()), Materialized.as("t2-store"));
    t1.outerJoin(t2, JOINER, Materialized.as("outer-store")).toStream().to("outer");
    t1.filter((k, v) -> v.length() > 2).join(t2, JOINER, Materialized.with(Serdes.String(), Serdes.String())).toStream().to("inner");
    print(b);

    // 10. foreign-key join, generated names
    b = new StreamsBuilder();
    KTable<String, String> orders = b.table("orders", Consumed.with(Serdes.String(), Serdes.String()));
    KTable<String, String> customers = b.table("customers", Consumed.with(Serdes.String(), Serdes.String()));
    orders.join(customers, v -> v.substring(0, v.indexOf(':')), JOINER).toStream().to("enriched");
    print(b);

    // 11. foreign-key left join, named and materialized
    b = new StreamsBuilder();
    orders = b.table("orders", Consumed.with(Serdes.String(), Serdes.String()));
    customers = b.table("customers", Consumed.with(Serdes.String(), Serdes.String()));
    orders.leftJoin(customers, v -> v.substring(0, v.indexOf(':')), JOINER, TableJoined.as("fk"), Materialized.as("fk-result")).toStream().to("enriched");
    print(b);
  }

  private static void print(StreamsBuilder b) {
    System.out.print(b.build().describe());
    System.out.println("----");
  }
}

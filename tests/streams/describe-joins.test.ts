// describe() of join topologies against Kafka Streams 4.3.1 itself: the Java class
// tests/streams/java/.../JoinTopologies.java builds the same topologies with the same DSL calls and
// prints TopologyDescription.toString() of each; processor, store and repartition topic names and
// the order of nodes and arrows must match character for character.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { mavenProjectClasspath } from '@sluice/test-kit';
import { Consumed, JoinWindows, Joined, KeyValue, Materialized, Named, Serdes, StreamJoined, StreamsBuilder, type KStream } from '@sluice/streams';

const exec = promisify(execFile);
const javaProject = fileURLToPath(new URL('./java', import.meta.url));

async function javaDescriptions(): Promise<string[]> {
  const cp = await mavenProjectClasspath(javaProject);
  const { stdout } = await exec('java', ['-cp', cp, 'dev.sluice.streams.JoinTopologies'], { maxBuffer: 1 << 24, timeout: 300_000 });
  return stdout.split('----\n').filter((s) => s.length > 0);
}

const joiner = (a: string | null, b: string | null): string => `${a}+${b}`;
const strings = Consumed.with(Serdes.String(), Serdes.String());

/** The TypeScript twins of JoinTopologies.java, in the same order. */
function ours(): string[] {
  const out: string[] = [];
  const print = (b: StreamsBuilder) => out.push(b.build().describe().toString());
  let l: KStream<string, string>;
  let r: KStream<string, string>;

  // 1. inner stream-stream join, generated names
  let b = new StreamsBuilder();
  l = b.stream('left', strings);
  r = b.stream('right', strings);
  l.join(r, joiner, JoinWindows.ofTimeDifferenceWithNoGrace(100)).to('joined');
  print(b);

  // 2. left join named by StreamJoined
  b = new StreamsBuilder();
  l = b.stream('left', strings);
  r = b.stream('right', strings);
  l.leftJoin(r, joiner, JoinWindows.ofTimeDifferenceAndGrace(100, 50), StreamJoined.with(Serdes.String(), Serdes.String(), Serdes.String()).withName('lj').withStoreName('lj-store')).to('joined');
  print(b);

  // 3. outer join, then more operators
  b = new StreamsBuilder();
  l = b.stream('left', strings);
  r = b.stream('right', strings);
  l.outerJoin(r, joiner, JoinWindows.ofTimeDifferenceAndGrace(100, 10).after(20))
    .mapValues((v) => v.toUpperCase())
    .to('joined');
  print(b);

  // 4. key changes on both sides first
  b = new StreamsBuilder();
  l = b.stream<string, string>('left').selectKey((_k, v) => v);
  r = b.stream<string, string>('right').map((k, v) => KeyValue.pair(v, k));
  l.leftJoin(r, joiner, JoinWindows.ofTimeDifferenceWithNoGrace(100), StreamJoined.as('by-value')).to('joined');
  print(b);

  // 5. stream-table join and leftJoin
  b = new StreamsBuilder();
  let t = b.table('table', strings);
  let s = b.stream('stream', strings);
  s.join(t, joiner).to('joined');
  s.leftJoin(t, joiner, Joined.as('named-left')).to('left-joined');
  print(b);

  // 6. a filtered table, and a stream whose key changed
  b = new StreamsBuilder();
  t = b.table<string, string>('table', Materialized.as('table-store')).filter((_k, v) => v.length > 1);
  s = b.stream<string, string>('stream').selectKey((_k, v) => v);
  s.join(t, joiner).to('joined');
  s.leftJoin(t, joiner, Joined.with(Serdes.String(), Serdes.String(), Serdes.String(), 'rekeyed')).to('left-joined');
  print(b);

  // 7. stream-global table joins
  b = new StreamsBuilder();
  const g = b.globalTable('products', strings);
  s = b.stream('orders', strings);
  s.join(g, (_k, v) => v, joiner).to('joined');
  s.leftJoin(g, (_k, v) => v, joiner, Named.as('enrich')).to('left-joined');
  print(b);

  // 8. table-table join and leftJoin, unnamed and named
  b = new StreamsBuilder();
  let t1 = b.table('t1', strings);
  let t2 = b.table('t2', strings);
  t1.join(t2, joiner).toStream().to('inner');
  t1.leftJoin(t2, joiner, Named.as('lj')).toStream().to('left');
  print(b);

  // 9. outer join materialized by name; inner join of a filtered table materialized without one
  b = new StreamsBuilder();
  t1 = b.table('t1', strings);
  t2 = b.table('t2', strings, Materialized.as('t2-store'));
  t1.outerJoin(t2, joiner, Materialized.as('outer-store')).toStream().to('outer');
  t1.filter((_k, v) => v.length > 2)
    .join(t2, joiner, Materialized.with(Serdes.String(), Serdes.String()))
    .toStream()
    .to('inner');
  print(b);

  // 10. foreign-key join, generated names
  b = new StreamsBuilder();
  let orders = b.table('orders', strings);
  let customers = b.table('customers', strings);
  orders.join(customers, (v: string) => v.slice(0, v.indexOf(':')), joiner).toStream().to('enriched');
  print(b);

  // 11. foreign-key left join, named and materialized
  b = new StreamsBuilder();
  orders = b.table('orders', strings);
  customers = b.table('customers', strings);
  orders.leftJoin(customers, (v: string) => v.slice(0, v.indexOf(':')), joiner, Named.as('fk'), Materialized.as('fk-result')).toStream().to('enriched');
  print(b);
  return out;
}

test('describe() of join topologies is what Kafka Streams 4.3.1 prints for the same DSL calls', async () => {
  const java = await javaDescriptions();
  const mine = ours();
  assert.equal(mine.length, java.length, 'one description per topology on each side');
  for (let i = 0; i < java.length; i++) assert.equal(mine[i], java[i], `topology ${i + 1}`);
});

// describe() against Kafka Streams 4.3.1 itself: the same DSL calls as
// fixtures/DescribeTopologies.java, whose output (fixtures/kafka-streams-4.3.1-describe.txt) was
// captured from the real library. Node names, sub-topology numbers and the order of nodes and
// arrows must match; only the class name Java prints for a lambda topic extractor cannot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Branched, KeyValue, Named, Printed, Repartitioned, StreamsBuilder } from '@sluice/streams';

const golden = readFileSync(new URL('./fixtures/kafka-streams-4.3.1-describe.txt', import.meta.url), 'utf8')
  .split('----\n')
  .filter((s) => s.length > 0);

const normalise = (s: string) => s.replace(/\(extractor class: [^)]*\)/g, '(extractor class: <lambda>)');

function ours(): string[] {
  const out: string[] = [];
  const print = (b: StreamsBuilder) => out.push(b.build().describe().toString());

  let b = new StreamsBuilder();
  b.stream('source-topic').filter(() => true).to('destination-topic');
  print(b);

  b = new StreamsBuilder();
  const branches = b.stream<string, string>(['a', 'b']).split(Named.as('split-')).branch((_k, v) => v === 'x').defaultBranch();
  branches['split-1'].to('xs');
  branches['split-0'].selectKey((_k, v) => v).repartition(Repartitioned.as('rekey')).to((k) => `out-${k}`);
  print(b);

  b = new StreamsBuilder();
  const l = b.stream<string, string>('left').map((k, v) => KeyValue.pair(v, k));
  const r = b.stream<string, string>('right').filterNot(() => false).flatMap((k, v) => [KeyValue.pair(k, v)]);
  const m = l.merge(r).peek(() => {});
  m.foreach(() => {});
  m.mapValues((v) => v)
    .flatMapValues((v) => [v])
    .processValues(() => ({ process() {} }))
    .process(() => ({ process() {} }))
    .repartition()
    .print(Printed.toSysOut());
  print(b);

  b = new StreamsBuilder();
  b.stream<string, string>('a').split(Named.as('s-')).branch(() => true).noDefaultBranch();
  b.stream<string, string>('x').to('y');
  print(b);

  b = new StreamsBuilder();
  b.stream<string, string>('a').split().branch(() => true).branch(() => true, Branched.as('two')).defaultBranch();
  b.stream<string, string>('x').to('y');
  print(b);

  b = new StreamsBuilder();
  b.stream<string, string>('a').repartition(Repartitioned.as('r')).to('b');
  b.stream<string, string>('c').print(Printed.toSysOut());
  b.stream<string, string>('d').peek(() => {}, Named.as('named-peek')).to('e');
  print(b);
  return out;
}

test('describe() prints what Kafka Streams 4.3.1 prints for the same DSL calls', () => {
  const mine = ours();
  assert.equal(mine.length, golden.length);
  for (let i = 0; i < golden.length; i++) assert.equal(normalise(mine[i]), normalise(golden[i]), `topology ${i + 1}`);
});

// Pattern sources (StreamsBuilder.stream(RegExp)) and per-source offset reset, through the
// TopologyTestDriver and describe().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Consumed, Serdes, StreamsBuilder, StreamsErrorCode, Topology, TopologyTestDriver } from '@sluice/streams';

const S = Serdes.String();

function patternApp() {
  const b = new StreamsBuilder();
  b.stream(/orders-.*/, { keySerde: S, valueSerde: S })
    .mapValues((v, k) => `${k}:${v}`)
    .to('out', { keySerde: S, valueSerde: S });
  return b.build();
}

test('a pattern source reads every input topic whose whole name matches', () => {
  const driver = new TopologyTestDriver(patternApp(), {}, 0);
  driver.createInputTopic('orders-eu', S, S).pipeInput('a', '1');
  driver.createInputTopic('orders-us', S, S).pipeInput('b', '2');
  assert.deepEqual(driver.createOutputTopic('out', S, S).readValuesToList(), ['a:1', 'b:2']);
  driver.close();
});

test('a pattern is anchored to the whole topic name, as Java matches() is', () => {
  const driver = new TopologyTestDriver(patternApp(), {}, 0);
  for (const topic of ['old-orders-eu', 'orders', 'xorders-1']) {
    assert.throws(() => driver.createInputTopic(topic, S, S), (e: { code?: string; message: string }) => e.code === StreamsErrorCode.ILLEGAL_STATE && e.message.includes(`does not read topic '${topic}'`) && e.message.includes('/orders-.*/'));
  }
  driver.close();
});

test('records a topology writes to a topic its pattern matches are processed again', () => {
  const b = new StreamsBuilder();
  const s = b.stream(/stage-\d/, { keySerde: S, valueSerde: S });
  s.filter((_k, v) => v.length < 3).mapValues((v) => `${v}+`).to('stage-2', { keySerde: S, valueSerde: S });
  s.to('out', { keySerde: S, valueSerde: S });
  const driver = new TopologyTestDriver(b.build(), {}, 0);
  driver.createInputTopic('stage-1', S, S).pipeInput('k', 'x');
  assert.deepEqual(driver.createOutputTopic('out', S, S).readValuesToList(), ['x', 'x+', 'x++']);
  driver.close();
});

test('describe() prints a pattern source with the pattern in the topic list, as Kafka does', () => {
  const text = patternApp().describe().toString();
  assert.equal(
    text,
    [
      'Topologies:',
      '   Sub-topology: 0',
      '    Source: KSTREAM-SOURCE-0000000000 (topics: [orders-.*])',
      '      --> KSTREAM-MAPVALUES-0000000001',
      '    Processor: KSTREAM-MAPVALUES-0000000001 (stores: [])',
      '      --> KSTREAM-SINK-0000000002',
      '      <-- KSTREAM-SOURCE-0000000000',
      '    Sink: KSTREAM-SINK-0000000002 (topic: out)',
      '      <-- KSTREAM-MAPVALUES-0000000001',
      '',
      '',
    ].join('\n'),
  );
  const json = patternApp().describe().toJSON();
  assert.equal((json.subtopologies[0].nodes[0] as { topicPattern?: string }).topicPattern, 'orders-.*');
});

test('overlapping sources are an INVALID_TOPOLOGY error', () => {
  const isTopology = (needle: string) => (e: { code?: string; message: string }) => e.code === StreamsErrorCode.INVALID_TOPOLOGY && e.message.includes(needle);
  // A named topic the pattern matches, in either order.
  const named = new StreamsBuilder();
  named.stream('orders-eu');
  assert.throws(() => named.stream(/orders-.*/), isTopology("matches topic 'orders-eu', which source 'KSTREAM-SOURCE-0000000000' already reads"));
  const pattern = new StreamsBuilder();
  pattern.stream(/orders-.*/);
  assert.throws(() => pattern.stream('orders-eu'), isTopology("topic 'orders-eu' of source 'KSTREAM-SOURCE-0000000001' matches the pattern"));
  // The same pattern twice.
  const twice = new Topology().addSource('a', /t-.*/);
  assert.throws(() => twice.addSource('b', /t-.*/), isTopology('is already used by source'));
  // Two patterns that both match a topic: known once the topic shows up.
  const b = new StreamsBuilder();
  b.stream(/orders-.*/).to('out1');
  b.stream(/.*-eu/).to('out2');
  const driver = new TopologyTestDriver(b.build(), {}, 0);
  assert.throws(() => driver.createInputTopic('orders-eu', S, S), isTopology("topic 'orders-eu' matches the patterns of more than one source"));
  driver.createInputTopic('orders-us', S, S).pipeInput('k', 'v');
  assert.equal(driver.createOutputTopic('out1', S, S).readValue(), 'v');
  driver.close();
});

test('offsetResetPolicy is checked and kept on the source', () => {
  const b = new StreamsBuilder();
  b.stream('in', { ...Consumed.withOffsetResetPolicy('latest'), keySerde: S, valueSerde: S }).to('out');
  const topology = b.build();
  const source = topology.node('KSTREAM-SOURCE-0000000000');
  assert.equal(source.kind === 'source' && source.offsetResetPolicy, 'latest');
  assert.throws(() => new StreamsBuilder().stream('in', { offsetResetPolicy: 'newest' as 'latest' }), (e: { code?: string; message: string }) => e.code === StreamsErrorCode.INVALID_TOPOLOGY && e.message.includes("offsetResetPolicy must be 'earliest', 'latest' or 'none'"));
});

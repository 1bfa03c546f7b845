// Every stateless operator through the TopologyTestDriver.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Branched, KeyValue, Named, Printed, Produced, Record, Repartitioned, Serdes, StreamsBuilder, Topology, TopologyTestDriver, type FixedKeyProcessorContext, type ProcessorContext } from '@sluice/streams';

const S = Serdes.String();

function run(build: (b: StreamsBuilder) => void, inputs: [string | null, string, number?][], outputTopic = 'out', topic = 'in') {
  const b = new StreamsBuilder();
  build(b);
  const driver = new TopologyTestDriver(b.build(), {}, 0);
  const input = driver.createInputTopic(topic, S, S);
  for (const [k, v, ts] of inputs) input.pipeInput(k as string, v, ts ?? 0);
  const out = driver.createOutputTopic(outputTopic, S, S).readKeyValuesToList();
  driver.close();
  return out;
}

const stringStream = (b: StreamsBuilder) => b.stream('in', { keySerde: S, valueSerde: S });

test('filter and filterNot keep and drop by predicate', () => {
  const kept = run((b) => stringStream(b).filter((_k, v) => v.includes('important')).to('out'), [['a', 'important 1'], ['b', 'boring'], ['c', 'very important']]);
  assert.deepEqual(kept, [{ key: 'a', value: 'important 1' }, { key: 'c', value: 'very important' }]);
  const dropped = run((b) => stringStream(b).filterNot((_k, v) => v.includes('important')).to('out'), [['a', 'important 1'], ['b', 'boring']]);
  assert.deepEqual(dropped, [{ key: 'b', value: 'boring' }]);
});

test('map, mapValues and selectKey change keys and values', () => {
  assert.deepEqual(run((b) => stringStream(b).map((k, v) => KeyValue.pair(v, k)).to('out', Produced.with(S, S)), [['k', 'v']]), [{ key: 'v', value: 'k' }]);
  assert.deepEqual(run((b) => stringStream(b).mapValues((v, k) => `${k}:${v.toUpperCase()}`).to('out', { valueSerde: S }), [['k', 'v']]), [{ key: 'k', value: 'k:V' }]);
  assert.deepEqual(run((b) => stringStream(b).selectKey((_k, v) => v[0]).to('out', { keySerde: S }), [['k', 'xyz']]), [{ key: 'x', value: 'xyz' }]);
});

test('flatMap and flatMapValues emit zero or more records', () => {
  const words = run((b) => stringStream(b).flatMapValues((v) => v.split(' ').filter(Boolean)).to('out', { valueSerde: S }), [['k', 'a b c'], ['k', '']]);
  assert.deepEqual(words, [{ key: 'k', value: 'a' }, { key: 'k', value: 'b' }, { key: 'k', value: 'c' }]);
  const pairs = run((b) => stringStream(b).flatMap((k, v) => [...v].map((ch) => KeyValue.pair(ch, k))).to('out', Produced.with(S, S)), [['k', 'ab']]);
  assert.deepEqual(pairs, [{ key: 'a', value: 'k' }, { key: 'b', value: 'k' }]);
});

test('peek and foreach see every record; peek passes it on', () => {
  const peeked: string[] = [];
  const each: string[] = [];
  const b = new StreamsBuilder();
  const s = stringStream(b).peek((k, v) => peeked.push(`${k}=${v}`));
  s.foreach((k, v) => each.push(`${k}=${v}`));
  s.to('out');
  const driver = new TopologyTestDriver(b.build());
  driver.createInputTopic('in', S, S).pipeKeyValueList([{ key: 'a', value: '1' }, { key: 'b', value: '2' }]);
  assert.deepEqual(peeked, ['a=1', 'b=2']);
  assert.deepEqual(each, ['a=1', 'b=2']);
  assert.equal(driver.createOutputTopic('out', S, S).getQueueSize(), 2);
});

test('split sends each record to the first matching branch, else the default', () => {
  const b = new StreamsBuilder();
  const branches = stringStream(b)
    .split(Named.as('split-'))
    .branch((_k, v) => v.startsWith('a'), Branched.as('a'))
    .branch((_k, v) => v.startsWith('ab'), Branched.as('never'))
    .branch((_k, v) => v.startsWith('b'), Branched.withFunction((s) => s.mapValues((v) => v.toUpperCase()), 'b'))
    .defaultBranch(Branched.as('other'));
  assert.deepEqual(Object.keys(branches).sort(), ['split-a', 'split-b', 'split-never', 'split-other']);
  branches['split-a'].to('out-a');
  branches['split-b'].to('out-b', { valueSerde: S });
  branches['split-other'].to('out-other');
  const driver = new TopologyTestDriver(b.build());
  driver.createInputTopic('in', S, S).pipeValueList(['abc', 'bcd', 'cde', 'a']);
  assert.deepEqual(driver.createOutputTopic('out-a', S, S).readValuesToList(), ['abc', 'a']);
  assert.deepEqual(driver.createOutputTopic('out-b', S, S).readValuesToList(), ['BCD']);
  assert.deepEqual(driver.createOutputTopic('out-other', S, S).readValuesToList(), ['cde']);
});

test('split names unnamed branches by index, default 0; noDefaultBranch drops the rest', () => {
  const b = new StreamsBuilder();
  const branches = stringStream(b).split().branch((_k, v) => v === 'x').branch((_k, v) => v === 'y').noDefaultBranch();
  assert.deepEqual(Object.keys(branches), ['KSTREAM-BRANCH-00000000011', 'KSTREAM-BRANCH-00000000012']);
  const consumed: string[] = [];
  const b2 = new StreamsBuilder();
  const r = stringStream(b2).split().branch(() => true, Branched.withConsumer((s) => s.foreach((_k, v) => consumed.push(v)))).defaultBranch();
  assert.deepEqual(Object.keys(r), ['KSTREAM-BRANCH-00000000010']);
  const driver = new TopologyTestDriver(b2.build());
  driver.createInputTopic('in', S, S).pipeValue('v');
  assert.deepEqual(consumed, ['v']);
});

test('merge combines two streams in arrival order', () => {
  const b = new StreamsBuilder();
  const one = b.stream('one', { keySerde: S, valueSerde: S });
  const two = b.stream('two', { keySerde: S, valueSerde: S });
  one.merge(two).to('out');
  const driver = new TopologyTestDriver(b.build());
  const a = driver.createInputTopic('one', S, S);
  const c = driver.createInputTopic('two', S, S);
  a.pipeInput('k', '1');
  c.pipeInput('k', '2');
  a.pipeInput('k', '3');
  assert.deepEqual(driver.createOutputTopic('out', S, S).readValuesToList(), ['1', '2', '3']);
});

test('to with a TopicNameExtractor picks the topic per record', () => {
  const b = new StreamsBuilder();
  stringStream(b).to((key) => `out-${key}`);
  const driver = new TopologyTestDriver(b.build());
  driver.createInputTopic('in', S, S).pipeKeyValueList([{ key: 'x', value: '1' }, { key: 'y', value: '2' }]);
  assert.deepEqual(driver.producedTopicNames().sort(), ['out-x', 'out-y']);
  assert.equal(driver.createOutputTopic('out-y', S, S).readValue(), '2');
});

test('repartition goes through <appId>-<name>-repartition and on', () => {
  const b = new StreamsBuilder();
  stringStream(b)
    .selectKey((_k, v) => v.split(':')[0])
    .repartition({ ...Repartitioned.as<string, string>('by-user'), keySerde: S, valueSerde: S })
    .mapValues((v) => v.split(':')[1])
    .to('out', Produced.with(S, S));
  const topology = b.build();
  assert.deepEqual(topology.internalTopics().map((t) => t.name), ['by-user-repartition']);
  assert.equal(topology.subtopologies().length, 2);
  const driver = new TopologyTestDriver(topology, { applicationId: 'app' });
  driver.createInputTopic('in', S, S).pipeInput(null as unknown as string, 'ann:hello', 5);
  assert.deepEqual(driver.createOutputTopic('out', S, S).readRecord(), { key: 'ann', value: 'hello', timestamp: 5, headers: [] });
  assert.equal(driver.createOutputTopic('app-by-user-repartition', S, S).readValue(), 'ann:hello');
});

test('timestamps and headers travel with records', () => {
  const b = new StreamsBuilder();
  stringStream(b).mapValues((v) => v + '!').to('out', { valueSerde: S });
  const driver = new TopologyTestDriver(b.build());
  const headers = [{ key: 'h', value: Buffer.from('1') }];
  driver.createInputTopic('in', S, S).pipeInput('k', 'v', 1234, headers);
  assert.deepEqual(driver.createOutputTopic('out', S, S).readRecord(), { key: 'k', value: 'v!', timestamp: 1234, headers });
});

test('input topics without timestamps use their own clock, auto-advanced', () => {
  const b = new StreamsBuilder();
  stringStream(b).to('out');
  const driver = new TopologyTestDriver(b.build(), {}, 0);
  const input = driver.createInputTopic('in', S, S, { startTimestampMs: 1000, autoAdvanceMs: 10 });
  input.pipeValueList(['a', 'b']);
  input.advanceTime(100);
  input.pipeValue('c');
  assert.deepEqual(driver.createOutputTopic('out', S, S).readRecordsToList().map((r) => r.timestamp), [1000, 1010, 1120]);
});

test('process forwards any records and reads record metadata', () => {
  const b = new StreamsBuilder();
  stringStream(b)
    .process<string, string>(() => {
      let ctx!: ProcessorContext<string, string>;
      return {
        init: (c) => (ctx = c),
        process(r) {
          const m = ctx.recordMetadata()!;
          ctx.forward(new Record(`${m.topic}@${m.offset}`, r.value.repeat(2), r.timestamp + 1, r.headers));
        },
      };
    })
    .to('out', Produced.with(S, S));
  const driver = new TopologyTestDriver(b.build());
  const input = driver.createInputTopic('in', S, S);
  input.pipeInput('k', 'ab', 10);
  input.pipeInput('k', 'c', 11);
  assert.deepEqual(driver.createOutputTopic('out', S, S).readRecordsToList(), [
    { key: 'in@0', value: 'abab', timestamp: 11, headers: [] },
    { key: 'in@1', value: 'cc', timestamp: 12, headers: [] },
  ]);
});

test('processValues keeps the key and forwards FixedKeyRecords', () => {
  const b = new StreamsBuilder();
  stringStream(b)
    .processValues<number>(() => {
      let ctx!: FixedKeyProcessorContext<string, number>;
      return { init: (c) => (ctx = c), process: (r) => ctx.forward(r.withValue(r.value.length)) };
    })
    .to('out', { valueSerde: Serdes.Int32() });
  const driver = new TopologyTestDriver(b.build());
  driver.createInputTopic('in', S, S).pipeInput('k', 'four');
  assert.deepEqual(driver.createOutputTopic('out', S, Serdes.Int32()).readKeyValue(), { key: 'k', value: 4 });
});

test('the low-level Topology API: a processor forwarding to a named child reaches only that child', () => {
  const topology = new Topology()
    .addSource('src', 'in', { keyDeserializer: S, valueDeserializer: S })
    .addProcessor<string, string, string, string>('router', () => {
      let ctx!: ProcessorContext<string, string>;
      return { init: (c) => (ctx = c), process: (r) => ctx.forward(r, r.value === 'left' ? 'to-left' : 'to-right') };
    }, 'src')
    .addSink('to-left', 'left', { keySerializer: S, valueSerializer: S }, 'router')
    .addSink('to-right', 'right', { keySerializer: S, valueSerializer: S }, 'router');
  const driver = new TopologyTestDriver(topology);
  driver.createInputTopic('in', S, S).pipeValueList(['left', 'right', 'left']);
  assert.equal(driver.createOutputTopic('left', S, S).getQueueSize(), 2);
  assert.equal(driver.createOutputTopic('right', S, S).getQueueSize(), 1);
});

test('print writes [label]: key, value per record', () => {
  const lines: string[] = [];
  const b = new StreamsBuilder();
  stringStream(b).print({ ...Printed.withLabel('seen'), output: (l) => lines.push(l) });
  stringStream2(b).print({ output: (l) => lines.push(l), mapper: (k, v) => `${k}->${v}` });
  const driver = new TopologyTestDriver(b.build());
  driver.createInputTopic('in', S, S).pipeInput('k', 'v');
  driver.createInputTopic('in2', S, S).pipeInput('a', 'b');
  assert.deepEqual(lines, ['[seen]: k, v', '[KSTREAM-PRINTER-0000000003]: a->b']);
});

const stringStream2 = (b: StreamsBuilder) => b.stream('in2', { keySerde: S, valueSerde: S });

test('repartition drops records with a null key, as Kafka Streams does', () => {
  const b = new StreamsBuilder();
  stringStream(b).repartition({ name: 'r', keySerde: S, valueSerde: S }).to('out');
  const driver = new TopologyTestDriver(b.build());
  const input = driver.createInputTopic('in', S, S);
  input.pipeInput(null as unknown as string, 'no key');
  input.pipeInput('k', 'keyed');
  assert.deepEqual(driver.createOutputTopic('out', S, S).readValuesToList(), ['keyed']);
});

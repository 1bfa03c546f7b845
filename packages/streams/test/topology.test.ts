// describe() in Kafka's text shape and as JSON, punctuation in the test driver, serdes, and
// clear errors for malformed topologies and configs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  KafkaStreams,
  PunctuationType,
  Record,
  Serdes,
  StreamsBuilder,
  StreamsError,
  Topology,
  TopologyTestDriver,
  logAndContinueExceptionHandler,
  logAndFailProcessingExceptionHandler,
  logAndSkipOnInvalidTimestamp,
  usePartitionTimeOnInvalidTimestamp,
  type ProcessorContext,
  type RecordHeader,
  type Serde,
} from '@sluice/streams';

const S = Serdes.String();

test('describe() prints the topology as Kafka Streams does', () => {
  const b = new StreamsBuilder();
  b.stream('source-topic', { keySerde: S, valueSerde: S })
    .filter((_k, v) => v.includes('important'))
    .to('destination-topic');
  assert.equal(
    b.build().describe().toString(),
    [
      'Topologies:',
      '   Sub-topology: 0',
      '    Source: KSTREAM-SOURCE-0000000000 (topics: [source-topic])',
      '      --> KSTREAM-FILTER-0000000001',
      '    Processor: KSTREAM-FILTER-0000000001 (stores: [])',
      '      --> KSTREAM-SINK-0000000002',
      '      <-- KSTREAM-SOURCE-0000000000',
      '    Sink: KSTREAM-SINK-0000000002 (topic: destination-topic)',
      '      <-- KSTREAM-FILTER-0000000001',
      '',
      '',
    ].join('\n'),
  );
});

test('describe() splits sub-topologies at repartition topics and lists branches', () => {
  const b = new StreamsBuilder();
  const s = b.stream(['a', 'b'], { keySerde: S, valueSerde: S });
  const branches = s.split('split-').branch((_k, v) => v === 'x').defaultBranch();
  branches['split-1'].to('xs');
  branches['split-0'].selectKey((_k, v) => v).repartition({ name: 'rekey' }).to((k) => `out-${k}`);
  const d = b.build().describe();
  const text = d.toString();
  assert.match(text, /^Topologies:\n {3}Sub-topology: 0\n/);
  assert.match(text, /Source: KSTREAM-SOURCE-0000000000 \(topics: \[a, b\]\)\n {6}--> split-\n/);
  assert.match(text, /Processor: split- \(stores: \[\]\)\n {6}--> split-0, split-1\n {6}<-- KSTREAM-SOURCE-0000000000/);
  assert.match(text, /Sink: rekey-repartition-sink \(topic: rekey-repartition\)/);
  assert.match(text, /\n {2}Sub-topology: 1\n {4}Source: rekey-repartition-source \(topics: \[rekey-repartition\]\)/);
  assert.match(text, /Sink: KSTREAM-SINK-\d+ \(extractor class: anonymous\)/);
  const json = JSON.parse(JSON.stringify(d));
  assert.equal(json.subtopologies.length, 2);
  assert.deepEqual(json.subtopologies[1].nodes[0], { type: 'source', name: 'rekey-repartition-source', topics: ['rekey-repartition'], successors: [json.subtopologies[1].nodes[1].name] });
  assert.deepEqual(json.globalStores, []);
});

test('stream-time punctuation fires as record timestamps advance, once per gap', () => {
  const fired: number[] = [];
  const b = new StreamsBuilder();
  b.stream('in', { keySerde: S, valueSerde: S }).process(() => ({
    init(ctx: ProcessorContext<string, string>) {
      ctx.schedule(10, PunctuationType.STREAM_TIME, (t) => fired.push(t));
    },
    process() {},
  }));
  const driver = new TopologyTestDriver(b.build(), {}, 0);
  const input = driver.createInputTopic('in', S, S);
  for (const ts of [0, 5, 10, 35, 39, 40, 20]) input.pipeInput('k', 'v', ts);
  assert.deepEqual(fired, [0, 10, 35, 40]);
});

test('wall-clock punctuation fires as the driver clock advances, and may forward', () => {
  const b = new StreamsBuilder();
  b.stream('in', { keySerde: S, valueSerde: S })
    .process<string, string>(() => {
      let ctx!: ProcessorContext<string, string>;
      let seen = 0;
      return {
        init(c) {
          ctx = c;
          c.schedule(100, PunctuationType.WALL_CLOCK_TIME, (now) => ctx.forward(new Record('tick', `${now}:${seen}`, now)));
        },
        process() {
          seen++;
        },
      };
    })
    .to('ticks', { keySerde: S, valueSerde: S });
  const driver = new TopologyTestDriver(b.build(), {}, 1000);
  const ticks = driver.createOutputTopic('ticks', S, S);
  driver.advanceWallClockTime(50);
  assert.ok(ticks.isEmpty());
  driver.createInputTopic('in', S, S).pipeInput('k', 'v');
  driver.advanceWallClockTime(50);
  driver.advanceWallClockTime(250);
  assert.deepEqual(ticks.readRecordsToList().map((r) => [r.value, r.timestamp]), [['1100:1', 1100], ['1350:1', 1350]]);
});

test('a cancelled punctuation stops; recordMetadata is null inside a punctuation', () => {
  const seen: unknown[] = [];
  const b = new StreamsBuilder();
  b.stream('in', { keySerde: S, valueSerde: S }).process(() => {
    let ctx!: ProcessorContext<never, never>;
    return {
      init(c) {
        ctx = c;
        const handle = c.schedule(10, PunctuationType.WALL_CLOCK_TIME, () => {
          seen.push(ctx.recordMetadata());
          handle.cancel();
        });
      },
      process() {},
    };
  });
  const driver = new TopologyTestDriver(b.build(), {}, 0);
  driver.advanceWallClockTime(10);
  driver.advanceWallClockTime(10);
  assert.deepEqual(seen, [null]);
});

test('serdes: Kafka byte layouts and null pass-through', () => {
  assert.deepEqual(Serdes.Int32().serialize('t', 1), Buffer.from([0, 0, 0, 1]));
  assert.deepEqual(Serdes.Int32().serialize('t', -2), Buffer.from([0xff, 0xff, 0xff, 0xfe]));
  assert.deepEqual(Serdes.Int64().serialize('t', 258n), Buffer.from([0, 0, 0, 0, 0, 0, 1, 2]));
  assert.equal(Serdes.Int64().deserialize('t', Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])), -1n);
  assert.deepEqual(Serdes.Double().serialize('t', 1.5), Buffer.from('3ff8000000000000', 'hex'));
  assert.equal(Serdes.Double().deserialize('t', Buffer.from('3ff8000000000000', 'hex')), 1.5);
  assert.deepEqual(Serdes.JSON().deserialize('t', Buffer.from('{"a":[1]}')), { a: [1] });
  assert.equal(Serdes.String().deserialize('t', Buffer.from('héllo')), 'héllo');
  for (const serde of [Serdes.String(), Serdes.Int32(), Serdes.Int64(), Serdes.Double(), Serdes.JSON(), Serdes.Buffer()]) {
    assert.equal(serde.serialize('t', null as never), null);
    assert.equal(serde.deserialize('t', null), null);
  }
  assert.throws(() => Serdes.Int32().deserialize('t', Buffer.from([1, 2])), /Int32 deserializer expects 4 bytes but got 2 \(topic 't'\)/);
  assert.throws(() => Serdes.Int32().serialize('t', 2 ** 31), /not a 32-bit integer/);
  assert.throws(() => Serdes.JSON().deserialize('t', Buffer.from('{')), /not JSON/);
  const upper = Serdes.from<string>((v) => Buffer.from(v.toUpperCase()), (b) => b.toString().toLowerCase());
  assert.equal(upper.deserialize('t', upper.serialize('t', 'Ab')), 'ab');
});

test('custom serdes: a class implementing Serde, as default and per node, sees topics and headers', () => {
  interface Point {
    x: number;
    y: number;
  }
  /** Two little-endian int16s; the version header says which layout (as schema-id headers do). */
  class PointSerde implements Serde<Point> {
    readonly topics: string[] = [];
    serialize(topic: string, p: Point | null, headers?: readonly RecordHeader[]): Buffer | null {
      this.topics.push(`ser:${topic}`);
      if (p === null) return null;
      const v = headers?.find((h) => h.key === 'layout')?.value?.toString() ?? 'xy';
      const b = Buffer.alloc(4);
      b.writeInt16LE(v === 'yx' ? p.y : p.x, 0);
      b.writeInt16LE(v === 'yx' ? p.x : p.y, 2);
      return b;
    }
    deserialize(topic: string, b: Buffer | null, headers?: readonly RecordHeader[]): Point {
      this.topics.push(`de:${topic}`);
      if (b === null) return null as never;
      const v = headers?.find((h) => h.key === 'layout')?.value?.toString() ?? 'xy';
      const [a, c] = [b.readInt16LE(0), b.readInt16LE(2)];
      return v === 'yx' ? { x: c, y: a } : { x: a, y: c };
    }
  }
  const points = new PointSerde();
  const b = new StreamsBuilder();
  b.stream<string, Point>('points', { keySerde: S })
    .mapValues((p) => ({ x: p.x + 1, y: p.y * 2 }))
    .to('moved', { valueSerde: points });
  const driver = new TopologyTestDriver(b.build(), { defaultValueSerde: points }, 0);
  const input = driver.createInputTopic('points', S, points);
  input.pipeInput('a', { x: 1, y: 2 });
  input.pipeInput('b', { x: 3, y: 4 }, 0, [{ key: 'layout', value: Buffer.from('yx') }]);
  const raw = driver.createOutputTopic('moved', S, Serdes.Buffer()).readRecordsToList();
  assert.deepEqual(raw.map((r) => [r.key, r.value.toString('hex')]), [
    ['a', '02000400'],
    ['b', '08000400'], // the header travels with the record: written y first
  ]);
  const output = driver.createOutputTopic('moved', S, points);
  assert.equal(output.isEmpty(), true, 'the raw read consumed the outputs');
  input.pipeInput('c', { x: -5, y: 7 });
  assert.deepEqual(output.readKeyValue(), { key: 'c', value: { x: -4, y: 14 } });
  assert.ok(points.topics.includes('de:points') && points.topics.includes('ser:moved'), points.topics.join(' '));
});

test('the driver applies the deserialization exception handler', () => {
  const b = new StreamsBuilder();
  b.stream('in', { keySerde: S, valueSerde: Serdes.Int32() }).to('out', { keySerde: S, valueSerde: Serdes.Int32() });
  const strict = new TopologyTestDriver(b.build(), { logger: { info() {}, warn() {}, error() {} } });
  const raw = strict.createInputTopic('in', S, Serdes.Buffer());
  assert.throws(() => raw.pipeInput('k', Buffer.from([1])), (e: StreamsError) => e.code === 'DESERIALIZATION_FAILED' && /in-0 at offset 0/.test(e.message));
  const b2 = new StreamsBuilder();
  b2.stream('in', { keySerde: S, valueSerde: Serdes.Int32() }).to('out', { keySerde: S, valueSerde: Serdes.Int32() });
  const lenient = new TopologyTestDriver(b2.build(), { deserializationExceptionHandler: logAndContinueExceptionHandler, logger: { info() {}, warn() {}, error() {} } });
  const input = lenient.createInputTopic('in', S, Serdes.Buffer());
  input.pipeInput('k', Buffer.from([1]));
  input.pipeInput('k', Buffer.from([0, 0, 0, 7]));
  assert.deepEqual(lenient.createOutputTopic('out', S, Serdes.Int32()).readValuesToList(), [7]);
});

test('user errors name the task and the record', () => {
  const b = new StreamsBuilder();
  b.stream('in', { keySerde: S, valueSerde: S }).mapValues(() => {
    throw new Error('bad mapper');
  });
  const driver = new TopologyTestDriver(b.build());
  assert.throws(() => driver.createInputTopic('in', S, S).pipeInput('k', 'v'), /task 0_0: processing the record of in-0 at offset 0 failed in processor 'KSTREAM-MAPVALUES-0000000001': bad mapper/);
});

test('processing.exception.handler: CONTINUE drops the record at the processor that threw; the other branches still get it', () => {
  const b = new StreamsBuilder();
  const source = b.stream('in', { keySerde: S, valueSerde: S });
  source
    .mapValues((v) => {
      if (v === 'bad') throw new Error(`cannot take ${v}`);
      return v.toUpperCase();
    })
    .to('upper', { keySerde: S, valueSerde: S });
  source.to('all', { keySerde: S, valueSerde: S });
  const seen: unknown[] = [];
  const driver = new TopologyTestDriver(b.build(), {
    processingExceptionHandler: (ctx, record, error) => {
      seen.push({ node: ctx.processorNodeId, topic: ctx.topic, offset: ctx.offset, key: record.key, value: record.value, error: error.message });
      return 'CONTINUE';
    },
    logger: { info() {}, warn() {}, error() {} },
  });
  const input = driver.createInputTopic('in', S, S);
  for (const v of ['a', 'bad', 'c']) input.pipeInput('k', v);
  assert.deepEqual(driver.createOutputTopic('upper', S, S).readValuesToList(), ['A', 'C']);
  assert.deepEqual(driver.createOutputTopic('all', S, S).readValuesToList(), ['a', 'bad', 'c']);
  assert.deepEqual(seen, [{ node: 'KSTREAM-MAPVALUES-0000000001', topic: 'in', offset: 1n, key: 'k', value: 'bad', error: 'cannot take bad' }]);

  // The default fails, and so does a handler answering FAIL.
  for (const config of [{}, { processingExceptionHandler: logAndFailProcessingExceptionHandler }]) {
    const strict = new TopologyTestDriver(b.build(), config);
    assert.throws(() => strict.createInputTopic('in', S, S).pipeInput('k', 'bad'), (e) => e instanceof StreamsError && e.code === 'PROCESSING_FAILED' && /cannot take bad/.test(e.message));
  }
});

test('malformed topologies are refused with clear errors', () => {
  assert.throws(() => new StreamsBuilder().build(), /it has no source/);
  assert.throws(() => new Topology().addProcessor('p', () => ({ process() {} }), 'nope'), /parent 'nope' of 'p' does not exist/);
  assert.throws(() => new Topology().addSource('s', 't').addSource('s2', 't'), /topic 't' is already read by source 's'/);
  assert.throws(() => new Topology().addSource('s', 't').addSource('s', 'u'), /a node named 's' already exists/);
  assert.throws(() => new Topology().addSource('s', 't').addSink('k', 'o', {}, 's').addProcessor('p', () => ({ process() {} }), 'k'), /sink 'k' cannot be the parent/);
  const b = new StreamsBuilder();
  const split = b.stream('in').split();
  split.noDefaultBranch();
  assert.throws(() => split.branch(() => true), /already finished/);
  assert.throws(() => b.stream('in2').filter(undefined as never), /the filter predicate must be a function/);
  const shared = { process() {} };
  const t = new Topology().addSource('s', 'in').addProcessor('a', () => shared, 's').addProcessor('b', () => shared, 's');
  assert.throws(() => new TopologyTestDriver(t), /returned the same instance twice/);
});

test('KafkaStreams refuses bad configs, listing every problem', () => {
  const b = new StreamsBuilder();
  b.stream('in').to('out');
  const topology = b.build();
  assert.throws(() => new KafkaStreams(topology, {} as never), /'applicationId' \(application.id\) is required; 'bootstrapServers' \(bootstrap.servers\) is required/);
  assert.throws(() => new KafkaStreams(topology, { applicationId: 'a', bootstrapServers: 'x:1', commitIntervalMs: -1 }), /'commitIntervalMs' \(commit.interval.ms\) must be a non-negative integer/);
  assert.throws(() => new KafkaStreams(topology, { applicationId: 'a', bootstrapServers: 'x:1', processingGuarantee: 'exactly_once' as never }), /Invalid value exactly_once for configuration processing.guarantee: String must be one of: at_least_once, exactly_once_v2 \(Kafka 4.0 removed exactly_once and exactly_once_beta: use exactly_once_v2\)/);
  assert.throws(() => new KafkaStreams(topology, { applicationId: 'a', bootstrapServers: 'x:1', comitIntervalMs: 5 } as never), /unknown option 'comitIntervalMs'/);
  const streams = new KafkaStreams(topology, { applicationId: 'a', bootstrapServers: 'x:1' });
  assert.equal(streams.state(), 'CREATED');
});

test('timestamp extractors: the default fails on negative timestamps; others skip, substitute or read the value', () => {
  const quiet = { info() {}, warn() {}, error() {} };
  const build = (consumed: Parameters<StreamsBuilder['stream']>[1] = {}) => {
    const b = new StreamsBuilder();
    b.stream('in', { keySerde: S, valueSerde: S, ...consumed }).to('out');
    return b.build();
  };
  const strict = new TopologyTestDriver(build(), { logger: quiet });
  assert.throws(() => strict.createInputTopic('in', S, S).pipeInput('k', 'v', -1), /invalid timestamp -1.*usePartitionTimeOnInvalidTimestamp/);

  const skip = new TopologyTestDriver(build({ timestampExtractor: logAndSkipOnInvalidTimestamp }), { logger: quiet });
  const skipIn = skip.createInputTopic('in', S, S);
  skipIn.pipeInput('a', '1', 5);
  skipIn.pipeInput('b', '2', -1);
  assert.deepEqual(skip.createOutputTopic('out', S, S).readRecordsToList().map((r) => [r.key, r.timestamp]), [['a', 5]]);

  const partitionTime = new TopologyTestDriver(build(), { defaultTimestampExtractor: usePartitionTimeOnInvalidTimestamp, logger: quiet });
  const ptIn = partitionTime.createInputTopic('in', S, S);
  ptIn.pipeInput('a', '1', 50);
  ptIn.pipeInput('b', '2', -1);
  assert.deepEqual(partitionTime.createOutputTopic('out', S, S).readRecordsToList().map((r) => r.timestamp), [50, 50]);

  const fromValue = new TopologyTestDriver(build({ timestampExtractor: (r) => Number(r.value) }));
  fromValue.createInputTopic('in', S, S).pipeInput('k', '12345', 1);
  assert.equal(fromValue.createOutputTopic('out', S, S).readRecord().timestamp, 12345);
  // Whole milliseconds, as Java's long: a fraction could not be committed as the partition time
  // (an application without a sink went to ERROR at its first commit) nor produced.
  fromValue.createInputTopic('in', S, S).pipeInput('k', '1700000000000.75', 1);
  assert.equal(fromValue.createOutputTopic('out', S, S).readRecord().timestamp, 1_700_000_000_000);
});

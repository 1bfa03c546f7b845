// The repartition topic of a table aggregation (KTable.groupBy → count/reduce/aggregate) carries
// old and new values in Java's ChangedSerializer layout, so Sluice and Java instances of one
// application can share it. The bytes Java writes come from Kafka Streams 4.3.1 itself
// (tests/streams/java/.../ChangedBytes.java); Sluice must write the same bytes for the same changes
// and read Java's into the same old and new values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { mavenProjectClasspath } from '@sluice/test-kit';
import { Grouped, KeyValue, Materialized, Serdes, StreamsBuilder, TopologyTestDriver } from '@sluice/streams';

const exec = promisify(execFile);
const S = Serdes.String();
const REPARTITION = 'test-driver-changes-repartition';

/** Java's bytes for each change, given as "new|old" with "-" for null. */
async function javaBytes(changes: string[]): Promise<Buffer[]> {
  const cp = await mavenProjectClasspath(fileURLToPath(new URL('./java', import.meta.url)));
  const { stdout } = await exec('java', ['-cp', cp, 'dev.sluice.streams.ChangedBytes', ...changes], { timeout: 300_000 });
  return stdout.trim().split('\n').map((hex) => Buffer.from(hex, 'hex'));
}

/** table('input').groupBy(key stays, value stays).reduce(...) whose repartition topic is `changes`. */
function topology(): TopologyTestDriver {
  const b = new StreamsBuilder();
  b.table<string, string>('input', { keySerde: S, valueSerde: S })
    .groupBy((k, v) => KeyValue.pair(v.startsWith('@') ? v.slice(1) : k, v), Grouped.with(S, S, 'changes'))
    .reduce((agg, v) => `${agg}+${v}`, (agg, v) => `${agg}-${v}`, Materialized.as<string, string>('reduced').withCachingDisabled())
    .toStream()
    .to('out');
  return new TopologyTestDriver(b.build(), {}, 0);
}

test("a table aggregation's repartition records are Java's ChangedSerializer bytes, both ways", { timeout: 600_000 }, async () => {
  const long = 'x'.repeat(200);
  const java = await javaBytes(['a|-', 'b|a', `${long}|b`, '-|' + long, '@k|-']);

  const d = topology();
  try {
    const input = d.createInputTopic('input', S, S);
    input.pipeInput('k', 'a', 1); // new only
    input.pipeInput('k', 'b', 2); // new and old under one key
    input.pipeInput('k', long, 3); // a new value longer than one varint byte
    input.pipeInput('k', null as unknown as string, 4); // old only
    input.pipeInput('j', '@k', 5); // new only, regrouped under k
    const written = d.createOutputTopic(REPARTITION, Serdes.Buffer(), Serdes.Buffer()).readValuesToList();
    assert.deepEqual(
      written.map((b) => b.toString('hex')),
      java.map((b) => b.toString('hex')),
    );
    assert.deepEqual(d.createOutputTopic('out', S, S).readValuesToList(), ['a', 'a-a+b', `a-a+b-b+${long}`, `a-a+b-b+${long}-${long}`, `a-a+b-b+${long}-${long}+@k`]);
  } finally {
    d.close();
  }

  // Java's bytes read back by Sluice: the same old and new values reach the aggregation.
  const r = topology();
  try {
    const repartition = r.createInputTopic(REPARTITION, S, Serdes.Buffer());
    for (const [i, bytes] of java.entries()) repartition.pipeInput('k', bytes, 10 + i);
    assert.deepEqual(r.createOutputTopic('out', S, S).readValuesToList(), ['a', 'a-a+b', `a-a+b-b+${long}`, `a-a+b-b+${long}-${long}`, `a-a+b-b+${long}-${long}+@k`]);
  } finally {
    r.close();
  }
});

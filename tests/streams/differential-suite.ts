/**
 * The differential suite, run by differential.test.ts (at-least-once) and differential-eos.test.ts
 * (exactly_once_v2): the same topologies (tests/streams/java, DifferentialTopologies.java) over
 * the same seeded input on one Sluice broker process, in Java Kafka Streams 4.3.1 and in Sluice.
 * Java's output is first checked against a plain computation (so the harness itself is known to
 * work), then is the reference the Sluice twins must match record for record, per key and in
 * order (value and timestamp). SLUICE_DIFFERENTIAL_SEED replays another input.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateInputs, type TopologyInput } from './differential-inputs.ts';
import { expectedOutput, type OutputRecord } from './differential-model.ts';
import { startSluiceApps, twinNames, type SluiceApps } from './differential-sluice.ts';
import { differences, failuresOf, readOutput, startJavaApps, startTestBroker, topicsOf, type JavaApps, type Guarantee, type TestBroker, type TopologyRun, waitUntilProcessed, writeInputs } from './differential-harness.ts';

const SEED = Number(process.env.SLUICE_DIFFERENTIAL_SEED ?? 17);
const RECORDS_PER_TOPOLOGY = 600;

export function differentialSuite(guarantee: Guarantee): void {
  describe(`streams differential: Java Kafka Streams 4.3.1 as the reference (seed ${SEED}, ${guarantee})`, () => {
    const inputs: Record<string, TopologyInput> = generateInputs(SEED, RECORDS_PER_TOPOLOGY);
    const javaRuns: TopologyRun[] = Object.entries(inputs).map(([name, input]) => topicsOf(name, 'java', input));
    let broker: TestBroker;
    let java: JavaApps;
    const sluiceRuns: TopologyRun[] = twinNames().map((name) => topicsOf(name, 'sluice', inputs[name]!));
    let sluice: SluiceApps;
    // Java's output is read once: the harness check and the Sluice comparison both use it.
    const javaOutputs = new Map<TopologyRun, Promise<OutputRecord[]>>();
    const javaOutput = (run: TopologyRun): Promise<OutputRecord[]> => {
      if (!javaOutputs.has(run)) javaOutputs.set(run, waitUntilProcessed(broker.bootstrap, run, guarantee, () => failuresOf(run, java.errors)).then(() => readOutput(broker.bootstrap, run, guarantee)));
      return javaOutputs.get(run)!;
    };

    before(async () => {
      broker = await startTestBroker();
      await writeInputs(broker.bootstrap, inputs);
      java = await startJavaApps(broker.bootstrap, guarantee, javaRuns);
      sluice = await startSluiceApps(broker.bootstrap, guarantee, sluiceRuns);
    });

    after(async () => {
      await sluice?.stop();
      await java?.stop();
      await broker?.stop();
    });

    test('every reference topology has a Sluice twin', () => {
      assert.deepEqual(twinNames().sort(), Object.keys(inputs).sort());
    });

    for (const run of javaRuns) {
      test(`${run.name}: Java's output is the plain computation of the input (harness check)`, async () => {
        const out = await javaOutput(run);
        const expected = expectedOutput(run.name, inputs[run.name]!);
        assert.ok(expected.length > 0, 'the input yields some output');
        assert.deepEqual(differences(expected, out, 'the model', 'Java'), []);
        assert.equal(out.length, expected.length);
      });
    }

    for (const run of sluiceRuns) {
      test(`${run.name}: Sluice's output is Java's, record for record per key`, async () => {
        const javaRun = javaRuns.find((r) => r.name === run.name)!;
        const reference = await javaOutput(javaRun);
        await waitUntilProcessed(broker.bootstrap, run, guarantee, () => failuresOf(run, sluice.errors));
        const out = await readOutput(broker.bootstrap, run, guarantee);
        assert.deepEqual(differences(reference, out, 'Java', 'Sluice'), []);
        assert.equal(out.length, reference.length);
      });
    }
  });
}

// What the client suites against one target share: the broker started for the tests of a
// describe() with an Admin on it, and reading records until as many as expected have come.
import { after, before } from 'node:test';
import { Admin, type Consumer, type ConsumerRecord } from '@sluice/client';
import type { RunningTarget, Target } from '../targets.ts';

export interface SuiteBroker {
  /** Set once the describe()'s `before` hook has run. */
  readonly broker: RunningTarget;
  readonly admin: Admin;
}

/** Call inside describe(): starts `target` before its tests with an Admin on it, and stops both after them. */
export function brokerForSuite(target: Target): SuiteBroker {
  const suite = {} as { broker: RunningTarget; admin: Admin };
  before(async () => {
    suite.broker = await target.start();
    suite.admin = new Admin({ bootstrapServers: suite.broker.bootstrap });
  });
  after(async () => {
    await suite.admin?.close();
    await suite.broker?.stop();
  });
  return suite;
}

export const values = (records: readonly ConsumerRecord[]) => records.map((r) => r.value!.toString());

/** Polls until `count` records arrived, then once more to show that nothing else is readable. */
export async function readAll(consumer: Consumer, count: number): Promise<ConsumerRecord[]> {
  const got: ConsumerRecord[] = [];
  for (const deadline = Date.now() + 60_000; got.length < count && Date.now() < deadline; ) got.push(...(await consumer.poll({ timeoutMs: 500 })));
  got.push(...(await consumer.poll({ timeoutMs: 1500 })));
  return got;
}

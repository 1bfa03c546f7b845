// examples/fraud-detection as a user runs it: `npm run example:fraud-detection` and
// `npm run example:fraud-detection:generate` against a Sluice broker. The alerts in fraud-alerts
// must be exactly those that the payments and profiles read back from their topics call for,
// worked out here without windows or streams: per card, each minute with more payments than its
// limit; each card whose payments within some 10 minutes sum to more than its limit; each card
// used in two countries within 10 minutes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker } from '@sluice/broker';
import { eventually } from '@sluice/test-kit';
import { readTopic, type ReadRecord } from './support.ts';
import { killGroup, npmRun, type Run } from './example-runs.ts';
import type { Alert, Payment, Profile } from '../../examples/fraud-detection/model.ts';

const MINUTE = 60_000;
const TEN_MINUTES = 10 * MINUTE;

interface Expected {
  tooMany: Set<string>;
  overAmount: Set<string>;
  twoCountries: Set<string>;
}

/** The alerts the rules call for, from the payments (with their timestamps) and the profiles. */
function expectedAlerts(paymentRecords: ReadRecord[], profileRecords: ReadRecord[]): Expected {
  const profiles = new Map(profileRecords.map((r) => [r.key!, JSON.parse(r.value!) as Profile]));
  const byCard = new Map<string, { at: number; payment: Payment }[]>();
  for (const r of paymentRecords) {
    const list = byCard.get(r.key!) ?? [];
    list.push({ at: r.timestamp, payment: JSON.parse(r.value!) as Payment });
    byCard.set(r.key!, list);
  }
  const expected: Expected = { tooMany: new Set(), overAmount: new Set(), twoCountries: new Set() };
  for (const [card, payments] of byCard) {
    const profile = profiles.get(card)!;
    const perMinute = new Map<number, number>();
    for (const { at } of payments) perMinute.set(at - (at % MINUTE), (perMinute.get(at - (at % MINUTE)) ?? 0) + 1);
    for (const [start, n] of perMinute) if (n > profile.maxPaymentsPerMinute) expected.tooMany.add(`${card}@${start}`);
    // Amounts are positive, so the largest 10-minute total is one ending at a payment.
    for (const { at } of payments) {
      const within = payments.filter((p) => p.at >= at - TEN_MINUTES && p.at <= at);
      if (within.reduce((sum, p) => sum + p.payment.amount, 0) > profile.maxAmountPer10Minutes) expected.overAmount.add(card);
    }
    for (const a of payments) for (const b of payments) if (Math.abs(a.at - b.at) <= TEN_MINUTES && a.payment.country !== b.payment.country) expected.twoCountries.add(card);
  }
  return expected;
}

function seenAlerts(records: ReadRecord[]): Expected {
  const seen: Expected = { tooMany: new Set(), overAmount: new Set(), twoCountries: new Set() };
  for (const r of records) {
    const alert = JSON.parse(r.value!) as Alert;
    if (alert.reason === 'too-many-payments') seen.tooMany.add(`${alert.card}@${alert.windowStart}`);
    else if (alert.reason === 'amount-over-limit') seen.overAmount.add(alert.card);
    else seen.twoCountries.add(alert.card);
  }
  return seen;
}

const sorted = (e: Expected) => ({ tooMany: [...e.tooMany].sort(), overAmount: [...e.overAmount].sort(), twoCountries: [...e.twoCountries].sort() });

test('npm run example:fraud-detection raises exactly the alerts the payments call for', { timeout: 300_000 }, async () => {
  const broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0' } });
  const work = mkdtempSync(join(tmpdir(), 'sluice-fraud-'));
  const runs: Run[] = [];
  const describeRuns = () => runs.map((r, i) => `--- run ${i}:\n${r.output().slice(-3000)}`).join('\n');
  try {
    const app = npmRun('example:fraud-detection', { KAFKA_BOOTSTRAP_SERVERS: broker.bootstrap, FRAUD_STATE_DIR: join(work, 'state') });
    runs.push(app);
    await eventually('the application to run', () => app.output().includes('fraud-detection: RUNNING'), 120_000).catch((e) => {
      throw new Error(`${e.message}\n${describeRuns()}`);
    });

    const generator = npmRun('example:fraud-detection:generate', { KAFKA_BOOTSTRAP_SERVERS: broker.bootstrap }, ['--rate', '2000', '--count', '600', '--cards', '12', '--seed', '7']);
    runs.push(generator);
    assert.equal(await generator.closed, 0, generator.output());

    const profiles = await readTopic(broker.bootstrap, 'customer-profiles', (rs) => rs.length >= 12);
    const payments = await readTopic(broker.bootstrap, 'payments', (rs) => rs.length >= 600);
    assert.equal(payments.length, 600);
    const expected = expectedAlerts(payments, profiles);
    // The seed gives alerts of every kind, and cards that break no rule.
    for (const kind of ['tooMany', 'overAmount', 'twoCountries'] as const) assert.ok(expected[kind].size > 0, `the input calls for ${kind} alerts`);
    assert.ok(expected.overAmount.size < 12 && expected.twoCountries.size < 12, 'some cards break no rule');

    const alerts = await readTopic(broker.bootstrap, 'fraud-alerts', (rs) => JSON.stringify(sorted(seenAlerts(rs))) === JSON.stringify(sorted(expected)), 90_000);
    assert.deepEqual(sorted(seenAlerts(alerts)), sorted(expected), describeRuns());
    // Each alert names its card's customer and limit, and its window.
    const profileOf = new Map(profiles.map((r) => [r.key!, JSON.parse(r.value!) as Profile]));
    for (const r of alerts) {
      const alert = JSON.parse(r.value!) as Alert;
      const profile = profileOf.get(alert.card)!;
      assert.equal(r.key, alert.card);
      assert.equal(alert.customer, profile.customer);
      if (alert.reason === 'too-many-payments') {
        assert.deepEqual([alert.windowEnd - alert.windowStart, alert.limit], [MINUTE, profile.maxPaymentsPerMinute]);
        assert.ok((alert.observed as number) > profile.maxPaymentsPerMinute);
      } else {
        assert.equal(alert.windowEnd - alert.windowStart, TEN_MINUTES);
        if (alert.reason === 'amount-over-limit') assert.ok((alert.observed as number) > profile.maxAmountPer10Minutes && alert.limit === profile.maxAmountPer10Minutes);
        else assert.ok((alert.observed as string[]).length > 1);
      }
    }

    // Ctrl-C closes it gracefully.
    killGroup(app, 'SIGINT');
    await app.closed;
    assert.match(app.output(), /fraud-detection: NOT_RUNNING/);
  } finally {
    for (const r of runs) killGroup(r, 'SIGKILL');
    await broker.close();
    rmSync(work, { recursive: true, force: true });
  }
});

// examples/network-monitoring as a user runs it: `npm run example:network-monitoring` and
// `npm run example:network-monitoring:generate` against a Sluice broker. Worked out here from the
// readings read back, without windows or streams: the dashboard's last summary of each device's
// sessions of activity (readings split where they are more than 30 s apart), the error bursts
// (errors split where more than 10 s apart, 3 errors or more) and the silences (a device not
// heard from for over a minute while other devices of its partition moved stream time on).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker } from '@sluice/broker';
import { eventually } from '@sluice/test-kit';
import { readTopic, type ReadRecord } from './support.ts';
import { killGroup, npmRun, type Run } from './example-runs.ts';
import { type DeviceAlert, type Metric, type SessionSummary, ACTIVITY_GAP_MS, BURST_GAP_MS, BURST_MIN_ERRORS, SILENCE_CHECK_MS, SILENCE_MS } from '../../examples/network-monitoring/model.ts';

interface Reading {
  at: number;
  partition: number;
  metric: Metric;
}

/** Splits time-ordered readings where two are more than `gap` apart. */
function sessions(readings: Reading[], gap: number): Reading[][] {
  const out: Reading[][] = [];
  for (const r of readings) {
    const last = out.at(-1);
    if (last && r.at - last.at(-1)!.at <= gap) last.push(r);
    else out.push([r]);
  }
  return out;
}

function expected(records: ReadRecord[]) {
  const readings: Reading[] = records.map((r) => ({ at: r.timestamp, partition: r.partition, metric: JSON.parse(r.value!) as Metric }));
  const byDevice = new Map<string, Reading[]>();
  for (const r of readings) byDevice.set(r.metric.device, [...(byDevice.get(r.metric.device) ?? []), r]);
  const dashboard = new Map<string, SessionSummary>();
  const bursts = new Map<string, { burstEnd: number; errors: number }>();
  const silences = new Set<string>();
  const ambiguous: string[] = [];
  for (const [device, own] of byDevice) {
    for (const s of sessions(own, ACTIVITY_GAP_MS)) {
      const summary: SessionSummary = { device, sessionStart: s[0]!.at, sessionEnd: s.at(-1)!.at, readings: s.length, errors: s.filter((r) => r.metric.status === 'error').length, maxLatencyMs: Math.max(...s.map((r) => r.metric.latencyMs)) };
      dashboard.set(`${device}@${summary.sessionStart}`, summary);
    }
    for (const b of sessions(own.filter((r) => r.metric.status === 'error'), BURST_GAP_MS)) {
      if (b.length >= BURST_MIN_ERRORS) bursts.set(`${device}@${b[0]!.at}`, { burstEnd: b.at(-1)!.at, errors: b.length });
    }
    // Each gap after a reading: to the device's next reading, or to the end of its partition.
    const partition = readings.filter((r) => r.partition === own[0]!.partition);
    own.forEach((r, i) => {
      const next = own[i + 1]?.at ?? Infinity;
      const end = Math.min(next, Math.max(...partition.map((p) => p.at)));
      if (end - r.at <= SILENCE_MS) return;
      // Certain only if stream time passed a whole check interval beyond the silence limit before the device spoke again.
      if (partition.some((p) => p.at >= r.at + SILENCE_MS + SILENCE_CHECK_MS && p.at < next)) silences.add(`${device}@${r.at}`);
      else ambiguous.push(`${device}@${r.at}`);
    });
  }
  return { dashboard, bursts, silences, ambiguous };
}

test('npm run example:network-monitoring keeps the dashboard and raises the burst and silence alerts the readings call for', { timeout: 300_000 }, async () => {
  const broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0' } });
  const work = mkdtempSync(join(tmpdir(), 'sluice-network-'));
  const runs: Run[] = [];
  const describeRuns = () => runs.map((r, i) => `--- run ${i}:\n${r.output().slice(-3000)}`).join('\n');
  try {
    const app = npmRun('example:network-monitoring', { KAFKA_BOOTSTRAP_SERVERS: broker.bootstrap, NETWORK_STATE_DIR: join(work, 'state') });
    runs.push(app);
    await eventually('the application to run', () => app.output().includes('network-monitoring: RUNNING'), 120_000).catch((e) => {
      throw new Error(`${e.message}\n${describeRuns()}`);
    });

    const generator = npmRun('example:network-monitoring:generate', { KAFKA_BOOTSTRAP_SERVERS: broker.bootstrap }, ['--rate', '3000', '--count', '1200', '--devices', '8', '--seed', '5']);
    runs.push(generator);
    assert.equal(await generator.closed, 0, generator.output());

    const metrics = await readTopic(broker.bootstrap, 'device-metrics', (rs) => rs.length >= 1200);
    assert.equal(metrics.length, 1200);
    const want = expected(metrics);
    assert.deepEqual(want.ambiguous, [], 'the seed gives no silence that a check may or may not catch');
    assert.ok(want.silences.size > 0 && want.bursts.size > 0 && want.dashboard.size > 8, `the input calls for silences (${want.silences.size}), bursts (${want.bursts.size}) and new sessions (${want.dashboard.size})`);

    const lastPerSession = (rs: ReadRecord[]) => {
      const m = new Map<string, SessionSummary>();
      for (const r of rs) {
        const s = JSON.parse(r.value!) as SessionSummary;
        assert.equal(r.key, s.device);
        m.set(`${s.device}@${s.sessionStart}`, s);
      }
      return m;
    };
    const dashboard = await readTopic(broker.bootstrap, 'device-dashboard', (rs) => JSON.stringify([...lastPerSession(rs)].sort()) === JSON.stringify([...want.dashboard].sort()), 90_000);
    assert.deepEqual(new Map([...lastPerSession(dashboard)].sort()), new Map([...want.dashboard].sort()), describeRuns());

    const seen = (rs: ReadRecord[]) => {
      const bursts = new Map<string, { burstEnd: number; errors: number }>();
      const silences: string[] = [];
      for (const r of rs) {
        const alert = JSON.parse(r.value!) as DeviceAlert;
        assert.equal(r.key, alert.device);
        if (alert.reason === 'error-burst') bursts.set(`${alert.device}@${alert.burstStart}`, { burstEnd: alert.burstEnd, errors: alert.errors });
        else {
          assert.ok(alert.detectedAt - alert.lastSeen > SILENCE_MS, JSON.stringify(alert));
          silences.push(`${alert.device}@${alert.lastSeen}`);
        }
      }
      return { bursts: [...bursts].sort(), silences: silences.sort() };
    };
    const wanted = { bursts: [...want.bursts].sort(), silences: [...want.silences].sort() };
    const alerts = await readTopic(broker.bootstrap, 'device-alerts', (rs) => JSON.stringify(seen(rs)) === JSON.stringify(wanted), 90_000);
    // Each silence reported once; each burst's last alert has its final end and count.
    assert.deepEqual(seen(alerts), wanted, describeRuns());

    // Ctrl-C closes it gracefully.
    killGroup(app, 'SIGINT');
    await app.closed;
    assert.match(app.output(), /network-monitoring: NOT_RUNNING/);
  } finally {
    for (const r of runs) killGroup(r, 'SIGKILL');
    await broker.close();
    rmSync(work, { recursive: true, force: true });
  }
});

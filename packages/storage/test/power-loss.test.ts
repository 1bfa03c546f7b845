// Randomised power cuts during concurrent appends on the in-memory filesystem. After recovery:
// every append whose promise resolved is there byte for byte, no record appears after a gap,
// and the log takes new appends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Random } from '@sluice/test-kit/random';
import { MemoryFileSystem } from '../src/index.ts';
import { batch, openLog, readAll } from './helpers.ts';

const RUNS = Number(process.env.SLUICE_POWER_LOSS_RUNS ?? 1000);

test(`${RUNS} power cuts during concurrent appends lose nothing acknowledged`, async () => {
  let acknowledgedTotal = 0;
  for (let run = 0; run < RUNS; run++) {
    const seeded = new Random(run + 1);
    const random = () => seeded.next();
    const fs = new MemoryFileSystem();
    const overrides = { 'segment.bytes': String(300 + Math.floor(random() * 2000)) };
    const log = await openLog(fs, overrides);
    const acknowledged = new Map<bigint, string>();
    // The power goes before a random file operation: a write, a sync, a create, a rename...
    fs.scheduleCrash(Math.floor(random() * 120), random);
    const appenders = Array.from({ length: 1 + Math.floor(random() * 8) }, async (_, a) => {
      for (let i = 0; !fs.crashed; i++) {
        const values = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, k) => `r${run}-a${a}-${i}-${k}`);
        try {
          const r = await log.append(batch(values));
          values.forEach((v, k) => acknowledged.set(r.baseOffset + BigInt(k), v));
        } catch {
          return;
        }
      }
    });
    await Promise.all(appenders);
    fs.restart();
    const recovered = await openLog(fs, overrides);
    const records = await readAll(recovered);
    // No gaps: offsets run from 0 without holes.
    records.forEach((r, i) => assert.equal(r.offset, BigInt(i), `run ${run}: gap before offset ${r.offset}`));
    const byOffset = new Map(records.map((r) => [r.offset, r.value]));
    for (const [offset, value] of acknowledged) {
      assert.equal(byOffset.get(offset), value, `run ${run}: acknowledged record at ${offset} lost or changed`);
    }
    acknowledgedTotal += acknowledged.size;
    const next = await recovered.append(batch(['after']));
    assert.equal(next.baseOffset, BigInt(records.length), `run ${run}: new append does not continue the log`);
    await recovered.close();
  }
  assert.ok(acknowledgedTotal > RUNS, `only ${acknowledgedTotal} acknowledged records in ${RUNS} runs`);
});

/**
 * The Go client drivers of tests/compat (sarama/, kafka-go/): each is a small program in its own
 * module (go.mod and go.sum pin the client), built once into the Go cache by goBuild, run as
 * `driver <command> <json settings>`, printing JSON lines of which the last is the result.
 */
import assert from 'node:assert/strict';
import { goBuild, run } from '@sluice/test-kit';

export interface DriverRecord {
  partition: number;
  offset: number;
  key: string;
  value: string;
  header: string;
}

export function goDriver(dir: string, name: string): (command: string, settings: Record<string, unknown>) => Promise<any> {
  const bin = goBuild(dir, name);
  bin.catch(() => {}); // reported by the first test that needs it
  return async (command, settings) => {
    const output = await run(await bin, [command, JSON.stringify(settings)], { timeoutMs: 120_000 });
    const line = output.trim().split('\n').filter((l) => l.startsWith('{')).pop();
    assert.ok(line, `no result from ${name} ${command}:\n${output}`);
    return JSON.parse(line);
  };
}

/** Records `${prefix}0`..`${prefix}${count - 1}` (key kN, header n=N), each once, with offsets
 * rising within each partition. */
export function assertEveryRecordOnce(records: DriverRecord[], count: number, prefix = 'v'): void {
  const values = records.map((r) => r.value).sort();
  const expected = Array.from({ length: count }, (_, i) => `${prefix}${i}`).sort();
  assert.deepEqual(values, expected, 'each record once');
  for (const r of records) {
    const n = r.value.slice(prefix.length);
    assert.deepEqual([r.key, r.header], [`k${n}`, n], `key and header of ${r.value}`);
  }
  const last = new Map<number, number>();
  for (const r of records) {
    assert.ok(r.offset > (last.get(r.partition) ?? -1), `partition ${r.partition}: offset ${r.offset} after ${last.get(r.partition)}`);
    last.set(r.partition, r.offset);
  }
}

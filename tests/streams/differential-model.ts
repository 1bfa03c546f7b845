/**
 * What each differential topology should output, computed plainly from its input: a check of the
 * harness (inputs, the Java runner, waiting and reading) against Java Kafka Streams 4.3.1's own
 * output. The Sluice side is never compared with this, only with Java's output.
 *
 * The rules written here are Kafka Streams' as its sources state them: stream aggregations skip
 * null keys and values and stamp each update with the largest timestamp seen for the key; a table
 * filter forwards a tombstone for a row it drops; a table groupBy sends one change (old and new
 * value) when the new key equals the old one, else a subtraction to the old key then an addition
 * to the new one; a stream–global table left join looks the key up in the fully loaded table.
 */
import type { InputRecord, TopologyInput } from './differential-inputs.js';

export interface OutputRecord {
  key: string | null;
  value: string | null;
  timestamp: number;
}

function streamAggregate(records: InputRecord[], init: (first: string) => string, step: (agg: string, value: string) => string): OutputRecord[] {
  const state = new Map<string, { agg: string; timestamp: number }>();
  const out: OutputRecord[] = [];
  for (const r of records) {
    if (r.key === null || r.value === null) continue;
    const old = state.get(r.key);
    const next = old ? { agg: step(old.agg, r.value), timestamp: Math.max(old.timestamp, r.timestamp) } : { agg: init(r.value), timestamp: r.timestamp };
    state.set(r.key, next);
    out.push({ key: r.key, value: next.agg, timestamp: next.timestamp });
  }
  return out;
}

function stats(agg: { count: number; sum: number; min: number | null; max: number | null }): string {
  return JSON.stringify(agg);
}

function addStat(json: string, v: number): string {
  const a = JSON.parse(json) as { count: number; sum: number; min: number | null; max: number | null };
  return stats({ count: a.count + 1, sum: a.sum + v, min: a.min === null ? v : Math.min(a.min, v), max: a.max === null ? v : Math.max(a.max, v) });
}

const category = (v: string) => v.slice(0, v.indexOf(':'));
const amount = (v: string) => Number(v.slice(v.indexOf(':') + 1));

function tableGroupByAggregate(records: InputRecord[]): OutputRecord[] {
  const table = new Map<string, string>();
  const aggs = new Map<string, { count: number; sum: number; timestamp: number }>();
  const out: OutputRecord[] = [];
  const apply = (group: string, oldAmount: number | null, newAmount: number | null, timestamp: number) => {
    const old = aggs.get(group);
    let agg = old ? { count: old.count, sum: old.sum } : null;
    let ts = timestamp;
    if (oldAmount !== null && agg) {
      agg = { count: agg.count - 1, sum: agg.sum - oldAmount };
      ts = Math.max(timestamp, old!.timestamp);
    }
    if (newAmount !== null) {
      agg = { count: (agg?.count ?? 0) + 1, sum: (agg?.sum ?? 0) + newAmount };
      if (old) ts = Math.max(timestamp, old.timestamp);
    }
    if (agg) aggs.set(group, { ...agg, timestamp: ts });
    else aggs.delete(group);
    out.push({ key: group, value: agg ? JSON.stringify(agg) : null, timestamp: ts });
  };
  for (const r of records) {
    if (r.key === null) continue;
    const old = table.get(r.key) ?? null;
    if (r.value === null) table.delete(r.key);
    else table.set(r.key, r.value);
    if (old !== null && r.value !== null && category(old) === category(r.value)) {
      apply(category(old), amount(old), amount(r.value), r.timestamp);
    } else {
      if (old !== null) apply(category(old), amount(old), null, r.timestamp);
      if (r.value !== null) apply(category(r.value), null, amount(r.value), r.timestamp);
    }
  }
  return out;
}

function globalLookup(input: TopologyInput): OutputRecord[] {
  const products = new Map<string, string>();
  for (const g of input.global ?? []) {
    if (g.key === null) continue;
    if (g.value === null) products.delete(g.key);
    else products.set(g.key, g.value);
  }
  return input.records.filter((r) => r.value !== null).map((r) => ({ key: r.key, value: `${r.value}=${products.get(r.value!) ?? 'unknown'}`, timestamp: r.timestamp }));
}

/** The expected output of a named topology; counts are decimal strings (the test decodes Longs so). */
export function expectedOutput(name: string, input: TopologyInput): OutputRecord[] {
  const records = input.records;
  switch (name) {
    case 'count':
      return streamAggregate(records, () => '1', (agg) => String(Number(agg) + 1));
    case 'reduce':
      return streamAggregate(records, (first) => first, (agg, v) => String(Number(agg) + Number(v)));
    case 'aggregate':
      return streamAggregate(records, (first) => addStat(stats({ count: 0, sum: 0, min: null, max: null }), Number(first)), (agg, v) => addStat(agg, Number(v)));
    case 'table-filter-mapvalues':
      return records.filter((r) => r.key !== null).map((r) => ({ key: r.key, value: r.value !== null && Number(r.value) % 2 === 0 ? `even:${r.value}` : null, timestamp: r.timestamp }));
    case 'groupby-count':
      return streamAggregate(
        records.filter((r) => r.value !== null).map((r) => ({ ...r, key: category(r.value!) })),
        () => '1',
        (agg) => String(Number(agg) + 1),
      );
    case 'table-groupby-aggregate':
      return tableGroupByAggregate(records);
    case 'global-lookup':
      return globalLookup(input);
    default:
      throw new Error(`no model for topology '${name}'`);
  }
}

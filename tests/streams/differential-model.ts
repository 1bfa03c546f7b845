/**
 * What each differential topology should output, computed plainly from its input: a check of the
 * harness (inputs, the Java runner, waiting and reading) against Java Kafka Streams 4.3.1's own
 * output. The Sluice side is never compared with this, only with Java's output.
 *
 * The rules written here are Kafka Streams' as its sources state them: stream aggregations skip
 * null keys and values and stamp each update with the largest timestamp seen for the key; a table
 * filter forwards a tombstone for a row it drops; a table groupBy sends one change (old and new
 * value) when the new key equals the old one, else a subtraction to the old key then an addition
 * to the new one; a filter below a materialized table drops a change from nothing to nothing;
 * a stream–global table left join looks the key up in the fully loaded table; a task reading two
 * partitions takes the one whose next record is older first.
 */
import type { InputRecord, TopologyInput } from './differential-inputs.ts';

export interface OutputRecord {
  key: string | null;
  value: string | null;
  timestamp: number;
  /** The output partition, where known (read from a topic; the model does not say). */
  partition?: number;
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
const amount = (v: string) => v.slice(v.indexOf(':') + 1);

/**
 * A table regrouped by the category in its value, then aggregated with an adder and a subtractor:
 * `add(null, amount)` starts a group (the initializer then the adder, or reduce's first value).
 */
function tableGroupBy(records: InputRecord[], add: (agg: string | null, amount: string) => string, subtract: (agg: string, amount: string) => string): OutputRecord[] {
  const table = new Map<string, string>();
  const aggs = new Map<string, { agg: string; timestamp: number }>();
  const out: OutputRecord[] = [];
  const apply = (group: string, oldAmount: string | null, newAmount: string | null, timestamp: number) => {
    const old = aggs.get(group);
    let agg = old?.agg ?? null;
    let ts = timestamp;
    if (oldAmount !== null && old) {
      agg = subtract(old.agg, oldAmount);
      ts = Math.max(timestamp, old.timestamp);
    }
    if (newAmount !== null) {
      agg = add(agg, newAmount);
      if (old) ts = Math.max(timestamp, old.timestamp);
    }
    if (agg !== null) aggs.set(group, { agg, timestamp: ts });
    else aggs.delete(group);
    out.push({ key: group, value: agg, timestamp: ts });
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

const countSum = (agg: string | null, countDelta: number, sumDelta: number) => {
  const a = agg === null ? { count: 0, sum: 0 } : (JSON.parse(agg) as { count: number; sum: number });
  return JSON.stringify({ count: a.count + countDelta, sum: a.sum + sumDelta });
};

/**
 * toTable() (materialized) then filterNot: a filter whose parent is materialized sends old values,
 * and drops a change from nothing to nothing (a row filtered out, or deleted, that was not in the
 * filtered table) instead of forwarding a needless tombstone.
 */
function filterOverMaterialized(records: InputRecord[]): OutputRecord[] {
  const filtered = new Map<string, string>();
  const out: OutputRecord[] = [];
  for (const r of records) {
    if (r.key === null) continue;
    const value = r.value === null || Number(r.value) % 3 === 0 ? null : r.value;
    const had = filtered.has(r.key);
    if (value === null) filtered.delete(r.key);
    else filtered.set(r.key, value);
    if (value === null && !had) continue;
    out.push({ key: r.key, value: value === null ? null : `${r.key}/${value}`, timestamp: r.timestamp });
  }
  return out;
}

/**
 * What one task of a two-topic sub-topology processes: per partition, the two topics' records
 * merged by the timestamp of each one's next record (Kafka Streams' PartitionGroup), each topic
 * in its own order. Keys never span partitions, so the partitions one after another keep every
 * key's order.
 */
function timestampOrdered(a: InputRecord[], b: InputRecord[]): InputRecord[] {
  const out: InputRecord[] = [];
  const partitions = [...new Set([...a, ...b].map((r) => r.partition))].sort();
  for (const p of partitions) {
    const x = a.filter((r) => r.partition === p);
    const y = b.filter((r) => r.partition === p);
    let i = 0;
    let j = 0;
    while (i < x.length || j < y.length) {
      if (j >= y.length || (i < x.length && x[i]!.timestamp < y[j]!.timestamp)) out.push(x[i++]!);
      else out.push(y[j++]!);
    }
  }
  return out;
}

const lastThree = (agg: string, value: string) => (agg === '' ? value : `${agg},${value}`).split(',').slice(-3).join(',');

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
      return tableGroupBy(records, (agg, v) => countSum(agg, 1, Number(v)), (agg, v) => countSum(agg, -1, -Number(v)));
    case 'table-groupby-reduce':
      return tableGroupBy(records, (agg, v) => (agg === null ? v : String(Number(agg) + Number(v))), (agg, v) => String(Number(agg) - Number(v)));
    case 'map-reduce':
      return streamAggregate(
        records.filter((r) => r.value !== null).map((r) => ({ ...r, key: category(r.value!), value: amount(r.value!) })),
        (first) => first,
        (agg, v) => String(Number(agg) + Number(v)),
      );
    case 'repartition-count':
      return streamAggregate(records, () => '1', (agg) => String(Number(agg) + 1));
    case 'merge-aggregate':
      return streamAggregate(timestampOrdered(records, input.second ?? []), (first) => lastThree('', first), lastThree);
    case 'totable-filternot':
      return filterOverMaterialized(records);
    case 'global-lookup':
      return globalLookup(input);
    default:
      throw new Error(`no model for topology '${name}'`);
  }
}

/**
 * The seeded inputs of the streams differential tests, one generator per topology of
 * tests/streams/java (DifferentialTopologies.java), in the value formats written there.
 *
 * Each record names its partition, so that the outputs are one sequence per key whatever the
 * timing: a key always lives in one partition (one task owns its state), and where a topology
 * regroups by a category taken from the value, every category a key can move to belongs to the
 * key's partition — so all records of a new key come through one task, and the repartition topic
 * holds them in input order on Java and on Sluice alike. Keys are skewed (a few hot keys, a long
 * tail); timestamps mostly rise, with some late records, which the max-timestamp rule of the
 * aggregations must handle.
 */
import { Random } from '@sluice/test-kit/random';

export interface InputRecord {
  key: string | null;
  value: string | null;
  partition: number;
  timestamp: number;
}

export interface TopologyInput {
  /** The stream or table the topology reads. */
  records: InputRecord[];
  /** global-lookup's global table (products), written before either application starts. */
  global?: InputRecord[];
  /** merge-aggregate's second stream, co-partitioned with the first. */
  second?: InputRecord[];
}

export const PARTITIONS = 3;
const KEYS = 40;
const CATEGORIES_PER_PARTITION = 4;
const BASE_TIME = Date.UTC(2026, 0, 1);

/** Key index in [0, KEYS): squared uniform, so low indexes are hot. */
function skewedKey(rng: Random): number {
  return Math.floor(KEYS * rng.next() ** 2);
}

function timestamps(rng: Random): () => number {
  let t = BASE_TIME;
  return () => {
    t += rng.int(1, 20);
    return rng.chance(0.1) ? t - rng.int(100, 1000) : t;
  };
}

/** A category the key can take: one of its partition's, so a regrouped key stays on its partition's task. */
function categoryOf(keyIndex: number, rng: Random): string {
  return `c${(keyIndex % PARTITIONS) + PARTITIONS * rng.int(0, CATEGORIES_PER_PARTITION - 1)}`;
}

/** Integers per key, some null values (which stream aggregations skip, and tables take as deletes)
 * and a few null keys (which aggregations and tables skip). */
function integers(rng: Random, n: number, nullChance: number): InputRecord[] {
  const at = timestamps(rng);
  return Array.from({ length: n }, () => {
    const k = skewedKey(rng);
    const value = rng.chance(nullChance) ? null : String(rng.int(-50, 100));
    if (rng.chance(0.02)) return { key: null, value, partition: rng.int(0, PARTITIONS - 1), timestamp: at() };
    return { key: `k${k}`, value, partition: k % PARTITIONS, timestamp: at() };
  });
}

/** "category:amount" per key; with tombstones for tables. */
function categorised(rng: Random, n: number, tombstoneChance: number): InputRecord[] {
  const at = timestamps(rng);
  return Array.from({ length: n }, () => {
    const k = skewedKey(rng);
    const value = rng.chance(tombstoneChance) ? null : `${categoryOf(k, rng)}:${rng.int(1, 100)}`;
    return { key: `k${k}`, value, partition: k % PARTITIONS, timestamp: at() };
  });
}

function globalLookup(rng: Random, n: number): TopologyInput {
  const at = timestamps(rng);
  const PRODUCTS = 30;
  // Products 25-29 are never written, so some orders find nothing; some others are written then deleted.
  const global: InputRecord[] = [];
  for (let version = 1; version <= 3; version++) {
    for (let p = 0; p < 25; p++) {
      if (version > 1 && !rng.chance(0.4)) continue;
      const deleted = version === 3 && rng.chance(0.3);
      global.push({ key: `p${p}`, value: deleted ? null : `product-${p}-v${version}`, partition: p % PARTITIONS, timestamp: at() });
    }
  }
  const records = Array.from({ length: n }, () => {
    const k = skewedKey(rng);
    return { key: `k${k}`, value: `p${rng.int(0, PRODUCTS - 1)}`, partition: k % PARTITIONS, timestamp: at() };
  });
  return { records, global };
}

/**
 * Two streams of integers over the same keys and partitions, every timestamp distinct across both
 * (Java takes the partition whose head record is oldest; a tie would leave the order to chance).
 * Each stream has late records, so the heads' order is not simply that of arrival.
 */
function coPartitioned(rng: Random, n: number): TopologyInput {
  const used = new Set<number>();
  let t = BASE_TIME;
  const at = () => {
    for (;;) {
      t += rng.int(1, 20);
      const ts = rng.chance(0.1) ? t - rng.int(100, 1000) : t;
      if (!used.has(ts)) {
        used.add(ts);
        return ts;
      }
    }
  };
  const one = (): InputRecord => {
    const k = skewedKey(rng);
    return { key: `k${k}`, value: String(rng.int(0, 999)), partition: k % PARTITIONS, timestamp: at() };
  };
  const records: InputRecord[] = [];
  const second: InputRecord[] = [];
  for (let i = 0; i < n; i++) (rng.chance(0.5) ? records : second).push(one());
  return { records, second };
}

/** The input of each named topology, from one seed. */
export function generateInputs(seed: number, perTopology: number): Record<string, TopologyInput> {
  const rng = (salt: number) => new Random(seed * 1000 + salt);
  return {
    count: { records: integers(rng(1), perTopology, 0.05) },
    reduce: { records: integers(rng(2), perTopology, 0.05) },
    aggregate: { records: integers(rng(3), perTopology, 0.05) },
    'table-filter-mapvalues': { records: integers(rng(4), perTopology, 0.1) },
    'groupby-count': { records: categorised(rng(5), perTopology, 0) },
    'table-groupby-aggregate': { records: categorised(rng(6), perTopology, 0.1) },
    'global-lookup': globalLookup(rng(7), perTopology),
    'map-reduce': { records: categorised(rng(8), perTopology, 0) },
    'table-groupby-reduce': { records: categorised(rng(9), perTopology, 0.1) },
    'repartition-count': { records: integers(rng(10), perTopology, 0.05) },
    'totable-filternot': { records: integers(rng(11), perTopology, 0.1) },
    'merge-aggregate': coPartitioned(rng(12), perTopology),
  };
}

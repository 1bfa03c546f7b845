/**
 * KStream–KStream windowed joins (inner, left, outer), wired as Kafka Streams wires them: each side
 * goes through a KSTREAM-WINDOWED processor that forwards its record and then keeps it in the
 * side's window store (retaining duplicates), then through its join processor (KSTREAM-JOINTHIS /
 * -JOINOTHER, or -OUTERTHIS / -OUTEROTHER for the outer sides), which looks the key up in the other
 * side's store within the JoinWindows; both join processors feed one KSTREAM-MERGE.
 *
 * A left or outer join does not emit a record without a partner at once (it may still find one):
 * it waits in the shared outer join store until its window has closed (stream time past its time +
 * after/before + grace), and is emitted, joined with null, when a later record advances stream
 * time; a record that arrives after its window closed is emitted at once. Stream time is shared by
 * both sides of a task (Java's TimeTracker), and the scan for closed windows is throttled to one
 * per `__emit.interval.ms.kstreams.outer.join.spurious.results.fix__` of wall-clock time (1000 ms),
 * as in Java.
 */
import { StreamsError, StreamsErrorCode, topologyError } from '../errors.ts';
import type { Processor, ProcessorContext } from '../processor/api.ts';
import type { Record } from '../record.ts';
import type { WindowStore } from '../state/api.ts';
import { Stores } from '../state/stores.ts';
import type { WindowBytesStoreSupplier } from '../state/window-session-builders.ts';
import type { BuilderInternals } from './builder-internals.ts';
import type { JoinWindows } from './join-windows.ts';
import type { StreamJoined } from './joined.ts';
import { recordDroppedRecord } from './dropped-records.ts';
import { operators } from './operators.ts';
import { OuterJoinStore, OuterJoinStoreBuilder } from './outer-join-store.ts';

/** The joiner of the DSL: both values (null for a missing partner in left and outer joins) and the key. */
export type ValueJoiner<K, V1, V2, VR> = (value1: V1, value2: V2, key: K) => VR;

/** The largest timestamp either side of a task has seen, and the oldest record waiting in the outer store. */
class TimeTracker {
  streamTime = -1;
  minTime = Number.MAX_SAFE_INTEGER;
  nextTimeToEmit = 0;
}

export interface StreamStreamJoinSpec<K, V1, V2, VR> {
  thisNode: string;
  otherNode: string;
  joiner: ValueJoiner<K, V1, V2, VR>;
  windows: JoinWindows;
  streamJoined: StreamJoined<K, V1, V2>;
  leftOuter: boolean;
  rightOuter: boolean;
}

/** Adds the join's processors and stores below the two streams' nodes; returns the merge node's name. */
export function addStreamStreamJoin<K, V1, V2, VR>(b: BuilderInternals, spec: StreamStreamJoinSpec<K, V1, V2, VR>): string {
  const { leftOuter, rightOuter, windows } = spec;
  const j = spec.streamJoined.fields;
  const name = j.name;
  const suffixed = (suffix: string): string | undefined => (name === undefined ? undefined : `${name}${suffix}`);
  const thisSuffix = rightOuter ? '-outer-this-join' : '-this-join';
  const otherSuffix = leftOuter ? '-outer-other-join' : '-other-join';
  // Java's order of names: both windowed processors, both join processors, the merge.
  const thisWindowedName = b.newName('KSTREAM-WINDOWED-', suffixed('-this-windowed'));
  const otherWindowedName = b.newName('KSTREAM-WINDOWED-', suffixed('-other-windowed'));
  const joinThisGenerated = b.newName(rightOuter ? 'KSTREAM-OUTERTHIS-' : 'KSTREAM-JOINTHIS-');
  const joinOtherGenerated = b.newName(leftOuter ? 'KSTREAM-OUTEROTHER-' : 'KSTREAM-JOINOTHER-');
  const joinThisName = suffixed(thisSuffix) ?? joinThisGenerated;
  const joinOtherName = suffixed(otherSuffix) ?? joinOtherGenerated;
  const mergeName = b.newName('KSTREAM-MERGE-', suffixed('-merge'));

  if (j.thisStoreSupplier && j.otherStoreSupplier && j.thisStoreSupplier.name === j.otherStoreSupplier.name) {
    throw topologyError('Both StoreSuppliers have the same name.  StoreSuppliers must provide unique names');
  }
  const retention = windows.size() + windows.gracePeriodMs();
  const windowSupplier = (given: WindowBytesStoreSupplier | undefined, generated: string, suffix: string): WindowBytesStoreSupplier => {
    if (given) {
      checkSupplier(given, windows);
      return given;
    }
    const storeName = `${j.storeName === undefined ? generated : `${j.storeName}${suffix}`}-store`;
    return Stores.persistentWindowStore(storeName, retention, windows.size(), true);
  };
  const thisSupplier = windowSupplier(j.thisStoreSupplier, joinThisGenerated, thisSuffix);
  const otherSupplier = windowSupplier(j.otherStoreSupplier, joinOtherGenerated, otherSuffix);
  // Duplicates are kept, so the changelog must not be compacted (Java overrides the policy too).
  const logConfig = { ...j.topicConfig, 'cleanup.policy': 'delete' };
  const windowStore = <V>(supplier: WindowBytesStoreSupplier, valueSerde: unknown) => {
    const builder = Stores.windowStoreBuilder<K, V>(supplier, j.keySerde, valueSerde as never);
    return j.loggingEnabled ? builder.withLoggingEnabled(logConfig) : builder.withLoggingDisabled();
  };

  let outerStoreName: string | undefined;
  let outerStore: OuterJoinStoreBuilder<K, V1, V2> | undefined;
  if (leftOuter) {
    const suffix = rightOuter ? '-outer-shared-join' : '-left-shared-join';
    const base =
      j.thisStoreSupplier !== undefined && j.thisStoreSupplier.name.length > 0
        ? `${j.thisStoreSupplier.name}${suffix}`
        : j.storeName !== undefined
          ? `${j.storeName}${suffix}`
          : `KSTREAM-OUTERSHARED-${joinThisGenerated.slice((rightOuter ? 'KSTREAM-OUTERTHIS-' : 'KSTREAM-JOINTHIS-').length)}`;
    outerStoreName = `${base}-store`;
    const inMemory = j.thisStoreSupplier !== undefined && j.thisStoreSupplier.metricsScope() === 'in-memory-window';
    const supplier = inMemory ? Stores.inMemoryKeyValueStore(outerStoreName) : Stores.persistentKeyValueStore(outerStoreName);
    outerStore = new OuterJoinStoreBuilder<K, V1, V2>(supplier, { keySerde: j.keySerde, valueSerde: j.valueSerde, otherValueSerde: j.otherValueSerde });
    if (j.loggingEnabled) outerStore.withLoggingEnabled(j.topicConfig);
    else outerStore.withLoggingDisabled();
  }

  const trackers = new Map<string, TimeTracker>();
  const shared = {
    windows,
    trackers,
    outerStoreName,
  };
  const t = b.topology;
  t.addProcessor(thisWindowedName, joinWindowSupplier(thisSupplier.name) as never, spec.thisNode);
  t.addProcessor(otherWindowedName, joinWindowSupplier(otherSupplier.name) as never, spec.otherNode);
  t.addProcessor(joinThisName, joinSideSupplier<K, V1, V2, VR>({ ...shared, left: true, outer: leftOuter, otherStore: otherSupplier.name, joiner: spec.joiner }) as never, thisWindowedName);
  t.addProcessor(joinOtherName, joinSideSupplier<K, V1, V2, VR>({ ...shared, left: false, outer: rightOuter, otherStore: thisSupplier.name, joiner: spec.joiner }) as never, otherWindowedName);
  t.addProcessor(mergeName, operators.passThrough() as never, joinThisName, joinOtherName);
  t.addStateStore(windowStore<V1>(thisSupplier, j.valueSerde) as never, thisWindowedName, joinOtherName);
  t.addStateStore(windowStore<V2>(otherSupplier, j.otherValueSerde) as never, otherWindowedName, joinThisName);
  if (outerStore) t.addStateStore(outerStore as never, joinThisName, joinOtherName);
  return mergeName;
}

function checkSupplier(supplier: WindowBytesStoreSupplier, windows: JoinWindows): void {
  if (!supplier.retainDuplicates()) throw topologyError('The StoreSupplier must set retainDuplicates=true, found retainDuplicates=false');
  if (supplier.retentionPeriod() !== windows.size() + windows.gracePeriodMs() || supplier.windowSize() !== windows.size()) {
    throw topologyError(
      `Window settings mismatch. The store '${supplier.name}' has window size ${supplier.windowSize()} ms and retention ${supplier.retentionPeriod()} ms; the JoinWindows need window size ${windows.size()} ms (before + after) and retention ${windows.size() + windows.gracePeriodMs()} ms (size + grace)`,
    );
  }
}

/** KSTREAM-WINDOWED: forwards the record, then keeps it for the other side to find (Java's KStreamJoinWindow). */
function joinWindowSupplier<K, V>(storeName: string): () => Processor<K, V, K, V> {
  return () => {
    let context!: ProcessorContext<K, V>;
    let store!: WindowStore<K, V>;
    return {
      init(c) {
        context = c;
        store = c.getStateStore<WindowStore<K, V>>(storeName);
      },
      process(record) {
        context.forward(record);
        // A record without a key can never join, so it is not kept.
        if (record.key !== null && record.key !== undefined) store.put(record.key, record.value, record.timestamp);
      },
    };
  };
}

interface SideSpec<K, V1, V2, VR> {
  /** Whether this is the left (this) stream's join processor. */
  left: boolean;
  /** Whether this side's records are emitted without a partner (left side of left/outer, right side of outer). */
  outer: boolean;
  otherStore: string;
  outerStoreName: string | undefined;
  windows: JoinWindows;
  joiner: ValueJoiner<K, V1, V2, VR>;
  trackers: Map<string, TimeTracker>;
}

function joinSideSupplier<K, V1, V2, VR>(spec: SideSpec<K, V1, V2, VR>): () => Processor<K, unknown, K, VR> {
  const { windows, left, outer } = spec;
  // The left side looks back `before` and ahead `after`; the right side the other way round.
  const beforeMs = left ? windows.beforeMs : windows.afterMs;
  const afterMs = left ? windows.afterMs : windows.beforeMs;
  const graceMs = windows.gracePeriodMs();
  const join = (key: K, thisValue: unknown, otherValue: unknown): VR =>
    left ? spec.joiner(thisValue as V1, otherValue as V2, key) : spec.joiner(otherValue as V1, thisValue as V2, key);
  return () => {
    let context!: ProcessorContext<K, VR>;
    let otherStore!: WindowStore<K, unknown>;
    let outerStore: OuterJoinStore<K, V1, V2> | undefined;
    let tracker!: TimeTracker;
    let taskId = '';

    const isWindowOpen = (entryLeftSide: boolean): boolean => {
      // A waiting left record's window closes `after` past its time; a right record's `before` past.
      const lookBack = entryLeftSide ? windows.afterMs : windows.beforeMs;
      return tracker.minTime + lookBack + graceMs >= tracker.streamTime;
    };

    const emitClosed = (store: OuterJoinStore<K, V1, V2>, record: Record<K, unknown>): void => {
      if (tracker.minTime + afterMs + graceMs >= tracker.streamTime) return;
      const now = context.currentSystemTimeMs();
      if (now < tracker.nextTimeToEmit) return;
      tracker.nextTimeToEmit = now + store.emitIntervalMs;
      tracker.minTime = Number.MAX_SAFE_INTEGER;
      let leftOpen = false;
      let rightOpen = false;
      // A key's list is deleted once all of it is emitted, as Java does; the deletes wait until
      // the scan is over, as the store is not written while it is read.
      const emitted: Buffer[] = [];
      for (const e of store.entries()) {
        tracker.minTime = e.timestamp;
        if (leftOpen && rightOpen) break;
        if (isWindowOpen(e.leftSide)) {
          if (e.leftSide) leftOpen = true;
          else rightOpen = true;
          continue;
        }
        context.forward(record.withKey(e.key).withValue(spec.joiner(e.leftValue as V1, e.rightValue as V2, e.key)).withTimestamp(e.timestamp));
        if (emitted.length === 0 || !emitted[emitted.length - 1]!.equals(e.storeKey)) emitted.push(e.storeKey);
      }
      for (const k of emitted) store.delete(k);
    };

    return {
      init(c) {
        context = c;
        taskId = c.taskId;
        otherStore = c.getStateStore<WindowStore<K, unknown>>(spec.otherStore);
        if (spec.outerStoreName !== undefined) outerStore = c.getStateStore<OuterJoinStore<K, V1, V2>>(spec.outerStoreName);
        let t = spec.trackers.get(taskId);
        if (!t) spec.trackers.set(taskId, (t = new TimeTracker()));
        tracker = t;
      },
      process(record) {
        const ts = record.timestamp;
        tracker.streamTime = Math.max(tracker.streamTime, ts);
        const key = record.key;
        const value = record.value;
        if (outer && (key === null || key === undefined) && value !== null && value !== undefined) {
          context.forward(record.withValue(join(key, value, null)));
          return;
        }
        // Null keys cannot join and null values are not records to join (Java skips and counts both).
        if (key === null || key === undefined || value === null || value === undefined) {
          recordDroppedRecord(context as ProcessorContext<unknown, unknown>, 'Skipping record due to null key or value.');
          return;
        }
        if (ts === tracker.streamTime && outerStore) emitClosed(outerStore, record);
        const timeFrom = Math.max(0, ts - beforeMs);
        const timeTo = Math.max(0, ts + afterMs);
        const it = otherStore.fetchRange(key, timeFrom, timeTo);
        let found = false;
        try {
          for (const { key: otherTs, value: otherValue } of it) {
            found = true;
            outerStore?.joined(key, otherTs, !left);
            context.forward(record.withValue(join(key, value, otherValue)).withTimestamp(Math.max(ts, otherTs)));
          }
        } finally {
          it.close();
        }
        if (!outer || found) return;
        if (!outerStore || timeTo < tracker.streamTime) {
          context.forward(record.withValue(join(key, value, null)));
        } else {
          tracker.minTime = Math.min(tracker.minTime, ts);
          outerStore.add(key, ts, left, value as V1 | V2);
        }
      },
      close() {
        spec.trackers.delete(taskId);
      },
    };
  };
}

export function requireJoiner(joiner: unknown): void {
  if (typeof joiner !== 'function') throw new StreamsError(StreamsErrorCode.INVALID_TOPOLOGY, `the ValueJoiner must be a function (value1, value2, key) => joined, got ${joiner === null ? 'null' : typeof joiner}`);
}

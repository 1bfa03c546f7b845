/**
 * What `KTable.suppress()` adds to the topology (Java's KTableImpl.suppress): the KTABLE-SUPPRESS-
 * processor (or the Suppressed's name) and its buffer, `KTABLE-SUPPRESS-STATE-STORE-<n>` (or
 * `<name>-store`), an in-memory store with a changelog. untilWindowCloses waits for the grace period
 * of the windowed aggregation whose table is suppressed (for sessions, grace plus the gap).
 */
import { topologyError } from '../errors.ts';
import type { Serde } from '../serdes.ts';
import type { Change } from '../state/api.ts';
import type { BuilderInternals } from './builder-internals.ts';
import { SuppressSupplier, SuppressionBufferBuilder } from './suppress-processor.ts';
import type { Suppressed } from './suppressed.ts';
import type { TableProcessorSupplier } from './table-processors.ts';

/** A windowed aggregation's supplier says how long its windows accept records after they end. */
export interface WindowedTableSupplier {
  readonly windowCloseAfterEndMs: number;
}

function windowGrace(supplier: unknown): number {
  const grace = (supplier as Partial<WindowedTableSupplier>).windowCloseAfterEndMs;
  if (typeof grace !== 'number') {
    throw topologyError('suppress(Suppressed.untilWindowCloses(...)) is only supported directly on the table of a windowed aggregation (windowedBy(...).count/reduce/aggregate); use untilTimeLimit for other tables');
  }
  return grace;
}

export function addSuppression<K, V>(
  builder: BuilderInternals,
  parentNode: string,
  parentSupplier: TableProcessorSupplier<unknown, unknown, K, Change<V>>,
  suppressed: Suppressed,
  serdes: { keySerde?: Serde<K>; valueSerde?: Serde<V> },
): { name: string; supplier: SuppressSupplier<K, V> } {
  if (typeof suppressed !== 'object' || suppressed === null || (suppressed.kind !== 'untilWindowCloses' && suppressed.kind !== 'untilTimeLimit')) {
    throw topologyError('suppress() takes Suppressed.untilWindowCloses(bufferConfig) or Suppressed.untilTimeLimit(ms, bufferConfig)');
  }
  const name = suppressed.name ?? builder.newName('KTABLE-SUPPRESS-');
  const finalResults = suppressed.kind === 'untilWindowCloses';
  const suppressDurationMs = finalResults ? windowGrace(parentSupplier) : suppressed.timeToWaitMs;
  const storeName = suppressed.name !== undefined ? `${suppressed.name}-store` : builder.newStoreName('KTABLE-SUPPRESS-');
  const supplier = new SuppressSupplier<K, V>({ storeName, suppressDurationMs, finalResults, bufferConfig: suppressed.bufferConfig }, parentSupplier);
  const store = new SuppressionBufferBuilder<K, V>(storeName, serdes.keySerde, serdes.valueSerde);
  if (suppressed.bufferConfig.loggingEnabled) store.withLoggingEnabled(suppressed.bufferConfig.logConfig);
  else store.withLoggingDisabled();
  builder.topology.addProcessor(name, () => supplier.get() as never, parentNode);
  builder.topology.addStateStore(store as never, name);
  return { name, supplier };
}



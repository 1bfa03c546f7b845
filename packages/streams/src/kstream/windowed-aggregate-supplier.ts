/**
 * What the suppliers of windowed count, reduce and aggregate over time and sliding windows share
 * (Java's KStreamWindowAggregate and KStreamSlidingWindowAggregate each hold the same): the
 * windows, the store, the emit strategy, the initializer and aggregator, whether old values are
 * sent, and the window close time suppress(untilWindowCloses) asks for.
 */
import type { Processor } from '../processor/api.ts';
import type { Change, Windowed } from '../state/api.ts';
import type { EmitStrategy } from './emit-strategy.ts';
import type { TableProcessorSupplier } from './table-processors.ts';

export abstract class WindowedAggregateSupplier<W extends { gracePeriodMs(): number }, K, V, VAgg>
  implements TableProcessorSupplier<K, V, Windowed<K>, Change<VAgg>>
{
  protected sendOldValues = false;

  protected readonly windows: W;
  readonly storeName: string;
  protected readonly emitStrategy: EmitStrategy;
  /** Null for reduce: the first value is the aggregate. */
  protected readonly initializer: () => VAgg | null;
  protected readonly aggregator: (key: K, value: V, aggregate: VAgg | null) => VAgg | null;

  constructor(
    windows: W,
    storeName: string,
    emitStrategy: EmitStrategy,
    initializer: () => VAgg | null,
    aggregator: (key: K, value: V, aggregate: VAgg | null) => VAgg | null,
  ) {
    this.windows = windows;
    this.storeName = storeName;
    this.emitStrategy = emitStrategy;
    this.initializer = initializer;
    this.aggregator = aggregator;
  }

  /** For suppress(untilWindowCloses): how long after its end a window still takes records. */
  get windowCloseAfterEndMs(): number {
    return this.windows.gracePeriodMs();
  }

  enableSendingOldValues(): boolean {
    this.sendOldValues = true;
    return true;
  }

  abstract get(): Processor<K, V, Windowed<K>, Change<VAgg>>;
}

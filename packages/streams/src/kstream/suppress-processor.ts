/**
 * KTable.suppress (Java's KTableSuppressProcessorSupplier and KTableSuppressProcessor): every
 * change goes into the suppression buffer under its buffer time (the window end for
 * untilWindowCloses, the record's timestamp for untilTimeLimit); then everything whose time is at
 * or before stream time − the wait leaves the buffer, in time order, and goes downstream with the
 * timestamp and headers of the change that put it there. Final results drop deletes (a window
 * never reported has nothing to delete); a time limit passes them on. When the buffer is over its
 * limits it emits its oldest entries early or stops the application, as configured.
 */
import { StreamsError, StreamsErrorCode } from '../errors.ts';
import type { Processor, ProcessorContext } from '../processor/api.ts';
import { Record } from '../record.ts';
import type { Serde } from '../serdes.ts';
import type { Change, StateStore, StoreRecordContext, Windowed } from '../state/api.ts';
import { AbstractStoreBuilder } from '../state/store-builders.ts';
import { type Eviction, SuppressionBuffer } from './suppress-buffer.ts';
import type { BufferConfig } from './suppressed.ts';
import type { TableProcessorSupplier } from './table-processors.ts';

export class SuppressionBufferBuilder<K, V> extends AbstractStoreBuilder<SuppressionBuffer<K, V>> {
  private readonly keySerde: Serde<K> | undefined;
  private readonly valueSerde: Serde<V> | undefined;

  constructor(name: string, keySerde: Serde<K> | undefined, valueSerde: Serde<V> | undefined) {
    super(name);
    this.keySerde = keySerde;
    this.valueSerde = valueSerde;
  }

  build(): SuppressionBuffer<K, V> {
    return new SuppressionBuffer<K, V>(this.name, this.keySerde, this.valueSerde, this.enableLogging);
  }
}

export interface SuppressionParams {
  readonly storeName: string;
  /** How long past its buffer time an entry waits: the grace period (final results) or the time limit. */
  readonly suppressDurationMs: number;
  /** Final results: the buffer time is the window end, and deletes are not emitted. */
  readonly finalResults: boolean;
  readonly bufferConfig: BufferConfig;
}

export class SuppressSupplier<K, V> implements TableProcessorSupplier<K, Change<V>, K, Change<V>> {
  private readonly params: SuppressionParams;

  constructor(
    params: SuppressionParams,
    /** The suppressed table's supplier: asked to send old values, which the buffer keeps as each key's prior value. */
    parent: TableProcessorSupplier<unknown, unknown, K, Change<V>>,
  ) {
    this.params = params;
    parent.enableSendingOldValues(true);
  }

  /** The buffer forwards the prior value as the old one, so old values are always there. */
  enableSendingOldValues(): boolean {
    return true;
  }

  get(): Processor<K, Change<V>, K, Change<V>> {
    const { storeName, suppressDurationMs, finalResults, bufferConfig } = this.params;
    let context!: ProcessorContext<K, Change<V>>;
    let buffer!: SuppressionBuffer<K, V>;
    let observedStreamTime = -1;

    const overCapacity = (): boolean => buffer.numRecords() > bufferConfig.maxRecordsLimit || buffer.bufferSize() > bufferConfig.maxBytesLimit;

    const emit = (e: Eviction<K, V>): void => {
      if (e.value.newValue === null && finalResults) return;
      context.forward(new Record<K, Change<V>>(e.key, e.value, e.context.timestamp, e.context.headers));
    };

    return {
      init(ctx) {
        context = ctx;
        buffer = ctx.getStateStore<SuppressionBuffer<K, V> & StateStore>(storeName);
      },
      process(record) {
        observedStreamTime = Math.max(observedStreamTime, record.timestamp);
        const m = context.recordMetadata();
        const recordContext: StoreRecordContext = { timestamp: record.timestamp, headers: record.headers, topic: m?.topic ?? null, partition: m?.partition ?? -1, offset: m?.offset ?? -1n };
        const time = finalResults ? (record.key as Windowed<unknown>).window.end : record.timestamp;
        buffer.put(time, record.key, record.value, recordContext);
        const expiryTime = observedStreamTime - suppressDurationMs;
        buffer.evictWhile(() => buffer.minTimestamp() <= expiryTime, emit);
        if (!overCapacity()) return;
        if (bufferConfig.bufferFullStrategy === 'EMIT') {
          buffer.evictWhile(overCapacity, emit);
          return;
        }
        const limit = (n: number) => (n === Infinity ? String(Number.MAX_SAFE_INTEGER) : String(n));
        throw new StreamsError(
          StreamsErrorCode.PROCESSING_FAILED,
          `${storeName} buffer exceeded its max capacity. Currently [${buffer.numRecords()}/${limit(bufferConfig.maxRecordsLimit)}] records and [${buffer.bufferSize()}/${limit(bufferConfig.maxBytesLimit)}] bytes. ` +
            'Raise BufferConfig.maxRecords/maxBytes, or use emitEarlyWhenFull() if early results are acceptable',
        );
      },
    };
  }
}

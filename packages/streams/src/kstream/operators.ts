/**
 * The processors behind the stateless DSL operators. Each is a supplier: the runtime calls it
 * once per task, so nothing is shared between tasks.
 */
import { StreamsError, StreamsErrorCode } from '../errors.ts';
import type { FixedKeyProcessor, FixedKeyProcessorContext, Processor, ProcessorContext } from '../processor/api.ts';
import { FixedKeyRecord, type KeyValue, type Record } from '../record.ts';

type Supplier = () => Processor<unknown, unknown, unknown, unknown>;

/** A processor whose process function gets the record and its context. */
function stateless(process: (record: Record<unknown, unknown>, context: ProcessorContext<unknown, unknown>) => void): Supplier {
  return () => {
    let context!: ProcessorContext<unknown, unknown>;
    return {
      init(c) {
        context = c;
      },
      process(record) {
        process(record, context);
      },
    };
  };
}

function iterable(result: unknown, operator: string): Iterable<unknown> {
  if (result === null || result === undefined || typeof (result as Iterable<unknown>)[Symbol.iterator] !== 'function') {
    throw new StreamsError(StreamsErrorCode.PROCESSING_FAILED, `the ${operator} mapper must return an iterable (an array), got ${result === null ? 'null' : typeof result}`);
  }
  return result as Iterable<unknown>;
}

function keyValue(result: unknown, operator: string): KeyValue<unknown, unknown> {
  if (typeof result !== 'object' || result === null || !('key' in result) || !('value' in result)) {
    throw new StreamsError(StreamsErrorCode.PROCESSING_FAILED, `the ${operator} mapper must return { key, value } (KeyValue.pair), got ${JSON.stringify(result)}`);
  }
  return result as KeyValue<unknown, unknown>;
}

export const operators = {
  filter: (predicate: (k: unknown, v: unknown) => boolean, keep: boolean): Supplier =>
    stateless((r, c) => {
      if (Boolean(predicate(r.key, r.value)) === keep) c.forward(r);
    }),
  map: (mapper: (k: unknown, v: unknown) => KeyValue<unknown, unknown>): Supplier =>
    stateless((r, c) => {
      const kv = keyValue(mapper(r.key, r.value), 'map');
      c.forward(r.withKey(kv.key).withValue(kv.value));
    }),
  mapValues: (mapper: (v: unknown, k: unknown) => unknown): Supplier => stateless((r, c) => c.forward(r.withValue(mapper(r.value, r.key)))),
  flatMap: (mapper: (k: unknown, v: unknown) => Iterable<KeyValue<unknown, unknown>>): Supplier =>
    stateless((r, c) => {
      for (const item of iterable(mapper(r.key, r.value), 'flatMap')) {
        const kv = keyValue(item, 'flatMap');
        c.forward(r.withKey(kv.key).withValue(kv.value));
      }
    }),
  flatMapValues: (mapper: (v: unknown, k: unknown) => Iterable<unknown>): Supplier =>
    stateless((r, c) => {
      for (const v of iterable(mapper(r.value, r.key), 'flatMapValues')) c.forward(r.withValue(v));
    }),
  selectKey: (mapper: (k: unknown, v: unknown) => unknown): Supplier => stateless((r, c) => c.forward(r.withKey(mapper(r.key, r.value)))),
  peek: (action: (k: unknown, v: unknown) => void): Supplier =>
    stateless((r, c) => {
      action(r.key, r.value);
      c.forward(r);
    }),
  foreach: (action: (k: unknown, v: unknown) => void): Supplier => stateless((r) => action(r.key, r.value)),
  passThrough: (): Supplier => stateless((r, c) => c.forward(r)),
  /** Sends each record to the first branch whose predicate holds, else to the default branch. */
  split: (predicates: readonly ((k: unknown, v: unknown) => boolean)[], children: readonly string[], defaultChild: () => string | undefined): Supplier =>
    stateless((r, c) => {
      for (let i = 0; i < predicates.length; i++) {
        if (predicates[i](r.key, r.value)) {
          c.forward(r, children[i]);
          return;
        }
      }
      const d = defaultChild();
      if (d !== undefined) c.forward(r, d);
    }),
  /** Runs a FixedKeyProcessor as a processor: it sees FixedKeyRecords and can only forward those. */
  fixedKey: (supplier: () => FixedKeyProcessor<unknown, unknown, unknown>): Supplier => () => {
    const inner = supplier();
    if (!inner || typeof inner.process !== 'function') throw new StreamsError(StreamsErrorCode.INVALID_TOPOLOGY, 'the processValues supplier did not return a processor (an object with process(record))');
    return {
      init(context) {
        const fixed: FixedKeyProcessorContext<unknown, unknown> = {
          applicationId: context.applicationId,
          taskId: context.taskId,
          recordMetadata: () => context.recordMetadata(),
          currentStreamTimeMs: () => context.currentStreamTimeMs(),
          currentSystemTimeMs: () => context.currentSystemTimeMs(),
          schedule: (interval, type, punctuator) => context.schedule(interval, type, punctuator),
          commit: () => context.commit(),
          getStateStore: (name) => context.getStateStore(name),
          forward(record, childName) {
            if (!(record instanceof FixedKeyRecord)) throw new TypeError('a processValues processor must forward FixedKeyRecords (record.withValue(...) of its input)');
            context.forward(record.toRecord(), childName);
          },
        };
        inner.init?.(fixed);
      },
      process(record) {
        inner.process(new FixedKeyRecord(record));
      },
      close() {
        inner.close?.();
      },
    };
  },
};

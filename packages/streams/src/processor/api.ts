/**
 * The processor API (Kafka Streams' `org.apache.kafka.streams.processor.api`): a processor gets
 * records one at a time, forwards records to its children through its context, and may schedule
 * punctuations on wall-clock or stream time. Every DSL operator is a processor too.
 */
import type { FixedKeyRecord, Record } from '../record.ts';
import type { StateStore } from '../state/api.ts';

export const PunctuationType = {
  /** Fires as stream time (the largest record timestamp the task has seen) advances. */
  STREAM_TIME: 'STREAM_TIME',
  /** Fires as the clock advances, whether records arrive or not. */
  WALL_CLOCK_TIME: 'WALL_CLOCK_TIME',
} as const;
export type PunctuationType = (typeof PunctuationType)[keyof typeof PunctuationType];

export type Punctuator = (timestamp: number) => void;

export interface Cancellable {
  cancel(): void;
}

/** Where the record being processed came from; null inside a punctuation. */
export interface RecordMetadata {
  topic: string;
  partition: number;
  offset: bigint;
}

interface ContextBase {
  readonly applicationId: string;
  /** `<subtopology>_<partition>`, e.g. `0_3`. */
  readonly taskId: string;
  recordMetadata(): RecordMetadata | null;
  /** The task's stream time: the largest timestamp processed so far (-1 before the first record). */
  currentStreamTimeMs(): number;
  /** The task's clock: real time in the runtime, the driver's mock time in the test driver. */
  currentSystemTimeMs(): number;
  /** The application's settings as given (Java's `appConfigs()`); optional so hand-made contexts need not have it. */
  appConfigs?(): Readonly<{ [setting: string]: unknown }>;
  /**
   * Calls `punctuator` every `intervalMs` of stream time or wall-clock time. Wall-clock
   * punctuation first fires one interval from now; stream-time punctuation with the first record.
   */
  schedule(intervalMs: number, type: PunctuationType, punctuator: Punctuator): Cancellable;
  /** Asks for a commit soon (at the end of the current loop iteration). */
  commit(): void;
  /**
   * A state store connected to this processor (Topology.addStateStore, connectProcessorAndStateStores,
   * or the supplier's `stores`), or a global store; throws for any other name. Call it in init().
   */
  getStateStore<S extends StateStore = StateStore>(name: string): S;
  /**
   * Internal (Java's InternalProcessorContext): a value the task committed with its input
   * offsets under `key` (the largest of its partitions'), null when none; what
   * `emitStrategy(onWindowClose())` keeps its last emitted window close time in. Optional so
   * hand-made contexts need not have it.
   */
  processorMetadataForKey?(key: string): number | null;
  /** Internal: sets a value to commit with the task's input offsets from the next commit on. */
  addProcessorMetadataKeyValue?(key: string, value: number): void;
}

export interface ProcessorContext<KOut, VOut> extends ContextBase {
  /** Passes a record to every child, or only to the child named `childName`. */
  forward<K extends KOut, V extends VOut>(record: Record<K, V>, childName?: string): void;
}

export interface FixedKeyProcessorContext<K, VOut> extends ContextBase {
  forward<V extends VOut>(record: FixedKeyRecord<K, V>, childName?: string): void;
}

export interface Processor<KIn, VIn, KOut = KIn, VOut = VIn> {
  init?(context: ProcessorContext<KOut, VOut>): void;
  process(record: Record<KIn, VIn>): void;
  close?(): void;
}

export interface FixedKeyProcessor<K, VIn, VOut = VIn> {
  init?(context: FixedKeyProcessorContext<K, VOut>): void;
  process(record: FixedKeyRecord<K, VIn>): void;
  close?(): void;
}

/**
 * Makes a new processor. Called once per task, so each task (each input partition) has its own
 * processor instance and state; returning a shared instance is a bug (Kafka checks it too).
 */
export type ProcessorSupplier<KIn, VIn, KOut = KIn, VOut = VIn> = () => Processor<KIn, VIn, KOut, VOut>;
export type FixedKeyProcessorSupplier<K, VIn, VOut = VIn> = () => FixedKeyProcessor<K, VIn, VOut>;

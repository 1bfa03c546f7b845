/**
 * What a stream thread is given: the application's settings it runs with, and the instance
 * (KafkaStreams) it reports its rebalances to.
 */
import type { TimestampExtractor } from '../processor/timestamps.ts';
import type { Serde } from '../serdes.ts';
import type { ProcessingGuarantee } from './config.ts';
import type { DeserializationExceptionHandler, ProcessingExceptionHandler, ProductionExceptionHandler, StreamsLogger } from './handlers.ts';
import type { ThreadStateConfig } from './state-tasks.ts';

export interface ThreadConfig {
  applicationId: string;
  clientId: string;
  bootstrapServers: string | readonly string[];
  commitIntervalMs: number;
  pollMs: number;
  repartitionPurgeIntervalMs: number;
  defaultKeySerde: Serde<unknown>;
  defaultValueSerde: Serde<unknown>;
  deserializationExceptionHandler: DeserializationExceptionHandler;
  productionExceptionHandler: ProductionExceptionHandler;
  processingExceptionHandler: ProcessingExceptionHandler;
  defaultTimestampExtractor: TimestampExtractor;
  processingGuarantee: ProcessingGuarantee;
  /** application.server (`host:port`, or ''), given to the other instances through the group. */
  applicationServer: string;
  maxTaskIdleMs: number;
  /** task.timeout.ms: how long a task may keep timing out (reading its committed offsets, its restore) before it fails. */
  taskTimeoutMs: number;
  /** This instance's id (Java's process id), part of the transactional id under exactly_once_v2. */
  processId: string;
  consumer: object;
  producer: object;
  log: StreamsLogger;
  /** state.dir, state.cleanup.delay.ms, the restore listener (state-tasks.ts). */
  state: ThreadStateConfig;
}

export interface ThreadListener {
  /** A rebalance took tasks away: the instance is REBALANCING until the next assignment. */
  onRebalanceStarted(): void;
  /** Tasks are assigned and initialised: the instance is RUNNING. */
  onTasksAssigned(taskIds: string[]): void;
  /** Another instance asked every instance to shut down. */
  onShutdownApplication(): void;
}

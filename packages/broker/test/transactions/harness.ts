// A transaction coordinator over the real parts of a broker (the storage engine on an in-memory
// filesystem, the topic manager, __transaction_state, the group coordinator over
// __consumer_offsets, the producer id allocator), driven by a manual clock: what the coordinator
// tests build on. `reopen` starts the same parts again over what the filesystem kept, as a
// restart does (after a power cut when the test has cut it).
import { decodeRecordBatches, encodeUncompressedRecordBatch, isControl, decodeControlKey, type RecordBatch } from '@sluice/protocol';
import { LogManager, MemoryFileSystem } from '@sluice/storage';
import { BrokerConfig } from '../../src/config/broker-config.ts';
import { DelayedOperations } from '../../src/delayed/delayed-operations.ts';
import { GroupCoordinator } from '../../src/groups/coordinator.ts';
import { OffsetsTopicStore } from '../../src/groups/offsets-topic.ts';
import { ManualTimer } from '../../src/groups/timer.ts';
import { ProducerIdAllocator } from '../../src/identity.ts';
import { TopicManager } from '../../src/topics/topic-manager.ts';
import { TransactionCoordinator, TransactionStateTopic, type MarkerWriter, type TransactionCoordinatorConfig } from '../../src/transactions/index.ts';
import { TransactionMarkers } from '../../src/transactions/markers.ts';
import { TEST_GROUP_CONFIG } from '../group-config.ts';

export const TXN_CONFIG: TransactionCoordinatorConfig = {
  maxTimeoutMs: 900_000,
  idExpirationMs: 604_800_000,
  abortTimedOutIntervalMs: 10_000,
  removeExpiredIntervalMs: 3_600_000,
  transactionVersionLevel: 2,
};

export interface Harness {
  fs: MemoryFileSystem;
  timer: ManualTimer;
  logs: LogManager;
  topics: TopicManager;
  groups: GroupCoordinator;
  state: TransactionStateTopic;
  coordinator: TransactionCoordinator;
  /** What the coordinator logged as errors and warnings. */
  problems: string[];
  /** Opens everything again over the same filesystem (the old parts are left as a crash leaves them). */
  reopen(options?: { markers?: (real: MarkerWriter) => MarkerWriter }): Promise<Harness>;
}

const DATA_DIR = '/data';

export async function openHarness(options: { fs?: MemoryFileSystem; config?: Partial<TransactionCoordinatorConfig>; markers?: (real: MarkerWriter) => MarkerWriter; time?: number } = {}): Promise<Harness> {
  const fs = options.fs ?? new MemoryFileSystem();
  const problems: string[] = [];
  const log = {
    info() {},
    warn: (m: string) => problems.push(`WARN ${m}`),
    error: (m: string, e?: unknown) => problems.push(`ERROR ${m}: ${e instanceof Error ? e.message : String(e)}`),
  };
  const config = new BrokerConfig();
  config.applyStatic({});
  const timer = new ManualTimer();
  if (options.time !== undefined) timer.advance(options.time);
  const logs = await LogManager.open({ fs, dataDir: DATA_DIR, brokerDefaults: config.topicDefaults(), maintenanceIntervalMs: 0, log });
  const topics = new TopicManager(logs, config, new DelayedOperations(log));
  const offsetsStore = new OffsetsTopicStore(topics, () => 3);
  const groups = new GroupCoordinator(TEST_GROUP_CONFIG, offsetsStore, new ManualTimer());
  await offsetsStore.load(groups);
  const producerIds = new ProducerIdAllocator(fs, `${DATA_DIR}/producer-id-block`);
  await producerIds.open();
  const state = new TransactionStateTopic(topics, { partitions: () => 3, segmentBytes: () => 1 << 20 });
  const real = new TransactionMarkers(topics, groups);
  const coordinator = new TransactionCoordinator({ ...TXN_CONFIG, ...options.config }, state, options.markers ? options.markers(real) : real, () => producerIds.allocate(), timer, log);
  await coordinator.load(state.records());
  coordinator.start();
  const h: Harness = {
    fs,
    timer,
    logs,
    topics,
    groups,
    state,
    coordinator,
    problems,
    reopen: (again = {}) => openHarness({ fs, config: options.config, markers: again.markers, time: timer.now() }),
  };
  return h;
}

/** Every batch of a partition up to its log end. */
export async function batchesOf(h: Harness, topic: string, partition: number): Promise<RecordBatch[]> {
  const p = h.topics.partition(topic, partition)!;
  const chunks = await p.read(p.logStartOffset, 16 << 20, p.logEndOffset);
  return decodeRecordBatches(Buffer.concat(chunks));
}

/** The markers of a partition, in order: 'COMMIT'/'ABORT' with the producer and epoch. */
export async function markersOf(h: Harness, topic: string, partition: number): Promise<string[]> {
  return (await batchesOf(h, topic, partition))
    .filter((b) => isControl(b.header.attributes))
    .map((b) => `${decodeControlKey(b.records[0].key).type === 1 ? 'COMMIT' : 'ABORT'} ${b.header.producerId}/${b.header.producerEpoch}`);
}

/** The states written to __transaction_state for an id, in order. */
export async function recordedStates(h: Harness, transactionalId: string): Promise<string[]> {
  const states: string[] = [];
  for await (const r of h.state.records()) if (r.transactionalId === transactionalId) states.push(r.snapshot === null ? 'tombstone' : `${r.snapshot.state}@${r.snapshot.producerEpoch}`);
  return states;
}

/** A transactional data batch as a producer sends it. */
export function transactionalBatch(producerId: bigint, producerEpoch: number, baseSequence: number, ...values: string[]): Buffer {
  return encodeUncompressedRecordBatch({ producerId, producerEpoch, baseSequence, transactional: true, records: values.map((value) => ({ value })) });
}

export async function createTopic(h: Harness, name: string, partitions = 1): Promise<void> {
  await h.topics.create(name, { partitions, configs: {} });
}

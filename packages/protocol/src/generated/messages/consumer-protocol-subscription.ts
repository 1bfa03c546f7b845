// Generated from Kafka's clients/ConsumerProtocolSubscription.json by packages/protocol/generator. Do not edit.
// data, versions 0-3, flexible none
/* eslint-disable */
import { type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readCompactString, readInt32, readNullableArray, readString, writeArray, writeCompactString, writeInt32, writeString } from '../../primitives/codec-support.ts';

export interface ConsumerProtocolSubscription {
  topics: string[]; // versions 0+
  userData: Buffer | null; // versions 0+, nullable 0+
  ownedPartitions: ConsumerProtocolSubscriptionTopicPartition[]; // versions 1+, ignorable
  generationId: number; // versions 2+, ignorable
  rackId: string | null; // versions 3+, nullable 3+, ignorable
}

export interface ConsumerProtocolSubscriptionInput {
  topics: readonly string[]; // versions 0+
  userData?: Buffer | null; // versions 0+, nullable 0+
  ownedPartitions?: readonly ConsumerProtocolSubscriptionTopicPartitionInput[]; // versions 1+, ignorable
  generationId?: number; // versions 2+, ignorable
  rackId?: string | null; // versions 3+, nullable 3+, ignorable
}

export interface ConsumerProtocolSubscriptionTopicPartition {
  topic: string; // versions 1+
  partitions: number[]; // versions 1+
}

export interface ConsumerProtocolSubscriptionTopicPartitionInput {
  topic: string; // versions 1+
  partitions: readonly number[]; // versions 1+
}

export function defaultConsumerProtocolSubscription(): ConsumerProtocolSubscription {
  return { topics: [], userData: null, ownedPartitions: [], generationId: -1, rackId: null };
}

export function defaultConsumerProtocolSubscriptionTopicPartition(): ConsumerProtocolSubscriptionTopicPartition {
  return { topic: "", partitions: [] };
}

function writeConsumerProtocolSubscription(w: Writer, v: ConsumerProtocolSubscriptionInput, version: number): void {
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, false, nonNull(v_topics, "ConsumerProtocolSubscription", "topics", version), writeString);
  const v_userData = v.userData === undefined ? null : v.userData;
  w.nullableBytes(v_userData);
  const v_ownedPartitions = v.ownedPartitions === undefined ? [] : v.ownedPartitions;
  if (version >= 1) {
    writeArray(w, false, nonNull(v_ownedPartitions, "ConsumerProtocolSubscription", "ownedPartitions", version), (ew, e) => writeConsumerProtocolSubscriptionTopicPartition(ew, e, version));
  }
  const v_generationId = v.generationId === undefined ? -1 : v.generationId;
  if (version >= 2) {
    w.int32(v_generationId);
  }
  const v_rackId = v.rackId === undefined ? null : v.rackId;
  if (version >= 3) {
    w.nullableString(v_rackId);
  }
}

function readConsumerProtocolSubscription(r: Reader, version: number): ConsumerProtocolSubscription {
  const f_topics: string[] = readArray(r, false, 1, readString);
  const f_userData: Buffer | null = r.nullableBytes();
  const f_ownedPartitions: ConsumerProtocolSubscriptionTopicPartition[] = version >= 1 ? readArray(r, false, 1, (er) => readConsumerProtocolSubscriptionTopicPartition(er, version)) : [];
  const f_generationId: number = version >= 2 ? r.int32() : -1;
  const f_rackId: string | null = version >= 3 ? r.nullableString() : null;
  return { topics: f_topics, userData: f_userData, ownedPartitions: f_ownedPartitions, generationId: f_generationId, rackId: f_rackId };
}

function writeConsumerProtocolSubscriptionTopicPartition(w: Writer, v: ConsumerProtocolSubscriptionTopicPartitionInput, version: number): void {
  const v_topic = v.topic === undefined ? "" : v.topic;
  w.string(nonNull(v_topic, "ConsumerProtocolSubscription", "topic", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, false, nonNull(v_partitions, "ConsumerProtocolSubscription", "partitions", version), writeInt32);
}

function readConsumerProtocolSubscriptionTopicPartition(r: Reader, version: number): ConsumerProtocolSubscriptionTopicPartition {
  const f_topic: string = r.string();
  const f_partitions: number[] = readArray(r, false, 4, readInt32);
  return { topic: f_topic, partitions: f_partitions };
}

export function encodeConsumerProtocolSubscription(w: Writer, value: ConsumerProtocolSubscriptionInput, version: number): void {
  checkVersion("ConsumerProtocolSubscription", version, 0, 3);
  writeConsumerProtocolSubscription(w, value, version);
}

export function decodeConsumerProtocolSubscription(r: Reader, version: number): ConsumerProtocolSubscription {
  if (version < 0 || version > 3) r.fail(`ConsumerProtocolSubscription has no version ${version}`);
  return readConsumerProtocolSubscription(r, version);
}

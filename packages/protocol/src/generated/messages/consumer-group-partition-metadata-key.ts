// Generated from Kafka's group-coordinator/ConsumerGroupPartitionMetadataKey.json by packages/protocol/generator. Do not edit.
// coordinator-key 4, versions 0, flexible none
/* eslint-disable */
import { type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull } from '../../primitives/codec-support.ts';

export interface ConsumerGroupPartitionMetadataKey {
  groupId: string; // versions 0
}

export interface ConsumerGroupPartitionMetadataKeyInput {
  groupId: string; // versions 0
}

export function defaultConsumerGroupPartitionMetadataKey(): ConsumerGroupPartitionMetadataKey {
  return { groupId: "" };
}

function writeConsumerGroupPartitionMetadataKey(w: Writer, v: ConsumerGroupPartitionMetadataKeyInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.string(nonNull(v_groupId, "ConsumerGroupPartitionMetadataKey", "groupId", version));
}

function readConsumerGroupPartitionMetadataKey(r: Reader, version: number): ConsumerGroupPartitionMetadataKey {
  const f_groupId: string = r.string();
  return { groupId: f_groupId };
}

export function encodeConsumerGroupPartitionMetadataKey(w: Writer, value: ConsumerGroupPartitionMetadataKeyInput, version: number): void {
  checkVersion("ConsumerGroupPartitionMetadataKey", version, 0, 0);
  writeConsumerGroupPartitionMetadataKey(w, value, version);
}

export function decodeConsumerGroupPartitionMetadataKey(r: Reader, version: number): ConsumerGroupPartitionMetadataKey {
  if (version < 0 || version > 0) r.fail(`ConsumerGroupPartitionMetadataKey has no version ${version}`);
  return readConsumerGroupPartitionMetadataKey(r, version);
}

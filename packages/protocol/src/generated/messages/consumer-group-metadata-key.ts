// Generated from Kafka's group-coordinator/ConsumerGroupMetadataKey.json by packages/protocol/generator. Do not edit.
// coordinator-key 3, versions 0, flexible none
/* eslint-disable */
import { type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull } from '../../primitives/codec-support.ts';

export interface ConsumerGroupMetadataKey {
  groupId: string; // versions 0
}

export interface ConsumerGroupMetadataKeyInput {
  groupId: string; // versions 0
}

export function defaultConsumerGroupMetadataKey(): ConsumerGroupMetadataKey {
  return { groupId: "" };
}

function writeConsumerGroupMetadataKey(w: Writer, v: ConsumerGroupMetadataKeyInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.string(nonNull(v_groupId, "ConsumerGroupMetadataKey", "groupId", version));
}

function readConsumerGroupMetadataKey(r: Reader, version: number): ConsumerGroupMetadataKey {
  const f_groupId: string = r.string();
  return { groupId: f_groupId };
}

export function encodeConsumerGroupMetadataKey(w: Writer, value: ConsumerGroupMetadataKeyInput, version: number): void {
  checkVersion("ConsumerGroupMetadataKey", version, 0, 0);
  writeConsumerGroupMetadataKey(w, value, version);
}

export function decodeConsumerGroupMetadataKey(r: Reader, version: number): ConsumerGroupMetadataKey {
  if (version < 0 || version > 0) r.fail(`ConsumerGroupMetadataKey has no version ${version}`);
  return readConsumerGroupMetadataKey(r, version);
}

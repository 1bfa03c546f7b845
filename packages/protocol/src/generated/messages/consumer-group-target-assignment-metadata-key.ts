// Generated from Kafka's group-coordinator/ConsumerGroupTargetAssignmentMetadataKey.json by packages/protocol/generator. Do not edit.
// coordinator-key 6, versions 0, flexible none
/* eslint-disable */
import { type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull } from '../../primitives/codec-support.ts';

export interface ConsumerGroupTargetAssignmentMetadataKey {
  groupId: string; // versions 0
}

export interface ConsumerGroupTargetAssignmentMetadataKeyInput {
  groupId: string; // versions 0
}

export function defaultConsumerGroupTargetAssignmentMetadataKey(): ConsumerGroupTargetAssignmentMetadataKey {
  return { groupId: "" };
}

function writeConsumerGroupTargetAssignmentMetadataKey(w: Writer, v: ConsumerGroupTargetAssignmentMetadataKeyInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.string(nonNull(v_groupId, "ConsumerGroupTargetAssignmentMetadataKey", "groupId", version));
}

function readConsumerGroupTargetAssignmentMetadataKey(r: Reader, version: number): ConsumerGroupTargetAssignmentMetadataKey {
  const f_groupId: string = r.string();
  return { groupId: f_groupId };
}

export function encodeConsumerGroupTargetAssignmentMetadataKey(w: Writer, value: ConsumerGroupTargetAssignmentMetadataKeyInput, version: number): void {
  checkVersion("ConsumerGroupTargetAssignmentMetadataKey", version, 0, 0);
  writeConsumerGroupTargetAssignmentMetadataKey(w, value, version);
}

export function decodeConsumerGroupTargetAssignmentMetadataKey(r: Reader, version: number): ConsumerGroupTargetAssignmentMetadataKey {
  if (version < 0 || version > 0) r.fail(`ConsumerGroupTargetAssignmentMetadataKey has no version ${version}`);
  return readConsumerGroupTargetAssignmentMetadataKey(r, version);
}

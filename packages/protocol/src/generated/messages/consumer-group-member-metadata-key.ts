// Generated from Kafka's group-coordinator/ConsumerGroupMemberMetadataKey.json by packages/protocol/generator. Do not edit.
// coordinator-key 5, versions 0, flexible none
/* eslint-disable */
import { type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull } from '../../primitives/codec-support.ts';

export interface ConsumerGroupMemberMetadataKey {
  groupId: string; // versions 0
  memberId: string; // versions 0
}

export interface ConsumerGroupMemberMetadataKeyInput {
  groupId: string; // versions 0
  memberId: string; // versions 0
}

export function defaultConsumerGroupMemberMetadataKey(): ConsumerGroupMemberMetadataKey {
  return { groupId: "", memberId: "" };
}

function writeConsumerGroupMemberMetadataKey(w: Writer, v: ConsumerGroupMemberMetadataKeyInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.string(nonNull(v_groupId, "ConsumerGroupMemberMetadataKey", "groupId", version));
  const v_memberId = v.memberId === undefined ? "" : v.memberId;
  w.string(nonNull(v_memberId, "ConsumerGroupMemberMetadataKey", "memberId", version));
}

function readConsumerGroupMemberMetadataKey(r: Reader, version: number): ConsumerGroupMemberMetadataKey {
  const f_groupId: string = r.string();
  const f_memberId: string = r.string();
  return { groupId: f_groupId, memberId: f_memberId };
}

export function encodeConsumerGroupMemberMetadataKey(w: Writer, value: ConsumerGroupMemberMetadataKeyInput, version: number): void {
  checkVersion("ConsumerGroupMemberMetadataKey", version, 0, 0);
  writeConsumerGroupMemberMetadataKey(w, value, version);
}

export function decodeConsumerGroupMemberMetadataKey(r: Reader, version: number): ConsumerGroupMemberMetadataKey {
  if (version < 0 || version > 0) r.fail(`ConsumerGroupMemberMetadataKey has no version ${version}`);
  return readConsumerGroupMemberMetadataKey(r, version);
}

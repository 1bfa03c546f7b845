// Generated from Kafka's group-coordinator/ConsumerGroupCurrentMemberAssignmentKey.json by packages/protocol/generator. Do not edit.
// coordinator-key 8, versions 0, flexible none
/* eslint-disable */
import { type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull } from '../../primitives/codec-support.ts';

export interface ConsumerGroupCurrentMemberAssignmentKey {
  groupId: string; // versions 0
  memberId: string; // versions 0
}

export interface ConsumerGroupCurrentMemberAssignmentKeyInput {
  groupId: string; // versions 0
  memberId: string; // versions 0
}

export function defaultConsumerGroupCurrentMemberAssignmentKey(): ConsumerGroupCurrentMemberAssignmentKey {
  return { groupId: "", memberId: "" };
}

function writeConsumerGroupCurrentMemberAssignmentKey(w: Writer, v: ConsumerGroupCurrentMemberAssignmentKeyInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.string(nonNull(v_groupId, "ConsumerGroupCurrentMemberAssignmentKey", "groupId", version));
  const v_memberId = v.memberId === undefined ? "" : v.memberId;
  w.string(nonNull(v_memberId, "ConsumerGroupCurrentMemberAssignmentKey", "memberId", version));
}

function readConsumerGroupCurrentMemberAssignmentKey(r: Reader, version: number): ConsumerGroupCurrentMemberAssignmentKey {
  const f_groupId: string = r.string();
  const f_memberId: string = r.string();
  return { groupId: f_groupId, memberId: f_memberId };
}

export function encodeConsumerGroupCurrentMemberAssignmentKey(w: Writer, value: ConsumerGroupCurrentMemberAssignmentKeyInput, version: number): void {
  checkVersion("ConsumerGroupCurrentMemberAssignmentKey", version, 0, 0);
  writeConsumerGroupCurrentMemberAssignmentKey(w, value, version);
}

export function decodeConsumerGroupCurrentMemberAssignmentKey(r: Reader, version: number): ConsumerGroupCurrentMemberAssignmentKey {
  if (version < 0 || version > 0) r.fail(`ConsumerGroupCurrentMemberAssignmentKey has no version ${version}`);
  return readConsumerGroupCurrentMemberAssignmentKey(r, version);
}

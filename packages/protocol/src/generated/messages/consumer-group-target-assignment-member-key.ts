// Generated from Kafka's group-coordinator/ConsumerGroupTargetAssignmentMemberKey.json by packages/protocol/generator. Do not edit.
// coordinator-key 7, versions 0, flexible none
/* eslint-disable */
import { type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull } from '../../primitives/codec-support.ts';

export interface ConsumerGroupTargetAssignmentMemberKey {
  groupId: string; // versions 0
  memberId: string; // versions 0
}

export interface ConsumerGroupTargetAssignmentMemberKeyInput {
  groupId: string; // versions 0
  memberId: string; // versions 0
}

export function defaultConsumerGroupTargetAssignmentMemberKey(): ConsumerGroupTargetAssignmentMemberKey {
  return { groupId: "", memberId: "" };
}

function writeConsumerGroupTargetAssignmentMemberKey(w: Writer, v: ConsumerGroupTargetAssignmentMemberKeyInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.string(nonNull(v_groupId, "ConsumerGroupTargetAssignmentMemberKey", "groupId", version));
  const v_memberId = v.memberId === undefined ? "" : v.memberId;
  w.string(nonNull(v_memberId, "ConsumerGroupTargetAssignmentMemberKey", "memberId", version));
}

function readConsumerGroupTargetAssignmentMemberKey(r: Reader, version: number): ConsumerGroupTargetAssignmentMemberKey {
  const f_groupId: string = r.string();
  const f_memberId: string = r.string();
  return { groupId: f_groupId, memberId: f_memberId };
}

export function encodeConsumerGroupTargetAssignmentMemberKey(w: Writer, value: ConsumerGroupTargetAssignmentMemberKeyInput, version: number): void {
  checkVersion("ConsumerGroupTargetAssignmentMemberKey", version, 0, 0);
  writeConsumerGroupTargetAssignmentMemberKey(w, value, version);
}

export function decodeConsumerGroupTargetAssignmentMemberKey(r: Reader, version: number): ConsumerGroupTargetAssignmentMemberKey {
  if (version < 0 || version > 0) r.fail(`ConsumerGroupTargetAssignmentMemberKey has no version ${version}`);
  return readConsumerGroupTargetAssignmentMemberKey(r, version);
}

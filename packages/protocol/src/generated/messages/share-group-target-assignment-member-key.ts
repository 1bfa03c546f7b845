// Generated from Kafka's group-coordinator/ShareGroupTargetAssignmentMemberKey.json by packages/protocol/generator. Do not edit.
// coordinator-key 13, versions 0, flexible none
/* eslint-disable */
import { type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull } from '../../primitives/codec-support.ts';

export interface ShareGroupTargetAssignmentMemberKey {
  groupId: string; // versions 0
  memberId: string; // versions 0
}

export interface ShareGroupTargetAssignmentMemberKeyInput {
  groupId: string; // versions 0
  memberId: string; // versions 0
}

export function defaultShareGroupTargetAssignmentMemberKey(): ShareGroupTargetAssignmentMemberKey {
  return { groupId: "", memberId: "" };
}

function writeShareGroupTargetAssignmentMemberKey(w: Writer, v: ShareGroupTargetAssignmentMemberKeyInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.string(nonNull(v_groupId, "ShareGroupTargetAssignmentMemberKey", "groupId", version));
  const v_memberId = v.memberId === undefined ? "" : v.memberId;
  w.string(nonNull(v_memberId, "ShareGroupTargetAssignmentMemberKey", "memberId", version));
}

function readShareGroupTargetAssignmentMemberKey(r: Reader, version: number): ShareGroupTargetAssignmentMemberKey {
  const f_groupId: string = r.string();
  const f_memberId: string = r.string();
  return { groupId: f_groupId, memberId: f_memberId };
}

export function encodeShareGroupTargetAssignmentMemberKey(w: Writer, value: ShareGroupTargetAssignmentMemberKeyInput, version: number): void {
  checkVersion("ShareGroupTargetAssignmentMemberKey", version, 0, 0);
  writeShareGroupTargetAssignmentMemberKey(w, value, version);
}

export function decodeShareGroupTargetAssignmentMemberKey(r: Reader, version: number): ShareGroupTargetAssignmentMemberKey {
  if (version < 0 || version > 0) r.fail(`ShareGroupTargetAssignmentMemberKey has no version ${version}`);
  return readShareGroupTargetAssignmentMemberKey(r, version);
}

// Generated from Kafka's group-coordinator/ShareGroupCurrentMemberAssignmentKey.json by packages/protocol/generator. Do not edit.
// coordinator-key 14, versions 0, flexible none
/* eslint-disable */
import { type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull } from '../../primitives/codec-support.ts';

export interface ShareGroupCurrentMemberAssignmentKey {
  groupId: string; // versions 0
  memberId: string; // versions 0
}

export interface ShareGroupCurrentMemberAssignmentKeyInput {
  groupId: string; // versions 0
  memberId: string; // versions 0
}

export function defaultShareGroupCurrentMemberAssignmentKey(): ShareGroupCurrentMemberAssignmentKey {
  return { groupId: "", memberId: "" };
}

function writeShareGroupCurrentMemberAssignmentKey(w: Writer, v: ShareGroupCurrentMemberAssignmentKeyInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.string(nonNull(v_groupId, "ShareGroupCurrentMemberAssignmentKey", "groupId", version));
  const v_memberId = v.memberId === undefined ? "" : v.memberId;
  w.string(nonNull(v_memberId, "ShareGroupCurrentMemberAssignmentKey", "memberId", version));
}

function readShareGroupCurrentMemberAssignmentKey(r: Reader, version: number): ShareGroupCurrentMemberAssignmentKey {
  const f_groupId: string = r.string();
  const f_memberId: string = r.string();
  return { groupId: f_groupId, memberId: f_memberId };
}

export function encodeShareGroupCurrentMemberAssignmentKey(w: Writer, value: ShareGroupCurrentMemberAssignmentKeyInput, version: number): void {
  checkVersion("ShareGroupCurrentMemberAssignmentKey", version, 0, 0);
  writeShareGroupCurrentMemberAssignmentKey(w, value, version);
}

export function decodeShareGroupCurrentMemberAssignmentKey(r: Reader, version: number): ShareGroupCurrentMemberAssignmentKey {
  if (version < 0 || version > 0) r.fail(`ShareGroupCurrentMemberAssignmentKey has no version ${version}`);
  return readShareGroupCurrentMemberAssignmentKey(r, version);
}

// Generated from Kafka's group-coordinator/StreamsGroupTargetAssignmentMemberKey.json by packages/protocol/generator. Do not edit.
// coordinator-key 21, versions 0, flexible none
/* eslint-disable */
import { type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull } from '../../primitives/codec-support.ts';

export interface StreamsGroupTargetAssignmentMemberKey {
  groupId: string; // versions 0
  memberId: string; // versions 0
}

export interface StreamsGroupTargetAssignmentMemberKeyInput {
  groupId: string; // versions 0
  memberId: string; // versions 0
}

export function defaultStreamsGroupTargetAssignmentMemberKey(): StreamsGroupTargetAssignmentMemberKey {
  return { groupId: "", memberId: "" };
}

function writeStreamsGroupTargetAssignmentMemberKey(w: Writer, v: StreamsGroupTargetAssignmentMemberKeyInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.string(nonNull(v_groupId, "StreamsGroupTargetAssignmentMemberKey", "groupId", version));
  const v_memberId = v.memberId === undefined ? "" : v.memberId;
  w.string(nonNull(v_memberId, "StreamsGroupTargetAssignmentMemberKey", "memberId", version));
}

function readStreamsGroupTargetAssignmentMemberKey(r: Reader, version: number): StreamsGroupTargetAssignmentMemberKey {
  const f_groupId: string = r.string();
  const f_memberId: string = r.string();
  return { groupId: f_groupId, memberId: f_memberId };
}

export function encodeStreamsGroupTargetAssignmentMemberKey(w: Writer, value: StreamsGroupTargetAssignmentMemberKeyInput, version: number): void {
  checkVersion("StreamsGroupTargetAssignmentMemberKey", version, 0, 0);
  writeStreamsGroupTargetAssignmentMemberKey(w, value, version);
}

export function decodeStreamsGroupTargetAssignmentMemberKey(r: Reader, version: number): StreamsGroupTargetAssignmentMemberKey {
  if (version < 0 || version > 0) r.fail(`StreamsGroupTargetAssignmentMemberKey has no version ${version}`);
  return readStreamsGroupTargetAssignmentMemberKey(r, version);
}

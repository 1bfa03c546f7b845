// Generated from Kafka's group-coordinator/StreamsGroupCurrentMemberAssignmentKey.json by packages/protocol/generator. Do not edit.
// coordinator-key 22, versions 0, flexible none
/* eslint-disable */
import { type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull } from '../../primitives/codec-support.ts';

export interface StreamsGroupCurrentMemberAssignmentKey {
  groupId: string; // versions 0
  memberId: string; // versions 0
}

export interface StreamsGroupCurrentMemberAssignmentKeyInput {
  groupId: string; // versions 0
  memberId: string; // versions 0
}

export function defaultStreamsGroupCurrentMemberAssignmentKey(): StreamsGroupCurrentMemberAssignmentKey {
  return { groupId: "", memberId: "" };
}

function writeStreamsGroupCurrentMemberAssignmentKey(w: Writer, v: StreamsGroupCurrentMemberAssignmentKeyInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.string(nonNull(v_groupId, "StreamsGroupCurrentMemberAssignmentKey", "groupId", version));
  const v_memberId = v.memberId === undefined ? "" : v.memberId;
  w.string(nonNull(v_memberId, "StreamsGroupCurrentMemberAssignmentKey", "memberId", version));
}

function readStreamsGroupCurrentMemberAssignmentKey(r: Reader, version: number): StreamsGroupCurrentMemberAssignmentKey {
  const f_groupId: string = r.string();
  const f_memberId: string = r.string();
  return { groupId: f_groupId, memberId: f_memberId };
}

export function encodeStreamsGroupCurrentMemberAssignmentKey(w: Writer, value: StreamsGroupCurrentMemberAssignmentKeyInput, version: number): void {
  checkVersion("StreamsGroupCurrentMemberAssignmentKey", version, 0, 0);
  writeStreamsGroupCurrentMemberAssignmentKey(w, value, version);
}

export function decodeStreamsGroupCurrentMemberAssignmentKey(r: Reader, version: number): StreamsGroupCurrentMemberAssignmentKey {
  if (version < 0 || version > 0) r.fail(`StreamsGroupCurrentMemberAssignmentKey has no version ${version}`);
  return readStreamsGroupCurrentMemberAssignmentKey(r, version);
}

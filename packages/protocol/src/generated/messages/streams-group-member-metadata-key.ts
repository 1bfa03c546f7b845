// Generated from Kafka's group-coordinator/StreamsGroupMemberMetadataKey.json by packages/protocol/generator. Do not edit.
// coordinator-key 19, versions 0, flexible none
/* eslint-disable */
import { type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull } from '../../primitives/codec-support.ts';

export interface StreamsGroupMemberMetadataKey {
  groupId: string; // versions 0
  memberId: string; // versions 0
}

export interface StreamsGroupMemberMetadataKeyInput {
  groupId: string; // versions 0
  memberId: string; // versions 0
}

export function defaultStreamsGroupMemberMetadataKey(): StreamsGroupMemberMetadataKey {
  return { groupId: "", memberId: "" };
}

function writeStreamsGroupMemberMetadataKey(w: Writer, v: StreamsGroupMemberMetadataKeyInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.string(nonNull(v_groupId, "StreamsGroupMemberMetadataKey", "groupId", version));
  const v_memberId = v.memberId === undefined ? "" : v.memberId;
  w.string(nonNull(v_memberId, "StreamsGroupMemberMetadataKey", "memberId", version));
}

function readStreamsGroupMemberMetadataKey(r: Reader, version: number): StreamsGroupMemberMetadataKey {
  const f_groupId: string = r.string();
  const f_memberId: string = r.string();
  return { groupId: f_groupId, memberId: f_memberId };
}

export function encodeStreamsGroupMemberMetadataKey(w: Writer, value: StreamsGroupMemberMetadataKeyInput, version: number): void {
  checkVersion("StreamsGroupMemberMetadataKey", version, 0, 0);
  writeStreamsGroupMemberMetadataKey(w, value, version);
}

export function decodeStreamsGroupMemberMetadataKey(r: Reader, version: number): StreamsGroupMemberMetadataKey {
  if (version < 0 || version > 0) r.fail(`StreamsGroupMemberMetadataKey has no version ${version}`);
  return readStreamsGroupMemberMetadataKey(r, version);
}

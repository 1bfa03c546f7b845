// Generated from Kafka's group-coordinator/ShareGroupMemberMetadataKey.json by packages/protocol/generator. Do not edit.
// coordinator-key 10, versions 0, flexible none
/* eslint-disable */
import { type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull } from '../../primitives/codec-support.ts';

export interface ShareGroupMemberMetadataKey {
  groupId: string; // versions 0
  memberId: string; // versions 0
}

export interface ShareGroupMemberMetadataKeyInput {
  groupId: string; // versions 0
  memberId: string; // versions 0
}

export function defaultShareGroupMemberMetadataKey(): ShareGroupMemberMetadataKey {
  return { groupId: "", memberId: "" };
}

function writeShareGroupMemberMetadataKey(w: Writer, v: ShareGroupMemberMetadataKeyInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.string(nonNull(v_groupId, "ShareGroupMemberMetadataKey", "groupId", version));
  const v_memberId = v.memberId === undefined ? "" : v.memberId;
  w.string(nonNull(v_memberId, "ShareGroupMemberMetadataKey", "memberId", version));
}

function readShareGroupMemberMetadataKey(r: Reader, version: number): ShareGroupMemberMetadataKey {
  const f_groupId: string = r.string();
  const f_memberId: string = r.string();
  return { groupId: f_groupId, memberId: f_memberId };
}

export function encodeShareGroupMemberMetadataKey(w: Writer, value: ShareGroupMemberMetadataKeyInput, version: number): void {
  checkVersion("ShareGroupMemberMetadataKey", version, 0, 0);
  writeShareGroupMemberMetadataKey(w, value, version);
}

export function decodeShareGroupMemberMetadataKey(r: Reader, version: number): ShareGroupMemberMetadataKey {
  if (version < 0 || version > 0) r.fail(`ShareGroupMemberMetadataKey has no version ${version}`);
  return readShareGroupMemberMetadataKey(r, version);
}

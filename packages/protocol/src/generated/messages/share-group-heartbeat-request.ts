// Generated from Kafka's clients/ShareGroupHeartbeatRequest.json by packages/protocol/generator. Do not edit.
// request 76, versions 1, flexible 1
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readCompactString, readNullableArray, readString, writeCompactString, writeNullableArray, writeString } from '../../primitives/codec-support.ts';

export interface ShareGroupHeartbeatRequest {
  groupId: string; // versions 0+
  memberId: string; // versions 0+
  memberEpoch: number; // versions 0+
  rackId: string | null; // versions 0+, nullable 0+
  subscribedTopicNames: string[] | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupHeartbeatRequestInput {
  groupId: string; // versions 0+
  memberId: string; // versions 0+
  memberEpoch: number; // versions 0+
  rackId?: string | null; // versions 0+, nullable 0+
  subscribedTopicNames?: readonly string[] | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultShareGroupHeartbeatRequest(): ShareGroupHeartbeatRequest {
  return { groupId: "", memberId: "", memberEpoch: 0, rackId: null, subscribedTopicNames: null };
}

function writeShareGroupHeartbeatRequest(w: Writer, v: ShareGroupHeartbeatRequestInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.compactString(nonNull(v_groupId, "ShareGroupHeartbeatRequest", "groupId", version));
  const v_memberId = v.memberId === undefined ? "" : v.memberId;
  w.compactString(nonNull(v_memberId, "ShareGroupHeartbeatRequest", "memberId", version));
  const v_memberEpoch = v.memberEpoch === undefined ? 0 : v.memberEpoch;
  w.int32(v_memberEpoch);
  const v_rackId = v.rackId === undefined ? null : v.rackId;
  w.compactNullableString(v_rackId);
  const v_subscribedTopicNames = v.subscribedTopicNames === undefined ? null : v.subscribedTopicNames;
  writeNullableArray(w, true, v_subscribedTopicNames, writeCompactString);
  w.taggedFields(v._unknownTaggedFields);
}

function readShareGroupHeartbeatRequest(r: Reader, version: number): ShareGroupHeartbeatRequest {
  const f_groupId: string = r.compactString();
  const f_memberId: string = r.compactString();
  const f_memberEpoch: number = r.int32();
  const f_rackId: string | null = r.compactNullableString();
  const f_subscribedTopicNames: string[] | null = readNullableArray(r, true, 1, readCompactString);
  const unknown = r.taggedFields(null);
  const value: ShareGroupHeartbeatRequest = { groupId: f_groupId, memberId: f_memberId, memberEpoch: f_memberEpoch, rackId: f_rackId, subscribedTopicNames: f_subscribedTopicNames };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeShareGroupHeartbeatRequest(w: Writer, value: ShareGroupHeartbeatRequestInput, version: number): void {
  checkVersion("ShareGroupHeartbeatRequest", version, 1, 1);
  writeShareGroupHeartbeatRequest(w, value, version);
}

export function decodeShareGroupHeartbeatRequest(r: Reader, version: number): ShareGroupHeartbeatRequest {
  if (version < 1 || version > 1) r.fail(`ShareGroupHeartbeatRequest has no version ${version}`);
  return readShareGroupHeartbeatRequest(r, version);
}

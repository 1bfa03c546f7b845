// Generated from Kafka's group-coordinator/GroupMetadataValue.json by packages/protocol/generator. Do not edit.
// coordinator-value 2, versions 0-4, flexible 4
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { EMPTY_BYTES, checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface GroupMetadataValue {
  protocolType: string; // versions 0+
  generation: number; // versions 0+
  protocol: string | null; // versions 0+, nullable 0+
  leader: string | null; // versions 0+, nullable 0+
  currentStateTimestamp: bigint; // versions 2+, ignorable
  members: GroupMetadataValueMemberMetadata[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface GroupMetadataValueInput {
  protocolType: string; // versions 0+
  generation: number; // versions 0+
  protocol: string | null; // versions 0+, nullable 0+
  leader: string | null; // versions 0+, nullable 0+
  currentStateTimestamp?: bigint; // versions 2+, ignorable
  members: readonly GroupMetadataValueMemberMetadataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface GroupMetadataValueMemberMetadata {
  memberId: string; // versions 0+
  groupInstanceId: string | null; // versions 3+, nullable 3+, ignorable
  clientId: string; // versions 0+
  clientHost: string; // versions 0+
  rebalanceTimeout: number; // versions 1+, ignorable
  sessionTimeout: number; // versions 0+
  subscription: Buffer; // versions 0+
  assignment: Buffer; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface GroupMetadataValueMemberMetadataInput {
  memberId: string; // versions 0+
  groupInstanceId?: string | null; // versions 3+, nullable 3+, ignorable
  clientId: string; // versions 0+
  clientHost: string; // versions 0+
  rebalanceTimeout?: number; // versions 1+, ignorable
  sessionTimeout: number; // versions 0+
  subscription: Buffer; // versions 0+
  assignment: Buffer; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultGroupMetadataValue(): GroupMetadataValue {
  return { protocolType: "", generation: 0, protocol: "", leader: "", currentStateTimestamp: -1n, members: [] };
}

export function defaultGroupMetadataValueMemberMetadata(): GroupMetadataValueMemberMetadata {
  return { memberId: "", groupInstanceId: null, clientId: "", clientHost: "", rebalanceTimeout: -1, sessionTimeout: 0, subscription: EMPTY_BYTES, assignment: EMPTY_BYTES };
}

function writeGroupMetadataValue(w: Writer, v: GroupMetadataValueInput, version: number): void {
  const v_protocolType = v.protocolType === undefined ? "" : v.protocolType;
  if (version >= 4) w.compactString(nonNull(v_protocolType, "GroupMetadataValue", "protocolType", version));
  else w.string(nonNull(v_protocolType, "GroupMetadataValue", "protocolType", version));
  const v_generation = v.generation === undefined ? 0 : v.generation;
  w.int32(v_generation);
  const v_protocol = v.protocol === undefined ? "" : v.protocol;
  if (version >= 4) w.compactNullableString(v_protocol);
  else w.nullableString(v_protocol);
  const v_leader = v.leader === undefined ? "" : v.leader;
  if (version >= 4) w.compactNullableString(v_leader);
  else w.nullableString(v_leader);
  const v_currentStateTimestamp = v.currentStateTimestamp === undefined ? -1n : v.currentStateTimestamp;
  if (version >= 2) {
    w.int64(v_currentStateTimestamp);
  }
  const v_members = v.members === undefined ? [] : v.members;
  writeArray(w, version >= 4, nonNull(v_members, "GroupMetadataValue", "members", version), (ew, e) => writeGroupMetadataValueMemberMetadata(ew, e, version));
  if (version >= 4) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readGroupMetadataValue(r: Reader, version: number): GroupMetadataValue {
  const f_protocolType: string = (version >= 4 ? r.compactString() : r.string());
  const f_generation: number = r.int32();
  const f_protocol: string | null = (version >= 4 ? r.compactNullableString() : r.nullableString());
  const f_leader: string | null = (version >= 4 ? r.compactNullableString() : r.nullableString());
  const f_currentStateTimestamp: bigint = version >= 2 ? r.int64() : -1n;
  const f_members: GroupMetadataValueMemberMetadata[] = readArray(r, version >= 4, 9, (er) => readGroupMetadataValueMemberMetadata(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 4) {
    unknown = r.taggedFields(null);
  }
  const value: GroupMetadataValue = { protocolType: f_protocolType, generation: f_generation, protocol: f_protocol, leader: f_leader, currentStateTimestamp: f_currentStateTimestamp, members: f_members };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeGroupMetadataValueMemberMetadata(w: Writer, v: GroupMetadataValueMemberMetadataInput, version: number): void {
  const v_memberId = v.memberId === undefined ? "" : v.memberId;
  if (version >= 4) w.compactString(nonNull(v_memberId, "GroupMetadataValue", "memberId", version));
  else w.string(nonNull(v_memberId, "GroupMetadataValue", "memberId", version));
  const v_groupInstanceId = v.groupInstanceId === undefined ? null : v.groupInstanceId;
  if (version >= 3) {
    if (version >= 4) w.compactNullableString(v_groupInstanceId);
    else w.nullableString(v_groupInstanceId);
  }
  const v_clientId = v.clientId === undefined ? "" : v.clientId;
  if (version >= 4) w.compactString(nonNull(v_clientId, "GroupMetadataValue", "clientId", version));
  else w.string(nonNull(v_clientId, "GroupMetadataValue", "clientId", version));
  const v_clientHost = v.clientHost === undefined ? "" : v.clientHost;
  if (version >= 4) w.compactString(nonNull(v_clientHost, "GroupMetadataValue", "clientHost", version));
  else w.string(nonNull(v_clientHost, "GroupMetadataValue", "clientHost", version));
  const v_rebalanceTimeout = v.rebalanceTimeout === undefined ? -1 : v.rebalanceTimeout;
  if (version >= 1) {
    w.int32(v_rebalanceTimeout);
  }
  const v_sessionTimeout = v.sessionTimeout === undefined ? 0 : v.sessionTimeout;
  w.int32(v_sessionTimeout);
  const v_subscription = v.subscription === undefined ? EMPTY_BYTES : v.subscription;
  if (version >= 4) w.compactBytes(nonNull(v_subscription, "GroupMetadataValue", "subscription", version));
  else w.bytes(nonNull(v_subscription, "GroupMetadataValue", "subscription", version));
  const v_assignment = v.assignment === undefined ? EMPTY_BYTES : v.assignment;
  if (version >= 4) w.compactBytes(nonNull(v_assignment, "GroupMetadataValue", "assignment", version));
  else w.bytes(nonNull(v_assignment, "GroupMetadataValue", "assignment", version));
  if (version >= 4) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readGroupMetadataValueMemberMetadata(r: Reader, version: number): GroupMetadataValueMemberMetadata {
  const f_memberId: string = (version >= 4 ? r.compactString() : r.string());
  const f_groupInstanceId: string | null = version >= 3 ? (version >= 4 ? r.compactNullableString() : r.nullableString()) : null;
  const f_clientId: string = (version >= 4 ? r.compactString() : r.string());
  const f_clientHost: string = (version >= 4 ? r.compactString() : r.string());
  const f_rebalanceTimeout: number = version >= 1 ? r.int32() : -1;
  const f_sessionTimeout: number = r.int32();
  const f_subscription: Buffer = (version >= 4 ? r.compactBytes() : r.bytes());
  const f_assignment: Buffer = (version >= 4 ? r.compactBytes() : r.bytes());
  let unknown: TaggedField[] | undefined;
  if (version >= 4) {
    unknown = r.taggedFields(null);
  }
  const value: GroupMetadataValueMemberMetadata = { memberId: f_memberId, groupInstanceId: f_groupInstanceId, clientId: f_clientId, clientHost: f_clientHost, rebalanceTimeout: f_rebalanceTimeout, sessionTimeout: f_sessionTimeout, subscription: f_subscription, assignment: f_assignment };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeGroupMetadataValue(w: Writer, value: GroupMetadataValueInput, version: number): void {
  checkVersion("GroupMetadataValue", version, 0, 4);
  writeGroupMetadataValue(w, value, version);
}

export function decodeGroupMetadataValue(r: Reader, version: number): GroupMetadataValue {
  if (version < 0 || version > 4) r.fail(`GroupMetadataValue has no version ${version}`);
  return readGroupMetadataValue(r, version);
}

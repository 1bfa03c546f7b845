// Generated from Kafka's clients/OffsetFetchRequest.json by packages/protocol/generator. Do not edit.
// request 9, versions 1-10, flexible 6-10
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readInt32, readNullableArray, unsupportedField, writeArray, writeInt32, writeNullableArray } from '../../primitives/codec-support.ts';

export interface OffsetFetchRequest {
  groupId: string; // versions 0-7
  topics: OffsetFetchRequestTopic[] | null; // versions 0-7, nullable 2-7
  groups: OffsetFetchRequestGroup[]; // versions 8+
  requireStable: boolean; // versions 7+
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetFetchRequestInput {
  groupId?: string; // versions 0-7
  topics?: readonly OffsetFetchRequestTopicInput[] | null; // versions 0-7, nullable 2-7
  groups?: readonly OffsetFetchRequestGroupInput[]; // versions 8+
  requireStable?: boolean; // versions 7+
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetFetchRequestTopic {
  name: string; // versions 0-7
  partitionIndexes: number[]; // versions 0-7
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetFetchRequestTopicInput {
  name: string; // versions 0-7
  partitionIndexes: readonly number[]; // versions 0-7
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetFetchRequestGroup {
  groupId: string; // versions 8+
  memberId: string | null; // versions 9+, nullable 9+, ignorable
  memberEpoch: number; // versions 9+, ignorable
  topics: OffsetFetchRequestTopics[] | null; // versions 8+, nullable 8+
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetFetchRequestGroupInput {
  groupId: string; // versions 8+
  memberId?: string | null; // versions 9+, nullable 9+, ignorable
  memberEpoch?: number; // versions 9+, ignorable
  topics: readonly OffsetFetchRequestTopicsInput[] | null; // versions 8+, nullable 8+
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetFetchRequestTopics {
  name: string; // versions 8-9, ignorable
  topicId: string; // versions 10+, ignorable
  partitionIndexes: number[]; // versions 8+
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetFetchRequestTopicsInput {
  name?: string; // versions 8-9, ignorable
  topicId?: string; // versions 10+, ignorable
  partitionIndexes: readonly number[]; // versions 8+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetFetchRequest(): OffsetFetchRequest {
  return { groupId: "", topics: [], groups: [], requireStable: false };
}

export function defaultOffsetFetchRequestTopic(): OffsetFetchRequestTopic {
  return { name: "", partitionIndexes: [] };
}

export function defaultOffsetFetchRequestGroup(): OffsetFetchRequestGroup {
  return { groupId: "", memberId: null, memberEpoch: -1, topics: [] };
}

export function defaultOffsetFetchRequestTopics(): OffsetFetchRequestTopics {
  return { name: "", topicId: ZERO_UUID, partitionIndexes: [] };
}

function writeOffsetFetchRequest(w: Writer, v: OffsetFetchRequestInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  if (version <= 7) {
    if (version >= 6) w.compactString(nonNull(v_groupId, "OffsetFetchRequest", "groupId", version));
    else w.string(nonNull(v_groupId, "OffsetFetchRequest", "groupId", version));
  } else if (v.groupId !== undefined && v.groupId !== "") {
    unsupportedField("OffsetFetchRequest", "groupId", version);
  }
  const v_topics = v.topics === undefined ? [] : v.topics;
  if (version <= 7) {
    if (version >= 2) writeNullableArray(w, version >= 6, v_topics, (ew, e) => writeOffsetFetchRequestTopic(ew, e, version));
    else writeArray(w, version >= 6, nonNull(v_topics, "OffsetFetchRequest", "topics", version), (ew, e) => writeOffsetFetchRequestTopic(ew, e, version));
  } else if (v.topics !== undefined && (v.topics === null || v.topics.length > 0)) {
    unsupportedField("OffsetFetchRequest", "topics", version);
  }
  const v_groups = v.groups === undefined ? [] : v.groups;
  if (version >= 8) {
    writeArray(w, true, nonNull(v_groups, "OffsetFetchRequest", "groups", version), (ew, e) => writeOffsetFetchRequestGroup(ew, e, version));
  } else if (v.groups !== undefined && (v.groups === null || v.groups.length > 0)) {
    unsupportedField("OffsetFetchRequest", "groups", version);
  }
  const v_requireStable = v.requireStable === undefined ? false : v.requireStable;
  if (version >= 7) {
    w.bool(v_requireStable);
  } else if (v.requireStable !== undefined && v.requireStable !== false) {
    unsupportedField("OffsetFetchRequest", "requireStable", version);
  }
  if (version >= 6) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readOffsetFetchRequest(r: Reader, version: number): OffsetFetchRequest {
  const f_groupId: string = version <= 7 ? (version >= 6 ? r.compactString() : r.string()) : "";
  const f_topics: OffsetFetchRequestTopic[] | null = version <= 7 ? (version >= 2 ? readNullableArray(r, version >= 6, 1, (er) => readOffsetFetchRequestTopic(er, version)) : readArray(r, version >= 6, 1, (er) => readOffsetFetchRequestTopic(er, version))) : [];
  const f_groups: OffsetFetchRequestGroup[] = version >= 8 ? readArray(r, true, 1, (er) => readOffsetFetchRequestGroup(er, version)) : [];
  const f_requireStable: boolean = version >= 7 ? r.bool() : false;
  let unknown: TaggedField[] | undefined;
  if (version >= 6) {
    unknown = r.taggedFields(null);
  }
  const value: OffsetFetchRequest = { groupId: f_groupId, topics: f_topics, groups: f_groups, requireStable: f_requireStable };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeOffsetFetchRequestTopic(w: Writer, v: OffsetFetchRequestTopicInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  if (version >= 6) w.compactString(nonNull(v_name, "OffsetFetchRequest", "name", version));
  else w.string(nonNull(v_name, "OffsetFetchRequest", "name", version));
  const v_partitionIndexes = v.partitionIndexes === undefined ? [] : v.partitionIndexes;
  writeArray(w, version >= 6, nonNull(v_partitionIndexes, "OffsetFetchRequest", "partitionIndexes", version), writeInt32);
  if (version >= 6) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readOffsetFetchRequestTopic(r: Reader, version: number): OffsetFetchRequestTopic {
  const f_name: string = (version >= 6 ? r.compactString() : r.string());
  const f_partitionIndexes: number[] = readArray(r, version >= 6, 4, readInt32);
  let unknown: TaggedField[] | undefined;
  if (version >= 6) {
    unknown = r.taggedFields(null);
  }
  const value: OffsetFetchRequestTopic = { name: f_name, partitionIndexes: f_partitionIndexes };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeOffsetFetchRequestGroup(w: Writer, v: OffsetFetchRequestGroupInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.compactString(nonNull(v_groupId, "OffsetFetchRequest", "groupId", version));
  const v_memberId = v.memberId === undefined ? null : v.memberId;
  if (version >= 9) {
    w.compactNullableString(v_memberId);
  }
  const v_memberEpoch = v.memberEpoch === undefined ? -1 : v.memberEpoch;
  if (version >= 9) {
    w.int32(v_memberEpoch);
  }
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeNullableArray(w, true, v_topics, (ew, e) => writeOffsetFetchRequestTopics(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readOffsetFetchRequestGroup(r: Reader, version: number): OffsetFetchRequestGroup {
  const f_groupId: string = r.compactString();
  const f_memberId: string | null = version >= 9 ? r.compactNullableString() : null;
  const f_memberEpoch: number = version >= 9 ? r.int32() : -1;
  const f_topics: OffsetFetchRequestTopics[] | null = readNullableArray(r, true, 1, (er) => readOffsetFetchRequestTopics(er, version));
  const unknown = r.taggedFields(null);
  const value: OffsetFetchRequestGroup = { groupId: f_groupId, memberId: f_memberId, memberEpoch: f_memberEpoch, topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeOffsetFetchRequestTopics(w: Writer, v: OffsetFetchRequestTopicsInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  if (version <= 9) {
    w.compactString(nonNull(v_name, "OffsetFetchRequest", "name", version));
  }
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  if (version >= 10) {
    w.uuid(v_topicId);
  }
  const v_partitionIndexes = v.partitionIndexes === undefined ? [] : v.partitionIndexes;
  writeArray(w, true, nonNull(v_partitionIndexes, "OffsetFetchRequest", "partitionIndexes", version), writeInt32);
  w.taggedFields(v._unknownTaggedFields);
}

function readOffsetFetchRequestTopics(r: Reader, version: number): OffsetFetchRequestTopics {
  const f_name: string = version <= 9 ? r.compactString() : "";
  const f_topicId: string = version >= 10 ? r.uuid() : ZERO_UUID;
  const f_partitionIndexes: number[] = readArray(r, true, 4, readInt32);
  const unknown = r.taggedFields(null);
  const value: OffsetFetchRequestTopics = { name: f_name, topicId: f_topicId, partitionIndexes: f_partitionIndexes };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeOffsetFetchRequest(w: Writer, value: OffsetFetchRequestInput, version: number): void {
  checkVersion("OffsetFetchRequest", version, 1, 10);
  writeOffsetFetchRequest(w, value, version);
}

export function decodeOffsetFetchRequest(r: Reader, version: number): OffsetFetchRequest {
  if (version < 1 || version > 10) r.fail(`OffsetFetchRequest has no version ${version}`);
  return readOffsetFetchRequest(r, version);
}

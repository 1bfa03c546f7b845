// Generated from Kafka's clients/DeleteTopicsRequest.json by packages/protocol/generator. Do not edit.
// request 20, versions 1-6, flexible 4-6
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readCompactString, readNullableArray, readString, unsupportedField, writeArray, writeCompactString, writeString } from '../../primitives/codec-support.ts';

export interface DeleteTopicsRequest {
  topics: DeleteTopicsRequestDeleteTopicState[]; // versions 6+
  topicNames: string[]; // versions 0-5, ignorable
  timeoutMs: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteTopicsRequestInput {
  topics?: readonly DeleteTopicsRequestDeleteTopicStateInput[]; // versions 6+
  topicNames?: readonly string[]; // versions 0-5, ignorable
  timeoutMs: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteTopicsRequestDeleteTopicState {
  name: string | null; // versions 6+, nullable 6+
  topicId: string; // versions 6+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteTopicsRequestDeleteTopicStateInput {
  name?: string | null; // versions 6+, nullable 6+
  topicId: string; // versions 6+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteTopicsRequest(): DeleteTopicsRequest {
  return { topics: [], topicNames: [], timeoutMs: 0 };
}

export function defaultDeleteTopicsRequestDeleteTopicState(): DeleteTopicsRequestDeleteTopicState {
  return { name: null, topicId: ZERO_UUID };
}

function writeDeleteTopicsRequest(w: Writer, v: DeleteTopicsRequestInput, version: number): void {
  const v_topics = v.topics === undefined ? [] : v.topics;
  if (version >= 6) {
    writeArray(w, true, nonNull(v_topics, "DeleteTopicsRequest", "topics", version), (ew, e) => writeDeleteTopicsRequestDeleteTopicState(ew, e, version));
  } else if (v.topics !== undefined && (v.topics === null || v.topics.length > 0)) {
    unsupportedField("DeleteTopicsRequest", "topics", version);
  }
  const v_topicNames = v.topicNames === undefined ? [] : v.topicNames;
  if (version <= 5) {
    writeArray(w, version >= 4, nonNull(v_topicNames, "DeleteTopicsRequest", "topicNames", version), (version >= 4 ? writeCompactString : writeString));
  }
  const v_timeoutMs = v.timeoutMs === undefined ? 0 : v.timeoutMs;
  w.int32(v_timeoutMs);
  if (version >= 4) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDeleteTopicsRequest(r: Reader, version: number): DeleteTopicsRequest {
  const f_topics: DeleteTopicsRequestDeleteTopicState[] = version >= 6 ? readArray(r, true, 1, (er) => readDeleteTopicsRequestDeleteTopicState(er, version)) : [];
  const f_topicNames: string[] = version <= 5 ? readArray(r, version >= 4, 1, (version >= 4 ? readCompactString : readString)) : [];
  const f_timeoutMs: number = r.int32();
  let unknown: TaggedField[] | undefined;
  if (version >= 4) {
    unknown = r.taggedFields(null);
  }
  const value: DeleteTopicsRequest = { topics: f_topics, topicNames: f_topicNames, timeoutMs: f_timeoutMs };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDeleteTopicsRequestDeleteTopicState(w: Writer, v: DeleteTopicsRequestDeleteTopicStateInput, version: number): void {
  const v_name = v.name === undefined ? null : v.name;
  w.compactNullableString(v_name);
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  w.uuid(v_topicId);
  w.taggedFields(v._unknownTaggedFields);
}

function readDeleteTopicsRequestDeleteTopicState(r: Reader, version: number): DeleteTopicsRequestDeleteTopicState {
  const f_name: string | null = r.compactNullableString();
  const f_topicId: string = r.uuid();
  const unknown = r.taggedFields(null);
  const value: DeleteTopicsRequestDeleteTopicState = { name: f_name, topicId: f_topicId };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDeleteTopicsRequest(w: Writer, value: DeleteTopicsRequestInput, version: number): void {
  checkVersion("DeleteTopicsRequest", version, 1, 6);
  writeDeleteTopicsRequest(w, value, version);
}

export function decodeDeleteTopicsRequest(r: Reader, version: number): DeleteTopicsRequest {
  if (version < 1 || version > 6) r.fail(`DeleteTopicsRequest has no version ${version}`);
  return readDeleteTopicsRequest(r, version);
}

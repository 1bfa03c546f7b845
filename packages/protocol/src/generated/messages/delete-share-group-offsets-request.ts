// Generated from Kafka's clients/DeleteShareGroupOffsetsRequest.json by packages/protocol/generator. Do not edit.
// request 92, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface DeleteShareGroupOffsetsRequest {
  groupId: string; // versions 0+
  topics: DeleteShareGroupOffsetsRequestTopic[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteShareGroupOffsetsRequestInput {
  groupId: string; // versions 0+
  topics: readonly DeleteShareGroupOffsetsRequestTopicInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteShareGroupOffsetsRequestTopic {
  topicName: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteShareGroupOffsetsRequestTopicInput {
  topicName: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteShareGroupOffsetsRequest(): DeleteShareGroupOffsetsRequest {
  return { groupId: "", topics: [] };
}

export function defaultDeleteShareGroupOffsetsRequestTopic(): DeleteShareGroupOffsetsRequestTopic {
  return { topicName: "" };
}

function writeDeleteShareGroupOffsetsRequest(w: Writer, v: DeleteShareGroupOffsetsRequestInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.compactString(nonNull(v_groupId, "DeleteShareGroupOffsetsRequest", "groupId", version));
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, true, nonNull(v_topics, "DeleteShareGroupOffsetsRequest", "topics", version), (ew, e) => writeDeleteShareGroupOffsetsRequestTopic(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readDeleteShareGroupOffsetsRequest(r: Reader, version: number): DeleteShareGroupOffsetsRequest {
  const f_groupId: string = r.compactString();
  const f_topics: DeleteShareGroupOffsetsRequestTopic[] = readArray(r, true, 1, (er) => readDeleteShareGroupOffsetsRequestTopic(er, version));
  const unknown = r.taggedFields(null);
  const value: DeleteShareGroupOffsetsRequest = { groupId: f_groupId, topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDeleteShareGroupOffsetsRequestTopic(w: Writer, v: DeleteShareGroupOffsetsRequestTopicInput, version: number): void {
  const v_topicName = v.topicName === undefined ? "" : v.topicName;
  w.compactString(nonNull(v_topicName, "DeleteShareGroupOffsetsRequest", "topicName", version));
  w.taggedFields(v._unknownTaggedFields);
}

function readDeleteShareGroupOffsetsRequestTopic(r: Reader, version: number): DeleteShareGroupOffsetsRequestTopic {
  const f_topicName: string = r.compactString();
  const unknown = r.taggedFields(null);
  const value: DeleteShareGroupOffsetsRequestTopic = { topicName: f_topicName };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDeleteShareGroupOffsetsRequest(w: Writer, value: DeleteShareGroupOffsetsRequestInput, version: number): void {
  checkVersion("DeleteShareGroupOffsetsRequest", version, 0, 0);
  writeDeleteShareGroupOffsetsRequest(w, value, version);
}

export function decodeDeleteShareGroupOffsetsRequest(r: Reader, version: number): DeleteShareGroupOffsetsRequest {
  if (version < 0 || version > 0) r.fail(`DeleteShareGroupOffsetsRequest has no version ${version}`);
  return readDeleteShareGroupOffsetsRequest(r, version);
}

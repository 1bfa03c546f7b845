// Generated from Kafka's clients/MetadataRequest.json by packages/protocol/generator. Do not edit.
// request 3, versions 0-13, flexible 9-13
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readNullableArray, unsupportedField, writeArray, writeNullableArray } from '../../primitives/codec-support.ts';

export interface MetadataRequest {
  topics: MetadataRequestTopic[] | null; // versions 0+, nullable 1+
  allowAutoTopicCreation: boolean; // versions 4+
  includeClusterAuthorizedOperations: boolean; // versions 8-10
  includeTopicAuthorizedOperations: boolean; // versions 8+
  _unknownTaggedFields?: TaggedField[];
}

export interface MetadataRequestInput {
  topics: readonly MetadataRequestTopicInput[] | null; // versions 0+, nullable 1+
  allowAutoTopicCreation?: boolean; // versions 4+
  includeClusterAuthorizedOperations?: boolean; // versions 8-10
  includeTopicAuthorizedOperations?: boolean; // versions 8+
  _unknownTaggedFields?: TaggedField[];
}

export interface MetadataRequestTopic {
  topicId: string; // versions 10+, ignorable
  name: string | null; // versions 0+, nullable 10+
  _unknownTaggedFields?: TaggedField[];
}

export interface MetadataRequestTopicInput {
  topicId?: string; // versions 10+, ignorable
  name: string | null; // versions 0+, nullable 10+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultMetadataRequest(): MetadataRequest {
  return { topics: [], allowAutoTopicCreation: true, includeClusterAuthorizedOperations: false, includeTopicAuthorizedOperations: false };
}

export function defaultMetadataRequestTopic(): MetadataRequestTopic {
  return { topicId: ZERO_UUID, name: "" };
}

function writeMetadataRequest(w: Writer, v: MetadataRequestInput, version: number): void {
  const v_topics = v.topics === undefined ? [] : v.topics;
  if (version >= 1) writeNullableArray(w, version >= 9, v_topics, (ew, e) => writeMetadataRequestTopic(ew, e, version));
  else writeArray(w, version >= 9, nonNull(v_topics, "MetadataRequest", "topics", version), (ew, e) => writeMetadataRequestTopic(ew, e, version));
  const v_allowAutoTopicCreation = v.allowAutoTopicCreation === undefined ? true : v.allowAutoTopicCreation;
  if (version >= 4) {
    w.bool(v_allowAutoTopicCreation);
  } else if (v.allowAutoTopicCreation !== undefined && v.allowAutoTopicCreation !== true) {
    unsupportedField("MetadataRequest", "allowAutoTopicCreation", version);
  }
  const v_includeClusterAuthorizedOperations = v.includeClusterAuthorizedOperations === undefined ? false : v.includeClusterAuthorizedOperations;
  if ((version >= 8 && version <= 10)) {
    w.bool(v_includeClusterAuthorizedOperations);
  } else if (v.includeClusterAuthorizedOperations !== undefined && v.includeClusterAuthorizedOperations !== false) {
    unsupportedField("MetadataRequest", "includeClusterAuthorizedOperations", version);
  }
  const v_includeTopicAuthorizedOperations = v.includeTopicAuthorizedOperations === undefined ? false : v.includeTopicAuthorizedOperations;
  if (version >= 8) {
    w.bool(v_includeTopicAuthorizedOperations);
  } else if (v.includeTopicAuthorizedOperations !== undefined && v.includeTopicAuthorizedOperations !== false) {
    unsupportedField("MetadataRequest", "includeTopicAuthorizedOperations", version);
  }
  if (version >= 9) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readMetadataRequest(r: Reader, version: number): MetadataRequest {
  const f_topics: MetadataRequestTopic[] | null = (version >= 1 ? readNullableArray(r, version >= 9, 1, (er) => readMetadataRequestTopic(er, version)) : readArray(r, version >= 9, 1, (er) => readMetadataRequestTopic(er, version)));
  const f_allowAutoTopicCreation: boolean = version >= 4 ? r.bool() : true;
  const f_includeClusterAuthorizedOperations: boolean = (version >= 8 && version <= 10) ? r.bool() : false;
  const f_includeTopicAuthorizedOperations: boolean = version >= 8 ? r.bool() : false;
  let unknown: TaggedField[] | undefined;
  if (version >= 9) {
    unknown = r.taggedFields(null);
  }
  const value: MetadataRequest = { topics: f_topics, allowAutoTopicCreation: f_allowAutoTopicCreation, includeClusterAuthorizedOperations: f_includeClusterAuthorizedOperations, includeTopicAuthorizedOperations: f_includeTopicAuthorizedOperations };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeMetadataRequestTopic(w: Writer, v: MetadataRequestTopicInput, version: number): void {
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  if (version >= 10) {
    w.uuid(v_topicId);
  }
  const v_name = v.name === undefined ? "" : v.name;
  if (version >= 10) {
    if (version >= 9) w.compactNullableString(v_name);
    else w.nullableString(v_name);
  } else {
    if (version >= 9) w.compactString(nonNull(v_name, "MetadataRequest", "name", version));
    else w.string(nonNull(v_name, "MetadataRequest", "name", version));
  }
  if (version >= 9) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readMetadataRequestTopic(r: Reader, version: number): MetadataRequestTopic {
  const f_topicId: string = version >= 10 ? r.uuid() : ZERO_UUID;
  const f_name: string | null = (version >= 9 ? (version >= 10 ? r.compactNullableString() : r.compactString()) : (version >= 10 ? r.nullableString() : r.string()));
  let unknown: TaggedField[] | undefined;
  if (version >= 9) {
    unknown = r.taggedFields(null);
  }
  const value: MetadataRequestTopic = { topicId: f_topicId, name: f_name };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeMetadataRequest(w: Writer, value: MetadataRequestInput, version: number): void {
  checkVersion("MetadataRequest", version, 0, 13);
  writeMetadataRequest(w, value, version);
}

export function decodeMetadataRequest(r: Reader, version: number): MetadataRequest {
  if (version < 0 || version > 13) r.fail(`MetadataRequest has no version ${version}`);
  return readMetadataRequest(r, version);
}

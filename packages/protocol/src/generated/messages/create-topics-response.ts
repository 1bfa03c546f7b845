// Generated from Kafka's clients/CreateTopicsResponse.json by packages/protocol/generator. Do not edit.
// response 19, versions 2-7, flexible 5-7
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readNullableArray, taggedValue, writeArray, writeNullableArray } from '../../primitives/codec-support.ts';

export interface CreateTopicsResponse {
  throttleTimeMs: number; // versions 2+, ignorable
  topics: CreateTopicsResponseCreatableTopicResult[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface CreateTopicsResponseInput {
  throttleTimeMs: number; // versions 2+, ignorable
  topics: readonly CreateTopicsResponseCreatableTopicResultInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface CreateTopicsResponseCreatableTopicResult {
  name: string; // versions 0+
  topicId: string; // versions 7+, ignorable
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 1+, nullable 0+, ignorable
  topicConfigErrorCode: number; // versions 5+, tag 0 in 5+, ignorable
  numPartitions: number; // versions 5+, ignorable
  replicationFactor: number; // versions 5+, ignorable
  configs: CreateTopicsResponseCreatableTopicConfigs[] | null; // versions 5+, nullable 5+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface CreateTopicsResponseCreatableTopicResultInput {
  name: string; // versions 0+
  topicId?: string; // versions 7+, ignorable
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 1+, nullable 0+, ignorable
  topicConfigErrorCode?: number; // versions 5+, tag 0 in 5+, ignorable
  numPartitions?: number; // versions 5+, ignorable
  replicationFactor?: number; // versions 5+, ignorable
  configs?: readonly CreateTopicsResponseCreatableTopicConfigsInput[] | null; // versions 5+, nullable 5+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface CreateTopicsResponseCreatableTopicConfigs {
  name: string; // versions 5+
  value: string | null; // versions 5+, nullable 5+
  readOnly: boolean; // versions 5+
  configSource: number; // versions 5+, ignorable
  isSensitive: boolean; // versions 5+
  _unknownTaggedFields?: TaggedField[];
}

export interface CreateTopicsResponseCreatableTopicConfigsInput {
  name: string; // versions 5+
  value: string | null; // versions 5+, nullable 5+
  readOnly: boolean; // versions 5+
  configSource?: number; // versions 5+, ignorable
  isSensitive: boolean; // versions 5+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultCreateTopicsResponse(): CreateTopicsResponse {
  return { throttleTimeMs: 0, topics: [] };
}

export function defaultCreateTopicsResponseCreatableTopicResult(): CreateTopicsResponseCreatableTopicResult {
  return { name: "", topicId: ZERO_UUID, errorCode: 0, errorMessage: "", topicConfigErrorCode: 0, numPartitions: -1, replicationFactor: -1, configs: [] };
}

export function defaultCreateTopicsResponseCreatableTopicConfigs(): CreateTopicsResponseCreatableTopicConfigs {
  return { name: "", value: "", readOnly: false, configSource: -1, isSensitive: false };
}

function writeCreateTopicsResponse(w: Writer, v: CreateTopicsResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, version >= 5, nonNull(v_topics, "CreateTopicsResponse", "topics", version), (ew, e) => writeCreateTopicsResponseCreatableTopicResult(ew, e, version));
  if (version >= 5) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readCreateTopicsResponse(r: Reader, version: number): CreateTopicsResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_topics: CreateTopicsResponseCreatableTopicResult[] = readArray(r, version >= 5, 4, (er) => readCreateTopicsResponseCreatableTopicResult(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 5) {
    unknown = r.taggedFields(null);
  }
  const value: CreateTopicsResponse = { throttleTimeMs: f_throttleTimeMs, topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeCreateTopicsResponseCreatableTopicResult(w: Writer, v: CreateTopicsResponseCreatableTopicResultInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  if (version >= 5) w.compactString(nonNull(v_name, "CreateTopicsResponse", "name", version));
  else w.string(nonNull(v_name, "CreateTopicsResponse", "name", version));
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  if (version >= 7) {
    w.uuid(v_topicId);
  }
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? "" : v.errorMessage;
  if (version >= 5) w.compactNullableString(v_errorMessage);
  else w.nullableString(v_errorMessage);
  const v_numPartitions = v.numPartitions === undefined ? -1 : v.numPartitions;
  if (version >= 5) {
    w.int32(v_numPartitions);
  }
  const v_replicationFactor = v.replicationFactor === undefined ? -1 : v.replicationFactor;
  if (version >= 5) {
    w.int16(v_replicationFactor);
  }
  const v_configs = v.configs === undefined ? [] : v.configs;
  if (version >= 5) {
    writeNullableArray(w, true, v_configs, (ew, e) => writeCreateTopicsResponseCreatableTopicConfigs(ew, e, version));
  }
  if (version >= 5) {
    let tagged = v._unknownTaggedFields?.slice();
    if (v.topicConfigErrorCode !== undefined && v.topicConfigErrorCode !== 0) {
      const x = v.topicConfigErrorCode!;
      (tagged ??= []).push(taggedValue(0, (tw) => {
        tw.int16(x);
      }));
    }
    w.taggedFields(tagged);
  }
}

function readCreateTopicsResponseCreatableTopicResult(r: Reader, version: number): CreateTopicsResponseCreatableTopicResult {
  const f_name: string = (version >= 5 ? r.compactString() : r.string());
  const f_topicId: string = version >= 7 ? r.uuid() : ZERO_UUID;
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = (version >= 5 ? r.compactNullableString() : r.nullableString());
  let f_topicConfigErrorCode: number = 0;
  const f_numPartitions: number = version >= 5 ? r.int32() : -1;
  const f_replicationFactor: number = version >= 5 ? r.int16() : -1;
  const f_configs: CreateTopicsResponseCreatableTopicConfigs[] | null = version >= 5 ? readNullableArray(r, true, 1, (er) => readCreateTopicsResponseCreatableTopicConfigs(er, version)) : [];
  let unknown: TaggedField[] | undefined;
  if (version >= 5) {
    unknown = r.taggedFields((tag, tr) => {
      switch (tag) {
        case 0:
          f_topicConfigErrorCode = tr.int16();
          return true;
        default:
          return false;
      }
    });
  }
  const value: CreateTopicsResponseCreatableTopicResult = { name: f_name, topicId: f_topicId, errorCode: f_errorCode, errorMessage: f_errorMessage, topicConfigErrorCode: f_topicConfigErrorCode, numPartitions: f_numPartitions, replicationFactor: f_replicationFactor, configs: f_configs };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeCreateTopicsResponseCreatableTopicConfigs(w: Writer, v: CreateTopicsResponseCreatableTopicConfigsInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  w.compactString(nonNull(v_name, "CreateTopicsResponse", "name", version));
  const v_value = v.value === undefined ? "" : v.value;
  w.compactNullableString(v_value);
  const v_readOnly = v.readOnly === undefined ? false : v.readOnly;
  w.bool(v_readOnly);
  const v_configSource = v.configSource === undefined ? -1 : v.configSource;
  w.int8(v_configSource);
  const v_isSensitive = v.isSensitive === undefined ? false : v.isSensitive;
  w.bool(v_isSensitive);
  w.taggedFields(v._unknownTaggedFields);
}

function readCreateTopicsResponseCreatableTopicConfigs(r: Reader, version: number): CreateTopicsResponseCreatableTopicConfigs {
  const f_name: string = r.compactString();
  const f_value: string | null = r.compactNullableString();
  const f_readOnly: boolean = r.bool();
  const f_configSource: number = r.int8();
  const f_isSensitive: boolean = r.bool();
  const unknown = r.taggedFields(null);
  const value: CreateTopicsResponseCreatableTopicConfigs = { name: f_name, value: f_value, readOnly: f_readOnly, configSource: f_configSource, isSensitive: f_isSensitive };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeCreateTopicsResponse(w: Writer, value: CreateTopicsResponseInput, version: number): void {
  checkVersion("CreateTopicsResponse", version, 2, 7);
  writeCreateTopicsResponse(w, value, version);
}

export function decodeCreateTopicsResponse(r: Reader, version: number): CreateTopicsResponse {
  if (version < 2 || version > 7) r.fail(`CreateTopicsResponse has no version ${version}`);
  return readCreateTopicsResponse(r, version);
}

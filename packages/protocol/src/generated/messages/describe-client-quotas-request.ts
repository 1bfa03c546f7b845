// Generated from Kafka's clients/DescribeClientQuotasRequest.json by packages/protocol/generator. Do not edit.
// request 48, versions 0-1, flexible 1
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface DescribeClientQuotasRequest {
  components: DescribeClientQuotasRequestComponentData[]; // versions 0+
  strict: boolean; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeClientQuotasRequestInput {
  components: readonly DescribeClientQuotasRequestComponentDataInput[]; // versions 0+
  strict: boolean; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeClientQuotasRequestComponentData {
  entityType: string; // versions 0+
  matchType: number; // versions 0+
  match: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeClientQuotasRequestComponentDataInput {
  entityType: string; // versions 0+
  matchType: number; // versions 0+
  match: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeClientQuotasRequest(): DescribeClientQuotasRequest {
  return { components: [], strict: false };
}

export function defaultDescribeClientQuotasRequestComponentData(): DescribeClientQuotasRequestComponentData {
  return { entityType: "", matchType: 0, match: "" };
}

function writeDescribeClientQuotasRequest(w: Writer, v: DescribeClientQuotasRequestInput, version: number): void {
  const v_components = v.components === undefined ? [] : v.components;
  writeArray(w, version >= 1, nonNull(v_components, "DescribeClientQuotasRequest", "components", version), (ew, e) => writeDescribeClientQuotasRequestComponentData(ew, e, version));
  const v_strict = v.strict === undefined ? false : v.strict;
  w.bool(v_strict);
  if (version >= 1) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDescribeClientQuotasRequest(r: Reader, version: number): DescribeClientQuotasRequest {
  const f_components: DescribeClientQuotasRequestComponentData[] = readArray(r, version >= 1, 3, (er) => readDescribeClientQuotasRequestComponentData(er, version));
  const f_strict: boolean = r.bool();
  let unknown: TaggedField[] | undefined;
  if (version >= 1) {
    unknown = r.taggedFields(null);
  }
  const value: DescribeClientQuotasRequest = { components: f_components, strict: f_strict };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeClientQuotasRequestComponentData(w: Writer, v: DescribeClientQuotasRequestComponentDataInput, version: number): void {
  const v_entityType = v.entityType === undefined ? "" : v.entityType;
  if (version >= 1) w.compactString(nonNull(v_entityType, "DescribeClientQuotasRequest", "entityType", version));
  else w.string(nonNull(v_entityType, "DescribeClientQuotasRequest", "entityType", version));
  const v_matchType = v.matchType === undefined ? 0 : v.matchType;
  w.int8(v_matchType);
  const v_match = v.match === undefined ? "" : v.match;
  if (version >= 1) w.compactNullableString(v_match);
  else w.nullableString(v_match);
  if (version >= 1) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDescribeClientQuotasRequestComponentData(r: Reader, version: number): DescribeClientQuotasRequestComponentData {
  const f_entityType: string = (version >= 1 ? r.compactString() : r.string());
  const f_matchType: number = r.int8();
  const f_match: string | null = (version >= 1 ? r.compactNullableString() : r.nullableString());
  let unknown: TaggedField[] | undefined;
  if (version >= 1) {
    unknown = r.taggedFields(null);
  }
  const value: DescribeClientQuotasRequestComponentData = { entityType: f_entityType, matchType: f_matchType, match: f_match };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDescribeClientQuotasRequest(w: Writer, value: DescribeClientQuotasRequestInput, version: number): void {
  checkVersion("DescribeClientQuotasRequest", version, 0, 1);
  writeDescribeClientQuotasRequest(w, value, version);
}

export function decodeDescribeClientQuotasRequest(r: Reader, version: number): DescribeClientQuotasRequest {
  if (version < 0 || version > 1) r.fail(`DescribeClientQuotasRequest has no version ${version}`);
  return readDescribeClientQuotasRequest(r, version);
}

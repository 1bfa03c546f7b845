// Generated from Kafka's clients/ListGroupsRequest.json by packages/protocol/generator. Do not edit.
// request 16, versions 0-5, flexible 3-5
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readCompactString, readNullableArray, readString, unsupportedField, writeArray, writeCompactString, writeString } from '../../primitives/codec-support.ts';

export interface ListGroupsRequest {
  statesFilter: string[]; // versions 4+
  typesFilter: string[]; // versions 5+
  _unknownTaggedFields?: TaggedField[];
}

export interface ListGroupsRequestInput {
  statesFilter?: readonly string[]; // versions 4+
  typesFilter?: readonly string[]; // versions 5+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultListGroupsRequest(): ListGroupsRequest {
  return { statesFilter: [], typesFilter: [] };
}

function writeListGroupsRequest(w: Writer, v: ListGroupsRequestInput, version: number): void {
  const v_statesFilter = v.statesFilter === undefined ? [] : v.statesFilter;
  if (version >= 4) {
    writeArray(w, true, nonNull(v_statesFilter, "ListGroupsRequest", "statesFilter", version), writeCompactString);
  } else if (v.statesFilter !== undefined && (v.statesFilter === null || v.statesFilter.length > 0)) {
    unsupportedField("ListGroupsRequest", "statesFilter", version);
  }
  const v_typesFilter = v.typesFilter === undefined ? [] : v.typesFilter;
  if (version >= 5) {
    writeArray(w, true, nonNull(v_typesFilter, "ListGroupsRequest", "typesFilter", version), writeCompactString);
  } else if (v.typesFilter !== undefined && (v.typesFilter === null || v.typesFilter.length > 0)) {
    unsupportedField("ListGroupsRequest", "typesFilter", version);
  }
  if (version >= 3) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readListGroupsRequest(r: Reader, version: number): ListGroupsRequest {
  const f_statesFilter: string[] = version >= 4 ? readArray(r, true, 1, readCompactString) : [];
  const f_typesFilter: string[] = version >= 5 ? readArray(r, true, 1, readCompactString) : [];
  let unknown: TaggedField[] | undefined;
  if (version >= 3) {
    unknown = r.taggedFields(null);
  }
  const value: ListGroupsRequest = { statesFilter: f_statesFilter, typesFilter: f_typesFilter };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeListGroupsRequest(w: Writer, value: ListGroupsRequestInput, version: number): void {
  checkVersion("ListGroupsRequest", version, 0, 5);
  writeListGroupsRequest(w, value, version);
}

export function decodeListGroupsRequest(r: Reader, version: number): ListGroupsRequest {
  if (version < 0 || version > 5) r.fail(`ListGroupsRequest has no version ${version}`);
  return readListGroupsRequest(r, version);
}

// Generated from Kafka's clients/FindCoordinatorRequest.json by packages/protocol/generator. Do not edit.
// request 10, versions 0-6, flexible 3-6
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readCompactString, readNullableArray, readString, unsupportedField, writeArray, writeCompactString, writeString } from '../../primitives/codec-support.ts';

export interface FindCoordinatorRequest {
  key: string; // versions 0-3
  keyType: number; // versions 1+
  coordinatorKeys: string[]; // versions 4+
  _unknownTaggedFields?: TaggedField[];
}

export interface FindCoordinatorRequestInput {
  key?: string; // versions 0-3
  keyType?: number; // versions 1+
  coordinatorKeys?: readonly string[]; // versions 4+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultFindCoordinatorRequest(): FindCoordinatorRequest {
  return { key: "", keyType: 0, coordinatorKeys: [] };
}

function writeFindCoordinatorRequest(w: Writer, v: FindCoordinatorRequestInput, version: number): void {
  const v_key = v.key === undefined ? "" : v.key;
  if (version <= 3) {
    if (version >= 3) w.compactString(nonNull(v_key, "FindCoordinatorRequest", "key", version));
    else w.string(nonNull(v_key, "FindCoordinatorRequest", "key", version));
  } else if (v.key !== undefined && v.key !== "") {
    unsupportedField("FindCoordinatorRequest", "key", version);
  }
  const v_keyType = v.keyType === undefined ? 0 : v.keyType;
  if (version >= 1) {
    w.int8(v_keyType);
  } else if (v.keyType !== undefined && v.keyType !== 0) {
    unsupportedField("FindCoordinatorRequest", "keyType", version);
  }
  const v_coordinatorKeys = v.coordinatorKeys === undefined ? [] : v.coordinatorKeys;
  if (version >= 4) {
    writeArray(w, true, nonNull(v_coordinatorKeys, "FindCoordinatorRequest", "coordinatorKeys", version), writeCompactString);
  } else if (v.coordinatorKeys !== undefined && (v.coordinatorKeys === null || v.coordinatorKeys.length > 0)) {
    unsupportedField("FindCoordinatorRequest", "coordinatorKeys", version);
  }
  if (version >= 3) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readFindCoordinatorRequest(r: Reader, version: number): FindCoordinatorRequest {
  const f_key: string = version <= 3 ? (version >= 3 ? r.compactString() : r.string()) : "";
  const f_keyType: number = version >= 1 ? r.int8() : 0;
  const f_coordinatorKeys: string[] = version >= 4 ? readArray(r, true, 1, readCompactString) : [];
  let unknown: TaggedField[] | undefined;
  if (version >= 3) {
    unknown = r.taggedFields(null);
  }
  const value: FindCoordinatorRequest = { key: f_key, keyType: f_keyType, coordinatorKeys: f_coordinatorKeys };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeFindCoordinatorRequest(w: Writer, value: FindCoordinatorRequestInput, version: number): void {
  checkVersion("FindCoordinatorRequest", version, 0, 6);
  writeFindCoordinatorRequest(w, value, version);
}

export function decodeFindCoordinatorRequest(r: Reader, version: number): FindCoordinatorRequest {
  if (version < 0 || version > 6) r.fail(`FindCoordinatorRequest has no version ${version}`);
  return readFindCoordinatorRequest(r, version);
}

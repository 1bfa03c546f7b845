// Generated from Kafka's group-coordinator/ShareGroupMemberMetadataValue.json by packages/protocol/generator. Do not edit.
// coordinator-value 10, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readCompactString, readNullableArray, readString, writeArray, writeCompactString, writeString } from '../../primitives/codec-support.ts';

export interface ShareGroupMemberMetadataValue {
  rackId: string | null; // versions 0+, nullable 0+
  clientId: string; // versions 0+
  clientHost: string; // versions 0+
  subscribedTopicNames: string[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupMemberMetadataValueInput {
  rackId: string | null; // versions 0+, nullable 0+
  clientId: string; // versions 0+
  clientHost: string; // versions 0+
  subscribedTopicNames: readonly string[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultShareGroupMemberMetadataValue(): ShareGroupMemberMetadataValue {
  return { rackId: "", clientId: "", clientHost: "", subscribedTopicNames: [] };
}

function writeShareGroupMemberMetadataValue(w: Writer, v: ShareGroupMemberMetadataValueInput, version: number): void {
  const v_rackId = v.rackId === undefined ? "" : v.rackId;
  w.compactNullableString(v_rackId);
  const v_clientId = v.clientId === undefined ? "" : v.clientId;
  w.compactString(nonNull(v_clientId, "ShareGroupMemberMetadataValue", "clientId", version));
  const v_clientHost = v.clientHost === undefined ? "" : v.clientHost;
  w.compactString(nonNull(v_clientHost, "ShareGroupMemberMetadataValue", "clientHost", version));
  const v_subscribedTopicNames = v.subscribedTopicNames === undefined ? [] : v.subscribedTopicNames;
  writeArray(w, true, nonNull(v_subscribedTopicNames, "ShareGroupMemberMetadataValue", "subscribedTopicNames", version), writeCompactString);
  w.taggedFields(v._unknownTaggedFields);
}

function readShareGroupMemberMetadataValue(r: Reader, version: number): ShareGroupMemberMetadataValue {
  const f_rackId: string | null = r.compactNullableString();
  const f_clientId: string = r.compactString();
  const f_clientHost: string = r.compactString();
  const f_subscribedTopicNames: string[] = readArray(r, true, 1, readCompactString);
  const unknown = r.taggedFields(null);
  const value: ShareGroupMemberMetadataValue = { rackId: f_rackId, clientId: f_clientId, clientHost: f_clientHost, subscribedTopicNames: f_subscribedTopicNames };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeShareGroupMemberMetadataValue(w: Writer, value: ShareGroupMemberMetadataValueInput, version: number): void {
  checkVersion("ShareGroupMemberMetadataValue", version, 0, 0);
  writeShareGroupMemberMetadataValue(w, value, version);
}

export function decodeShareGroupMemberMetadataValue(r: Reader, version: number): ShareGroupMemberMetadataValue {
  if (version < 0 || version > 0) r.fail(`ShareGroupMemberMetadataValue has no version ${version}`);
  return readShareGroupMemberMetadataValue(r, version);
}

// Generated from Kafka's clients/RemoveRaftVoterRequest.json by packages/protocol/generator. Do not edit.
// request 81, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion } from '../../primitives/codec-support.ts';

export interface RemoveRaftVoterRequest {
  clusterId: string | null; // versions 0+, nullable 0+
  voterId: number; // versions 0+
  voterDirectoryId: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface RemoveRaftVoterRequestInput {
  clusterId: string | null; // versions 0+, nullable 0+
  voterId: number; // versions 0+
  voterDirectoryId: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultRemoveRaftVoterRequest(): RemoveRaftVoterRequest {
  return { clusterId: "", voterId: 0, voterDirectoryId: ZERO_UUID };
}

function writeRemoveRaftVoterRequest(w: Writer, v: RemoveRaftVoterRequestInput, version: number): void {
  const v_clusterId = v.clusterId === undefined ? "" : v.clusterId;
  w.compactNullableString(v_clusterId);
  const v_voterId = v.voterId === undefined ? 0 : v.voterId;
  w.int32(v_voterId);
  const v_voterDirectoryId = v.voterDirectoryId === undefined ? ZERO_UUID : v.voterDirectoryId;
  w.uuid(v_voterDirectoryId);
  w.taggedFields(v._unknownTaggedFields);
}

function readRemoveRaftVoterRequest(r: Reader, version: number): RemoveRaftVoterRequest {
  const f_clusterId: string | null = r.compactNullableString();
  const f_voterId: number = r.int32();
  const f_voterDirectoryId: string = r.uuid();
  const unknown = r.taggedFields(null);
  const value: RemoveRaftVoterRequest = { clusterId: f_clusterId, voterId: f_voterId, voterDirectoryId: f_voterDirectoryId };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeRemoveRaftVoterRequest(w: Writer, value: RemoveRaftVoterRequestInput, version: number): void {
  checkVersion("RemoveRaftVoterRequest", version, 0, 0);
  writeRemoveRaftVoterRequest(w, value, version);
}

export function decodeRemoveRaftVoterRequest(r: Reader, version: number): RemoveRaftVoterRequest {
  if (version < 0 || version > 0) r.fail(`RemoveRaftVoterRequest has no version ${version}`);
  return readRemoveRaftVoterRequest(r, version);
}

// Generated from Kafka's clients/LeaderChangeMessage.json by packages/protocol/generator. Do not edit.
// data, versions 0-1, flexible 0-1
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readNullableArray, unsupportedField, writeArray } from '../../primitives/codec-support.ts';

export interface LeaderChangeMessage {
  version: number; // versions 0+
  leaderId: number; // versions 0+
  voters: LeaderChangeMessageVoter[]; // versions 0+
  grantingVoters: LeaderChangeMessageVoter[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface LeaderChangeMessageInput {
  version: number; // versions 0+
  leaderId: number; // versions 0+
  voters: readonly LeaderChangeMessageVoterInput[]; // versions 0+
  grantingVoters: readonly LeaderChangeMessageVoterInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface LeaderChangeMessageVoter {
  voterId: number; // versions 0+
  voterDirectoryId: string; // versions 1+
  _unknownTaggedFields?: TaggedField[];
}

export interface LeaderChangeMessageVoterInput {
  voterId: number; // versions 0+
  voterDirectoryId?: string; // versions 1+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultLeaderChangeMessage(): LeaderChangeMessage {
  return { version: 0, leaderId: 0, voters: [], grantingVoters: [] };
}

export function defaultLeaderChangeMessageVoter(): LeaderChangeMessageVoter {
  return { voterId: 0, voterDirectoryId: ZERO_UUID };
}

function writeLeaderChangeMessage(w: Writer, v: LeaderChangeMessageInput, version: number): void {
  const v_version = v.version === undefined ? 0 : v.version;
  w.int16(v_version);
  const v_leaderId = v.leaderId === undefined ? 0 : v.leaderId;
  w.int32(v_leaderId);
  const v_voters = v.voters === undefined ? [] : v.voters;
  writeArray(w, true, nonNull(v_voters, "LeaderChangeMessage", "voters", version), (ew, e) => writeLeaderChangeMessageVoter(ew, e, version));
  const v_grantingVoters = v.grantingVoters === undefined ? [] : v.grantingVoters;
  writeArray(w, true, nonNull(v_grantingVoters, "LeaderChangeMessage", "grantingVoters", version), (ew, e) => writeLeaderChangeMessageVoter(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readLeaderChangeMessage(r: Reader, version: number): LeaderChangeMessage {
  const f_version: number = r.int16();
  const f_leaderId: number = r.int32();
  const f_voters: LeaderChangeMessageVoter[] = readArray(r, true, 4, (er) => readLeaderChangeMessageVoter(er, version));
  const f_grantingVoters: LeaderChangeMessageVoter[] = readArray(r, true, 4, (er) => readLeaderChangeMessageVoter(er, version));
  const unknown = r.taggedFields(null);
  const value: LeaderChangeMessage = { version: f_version, leaderId: f_leaderId, voters: f_voters, grantingVoters: f_grantingVoters };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeLeaderChangeMessageVoter(w: Writer, v: LeaderChangeMessageVoterInput, version: number): void {
  const v_voterId = v.voterId === undefined ? 0 : v.voterId;
  w.int32(v_voterId);
  const v_voterDirectoryId = v.voterDirectoryId === undefined ? ZERO_UUID : v.voterDirectoryId;
  if (version >= 1) {
    w.uuid(v_voterDirectoryId);
  } else if (v.voterDirectoryId !== undefined && v.voterDirectoryId !== ZERO_UUID) {
    unsupportedField("LeaderChangeMessage", "voterDirectoryId", version);
  }
  w.taggedFields(v._unknownTaggedFields);
}

function readLeaderChangeMessageVoter(r: Reader, version: number): LeaderChangeMessageVoter {
  const f_voterId: number = r.int32();
  const f_voterDirectoryId: string = version >= 1 ? r.uuid() : ZERO_UUID;
  const unknown = r.taggedFields(null);
  const value: LeaderChangeMessageVoter = { voterId: f_voterId, voterDirectoryId: f_voterDirectoryId };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeLeaderChangeMessage(w: Writer, value: LeaderChangeMessageInput, version: number): void {
  checkVersion("LeaderChangeMessage", version, 0, 1);
  writeLeaderChangeMessage(w, value, version);
}

export function decodeLeaderChangeMessage(r: Reader, version: number): LeaderChangeMessage {
  if (version < 0 || version > 1) r.fail(`LeaderChangeMessage has no version ${version}`);
  return readLeaderChangeMessage(r, version);
}

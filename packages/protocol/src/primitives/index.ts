export { Reader, type TaggedField } from './reader.ts';
export { Writer } from './writer.ts';
export { DecodeError, EncodeError, UnsupportedFieldVersionError, ProtocolErrorCode } from './errors.ts';
export { ZERO_UUID, isValidUuid, uuidToBytes, uuidFromBytes, randomUuid, uuidToHex } from './uuid.ts';

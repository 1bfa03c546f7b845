/** Kafka's rules for topic names (Topic.validate in Kafka). */
import { TopicError } from '../errors.ts';

export const MAX_TOPIC_NAME_LENGTH = 249;
const LEGAL = /^[a-zA-Z0-9._-]+$/;

/** Throws TopicError(INVALID_TOPIC_EXCEPTION) with the reason when `name` is not a legal topic name. */
export function validateTopicName(name: string): void {
  const invalid = (why: string): never => {
    throw new TopicError('INVALID_TOPIC_EXCEPTION', `Topic name '${name}' is illegal: ${why}`);
  };
  if (name.length === 0) invalid('it is empty');
  if (name === '.' || name === '..') invalid("'.' and '..' are not allowed");
  if (name.length > MAX_TOPIC_NAME_LENGTH) invalid(`it is longer than ${MAX_TOPIC_NAME_LENGTH} characters`);
  if (!LEGAL.test(name)) invalid("it may only contain ASCII letters, digits, '.', '_' and '-'");
}

/** '.' and '_' collide in metric names, so Kafka refuses a topic that differs from another only there. */
export function collisionKey(name: string): string {
  return name.replace(/\./g, '_');
}

export const INTERNAL_TOPICS = new Set(['__consumer_offsets', '__transaction_state']);

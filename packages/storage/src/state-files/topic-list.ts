/**
 * `topics.json` at the top of the data folder: every topic's name, id, partition count and config
 * overrides. It is the commit point of topic changes (written atomically), so it has no fallback:
 * unreadable, the broker does not start. Version 0 (before versions) was `{"topics":[...]}`;
 * version 1 adds only `version`.
 */
import { type StateFileFormat } from './state-file.ts';

export interface TopicMetadata {
  name: string;
  topicId: string;
  partitions: number;
  configs: Record<string, string>;
}

function topic(raw: unknown): TopicMetadata {
  const t = raw as Partial<TopicMetadata>;
  if (typeof t.name !== 'string' || typeof t.topicId !== 'string' || typeof t.partitions !== 'number' || !Number.isInteger(t.partitions)) {
    throw new TypeError('not a topic');
  }
  const configs = t.configs ?? {};
  if (typeof configs !== 'object' || Object.values(configs).some((v) => typeof v !== 'string')) throw new TypeError('not topic configs');
  return { name: t.name, topicId: t.topicId, partitions: t.partitions, configs };
}

export const TOPIC_LIST: StateFileFormat<TopicMetadata[]> = {
  name: 'topics.json',
  version: 1,
  indent: 1, // read by people inspecting a data folder
  whenNewer: 'Start the newer Sluice again; this Sluice cannot know the topics it records.',
  decode(_version, json) {
    // Versions 0 and 1 share their fields.
    const topics = (json as { topics?: unknown } | undefined)?.topics;
    return Array.isArray(topics) ? topics.map(topic) : null;
  },
  encode: (topics) => ({ topics }),
};

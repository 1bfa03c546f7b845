/**
 * Topic patterns of pattern sources. Kafka matches a topic with `pattern.matcher(topic).matches()`:
 * the whole name, so `orders-.*` does not match `old-orders-1`. A JavaScript RegExp's test()
 * finds a match anywhere, so every pattern is wrapped as `^(?:...)$` before it is used.
 */

/** The pattern anchored to the whole topic name; stateful flags (g, y) are dropped so test() is pure. */
export function anchorPattern(pattern: RegExp): RegExp {
  return new RegExp(`^(?:${pattern.source})$`, pattern.flags.replace(/[gy]/g, ''));
}

/** Escapes a topic name for use inside a RegExp. */
export function escapeTopic(topic: string): string {
  // Only syntax characters: they may be escaped under every flag, including 'u'.
  return topic.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One RegExp for the consumer's subscription: the named topics and every pattern. Kafka Streams
 * subscribes with a single pattern as soon as one source has one; so do we.
 */
export function subscriptionPattern(topics: readonly string[], patterns: readonly RegExp[]): RegExp {
  const parts = [...topics.map(escapeTopic), ...patterns.map((p) => p.source)];
  // One RegExp has one set of flags: the union. It may then match more than a source does (an
  // 'i' widens the named topics too); harmless, as the assignor assigns only topics a source reads.
  const flags = [...new Set(patterns.flatMap((p) => [...p.flags].filter((f) => 'isu'.includes(f))))].join('');
  return new RegExp(`^(?:${parts.join('|')})$`, flags);
}

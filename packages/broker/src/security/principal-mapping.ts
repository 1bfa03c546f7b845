/**
 * ssl.principal.mapping.rules, with Kafka's syntax and meaning (SslPrincipalMapper): a list of
 * `RULE:pattern/replacement/` with an optional `L` or `U` after the last slash (lower or upper
 * case the result) and `DEFAULT` (the subject as it is). The first rule whose pattern matches the
 * whole subject gives the name; a subject no rule matches is refused.
 */
import { ConfigError } from '../config/definitions.ts';

type Rule = { kind: 'default' } | { kind: 'rule'; pattern: RegExp; replacement: string; toCase: 'L' | 'U' | undefined };

export class NoMatchingRuleError extends Error {
  override readonly name = 'NoMatchingRuleError';
}

export class PrincipalMapper {
  private readonly rules: readonly Rule[];

  private constructor(rules: readonly Rule[]) {
    this.rules = rules;
  }

  static parse(text: string, setting = 'ssl.principal.mapping.rules'): PrincipalMapper {
    const rules: Rule[] = [];
    let rest = text.trim();
    if (rest === '') return new PrincipalMapper([{ kind: 'default' }]);
    // Rules are comma separated, but a pattern may hold commas itself (subjects are
    // comma-separated), so each rule is read up to its closing slash, not split on commas.
    const ruleSyntax = /^(?:(DEFAULT)|RULE:((?:\\.|[^/\\])*)\/((?:\\.|[^/\\])*)\/([LU])?)\s*(?:,\s*|$)/;
    while (rest !== '') {
      const m = ruleSyntax.exec(rest);
      if (m === null) throw new ConfigError(`Invalid ${setting} at ${JSON.stringify(rest)}: expected DEFAULT or RULE:pattern/replacement/ with an optional L or U, comma separated`);
      if (m[1] !== undefined) rules.push({ kind: 'default' });
      else {
        let pattern: RegExp;
        try {
          pattern = new RegExp(`^(?:${m[2]})$`);
        } catch (e) {
          throw new ConfigError(`Invalid ${setting}: the pattern ${JSON.stringify(m[2])} is not a regular expression (${(e as Error).message})`);
        }
        rules.push({ kind: 'rule', pattern, replacement: m[3], toCase: m[4] as 'L' | 'U' | undefined });
      }
      rest = rest.slice(m[0].length);
    }
    return new PrincipalMapper(rules);
  }

  /** The user name for a certificate subject (RFC 2253 form), or NoMatchingRuleError. */
  map(subject: string): string {
    for (const rule of this.rules) {
      if (rule.kind === 'default') return subject;
      if (!rule.pattern.test(subject)) continue;
      const name = subject.replace(rule.pattern, rule.replacement);
      return rule.toCase === 'L' ? name.toLowerCase() : rule.toCase === 'U' ? name.toUpperCase() : name;
    }
    throw new NoMatchingRuleError(`No rule of ssl.principal.mapping.rules applies to ${subject}`);
  }
}

/**
 * A certificate subject as Java's X500Principal.getName() writes it (RFC 2253): the most specific
 * part first, comma separated, with no spaces. Node gives the subject one attribute per line in
 * the certificate's order (the reverse).
 */
export function rfc2253Subject(nodeSubject: string): string {
  return nodeSubject
    .split('\n')
    .filter((l) => l !== '')
    .reverse()
    .map((attribute) => {
      const eq = attribute.indexOf('=');
      const value = attribute.slice(eq + 1).replace(/\\(.)/g, '$1');
      return `${attribute.slice(0, eq)}=${escapeRfc2253(value)}`;
    })
    .join(',');
}

function escapeRfc2253(value: string): string {
  return value.replace(/[,+"\\<>;]/g, (c) => `\\${c}`).replace(/^[ #]/, (c) => `\\${c}`).replace(/ $/, '\\ ');
}

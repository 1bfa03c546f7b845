/**
 * Dates as text, in UTC: the subset of Java's SimpleDateFormat patterns that timestamp settings
 * use (`yyyy`, `yy`, `MM`, `MMM`, `dd`, `HH`, `hh`, `mm`, `ss`, `SSS`, `a`, `EEE`, `D`, `Z`, `X`,
 * quoted 'literals').
 */
import { ConfigException, DataException } from '@sluice/connect-api';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MILLIS_PER_DAY = 86_400_000;

type Token = { letter: string; count: number } | { literal: string };

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i];
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) throw new ConfigException(`Unterminated quote in date pattern: ${pattern}`);
      tokens.push({ literal: end === i + 1 ? "'" : pattern.slice(i + 1, end) });
      i = end + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (pattern[j] === c) j++;
      if (!'yMdHhmsSaEDZXk'.includes(c)) throw new ConfigException(`Illegal pattern character '${c}' in ${pattern}`);
      tokens.push({ letter: c, count: j - i });
      i = j;
    } else {
      tokens.push({ literal: c });
      i++;
    }
  }
  return tokens;
}

/** A compiled SimpleDateFormat-like pattern, in UTC. */
export class DateFormat {
  readonly #tokens: Token[];

  readonly pattern: string;

  /** Throws ConfigException for a pattern it cannot use. */
  constructor(pattern: string) {
    this.pattern = pattern;
    this.#tokens = tokenize(pattern);
  }

  format(date: Date): string {
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    return this.#tokens
      .map((t) => {
        if ('literal' in t) return t.literal;
        const { letter, count } = t;
        switch (letter) {
          case 'y':
            return count === 2 ? pad(date.getUTCFullYear() % 100, 2) : pad(date.getUTCFullYear(), count);
          case 'M':
            return count >= 4 ? MONTHS[date.getUTCMonth()] : count === 3 ? MONTHS[date.getUTCMonth()].slice(0, 3) : pad(date.getUTCMonth() + 1, count);
          case 'd':
            return pad(date.getUTCDate(), count);
          case 'H':
            return pad(date.getUTCHours(), count);
          case 'k':
            return pad(date.getUTCHours() || 24, count);
          case 'h':
            return pad(date.getUTCHours() % 12 || 12, count);
          case 'm':
            return pad(date.getUTCMinutes(), count);
          case 's':
            return pad(date.getUTCSeconds(), count);
          case 'S':
            return pad(date.getUTCMilliseconds(), count);
          case 'a':
            return date.getUTCHours() < 12 ? 'AM' : 'PM';
          case 'E':
            return count >= 4 ? DAYS[date.getUTCDay()] : DAYS[date.getUTCDay()].slice(0, 3);
          case 'D':
            return pad(Math.floor((date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / MILLIS_PER_DAY) + 1, count);
          case 'Z':
            return '+0000';
          default:
            return 'Z'; // X: ISO offset, always UTC here
        }
      })
      .join('');
  }

  /** Reads text written in this pattern; throws DataException with Kafka's words when it does not match. */
  parse(text: string): Date {
    let pos = 0;
    const parts = { y: 1970, M: 1, d: 1, H: 0, m: 0, s: 0, S: 0, pm: false, h12: false };
    const fail = (): never => {
      throw new DataException(`Could not parse timestamp: value (${text}) does not match pattern (${this.pattern})`);
    };
    const number = (max: number): number => {
      const m = /^[+-]?\d+/.exec(text.slice(pos, pos + max)) ?? fail();
      pos += m[0].length;
      return Number(m[0]);
    };
    for (let i = 0; i < this.#tokens.length; i++) {
      const t = this.#tokens[i];
      if ('literal' in t) {
        if (!text.startsWith(t.literal, pos)) fail();
        pos += t.literal.length;
        continue;
      }
      // Adjacent numeric fields (yyyyMMdd) take exactly their width, as SimpleDateFormat does.
      const next = this.#tokens[i + 1];
      const width = next !== undefined && 'letter' in next ? t.count : 20;
      switch (t.letter) {
        case 'y': {
          const y = number(width);
          parts.y = t.count === 2 && y < 100 ? 2000 + y : y;
          break;
        }
        case 'M':
          if (t.count >= 3) {
            const idx = MONTHS.findIndex((name) => text.slice(pos).toLowerCase().startsWith((t.count === 3 ? name.slice(0, 3) : name).toLowerCase()));
            if (idx < 0) fail();
            pos += t.count === 3 ? 3 : MONTHS[idx].length;
            parts.M = idx + 1;
          } else parts.M = number(width);
          break;
        case 'd':
          parts.d = number(width);
          break;
        case 'H':
        case 'k':
          parts.H = number(width) % 24;
          break;
        case 'h':
          parts.H = number(width) % 12;
          parts.h12 = true;
          break;
        case 'm':
          parts.m = number(width);
          break;
        case 's':
          parts.s = number(width);
          break;
        case 'S':
          parts.S = number(width);
          break;
        case 'a': {
          const word = text.slice(pos, pos + 2).toUpperCase();
          if (word !== 'AM' && word !== 'PM') fail();
          parts.pm = word === 'PM';
          pos += 2;
          break;
        }
        case 'E': {
          const idx = DAYS.findIndex((name) => text.slice(pos).toLowerCase().startsWith((t.count >= 4 ? name : name.slice(0, 3)).toLowerCase()));
          if (idx < 0) fail();
          pos += t.count >= 4 ? DAYS[idx].length : 3;
          break;
        }
        case 'D':
          number(width);
          break;
        default: {
          const m = /^(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})/.exec(text.slice(pos)) ?? fail();
          pos += m[0].length;
          if (m[0] !== 'Z' && !/^[+-]00:?(00)?$/.test(m[0])) {
            const sign = m[0][0] === '-' ? -1 : 1;
            const digits = m[0].replace(/[^0-9]/g, '');
            parts.m -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
          }
        }
      }
    }
    if (pos !== text.length && pos === 0) fail();
    const hour = parts.h12 && parts.pm ? parts.H + 12 : parts.H;
    return new Date(Date.UTC(parts.y, parts.M - 1, parts.d, hour, parts.m, parts.s, parts.S));
  }
}

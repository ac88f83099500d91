import { HttpError } from './http-error.ts';

/**
 * POST /api/parse is the one route that makes the server work hard, and it is open to anyone
 * who can reach the server: the UI's "read a page" box uses it without a token. So a request
 * without the bearer token is held to smaller limits than one with it:
 *
 * - its page is at most `maxBytes` (a news page is rarely over 100 KB; a token holder gets
 *   the 2 MiB every body gets);
 * - each client address gets at most `perMinute` of them in any minute (a 429 with
 *   Retry-After past that);
 * - at most `atOnce` run at a time across all clients, so with two or more reader threads a
 *   reader is always free for searches and articles (a 429 when one is running);
 * - each runs for at most `timeLimitMs` on its reader (then a 503, the reader replaced).
 */
export interface OpenParseLimits {
  maxBytes: number;
  perMinute: number;
  atOnce: number;
  timeLimitMs: number;
}

export const OPEN_PARSE_LIMITS: Readonly<OpenParseLimits> = {
  maxBytes: 256 * 1024,
  perMinute: 30,
  atOnce: 1,
  timeLimitMs: 5_000,
};

/** The window the per-address count covers (ms). */
const WINDOW_MS = 60_000;

/** Addresses remembered at most: past it the least recently seen is forgotten, so a client
 * that sends from many addresses cannot grow the table without bound. */
const MAX_ADDRESSES = 10_000;

const tooMany = (why: string, retryAfterSeconds: number) =>
  new HttpError(429, 'too-many-requests', why, {
    'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))),
  });

/** Admits requests without the token to /api/parse under {@link OpenParseLimits}. */
export class OpenParseGate {
  readonly limits: Readonly<OpenParseLimits>;
  #running = 0;
  /** Per address, when its requests of the last minute came (oldest first). Map order is
   * least recently seen first. */
  readonly #recent = new Map<string, number[]>();

  constructor(limits: Partial<OpenParseLimits> = {}) {
    this.limits = { ...OPEN_PARSE_LIMITS, ...limits };
    for (const [name, value] of Object.entries(this.limits)) {
      if (!Number.isInteger(value) || value < 1) {
        throw new TypeError(`open parse limits: \`${name}\` must be a positive whole number`);
      }
    }
  }

  /**
   * Counts a request from `address` and holds one of the running places for it; throws a
   * 429 when the address is over its rate or every place is taken. The returned function
   * gives the place back (call it once the request is answered).
   */
  admit(address: string, now: number = Date.now()): () => void {
    const times = (this.#recent.get(address) ?? []).filter((t) => now - t < WINDOW_MS);
    if (times.length >= this.limits.perMinute) {
      this.#remember(address, times);
      const wait = ((times[0] as number) + WINDOW_MS - now) / 1000;
      throw tooMany(
        `at most ${this.limits.perMinute} pages a minute may be parsed without the server's token; try again in ${Math.ceil(wait)} s`,
        wait,
      );
    }
    if (this.#running >= this.limits.atOnce) {
      throw tooMany(
        'another page is being parsed; without the server token pages are parsed one at a time, try again in a moment',
        1,
      );
    }
    times.push(now);
    this.#remember(address, times);
    this.#running++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#running--;
    };
  }

  #remember(address: string, times: number[]): void {
    this.#recent.delete(address);
    this.#recent.set(address, times);
    if (this.#recent.size <= MAX_ADDRESSES) return;
    const oldest = this.#recent.keys().next().value;
    if (oldest !== undefined) this.#recent.delete(oldest);
  }
}

import type { EntityType, MentionKind } from '../tree/annotations.ts';
import { BODIES, QUOTE_CUE_ALTERNATION, STANCE_CUE_LIST } from './cues.ts';
import {
  FAMILIAR,
  findReferences,
  MAJOR,
  OFFICES_AFTER_SURNAME,
  type RawMention,
  titledPerson,
} from './find-entities.ts';
import { gazetteer, officeNamedAt } from './gazetteer.ts';

/** A mention with what it refers to: entity ids, several for 雙方 / 兩國 (Simplified offsets). */
export interface Ref {
  start: number;
  end: number;
  kind: MentionKind;
  /** The type of what it names; `group` for 双方 / 两国. */
  type: EntityType | 'group';
  ids: string[];
}

/** What a page remembers from article to article: who was last named, which pair talks. */
export interface PageMemory {
  pair: string[] | null;
  countries: string[];
  /** How often each country has been named on the page (its name, X方, a title's country). */
  countryCounts: Map<string, number>;
  lastPerson: string | null;
  lastOrg: string | null;
  /** Foreign names written in full with a dot (希沙姆·哈桑), by their last part (哈桑): a
   * later mention of the last part alone is the same person. */
  dotted: Map<string, string>;
  /** Bodies named lately on the page (ids, the last twenty), for 该部 and 该局. */
  orgs: string[];
  /** People the page names (keys) by their first character, for short forms (林郑 of 林郑月娥)
   * and surnames with an office (赖总统); the last hundred of each. */
  people: Map<string, string[]>;
}

/** Remembers a country named: the last four named, and how often each was. */
function noteCountry(memory: PageMemory, id: string): void {
  memory.countries = [...memory.countries.filter((c) => c !== id), id].slice(-4);
  memory.countryCounts.set(id, (memory.countryCounts.get(id) ?? 0) + 1);
}

/**
 * The two parties a page is about, for 双方 and 两国 when no pair was joined nearby: of the
 * last four countries named, the two named most often on the page (the later on a tie), in
 * the order last named (中国…智利…台湾问题: 中国 and 智利, not 智利 and 台湾).
 */
function mainPair(memory: PageMemory): string[] | null {
  const recent = memory.countries;
  if (recent.length < 2) return null;
  const ranked = recent
    .map((id, i) => ({ id, i, n: memory.countryCounts.get(id) ?? 0 }))
    .sort((a, b) => b.n - a.n || b.i - a.i)
    .slice(0, 2)
    .sort((a, b) => a.i - b.i);
  return ranked.map((r) => r.id);
}

export function newPageMemory(): PageMemory {
  return {
    pair: null,
    countries: [],
    countryCounts: new Map(),
    lastPerson: null,
    lastOrg: null,
    dotted: new Map(),
    orgs: [],
    people: new Map(),
  };
}

/** Taiwan's parties by their colours, as the lexicon names them. */
const PARTY_BY_COLOUR: Readonly<Record<string, string>> = {
  蓝: '中国国民党',
  绿: '民主进步党',
  白: '台湾民众党',
};
/** A name of one of those parties or of its caucus (国民党团, 民众党团). */
const PARTY_NAMED = /国民党|民进党|民主进步党|民众党/;
/** 蓝白 and 蓝绿 (two parties: a pair of colours not run on into another), 蓝营, 绿营, 白营
 * (one party's camp). */
const PARTY_COLOURS =
  /(?<![\u4e00-\u9fff]{2}|[色相])(?:([蓝绿白]{2})(?![相色条衣])|([蓝绿白])(营))/g;

/** The dots that join the parts of a transliterated name. */
const NAME_DOT = /[·‧・•]/;
/** A surname and an office, the way the press calls a person already named: 赖总统, 习主席,
 * 卓揆 (揆: Taiwan's premier). */
const SURNAME_OFFICE = new RegExp(`^([\\u4e00-\\u9fff])(?:${OFFICES_AFTER_SURNAME})$`);

/** A surname and a form of address that names the bearer: 马教授, 王先生, 李医生. Narrower than
 * find-entities' ADDRESSED on purpose: 王太太 and 王夫人 are not the 王 the page names. */
const SURNAME_ADDRESS =
  /^([\u4e00-\u9fff])(?:教授|先生|女士|小姐|医生|律师|博士|老师|警官|师傅|同学|官)$/;

/** Where the `n`th sentence back from `at` starts (n = 1: the sentence holding `at`). */
function sentencesBack(text: string, at: number, n: number): number {
  let i = at - 1;
  for (let seen = 0; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if ((c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x0a) && ++seen === n) break;
  }
  return i + 1;
}

/** A state's ministries and offices by the bare word (外交部, 国防部), which 该国 makes the
 * country last named's. */
const MINISTRY =
  /^(?:外交部|国防部|外务省|防卫省|国防省|内政部|财政部|商务部|司法部|总统府|总理府)$/;
/** Verbs of speech and of stance (those of two units or more), as alternatives. */
const CUE_ALTERNATION = `${QUOTE_CUE_ALTERNATION}|${STANCE_CUE_LIST.map((c) => c.cue)
  .filter((cue) => cue.length >= 2)
  .join('|')}`;
/** The former and the latter of two people just named, opening a clause before a verb of
 * speech or stance (not 后者的, 前者更). */
const FORMER_LATTER = new RegExp(
  `(?<=^|[，。；：！？\\n「“])(?:前者|后者)(?=[则也还又亦更]?(?:${CUE_ALTERNATION}))`,
  'g',
);
/** 他们, 她们: the two people last named. */
const PLURAL = /他们|她们|两人|二人|两位(?![\u4e00-\u9fff]{0,2}(?:官员|专家|学者|议员|记者))/g;
/** What follows a country named as where a meeting is held (在法国巴黎举行磋商). */
const VENUE_AFTER = /^[\u4e00-\u9fff]{0,8}?(?:举行|召开|举办|会见|会晤|会谈|磋商|出席|签署)/;
/** China's State Council named as such before: with its premier, meetings or offices. */
const PRC_STATE_COUNCIL = /中国国务院|国务院(?:总理|副总理|常务|国务委员|办公厅|新闻办|令|参事)/;
/** Who speaks for a department of state: its spokesperson or an official (国务院发言人). */
const STATE_DEPARTMENT_VOICE = /^(?:的)?(?:新闻)?(?:发言人|官员|高级官员|副发言人|首席副发言人)/;
/** A foreign state's department of state by id (ORG:美国国务院), which 该部 may stand for. */
const FOREIGN_STATE_DEPARTMENT = /^ORG:(?!中国|中华人民共和国).{2,}国务院$/;
/** What joins two countries named as the two sides: 中国和巴西, 伊朗与英国、法国. */
const JOINS_COUNTRIES = /^(?:与|和|同|及|、)$/;
/** 双方, 两国, 两国元首 …: the two parties in context. */
const GROUP = /双方|两国|彼此/g;

/** Words for the leaders of the two parties after 两国 or 双方: 两国元首, 双方领导人. */
const LEADERS_AFTER = /^(?:元首|领导人|首脑)/;

/** State organs named generically, which stand for China in Chinese news (中央政府). */
const STATE_ORGAN = /中央政府|中国政府/g;
/** 政府 or 当局 right after a place: that state's government (泰国政府). */
const GOVERNMENT_AFTER = /^(?:政府|当局)/;
/** 政府 standing alone: at the start of a clause or quote, or after a conjunction or 该国
 * (…表示，政府将…; 但政府拒绝…; 该国政府); not the end of a longer name (泰国政府, 市政府). */
const BARE_GOVERNMENT =
  /(?<=^|[\s，。：；！？「『“（]|[，。：；\s](?:但|而|并|且|同时|因此|所以|不过)|该国|本届|现届)政府(?![部机官员大会工网])/gmu;
/** The government of a special administrative region, named generically: 特区政府, 港府. */
const SAR_GOVERNMENT = /特(?:别行政)?区政府|[港澳]府/g;
const HOME = '中国';
/** X方: one character and 方, not 方面, 方法, 方式 …; 双方, 各方 and 对方 are not a country's. */
const SIDE =
  /([^\s双各对我己他另多有军警官校院资劳买卖甲乙一两三四几全北南东西上下前后左右地远平处药配秘良偏])方(?![面法式案向针便可能位言圆块形程子])/g;

/**
 * The country that opens the titles written right before a person's name (中国外交部长 王毅,
 * 俄罗斯总统 普京): within 12 units, in the same clause, with no 的 between (访问中国的X
 * names a visitor, not a Chinese official); the longest name at the earliest start.
 */
function titleCountry(text: string, at: number, countries: ReadonlySet<string>): string | null {
  let found: string | null = null;
  for (let k = at - 1; k >= 0 && at - k <= 12; k--) {
    const c = text[k] as string;
    if (!/[\u4e00-\u9fff]/.test(c) || c === '的') break;
    for (let n = Math.min(8, at - k); n >= 2; n--) {
      const name = text.slice(k, k + n);
      if (countries.has(name)) {
        found = name;
        break;
      }
    }
  }
  return found;
}

/** The entity id of a mention. */
export function entityId(type: EntityType, key: string): string {
  return `${type}:${key}`;
}

/** An entity id's type and key (entityId's parts). */
export function splitId(id: string): [EntityType, string] {
  const colon = id.indexOf(':');
  return [id.slice(0, colon) as EntityType, id.slice(colon + 1)];
}

/**
 * Resolves an article's mentions in reading order: names to their entity, 这位专家 and 他
 * to the person last named, 该组织 to the organisation last named, and 双方 / 两国 to the
 * pair of countries in context (the last pair written together, as in 中俄, or else the last
 * two countries named).
 */
export function resolveReferences(
  text: string,
  raw: readonly RawMention[],
  memory: PageMemory,
): Ref[] {
  const { countryNames } = gazetteer();
  // 斯方, 阿方: X方 for a country named on the page whose name opens with X (斯里兰卡). Built
  // only when an X方 turns up, which most articles lack.
  let known: Map<string, string | null> | null = null;
  const initials = (): Map<string, string | null> => {
    if (known !== null) return known;
    known = new Map();
    // Two places opening with X, one the other's start (巴西 and its capital 巴西利亚): the
    // shorter, the country the other is named for.
    const add = (key: string) => {
      const c = key[0] as string;
      const had = (known as Map<string, string | null>).get(c);
      const kept =
        had === undefined || had === key || had?.startsWith(key) === true
          ? key
          : had !== null && key.startsWith(had)
            ? had
            : null;
      (known as Map<string, string | null>).set(c, kept);
    };
    for (const id of memory.countries) add(id.slice(id.indexOf(':') + 1));
    for (const m of raw) {
      // Any place named on the page: the lexicon marks only the countries with a one-character
      // abbreviation (countryNames), and 斯方 needs 斯里兰卡.
      // A place named by another of its names counts too (澳门特区 names 澳门), not a side
      // (澳方 is what is being resolved).
      if (
        m.type === 'LOC' &&
        m.key.length >= 2 &&
        (m.kind === 'name' ||
          (m.kind === 'alias' && m.end - m.start >= 2 && text[m.end - 1] !== '方'))
      )
        add(m.key);
      // A country a person's title opens with (巴西总统卢拉 names 巴西).
      if (m.type === 'PER') {
        const country = titleCountry(text, m.start, countryNames);
        if (country !== null) add(country);
      }
      // A body named after its country names the country too: 以色列国防军 → 以色列.
      if (m.type === 'ORG') {
        for (let n = Math.min(5, m.key.length - 1); n >= 2; n--) {
          const head = m.key.slice(0, n);
          if (countryNames.has(head)) {
            add(head);
            break;
          }
        }
      }
    }
    return known;
  };
  // 哈方 for a body named on the page whose name opens with 哈 (哈马斯), when no country the
  // page names does: each initial's one body (null when two bodies share it). Built only
  // when needed.
  let bodies: Map<string, { id: string; end: number } | null> | null = null;
  const bodyInitials = (): Map<string, { id: string; end: number } | null> => {
    if (bodies !== null) return bodies;
    const found = new Map<string, { id: string; end: number } | null>();
    for (const m of raw) {
      if (m.type !== 'ORG' || m.kind !== 'name' || m.key.length < 2) continue;
      const id = entityId('ORG', m.key);
      const c = m.key[0] as string;
      const had = found.get(c);
      // The first mention: the side is taken after the body is named.
      if (had === undefined) found.set(c, { id, end: m.end });
      else if (had !== null && had.id !== id) found.set(c, null);
    }
    bodies = found;
    return found;
  };
  // The people this article names in full, before any is resolved: a headline's short form
  // (林郑) comes before the body's full name.
  /** Where this article first names each of them. */
  const firstNamed = new Map<string, number>();
  for (const m of raw) {
    // 卢比奥 in a headline before the body's 马可·卢比奥: the last part of a dotted name, as
    // after it.
    if (m.type === 'PER' && m.kind === 'name' && NAME_DOT.test(m.key)) {
      const last = m.key.split(NAME_DOT).at(-1) as string;
      if (last.length >= 2 && !memory.dotted.has(last))
        memory.dotted.set(last, entityId('PER', m.key));
    }
    if (m.type === 'PER' && m.kind === 'name' && !NAME_DOT.test(m.key)) {
      if (!firstNamed.has(m.key)) firstNamed.set(m.key, m.start);
      const initial = m.key[0] as string;
      const named = memory.people.get(initial) ?? [];
      if (!named.includes(m.key)) {
        named.push(m.key);
        if (named.length > 100) named.shift();
        memory.people.set(initial, named);
      }
    }
  }
  /** People named so far in this article, in reading order, for 他们. */
  const people: { id: string; end: number }[] = [];
  type Item = { start: number; end: number; apply: () => Ref | null };
  const items: Item[] = [];
  /** The last country named, and the countries joined by 与, 和, 同, 及 or 、 last (伊朗与
   * 英国、法国、德国…举行会谈，双方同意…: the sides of the 双方 in the same sentence). */
  let lastCountry: { id: string; end: number } | null = null;
  /** Bodies named right after the word for a party (执政党X, 在野党X): what 该党 may stand for. */
  const parties = new Set<string>();
  /** The party last named, as written (民进党), when no caucus has been. */
  let lastParty: string | null = null;
  let joined: { ids: string[]; end: number } | null = null;
  let prev: RawMention | null = null;
  for (const m of raw) {
    const before = prev;
    items.push({
      start: m.start,
      end: m.end,
      apply: () => {
        let id = entityId(m.type, m.key);
        let kind = m.kind;
        // 菲律宾海警: a body another country's name in the lexicon ends with (中国海警), right
        // after a country's name, is that country's (a reference, named as its).
        const written = text.slice(m.start, m.end);
        if (
          m.type === 'ORG' &&
          m.kind === 'alias' &&
          before !== null &&
          before.type === 'LOC' &&
          before.end === m.start &&
          countryNames.has(before.key) &&
          m.key.length > written.length &&
          m.key.endsWith(written) &&
          countryNames.has(m.key.slice(0, m.key.length - written.length)) &&
          !m.key.startsWith(before.key)
        ) {
          const ref: Ref = {
            start: m.start,
            end: m.end,
            kind: 'title',
            type: 'ORG',
            ids: [entityId('ORG', `${before.key}${written}`)],
          };
          memory.lastOrg = ref.ids[0] as string;
          return ref;
        }
        // 美联社引述国务院发言人的话说: a bare 国务院 with a spokesperson or an official, the
        // country last named being the United States, is its Department of State (China's State
        // Council speaks through its information office, not a 国务院发言人).
        if (
          m.type === 'ORG' &&
          m.key === '国务院' &&
          written === '国务院' &&
          lastCountry !== null &&
          lastCountry.id === 'LOC:美国' &&
          STATE_DEPARTMENT_VOICE.test(text.slice(m.end, m.end + 4)) &&
          !PRC_STATE_COUNCIL.test(text.slice(0, m.start))
        ) {
          const ref: Ref = {
            start: m.start,
            end: m.end,
            kind: 'title',
            type: 'ORG',
            ids: [entityId('ORG', '美国国务院')],
          };
          memory.lastOrg = ref.ids[0] as string;
          return ref;
        }
        // 菲律宾…。该国外交部: the ministry of the country last named, not the one the
        // lexicon means by the bare word; a reference (with 该国), named as that country's.
        if (
          m.type === 'ORG' &&
          lastCountry !== null &&
          MINISTRY.test(m.key) &&
          text.slice(Math.max(0, m.start - 2), m.start) === '该国' &&
          // (该国外交部长: the minister, read as an office of that country.)
          (officeNamedAt(text, m.start)?.word.length ?? 0) <= m.end - m.start
        ) {
          const country = splitId(lastCountry.id)[1];
          const ref: Ref = {
            start: m.start - 2,
            end: m.end,
            kind: 'title',
            type: 'ORG',
            ids: [entityId('ORG', `${country}${m.key}`)],
          };
          memory.lastOrg = ref.ids[0] as string;
          return ref;
        }
        if (m.type === 'PER') {
          const parts = m.key.split(NAME_DOT);
          const last = parts[parts.length - 1] as string;
          // 希沙姆·哈桑 … 哈桑说: the last part alone, after the full name, is the same person.
          if (parts.length > 1 && last.length >= 2) memory.dotted.set(last, id);
          else {
            const full = memory.dotted.get(m.key);
            if (full !== undefined) {
              id = full;
              kind = 'alias';
            }
          }
          // 赖总统, 习主席: a surname and an office stand for the person of that surname the
          // page names (GUIDELINES §2: titles that name a speaker resolve).
          const titled = SURNAME_OFFICE.exec(m.key);
          if (titled !== null) {
            const named = memory.people.get(titled[1] as string) ?? [];
            for (let p = named.length - 1; p >= 0; p--) {
              const name = named[p] as string;
              if (
                name !== m.key &&
                name.length >= 2 &&
                name.length <= 4 &&
                !SURNAME_OFFICE.test(name)
              ) {
                id = entityId('PER', name);
                kind = 'alias';
                break;
              }
            }
          }
          // 马志英 … 马教授指出: a surname and a form of address stand for the one person of
          // that surname the page names before it; with none or several, the form stays
          // (沈女士). (市民陈小姐 … 议员陈明: one named only later is someone else.)
          const addressed = SURNAME_ADDRESS.exec(m.key) ?? FAMILIAR.exec(m.key);
          if (addressed !== null) {
            const named = (memory.people.get(addressed[1] as string) ?? []).filter(
              (name) =>
                (firstNamed.get(name) ?? -1) < m.start &&
                name.length >= 2 &&
                name.length <= 4 &&
                !SURNAME_OFFICE.test(name) &&
                !SURNAME_ADDRESS.test(name) &&
                !FAMILIAR.test(name),
            );
            if (named.length === 1) {
              id = entityId('PER', named[0] as string);
              kind = 'alias';
            }
          }
          // 林郑月娥 … 林郑表示: the first part of a name the page writes in full (two
          // characters at least, the full name two longer) is the same person.
          if (kind === 'name' && parts.length === 1 && m.key.length >= 2) {
            const full = (memory.people.get(m.key[0] as string) ?? []).find(
              (p) => p.length >= m.key.length + 2 && p.startsWith(m.key) && !NAME_DOT.test(p),
            );
            if (full !== undefined) {
              id = entityId('PER', full);
              kind = 'alias';
            }
          }
        }
        // A credit in brackets ((馮健文攝), (記者 王五)) names who took the picture or wrote
        // the story, not anyone a later 他 or 她 stands for.
        if (m.type === 'PER' && !CREDIT_AFTER.test(text.slice(m.end, m.end + 4))) {
          memory.lastPerson = id;
          // Named as the people acting, not as a modifier (邓某的家属).
          if (text[m.end] !== '的') people.push({ id, end: m.end });
        }
        // 中国外交部长王毅: the country a person's title opens with is named too (双方 after
        // a meeting of two ministers is their two countries).
        if (m.type === 'PER') {
          const country = titleCountry(text, m.start, countryNames);
          if (country !== null) {
            const cid = entityId('LOC', country);
            noteCountry(memory, cid);
          }
        }
        if (m.country !== undefined) {
          const home = entityId('LOC', m.country);
          noteCountry(memory, home);
        }
        // 斯方 read as a place of its own: the country named on the page that opens with 斯;
        // and 巴方, which the lexicon gives 巴基斯坦, is 巴西 on a page that names 巴西 and not
        // 巴基斯坦. Never 中方, 美方 … (MAJOR): 中方 on a page about 中非共和国 is China.
        const surface = text.slice(m.start, m.end);
        const sideOf =
          /^[\u4e00-\u9fff]方$/.test(surface) && !MAJOR.includes(surface[0] as string)
            ? initials().get(surface[0] as string)
            : undefined;
        const side =
          m.type !== 'LOC'
            ? undefined
            : m.key.length === 2 && m.key[1] === '方'
              ? countryNames.has(m.key)
                ? undefined
                : sideOf
              : sideOf != null && sideOf !== m.key && !text.includes(m.key)
                ? sideOf
                : undefined;
        if (m.type === 'ORG') {
          memory.lastOrg = id;
          // 在野党国民力量: a party named after the word for one, though its name has no 党.
          if (/党$/.test(text.slice(Math.max(0, m.start - 3), m.start))) parties.add(id);
          // 民进党立委X表示，党团支持…: the party as written, whose caucus a later 党团 is.
          if (text[m.end - 1] === '党' && m.end - m.start <= 5)
            lastParty = text.slice(m.start, m.end);
          memory.orgs = [...memory.orgs.filter((o) => o !== id), id].slice(-20);
        }
        // A country: one the lexicon abbreviates, or any place written as a one-character
        // abbreviation in a pair (中新两国: 新 for 新加坡).
        if (
          m.type === 'LOC' &&
          (countryNames.has(m.key) || m.kind === 'abbreviation') &&
          // 在新加坡举行会谈: where the parties meet is none of them.
          !(
            (text[m.start - 1] === '在' || text[m.start - 1] === '于') &&
            VENUE_AFTER.test(text.slice(m.end, m.end + 12))
          )
        ) {
          const cid = side == null ? id : entityId('LOC', side);
          noteCountry(memory, cid);
          if (
            lastCountry !== null &&
            lastCountry.id !== cid &&
            JOINS_COUNTRIES.test(text.slice(lastCountry.end, m.start))
          ) {
            if (joined !== null && joined.end === lastCountry.end) {
              if (!joined.ids.includes(cid)) joined.ids.push(cid);
              joined.end = m.end;
            } else joined = { ids: [lastCountry.id, cid], end: m.end };
          }
          lastCountry = { id: cid, end: m.end };
          if (
            before !== null &&
            before.end === m.start &&
            before.type === 'LOC' &&
            before.kind === 'abbreviation' &&
            m.kind === 'abbreviation'
          ) {
            const other = entityId('LOC', before.key);
            if (other !== id) memory.pair = [other, id];
          }
        }
        if (side != null) {
          return {
            start: m.start,
            end: m.end,
            kind: 'alias',
            type: 'LOC',
            ids: [entityId('LOC', side)],
          };
        }
        // 哈方 right after the page names 哈马斯, with no country opening with 哈 on the page
        // (the lexicon's 哈萨克斯坦 unnamed): the body's side. Never for the countries the news
        // abbreviates daily (MAJOR: 中方, 美方), whatever body shares their initial.
        if (
          m.type === 'LOC' &&
          sideOf === undefined &&
          /^[\u4e00-\u9fff]方$/.test(surface) &&
          !MAJOR.includes(surface[0] as string) &&
          !text.includes(m.key)
        ) {
          const body = bodyInitials().get(surface[0] as string);
          if (body != null && body.end <= m.start && m.start - body.end <= 80) {
            return { start: m.start, end: m.end, kind: 'alias', type: 'ORG', ids: [body.id] };
          }
        }
        return { start: m.start, end: m.end, kind, type: m.type, ids: [id] };
      },
    });
    prev = m;
  }
  // Units a raw mention covers, marked once: a page of many mentions and many references is
  // read in linear time.
  const coveredUnits = new Uint8Array(text.length + 1);
  for (const m of raw) coveredUnits.fill(1, m.start, m.end);
  const covered = (s: number, e: number) => {
    for (let i = s; i < e; i++) if (coveredUnits[i] === 1) return true;
    return false;
  };
  /**
   * Whom 他 or 她 stands for: the person last named, unless the rest of the pronoun's own
   * clause names them again (她对林国栋的支持表示感谢: 她 is not 林国栋); then the one named
   * before, up to twenty back.
   */
  const pronounPerson = (r: { start: number; end: number }): string | null => {
    const last = memory.lastPerson;
    if (last === null) return null;
    const clauseEnd = text.slice(r.end, r.end + 60).search(/[，。；！？\n]/);
    // 他（林国栋）表示: a name in brackets right after the pronoun says who it is.
    const rest = text
      .slice(r.end, clauseEnd === -1 ? r.end + 60 : r.end + clauseEnd)
      .replace(/^[（(][^）)]*[）)]/, '');
    const fits = (id: string): boolean => {
      const name = id.slice(id.indexOf(':') + 1);
      return name.length < 2 || !rest.includes(name);
    };
    if (fits(last)) return last;
    let seen = 0;
    for (let k = people.length - 1; k >= 0 && seen < 20; k--) {
      const p = people[k] as { id: string; end: number };
      if (p.end > r.start || p.id === last) continue;
      seen++;
      if (fits(p.id)) return p.id;
    }
    return last;
  };
  // Where people's names start, to look back over a few sentences for one: marked at the
  // first 该专家 or 这位官员 asked about.
  let personStarts: Uint8Array | null = null;
  const startsOfPeople = (): Uint8Array => {
    if (personStarts === null) {
      personStarts = new Uint8Array(text.length + 1);
      for (const m of raw) if (m.type === 'PER') personStarts[m.start] = 1;
    }
    return personStarts;
  };
  for (const r of findReferences(text)) {
    if (covered(r.start, r.end)) continue;
    if (r.what === 'spokesperson') {
      items.push({
        start: r.start,
        end: r.end,
        apply: () => {
          // 发言人又表示: whoever the last X发言人 was, the person named after it (发言人汪文斌)
          // else the body before it (外交部发言人 → 外交部). A name right after this one is
          // the spokesperson named now: no reference.
          if (raw.some((m) => m.start === r.end && m.type === 'PER')) return null;
          for (let k = refs.length - 1; k >= 0; k--) {
            const x = refs[k] as Ref;
            if (x.kind === 'pronoun' || !text.startsWith('发言人', x.end)) continue;
            const named = refs[k + 1];
            const person =
              named !== undefined && named.start === x.end + 3 && named.type === 'PER'
                ? named
                : null;
            return {
              start: r.start,
              end: r.end,
              kind: 'title',
              type: person === null ? x.type : 'PER',
              ids: (person ?? x).ids,
            };
          }
          return null;
        },
      });
      continue;
    }
    items.push({
      start: r.start,
      end: r.end,
      apply: () => {
        // 该部, 该局, 该办: the body last named whose name ends so (国防部; 港澳办, or the
        // 国务院台湾事务办公室 国台办 stands for); 该组织: the last body. 公会, 法院 opening a
        // clause: the body last named that ends so (香港大律师公会, 台北地方法院), else no one.
        // 报纸说, 该报认为: the paper last named (法国星期天报); 该社, 该院: the agency, the
        // court or hospital last named; 党团 opening a clause, 该党团: the caucus last named.
        // 局方, 署方, 院方, 校方: the body last named whose name ends in the character before 方
        // (卫生署 … 署方), and no other.
        const head =
          r.what === 'org'
            ? text
                .slice(r.start, r.end)
                .replace(/^(?:该|这个|此|这家)/, '')
                .replace(/^报纸$/, '报')
                .replace(/^([局署院校馆府])方$/, '$1')
            : '';
        const bySuffix =
          /^(?:部|局|署|院|校|馆|府|办|委员会|理事会|董事会|协会|公会|学会|工会|商会|基金会|法院|大学|医院|公司|公署|使馆|领事馆|中心|党团|党|报|社)$/.test(
            head,
          )
            ? ([...memory.orgs].reverse().find(
                (o) =>
                  o.endsWith(head) ||
                  (head === '办' && o.endsWith('办公室')) ||
                  (head === '党' && parties.has(o)) ||
                  // 美国国务院…该部: a foreign state's 国务院 is its department of state.
                  (head === '部' && FOREIGN_STATE_DEPARTMENT.test(o)),
              ) ?? null)
            : undefined;
        // 公司表示, 委员会指出 opening a clause: the company or committee named last, when it
        // is the body last named at all (a company is as often called by a short name, 龙湖
        // after 宜居验房公司: then 公司 is no one we can tell).
        if (
          bySuffix !== undefined &&
          bySuffix !== null &&
          /^(?:公司|委员会|理事会|董事会)$/.test(head) &&
          !/^(?:该|这个|此|这家)/.test(text.slice(r.start, r.end)) &&
          bySuffix !== memory.lastOrg
        )
          return null;
        // 党团 with no caucus named: the caucus of the party last named.
        const caucus =
          head === '党团' && bySuffix === null && lastParty !== null
            ? entityId('ORG', `${lastParty}团`)
            : null;
        const id =
          r.what === 'org'
            ? bySuffix === undefined
              ? memory.lastOrg
              : (bySuffix ?? caucus)
            : r.what === 'pronoun'
              ? pronounPerson(r)
              : memory.lastPerson;
        if (id === null) return null;
        // 有知情专家质疑…。该专家认为: the expert last spoken of was no one named; the person
        // named before that is not who 该专家 is.
        if (r.what === 'person' && unnamedSince(text, r, startsOfPeople())) return null;
        const type: EntityType = r.what === 'org' ? 'ORG' : 'PER';
        return {
          start: r.start,
          end: r.end,
          kind: r.what === 'pronoun' ? 'pronoun' : 'title',
          type,
          ids: [id],
        };
      },
    });
  }
  /** Each match of `pattern` that no name covers, read when its turn comes by `read` (null
   * when the match stands for nothing here). */
  const addMatches = (
    pattern: RegExp,
    read: (g: RegExpExecArray, start: number, end: number) => (() => Ref | null) | null,
  ) => {
    for (const g of text.matchAll(pattern)) {
      const start = g.index ?? 0;
      const end = start + g[0].length;
      if (covered(start, end)) continue;
      const apply = read(g, start, end);
      if (apply !== null) items.push({ start, end, apply });
    }
  };
  // 他们 after two people named (普京…习近平…。他们表示): the two together.
  /** The two people last named before `start`, in this sentence or the one before. */
  const twoPeople = (start: number): string[] | null => {
    const from = sentencesBack(text, start, 2);
    const ids: string[] = [];
    for (let k = people.length - 1; k >= 0 && ids.length < 2; k--) {
      const p = people[k] as { id: string; end: number };
      if (p.end < from) break;
      if (p.end <= start && !ids.includes(p.id)) ids.unshift(p.id);
    }
    return ids.length < 2 ? null : ids;
  };
  /** The two people 他们 or 两人 stood for last, and where: 两人同意…。他们也支持… */
  let lastTwo: { ids: string[]; end: number } | null = null;
  addMatches(PLURAL, (_, start, end) => () => {
    let ids = twoPeople(start);
    // Still the pair the last 他们 or 两人 was, in the same paragraph.
    if (ids === null && lastTwo !== null && !text.slice(lastTwo.end, start).includes('\n'))
      ids = lastTwo.ids;
    if (ids === null) return null;
    lastTwo = { ids, end };
    return { start, end, kind: 'pronoun', type: 'group', ids };
  });
  // 日本政府…。该国外务大臣表示…: an office of the country last named, no name after it: the
  // holder as written with the country (GUIDELINES §4, 也门外长).
  addMatches(/该国/g, (_, start) => {
    const office = officeNamedAt(text, start + 2);
    if (office === null) return null;
    const end = start + 2 + office.word.length;
    if (raw.some((m) => m.start === end && m.type === 'PER')) return null;
    return () => {
      if (lastCountry === null) return null;
      const country = splitId(lastCountry.id)[1];
      return {
        start,
        end,
        kind: 'title',
        type: 'PER',
        ids: [entityId('PER', `${country}${office.word}`)],
      };
    };
  });
  // 林国栋与陈美玲会面。后者表示…: the second of the two people last named, 前者 the first.
  addMatches(FORMER_LATTER, (g, start, end) => () => {
    const ids = twoPeople(start);
    if (ids === null) return null;
    const id = g[0] === '前者' ? ids[0] : ids[1];
    return id === undefined ? null : { start, end, kind: 'title', type: 'PER', ids: [id] };
  });
  addMatches(GROUP, (_, start, end) => () => {
    // 两国元首, 双方领导人: the two leaders named just before (in this sentence or the one
    // before), who hold what they agree on; else their countries, as 两国 and 双方 are.
    const leaders = LEADERS_AFTER.exec(text.slice(end, end + 3));
    const heads = leaders === null ? null : twoPeople(start);
    if (leaders !== null && heads !== null)
      return { start, end: end + leaders[0].length, kind: 'pronoun', type: 'group', ids: heads };
    // The countries joined before it in this sentence (or in this paragraph, no country
    // named since), else the page's pair, else the last two named.
    const since = joined === null ? '' : text.slice(joined.end, start);
    const ids =
      joined !== null &&
      (!/[。！？\n]/.test(since) || (!since.includes('\n') && lastCountry?.end === joined.end))
        ? joined.ids
        : (memory.pair ?? mainPair(memory));
    if (ids !== null) return { start, end, kind: 'alias', type: 'group', ids: [...ids] };
    // 林国栋与陈美玲会面…双方同意…: with no countries on the page, the two people last named.
    if (leaders === null && text.slice(start, end) === '双方') {
      const people = twoPeople(start);
      if (people !== null) return { start, end, kind: 'pronoun', type: 'group', ids: people };
    }
    return null;
  });
  // 蓝白, 蓝营, 绿营: Taiwan's parties by their colours (GUIDELINES §2: 藍白 → 國民黨 and
  // 民眾黨), on a page that names one of them (蓝白相间 elsewhere is only colours).
  if (raw.some((m) => m.type === 'ORG' && PARTY_NAMED.test(m.key))) {
    addMatches(PARTY_COLOURS, (g, start, end) => {
      if (g[2] !== undefined) {
        const id = PARTY_BY_COLOUR[g[2]] as string;
        // A reference, as 双方 is: it holds and speaks, but makes no mention of the party
        // (a page that names only 绿营 never names 民进党): a description, as 中央政府 is
        // of its country, not a name the entity list shows.
        return () => ({ start, end, kind: 'title', type: 'group', ids: [entityId('ORG', id)] });
      }
      const ids = (g[1] ?? '').split('').map((c) => PARTY_BY_COLOUR[c] as string);
      if (new Set(ids).size < 2) return null;
      return () => ({
        start,
        end,
        kind: 'alias',
        type: 'group',
        ids: ids.map((id) => entityId('ORG', id)),
      });
    });
  }
  // 中央政府, 中国政府: the state organ named generically stands for the country (GUIDELINES §4),
  // a description, not a name: it does not make the country an entity of the page.
  const home = entityId('LOC', HOME);
  /** The state whose government the article named last, as the items are applied in
   * reading order (美国政府, 中央政府, 特区政府), for a bare 政府 after it. */
  let lastGovernment: string | null = null;
  addMatches(STATE_ORGAN, (_, start, end) => () => {
    lastGovernment = home;
    return { start, end, kind: 'title', type: 'LOC', ids: [home] };
  });
  // 泰国政府, 美國政府: a place named right before 政府 or 当局 is the government named last.
  for (const m of raw) {
    if (m.type !== 'LOC' || !GOVERNMENT_AFTER.test(text.slice(m.end, m.end + 2))) continue;
    const id = entityId('LOC', m.key);
    items.push({
      start: m.start,
      end: m.end,
      apply: () => {
        lastGovernment = id;
        return null;
      },
    });
  }
  // 特区政府: the region's government, as a state organ stands for its state: the region
  // named right before it (澳门特区政府), else the one named nearest before in the article,
  // else Macao's where only Macao is named after it, else Hong Kong's.
  // The regions named before each match, found by scanning forward once (matches come in
  // order), and where each is last named: linear however many matches a page has.
  const last = { 香港: -1, 澳门: -1 };
  const next = { 香港: text.indexOf('香港'), 澳门: text.indexOf('澳门') };
  const finalAt = { 香港: text.lastIndexOf('香港'), 澳门: text.lastIndexOf('澳门') };
  const namedBefore = (name: '香港' | '澳门', limit: number): number => {
    while (next[name] !== -1 && next[name] <= limit) {
      last[name] = next[name];
      next[name] = text.indexOf(name, next[name] + 1);
    }
    return last[name];
  };
  addMatches(SAR_GOVERNMENT, (_, start, end) => {
    const hk = start < 2 ? -1 : namedBefore('香港', start - 2);
    const mo = start < 2 ? -1 : namedBefore('澳门', start - 2);
    // 港府, 澳府 name their region.
    const own = text[start] === '港' ? '香港' : text[start] === '澳' ? '澳门' : null;
    let region = own ?? (hk === -1 && mo === -1 ? null : mo > hk ? '澳门' : '香港');
    if (region === null) region = finalAt.澳门 >= end && finalAt.香港 < end ? '澳门' : '香港';
    const id = entityId('LOC', region);
    return () => {
      lastGovernment = id;
      return { start, end, kind: 'title', type: 'LOC', ids: [id] };
    };
  });
  // 政府 on its own (…表示，政府强烈谴责…; 但政府拒绝…): the government the article named last,
  // as a state organ named generically stands for its state (GUIDELINES §4); nothing when
  // none was named (then no holder is made up).
  addMatches(
    BARE_GOVERNMENT,
    (_, start, end) => () =>
      lastGovernment === null
        ? null
        : { start, end, kind: 'title', type: 'LOC', ids: [lastGovernment] },
  );
  addMatches(SIDE, (g, start, end) => {
    const key = initials().get(g[1] as string);
    if (key == null) return null;
    const id = entityId('LOC', key);
    return () => ({ start, end, kind: 'alias', type: 'LOC', ids: [id] });
  });
  items.sort((a, b) => a.start - b.start);
  const refs: Ref[] = [];
  for (const item of items) {
    const ref = item.apply();
    if (ref !== null) refs.push(ref);
  }
  return genericBodies(text, bareOffices(text, titledPeople(text, refs)));
}

/** What follows an office standing for its holder: a verb of speech or stance, after an
 * adverb, a time word, where or when it was said or not (特首表示, 总统随即批评, 外长今天强调,
 * 法官在判词中指出, 法官判刑时指出), or after 对X and a
 * light verb (秘书长对X深感关切). */
const CUE_AFTER_OFFICE = new RegExp(
  `^(?:[则也还又亦更并]|随即|随后|其后|今日|今天|昨日|昨天|当天|会后|在会上|在[^，。；]{1,12}?[上中时里]|[^，。；]{1,10}?时)?(?:对于|[对向就][^，。；]{1,20}?(?:表示|深表|深感|感到|予以))?(?:${CUE_ALTERNATION})`,
);
/** What a clause may open after: a mark or a space. */
const CLAUSE_OPENS = /[，。；：！？\n「“\s]/;
/** A word for "this one" before an office (这位外长, 该外长). */
const THIS_ONE = /^(?:这位|该|这名)/;

/**
 * 行政长官李家超… 特首表示…: an office standing alone at the start of a clause, before a verb
 * of speech or stance, is the person the page named with that office (the same office by
 * another name too: 特首 is 行政长官), when it named exactly one; 这位外长, 该外长 likewise.
 */
function bareOffices(text: string, refs: Ref[]): Ref[] {
  if (!refs.some((r) => r.type === 'PER')) return refs;
  const added: Ref[] = [];
  /** Each office and the people the page named after it, in order. */
  const holders: { at: number; office: string; ids: string[] }[] = [];
  for (const r of refs) {
    if (r.type !== 'PER' || r.kind !== 'name') continue;
    // The longest office ending at the name (行政长官, not 长官 inside it).
    for (let n = Math.min(6, r.start); n >= 2; n--) {
      const found = officeNamedAt(text, r.start - n);
      if (found !== null && found.word.length === n) {
        holders.push({ at: r.start, office: found.office, ids: r.ids });
        break;
      }
    }
  }
  if (holders.length === 0) return refs;
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    if (i > 0 && !CLAUSE_OPENS.test(text[i - 1] as string)) continue;
    const prefix = THIS_ONE.exec(text.slice(i, i + 2))?.[0].length ?? 0;
    const found = officeNamedAt(text, i + prefix);
    if (found === null) continue;
    const end = i + prefix + found.word.length;
    if (!CUE_AFTER_OFFICE.test(text.slice(end, end + 32))) continue;
    while (k < refs.length && (refs[k] as Ref).end <= i) k++;
    const covering = refs[k];
    if (covering !== undefined && covering.start < end) continue;
    // 发言人陈美玲…时表示: an office a name follows is that name's title, not standing alone.
    if (covering !== undefined && covering.start === end) continue;
    // The people named with that office before: one, by their first entity id.
    const named = new Map<string, string[]>();
    for (const h of holders) {
      if (h.at < i && h.office === found.office) named.set(h.ids[0] as string, h.ids);
    }
    if (named.size !== 1) continue;
    added.push({ start: i, end, kind: 'title', type: 'PER', ids: [...named.values()][0] ?? [] });
  }
  if (added.length === 0) return refs;
  return [...refs, ...added].sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * A person the page names only by an office of a place (也门外长): the holder or speaker
 * "kept as written" (GUIDELINES §4), a `title` mention over the office (the place stays a
 * mention of its own). Bodies inside such titles are read by the entity finder.
 */
function titledPeople(text: string, refs: Ref[]): Ref[] {
  const out: Ref[] = [];
  // Whom each title names, looked for once a title: a page may write the same one on every
  // line, and each search reads the whole text.
  const holders = new Map<string, string[]>();
  for (let k = 0; k < refs.length; k++) {
    const r = refs[k] as Ref;
    out.push(r);
    if (r.type !== 'LOC' || r.kind === 'pronoun' || r.kind === 'title') continue;
    const titled = titledPerson(text, r, refs[k + 1]);
    if (titled === null) continue;
    let ids = holders.get(titled.key);
    if (ids === undefined) {
      ids = namedWith(text, refs, titled.key) ?? [entityId('PER', titled.key)];
      holders.set(titled.key, ids);
    }
    out.push({ start: r.end, end: titled.end, kind: 'title', type: 'PER', ids: [...ids] });
  }
  return out;
}

/**
 * The person the page names right after `title` (德国外长瓦德富尔), where it names exactly
 * one so: a headline's 德国外长 before the body's 德国外长瓦德富尔 is that person. Null if none
 * or several.
 */
function namedWith(text: string, refs: readonly Ref[], title: string): string[] | null {
  let found: string[] | null = null;
  for (let i = text.indexOf(title); i !== -1; i = text.indexOf(title, i + title.length)) {
    const at = i + title.length;
    const k = firstAtOrAfter(refs, at);
    const r = refs[k];
    if (r === undefined || r.start !== at || r.type !== 'PER' || r.kind !== 'name') continue;
    if (found !== null && found[0] !== r.ids[0]) return null;
    found = r.ids;
  }
  return found;
}

const BODY_WORDS = [...BODIES].sort((a, b) => b.length - a.length).join('|');
/** Generic bodies a place makes a source (data/cues/bodies.tsv): 莫斯科警方. */
const GENERIC_BODY = new RegExp(`^(?:${BODY_WORDS})`);
const BARE_BODY = new RegExp(BODY_WORDS, 'g');

/**
 * 莫斯科警方, 巴勒斯坦加沙地带卫生部门: a run of places and a generic body is one source,
 * kept in the form the page gives (GUIDELINES §3). It is a description (kind `title`), so it
 * speaks and holds stances without becoming a named entity of the page. It comes before
 * the places it holds, which stay mentions of their own.
 */
function genericBodies(text: string, refs: Ref[]): Ref[] {
  const out: Ref[] = [];
  /** The last source named with each generic body: 莫斯科警方 … 警方还称. */
  const sources = new Map<string, string>();
  const bare: Ref[] = [];
  let next = 0;
  /** The next bare body at or after `next`, once searched for (null: none left). */
  let ahead: RegExpExecArray | null | undefined;
  const bareBefore = (limit: number) => {
    // 警方 on its own after a source named with it is that source again. Searched on from
    // where the last search ended, and the match found past `limit` kept for the next call,
    // so a page is read once, not once a reference.
    for (;;) {
      if (ahead === undefined || (ahead !== null && ahead.index < next)) {
        BARE_BODY.lastIndex = next;
        ahead = BARE_BODY.exec(text);
      }
      const m = ahead;
      if (m === null || m.index + m[0].length > limit) return;
      ahead = undefined;
      const at = m.index;
      next = at + m[0].length;
      const source = sources.get(m[0]);
      const covered = refs.some((x) => x.start <= at && at < x.end);
      if (source === undefined || covered || /[\u4e00-\u9fff]/.test(text[at - 1] ?? '')) continue;
      bare.push({
        start: at,
        end: next,
        kind: 'title',
        type: 'ORG',
        ids: [entityId('ORG', source)],
      });
    }
  };
  for (let i = 0; i < refs.length; i++) {
    const r = refs[i] as Ref;
    if (sources.size > 0) bareBefore(r.start);
    const body = r.type === 'LOC' ? GENERIC_BODY.exec(text.slice(r.end, r.end + 4)) : null;
    if (body === null || refs[i + 1]?.start === r.end) {
      out.push(r);
      continue;
    }
    // The run of places before it (巴勒斯坦 加沙地带): the body starts where the run does.
    let at = out.length;
    let start = r.start;
    while (at > 0) {
      const p = out[at - 1] as Ref;
      if (p.type !== 'LOC' || p.end !== start) break;
      start = p.start;
      at--;
    }
    const end = r.end + body[0].length;
    sources.set(body[0], text.slice(start, end));
    // Before the places it holds, which stay names of their own.
    const source: Ref = {
      start,
      end,
      kind: 'title',
      type: 'ORG',
      ids: [entityId('ORG', text.slice(start, end))],
    };
    out.splice(at, 0, source);
    out.push(r);
    next = end;
  }
  if (sources.size > 0) bareBefore(text.length);
  if (bare.length === 0) return out;
  return [...out, ...bare].sort((a, b) => a.start - b.start || b.end - a.end);
}

/** What closes a credit in brackets after a name: 攝, 攝影, /攝, 報道, then the bracket. */
export const CREDIT_AFTER = /^(?:[攝摄](?:影)?|[/／][攝摄](?:影)?|[報报][道導导])?[）)]/;

/** The index of the first ref starting at or after `at` (refs sorted by start). */
export function firstAtOrAfter(refs: readonly Ref[], at: number): number {
  let lo = 0;
  let hi = refs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((refs[mid] as Ref).start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether the title a reference such as 该专家 or 这位官员 names was last written, before it,
 * with no name after it and after every person's name: then it stands for that unnamed one.
 * Looks back at most a few sentences' worth of text.
 */
function unnamedSince(
  text: string,
  ref: { start: number; end: number },
  personStarts: Uint8Array,
): boolean {
  const title = text.slice(ref.start, ref.end).replace(/^(?:这位|这名|该|此位)/, '');
  if (title === '') return false;
  const from = Math.max(0, ref.start - 400);
  const back = text.slice(from, ref.start).lastIndexOf(title);
  if (back === -1) return false;
  const at = from + back;
  // 专家林国栋: the title with the name after it is that person; a name after the title
  // written alone is whom the reference may stand for.
  for (let i = at + title.length; i < ref.start; i++) if (personStarts[i] === 1) return false;
  return true;
}

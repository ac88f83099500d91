import type { ViewWord } from './ner/word-info.ts';

/**
 * Parts of speech (jieba's tags) a person's name never holds as a word of two units or
 * more: adverbs, prepositions, conjunctions, particles, pronouns, numerals, classifiers,
 * locatives, time words, modal particles (一直, 对于, 以及, 我们, 第三, 之后, 当代).
 */
const FUNCTION_POS = /^(?:d|p|c|u|r|m|q|f|t|y|e)/;
/** Verbs, adjectives and function words other than numerals and the like: what a word
 * after a surname is not, to be read as a whole name (应该, 于是, 何必). */
const CLOSED_POS = /^(?:v|a|d|p|c|u|r|y|e)/;
/** Connectives a surname may be read as: prepositions, conjunctions, particles, pronouns,
 * adverbs (和 "and", 于 "at", 何 "what", 曾 "once"). */
const CONNECTIVE_POS = /^(?:p|c|u|r|d)/;
/** Words jieba does not know (its HMM's guesses, Latin). */
const UNKNOWN_POS = /^(?:x|eng)$/;
/** Particles that never end a name: 过, 地, 了, 的. */
const PARTICLE_POS = /^(?:u|y|e)/;
/** Tags a name standing as one word of the dictionary may carry: names, places (jieba tags
 * 普京 a place), organisations, other proper nouns, unknown and Latin words. */
const NAME_POS = /^(?:nr|ns|nt|nz|x|eng)/;
/** Tags of the given name after a surname jieba read as a function word: a person's name,
 * a proper noun or unknown (洪君 in 于洪君). */
const PERSONAL_POS = /^(?:nr|nz|x|eng)/;

/**
 * The segmenter's words laid over a text (its Simplified view, as the entity finder reads
 * it), so rules that read a name after a title or before a speech verb can ask whether a
 * stretch of characters could be one: 陈丽娜 in 陈丽娜利用 (not 陈丽娜利, which ends inside
 * 利用), nothing in 主任商量过 (a verb and a particle).
 */
export class WordGrid {
  /** One more than the index in `words` of the word covering each unit, 0 for none (a new
   * array holds zeros: no pass to mark the units no word covers). */
  private readonly wordOf: Int32Array;

  constructor(
    length: number,
    private readonly words: readonly ViewWord[],
  ) {
    const wordOf = new Int32Array(length);
    for (let k = 0; k < words.length; k++) {
      const w = words[k] as ViewWord;
      const end = Math.min(w.end, length);
      for (let i = Math.max(w.start, 0); i < end; i++) wordOf[i] = k + 1;
    }
    this.wordOf = wordOf;
  }

  /** The index in `words` of the word covering unit `i`, -1 for none (or past the text). */
  private wordAt(i: number): number {
    return (this.wordOf[i] ?? 0) - 1;
  }

  /** The part of speech of the word that holds unit `i`, '' for none. */
  posAt(i: number): string {
    const k = this.wordAt(i);
    return k < 0 ? '' : (this.words[k] as ViewWord).pos;
  }

  /** The start of the word that holds unit `i`, or `i` for none. */
  wordStartOf(i: number): number {
    const k = this.wordAt(i);
    return k < 0 ? i : (this.words[k] as ViewWord).start;
  }

  /** The end of the word that holds unit `i`, or `i + 1` for none. */
  wordEnd(i: number): number {
    const k = this.wordAt(i);
    return k < 0 ? i + 1 : (this.words[k] as ViewWord).end;
  }

  /** Whether a word starts at unit `i`. */
  startsWord(i: number): boolean {
    const k = this.wordAt(i);
    return k >= 0 && (this.words[k] as ViewWord).start === i;
  }

  /** The end of the word that holds unit `i` and started before it, or `i` if none did. */
  endOfWordAcross(i: number): number {
    const k = this.wordAt(i);
    if (k < 0) return i;
    const w = this.words[k] as ViewWord;
    return w.start < i ? w.end : i;
  }

  /** Whether a word ends right before unit `i` (at the end of the text too). */
  endsWord(i: number): boolean {
    const k = this.wordAt(i - 1);
    return k >= 0 && (this.words[k] as ViewWord).end === i;
  }

  /**
   * Whether `[start, end)` could be a person's name by its words. It starts and ends where
   * words do, and ends in no particle (商量过). With `stopAfter` (the length of a word that
   * ends names right after it: 坦言, 为, 先生) the end may fall inside a word, as jieba glues
   * a name's last character to the word after it (方国/平坦/言 for 方国平坦言).
   * - As one dictionary word: after a surname, any word of three units or more that is no
   *   verb, adjective or function word (许立群, which jieba calls a numeral); else a word
   *   tagged as a name (招待会 and 应该 are not).
   * - After a surname the given name may be any word (王立新: 立新 is an adverb to jieba),
   *   but a name longer than three units must be names all through (not 詹祖里最近); and if
   *   jieba read the surname as a function word (和 as "and", 于 as "at") the rest must be a
   *   name to it too (于洪君, not 和墨西哥 or 和新任).
   * - Without a surname (foreign names: 普京, 埃尔多安, 扎哈罗娃, whose 扎 jieba calls a
   *   verb) it opens with no function word (同法国), holds no word of two units or more that
   *   is not a name to jieba (提名进行, 依法施政, 是当代), ends in no common word of two
   *   units (官为团长), and at least one of its words is a name to jieba (not 参观时说).
   */
  couldBeName(
    start: number,
    end: number,
    surname: boolean,
    stopAfter = 0,
    markAfter = false,
  ): boolean {
    if (end <= start || !this.startsWord(start)) return false;
    if (!this.endsWord(end)) {
      // Only a stop word of two units (坦言), or one after a word jieba doesn't know
      // (阿赫萨为), says the name ends inside a word: 同 in 共同 does not (乔昆共同做客).
      const crossing = this.words[this.wordAt(end - 1)] as ViewWord;
      if (stopAfter < 2 && !(stopAfter === 1 && UNKNOWN_POS.test(crossing.pos))) return false;
    }
    const first = this.wordAt(start);
    const last = this.wordAt(end - 1);
    const head = this.words[first] as ViewWord;
    if (first === last) {
      // One word the segmenter calls an organisation or a place is none (卫生部).
      if (surname && end - start >= 3)
        return !CLOSED_POS.test(head.pos) && !/^n[ts]$/.test(head.pos);
      return NAME_POS.test(head.pos);
    }
    const tail = this.words[last] as ViewWord;
    if (tail.end - tail.start === 1 && PARTICLE_POS.test(tail.pos)) return false;
    const headIsFunction = head.end - head.start === 1 && FUNCTION_POS.test(head.pos);
    if (surname) {
      // 和 read as "and", 于 as "at" (a classifier, 张 in 张/明远, is jieba's slip alone).
      // A name ends in no one-unit adverb or preposition (应该不 after a title), but for an
      // adverb before a digit or a mark, which no adverb stands before (林芳正12日表示).
      if (
        tail.end - tail.start === 1 &&
        /^[dp]/.test(tail.pos) &&
        !(markAfter && tail.pos[0] === 'd')
      )
        return false;
      const surnameRead = head.end - head.start === 1 && CONNECTIVE_POS.test(head.pos);
      const strict = surnameRead ? PERSONAL_POS : end - start > 3 ? NAME_POS : null;
      if (strict === null) return true;
      for (let k = first + 1; k <= last; k++) {
        if (!strict.test((this.words[k] as ViewWord).pos)) return false;
      }
      return true;
    }
    if (headIsFunction) return false;
    if (tail.end - tail.start >= 2 && !NAME_POS.test(tail.pos)) return false;
    let named = false;
    for (let k = first; k <= last; k++) {
      const w = this.words[k] as ViewWord;
      // Its words of two units or more are names too (not 依法 of 依法施政).
      if (w.end - w.start >= 2 && !NAME_POS.test(w.pos)) return false;
      if (NAME_POS.test(w.pos)) named = true;
    }
    return named;
  }
}

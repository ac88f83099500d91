import type { Script } from '../../src/tree/types.ts';

/**
 * The reader's preferred script. Chinese text is shown as printed ('original'), or all in
 * Traditional, or all in Simplified; the choice is remembered in localStorage. Conversion
 * runs on each rendered piece of text separately (a highlight, an entity, the text between
 * them), so offsets computed on the original text still say where every mark goes.
 */

/** How Chinese text is shown. */
export type ScriptChoice = 'original' | 'traditional' | 'simplified';

type Convert = (text: string) => string;

const STORAGE_KEY = 'jiedu.script';
const CHOICES: readonly ScriptChoice[] = ['original', 'traditional', 'simplified'];

let choice: ScriptChoice = readStoredChoice();
let toTraditional: Convert | null = null;
let toSimplified: Convert | null = null;

function readStoredChoice(): ScriptChoice {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return CHOICES.includes(stored as ScriptChoice) ? (stored as ScriptChoice) : 'original';
  } catch {
    // Storage can be off (private mode, a sandboxed frame): the choice lasts the visit.
    return 'original';
  }
}

/** The current choice. */
export function scriptChoice(): ScriptChoice {
  return choice;
}

/**
 * Loads the converters a choice needs. The Simplified converter is small and always loaded
 * (entity ids are Simplified); the Traditional one carries a large dictionary and is only
 * fetched when a reader asks for Traditional.
 */
export async function loadConverters(wanted: ScriptChoice = choice): Promise<void> {
  if (toSimplified === null) {
    const { Converter } = await import('opencc-js/t2cn');
    toSimplified = Converter({ from: 'hk', to: 'cn' });
  }
  if (wanted === 'traditional' && toTraditional === null) {
    const { Converter } = await import('opencc-js/cn2t');
    toTraditional = Converter({ from: 'cn', to: 'hk' });
  }
}

/** Sets and remembers the choice, once its converter is loaded. */
export async function setScriptChoice(next: ScriptChoice): Promise<void> {
  await loadConverters(next);
  choice = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // See readStoredChoice: not remembered, still applied.
  }
}

/**
 * `text` in Traditional: its Simplified characters converted, and those already
 * Traditional left as printed. Converting Traditional text again changes it (葛沖 would
 * become 葛衝, 衛 the Hong Kong form 衞): a character that converts to Simplified is
 * Traditional already, and is kept.
 */
function traditionalOnly(text: string, convert: Convert, back: Convert): string {
  const trad = convert(text);
  const simp = back(text);
  if (trad.length !== text.length || simp.length !== text.length) {
    // Not character for character (a phrase rule): convert only text with nothing
    // Traditional in it.
    return simp === text ? trad : text;
  }
  let out = '';
  for (let i = 0; i < text.length; i++) {
    out += simp[i] !== text[i] ? (text[i] as string) : (trad[i] as string);
  }
  return out;
}

/** `text` in the reader's script. */
export function zh(text: string): string {
  if (choice === 'simplified' && toSimplified !== null) return toSimplified(text);
  if (choice === 'traditional' && toTraditional !== null && toSimplified !== null) {
    return traditionalOnly(text, toTraditional, toSimplified);
  }
  return text;
}

/** `text` in Simplified, whatever the reader chose: how entity ids spell names. */
export function simplified(text: string): string {
  return toSimplified === null ? text : toSimplified(text);
}

/** The lang attribute for Chinese text of a page in `script`, as the reader sees it. */
export function zhLang(script?: Script | null): string {
  if (choice === 'simplified') return 'zh-Hans';
  if (choice === 'traditional') return 'zh-Hant';
  if (script === 'simplified') return 'zh-Hans';
  if (script === 'traditional') return 'zh-Hant';
  return 'zh';
}

import type { StanceClass } from '../tree/annotations.ts';
import generated from './cues.generated.json' with { type: 'json' };

/**
 * Cue words, in Simplified (annotators read the Simplified view of every page).
 * Speech cues introduce quotes; stance cues carry a class and a PLOVER event type
 * (PLOVER: SUPPORT covers praise and endorsement, ACCUSE covers disapproval and concern,
 * DEMAND covers demands and appeals, CONSULT covers meetings).
 */

/** Verbs of speech that end a name after a title (王毅表示): the entity rules' stop words, and
 * features of the trained name tagger (ner/word-info.ts), so they stay as the model was
 * trained with them. The quote reader uses {@link QUOTE_CUES}, from data/cues/speech.tsv. */
export const SPEECH_CUES = [
  '接受记者采访时表示',
  '接受采访时表示',
  '在讲话中指出',
  '对记者说',
  '告诉记者',
  '表示',
  '指出',
  '强调',
  '认为',
  '说道',
  '透露',
  '坦言',
  '直言',
  '介绍',
  '提到',
  '谈到',
  '重申',
  '宣布',
  '回应',
  '补充',
  '警告',
  '写道',
  '称',
  '说',
] as const;

export interface StanceCue {
  cue: string;
  class: StanceClass;
  plover: string;
}

const cue = (words: string, cls: StanceClass, plover: string): StanceCue[] =>
  words.split(' ').map((w) => ({ cue: w, class: cls, plover }));

/** Stance words that end a name after a title, for the entity rules. The stance reader uses
 * {@link STANCE_CUE_LIST}, from data/cues/stance.tsv. */
export const STANCE_CUES: readonly StanceCue[] = [
  ...cue('支持 拥护 赞成 力挺', 'support', 'SUPPORT'),
  ...cue('反对 抵制', 'oppose', 'ACCUSE'),
  ...cue('谴责 批评 抨击 指责 斥责', 'criticize', 'ACCUSE'),
  ...cue('关注 关切 担忧 担心', 'concern', 'ACCUSE'),
  ...cue('敦促 要求 促请 督促 责成', 'demand', 'DEMAND'),
  ...cue('呼吁 吁请', 'appeal', 'DEMAND'),
  ...cue('祝贺 赞扬 赞赏 称赞 肯定 感谢 致谢 高度评价', 'praise', 'SUPPORT'),
  ...cue('欢迎', 'welcome', 'SUPPORT'),
  ...cue('一致同意 同意 商定 达成共识', 'agree', 'AGREE'),
  ...cue('会晤 会见 会谈 通电话 举行会谈', 'meet', 'CONSULT'),
  ...cue('拒绝 驳斥', 'reject', 'REJECT'),
].sort((a, b) => b.cue.length - a.cue.length);

/** Modal and aspect words between an actor and its cue. */
export const MODALITY = [
  '将继续',
  '继续',
  '将',
  '应当',
  '应该',
  '应',
  '愿意',
  '愿',
  '要',
  '必须',
  '会',
  '可以',
  '能够',
  '希望',
  '决心',
];

/** A speech cue of data/cues/speech.tsv: `any` takes content after a mark or none, `punct`
 * only after a comma, a colon or a quotation mark. */
export interface QuoteCue {
  cue: string;
  mode: 'any' | 'punct';
}

/** The quote reader's cues (data/cues/speech.tsv), longest first. */
export const QUOTE_CUES: readonly QuoteCue[] = (generated.speech as QuoteCue[])
  .slice()
  .sort((a, b) => b.cue.length - a.cue.length);

/** The quote cues as one regular-expression alternation, longest first (表示 before 示). */
export const QUOTE_CUE_ALTERNATION = QUOTE_CUES.map((c) => c.cue).join('|');

/** The stance reader's cues with class and PLOVER type (data/cues/stance.tsv), longest first
 * so 一致同意 wins over 同意. */
export const STANCE_CUE_LIST: readonly StanceCue[] = (generated.stance as StanceCue[])
  .slice()
  .sort((a, b) => b.cue.length - a.cue.length);

/** Capitals that hold a statement or a stance for their state (data/cues/capitals.tsv):
 * 莫斯科认为 → 俄罗斯. Simplified. */
export const CAPITALS: ReadonlyMap<string, string> = new Map(
  Object.entries(generated.capitals as Record<string, string>),
);

/** Nouns that name who acts without naming anyone (data/cues/agents.tsv): 官员, 专家, 政府. */
export const AGENTS: readonly string[] = generated.agents as string[];

/** Generic bodies a place makes a source (data/cues/bodies.tsv): 警方, 军方, 卫生部门. */
export const BODIES: readonly string[] = generated.bodies as string[];

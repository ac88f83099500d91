import type { ArticleViewArticle } from '../tree/article-view.ts';
import type { Script } from '../tree/types.ts';

/** Words the renderers add to a page, in the page's own script. */
export interface Labels {
  /** BCP 47 tag for HTML: zh-Hant, zh-Hans, or plain zh when the script is mixed or unknown. */
  lang: string;
  /** 來源 / 来源, before an outlet name. */
  source: string;
  /** 圖 / 图, before a photo caption. */
  figure: string;
}

/** The labels for a page written in `script`; Traditional unless it is clearly Simplified. */
export function labelsFor(script: Script): Labels {
  if (script === 'simplified') return { lang: 'zh-Hans', source: '来源', figure: '图' };
  return {
    lang: script === 'traditional' ? 'zh-Hant' : 'zh',
    source: '來源',
    figure: '圖',
  };
}

/**
 * The outlets worth a 來源 line of their own: those a byline does not already name
 * (香港文匯報訊 據新華社報道 says 新華社; a 來源：新華社 line under it would repeat it).
 */
export function extraSources(article: ArticleViewArticle): string[] {
  return article.sources.filter((name) => !article.bylines.some((line) => line.includes(name)));
}

/** One run of a list item's text, emphasised or not. */
export interface Segment {
  text: string;
  emphasis: boolean;
}

/**
 * Splits `text` into plain and emphasised runs, finding each emphasis string in order after
 * the previous one; a string that cannot be found is ignored rather than invented.
 */
export function segments(text: string, emphasis: readonly string[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const em of emphasis) {
    if (em === '') continue;
    const found = text.indexOf(em, at);
    if (found < 0) continue;
    if (found > at) out.push({ text: text.slice(at, found), emphasis: false });
    out.push({ text: em, emphasis: true });
    at = found + em.length;
  }
  if (at < text.length) out.push({ text: text.slice(at), emphasis: false });
  return out;
}

/** A list level as a whole number from 1; anything odd counts as top level. */
export function listLevel(level: number): number {
  return Number.isFinite(level) && level >= 1 ? Math.floor(level) : 1;
}

/**
 * The metadata line of a web page's article: when it was published, by whom and where
 * (2023-04-12 07:30 · 林晓雯 郑开元 · 江城日报), or null when it says none of these. Only web
 * pages get one: a text page names its reporters and outlet in its own bylines, which the
 * renderers already print.
 */
export function metaLine(article: ArticleViewArticle, format: 'text' | 'html'): string | null {
  if (format !== 'html') return null;
  const when = article.published === null ? null : article.published.replace('T', ' ');
  const outlet =
    article.outlet !== null && !article.bylines.some((b) => b.includes(article.outlet as string))
      ? article.outlet
      : null;
  const parts = [when, article.authors.join(' '), outlet].filter(
    (p): p is string => p !== null && p !== '',
  );
  return parts.length === 0 ? null : parts.join(' · ');
}

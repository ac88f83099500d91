import type { PageNode } from '../tree/types.ts';

// 香港文匯報訊 / 香港文汇报讯, 香港文匯報記者 陳卓言: the publisher before 訊 or 記者.
const PUBLISHER = /^([^\s（(：:，,]{2,12}?)(?:訊|讯|記者|记者)/;

/**
 * The outlet that published a page, as its first byline names it: 香港文匯報訊 據中通社報道 →
 * 香港文匯報 (中通社 is where the story came from, not who printed it), 新华社北京3月6日电 →
 * 新华社. Undefined when no byline says.
 */
export function findOutlet(page: PageNode): string | undefined {
  for (const article of page.children) {
    for (const block of article.children) {
      if (block.type !== 'byline') continue;
      const publisher = PUBLISHER.exec(block.text)?.[1];
      if (publisher !== undefined) return publisher;
      // A wire dateline names its agency as the byline's own outlet: 新华社北京3月6日电.
      const first = block.outlets[0];
      if (first !== undefined && block.text.startsWith(first)) return first;
    }
  }
  return undefined;
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The first full date (YYYY-MM-DD) the page states outright, as annotate takes it for the
 * page date when none is given; undefined when the page has none or is not annotated.
 */
export function findPageDate(page: PageNode): string | undefined {
  for (const article of page.children) {
    for (const date of article.annotations?.dates ?? []) {
      if (!date.relative && date.value !== null && FULL_DATE.test(date.value)) return date.value;
    }
  }
  return undefined;
}

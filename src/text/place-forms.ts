/**
 * How a page writes the places it names: the forms of each place's mentions, counted, for the
 * name a place is called by (the annotator's names and the entity list of the article view).
 */
import type { Mention } from '../tree/annotations.ts';

/** Official long forms of a place, which no page calls it by in running text (中华人民共和国,
 * 香港特别行政区), and a region's formal term (台湾地区): never a place's standard name. */
const LONG_FORM =
  /共和[国國]|联邦|聯邦|王[国國]|合[众眾][国國]|特别行政区|特別行政區|民主主[义義]|地[区區]$/;

/** A part of a country or a region, qualified (中国大陆, 中国内地, 澳门特区): a name the
 * entity list gives as written, but the country or region itself is named without it. */
export const QUALIFIED_PART = /大[陆陸]|[内內]地|特[区區]/;

/** A name of two or more Chinese characters, nothing else. */
const CHINESE_NAME = /^[\u3400-\u9fff\uf900-\ufaff]{2,}$/;

/**
 * The forms the mentions write each place in (ids starting `LOC:`), by place, with how often:
 * names and aliases of one place only, in Chinese characters, neither a side (X方, X方面), an
 * abbreviation nor an official long form.
 */
export function placeForms(mentions: Iterable<Mention>): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const m of mentions) {
    if ((m.kind !== 'name' && m.kind !== 'alias') || m.refersTo.length !== 1) continue;
    const id = m.refersTo[0] as string;
    if (!id.startsWith('LOC:')) continue;
    if (!CHINESE_NAME.test(m.text) || /方(?:面)?$/.test(m.text) || LONG_FORM.test(m.text)) continue;
    let forms = counts.get(id);
    if (forms === undefined) {
      forms = new Map();
      counts.set(id, forms);
    }
    forms.set(m.text, (forms.get(m.text) ?? 0) + 1);
  }
  return counts;
}

/** The form written most among `forms` that `allowed` lets through, `prefer` when it is among
 * the most; '' when none is. */
export function mostWritten(
  forms: ReadonlyMap<string, number>,
  prefer = '',
  allowed: (form: string) => boolean = () => true,
): string {
  let best = prefer !== '' && allowed(prefer) ? prefer : '';
  let most = best === '' ? 0 : (forms.get(best) ?? 0);
  for (const [form, n] of forms) {
    if (n > most && allowed(form)) {
      best = form;
      most = n;
    }
  }
  return most > 0 ? best : '';
}

import * as api from '../api.ts';
import type { PageContext } from '../context.ts';
import { field, h, replace } from '../dom.ts';
import { renderReader, revealArticleRange } from '../reader.ts';
import { zh } from '../script.ts';
import { emptyState, errorBox, loading } from '../ui.ts';

/**
 * Paste a page: raw text pasted, or a file chosen or dropped (any encoding jiedu reads),
 * parsed and annotated by the server without being stored, and shown at once in the same
 * reader as the archive's articles.
 */

/** The last result, kept so a change of script redraws it without parsing again. */
let last: { result: api.ParseResponse; name: string } | null = null;
/** The text in the box, kept for the same reason. */
let draft = '';

function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

function resultView(result: api.ParseResponse, name: string): HTMLElement {
  const { page, text, repairs, script, encoding } = result;
  const articles = page.articles;
  const summary = h(
    'p',
    { class: 'parse-summary', role: 'status' },
    `${name}: ${page.source.format === 'html' ? 'web page, ' : ''}${articles.length} article${articles.length === 1 ? '' : 's'} · ${encoding} · ${script} · ${text.length} characters · ${repairs.length} repair${repairs.length === 1 ? '' : 's'}`,
  );
  if (articles.length === 0) {
    return h(
      'div',
      {},
      summary,
      emptyState(
        'No article found on this page.',
        'A page needs at least a headline or a paragraph.',
      ),
    );
  }
  const readers = articles.map((article, i) => {
    const reader = renderReader({
      article,
      text,
      repairs,
      script,
      idPrefix: `p${i + 1}-`,
      meta: [
        { label: 'Article', value: `${i + 1} of ${articles.length}` },
        ...(article.outlet ? [{ label: 'Outlet', value: zh(article.outlet) }] : []),
        { label: 'Encoding', value: `${encoding}, ${script}` },
      ],
    });
    reader.id = `parsed-${i + 1}`;
    return reader;
  });
  const toc =
    articles.length < 2
      ? null
      : h(
          'nav',
          { class: 'toc', 'aria-label': 'Articles on this page' },
          h(
            'ol',
            { lang: 'zh' },
            articles.map((a, i) =>
              h(
                'li',
                {},
                h(
                  'a',
                  { href: `#parsed-${i + 1}` },
                  a.headline === '' ? `Article ${i + 1}` : zh(a.headline),
                ),
              ),
            ),
          ),
        );
  const view = h('div', { class: 'parse-result' }, summary, toc, readers);
  // Each original layout scrolls to its article when it first comes into view: scrolling
  // them all at once would lay out every reader of a long page before the first shows.
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      revealArticleRange(entry.target as HTMLElement);
      observer.unobserve(entry.target);
    }
  });
  for (const reader of readers) observer.observe(reader);
  return view;
}

/** Draws /paste. */
export function pastePage(ctx: PageContext): void {
  ctx.setTitle('Paste a page');
  let file: File | null = null;
  const textarea = h('textarea', {
    name: 'page',
    rows: 12,
    spellcheck: 'false',
    placeholder:
      '貼上一版新聞的原文，或把檔案拖到這裏。\nPaste the raw text of a news page, or drop a file here.',
  });
  const fileInput = h('input', {
    type: 'file',
    name: 'file',
    accept: '.txt,text/plain,.html,.htm',
  });
  const fileNote = h('p', { class: 'file-note', 'aria-live': 'polite' });
  const date = h('input', { type: 'date', name: 'date' });
  const output = h('div', { class: 'paste-output', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'button primary' }, 'Parse and annotate');
  const clearFile = h(
    'button',
    { type: 'button', class: 'button', hidden: true },
    'Use the text instead',
  );

  const useFile = (chosen: File | null) => {
    file = chosen;
    clearFile.hidden = chosen === null;
    fileNote.textContent =
      chosen === null ? '' : `File: ${chosen.name} (${formatBytes(chosen.size)}) will be parsed.`;
  };
  fileInput.addEventListener('change', () => useFile(fileInput.files?.[0] ?? null));
  clearFile.addEventListener('click', () => {
    fileInput.value = '';
    useFile(null);
    textarea.focus();
  });

  const drop = h(
    'div',
    { class: 'drop-zone' },
    field(
      'Page text',
      textarea,
      'Ctrl+Enter parses. A file may be text in UTF-8, UTF-16, Big5 or GB18030, or a web page (HTML); up to 2 MB.',
    ),
  );
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('dragging');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('dragging');
    const dropped = event.dataTransfer?.files[0];
    if (dropped !== undefined) useFile(dropped);
  });

  const form = h(
    'form',
    { class: 'paste-form', 'aria-label': 'Paste a page' },
    drop,
    h(
      'div',
      { class: 'paste-options' },
      field('Or choose a file', fileInput),
      field('Page date', date, 'Resolves 昨日, 上周 … when the page gives no date.'),
    ),
    fileNote,
    h('div', { class: 'form-actions' }, submit, clearFile),
  );
  textarea.value = draft;
  textarea.addEventListener('input', () => {
    draft = textarea.value;
  });
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = file ?? textarea.value;
    if (typeof body === 'string' && body.trim() === '') {
      replace(
        output,
        errorBox(new Error('Paste the text of a page or choose a file first.'), 'Nothing to parse'),
      );
      textarea.focus();
      return;
    }
    const name = file === null ? 'Pasted text' : file.name;
    submit.disabled = true;
    replace(output, loading('Parsing and annotating…'));
    try {
      const result = await api.parsePage(body, date.value === '' ? undefined : date.value);
      last = { result, name };
      replace(output, resultView(result, name));
      // The result is below the form: bring it into view, and focus to it for screen readers.
      const summary = output.querySelector<HTMLElement>('.parse-summary');
      if (summary !== null) {
        summary.tabIndex = -1;
        summary.focus({ preventScroll: true });
        summary.scrollIntoView({ block: 'start' });
      }
    } catch (error) {
      replace(output, errorBox(error, 'The page could not be parsed'));
    } finally {
      submit.disabled = false;
    }
  });

  replace(
    ctx.main,
    h('h1', { class: 'page-title' }, 'Paste a page'),
    h(
      'p',
      { class: 'lede' },
      'See what jiedu makes of a page before it goes into the archive. Nothing is stored.',
    ),
    form,
    output,
  );
  if (last !== null) replace(output, resultView(last.result, last.name));
}

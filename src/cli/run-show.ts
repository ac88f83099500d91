import { renderMarkdown } from '../render/index.ts';
import type { RepeatedPassage } from '../store/index.ts';
import { archivePath, stringFlag, withArchive } from './archive.ts';
import { UsageError } from './args.ts';
import type { Io } from './io.ts';
import { type CommandArgs, EXIT } from './schema.ts';

/**
 * `jiedu show <id> [--format md|json] [--db FILE]`: one article of the archive as Markdown,
 * or as JSON (its document and its article view with the annotations).
 */
export async function run(args: CommandArgs, io: Io): Promise<number> {
  const { flags, positionals } = args;
  const [raw, ...extra] = positionals;
  if (raw === undefined)
    throw new UsageError('which article? give its id (jiedu search shows ids)', 'show');
  if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`, 'show');
  if (!/^\d+$/.test(raw))
    throw new UsageError(`an article id is a whole number, not '${raw}'`, 'show');
  const id = Number(raw);
  const format = stringFlag(flags, 'format') ?? 'md';
  return withArchive('show', flags, io, (archive) => {
    const article = archive.getArticle(id);
    if (article === undefined) {
      io.stderr.write(`jiedu show: no article ${id} in ${archivePath(flags, io)}\n`);
      return EXIT.failed;
    }
    if (format === 'json') {
      io.stdout.write(`${JSON.stringify(article, null, 2)}\n`);
    } else {
      io.stdout.write(renderMarkdown(article.view));
      io.stdout.write(repeatsNote(article.repeats));
    }
    return EXIT.ok;
  });
}

/** The paragraphs an earlier article printed before, as a closing note of the Markdown
 * (their quotes and stances are counted with that article): nothing when there are none. */
function repeatsNote(repeats: readonly RepeatedPassage[]): string {
  if (repeats.length === 0) return '';
  const lines = repeats.map(
    (r) => `- paragraph ${r.block + 1} repeats article #${r.article} (jiedu show ${r.article})`,
  );
  return `\n---\n\nRepeated passages, counted with the article that printed them first:\n\n${lines.join('\n')}\n`;
}

import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';

/** One file found in a folder, or why a name that looked like one is not read. */
export interface FolderEntry {
  /** The path under the folder, with / separators. */
  rel: string;
  /** Absolute path (through the folder, links not resolved). */
  path: string;
  /** Set when the entry is not read: a link out of the folder, or whose target is missing. */
  refused?: string;
}

/** Options of {@link walkFolder}. */
export interface WalkOptions {
  /** Which file names are wanted (`a.txt`, not the path). */
  wanted(name: string): boolean;
  /** Follow links to files and folders outside the folder; off by default. */
  followSymlinks?: boolean;
  /** How the folder is named in messages (as the user gave it). */
  display: string;
}

const byRel = (a: FolderEntry, b: FolderEntry) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0);

/**
 * Every wanted file under `root`, in every sub-folder, sorted by path. Hidden files and
 * folders (`.git`, editor backups) are passed over. Links are judged, not silently dropped:
 * a wanted name that is a link whose target is missing, or (unless `followSymlinks`) a link
 * that leads out of `root` (a site dump's link to /etc/passwd), comes back with the reason
 * it is `refused`. Each folder is searched once, however many links lead to it (no cycles);
 * a linked folder outside `root` only with `followSymlinks`, else it comes back `refused`.
 */
export async function walkFolder(root: string, options: WalkOptions): Promise<FolderEntry[]> {
  const found: FolderEntry[] = [];
  const top = await realpath(root);
  const inside = (real: string) => real === top || real.startsWith(top + sep);
  const outside = (real: string) =>
    `a link to ${real}, outside ${options.display}: not followed (--follow-symlinks follows it)`;
  const visited = new Set<string>([top]);
  const visit = async (sub: string): Promise<void> => {
    const entries: Dirent[] = await readdir(join(root, sub), { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const rel = sub === '' ? entry.name : `${sub}/${entry.name}`;
      const path = join(root, ...rel.split('/'));
      if (entry.isDirectory()) {
        const real = await realpath(path);
        if (visited.has(real)) continue;
        visited.add(real);
        await visit(rel);
        continue;
      }
      if (entry.isSymbolicLink()) {
        const real = await realpath(path).catch(() => null);
        const target = real === null ? null : await stat(real).catch(() => null);
        if (real === null || target === null) {
          if (options.wanted(entry.name)) {
            found.push({ rel, path, refused: 'a link whose target is missing: not read' });
          }
          continue;
        }
        const followed = options.followSymlinks === true || inside(real);
        if (target.isDirectory()) {
          // A folder out of root is said, once, rather than each file in it.
          if (!followed) found.push({ rel, path, refused: outside(real) });
          else if (!visited.has(real)) {
            visited.add(real);
            await visit(rel);
          }
          continue;
        }
        if (!options.wanted(entry.name)) continue;
        found.push(followed ? { rel, path } : { rel, path, refused: outside(real) });
        continue;
      }
      if (options.wanted(entry.name)) found.push({ rel, path });
    }
  };
  await visit('');
  return found.sort(byRel);
}

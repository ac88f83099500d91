import { readFileSync } from 'node:fs';

/**
 * Imported before @node-rs/jieba (see jieba.ts and the worker pool), whose native module
 * allocates with mimalloc. mimalloc reserves its memory in arenas of 1 GiB of address space
 * by default: nothing of it is used until needed, but a process under a limit of address
 * space (`ulimit -v 2G`, a container's) fails at once. Under such a limit its arenas are
 * made 64 MiB. Not otherwise: small arenas cost about 300 MB more resident memory over a
 * long run (measured by `npm run bench`). Read when the native module loads, so it is set
 * before; a value the user set is kept.
 */
function addressSpaceLimited(): boolean {
  try {
    const soft = /^Max address space\s+(\S+)/m.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1];
    return soft !== undefined && soft !== 'unlimited';
  } catch {
    return false;
  }
}

if (addressSpaceLimited()) process.env.MIMALLOC_ARENA_RESERVE ??= '64MiB';

import { addressSpaceLimit } from '../../address-space-limit.ts';

/**
 * Imported before @node-rs/jieba (see jieba.ts and the worker pool), whose native module
 * allocates with mimalloc. mimalloc reserves its memory in arenas of 1 GiB of address space
 * by default: nothing of it is used until needed, but a process under a limit of address
 * space (`ulimit -v 2G`, a container's) fails at once. Under such a limit its arenas are
 * made 64 MiB; without one there is nothing to gain. Read when the native module loads, so
 * it is set before; a value the user set is kept.
 */
if (addressSpaceLimit() !== null) process.env.MIMALLOC_ARENA_RESERVE ??= '64MiB';

/**
 * Imported before @node-rs/jieba (see jieba.ts), whose native module allocates with
 * mimalloc. mimalloc reserves its memory in arenas of 1 GiB of address space by default:
 * nothing of it is used until needed, but a process under a limit of address space
 * (`ulimit -v 2G`, a container's) fails at once. 64 MiB arenas cost nothing measurable
 * (the dictionary needs two or three) and keep jiedu's whole footprint, address space
 * included, near what it uses. Read when the native module loads, so it must be set
 * before; a value the user set is kept.
 */
process.env.MIMALLOC_ARENA_RESERVE ??= '64MiB';

export {};

#!/usr/bin/env node
// The jiedu command. Runs the built CLI (dist/) when there is one; in a fresh checkout
// before `npm run build`, or with JIEDU_FROM_SOURCE=1, it runs the TypeScript sources
// through tsx instead.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/**
 * Under a limit of address space (`ulimit -v`, some containers), every WebAssembly memory
 * fails: V8 reserves about 10 GB of guard pages around each. Node's own HTTP parser is
 * WebAssembly, loaded as soon as anything touches the global `Headers` (the WARC reader
 * does), and without guard pages V8 reserves room for each memory to grow to 4 GB. Under
 * such a limit jiedu runs itself again, once, with the guard pages off (bounds are then
 * checked in code: slower WebAssembly, of which jiedu runs almost none), each memory
 * capped at 64 MB (the parser needs well under one), and malloc's arenas kept to two
 * (glibc reserves 64 MB of address space for each thread's own arena: 400 MB or more).
 */
const NO_GUARD_PAGES = '--disable-wasm-trap-handler';
const SMALL_WASM_MEMORY = '--wasm-max-mem-pages=1024';

function addressSpaceLimited() {
  try {
    const limits = readFileSync('/proc/self/limits', 'utf8');
    const soft = /^Max address space\s+(\S+)/m.exec(limits)?.[1];
    return soft !== undefined && soft !== 'unlimited';
  } catch {
    return false; // not Linux: no such limit to read
  }
}

if (
  addressSpaceLimited() &&
  process.allowedNodeEnvironmentFlags.has(NO_GUARD_PAGES) &&
  !process.execArgv.includes(NO_GUARD_PAGES)
) {
  const child = spawn(
    process.execPath,
    [...process.execArgv, NO_GUARD_PAGES, SMALL_WASM_MEMORY, ...process.argv.slice(1)],
    { stdio: 'inherit', env: { MALLOC_ARENA_MAX: '2', ...process.env } },
  );
  // Ctrl-C reaches both processes from the terminal: the child decides what it means.
  process.on('SIGINT', () => {});
  for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    if (signal !== null) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
      return;
    }
    process.exit(code ?? 1);
  });
} else {
  const built = new URL('../dist/cli/main.js', import.meta.url);
  let cli;
  if (existsSync(built) && !process.env.JIEDU_FROM_SOURCE) {
    cli = await import(built.href);
  } else {
    const { register } = await import('tsx/esm/api');
    register();
    cli = await import(new URL('../src/cli/main.ts', import.meta.url).href);
  }
  process.exitCode = await cli.main(process.argv.slice(2));
}

import { readdirSync, readFileSync } from 'node:fs';
const dist = process.argv.includes('--src') ? '../src' : './dist';
const { parse } = await import(process.argv.includes('--src') ? './src/index.ts' : './dist/index.js');
const { annotate } = await import(process.argv.includes('--src') ? './src/annotate/index.ts' : './dist/annotate/index.js');
const files = readdirSync('samples').filter((f) => f.endsWith('.txt')).map((f) => readFileSync('samples/' + f));
const mode = process.argv[2] ?? 'full';
let bytes = 0;
for (const f of files) annotate(parse(f));
const t0 = performance.now();
for (let r = 0; r < Number(process.env.REPS ?? 10); r++) for (const f of files) { const d = parse(f); if (mode === 'full') annotate(d); else if (mode==='noner') annotate(d,{tagger:null}); bytes += f.byteLength; }
const ms = performance.now() - t0;
console.log(mode, (bytes / 1e6).toFixed(2), 'MB', ms.toFixed(0), 'ms', (bytes / 1e6 / (ms / 1000)).toFixed(2), 'MB/s');

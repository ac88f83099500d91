import { readFileSync, readdirSync } from 'node:fs';
const dir = process.argv[2];
const f = readdirSync(dir).find((x) => x.endsWith('.cpuprofile'));
const p = JSON.parse(readFileSync(dir + '/' + f, 'utf8'));
const self = new Map();
const dt = p.timeDeltas; const byId = new Map(p.nodes.map((n) => [n.id, n]));
const cnt = new Map();
for (const s of p.samples) cnt.set(s, (cnt.get(s) ?? 0) + 1);
const total = p.samples.length;
const perFn = new Map(), perFile = new Map();
for (const [id, c] of cnt) { const n = byId.get(id); const cf = n.callFrame; const k = `${cf.functionName || '(anon)'} ${cf.url.split('/').slice(-2).join('/')}:${cf.lineNumber}`; perFn.set(k, (perFn.get(k) ?? 0) + c); const fk = cf.url.split('/').slice(-2).join('/') || cf.functionName; perFile.set(fk, (perFile.get(fk) ?? 0) + c); }
// inclusive per function
const parent = new Map(); for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map();
for (const [id, c] of cnt) { const seen = new Set(); let x = id; while (x !== undefined) { const cf = byId.get(x).callFrame; const k = `${cf.functionName || '(anon)'} ${cf.url.split('/').slice(-2).join('/')}:${cf.lineNumber}`; if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + c); } x = parent.get(x); } }
const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${(100 * v / total).toFixed(1).padStart(5)}% ${k}`).join('\n');
console.log('SELF by fn\n' + top(perFn, 35)); console.log('\nSELF by file\n' + top(perFile, 25)); console.log('\nINCL\n' + top(incl, 60));

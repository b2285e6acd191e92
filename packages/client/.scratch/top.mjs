import { readFileSync } from 'node:fs';
const prof = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = prof.timeDeltas; let total = 0;
const counts = new Map();
for (let i = 0; i < prof.samples.length; i++) { counts.set(prof.samples[i], (counts.get(prof.samples[i]) ?? 0) + (dt[i] ?? 0)); total += dt[i] ?? 0; }
// inclusive per url file
const parent = new Map();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const fileIncl = new Map(); const fnSelf = new Map();
for (const [id, t] of counts) {
  const n = byId.get(id);
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`;
  fnSelf.set(key, (fnSelf.get(key) ?? 0) + t);
  const seen = new Set(); let cur = id;
  while (cur !== undefined) { const f = byId.get(cur).callFrame.url; const k = f.includes('ky/') ? 'ky' : f.includes('client/dist') ? 'client' : f.includes('mock-gateway') ? 'mock' : f.includes('envelope') ? 'envelope' : f.includes('signer') ? 'signer' : f.includes('noble') ? 'noble' : f.startsWith('node:') ? null : null; if (k && !seen.has(k)) { seen.add(k); fileIncl.set(k, (fileIncl.get(k) ?? 0) + t); } cur = parent.get(cur); }
}
console.log('total ms', (total / 1000).toFixed(0));
for (const [k, t] of [...fileIncl].sort((a, b) => b[1] - a[1])) console.log('incl', k.padEnd(10), (100 * t / total).toFixed(1) + '%');
for (const [k, t] of [...fnSelf].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log((100 * t / total).toFixed(1).padStart(5) + '%', k);

#!/usr/bin/env node
'use strict';
// Time per 1000 lines of astParser.optimize on real code nobody here wrote
// (acorn's 6k-line bundle, lz4js, and rxjs's TypeScript sources: dev
// dependencies), per backend, best of several rounds, in one process.
// Usage: node scripts/measure-optimize.js [rounds]

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { load } = require('../lib/loader');
const { createApi } = require('../lib/api');

const rounds = Number(process.argv[2] || 5);
const withBackend = (name) => createApi(load({ ...process.env, CFN_ACCEL_BACKEND: name }));

function rxjsSources() {
  const root = path.join(path.dirname(require.resolve('rxjs/package.json')), 'src');
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push({ code: fs.readFileSync(p, 'utf8'), lang: 'ts' });
    }
  };
  walk(root);
  return out;
}

const corpora = {
  'acorn.js (cjs)': [{ code: fs.readFileSync(path.join(path.dirname(require.resolve('acorn')), 'acorn.js'), 'utf8'), lang: 'cjs' }],
  'lz4js (cjs)': ['lz4.js', 'util.js', 'xxh32.js'].map((f) => ({
    code: fs.readFileSync(path.join(path.dirname(require.resolve('lz4js/package.json')), f), 'utf8'),
    lang: 'cjs',
  })),
  'rxjs/src (ts)': rxjsSources(),
};

const lines = (files) => files.reduce((n, f) => n + f.code.split('\n').length, 0);
console.log(`# optimize, best of ${rounds} rounds; ${os.cpus()[0].model}, ${os.cpus().length} cores, node ${process.version}, load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log('| corpus | lines | backend | ms | ms / 1000 lines |');
console.log('|---|---:|---|---:|---:|');
for (const [name, files] of Object.entries(corpora)) {
  for (const backend of ['native', 'wasm', 'js']) {
    let api;
    try {
      api = withBackend(backend);
    } catch {
      continue;
    }
    if (backend === 'js' && files.some((f) => f.lang === 'ts')) continue; // terser reads JavaScript only
    let best = Infinity;
    for (let r = 0; r < rounds; r++) {
      const t = process.hrtime.bigint();
      for (const f of files) api.astParser.optimize(f.code, { lang: f.lang });
      best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
    }
    const n = lines(files);
    console.log(`| ${name} | ${n} | ${backend} | ${best.toFixed(1)} | ${((best * 1000) / n).toFixed(2)} |`);
  }
}

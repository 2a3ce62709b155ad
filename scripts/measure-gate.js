#!/usr/bin/env node
'use strict';
// Measures the post-edit gate as users run it, side by side in one run:
//  1. the README's hook command, from the packed tarballs installed into a
//     fresh project, against a bare `node -e 0` (median wall time per edit,
//     interleaved runs), and the JS CLI's hook for reference;
//  2. `check` of a large real tree (default: a copy of this repo's
//     node_modules, so nothing skips it as dependencies) by the native
//     executable, the Node CLI and oxlint (its default rules, 2 threads).
// Usage: node scripts/measure-gate.js [--runs N] [--tree DIR]

const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parseArgs } = require('node:util');

const root = path.join(__dirname, '..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '31' }, tree: { type: 'string' } } });
const runs = Number(values.runs);

const wall = (cmd, args, opts) => {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, opts);
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, status: r.status };
};
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

function hookLatency() {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'package.js'), '--no-build'], { stdio: 'ignore' });
  const dist = path.join(root, 'dist');
  const tarballs = fs.readdirSync(dist).filter((f) => f.endsWith('.tgz')).map((f) => path.join(dist, f));
  const proj = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-gate-'));
  fs.writeFileSync(path.join(proj, 'package.json'), '{"name":"gate-bench","version":"1.0.0","private":true}');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', ...tarballs], { cwd: proj, stdio: 'ignore' });
  fs.mkdirSync(path.join(proj, 'src'));
  fs.writeFileSync(path.join(proj, 'src', 'edited.ts'), fs.readFileSync(path.join(root, 'lib', 'api.js'), 'utf8').replace(/'use strict';/, ''));
  const payload = JSON.stringify({ tool_name: 'Edit', tool_input: { file_path: 'src/edited.ts' }, cwd: proj, hook_event_name: 'PostToolUse' });
  // What Claude Code runs: the command line through a shell, payload on stdin.
  const readme = '"$CLAUDE_PROJECT_DIR"/node_modules/.bin/cfn-accel-native hook';
  const js = '"$CLAUDE_PROJECT_DIR"/node_modules/.bin/cfn-accel hook';
  const opts = { cwd: proj, input: payload, env: { ...process.env, CLAUDE_PROJECT_DIR: proj } };
  const t = { node: [], readme: [], js: [] };
  const status = new Set();
  for (let i = 0; i < runs; i++) {
    t.node.push(wall(process.execPath, ['-e', '0'], {}).ms);
    const r = wall('sh', ['-c', readme], opts);
    status.add(r.status);
    t.readme.push(r.ms);
    if (i % 3 === 0) t.js.push(wall('sh', ['-c', js], opts).ms);
  }
  fs.rmSync(proj, { recursive: true, force: true });
  const m = { node: median(t.node), readme: median(t.readme), js: median(t.js) };
  return { command: readme, exitCodes: [...status], medianMs: m, ratioToNode: +(m.readme / m.node).toFixed(3), runs };
}

function treeCheck() {
  let tree = values.tree;
  let made = null;
  if (!tree) {
    made = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-tree-'));
    tree = path.join(made, 'pkgs');
    fs.cpSync(path.join(root, 'node_modules'), tree, { recursive: true, dereference: true, filter: (src) => !src.endsWith(`${path.sep}.cache`) });
  }
  const exe = path.join(root, 'target', 'release', 'cfn-accel');
  const oxlint = path.join(root, 'node_modules', '.bin', 'oxlint');
  const best = (cmd, args) => Math.min(...[0, 1, 2].map(() => wall(cmd, args, { stdio: 'ignore', cwd: tree }).ms));
  // Exit 1 is expected: published trees hold a few broken files.
  const files = JSON.parse(spawnSync(exe, ['check', '--json', '--no-cache', '.'], { cwd: tree, maxBuffer: 1 << 30, encoding: 'utf8' }).stdout).summary.files;
  const ox = spawnSync(oxlint, ['.'], { cwd: tree, encoding: 'utf8' });
  const oxOut = ox.stdout + ox.stderr;
  const oxFiles = Number((/on (\d+) files/.exec(oxOut) || [])[1]);
  const r = {
    tree,
    exe: { ms: best(exe, ['check', '--no-cache', '.']), files },
    node: { ms: best(process.execPath, [path.join(root, 'bin', 'cfn-accel.js'), 'check', '--no-cache', '.']), files },
    oxlint: { ms: best(oxlint, ['.']), files: oxFiles },
  };
  r.exeOverOxlint = +(r.exe.ms / r.oxlint.ms).toFixed(3);
  if (made) fs.rmSync(made, { recursive: true, force: true });
  return r;
}

const out = { date: new Date().toISOString(), load: os.loadavg().map((x) => +x.toFixed(2)), cpus: os.cpus().length, hook: hookLatency(), check: treeCheck() };
console.log(JSON.stringify(out, null, 2));

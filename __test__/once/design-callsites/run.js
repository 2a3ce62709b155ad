// Drives the design's call sites (the other files here) as their hosts
// would, then prints one JSON line of what they produced for
// consumer.test.js to judge. Everything they print goes to stderr, so stdout
// holds the JSON alone.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const log = console.log;
const printed = [];
console.log = (...a) => {
  printed.push(a.join(' '));
  process.stderr.write(`${a.join(' ')}\n`);
};
const here = path.dirname(fileURLToPath(import.meta.url));
const out = {};
const settle = async (ready) => {
  for (let i = 0; i < 200 && !ready(); i++) await new Promise((r) => setTimeout(r, 5));
};

// 3.1 and 8.2
const { UnifiedPostEditPipeline } = await import('./hooks/post-edit-pipeline.js');
const pipeline = new UnifiedPostEditPipeline();
await pipeline.ready;
const file = path.join(here, 'sample.js');
fs.writeFileSync(file, 'export function add(a, b) { return a + b; }\n');
await pipeline.formatFile(file, 'javascript');
out['3.1'] = { wasmInitialized: pipeline.wasmInitialized === true, astType: pipeline.lastAst && pipeline.lastAst.type };
const before = printed.length;
await pipeline.run(file);
out['8.2'] = printed.slice(before);
const optedOut = new UnifiedPostEditPipeline({ wasmEnabled: false });
out['3.1 wasmEnabled:false'] = { wasmEnabled: optedOut.wasmEnabled, coordinator: optedOut.wasmCoordinator === undefined };

// 3.2
const { SwarmMemory } = await import('./src/memory/swarm-memory.js');
const memory = new SwarmMemory();
await settle(() => memory.wasmReady);
out['3.2'] = {
  wasmReady: memory.wasmReady,
  stored: await memory.storeAgent('a1', { name: 'coder', tasks: [1, 2], nested: { ok: true } }),
  hash: await memory._computeHash('agent:a1'),
};

// 3.3
const { SwarmMessenger } = await import('./src/redis/swarm-messenger.js');
const messenger = new SwarmMessenger();
await messenger.initialize('swarm-7');
const a = await messenger.createMessageEnvelope({ text: 'hi' }, { priority: 1 });
const b = await messenger.createMessageEnvelope({ text: 'again' }, {});
out['3.3'] = { first: a, secondId: b.result.id };

// 3.4
const { HookPerformanceMonitor } = await import('./src/performance/hook-performance-monitor.js');
const monitor = new HookPerformanceMonitor();
await monitor.ready;
await monitor._collectRealTimeMetrics();
out['3.4'] = { history: monitor.performanceHistory, metrics: monitor.realTimeMetrics };

// 5.2 and 9.1 run as scripts of their own (top-level await); their output is read back.
const mark = printed.length;
await import('./capabilities.js');
out['5.2'] = JSON.parse(printed[mark]);
await import('./quickstart.js');
out['9.1'] = printed[mark + 1];

log(JSON.stringify(out, (k, v) => (typeof v === 'bigint' ? v.toString() : v)));

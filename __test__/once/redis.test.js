'use strict';
// Envelopes over Redis pub/sub as the swarm messenger sends them: a real
// redis-server started here on a free loopback port, ioredis clients, and
// thousands of envelopes published and received: none lost, none altered,
// in order, each encoded by one backend and decoded by another.

const test = require('node:test');
const assert = require('node:assert/strict');
const net = require('node:net');
const { spawn } = require('node:child_process');
const { Redis } = require('ioredis');
const { load } = require('../../lib/loader');
const { createApi } = require('../../lib/api');
const { rng } = require('../helpers');

const apis = ['native', 'wasm', 'js'].map((b) => createApi(load({ CFN_ACCEL_BACKEND: b })));
const REDIS_SERVER = process.env.REDIS_SERVER || 'redis-server';

/** A port nothing listens on right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Starts redis-server on `port`, resolving once it accepts connections. */
function startRedis(port) {
  const child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ready = new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${out}`)), 15000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`cannot run ${REDIS_SERVER} (.ci/run installs it): ${e.message}`));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}:\n${out}`));
    });
    child.stdout.setEncoding('utf8').on('data', (d) => {
      out += d;
      if (/Ready to accept connections/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return { child, ready };
}

/** Stops a child process and waits for it to be gone. */
function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

function message(i, r) {
  // Mostly 0.2-5 KiB as the messenger sends; now and then a large one.
  const big = i % 500 === 499;
  const length = big ? 150000 : 200 + Math.floor(r() * 4800);
  const words = ['task', 'done', 'ünïcödé', '😀', '"quoted"', 'line\nbreak', 'tab\t', '\u2028', 'ok'];
  let text = '';
  while (text.length < length) text += words[Math.floor(r() * words.length)] + ' ';
  return { type: ['status', 'result', 'request'][i % 3], seq: i, text: text.slice(0, length) };
}

/** A fresh redis-server and a publishing and a subscribing client, all gone after test `t`. */
async function redisPair(t) {
  const port = await freePort();
  const server = startRedis(port);
  t.after(() => stop(server.child));
  await server.ready;
  const pub = new Redis({ host: '127.0.0.1', port, maxRetriesPerRequest: 1 });
  const sub = new Redis({ host: '127.0.0.1', port, maxRetriesPerRequest: 1 });
  t.after(() => {
    pub.disconnect();
    sub.disconnect();
  });
  return { pub, sub };
}

test('thousands of envelopes over Redis pub/sub: none lost, none altered, in order', { timeout: 120000 }, async (t) => {
  const { pub, sub } = await redisPair(t);

  const channel = 'swarm:messages';
  const N = 5000;
  const received = [];
  const all = new Promise((resolve) => {
    sub.on('messageBuffer', (ch, buf) => {
      if (ch.toString() !== channel) return;
      received.push(buf);
      if (received.length === N + 1) resolve();
    });
  });
  await sub.subscribe(channel);

  const r = rng(9);
  const sent = [];
  const publishes = [];
  for (let i = 0; i < N; i++) {
    const env = apis[i % 3].stringOps.createEnvelope(message(i, r), { priority: i % 5, trace: [`hop-${i % 7}`] }, `agent-${i % 13}`);
    sent.push(env);
    publishes.push(pub.publish(channel, apis[i % 3].encodeEnvelope(env)));
  }
  // The largest envelope the host allows: exactly 1 MiB of JSON.
  const base = apis[0].stringOps.createEnvelope('', {}, 'agent-max');
  const max = { ...base, message: 'm'.repeat(1048576 - Buffer.byteLength(JSON.stringify(base))) };
  assert.equal(Buffer.byteLength(JSON.stringify(max)), 1048576);
  sent.push(max);
  publishes.push(pub.publish(channel, apis[1].encodeEnvelope(max)));

  const receivers = await Promise.all(publishes);
  assert.ok(receivers.every((n) => n === 1));
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`received ${received.length} of ${N + 1}`)), 60000);
  });
  await Promise.race([all, timeout]).finally(() => clearTimeout(timer));

  assert.equal(received.length, sent.length);
  received.forEach((buf, i) => {
    const env = apis[(i + 1) % 3].decodeEnvelope(buf);
    assert.deepEqual(env, sent[i], `envelope ${i}`);
  });
  const ids = received.map((buf) => apis[0].decodeEnvelope(buf).id);
  assert.equal(new Set(ids).size, sent.length, 'ids are unique');
});

test('damaged envelopes arriving over Redis are refused', { timeout: 60000 }, async (t) => {
  const { pub, sub } = await redisPair(t);

  const good = apis[0].encodeEnvelope(apis[0].stringOps.createEnvelope({ text: 'x'.repeat(500) }, {}, 'a'));
  const flipped = Buffer.from(good);
  flipped[100] ^= 4;
  const payloads = [good, flipped, good.subarray(0, good.length - 3), Buffer.from('{"id":"plain json"}'), good];
  const received = [];
  const all = new Promise((resolve) => {
    sub.on('messageBuffer', (ch, buf) => {
      received.push(buf);
      if (received.length === payloads.length) resolve();
    });
  });
  await sub.subscribe('swarm:damaged');
  for (const p of payloads) await pub.publish('swarm:damaged', p);
  await all;

  for (const api of apis) {
    assert.equal(api.decodeEnvelope(received[0]).message.text, 'x'.repeat(500));
    for (const bad of received.slice(1, 4)) assert.throws(() => api.decodeEnvelope(bad), { code: 'ERR_CFN_CORRUPT' });
    assert.deepEqual(api.decodeEnvelope(received[4]), api.decodeEnvelope(received[0]));
  }
});

'use strict';
// Records in SQLite as SwarmMemory stores them: real better-sqlite3, WAL
// mode, a BLOB column. Thousands of agent records of mixed sizes go in,
// written by one backend and read by another, and come back identical;
// rows damaged inside the database are refused with ERR_CFN_CORRUPT.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const Database = require('better-sqlite3');
const { load } = require('../../lib/loader');
const { createApi } = require('../../lib/api');
const { rng } = require('../helpers');

const apis = ['native', 'wasm', 'js'].map((b) => createApi(load({ CFN_ACCEL_BACKEND: b })));

/** An agent record as SwarmMemory keeps them, from ~500 B to ~120 KiB of JSON. */
function agentRecord(i, r) {
  const size = [0, 0, 0, 0, 1, 1, 1, 2, 2, 3][Math.floor(r() * 10)];
  const history = Array.from({ length: [2, 40, 300, 1000][size] }, (_, k) => ({
    task: `task-${i}-${k}`,
    status: ['done', 'failed', 'running'][k % 3],
    ms: Math.round(r() * 1e6) / 100,
    note: k % 7 === 0 ? 'ünïcödé ✓ 😀 — “quotes”' : `step ${k}`,
  }));
  return {
    id: `agent-${i}`,
    type: ['coder', 'reviewer', 'tester', 'planner'][i % 4],
    status: r() < 0.5 ? 'active' : 'idle',
    capabilities: ['typescript', 'rust', 'review'].slice(0, 1 + (i % 3)),
    metrics: { tasks: history.length, successRate: r(), lastSeen: 1_700_000_000_000 + i },
    config: { model: 'm', retries: i % 5, nested: { deep: { deeper: [i, -i - 1, i / 3, null, true] } } },
    blob: size === 3 ? Buffer.from(Array.from({ length: 20000 }, () => Math.floor(r() * 256))).toString('base64') : '',
    history,
  };
}

test('thousands of agent records round-trip through SQLite (WAL, BLOB) across backends', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-sqlite-'));
  const file = path.join(dir, 'swarm-memory.db');
  let db = new Database(file);
  t.after(() => {
    if (db.open) db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  assert.equal(db.pragma('journal_mode = WAL', { simple: true }), 'wal');
  db.exec('CREATE TABLE records (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, body BLOB NOT NULL)');

  const N = 3000;
  const r = rng(42);
  const originals = Array.from({ length: N }, (_, i) => agentRecord(i, r));
  const insert = db.prepare('INSERT INTO records (id, key, body) VALUES (?, ?, ?)');
  let compressed = 0;
  let bytes = 0;
  db.transaction(() => {
    originals.forEach((rec, i) => {
      const body = apis[i % 3].encodeRecord(rec);
      if (body[5] & 1) compressed++;
      bytes += body.length;
      insert.run(i, rec.id, body);
    });
  })();
  assert.ok(compressed > N / 5, `${compressed} records were compressed`);
  assert.ok(compressed < N, 'and some were not');

  // Read back with a different backend than wrote each row.
  const check = (database, every = 1) => {
    const rows = database.prepare('SELECT id, key, body FROM records ORDER BY id').all();
    assert.equal(rows.length, N);
    for (const row of rows.filter((x) => x.id % every === 0)) {
      assert.ok(Buffer.isBuffer(row.body));
      const value = apis[(row.id + 1) % 3].decodeRecord(row.body);
      assert.deepEqual(value, originals[row.id], `row ${row.id}`);
      assert.equal(row.key, value.id);
    }
  };
  check(db);
  db.close();
  // Reopened: what the WAL held is in the database.
  db = new Database(file, { readonly: true });
  check(db, 7);
  db.close();
  assert.ok(bytes > 0);
});

test('rows damaged inside the database throw ERR_CFN_CORRUPT; the rest still decode', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-sqlite-'));
  const db = new Database(path.join(dir, 'swarm-memory.db'));
  t.after(() => {
    if (db.open) db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE records (id INTEGER PRIMARY KEY, body BLOB NOT NULL)');
  const r = rng(7);
  const originals = Array.from({ length: 400 }, (_, i) => agentRecord(i, r));
  const insert = db.prepare('INSERT INTO records (id, body) VALUES (?, ?)');
  db.transaction(() => originals.forEach((rec, i) => insert.run(i, apis[i % 3].encodeRecord(rec))))();

  // Damage done the way a disk, a bad migration or a stray UPDATE would.
  const damaged = new Map();
  const get = db.prepare('SELECT body FROM records WHERE id = ?').pluck();
  const set = db.prepare('UPDATE records SET body = ? WHERE id = ?');
  const damage = (id, how) => {
    const body = Buffer.from(get.get(id));
    set.run(how(body), id);
    damaged.set(id, true);
  };
  for (let k = 0; k < 12; k++) {
    damage(3 + k * 31, (b) => {
      const at = Math.floor(r() * b.length);
      b[at] ^= 1 << Math.floor(r() * 8);
      return b;
    });
  }
  damage(1, (b) => b.subarray(0, b.length - 1));
  damage(2, (b) => b.subarray(0, 16));
  damage(5, (b) => Buffer.concat([b, Buffer.from([0])]));
  damage(8, () => Buffer.alloc(0));
  damage(13, (b) => Buffer.from(Array.from(b, () => Math.floor(r() * 256))));
  db.exec('UPDATE records SET body = substr(body, 1, length(body) / 2) WHERE id = 21');
  damaged.set(21, true);

  for (const row of db.prepare('SELECT id, body FROM records ORDER BY id').all()) {
    for (const api of apis) {
      if (damaged.has(row.id)) {
        assert.throws(() => api.decodeRecord(row.body), { code: 'ERR_CFN_CORRUPT' }, `row ${row.id} on ${api.backend}`);
      } else {
        assert.deepEqual(api.decodeRecord(row.body), originals[row.id], `row ${row.id} on ${api.backend}`);
      }
    }
  }
});

'use strict';
// Reads what the packaging needs to know about a Mach-O (macOS) or PE
// (Windows) binary without running it: format, architecture, kind, the
// libraries it loads, the symbols it exports and the ones it leaves for the
// host process. Enough to refuse a foreign or broken binary before it is
// packed, and to show what each platform package's binary asks of its
// platform (scripts/verify-cross.js compares these answers with LLVM's tools).
// ELF files are lib/elf.js's job (the loader needs that one at run time).

const fs = require('node:fs');

/** A reader over `buf` that throws a plain sentence when it runs off the end. */
function reader(buf) {
  const need = (off, n) => {
    if (!Number.isInteger(off) || off < 0 || off + n > buf.length) throw new Error(`truncated: needs bytes ${off}..${off + n} of ${buf.length}`);
  };
  return {
    u16: (off) => (need(off, 2), buf.readUInt16LE(off)),
    u32: (off) => (need(off, 4), buf.readUInt32LE(off)),
    u64: (off) => (need(off, 8), Number(buf.readBigUInt64LE(off))),
    cstr: (off) => {
      need(off, 1);
      const end = buf.indexOf(0, off);
      if (end < 0) throw new Error(`truncated: unterminated string at ${off}`);
      return buf.toString('latin1', off, end);
    },
  };
}

const MACHO_CPU = { 0x01000007: 'x64', 0x0100000c: 'arm64' };
const MACHO_KIND = { 2: 'executable', 6: 'dylib', 8: 'bundle' };
const LC = { SYMTAB: 0x2, LOAD_DYLIB: 0xc, LOAD_WEAK_DYLIB: 0x80000018, REEXPORT_DYLIB: 0x8000001f, LAZY_LOAD_DYLIB: 0x20 };
const DYNAMIC_LOOKUP_ORDINAL = 0xfe;

/** A 64-bit little-endian Mach-O file (the only kind macOS on x64/arm64 loads). */
function readMachO(buf) {
  const r = reader(buf);
  const arch = MACHO_CPU[r.u32(4)] || `cputype 0x${r.u32(4).toString(16)}`;
  const kind = MACHO_KIND[r.u32(12)] || `filetype ${r.u32(12)}`;
  const ncmds = r.u32(16);
  const libraries = [];
  const exports = [];
  const undefinedSymbols = [];
  let symtab = null;
  let off = 32; // sizeof(mach_header_64)
  for (let i = 0; i < ncmds; i++) {
    const cmd = r.u32(off);
    const size = r.u32(off + 4);
    if (size < 8) throw new Error(`load command ${i} has size ${size}`);
    if (cmd === LC.LOAD_DYLIB || cmd === LC.LOAD_WEAK_DYLIB || cmd === LC.REEXPORT_DYLIB || cmd === LC.LAZY_LOAD_DYLIB) {
      libraries.push(r.cstr(off + r.u32(off + 8)));
    } else if (cmd === LC.SYMTAB) {
      symtab = off; // read after the loop: ordinals index libraries listed later
    }
    off += size;
  }
  if (symtab !== null) {
    const [symoff, nsyms, stroff] = [r.u32(symtab + 8), r.u32(symtab + 12), r.u32(symtab + 16)];
    for (let s = 0; s < nsyms; s++) {
      const e = symoff + s * 16; // nlist_64
      const type = buf[e + 4];
      if (!(type & 0x01) || type & 0xe0) continue; // external, not a debugging entry
      const name = r.cstr(stroff + r.u32(e)).replace(/^_/, '');
      if ((type & 0x0e) === 0x0e) exports.push(name); // N_SECT: defined here
      else if ((type & 0x0e) === 0) {
        const ordinal = (r.u16(e + 6) >> 8) & 0xff;
        // 0 (zig's linker, binding flat-namespace) or 0xfe (ld64's
        // -undefined dynamic_lookup): looked up in the loading process.
        const lookup = ordinal === 0 || ordinal === DYNAMIC_LOOKUP_ORDINAL;
        undefinedSymbols.push({ name, from: lookup ? 'dynamic lookup' : libraries[ordinal - 1] || `ordinal ${ordinal}` });
      }
    }
  }
  return { format: 'Mach-O 64-bit', arch, kind, libraries, exports, undefinedSymbols };
}

const PE_MACHINE = { 0x8664: 'x64', 0xaa64: 'arm64', 0x14c: 'ia32' };

/** A PE32+ file: sections, the export names and the imported DLLs. */
function readPE(buf) {
  const r = reader(buf);
  const pe = r.u32(0x3c);
  if (r.u32(pe) !== 0x00004550) throw new Error('no PE signature');
  const coff = pe + 4;
  const machine = r.u16(coff);
  const nsections = r.u16(coff + 2);
  const optSize = r.u16(coff + 16);
  const characteristics = r.u16(coff + 18);
  const opt = coff + 20;
  const magic = r.u16(opt);
  if (magic !== 0x20b) throw new Error(`optional header magic 0x${magic.toString(16)}, not PE32+`);
  const sections = [];
  for (let i = 0; i < nsections; i++) {
    const s = opt + optSize + i * 40;
    sections.push({ va: r.u32(s + 12), vsize: Math.max(r.u32(s + 8), r.u32(s + 16)), raw: r.u32(s + 20) });
  }
  const at = (rva) => {
    const s = sections.find((x) => rva >= x.va && rva < x.va + x.vsize);
    if (!s) throw new Error(`RVA 0x${rva.toString(16)} is in no section`);
    return rva - s.va + s.raw;
  };
  const dir = (i) => ({ rva: r.u32(opt + 112 + i * 8), size: r.u32(opt + 116 + i * 8) });
  const exports = [];
  const ex = dir(0);
  if (ex.rva) {
    const e = at(ex.rva);
    const [count, names] = [r.u32(e + 24), r.u32(e + 32)];
    for (let i = 0; i < count; i++) exports.push(r.cstr(at(r.u32(at(names) + i * 4))));
  }
  const libraries = [];
  const im = dir(1);
  if (im.rva) {
    for (let d = at(im.rva); r.u32(d + 12) !== 0; d += 20) libraries.push(r.cstr(at(r.u32(d + 12))));
  }
  const delayed = [];
  const dl = dir(13);
  if (dl.rva) {
    for (let d = at(dl.rva); r.u32(d + 4) !== 0; d += 32) delayed.push(r.cstr(at(r.u32(d + 4))));
  }
  return {
    format: 'PE32+',
    arch: PE_MACHINE[machine] || `machine 0x${machine.toString(16)}`,
    kind: characteristics & 0x2000 ? 'dll' : 'executable',
    libraries,
    delayed,
    exports,
  };
}

/** What `file` is, read by its magic number; throws a sentence for anything unreadable. */
function readObject(file) {
  const buf = fs.readFileSync(file);
  if (buf.length >= 4 && buf.readUInt32LE(0) === 0xfeedfacf) return readMachO(buf);
  if (buf.length >= 0x40 && buf.toString('latin1', 0, 2) === 'MZ') return readPE(buf);
  if (buf.length >= 4 && buf.readUInt32BE(0) === 0x7f454c46) return { format: 'ELF' };
  throw new Error('neither Mach-O 64-bit, PE nor ELF');
}

/**
 * Why `file` cannot be the binary of a package for `os`/`cpu` (npm's names),
 * or null: the format of the platform, its architecture, a loadable library,
 * and the N-API entry point exported.
 */
function objectProblem(file, os, cpu) {
  let o;
  try {
    o = readObject(file);
  } catch (e) {
    return e.message;
  }
  const want = os === 'darwin' ? 'Mach-O 64-bit' : os === 'win32' ? 'PE32+' : 'ELF';
  if (o.format !== want) return `${o.format}, not ${want}`;
  if (o.arch !== cpu) return `built for ${o.arch}, not ${cpu}`;
  if (!['dylib', 'bundle', 'dll'].includes(o.kind)) return `a ${o.kind}, not a loadable library`;
  if (!o.exports.includes('napi_register_module_v1')) return 'does not export napi_register_module_v1';
  return null;
}

module.exports = { readObject, readMachO, readPE, objectProblem };

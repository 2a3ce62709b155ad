'use strict';
// Checks a .node file before dlopen. The dynamic loader maps segments
// straight from the file: a truncated file (an interrupted copy or download)
// maps pages past its end, and the first touch kills the process with SIGBUS
// instead of throwing. Reading the ELF header and checking that every table
// and loaded segment lies inside the file turns that into an error.

const fs = require('node:fs');

/** e_machine and class for the architectures node reports. */
const MACHINES = {
  x64: { machine: 62, bits: 64, name: 'x86-64' },
  arm64: { machine: 183, bits: 64, name: 'AArch64' },
  ia32: { machine: 3, bits: 32, name: 'i386' },
  arm: { machine: 40, bits: 32, name: 'ARM' },
  riscv64: { machine: 243, bits: 64, name: 'RISC-V' },
  ppc64: { machine: 21, bits: 64, name: 'PowerPC64' },
  s390x: { machine: 22, bits: 64, name: 'S/390' },
};
const PT_LOAD = 1;
const ET_DYN = 3;

/**
 * Why `file` cannot be a shared object for `arch` (a sentence), or null when
 * its header, program headers, loaded segments and section header table all
 * fit inside the file and match this machine.
 */
function elfProblem(file, arch = process.arch) {
  let fd;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    return `cannot open: ${e.message}`;
  }
  try {
    const size = fs.fstatSync(fd).size;
    const read = (offset, length) => {
      const buf = Buffer.alloc(length);
      const n = fs.readSync(fd, buf, 0, length, offset);
      return n === length ? buf : null;
    };
    const ident = read(0, 16);
    if (!ident || ident.readUInt32BE(0) !== 0x7f454c46) return `not an ELF file (${size} bytes)`;
    const bits = ident[4] === 2 ? 64 : ident[4] === 1 ? 32 : 0;
    if (!bits) return `unknown ELF class ${ident[4]}`;
    const le = ident[5] === 1;
    if (ident[5] !== 1 && ident[5] !== 2) return `unknown ELF byte order ${ident[5]}`;
    const h = read(0, bits === 64 ? 64 : 52);
    if (!h) return `truncated: ${size} bytes, shorter than the ELF header`;
    const u16 = (b, o) => (le ? b.readUInt16LE(o) : b.readUInt16BE(o));
    const u32 = (b, o) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
    // Offsets beyond 2^53 are not real files; Number keeps the comparisons simple.
    const word = (b, o) => (bits === 64 ? Number(le ? b.readBigUInt64LE(o) : b.readBigUInt64BE(o)) : u32(b, o));
    const at = bits === 64 ? { phoff: 32, shoff: 40, phentsize: 54 } : { phoff: 28, shoff: 32, phentsize: 42 };

    const want = MACHINES[arch];
    const machine = u16(h, 18);
    if (want && (machine !== want.machine || bits !== want.bits)) {
      const have = Object.values(MACHINES).find((m) => m.machine === machine);
      return `built for ${have ? have.name : `machine ${machine}`} (ELF${bits}), this is ${want.name}`;
    }
    if (u16(h, 16) !== ET_DYN) return `not a shared object (ELF type ${u16(h, 16)})`;

    const phoff = word(h, at.phoff);
    const shoff = word(h, at.shoff);
    const phentsize = u16(h, at.phentsize);
    const phnum = u16(h, at.phentsize + 2);
    const shentsize = u16(h, at.phentsize + 4);
    const shnum = u16(h, at.phentsize + 6);
    const truncated = (what, end) => `truncated: ${size} bytes, but its ${what} ends at byte ${end}`;

    if (phnum === 0) return 'no program headers';
    if (phentsize < (bits === 64 ? 56 : 32)) return `program header entries of ${phentsize} bytes are too small`;
    const phEnd = phoff + phentsize * phnum;
    if (phEnd > size) return truncated('program header table', phEnd);
    const ph = read(phoff, phentsize * phnum);
    if (!ph) return truncated('program header table', phEnd);
    for (let i = 0; i < phnum; i++) {
      const p = i * phentsize;
      if (u32(ph, p) !== PT_LOAD) continue;
      const offset = bits === 64 ? word(ph, p + 8) : u32(ph, p + 4);
      const filesz = bits === 64 ? word(ph, p + 32) : u32(ph, p + 16);
      if (offset + filesz > size) return truncated(`loadable segment ${i}`, offset + filesz);
    }
    if (shnum > 0 && shoff + shentsize * shnum > size) {
      return truncated('section header table', shoff + shentsize * shnum);
    }
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

const PT_INTERP = 3;

/**
 * The program interpreter (dynamic loader) an ELF executable names, e.g.
 * /lib64/ld-linux-x86-64.so.2 or /lib/ld-musl-x86_64.so.1; null for a static
 * or unreadable file.
 */
function elfInterpreter(file) {
  let fd;
  try {
    fd = fs.openSync(file, 'r');
    const h = Buffer.alloc(64);
    if (fs.readSync(fd, h, 0, 64, 0) < 52 || h.readUInt32BE(0) !== 0x7f454c46) return null;
    const is64 = h[4] === 2;
    const le = h[5] === 1;
    const u16 = (b, o) => (le ? b.readUInt16LE(o) : b.readUInt16BE(o));
    const u32 = (b, o) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
    const u64 = (b, o) => Number(le ? b.readBigUInt64LE(o) : b.readBigUInt64BE(o));
    const phoff = is64 ? u64(h, 32) : u32(h, 28);
    const phentsize = u16(h, is64 ? 54 : 42);
    const phnum = u16(h, is64 ? 56 : 44);
    const ph = Buffer.alloc(phentsize * phnum);
    if (fs.readSync(fd, ph, 0, ph.length, phoff) !== ph.length) return null;
    for (let i = 0; i < phnum; i++) {
      const p = i * phentsize;
      if (u32(ph, p) !== PT_INTERP) continue;
      const offset = is64 ? u64(ph, p + 8) : u32(ph, p + 4);
      const size = Math.min(is64 ? u64(ph, p + 32) : u32(ph, p + 16), 4096);
      const name = Buffer.alloc(size);
      const n = fs.readSync(fd, name, 0, size, offset);
      return name.subarray(0, n).toString('latin1').replace(/\0.*$/s, '');
    }
    return null;
  } catch {
    return null;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

module.exports = { elfProblem, elfInterpreter };

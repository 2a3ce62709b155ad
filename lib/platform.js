'use strict';
// Which prebuilt binary fits this machine: `<platform>-<arch>[-<abi>]`, the
// suffix of the platform package names (cfn-accel-linux-x64-gnu, ...).

const fs = require('node:fs');

/**
 * true on musl (Alpine), false on glibc. Reads ldd first (cheap and exact);
 * falls back to process.report, whose glibc field exists only on glibc.
 */
function isMusl() {
  try {
    const ldd = fs.readFileSync('/usr/bin/ldd', 'latin1');
    if (ldd.includes('musl')) return true;
    if (ldd.includes('GNU C Library') || ldd.includes('glibc')) return false;
  } catch {
    // no ldd: ask the runtime
  }
  try {
    const report = process.report && process.report.getReport();
    const header = report && (typeof report === 'string' ? JSON.parse(report) : report).header;
    return !(header && header.glibcVersionRuntime);
  } catch {
    return false;
  }
}

/** The binary's triple for this process, or null when none is built for it. */
function triple(platform = process.platform, arch = process.arch) {
  switch (platform) {
    case 'linux':
      if (arch !== 'x64' && arch !== 'arm64') return null;
      return `linux-${arch}-${isMusl() ? 'musl' : 'gnu'}`;
    case 'darwin':
      return arch === 'x64' || arch === 'arm64' ? `darwin-${arch}` : null;
    case 'win32':
      return arch === 'x64' || arch === 'arm64' ? `win32-${arch}-msvc` : null;
    default:
      return null;
  }
}

module.exports = { isMusl, triple };

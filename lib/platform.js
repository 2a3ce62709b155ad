'use strict';
// Which prebuilt binary fits this machine: `<platform>-<arch>[-<abi>]`, the
// suffix of the platform package names (cfn-accel-linux-x64-gnu, ...).

const fs = require('node:fs');
const { elfInterpreter } = require('./elf');

/**
 * The report header of this process, or null when process.report is
 * unavailable. Network handles are left out: collecting them can take
 * seconds on hosts with slow name resolution.
 */
function reportHeader() {
  const report = process.report;
  if (!report || typeof report.getReport !== 'function') return null;
  const exclude = report.excludeNetwork;
  try {
    report.excludeNetwork = true;
    const r = report.getReport();
    return (typeof r === 'string' ? JSON.parse(r) : r).header || null;
  } catch {
    return null;
  } finally {
    report.excludeNetwork = exclude;
  }
}

/** true when a musl dynamic loader (/lib/ld-musl-<arch>.so.1) is installed. */
function muslLoaderPresent(dir = '/lib') {
  try {
    return fs.readdirSync(dir).some((f) => f.startsWith('ld-musl-'));
  } catch {
    return false;
  }
}

/**
 * 'glibc' or 'musl', from what this node binary is linked against. First the
 * dynamic loader node's executable names (ld-linux-* or ld-musl-*: one small
 * read); without one (a static node), the process report, whose header
 * carries glibcVersionRuntime exactly when node runs on glibc (about 4 ms,
 * so not first); without a report, the musl loader on disk. The disk check
 * comes last because glibc distributions can have musl installed beside
 * glibc (Debian's `musl` package). Each source can be replaced (tests).
 */
function detectLibc({
  interpreter = () => elfInterpreter(process.execPath),
  header = reportHeader,
  muslPresent = muslLoaderPresent,
} = {}) {
  const interp = interpreter() || '';
  if (/(^|\/)ld-musl-/.test(interp)) return 'musl';
  if (/(^|\/)ld-linux/.test(interp)) return 'glibc';
  const h = header();
  if (h) return h.glibcVersionRuntime ? 'glibc' : 'musl';
  return muslPresent() ? 'musl' : 'glibc';
}

let libcCache = null;

/** true on musl (Alpine), false on glibc. Linux only; computed once. */
function isMusl() {
  if (libcCache === null) libcCache = detectLibc();
  return libcCache === 'musl';
}

/** The binary's triple for this process, or null when none is built for it. */
function triple(platform = process.platform, arch = process.arch, musl = platform === 'linux' && isMusl()) {
  switch (platform) {
    case 'linux':
      if (arch !== 'x64' && arch !== 'arm64') return null;
      return `linux-${arch}-${musl ? 'musl' : 'gnu'}`;
    case 'darwin':
      return arch === 'x64' || arch === 'arm64' ? `darwin-${arch}` : null;
    case 'win32':
      // Built with the GNU toolchain (mingw-w64's runtime): the MSVC one
      // cannot be had here (README, "Platform packages").
      return arch === 'x64' ? 'win32-x64-gnu' : null;
    default:
      return null;
  }
}

module.exports = { isMusl, triple, detectLibc, muslLoaderPresent };

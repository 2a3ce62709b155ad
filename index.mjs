// ESM entry: the same instance as require('cfn-accel').
import { createRequire } from 'node:module';

const api = createRequire(import.meta.url)('./index.js');

export default api;
export const {
  backend, loadErrors, capabilities, stringOps, astParser, memoryOps, crypto, validation, compression, validateFiles, check,
  encodeRecord, decodeRecord, encodeEnvelope, decodeEnvelope, StatsWindow, PatternSet, WASMRuntimeCoordinator,
} = api;

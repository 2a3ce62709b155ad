// Section 5.2 of the design: what its detectCapabilities() returns, read as
// its callers would.
import { WASMRuntimeCoordinator } from './src/booster/wasm-runtime-coordinator.js';

const coordinator = new WASMRuntimeCoordinator();
const capabilities = await coordinator.detectCapabilities();
const { wasmSupported, simdSupported, threadsSupported, bulkMemorySupported, version } = capabilities;
console.log(JSON.stringify({ wasmSupported, simdSupported, threadsSupported, bulkMemorySupported, version }));

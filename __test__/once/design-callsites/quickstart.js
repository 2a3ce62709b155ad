// Section 9.1 of the design ("For Developers (Manual Integration)").
import { WASMRuntimeCoordinator } from './src/booster/wasm-runtime-coordinator.js';

// Initialize coordinator
const coordinator = new WASMRuntimeCoordinator();
await coordinator.initialize();

// Use accelerated operations
const { result, accelerated } = await coordinator.execute(
  'stringOps',
  'fastHash',
  'mystring'
);

console.log(`Hash: ${result}, Accelerated: ${accelerated}`);

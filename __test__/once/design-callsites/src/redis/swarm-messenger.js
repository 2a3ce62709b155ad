// Section 3.3 of the design.
import { EventEmitter } from 'node:events';

export class SwarmMessenger extends EventEmitter {
  constructor(config = {}) {
    super();
    this.config = config;
  }

  async initialize(swarmId) {
    // ... existing initialization ...
    this.swarmId = swarmId;

    // Initialize WASM for message operations
    if (this.config.wasmEnabled !== false) {
      const { WASMRuntimeCoordinator } = await import(
        '../booster/wasm-runtime-coordinator.js'
      );

      this.wasmCoordinator = new WASMRuntimeCoordinator();
      await this.wasmCoordinator.initialize();
      this.wasmReady = true;
    }
  }

  /**
   * Create message envelope with WASM acceleration
   */
  createMessageEnvelope(message, metadata) {
    if (this.wasmReady) {
      // WASM-accelerated envelope creation
      return this.wasmCoordinator.execute(
        'stringOps',
        'createEnvelope',
        message,
        metadata,
        this.swarmId
      );
    }

    // JavaScript fallback
    return {
      id: this._generateId(),
      sender: this.swarmId,
      timestamp: Date.now(),
      message,
      metadata
    };
  }
}

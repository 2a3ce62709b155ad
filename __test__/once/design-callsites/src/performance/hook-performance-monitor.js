// Section 3.4 of the design.
import { EventEmitter } from 'node:events';

export class HookPerformanceMonitor extends EventEmitter {
  constructor() {
    super();
    // ... existing initialization ...
    this.performanceHistory = [12.5, 3.25, 7, 40.75, 1.5, 9, 22, 5.5];

    // WASM coordinator for fast metric aggregation
    this.wasmCoordinator = null;
    this.ready = this._initWASM();
  }

  async _initWASM() {
    try {
      const { WASMRuntimeCoordinator } = await import(
        '../booster/wasm-runtime-coordinator.js'
      );

      this.wasmCoordinator = new WASMRuntimeCoordinator();
      await this.wasmCoordinator.initialize();
      console.log('🚀 HookPerformanceMonitor: WASM acceleration READY');
    } catch (error) {
      console.log('⚠️ Performance monitoring using JavaScript');
    }
  }

  /**
   * Real-time metric aggregation with WASM
   */
  async _collectRealTimeMetrics() {
    if (this.wasmCoordinator) {
      // WASM-accelerated metric aggregation
      const { result: aggregated } = await this.wasmCoordinator.execute(
        'memoryOps',
        'aggregateMetrics',
        this.performanceHistory
      );

      this.realTimeMetrics = aggregated;
    } else {
      // JavaScript fallback
      this._collectMetricsJS();
    }
  }
}

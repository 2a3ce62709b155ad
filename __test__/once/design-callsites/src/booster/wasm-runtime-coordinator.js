// The module path the design imports its coordinator from.
export { WASMRuntimeCoordinator } from 'cfn-accel';

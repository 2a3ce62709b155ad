'use strict';
// cfn-accel: one Rust core behind native, wasm and JS backends, picked at load.
const { load } = require('./lib/loader');
const { createApi } = require('./lib/api');

module.exports = createApi(load());

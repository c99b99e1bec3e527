// Starts cognito-local as its own bin does, with its user store saved atomically
// (see cognito-atomic-store.cjs): a stopped `npm start` must start again on the same data.
'use strict';
const { createRequire } = require('node:module');
const { saveAtomically } = require('./cognito-atomic-store.cjs');

const fromCognitoLocal = createRequire(require.resolve('cognito-local/package.json'));
saveAtomically(fromCognitoLocal('stormdb').localFileEngine);
fromCognitoLocal('./lib/bin/start.js');

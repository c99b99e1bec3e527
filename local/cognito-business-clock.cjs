// The local stack runs on business time, a clock tests and developers move forward (days at a
// time) while real time runs on; Cognito's own clocks (an invitation's temporary password expiring)
// must run on it too. cognito-local is a child process in CommonJS and cannot import the TS clock,
// so `businessNow` reads the anchor the stack's clock writes (`<dataDir>/clock.json`) and does the
// same computation: it mirrors local/workflow/clock.ts (`readAnchor` and `nowMs`), keep them alike.
'use strict';
const fs = require('node:fs');

/** The anchor as clock.ts writes it ({ business, real, scale, paused? }), or undefined if unreadable. */
const readAnchor = (file) => {
  if (!file) return undefined;
  let anchor;
  try {
    anchor = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  const valid =
    anchor !== null &&
    typeof anchor === 'object' &&
    Number.isFinite(anchor.business) &&
    Number.isFinite(anchor.real) &&
    Number.isFinite(anchor.scale) &&
    anchor.scale > 0 &&
    (anchor.paused === undefined || typeof anchor.paused === 'boolean');
  return valid ? anchor : undefined;
};

/**
 * Business now, in epoch ms: where the anchor put business time, plus the real time since then
 * times the scale (a paused anchor, written by a clean stop, stands still). Without a file, or
 * with one that does not parse, business time is the wall clock.
 */
exports.businessNow = (file, realNow = Date.now()) => {
  const anchor = readAnchor(file);
  if (!anchor) return realNow;
  return anchor.paused ? anchor.business : anchor.business + (realNow - anchor.real) * anchor.scale;
};

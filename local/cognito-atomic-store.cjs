// cognito-local keeps each pool in a JSON file through StormDB, whose writes truncate the file and
// write it again, asynchronously and possibly several at once: a stop (Ctrl-C, SIGTERM) or two
// saves meeting mid-write leave a file that no longer parses, and the next `npm start` fails on
// it. `saveAtomically` makes every save write a temporary file and rename it over the old one, one
// save at a time, so the file on disk is always a whole save.
'use strict';
const fs = require('node:fs');

/** Patches StormDB's local file engine (the class, so every store cognito-local opens). */
exports.saveAtomically = (LocalEngine) => {
  let saves = Promise.resolve();
  LocalEngine.prototype.write = function write(data) {
    // Serialized now, so a later change to `data` waits for its own save.
    const text = this.serialize(data);
    const path = this.path;
    const saved = saves.then(async () => {
      await fs.promises.writeFile(`${path}.saving`, text);
      await fs.promises.rename(`${path}.saving`, path);
    });
    saves = saved.catch(() => undefined);
    return saved;
  };
};

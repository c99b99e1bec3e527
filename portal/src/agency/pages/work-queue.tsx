import { Shell } from '../../ui/shell.js';

/** PLACEHOLDER (skeleton): replaced by the page itself. */
export const WorkQueue = (_props: {}) => (
  <Shell current="queue">
    <h1>Work queue</h1>
  </Shell>
);

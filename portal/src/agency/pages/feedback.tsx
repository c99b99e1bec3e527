import { Shell } from '../../ui/shell.js';

/** PLACEHOLDER (skeleton): replaced by the page itself. */
export const Feedback = (_props: {}) => (
  <Shell current="feedback">
    <h1>Feedback</h1>
  </Shell>
);

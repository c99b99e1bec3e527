import { Shell } from '../../ui/shell.js';

/** PLACEHOLDER (skeleton): replaced by the page itself. */
export const FlaggedPayments = (_props: {}) => (
  <Shell current="payments">
    <h1>Payments</h1>
  </Shell>
);

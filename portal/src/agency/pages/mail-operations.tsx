import { Shell } from '../../ui/shell.js';

/** PLACEHOLDER (skeleton): replaced by the page itself. */
export const MailOperations = (_props: {}) => (
  <Shell current="mailOps">
    <h1>Mail</h1>
  </Shell>
);

import { Shell } from '../../ui/shell.js';

/** PLACEHOLDER (skeleton): replaced by the page itself. */
export const AllRequests = (_props: {}) => (
  <Shell current="allRequests">
    <h1>Requests</h1>
  </Shell>
);

import { Shell } from '../../ui/shell.js';

/** PLACEHOLDER (skeleton): replaced by the page itself. */
export const Organisations = (_props: {}) => (
  <Shell current="orgs">
    <h1>Clients</h1>
  </Shell>
);

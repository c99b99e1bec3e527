import { Shell } from '../ui/shell.js';

/** PLACEHOLDER (skeleton): replaced by the page itself. */
export const ClientOrganisation = (_props: {}) => (
  <Shell current="organisation">
    <h1>Organisation</h1>
  </Shell>
);

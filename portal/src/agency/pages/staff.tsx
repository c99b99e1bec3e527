import { Shell } from '../../ui/shell.js';

/** PLACEHOLDER (skeleton): replaced by the page itself. */
export const Staff = (_props: {}) => (
  <Shell current="staff">
    <h1>Staff</h1>
  </Shell>
);

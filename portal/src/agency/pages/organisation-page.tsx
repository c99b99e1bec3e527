import { Shell } from '../../ui/shell.js';

/** PLACEHOLDER (skeleton): replaced by the page itself. */
export const OrganisationPage = (_props: { orgId: string }) => (
  <Shell current="orgs">
    <h1>Client</h1>
  </Shell>
);

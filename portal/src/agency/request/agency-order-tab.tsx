/** PLACEHOLDER (skeleton): replaced by the tab itself. */
export const AgencyOrderTab = () => <p>AgencyOrderTab</p>;

/** PLACEHOLDER (skeleton): replaced by the tab itself. */
export const HandoverTab = () => <p>HandoverTab</p>;

/** PLACEHOLDER (skeleton): replaced by the tab itself. */
export const OfferEditorTab = () => <p>OfferEditorTab</p>;

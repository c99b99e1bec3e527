/** A request named by its number and, once read, its title: the link every operations list gives. */
export const RequestLink = ({ requestId, title }: { requestId: string; title?: string | null | undefined }) => (
  <a class="request-ref" href={`/requests/${requestId}`}>
    <span class="number">#{requestId}</span>
    {title && <span class="title"> {title}</span>}
  </a>
);

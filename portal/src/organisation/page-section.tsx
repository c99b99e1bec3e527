import type { ComponentChildren } from 'preact';
import './organisation.css';

/** One part of an administration page: a heading to navigate by, an optional intro, its content. */
export const PageSection = ({ id, title, intro, children }: { id: string; title: string; intro?: string; children: ComponentChildren }) => (
  <section class="admin-section" id={id} aria-labelledby={`${id}-heading`}>
    <h2 id={`${id}-heading`}>{title}</h2>
    {intro && <p class="hint section-intro">{intro}</p>}
    {children}
  </section>
);

/**
 * Links to the page's sections. They scroll and move the focus themselves: the app's router
 * takes same-origin links as page changes (and scrolls to the top).
 */
export const SectionLinks = ({ label, links }: { label: string; links: { id: string; title: string }[] }) => (
  <nav class="section-links" aria-label={label}>
    <ul>
      {links.map((link) => (
        <li>
          <a
            href={`#${link.id}`}
            onClick={(event) => {
              event.preventDefault();
              const target = document.getElementById(`${link.id}-heading`);
              target?.setAttribute('tabindex', '-1');
              target?.scrollIntoView({ block: 'start' });
              target?.focus({ preventScroll: true });
            }}
          >
            {link.title}
          </a>
        </li>
      ))}
    </ul>
  </nav>
);

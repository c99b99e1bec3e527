import type { TimelineEntry, TimelineEntryKind } from '../../../lib/domain/timeline-entry.js';
import type { Platform } from '../../../lib/domain/platform.js';
import { brandOf } from '../../../lib/mail/brands.js';
import type { Language } from '../../../lib/mail/i18n.js';
import type { MailContext } from '../../../lib/mail/render-mail.js';

/** Fixed contexts for the mail tests: fixed ids, dates and portal URLs, so snapshots hold still. */

export const portals: Record<Platform, string> = { azami: 'https://portal.azami.test', digimadi: 'https://portal.digimadi.test' };

const person = { actorType: 'person', actorId: 'user-jana', actorName: 'Jana Nováková', actorRole: 'client_admin' } as const;
const agent = { actorType: 'person', actorId: 'user-tomas', actorName: 'Tomáš Dvořák', actorRole: 'agent' } as const;
const system = { actorType: 'system', actorId: 'notifier', actorName: 'orderdesk notifier', actorRole: 'system' } as const;

/** One typical entry per kind, with the details its service writes. */
export const entries: Record<TimelineEntryKind, Partial<TimelineEntry>> = {
  request_created: { ...person, details: { type: 'defect', title: 'Oprava přihlášení přes Google' } },
  status_changed: { ...agent, details: { action: 'post_offer', from: 'clarifying', to: 'quoted' }, body: 'Cena 12 000 Kč bez DPH, hotovo do 14 dnů od přijetí.' },
  message: {
    ...person,
    format: 'markdown',
    body: 'Dobrý den,\n\npo **změně hesla** se přihlášení zasekne. Zkoušela jsem:\n\n- jiný prohlížeč\n- [nápovědu Googlu](https://support.google.com/accounts)\n\n> Fungovalo to do pátku.',
    attachmentIds: ['att-1', 'att-2'],
  },
  internal_note: { ...agent, visibility: 'agency', format: 'text', body: 'Klient má starou verzi aplikace.\nOvěřit v logu.' },
  attachment_added: { ...person, attachmentIds: ['att-3'], details: { fileName: 'snímek obrazovky.png', size: '1234567', contentType: 'image/png' } },
  participant_invited: { ...person, details: { userId: 'user-petr', email: 'petr.svoboda@example.cz', name: 'Petr Svoboda' } },
  participant_removed: { ...person, details: { userId: 'user-petr' } },
  rank_changed: { ...person, details: { from: '4', to: '1' } },
  assignee_changed: { ...agent, details: { from: 'user-eva', to: 'user-tomas', toName: 'Tomáš Dvořák' } },
  mail_undeliverable: { ...system, details: { email: 'petr.svoboda@example.cz', name: 'Petr Svoboda', reason: 'bounce' } },
};

export const queue = [
  { requestId: '2026-0042', title: 'Oprava přihlášení přes Google', position: 1 },
  { requestId: '2026-0038', title: 'Export faktur do Pohody', position: 2 },
  { requestId: '2026-0040', title: 'Nový e-shop', position: 3 },
  { requestId: '2026-0041', title: 'Úprava šablony objednávky', position: 4 },
];

export const contextFor = (kind: TimelineEntryKind, language: Language, platform: Platform, overrides: Partial<MailContext> = {}): MailContext => {
  const portal = portals[platform];
  return {
    entry: {
      entryId: 'entry-0001',
      requestId: '2026-0042',
      kind,
      visibility: 'all',
      createdAt: '2026-11-24T09:05:00.000Z',
      ...person,
      ...entries[kind],
    } as TimelineEntry,
    request: { requestId: '2026-0042', title: 'Oprava přihlášení přes Google', status: kind === 'status_changed' ? 'quoted' : 'in_progress', platform },
    recipient: { name: 'Petr Svoboda', language },
    brand: brandOf(platform, portal),
    links: {
      request: `${portal}/requests/2026-0042?link=open-token`,
      unsubscribe: `${portal}/mute?link=mute-token`,
      preferences: `${portal}/settings/mail`,
    },
    ...(kind === 'rank_changed' ? { queue, moved: 3, orgName: 'Acme s.r.o.' } : {}),
    ...overrides,
  };
};

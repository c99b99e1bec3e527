import { useWords, type Words } from '../../i18n.js';
import { Shell } from '../../ui/shell.js';
import { ParkedMailSection } from './parked-mail.js';
import { SuppressedAddressesSection } from './suppressed-addresses.js';
import './operations.css';

const words: Words<'title' | 'intro'> = {
  en: {
    title: 'Mail delivery',
    intro: 'Two things keep the Helpdesk’s mail from people: a mail SES would not take (parked, below, until you send it again) and an address that bounced or complained (suppressed, until you lift it).',
  },
  cs: {
    title: 'Doručování e-mailů',
    intro: 'E-maily Helpdesku se k lidem nedostanou ze dvou důvodů: e-mail, který SES nepřijal (odložený níže, dokud ho neodešlete znovu), a adresa, ze které se e-mail vrátil nebo si na něj stěžovala (blokovaná, dokud blokaci nezrušíte).',
  },
};

/** The agency's mail operations: parked mail to send again, and suppressed addresses to lift. */
export const MailOperations = () => {
  const t = useWords(words);
  return (
    <Shell current="mailOps">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <ParkedMailSection />
      <SuppressedAddressesSection />
    </Shell>
  );
};

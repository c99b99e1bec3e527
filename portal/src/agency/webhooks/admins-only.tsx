import { useWords, type Words } from '../../i18n.js';

const words: Words<'only'> = {
  en: { only: 'Webhooks are for the agency’s admins: they subscribe the platforms’ receivers to the requests’ events. Ask one of them if a platform should get something it doesn’t.' },
  cs: { only: 'Webhooky spravují správci agentury: přihlašují příjemce platforem k odběru událostí požadavků. Pokud má platforma dostávat něco, co nedostává, obraťte se na některého z nich.' },
};

/** What an agent reads on the webhook pages (the API refuses them anyway): whose they are. */
export const AdminsOnly = () => {
  const t = useWords(words);
  return <p class="notice hook-admins-only">{t('only')}</p>;
};

import { useWords, type Words } from '../i18n.js';
import { Shell } from '../ui/shell.js';

const words: Words<'title' | 'text' | 'back'> = {
  en: { title: 'No such page', text: 'The Helpdesk has no page at this address. Check the link, or go to your requests.', back: 'My requests' },
  cs: { title: 'Taková stránka není', text: 'Na této adrese Helpdesk žádnou stránku nemá. Zkontrolujte odkaz, nebo přejděte na své požadavky.', back: 'Moje požadavky' },
};

/** An address no page of the portal has (a mistyped or outdated link): said, not silently replaced by another page. */
export const NotFound = () => {
  const t = useWords(words);
  return (
    <Shell>
      <h1>{t('title')}</h1>
      <p>{t('text')}</p>
      <p>
        <a href="/">{t('back')}</a>
      </p>
    </Shell>
  );
};

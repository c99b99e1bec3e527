import type { Schemas } from '../api/client.js';
import { useWords, type Words } from '../i18n.js';
import './file-scan.css';

const words: Words<'pending' | 'infected' | 'infectedNamed' | 'failed'> = {
  en: { pending: 'Checking for malware…', infected: 'Malware found – removed', infectedNamed: 'Malware found – removed ({threat})', failed: 'Could not be checked' },
  cs: { pending: 'Kontroluji na malware…', infected: 'Nalezen malware – odstraněno', infectedNamed: 'Nalezen malware – odstraněno ({threat})', failed: 'Nešlo zkontrolovat' },
};

/** A file's malware check in words, for a file that is not clean: being checked, malware found (and its name), or not checkable. */
export const ScanBadge = ({ scan, threat }: { scan: Exclude<Schemas['Attachment']['scan'], 'clean'>; threat?: string | undefined }) => {
  const t = useWords(words);
  const text = scan === 'pending' ? t('pending') : scan === 'failed' ? t('failed') : threat ? t('infectedNamed', { threat }) : t('infected');
  return <span class={`scan-badge scan-${scan}`}>{text}</span>;
};

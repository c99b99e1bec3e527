import { useContext, useEffect, useId, useRef, useState } from 'preact/hooks';
import { AppContext } from '../../app-context.js';
import { useWords, type Words } from '../../i18n.js';
import { formatWhen } from '../../organisation/when.js';
import { previousSecretHours, retryHours, timeoutSeconds } from './webhook-limits.js';

const words: Words<
  | 'title'
  | 'created'
  | 'rotated'
  | 'once'
  | 'onceWhy'
  | 'secret'
  | 'copy'
  | 'copied'
  | 'selected'
  | 'verifyTitle'
  | 'verify'
  | 'headers'
  | 'answer'
  | 'done'
> = {
  en: {
    title: 'Signing secret: shown this once',
    created: 'The subscription is created. orderdesk signs every delivery to it with this secret.',
    rotated: 'A new secret is made. Until {when} every delivery is signed with the old one too, so your receiver keeps verifying while you switch it to this one.',
    once: 'Copy it now: it won’t be shown again.',
    onceWhy: 'orderdesk keeps it only encrypted, to sign with, and nobody can read it back. If it is lost, rotate it.',
    secret: 'Secret',
    copy: 'Copy the secret',
    copied: 'Copied to the clipboard.',
    selected: 'This browser does not let the page copy: the secret is selected, press Ctrl+C (⌘C on a Mac).',
    verifyTitle: 'How the receiver checks a delivery',
    verify:
      'Verify each delivery with a Standard Webhooks library (the {package} package for Node.js, Python, Go, PHP, Ruby, Java and more) and this secret: {verify} refuses a body orderdesk did not sign, or one older than 5 minutes. Verify the body exactly as it came, before parsing it.',
    headers: `Each delivery carries three headers: {id} (the event’s id, the same on every retry: skip one you already had), {timestamp} (when it was sent) and {signature} ({v1} and the signature; for ${previousSecretHours} hours after a rotation, two of them).`,
    answer: `Answer any 2xx within ${timeoutSeconds} seconds. Anything else (a redirect too) is tried again for ${retryHours} hours.`,
    done: 'I have stored it',
  },
  cs: {
    title: 'Podpisový klíč: zobrazí se jen teď',
    created: 'Odběr je vytvořený. orderdesk tímto klíčem podepisuje každé jeho doručení.',
    rotated: 'Vznikl nový klíč. Do {when} se každé doručení podepisuje i tím starým, takže příjemce doručení dál ověří, než ho přepnete na nový.',
    once: 'Zkopírujte si ho hned: znovu se už nezobrazí.',
    onceWhy: 'orderdesk ho uchovává jen zašifrovaný, aby jím podepisoval, a nikdo ho zpět nepřečte. Když se ztratí, vytvořte nový.',
    secret: 'Klíč',
    copy: 'Zkopírovat klíč',
    copied: 'Zkopírováno do schránky.',
    selected: 'Tento prohlížeč stránce kopírovat nedovolí: klíč je označený, stiskněte Ctrl+C (na Macu ⌘C).',
    verifyTitle: 'Jak příjemce doručení ověří',
    verify:
      'Každé doručení ověřte knihovnou Standard Webhooks (balíček {package} pro Node.js, Python, Go, PHP, Ruby, Javu a další) a tímto klíčem: {verify} odmítne tělo, které orderdesk nepodepsal nebo které je starší než 5 minut. Ověřujte tělo přesně tak, jak přišlo, ještě před jeho zpracováním.',
    headers: `Každé doručení nese tři hlavičky: {id} (id události, stejné při každém opakování: to, které už máte, přeskočte), {timestamp} (kdy bylo odesláno) a {signature} ({v1} a podpis; ${previousSecretHours} hodin po výměně klíče dva).`,
    answer: `Odpovězte jakýmkoli 2xx do ${timeoutSeconds} sekund. Cokoli jiného (i přesměrování) se zkouší znovu po dobu ${retryHours} hodin.`,
    done: 'Mám ho uložený',
  },
};

/** What a receiver's developer types, set as code in the sentences that name it (`{name}` in the words). */
const codes: Record<string, string> = {
  verify: 'new Webhook(secret).verify(body, headers)',
  package: 'standardwebhooks',
  id: 'webhook-id',
  timestamp: 'webhook-timestamp',
  signature: 'webhook-signature',
  v1: 'v1,',
};

const withCode = (sentence: string) => sentence.split(/\{(\w+)\}/).map((part, index) => (index % 2 === 1 ? <code>{codes[part] ?? part}</code> : part));

/** The secret the API answered once, and why it was: a subscription made, or its secret rotated (the old one signs until `previousValidUntil`). */
export interface ShownSecret {
  secret: string;
  previousValidUntil?: string;
}

/**
 * The signing secret, shown the one time the API answers it (on creation and rotation): said
 * plainly that it won't be again, with a Copy button (the clipboard, else the text selected to
 * copy by hand) and how a receiver verifies deliveries. It lives in the page's memory only: no
 * draft, no address, no storage holds it; "I have stored it" forgets it.
 */
export const SecretPanel = ({ shown, onDone }: { shown: ShownSecret; onDone: () => void }) => {
  const { language } = useContext(AppContext);
  const t = useWords(words);
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const value = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<'copied' | 'selected'>();
  useEffect(() => heading.current?.focus(), [shown.secret]);

  const select = () => {
    const selection = getSelection();
    if (value.current && selection) selection.selectAllChildren(value.current);
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(shown.secret);
      setCopied('copied');
    } catch {
      // No clipboard (an insecure origin, a refused permission): the text selected, to copy by hand.
      select();
      setCopied('selected');
    }
  };

  return (
    <section class="secret-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1} ref={heading}>
        {t('title')}
      </h2>
      <p>{shown.previousValidUntil ? t('rotated', { when: formatWhen(shown.previousValidUntil, language) }) : t('created')}</p>
      <p>
        <strong class="secret-once">{t('once')}</strong> {t('onceWhy')}
      </p>
      <p class="secret-row">
        <span class="secret-label">{t('secret')}</span>
        <code class="secret-value" ref={value} onClick={select}>
          {shown.secret}
        </code>
      </p>
      <div class="actions">
        <button type="button" class="primary" onClick={() => void copy()}>
          {t('copy')}
        </button>
        <span class="secret-copied" role="status">
          {copied ? t(copied) : ''}
        </span>
      </div>
      <details class="secret-verify" open>
        <summary>{t('verifyTitle')}</summary>
        <p>{withCode(t('verify'))}</p>
        <p>{withCode(t('headers'))}</p>
        <p>{t('answer')}</p>
        <p>
          <a href="https://www.standardwebhooks.com" rel="noopener noreferrer" target="_blank">
            standardwebhooks.com
          </a>
        </p>
      </details>
      <div class="actions">
        <button type="button" class="secondary" onClick={onDone}>
          {t('done')}
        </button>
      </div>
    </section>
  );
};

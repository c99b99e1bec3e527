import { useContext, useState } from 'preact/hooks';
import { brands } from '../../../lib/mail/brands.js';
import { AppContext } from '../app-context.js';
import { StepProblem, useCognitoStep } from '../auth/cognito-step.js';
import { useWords, type Words } from '../i18n.js';
import { navigate, useRoute } from '../router.js';
import { Field } from '../ui/field.js';
import { BrandMark, LanguageSwitch } from '../ui/shell.js';

const words: Words<'reset' | 'title' | 'email' | 'password' | 'signIn' | 'forgot' | 'newPasswordTitle' | 'newPasswordHelp' | 'newPassword' | 'save' | 'working' | 'helpdesk' | 'expired' | 'fromLink'> = {
  en: {
    reset: 'Your password is changed. Sign in with it.',
    title: 'Sign in',
    email: 'E-mail',
    password: 'Password',
    signIn: 'Sign in',
    forgot: 'Forgot your password?',
    newPasswordTitle: 'Choose your password',
    newPasswordHelp: 'This is your first sign-in: replace the temporary password from the invitation with one of your own.',
    newPassword: 'New password',
    save: 'Save and sign in',
    working: 'Signing in…',
    helpdesk: 'Helpdesk',
    expired: 'Your session has ended. Sign in again to go on where you were; what you typed is kept.',
    fromLink: 'The link from your e-mail was sent to {email}: sign in as {email} to open the request.',
  },
  cs: {
    reset: 'Heslo je změněno. Přihlaste se s ním.',
    title: 'Přihlášení',
    email: 'E-mail',
    password: 'Heslo',
    signIn: 'Přihlásit',
    forgot: 'Zapomněli jste heslo?',
    newPasswordTitle: 'Zvolte si heslo',
    newPasswordHelp: 'Přihlašujete se poprvé: nahraďte dočasné heslo z pozvánky svým vlastním.',
    newPassword: 'Nové heslo',
    save: 'Uložit a přihlásit',
    working: 'Přihlašuji…',
    helpdesk: 'Helpdesk',
    expired: 'Vaše přihlášení vypršelo. Přihlaste se znovu a pokračujte, kde jste skončili; co jste napsali, zůstává.',
    fromLink: 'Odkaz z vašeho e-mailu byl poslán na {email}: přihlaste se jako {email} a požadavek se otevře.',
  },
};

/** Password sign-in, and an invited person's first sign-in, which sets their own password. */
export const SignIn = () => {
  const app = useContext(AppContext);
  const t = useWords(words);
  const { query } = useRoute();
  const next = query.get('next');
  const [email, setEmail] = useState(query.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [challenge, setChallenge] = useState<string>();
  const [newPassword, setNewPassword] = useState('');
  const { problem, working, run } = useCognitoStep();
  const fromMail = query.get('from') === 'mail' ? query.get('email') : null;
  // Every page sends here with `?next=` without a session, a first visit too: only a session that
  // really ended in this browser (not signed out) is worth a word.
  const notice = !next ? undefined : fromMail ? t('fromLink', { email: fromMail }) : app.session.ended() ? t('expired') : undefined;

  const finish = (result: Awaited<ReturnType<typeof app.cognito.signIn>>) => {
    if ('newPasswordRequired' in result) return setChallenge(result.newPasswordRequired.session);
    app.session.start(result.tokens);
    // Back to where the person was (a path of this app only), else their requests.
    navigate(next?.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
  };

  return (
    <main id="main" class="sign-in">
      <div class="card">
        <div class="card-top">
          <p class="brand">
            <BrandMark /> {brands[app.brand].name} <span class="muted">{t('helpdesk')}</span>
          </p>
          <LanguageSwitch />
        </div>
        {notice && !challenge && <p class="notice">{notice}</p>}
        {query.get('reset') && !challenge && (
          <p class="notice" role="status">
            {t('reset')}
          </p>
        )}
        {!challenge ? (
          <form onSubmit={(event) => run(event, async () => finish(await app.cognito.signIn(email.trim(), password)), 'sign-in')}>
            <h1>{t('title')}</h1>
            <Field label={t('email')}>
              {(props) => <input {...props} type="email" autocomplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />}
            </Field>
            <Field label={t('password')}>
              {(props) => <input {...props} type="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />}
            </Field>
            <StepProblem text={problem} />
            <button type="submit" class="primary" disabled={working}>
              {working ? t('working') : t('signIn')}
            </button>
            <p>
              <a href={`/forgot-password${email ? `?email=${encodeURIComponent(email)}` : ''}`}>{t('forgot')}</a>
            </p>
          </form>
        ) : (
          <form onSubmit={(event) => run(event, async () => finish(await app.cognito.setNewPassword(email.trim(), challenge, newPassword)), 'new-password')}>
            <h1>{t('newPasswordTitle')}</h1>
            <p>{t('newPasswordHelp')}</p>
            <Field label={t('newPassword')}>
              {(props) => <input {...props} type="password" autocomplete="new-password" required minLength={12} value={newPassword} onInput={(e) => setNewPassword(e.currentTarget.value)} />}
            </Field>
            <StepProblem text={problem} />
            <button type="submit" class="primary" disabled={working}>
              {working ? t('working') : t('save')}
            </button>
          </form>
        )}
      </div>
    </main>
  );
};

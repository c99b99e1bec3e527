import { useContext, useState } from 'preact/hooks';
import { AppContext } from '../app-context.js';
import { StepProblem, useCognitoStep } from '../auth/cognito-step.js';
import { useWords, type Words } from '../i18n.js';
import { navigate, useRoute } from '../router.js';
import { Field } from '../ui/field.js';
import { LanguageSwitch } from '../ui/shell.js';

const words: Words<'title' | 'help' | 'email' | 'send' | 'sent' | 'code' | 'newPassword' | 'save' | 'back' | 'working'> = {
  en: {
    title: 'Reset your password',
    help: 'We mail you a code. Type it here with your new password.',
    email: 'E-mail',
    send: 'Send the code',
    sent: 'If {email} has an account, a code is on its way there. It works for one hour.',
    code: 'Code from the mail',
    newPassword: 'New password',
    save: 'Save the new password',
    back: 'Back to sign-in',
    working: 'Working…',
  },
  cs: {
    title: 'Obnovení hesla',
    help: 'Pošleme vám e-mailem kód. Zadejte ho sem spolu s novým heslem.',
    email: 'E-mail',
    send: 'Poslat kód',
    sent: 'Pokud má {email} účet, kód je na cestě. Platí jednu hodinu.',
    code: 'Kód z e-mailu',
    newPassword: 'Nové heslo',
    save: 'Uložit nové heslo',
    back: 'Zpět na přihlášení',
    working: 'Pracuji…',
  },
};

/** Forgot password: Cognito mails a code (locally into the mail inbox), which sets a new password. */
export const ForgotPassword = () => {
  const app = useContext(AppContext);
  const t = useWords(words);
  const { query } = useRoute();
  const [email, setEmail] = useState(query.get('email') ?? '');
  const [codeSent, setCodeSent] = useState(false);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const { problem, working, run } = useCognitoStep();


  return (
    <main id="main" class="sign-in">
      <div class="card">
        <div class="card-top">
          <h1>{t('title')}</h1>
          <LanguageSwitch />
        </div>
        {!codeSent ? (
          <form onSubmit={(event) => run(event, async () => (await app.cognito.forgotPassword(email.trim()), setCodeSent(true)), 'new-password')}>
            <p>{t('help')}</p>
            <Field label={t('email')}>
              {(props) => <input {...props} type="email" autocomplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />}
            </Field>
            <StepProblem text={problem} />
            <button type="submit" class="primary" disabled={working}>
              {working ? t('working') : t('send')}
            </button>
          </form>
        ) : (
          <form
            onSubmit={(event) =>
              run(
                event,
                async () => {
                  await app.cognito.confirmForgotPassword(email.trim(), code.trim(), password);
                  navigate(`/sign-in?email=${encodeURIComponent(email.trim())}&reset=1`, { replace: true });
                },
                'new-password',
              )
            }
          >
            <p role="status">{t('sent', { email })}</p>
            <Field label={t('code')}>
              {(props) => <input {...props} inputMode="numeric" autocomplete="one-time-code" required value={code} onInput={(e) => setCode(e.currentTarget.value)} />}
            </Field>
            <Field label={t('newPassword')}>
              {(props) => <input {...props} type="password" autocomplete="new-password" required minLength={12} value={password} onInput={(e) => setPassword(e.currentTarget.value)} />}
            </Field>
            <StepProblem text={problem} />
            <button type="submit" class="primary" disabled={working}>
              {working ? t('working') : t('save')}
            </button>
          </form>
        )}
        <p>
          <a href="/sign-in">{t('back')}</a>
        </p>
      </div>
    </main>
  );
};

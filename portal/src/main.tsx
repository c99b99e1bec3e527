import { render } from 'preact';
import { brands } from '../../lib/mail/brands.js';
import { App } from './app.js';
import { cognitoApi } from './auth/cognito.js';
import { createSession } from './auth/session.js';
import { brandFor, loadConfig } from './config.js';
import './styles.css';

const start = async () => {
  const root = document.getElementById('app')!;
  try {
    const config = await loadConfig();
    const brand = brandFor(config, location, sessionStorage);
    // The brand's colours as CSS variables (set through the CSSOM, which the CSP allows; no inline style).
    const { colors, name } = brands[brand];
    const style = document.documentElement.style;
    style.setProperty('--primary', colors.primary);
    style.setProperty('--accent', colors.accent);
    style.setProperty('--text', colors.text);
    style.setProperty('--background', colors.background);
    document.documentElement.dataset.brand = brand;
    document.title = `${name} Helpdesk`;
    const cognito = cognitoApi(config.cognito.endpoint, config.brands[brand].clientId);
    const session = createSession(cognito, localStorage);
    render(<App config={config} brand={brand} cognito={cognito} session={session} />, root);
  } catch (error) {
    root.textContent = `The Helpdesk could not start: ${error instanceof Error ? error.message : String(error)}`;
  }
};

void start();

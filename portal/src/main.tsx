import { render } from 'preact';
import { brands } from '../../lib/mail/brands.js';
import { App } from './app.js';
import { cognitoApi } from './auth/cognito.js';
import { applyBrandColours } from './ui/brand-colours.js';
import { createSession } from './auth/session.js';
import { brandFor, loadConfig } from './config.js';
import './styles.css';

const start = async () => {
  const root = document.getElementById('app')!;
  try {
    const config = await loadConfig();
    const brand = brandFor(config, location, sessionStorage);
    applyBrandColours(document.documentElement.style, brand);
    const { name } = brands[brand];
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

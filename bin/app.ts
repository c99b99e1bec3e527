import { buildApp } from '../infra/orderdesk-app.js';

buildApp().app.synth();

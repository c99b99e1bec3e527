/** A complete production context: every field a prod synth requires (infra/stage-config.ts, `requiredInProd`). */
export const prodContext: Record<string, string> = {
  stage: 'prod',
  mailFrom: 'helpdesk@agency.example',
  portalOrigins: 'https://helpdesk.azami.example,https://helpdesk.digimadi.example',
  portalUrls: 'azami=https://helpdesk.azami.example,digimadi=https://helpdesk.digimadi.example',
  inboundDomain: 'reply.agency.example',
  supplier: JSON.stringify({
    name: 'Agentura s.r.o.',
    ico: '25596641',
    address: { street: 'Vodičkova 1', city: 'Praha', postalCode: '110 00', country: 'CZ' },
    iban: 'CZ6508000000192000145399',
  }),
  alarmEmail: 'ops@agency.example',
};

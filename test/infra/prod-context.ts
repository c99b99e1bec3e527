/** A complete production context: every field a prod synth requires (infra/stage-config.ts, `requiredInProd`). */
export const prodContext: Record<string, string> = {
  stage: 'prod',
  mailFrom: 'helpdesk@agency.example',
  // The portal at a domain per brand; its origins and mail links derive from them.
  portalDomains: 'azami=helpdesk.azami.example,digimadi=helpdesk.digimadi.example',
  portalCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  inboundDomain: 'reply.agency.example',
  supplier: JSON.stringify({
    name: 'Agentura s.r.o.',
    ico: '25596641',
    address: { street: 'Vodičkova 1', city: 'Praha', postalCode: '110 00', country: 'CZ' },
    iban: 'CZ6508000000192000145399',
  }),
  alarmEmail: 'ops@agency.example',
};

import { CognitoError } from './cognito.js';
import type { Language, Words } from '../words.js';

const words: Words<'credentials' | 'deactivated' | 'invitationExpired' | 'code' | 'expiredCode' | 'password' | 'limit' | 'network' | 'other'> = {
  en: {
    credentials: 'That e-mail and password do not match. Check both, or reset your password.',
    deactivated: 'Your access has been deactivated. Ask your organisation’s admin (or the agency) to reactivate it.',
    invitationExpired: 'Your invitation has expired. Ask whoever invited you to send it again.',
    code: 'That code is not the one we sent. Check the mail and type it again.',
    expiredCode: 'That code has expired. Ask for a new one.',
    password: 'Choose a longer password: at least 12 characters, with upper and lower case letters and a digit.',
    limit: 'Too many attempts. Wait a few minutes and try again.',
    network: 'The sign-in service cannot be reached. Check your connection and try again.',
    other: 'Signing in did not work ({code}). Try again.',
  },
  cs: {
    credentials: 'E-mail a heslo k sobě nesedí. Zkontrolujte obojí, nebo si heslo obnovte.',
    deactivated: 'Váš přístup byl zrušen. Požádejte správce své organizace (nebo agenturu), aby ho obnovil.',
    invitationExpired: 'Platnost pozvánky vypršela. Požádejte toho, kdo vás pozval, aby ji poslal znovu.',
    code: 'Tohle není kód, který jsme poslali. Zkontrolujte e-mail a zadejte ho znovu.',
    expiredCode: 'Platnost kódu vypršela. Požádejte o nový.',
    password: 'Zvolte delší heslo: aspoň 12 znaků, velká i malá písmena a číslici.',
    limit: 'Příliš mnoho pokusů. Počkejte pár minut a zkuste to znovu.',
    network: 'Přihlašovací služba je nedostupná. Zkontrolujte připojení a zkuste to znovu.',
    other: 'Přihlášení se nepovedlo ({code}). Zkuste to znovu.',
  },
};

/**
 * Cognito's refusal as a sentence in the person's language. `during` tells a wrong password
 * (signing in: an InvalidPasswordException there is a wrong one) from one the policy refuses
 * (choosing a new one). Cognito tells a disabled login and an expired temporary password only by
 * the NotAuthorizedException's message (it checks the password first, so nobody learns either
 * without the right one).
 */
export const cognitoSentence = (error: unknown, language: Language, during: 'sign-in' | 'new-password'): string => {
  const table = words[language];
  const code = error instanceof CognitoError ? error.code : 'Unknown';
  if (during === 'sign-in' && code === 'InvalidPasswordException') return table.credentials;
  switch (code) {
    case 'NotAuthorizedException':
      if (error instanceof CognitoError && /disabled/i.test(error.message)) return table.deactivated;
      if (error instanceof CognitoError && /temporary password has expired/i.test(error.message)) return table.invitationExpired;
      return table.credentials;
    case 'UserNotFoundException':
      return table.credentials;
    case 'CodeMismatchException':
      return table.code;
    case 'ExpiredCodeException':
      return table.expiredCode;
    case 'InvalidPasswordException':
    case 'InvalidParameterException':
      return table.password;
    case 'LimitExceededException':
    case 'TooManyRequestsException':
    case 'TooManyFailedAttemptsException':
      return table.limit;
    case 'NetworkError':
      return table.network;
    default:
      return table.other.replace('{code}', code);
  }
};

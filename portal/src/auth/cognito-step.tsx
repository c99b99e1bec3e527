import { useContext, useState } from 'preact/hooks';
import { AppContext } from '../app-context.js';
import { cognitoSentence } from './cognito-words.js';

/**
 * A form's call to Cognito (sign in, set a password, ask for or use a code): working while it
 * runs, and its refusal as a sentence in the person's language. What was typed stays in the form.
 */
export const useCognitoStep = () => {
  const { language } = useContext(AppContext);
  const [problem, setProblem] = useState<string>();
  const [working, setWorking] = useState(false);
  const run = async (event: Event, work: () => Promise<void>, during: 'sign-in' | 'new-password') => {
    event.preventDefault();
    setWorking(true);
    setProblem(undefined);
    try {
      await work();
    } catch (error) {
      setProblem(cognitoSentence(error, language, during));
    } finally {
      setWorking(false);
    }
  };
  return { problem, working, run };
};

/** The refusal under a sign-in form, announced to screen readers. */
export const StepProblem = ({ text }: { text: string | undefined }) =>
  text ? (
    <p class="problem" role="alert">
      {text}
    </p>
  ) : null;

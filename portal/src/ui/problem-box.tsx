import { useContext } from 'preact/hooks';
import type { ApiProblem } from '../api/client.js';
import { AppContext } from '../app-context.js';
import { sentenceOf } from '../problems.js';

/** A refusal shown as a sentence in the person's language, announced to screen readers. */
export const ProblemBox = ({ problem }: { problem: ApiProblem | undefined }) => {
  const { language } = useContext(AppContext);
  if (!problem) return null;
  const { sentence, details, detailsLabel } = sentenceOf(problem, language);
  return (
    <div class="problem" role="alert" data-status={problem.status}>
      <p>{sentence}</p>
      {details && (
        <details>
          <summary>{detailsLabel}</summary>
          <p lang="en">{details}</p>
        </details>
      )}
    </div>
  );
};

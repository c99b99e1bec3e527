import { useContext, useState } from 'preact/hooks';
import { ApiRefusal, must, type ApiProblem } from '../api/client.js';
import { AppContext } from '../app-context.js';
import { useWords, type Words } from '../i18n.js';
import { sentenceOf } from '../problems.js';
import { formatSize } from './file-upload.js';

const words: Words<'download' | 'downloadOf' | 'opening' | 'files'> = {
  en: { download: 'Download', downloadOf: 'Download {name}', opening: 'Opening…', files: 'Attached files' },
  cs: { download: 'Stáhnout', downloadOf: 'Stáhnout {name}', opening: 'Otevírám…', files: 'Přiložené soubory' },
};

export interface ListedFile {
  attachmentId: string;
  fileName: string;
  size?: number;
}

/**
 * A request's files with a download button each. A download link lives 60 seconds, so it is asked
 * for on the click, then followed: the bucket answers it as an attachment, so the browser saves
 * the file and the page stays.
 */
export const AttachmentList = ({ requestId, files }: { requestId: string; files: readonly ListedFile[] }) => {
  const { api, language } = useContext(AppContext);
  const t = useWords(words);
  const [opening, setOpening] = useState<string>();
  const [problems, setProblems] = useState<Record<string, ApiProblem>>({});

  const download = async (file: ListedFile) => {
    setOpening(file.attachmentId);
    setProblems(({ [file.attachmentId]: _, ...rest }) => rest);
    try {
      const link = await must(api.GET('/requests/{requestId}/attachments/{attachmentId}', { params: { path: { requestId, attachmentId: file.attachmentId } } }));
      const anchor = document.createElement('a');
      anchor.href = link.url;
      anchor.rel = 'noopener';
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
    } catch (error) {
      if (!(error instanceof ApiRefusal)) throw error;
      setProblems((before) => ({ ...before, [file.attachmentId]: error.problem }));
    } finally {
      setOpening(undefined);
    }
  };

  if (files.length === 0) return null;
  return (
    <ul class="attachments" aria-label={t('files')}>
      {files.map((file) => {
        const problem = problems[file.attachmentId];
        return (
          <li key={file.attachmentId} class="attachment">
            <span class="file-name">{file.fileName}</span>
            {file.size !== undefined && <span class="file-size">{formatSize(file.size, language)}</span>}
            <button type="button" class="secondary small" aria-label={t('downloadOf', { name: file.fileName })} disabled={opening === file.attachmentId} onClick={() => void download(file)}>
              {opening === file.attachmentId ? t('opening') : t('download')}
            </button>
            {problem && (
              <p class="file-problem" role="alert">
                {sentenceOf(problem, language).sentence}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
};

import { useContext, useState } from 'preact/hooks';
import { ApiRefusal, must, type ApiProblem, type Schemas } from '../api/client.js';
import { AppContext } from '../app-context.js';
import { useWords, type Words } from '../i18n.js';
import { sentenceOf } from '../problems.js';
import { formatSize } from './file-upload.js';
import { ScanBadge } from './scan-badge.js';

const words: Words<'download' | 'downloadOf' | 'opening' | 'files' | 'notClean'> = {
  en: {
    download: 'Download',
    downloadOf: 'Download {name}',
    opening: 'Opening…',
    files: 'Attached files',
    notClean: 'This file can’t be opened now: it has not passed the malware check. Its state shows here once the page reads it again.',
  },
  cs: {
    download: 'Stáhnout',
    downloadOf: 'Stáhnout {name}',
    opening: 'Otevírám…',
    files: 'Přiložené soubory',
    notClean: 'Soubor teď nelze otevřít: neprošel kontrolou na malware. Jeho stav se tu ukáže, jakmile stránka načte údaje znovu.',
  },
};

export interface ListedFile {
  attachmentId: string;
  fileName: string;
  size?: number;
  /** The malware check as the request's files list says; unknown (not read yet, or not listed): no download is offered. */
  scan?: Schemas['Attachment']['scan'];
  threat?: string;
}

/** A file of the request's list as `AttachmentList` shows it. */
export const listedFile = (file: Pick<Schemas['Attachment'], 'attachmentId' | 'fileName' | 'size' | 'scan' | 'threat'>): ListedFile => ({
  attachmentId: file.attachmentId,
  fileName: file.fileName,
  size: file.size,
  scan: file.scan,
  ...(file.threat ? { threat: file.threat } : {}),
});

/**
 * A request's files. Only a file the malware check found clean has a download button; any other
 * shows its state in words ("Checking for malware…", "Malware found – removed", "Could not be
 * checked"), read again with the page's live refresh. A download link lives 60 seconds, so it is
 * asked for on the click, then followed: the bucket answers it as an attachment, so the browser
 * saves the file and the page stays. `onChanged`: the API said the file is not clean after all,
 * so the page's list is stale.
 */
export const AttachmentList = ({ requestId, files, onChanged }: { requestId: string; files: readonly ListedFile[]; onChanged?: () => unknown }) => {
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
      if (error.problem.status === 409) void onChanged?.();
    } finally {
      setOpening(undefined);
    }
  };

  if (files.length === 0) return null;
  return (
    <ul class="attachments" aria-label={t('files')}>
      {files.map((file) => {
        const problem = problems[file.attachmentId];
        const blocked = file.scan === 'infected' || file.scan === 'failed';
        return (
          <li key={file.attachmentId} class={blocked ? 'attachment attachment-blocked' : 'attachment'}>
            <span class="file-name">{file.fileName}</span>
            {file.size !== undefined && <span class="file-size">{formatSize(file.size, language)}</span>}
            {file.scan === 'clean' ? (
              <button type="button" class="secondary small" aria-label={t('downloadOf', { name: file.fileName })} disabled={opening === file.attachmentId} onClick={() => void download(file)}>
                {opening === file.attachmentId ? t('opening') : t('download')}
              </button>
            ) : (
              file.scan && <ScanBadge scan={file.scan} threat={file.threat} />
            )}
            {problem && (
              <p class="file-problem" role="alert">
                {problem.status === 409 ? t('notClean') : sentenceOf(problem, language).sentence}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
};

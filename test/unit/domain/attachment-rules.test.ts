import { describe, expect, it } from 'vitest';
import { AttachmentContentType, attachmentKey, attachmentPrefix, sanitizeFileName, uploadKey, uploadPrefix } from '../../../lib/domain/attachment-rules.js';

describe('attachment file names', () => {
  it.each([
    ['smlouva.pdf', 'smlouva.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\jana\\Přehled nákladů.xlsx', 'Přehled nákladů.xlsx'],
    ['a\u0000b\u202Ec.txt', 'abc.txt'],
    ['  .hidden  ', 'hidden'],
    ['what?<is>this*.png', 'whatisthis.png'],
    ['', 'file'],
    ['...', 'file'],
    ['tab\tand\nnewline.txt', 'tabandnewline.txt'],
  ])('makes %j safe as %j', (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });

  it('keeps the extension when it shortens a long name', () => {
    const name = sanitizeFileName(`${'dlouhý '.repeat(40)}název.docx`);
    expect(name.length).toBeLessThanOrEqual(150);
    expect(name.endsWith('.docx')).toBe(true);
  });

  it('composes decomposed Czech letters', () => {
    expect(sanitizeFileName('c\u030Cerveny\u0301.pdf')).toBe('červený.pdf');
  });
});

describe('attachment types and keys', () => {
  it('allows office documents and images but not HTML, SVG or executables', () => {
    expect(AttachmentContentType.safeParse('application/pdf').success).toBe(true);
    for (const type of ['text/html', 'image/svg+xml', 'application/x-msdownload', 'application/octet-stream']) {
      expect(AttachmentContentType.safeParse(type).success, type).toBe(false);
    }
  });

  it('lays keys out by organisation and request', () => {
    expect(attachmentKey('org-1', '2026-0042', 'att-1', 'a.pdf')).toBe('orgs/org-1/requests/2026-0042/attachments/att-1/a.pdf');
  });

  it('keeps uploads and confirmed files under separate prefixes, the upload key without the file name', () => {
    const attachment = { orgId: 'org-1', requestId: '2026-0042', attachmentId: 'att-1' };
    expect(uploadKey(attachment)).toBe('uploads/org-1/2026-0042/att-1');
    expect(uploadKey(attachment).startsWith(uploadPrefix)).toBe(true);
    expect(attachmentKey('org-1', '2026-0042', 'att-1', 'uploads.pdf').startsWith(attachmentPrefix)).toBe(true);
    expect(uploadPrefix.startsWith(attachmentPrefix) || attachmentPrefix.startsWith(uploadPrefix)).toBe(false);
  });
});

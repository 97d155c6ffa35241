import { describe, expect, it } from 'vitest';
import { fileTypeLabel, formatSize } from './format-size';

describe('formatSize', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [1024, '1 KB'],
    [14_600, '14 KB'],
    [3.4 * 1024 * 1024, '3.4 MB'],
    [20 * 1024 * 1024, '20 MB'],
  ])('%d bytes → %s', (bytes, text) => {
    expect(formatSize(bytes)).toBe(text);
  });
});

describe('fileTypeLabel', () => {
  it('uses the extension, else the MIME subtype', () => {
    expect(fileTypeLabel('report.pdf', 'application/pdf')).toBe('PDF');
    expect(fileTypeLabel('notes', 'text/plain')).toBe('PLAIN');
    expect(fileTypeLabel('blob', 'application/octet-stream')).toBe('File');
  });
});

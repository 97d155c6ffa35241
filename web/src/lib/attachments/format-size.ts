import { createFormatters } from '@/lib/formatters';
import { currentLanguage, i18n } from '@/lib/i18n';

/** A file size for people, in the interface language: 512 B, 14 KB, 3.4 MB (3,4 МБ). */
export function formatSize(bytes: number): string {
  return createFormatters({ language: currentLanguage() }).size(bytes);
}

/** A short type label for a file chip: PDF, ZIP, TXT… from the name, else the MIME type. */
export function fileTypeLabel(filename: string, contentType: string): string {
  const dot = filename.lastIndexOf('.');
  const extension = dot > 0 ? filename.slice(dot + 1) : '';
  if (/^[a-z0-9]{1,5}$/i.test(extension)) return extension.toUpperCase();
  const subtype = contentType.split('/')[1]?.split(/[;+.-]/)[0] ?? '';
  if (subtype !== '' && subtype !== 'octet') return subtype.toUpperCase();
  return i18n.t('common:files.file');
}

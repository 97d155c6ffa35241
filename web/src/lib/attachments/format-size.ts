/** A file size for people: 512 B, 14 KB, 3.4 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const megabytes = bytes / (1024 * 1024);
  return `${megabytes < 10 ? megabytes.toFixed(1) : Math.round(megabytes)} MB`;
}

/** A short type label for a file chip: PDF, ZIP, TXT… from the name, else the MIME type. */
export function fileTypeLabel(filename: string, contentType: string): string {
  const dot = filename.lastIndexOf('.');
  const extension = dot > 0 ? filename.slice(dot + 1) : '';
  if (/^[a-z0-9]{1,5}$/i.test(extension)) return extension.toUpperCase();
  const subtype = contentType.split('/')[1]?.split(/[;+.-]/)[0] ?? '';
  if (subtype !== '' && subtype !== 'octet') return subtype.toUpperCase();
  return 'File';
}

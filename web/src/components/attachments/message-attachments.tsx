import type { Attachment } from '@/lib/attachments/attachment-schema';
import { fileTypeLabel } from '@/lib/attachments/format-size';
import { useFormatters } from '@/lib/formatters';
import { useTranslation } from '@/lib/i18n';
import styles from './message-attachments.module.css';

/**
 * A message's files: images as thumbnails that open full size in a new tab,
 * other files as download chips with their type and size.
 */
export interface MessageAttachmentsProps {
  attachments: readonly Attachment[];
  /** A thumbnail finished loading (the message grew taller). */
  onImageLoad?: (() => void) | undefined;
}

export function MessageAttachments({ attachments, onImageLoad }: MessageAttachmentsProps) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  if (attachments.length === 0) return null;
  const images = attachments.filter((file) => file.is_image && file.thumbnail_url);
  const files = attachments.filter((file) => !(file.is_image && file.thumbnail_url));
  return (
    <div className={styles.attachments}>
      {images.length > 0 ? (
        <ul className={styles.images} aria-label={t('files.images')}>
          {images.map((file) => (
            <li key={file.id}>
              <a
                className={styles.thumbnail}
                href={file.url}
                target="_blank"
                rel="noreferrer"
                aria-label={t('files.open', { name: file.filename })}
                title={`${file.filename} · ${fmt.size(file.size)}`}
              >
                <img src={file.thumbnail_url ?? file.url} alt={file.filename} onLoad={onImageLoad} />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {files.length > 0 ? (
        <ul className={styles.files} aria-label={t('files.files')}>
          {files.map((file) => {
            const type = fileTypeLabel(file.filename, file.content_type);
            return (
              <li key={file.id}>
                <a
                  className={styles.file}
                  href={file.url}
                  download={file.filename}
                  aria-label={t('files.download', { name: file.filename, type, size: fmt.size(file.size) })}
                >
                  <span className={styles.fileType}>{type}</span>
                  <span className={styles.fileName}>{file.filename}</span>
                  <span className={styles.size}>{fmt.size(file.size)}</span>
                </a>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

import type { ReactNode } from 'react';
import { ButtonLink } from '@/components/ui/button-link';
import { ErrorBoundary } from '@/components/ui/error-boundary';
import { paths } from '@/config/paths';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useTranslation } from '@/lib/i18n';
import type { SupportViewer } from '../utils/viewer';
import { TicketList } from './ticket-list';
import styles from './support-workspace.module.css';

/**
 * What the workspace shows besides the list:
 * - `list`: nothing chosen yet (phones show only the list);
 * - `ticket`: a ticket's chat, filling the screen with its composer at the bottom;
 * - `page`: a document beside the list (the help); on phones it scrolls with the page;
 * - `wide`: a form without the list (New ticket), scrolling with the page.
 */
export type SupportView = 'list' | 'ticket' | 'page' | 'wide';

export interface SupportWorkspaceProps {
  viewer: SupportViewer;
  view: SupportView;
  selectedTicketId: number | null;
  /** The pane: the selected ticket, the help, or the New ticket form. */
  children: ReactNode;
  /** Changes with the address, so a crashed pane recovers on navigation. */
  paneKey: string;
}

/** The Support section: tickets on the left, the open ticket's chat on the right. */
export function SupportWorkspace({ viewer, view, selectedTicketId, children, paneKey }: SupportWorkspaceProps) {
  const { t } = useTranslation('support');
  const title = viewer.isStaff ? t('staffTitle') : t('title');
  useDocumentTitle(title);
  return (
    <div className={styles.page} data-view={view}>
      <header className={styles.header}>
        <div className={styles.heading}>
          <h1 className={styles.title}>{title}</h1>
          <p className={styles.description}>
            {viewer.isStaff ? t('staffDescription') : t('description')}
          </p>
        </div>
        {viewer.isStaff ? null : (
          <div className={styles.actions}>
            <ButtonLink to={paths.supportHelp} variant="ghost">
              {t('help')}
            </ButtonLink>
            <ButtonLink to={paths.supportNew}>{t('newTicket')}</ButtonLink>
          </div>
        )}
      </header>
      <div className={styles.workspace}>
        <div className={styles.listColumn}>
          <ErrorBoundary title={t('crash.list')}>
            <TicketList viewer={viewer} selectedId={selectedTicketId} />
          </ErrorBoundary>
        </div>
        <div className={styles.pane}>
          <ErrorBoundary title={t('crash.pane')} resetKey={paneKey}>
            {children}
          </ErrorBoundary>
        </div>
      </div>
    </div>
  );
}

import { Fragment, useMemo } from 'react';
import { Link } from 'react-router';
import { ticketPath } from '@/config/paths';
import { splitBody } from '../utils/references';
import styles from './message-list.module.css';

export interface MessageBodyProps {
  body: string;
  /** Ticket ids the reader may open; only these `#<id>` become links. */
  references: readonly number[];
}

/** A message's plain text, line breaks kept, with `#<id>` links to tickets. */
export function MessageBody({ body, references }: MessageBodyProps) {
  const segments = useMemo(() => splitBody(body, references), [body, references]);
  return (
    <p className={styles.body}>
      {segments.map((segment, index) =>
        segment.kind === 'ticket' ? (
          <Link key={index} to={ticketPath(segment.ticketId)}>
            {segment.text}
          </Link>
        ) : (
          <Fragment key={index}>{segment.text}</Fragment>
        ),
      )}
    </p>
  );
}

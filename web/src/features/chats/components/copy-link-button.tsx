import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { useTranslation } from '@/lib/i18n';
import { absoluteChatUrl } from '../utils/absolute-url';

/** Copies the chat's absolute address, the link a customer pastes into a support ticket. */
export function CopyLinkButton({ url }: { url: string }) {
  const { t } = useTranslation('chats');
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const href = absoluteChatUrl(url);

  useEffect(() => {
    if (state === 'idle') return undefined;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = () => {
    const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
    if (!clipboard) {
      setState('failed');
      return;
    }
    clipboard.writeText(href).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };

  return (
    <span>
      <Button variant="secondary" onClick={copy} aria-describedby={undefined}>
        {state === 'copied' ? t('copy.copied') : t('copy.button')}
      </Button>
      <span role="status" className="visually-hidden">
        {state === 'copied'
          ? t('copy.copiedStatus', { href })
          : state === 'failed'
            ? t('copy.failedStatus', { href })
            : ''}
      </span>
      {state === 'failed' ? <span> {href}</span> : null}
    </span>
  );
}

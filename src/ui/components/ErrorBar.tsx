import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { DismissRegular } from '@fluentui/react-icons';
import { usePanel } from '../context';
import { render } from '../../core/messages/message';
import type { Shown } from '../hooks/useBusy';

function useShown(): (shown: Shown) => string {
  const { language } = usePanel();
  return (shown) => (typeof shown === 'string' ? shown : render(shown, language));
}

/** A failed action, in words, until the user dismisses it or tries again. */
export function ErrorBar({ error, onDismiss }: { error: Shown | null; onDismiss?: () => void }) {
  const { t } = usePanel();
  const text = useShown();
  if (!error) return null;
  return (
    <MessageBar intent="error" data-testid="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('common.errorTitle')}</MessageBarTitle>
        {text(error)}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions
          containerAction={<Button appearance="transparent" size="small" aria-label={t('common.close')} icon={<DismissRegular />} onClick={onDismiss} />}
        />
      )}
    </MessageBar>
  );
}

/** A short confirmation of what just happened. */
export function DoneBar({ message, testId, children }: { message: Shown | null; testId: string; children?: ReactNode }) {
  const text = useShown();
  if (!message) return null;
  return (
    <MessageBar intent="success" data-testid={testId} layout="multiline">
      <MessageBarBody>{text(message)}</MessageBarBody>
      {children && <MessageBarActions>{children}</MessageBarActions>}
    </MessageBar>
  );
}

/** Something done that the user must know about: it did not do all they may expect. */
export function WarningBar({ message, testId }: { message: string; testId: string }) {
  return (
    <MessageBar intent="warning" data-testid={testId} layout="multiline">
      <MessageBarBody>{message}</MessageBarBody>
    </MessageBar>
  );
}

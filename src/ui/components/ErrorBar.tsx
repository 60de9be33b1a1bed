import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { DismissRegular } from '@fluentui/react-icons';
import { usePanel } from '../context';

/** A failed action, in words, until the user dismisses it or tries again. */
export function ErrorBar({ error, onDismiss }: { error: string | null; onDismiss?: () => void }) {
  const { t } = usePanel();
  if (!error) return null;
  return (
    <MessageBar intent="error" data-testid="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('common.errorTitle')}</MessageBarTitle>
        {error}
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
export function DoneBar({ message, testId, children }: { message: string | null; testId: string; children?: ReactNode }) {
  if (!message) return null;
  return (
    <MessageBar intent="success" data-testid={testId} layout="multiline">
      <MessageBarBody>{message}</MessageBarBody>
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

import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Card, mergeClasses, Radio, RadioGroup, Text } from '@fluentui/react-components';
import type { DuplicateGroupView, DuplicateGroupsView, DuplicateMember, MergeResult } from '../../actions/panel';
import { render, type Message } from '../../core/messages/message';
import { usePanel } from '../context';
import { useBusy } from '../hooks/useBusy';
import { useRemembered } from '../hooks/useRemembered';
import { DoneBar, ErrorBar } from '../components/ErrorBar';
import { formatNumber } from '../format';
import { useLayout } from '../styles';

/**
 * Groups listed at first, and added by each «Показать ещё». A base of 20,000 clients has hundreds of groups
 * and more shared contacts; drawn all at once, their cards held the panel for a second after «Всё сразу».
 */
export const GROUPS_PER_PAGE = 20;

/**
 * The duplicate groups with a choice of the row to keep (the suggested one preselected), merge, undo of
 * the last merge, and "not duplicates" for a group the matcher got wrong. `refresh` changes when a
 * duplicates run has just finished.
 */
export function DuplicatesPanel({ refresh }: { refresh: number }) {
  const { actions, t, language } = usePanel();
  const layout = useLayout();
  const [found, setFound] = useRemembered<DuplicateGroupsView | null>('dup.found', null);
  const groups = found?.groups;
  const [keep, setKeep] = useRemembered<Record<string, string>>('dup.keep', {});
  const [merged, setMerged] = useRemembered<MergeResult | null>('dup.merged', null);
  const [done, setDone] = useState<Message | null>(null);
  const [groupsShown, setGroupsShown] = useRemembered('dup.groupsShown', GROUPS_PER_PAGE);
  const [sharedShown, setSharedShown] = useRemembered('dup.sharedShown', GROUPS_PER_PAGE);
  const busy = useBusy();

  const { attempt } = busy;
  const load = useCallback(async () => {
    const result = await attempt(() => actions.duplicateGroups());
    if (result) setFound(result);
  }, [actions, attempt, setFound]);

  useEffect(() => {
    if (refresh > 0) void load();
  }, [refresh, load]);

  const merge = async (group: DuplicateGroupView) => {
    setDone(null);
    const result = await busy.attempt(() => actions.merge(group.id, keep[group.id] ?? group.suggestedKeep));
    if (!result) return;
    setMerged(result);
    await load();
  };

  const undo = async () => {
    if (!merged) return;
    const result = await busy.attempt(() => actions.undoMerge(merged.undoToken));
    if (!result) return;
    setMerged(null);
    setDone(result.message);
    await load();
  };

  const dismiss = async (group: DuplicateGroupView) => {
    setDone(null);
    const result = await busy.attempt(() => actions.dismissGroup(group.id));
    if (!result) return;
    setDone(result.message);
    await load();
  };

  return (
    <div className={layout.stack}>
      <h2 className={layout.title}>{t('dup.title')}</h2>
      <Text className={layout.muted}>{t('dup.hint')}</Text>
      <div className={layout.row}>
        <Button size="small" data-testid="load-duplicates" disabled={busy.busy} onClick={() => void load()}>
          {t('dup.load')}
        </Button>
        {groups && (
          <Text className={layout.muted} data-testid="dup-count">
            {t('dup.groupsCount', { count: formatNumber(groups.length, language) })}
          </Text>
        )}
      </div>
      <ErrorBar error={busy.error} onDismiss={busy.clearError} />
      <DoneBar message={merged?.message ?? null} testId="merge-done">
        <Button size="small" data-testid="undo-merge" disabled={busy.busy} onClick={() => void undo()}>
          {t('dup.undo')}
        </Button>
      </DoneBar>
      <DoneBar message={done} testId="dup-done" />
      {groups?.length === 0 && <Text>{t('dup.none')}</Text>}
      {groups?.slice(0, groupsShown).map((group) => (
        <Card key={group.id} size="small" data-testid="dup-group" data-group-id={group.id}>
          <div className={layout.row}>
            <Text weight="semibold">{t('dup.group', { id: group.id, score: formatNumber(Math.round(group.score * 100) / 100, language) })}</Text>
            <Badge size="small" appearance="tint" color="warning" className={layout.badgeText} data-testid="dup-reason">
              {render(group.reason, language)}
            </Badge>
          </div>
          {group.evidence && (
            <Text size={200} className={mergeClasses(layout.muted, layout.wrap)} data-testid="dup-evidence">
              {render(group.evidence, language)}
            </Text>
          )}
          <RadioGroup
            aria-label={t('dup.keep')}
            value={keep[group.id] ?? group.suggestedKeep}
            onChange={(_, data) => setKeep((previous) => ({ ...previous, [group.id]: data.value }))}
          >
            {group.members.map((member) => (
              <Radio
                key={member.id}
                value={member.id}
                data-testid="dup-keep"
                label={
                  <span className={layout.wrap}>
                    <Text weight="semibold">{member.name}</Text>{' '}
                    {member.id === group.suggestedKeep && !group.whyNoMerge && <Badge size="small" appearance="outline">{t('dup.suggested')}</Badge>}
                    <br />
                    <MemberDetails member={member} />
                  </span>
                }
              />
            ))}
          </RadioGroup>
          {group.whyNoMerge && (
            <Text data-testid="dup-no-merge">
              <Badge size="small" appearance="tint" color="danger">{t('dup.noMerge')}</Badge> {render(group.whyNoMerge, language)}
            </Text>
          )}
          <div className={layout.row}>
            {!group.whyNoMerge && (
              <Button size="small" appearance="primary" data-testid="merge" disabled={busy.busy} onClick={() => void merge(group)}>
                {t('dup.merge')}
              </Button>
            )}
            <Button size="small" data-testid="dismiss" title={t('dup.dismissHint')} disabled={busy.busy} onClick={() => void dismiss(group)}>
              {t('dup.dismiss')}
            </Button>
          </div>
        </Card>
      ))}
      {groups && <ShowMore shown={groupsShown} total={groups.length} onMore={() => setGroupsShown(groupsShown + GROUPS_PER_PAGE)} testId="dup-more" />}
      {found && found.sharedContacts.length > 0 && (
        <>
          <h3 className={layout.title}>{t('dup.sharedTitle')}</h3>
          <Text className={layout.muted}>{t('dup.sharedHint')}</Text>
          <Text className={layout.muted}>{t('dup.sharedCount', { count: formatNumber(found.sharedContacts.length, language) })}</Text>
          {found.sharedContacts.slice(0, sharedShown).map((shared) => (
            <Card key={shared.id} size="small" data-testid="dup-shared" data-group-id={shared.id}>
              <Text weight="semibold">{shared.id}</Text>
              <Text size={200}>{render(shared.reason, language)}</Text>
              {shared.members.map((member) => (
                <span key={member.id} className={layout.wrap}>
                  <Text>{member.name}</Text>
                  <br />
                  <MemberDetails member={member} />
                </span>
              ))}
            </Card>
          ))}
          <ShowMore shown={sharedShown} total={found.sharedContacts.length} onMore={() => setSharedShown(sharedShown + GROUPS_PER_PAGE)} testId="dup-shared-more" />
        </>
      )}
    </div>
  );
}

/** «Показаны 20 из 702» and a button for the next page, while some are not shown. */
function ShowMore({ shown, total, onMore, testId }: { shown: number; total: number; onMore: () => void; testId: string }) {
  const { t, language } = usePanel();
  const layout = useLayout();
  if (shown >= total) return null;
  return (
    <div className={layout.row}>
      <Text className={layout.muted}>{t('dup.shown', { shown: formatNumber(shown, language), count: formatNumber(total, language) })}</Text>
      <Button size="small" data-testid={testId} onClick={onMore}>
        {t('dup.more', { count: formatNumber(Math.min(GROUPS_PER_PAGE, total - shown), language) })}
      </Button>
    </div>
  );
}

/** A member's ID and contacts on one muted line. */
function MemberDetails({ member }: { member: DuplicateMember }) {
  const layout = useLayout();
  return <Text size={200} className={layout.muted}>{[member.id, member.phone, member.email, member.city].filter(Boolean).join(' · ')}</Text>;
}

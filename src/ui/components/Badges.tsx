import { Badge } from '@fluentui/react-components';
import type { AbcClass } from '../../core/abc';
import type { SegmentKey } from '../../core/rfm';
import { findStatus } from '../../core/statuses';
import { usePanel } from '../context';
import { SEGMENT_LABELS } from '../labels';

const ABC_COLOURS: Record<AbcClass, 'success' | 'warning' | 'informative'> = { A: 'success', B: 'warning', C: 'informative' };

export function AbcBadge({ abc }: { abc: AbcClass | null }) {
  if (!abc) return null;
  return (
    <Badge size="small" appearance="tint" color={ABC_COLOURS[abc]} data-testid="abc-badge">
      {abc}
    </Badge>
  );
}

export function SegmentBadge({ segment }: { segment: SegmentKey | null }) {
  const { language } = usePanel();
  if (!segment) return null;
  return (
    <Badge size="small" appearance="outline" color="brand" data-testid="segment-badge">
      {SEGMENT_LABELS[language][segment]}
    </Badge>
  );
}

export function ColdBadge({ cold }: { cold: boolean }) {
  const { t } = usePanel();
  if (!cold) return null;
  return (
    <Badge size="small" appearance="filled" color="informative" data-testid="cold-badge">
      {t('card.cold')}
    </Badge>
  );
}

/** The funnel status in the fill colour the sheet uses, so the panel and the sheet look alike. */
export function StatusBadge({ status }: { status: string }) {
  if (!status) return null;
  const known = findStatus(status);
  const style = known ? { backgroundColor: known.fill, color: known.font, borderColor: '#BFBFBF' } : undefined;
  return (
    <Badge size="small" appearance="outline" color="subtle" style={style} title={status}>
      {status}
    </Badge>
  );
}

/** Layout shared by the panel's parts: everything stacks and wraps so 300 px never scrolls sideways. */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useLayout = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  /** Two columns where there is room, one at 300 px; cells keep their own height (a hint under one field must not stretch its neighbour's input). */
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))', alignItems: 'start', gap: tokens.spacingHorizontalS, minWidth: 0 },
  section: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  truncate: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 },
  wrap: { overflowWrap: 'anywhere', minWidth: 0 },
  /** Fluent's Dropdown and Combobox insist on 250 px; the panel decides widths itself. */
  control: { minWidth: 0, width: '100%', maxWidth: '100%', boxSizing: 'border-box' },
  /** A badge whose words may not fit one line at 300 px (a duplicate group's reasons): it grows, never spills over its neighbours. */
  badgeText: { height: 'auto', minHeight: '16px', whiteSpace: 'normal', overflowWrap: 'anywhere', maxWidth: '100%', boxSizing: 'border-box', paddingTop: '1px', paddingBottom: '1px' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
});

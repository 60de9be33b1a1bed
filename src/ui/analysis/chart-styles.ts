/** What the panel's charts share: an SVG as wide as the panel (never wider), its text, grid and empty state. */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useChartStyles = makeStyles({
  // The viewBox keeps the proportions; past 420 px (a wide page's panel) the text would only grow.
  svg: { display: 'block', width: '100%', maxWidth: '420px', height: 'auto' },
  text: { fontFamily: tokens.fontFamilyBase, fontSize: '11px', fill: tokens.colorNeutralForeground2 },
  strong: { fontWeight: tokens.fontWeightSemibold, fill: tokens.colorNeutralForeground1 },
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1 },
  empty: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

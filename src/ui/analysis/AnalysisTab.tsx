import { useState } from 'react';
import { useLayout } from '../styles';
import { CampaignPanel } from './CampaignPanel';
import { DuplicatesPanel } from './DuplicatesPanel';
import { RunPanel } from './RunPanel';
import { SettingsForm } from './SettingsForm';

/** One-click analyses with their summary, the duplicate groups, and the analysis settings. */
export function AnalysisTab() {
  const layout = useLayout();
  // Bumped when a run has found duplicates anew, so the groups below reload.
  const [duplicatesRun, setDuplicatesRun] = useState(0);
  return (
    <div className={layout.stack}>
      <RunPanel onRun={(result) => (result.action === 'duplicates' || result.action === 'all') && setDuplicatesRun((n) => n + 1)} />
      <section className={layout.section}>
        <DuplicatesPanel refresh={duplicatesRun} />
      </section>
      <section className={layout.section}>
        <CampaignPanel />
      </section>
      <section className={layout.section}>
        <SettingsForm />
      </section>
    </div>
  );
}

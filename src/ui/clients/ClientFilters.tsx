import { Button, Field, Input, Switch, makeStyles, mergeClasses } from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import type { ClientFacets, ClientFilter } from '../../actions/panel';
import type { AbcClass } from '../../core/abc';
import { SEGMENT_KEYS, type SegmentKey } from '../../core/rfm';
import { usePanel } from '../context';
import { SEGMENT_LABELS } from '../labels';
import { MultiSelect } from '../components/MultiSelect';
import { useLayout } from '../styles';

/** What the user has set in the filter form; `birthdayDays` is kept as typed. */
export interface FilterForm {
  search: string;
  cities: string[];
  industries: string[];
  statuses: string[];
  managers: string[];
  abc: Array<AbcClass | 'none'>;
  segments: SegmentKey[];
  coldOnly: boolean;
  birthdayDays: string;
}

export const EMPTY_FILTER_FORM: FilterForm = {
  search: '',
  cities: [],
  industries: [],
  statuses: [],
  managers: [],
  abc: [],
  segments: [],
  coldOnly: false,
  birthdayDays: '',
};

/** The filter to send: only what is set, so an empty form asks for everyone. */
export function toClientFilter(form: FilterForm, search: string): ClientFilter {
  const filter: ClientFilter = {};
  if (search.trim()) filter.search = search.trim();
  if (form.cities.length) filter.cities = form.cities;
  if (form.industries.length) filter.industries = form.industries;
  if (form.statuses.length) filter.statuses = form.statuses;
  if (form.managers.length) filter.managers = form.managers;
  if (form.abc.length) filter.abc = form.abc;
  if (form.segments.length) filter.segments = form.segments;
  if (form.coldOnly) filter.coldOnly = true;
  const days = Number(form.birthdayDays);
  if (form.birthdayDays.trim() !== '' && Number.isInteger(days) && days >= 0) filter.birthdayWithinDays = days;
  return filter;
}

export function isFilterSet(form: FilterForm): boolean {
  return Object.keys(toClientFilter(form, form.search)).length > 0;
}

interface Props {
  form: FilterForm;
  facets: ClientFacets;
  onChange(form: FilterForm): void;
}

const useStyles = makeStyles({
  wide: { gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))' },
});

const asChoices = (values: string[]) => values.map((value) => ({ value, label: value }));

export function ClientFilters({ form, facets, onChange }: Props) {
  const { t, language } = usePanel();
  const layout = useLayout();
  const styles = useStyles();
  const set = <K extends keyof FilterForm>(key: K, value: FilterForm[K]) => onChange({ ...form, [key]: value });
  const abcChoices: Array<{ value: AbcClass | 'none'; label: string }> = [
    { value: 'A', label: 'A' },
    { value: 'B', label: 'B' },
    { value: 'C', label: 'C' },
    { value: 'none', label: t('common.noSales') },
  ];
  const segmentChoices = SEGMENT_KEYS.map((value) => ({ value, label: SEGMENT_LABELS[language][value] }));

  return (
    <div className={layout.stack}>
      <Field label={t('clients.search')} size="small">
        <Input
          size="small"
          type="search"
          className={layout.control}
          contentBefore={<SearchRegular />}
          placeholder={t('clients.searchPlaceholder')}
          data-testid="search"
          value={form.search}
          onChange={(_, data) => set('search', data.value)}
        />
      </Field>
      <div className={layout.grid}>
        <MultiSelect label={t('clients.filter.city')} testId="filter-city" choices={asChoices(facets.cities)} selected={form.cities} onChange={(v) => set('cities', v)} />
        <MultiSelect label={t('clients.filter.industry')} testId="filter-industry" choices={asChoices(facets.industries)} selected={form.industries} onChange={(v) => set('industries', v)} />
        <MultiSelect label={t('clients.filter.status')} testId="filter-status" choices={asChoices(facets.statuses)} selected={form.statuses} onChange={(v) => set('statuses', v)} />
        <MultiSelect label={t('clients.filter.manager')} testId="filter-manager" choices={asChoices(facets.managers)} selected={form.managers} onChange={(v) => set('managers', v)} />
        <MultiSelect label={t('clients.filter.abc')} testId="filter-abc" choices={abcChoices} selected={form.abc} onChange={(v) => set('abc', v)} />
        <MultiSelect label={t('clients.filter.segment')} testId="filter-segment" choices={segmentChoices} selected={form.segments} onChange={(v) => set('segments', v)} />
      </div>
      {/* Wider cells than the dropdowns': a switch with a two-word label needs more than half of 300 px. */}
      <div className={mergeClasses(layout.grid, styles.wide)}>
        <Field size="small" hint={t('clients.filter.coldHint')}>
          <Switch
            data-testid="filter-cold"
            label={t('clients.filter.coldOnly')}
            checked={form.coldOnly}
            onChange={(_, data) => set('coldOnly', data.checked)}
          />
        </Field>
        <Field label={t('clients.filter.birthday')} size="small" hint={t('clients.filter.birthdayHint')}>
          <Input
            size="small"
            type="number"
            min={0}
            max={366}
            className={layout.control}
            data-testid="filter-birthday"
            value={form.birthdayDays}
            onChange={(_, data) => set('birthdayDays', data.value)}
          />
        </Field>
      </div>
      {isFilterSet(form) && (
        <div className={layout.row}>
          <Button size="small" appearance="subtle" data-testid="clear-filters" onClick={() => onChange(EMPTY_FILTER_FORM)}>
            {t('clients.filter.clear')}
          </Button>
        </div>
      )}
    </div>
  );
}

/**
 * `crm-base export BOOK.xlsx --channel sms|email|messenger [--segment NAME | --abc A|B|C] -o OUT.csv`:
 * a campaign list of the clients who consented to the channel (core/campaign.ts). There is no option to
 * list clients without consent: that advertising is against 38-ФЗ, ст. 18.
 */
import { resolve } from 'path';
import { readBase } from '../core/base';
import { analyseBase } from '../core/analysis';
import { campaignCsv, campaignList, campaignSummary, chosenClients, type CampaignChoice } from '../core/campaign';
import { CAMPAIGN_CHANNELS, findChannel } from '../core/consent';
import { message, render } from '../core/messages/message';
import { isoToDay, todayDay } from '../core/normalise/date';
import { findSegment, SEGMENT_KEYS, segmentLabel } from '../core/rfm';
import { readWorkbook } from '../actions/runners';
import { parseArgs, stringOption, UsageError } from './args';
import { writeTextAtomically } from './atomic-write';
import { printLine } from './terminal-text';
import { InputError, openBook, progressReporter } from './workbooks';

function campaignChoice(segmentText: string | undefined, abcText: string | undefined): CampaignChoice {
  if (segmentText !== undefined && abcText !== undefined) throw new UsageError('--segment и --abc вместе не используются / use --segment or --abc, not both');
  if (segmentText !== undefined) {
    const segment = findSegment(segmentText);
    if (!segment) throw new UsageError(`нет сегмента / no segment "${segmentText}"; есть / there are: ${SEGMENT_KEYS.map((key) => segmentLabel(key, 'ru')).join(', ')}`);
    return { segment };
  }
  if (abcText !== undefined) {
    const abc = abcText.trim().toUpperCase();
    if (abc !== 'A' && abc !== 'B' && abc !== 'C') throw new UsageError(`--abc needs A, B or C, not "${abcText}"`);
    return { abc };
  }
  return {};
}

export async function exportCampaign(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { valued: ['-o', '--channel', '--segment', '--abc', '--as-of', '--google-sheet', '--credentials'], flags: [], aliases: { '--out': '-o', '--output': '-o' } });
  const channelText = stringOption(args, '--channel');
  const channel = channelText === undefined ? undefined : findChannel(channelText);
  if (!channel) throw new UsageError(`export needs --channel ${CAMPAIGN_CHANNELS.join('|')}`);
  const out = stringOption(args, '-o');
  if (!out) throw new UsageError('export needs -o OUT.csv');
  const book = args.positionals[0];
  if (book !== undefined && resolve(book) === resolve(out)) throw new UsageError('-o names the workbook itself: name a new .csv file');
  const choice = campaignChoice(stringOption(args, '--segment'), stringOption(args, '--abc'));
  const asOfText = stringOption(args, '--as-of');
  const asOf = asOfText === undefined ? todayDay() : isoToDay(asOfText);
  if (asOf === null) throw new UsageError(`--as-of needs a date as YYYY-MM-DD, not "${asOfText}"`);
  const opened = await openBook(args);
  const base = readBase(await readWorkbook({ workbook: opened.workbook, onProgress: progressReporter('export') }));
  if (!base.layout.clients) throw new InputError(base.problems[0] ? render(base.problems[0].message, base.layout.language) : 'no clients sheet');
  const list = campaignList(chosenClients(analyseBase(base, asOf), choice), channel);
  await writeTextAtomically(out, campaignCsv(list));
  const print = (line: string) => printLine(line, process.stdout);
  print(render(message('campaign.law'), 'ru'));
  print(render(campaignSummary(list), 'ru'));
  const unreadable = base.problems.filter((problem) => problem.message.key === 'consent.unreadable');
  for (const problem of unreadable.slice(0, 20)) print(`  ${problem.sheet}!${problem.row} [${problem.column}] ${render(problem.message, 'ru')}`);
  print(`Записано / written: ${out}`);
  return 0;
}

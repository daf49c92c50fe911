import type { Content, ContentNode, DocumentDefinition } from 'pdfmake';
import type { VenueView } from '../../../shared/domain/venue.ts';
import { formatDate, localeOf } from '../../../shared/i18n/index.ts';
import type { VenueResults } from '../venue/results-file.ts';
import { localDay, presentMembers, quoted, wordsOf, type Member, type Words } from './labels.ts';
import { codeOf, printable, unprintable } from './fonts.ts';
import { keepHeadingsWithText, linesAtMost, PAGE_MARGINS as MARGINS, renderPdf, styles, TEXT_FONT_SIZE, TEXT_WIDTH, textsOf } from './pdf.ts';
import { appendix, flaggedSection, grid, heading, methodsSection, paragraph, resultsSection, statisticsSection, tiesSection } from './protocol-sections.ts';
import type { RenderOptions } from './render.ts';

/**
 * The protocol of the expert commission's meeting as a PDF (A4): the title block, the commission
 * present, the scoring rules, the rankings with awards, the entries not ranked, the chair's tie
 * decisions, the experts' agreement, the decision, signature lines, and an appendix of digests by
 * which anyone can check the results against the files they came from.
 */

/** Room for the signing date beside the place, in either language («Дата подписания итогов: 30 сентября 2026 г.»). */
const DATE_WIDTH = 230;
const PLACE_GAP = 20;
/** What of the contest's title (as printed, codes and all) the running header holds, so that it stays one line above the text. */
const HEADER_TITLE = 70;

function contestDates(words: Words, contest: VenueView['contest']): ContentNode[] {
  const { startsOn, endsOn } = contest;
  const from = startsOn ?? endsOn;
  if (!from) return [];
  const text =
    startsOn && endsOn && startsOn !== endsOn
      ? words.t('report.pdf.dates', { from: formatDate(words.lang, startsOn), to: formatDate(words.lang, endsOn) })
      : words.t('report.pdf.date', { date: formatDate(words.lang, from) });
  return [paragraph(text)];
}

function titleBlock(words: Words, view: VenueView): Content[] {
  const { t } = words;
  const { contest } = view;
  const demo: Content[] = contest.isDemo
    ? [{ table: { widths: ['*'], body: [[{ text: t('report.pdf.demo'), style: 'demo', margin: [6, 4, 6, 4] }]] }, layout: { hLineColor: () => '#7a1f1f', vLineColor: () => '#7a1f1f' }, margin: [0, 0, 0, 14] }]
    : [];
  return [
    ...demo,
    { text: t('report.pdf.title'), style: 'title' },
    { text: t('report.pdf.subtitle'), style: 'subtitle' },
    { text: quoted(words, contest.title), style: 'contest' },
    ...(contest.year === null ? [] : [{ text: t('report.pdf.year', { year: String(contest.year) }), style: 'edition' }]),
    {
      columns: [
        // Fixed widths: pdfmake would widen a '*' column to a long place name's longest word.
        { text: contest.place, width: TEXT_WIDTH - PLACE_GAP - DATE_WIDTH },
        { text: t('report.pdf.signedOn', { date: formatDate(words.lang, localDay(view.signedAt)) }), width: DATE_WIDTH, alignment: 'right' },
      ],
      columnGap: PLACE_GAP,
      margin: [0, 18, 0, 8],
    },
    ...contestDates(words, contest),
    paragraph(t('report.pdf.intro', { count: view.bundles.filter((b) => !b.draft).length })),
  ];
}

function commissionSection(words: Words, view: VenueView, members: Member[], section: number): Content[] {
  const { t } = words;
  const rows = members.map((m, i): Content[] => [
    { text: String(i + 1), alignment: 'center' },
    { text: m.name, bold: true },
    { stack: [m.organisation, ...(m.position ? [{ text: m.position, style: 'muted' }] : []), ...(m.role === 'expert' && !m.counted ? [{ text: t('report.commission.notCounted'), style: 'muted', italics: true }] : [])] },
    t(`report.role.${m.role}`),
  ]);
  const absent = view.commission.filter((m) => !members.includes(m)).map((m) => m.name);
  return [
    heading(`${section}. ${t('report.section.commission')}`),
    paragraph(t('report.commission.present', { count: members.length, total: view.commission.length })),
    grid([20, 150, '*', 70], [t('report.col.no'), t('report.col.name'), t('report.col.position'), t('report.col.role')], rows),
    ...(absent.length > 0 ? [paragraph(t('report.commission.absent', { names: absent.join(', ') }))] : []),
  ];
}

/** A line to sign on, with what goes there written small beneath it. */
function signLine(width: number, caption: string): ContentNode {
  return { width, stack: [{ canvas: [{ type: 'line', x1: 0, y1: 18, x2: width, y2: 18, lineWidth: 0.6 }] }, { text: caption, style: 'caption', margin: [0, 1, 0, 0] }] };
}

/** How many signature lines an A4 page holds with the section's heading; a name's every further line takes a quarter of one more. */
const SIGNATURES_PER_PAGE = 14;
const FURTHER_NAME_LINE = 0.25;

function signatures(words: Words, members: Member[], section: number): Content[] {
  const { t } = words;
  const nameWidth = 210;
  const dateWidth = 100;
  const signWidth = TEXT_WIDTH - nameWidth - dateWidth - 2 * 16;
  const lines = members.map(
    (m): ContentNode => ({
      unbreakable: true,
      margin: [0, 6, 0, 8],
      columnGap: 16,
      columns: [
        { width: nameWidth, stack: [{ text: t(`report.role.${m.role}`), style: 'muted' }, { text: m.name }] },
        signLine(signWidth, t('report.signature.sign')),
        signLine(dateWidth, t('report.signature.date')),
      ],
    }),
  );
  const block: Content[] = [heading(`${section}. ${t('report.section.signatures')}`), ...lines];
  // A commission that fits on one page signs on one page: no name left alone on the next. Only
  // one that surely fits is kept together: pdfmake drops what a kept-together block has beyond a page.
  const slots = members.reduce((n, m) => n + 1 + FURTHER_NAME_LINE * (linesAtMost(m.name, nameWidth, TEXT_FONT_SIZE) - 1), 0);
  return slots <= SIGNATURES_PER_PAGE ? [{ stack: block, unbreakable: true }] : block;
}

/** `text` cut to `max` characters (never half of one), an ellipsis marking the cut. */
function clipped(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function running(words: Words, view: VenueView): Pick<DocumentDefinition, 'header' | 'footer'> {
  return {
    header: (page) => (page === 1 ? null : { text: words.t('report.header', { title: clipped(printable(view.contest.title), HEADER_TITLE) }), style: 'running', alignment: 'center', margin: [MARGINS[0], 26, MARGINS[2], 0] }),
    footer: (page, pages) => ({
      columns: [
        { text: words.t('report.footer.digest', { digest: view.file.digest.slice(0, 16) }), style: 'running' },
        { text: words.t('report.footer.page', { page: String(page), pages: String(pages) }), style: 'running', alignment: 'right' },
      ],
      margin: [MARGINS[0], 18, MARGINS[2], 0],
    }),
  };
}

/** Closes the appendix when some characters are written as codes: which ones, so that a reader can look them up. */
function unprintableNote(words: Words, missing: readonly string[]): Content[] {
  return missing.length === 0 ? [] : [{ text: words.t('report.unprintable', { codes: missing.map(codeOf).join(', ') }), style: 'note', margin: [0, 8, 0, 0] }];
}

/** The protocol's document definition: every text in `lang`, the members present signing. */
export function protocolDocument(results: VenueResults, options: RenderOptions): DocumentDefinition {
  const words = wordsOf(options.lang);
  const { t } = words;
  const { view } = results;
  const members = presentMembers(view, options.present);
  const body: Content[] = [
    ...titleBlock(words, view),
    ...commissionSection(words, view, members, 1),
    ...methodsSection(words, view, 2),
    ...resultsSection(words, view, 3),
    ...flaggedSection(words, view, 4),
    ...tiesSection(words, view, 5),
    ...statisticsSection(words, view, 6),
    heading(`7. ${t('report.section.decision')}`),
    paragraph(t('report.decision.text', { section: '3' })),
    ...signatures(words, members, 8),
    ...appendix(words, view),
  ];
  const content = [...body, ...unprintableNote(words, unprintable(textsOf(body)))];
  return {
    pageSize: 'A4',
    pageMargins: MARGINS,
    language: localeOf(options.lang),
    info: { title: t('report.pdf.documentTitle', { title: view.contest.title }), author: view.chair.name, creator: t('app.name'), producer: t('app.name') },
    ...running(words, view),
    content,
    styles,
    defaultStyle: { font: 'Serif', fontSize: TEXT_FONT_SIZE, lineHeight: 1.12 },
    pageBreakBefore: keepHeadingsWithText,
  };
}

/** The characters of the protocol that no embedded font holds, which it writes as codes: named before it is written. */
export function protocolUnprintable(results: VenueResults, options: RenderOptions): string[] {
  return unprintable(textsOf(protocolDocument(results, options).content));
}

export function renderProtocol(results: VenueResults, options: RenderOptions): Promise<Buffer> {
  return renderPdf(protocolDocument(results, options));
}

import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import type { VenueGroup, VenueView } from '../../../shared/domain/venue.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { call } from '../../api/client.ts';
import { useLangStore, useT } from '../../i18n.ts';
import { hrefOf, navigate } from '../../stores/route-store.ts';
import { actionOf, LAUREATES_ONE_BY_ONE, moveTo, newestOf, positionFrom, stepsOf, type Action, type Position, type Reveal, type Step } from './slides.ts';
import './ceremony.css';

/** Where the step, the scores and the hint are kept for this tab, so that a reload returns to them. */
const KEPT = 'jurybox.ceremony';

const PLACES: Record<number, MessageKey> = { 1: 'ceremony.place.1', 2: 'ceremony.place.2', 3: 'ceremony.place.3' };

type Loaded = { state: 'loading' } | { state: 'failed'; error: unknown } | { state: 'ready'; view: VenueView | null; canOpenWindows: boolean };

/**
 * The award ceremony for a projector: the whole page, dark and in large type, stepped through by
 * keyboard or a presenter's clicker. It shows the results the venue has open (`venue:current`).
 */
export function CeremonyScreen() {
  const { t, error } = useT();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    Promise.all([call('venue:current'), call('app:info')]).then(
      ([current, info]) => live && setLoaded({ state: 'ready', view: current?.view ?? null, canOpenWindows: info.canOpenWindows }),
      (e: unknown) => live && setLoaded({ state: 'failed', error: e }),
    );
    return () => {
      live = false;
    };
  }, []);

  if (loaded.state === 'ready' && loaded.view) return <Ceremony view={loaded.view} canOpenWindows={loaded.canOpenWindows} />;
  return (
    <main id="main" tabIndex={-1} className="ceremony ceremony-empty">
      <h1>{t('ceremony.title')}</h1>
      <p>{loaded.state === 'loading' ? t('ceremony.loading') : loaded.state === 'failed' ? error(loaded.error) : t('ceremony.noResults')}</p>
      {loaded.state !== 'loading' && (
        <p>
          <a href={hrefOf({ name: 'venue' })}>{t('ceremony.back')}</a>
        </p>
      )}
    </main>
  );
}

/** The ceremony's words: what a step says aloud, an award's name, a group's note under its title. */
function useWords(view: VenueView) {
  const { t } = useT();
  function said(s: Step): string {
    if (s.kind === 'opening') return t('ceremony.say.opening', { title: view.contest.title, year: String(view.contest.year) });
    if (s.kind === 'closing') return t('ceremony.closing.title');
    const newest = newestOf(s);
    if (newest) return t('ceremony.say.reveal', { award: awardLabel(newest), names: newest.entries.map((e) => e.title).join('; ') });
    const group = view.groups[s.group];
    return group ? `${group.title}. ${groupNote(group, s.reveals.length)}` : '';
  }
  function awardLabel(reveal: Reveal): string {
    return reveal.award.kind === 'laureate' ? t('ceremony.laureates', { count: reveal.entries.length }) : t(PLACES[reveal.award.place] ?? 'ceremony.place.3');
  }
  function groupNote(group: VenueGroup, reveals: number): string {
    if (group.ranked.length === 0) return t('ceremony.group.noRanked');
    return reveals === 0 ? t('ceremony.group.noAwards') : t('ceremony.group.ranked', { count: group.ranked.length });
  }
  return { said, awardLabel, groupNote };
}

function Ceremony({ view, canOpenWindows }: { view: VenueView; canOpenWindows: boolean }) {
  const { t, lang } = useT();
  const { said, awardLabel, groupNote } = useWords(view);
  const setLang = useLangStore((s) => s.setLang);
  const steps = useMemo(() => stepsOf(view), [view]);
  const [position, setPosition] = useState<Position>(() => positionFrom(sessionStorage.getItem(KEPT), view.file.digest, steps.length));
  // Said once by the live region in place of the slide (scores on or off, full screen refused).
  const [notice, setNotice] = useState<string | null>(null);
  const [fullscreen, setFullscreen] = useState(() => document.fullscreenElement !== null);
  const main = useRef<HTMLElement>(null);
  const step = steps[position.step] ?? { kind: 'opening' };
  const spoken = notice ?? said(step);
  const windowTitle = `${t('ceremony.title')} — ${view.contest.title}`;

  function toggleFullscreen() {
    if (document.fullscreenElement) exitFullscreen();
    else document.documentElement.requestFullscreen().catch(() => setNotice(t('ceremony.fullscreen.refused')));
  }
  function leave() {
    exitFullscreen();
    // The desktop app's ceremony window (on the projector) closes; a browser tab goes back to the venue.
    if (inCeremonyWindow()) window.close();
    else navigate({ name: 'venue' });
  }

  function act(action: Action) {
    setNotice(null);
    switch (action) {
      case 'scores':
        setNotice(t(position.scores ? 'ceremony.say.scores.off' : 'ceremony.say.scores.on'));
        return setPosition((p) => ({ ...p, scores: !p.scores }));
      case 'hints':
        return setPosition((p) => ({ ...p, hints: !p.hints }));
      case 'fullscreen':
        return toggleFullscreen();
      case 'window':
        if (canOpenWindows) call('venue:window').catch(() => setNotice(t('venue.noWindow')));
        return;
      case 'language':
        return setLang(lang === 'ru' ? 'en' : 'ru');
      case 'escape':
        // Esc leaves full screen first (the browser may have done so already); the next Esc leaves the ceremony.
        return document.fullscreenElement ? exitFullscreen() : leave();
      case 'quit':
        return leave();
      default:
        return setPosition((p) => ({ ...p, step: moveTo(action, p.step, steps.length) }));
    }
  }

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    const action = actionOf(event);
    if (!action || (event.repeat && action !== 'next' && action !== 'previous')) return;
    // Enter and Space on a focused control press that control, as everywhere else.
    if ((event.key === 'Enter' || event.key === ' ') && event.target instanceof Element && event.target.closest('button, a')) return;
    event.preventDefault();
    act(action);
  });
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    const changed = () => setFullscreen(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', changed);
    return () => document.removeEventListener('fullscreenchange', changed);
  }, []);
  // The page takes focus at once, so the first key press works without a click.
  useEffect(() => main.current?.focus(), []);
  useEffect(() => sessionStorage.setItem(KEPT, JSON.stringify(position)), [position]);
  useEffect(() => {
    document.title = windowTitle;
  }, [windowTitle]);

  /** A control's action, then focus back on the page so that Space and Enter keep moving the ceremony on. */
  const button = (action: Action) => {
    act(action);
    main.current?.focus();
  };
  const group = step.kind === 'group' ? view.groups[step.group] : undefined;
  return (
    <main id="main" ref={main} tabIndex={-1} className="ceremony">
      <header className="ceremony-band">
        <span className="ceremony-contest">{t('ceremony.contestYear', { title: view.contest.title, year: String(view.contest.year) })}</span>
        {view.contest.isDemo && <span className="ceremony-demo">{t('ceremony.demo')}</span>}
      </header>
      <section className="ceremony-slide" onClick={() => act('next')}>
        {step.kind === 'opening' && <Opening view={view} />}
        {step.kind === 'group' && group && <GroupSlide key={step.group} group={group} step={step} scores={position.scores} label={awardLabel} note={groupNote(group, step.reveals.length)} />}
        {step.kind === 'closing' && <Closing view={view} />}
      </section>
      <Controls step={step} at={position.step} count={steps.length} sections={view.groups.length} position={position} fullscreen={fullscreen} canOpenWindows={canOpenWindows} onPress={button} />
      <div className="ceremony-bar" style={{ width: `${(100 * position.step) / Math.max(1, steps.length - 1)}%` }} />
      <p className="visually-hidden" aria-live="polite">
        {spoken}
      </p>
    </main>
  );
}

/** Whether this page is the desktop app's separate ceremony window (main.ts loads it with `?window=ceremony`). */
function inCeremonyWindow(): boolean {
  return new URLSearchParams(window.location.search).get('window') === 'ceremony';
}

function exitFullscreen() {
  if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
}

interface ControlsProps {
  step: Step;
  at: number;
  count: number;
  sections: number;
  position: Position;
  fullscreen: boolean;
  canOpenWindows: boolean;
  onPress: (action: Action) => void;
}

/** The presenter's strip: where the ceremony stands, the keys (H hides them), and buttons for the mouse. */
function Controls({ step, at, count, sections, position, fullscreen, canOpenWindows, onPress }: ControlsProps) {
  const { t } = useT();
  return (
    <footer className="ceremony-controls">
      <p className="ceremony-progress">
        {step.kind === 'group' && <span>{t('ceremony.progress.section', { k: step.group + 1, count: sections })}</span>}
        <span>{t('ceremony.progress.step', { n: at + 1, total: count })}</span>
      </p>
      <p className="ceremony-keys">{position.hints ? [t('ceremony.keys'), ...(canOpenWindows ? [t('ceremony.keys.window')] : [])].join(' · ') : t('ceremony.keys.hidden')}</p>
      {position.hints && (
        <div role="group" aria-label={t('ceremony.controls')} className="ceremony-buttons">
          <button type="button" aria-pressed={position.scores} onClick={() => onPress('scores')}>
            {t('ceremony.scores')}
          </button>
          <button type="button" aria-pressed={fullscreen} onClick={() => onPress('fullscreen')}>
            {t('ceremony.fullscreen')}
          </button>
          {canOpenWindows && (
            <button type="button" onClick={() => onPress('window')}>
              {t('ceremony.window')}
            </button>
          )}
          <button type="button" onClick={() => onPress('quit')}>
            {t('ceremony.leave')}
          </button>
        </div>
      )}
    </footer>
  );
}

function Opening({ view }: { view: VenueView }) {
  const { t, date } = useT();
  const { title, year, place, startsOn, endsOn } = view.contest;
  return (
    <div className="ceremony-frame ceremony-opening">
      <p className="ceremony-kicker">{t('ceremony.title')}</p>
      <h1>{title}</h1>
      <p className="ceremony-year">{String(year)}</p>
      {place && <p className="ceremony-place">{place}</p>}
      {startsOn && <p className="ceremony-dates">{endsOn && endsOn !== startsOn ? t('ceremony.dates', { from: date(startsOn), to: date(endsOn) }) : date(startsOn)}</p>}
    </div>
  );
}

function Closing({ view }: { view: VenueView }) {
  const { t } = useT();
  return (
    <div className="ceremony-frame ceremony-closing">
      <h1>{t('ceremony.closing.title')}</h1>
      <p className="ceremony-thanks">{t('ceremony.closing.thanks')}</p>
      <p className="ceremony-place">{[view.contest.title, view.contest.year, view.contest.place].filter(Boolean).join(' · ')}</p>
    </div>
  );
}

interface GroupSlideProps {
  group: VenueGroup;
  step: Extract<Step, { kind: 'group' }>;
  scores: boolean;
  label: (reveal: Reveal) => string;
  note: string;
}

/** A nomination × category: its title alone, then the awards so far, the newest on top and largest. */
function GroupSlide({ group, step, scores, label, note }: GroupSlideProps) {
  const { t, number } = useT();
  const shown = step.reveals.slice(0, step.shown).toReversed();
  return (
    <div className={`ceremony-frame ceremony-group${step.shown > 0 ? ' revealing' : ''}`}>
      <h1 className="ceremony-group-title">
        {group.categoryTitle ? (
          <>
            <span className="ceremony-kicker">{group.nominationTitle}</span>
            <span className="visually-hidden">: </span>
            <span className="ceremony-heading">{group.categoryTitle}</span>
          </>
        ) : (
          <span className="ceremony-heading">{group.nominationTitle}</span>
        )}
      </h1>
      {step.shown === 0 && <p className="ceremony-note">{note}</p>}
      {shown.length > 0 && (
        <ol className="ceremony-awards">
          {shown.map((reveal, i) => {
            const kind = reveal.award.kind === 'place' ? `place-${reveal.award.place}` : 'laureate';
            const many = reveal.entries.length > LAUREATES_ONE_BY_ONE ? ' many' : '';
            return (
              <li key={`${kind}-${reveal.entries[0]?.entryId ?? ''}`} className={`ceremony-award award-${kind}${i === 0 ? ' newest' : ''}${many}`}>
                <p className="ceremony-award-label">
                  {label(reveal)}
                  {kind === 'place-1' && <span className="ceremony-winner">{t('ceremony.winner', { count: reveal.entries.length })}</span>}
                </p>
                <ul className="ceremony-entries">
                  {reveal.entries.map((e) => (
                    <li key={e.entryId}>
                      <span className="ceremony-entry">{e.title}</span>
                      <span className="ceremony-about">{[e.organisation !== e.title ? e.organisation : '', e.region].filter(Boolean).join(' · ')}</span>
                      {scores && e.normalised !== null && <span className="ceremony-score">{t('ceremony.score', { score: number(e.normalised, 1) })}</span>}
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}

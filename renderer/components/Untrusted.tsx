import { Fragment, type ReactElement } from 'react';
import { translate, type MessageKey, type Params } from '../../shared/i18n/index.ts';
import { escapeHidden, visibleParts } from '../../shared/visible-text.ts';
export { isolated } from '../../shared/visible-text.ts';
import { useT } from '../i18n.ts';

/**
 * Text from a file (a name, a title, a file name) where a person compares it with something, a
 * fingerprint most of all. It is isolated (<bdi>), so right-to-left letters in it cannot reorder
 * what stands beside it, and each control, bidi or invisible character in it is shown as a marked
 * escape (\u{202E}), so that two names that look alike are told apart and none turns text around.
 */
export function Untrusted({ text }: { text: string }) {
  const { t } = useT();
  return (
    <bdi className="untrusted">
      {visibleParts(text).map((part, i) =>
        part.hidden ? (
          <span key={i} className="hidden-char" title={t('untrusted.hidden', { codePoint: part.codePoint })}>
            {part.text}
          </span>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </bdi>
  );
}

/** Marks a parameter slot in a translated message; no message contains NUL. */
const SLOT = '\u0000';

/**
 * A translated message whose parameters may be elements (an <Untrusted> name inside a sentence):
 * the message is translated with placeholders for them, then cut where they stand, so the words
 * around them stay in the order the language puts them.
 */
export function Message({ id, params }: { id: MessageKey; params: Record<string, string | number | ReactElement> }) {
  const { lang } = useT();
  const slots: ReactElement[] = [];
  const plain: Params = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'number') plain[name] = value;
    // Shown as uiText shows a parameter; the slots' own marks must stay as they are.
    else if (typeof value === 'string') plain[name] = escapeHidden(value, '\n\t');
    else plain[name] = `${SLOT}${slots.push(value) - 1}${SLOT}`;
  }
  return <>{translate(lang, id, plain).split(SLOT).map((piece, i) => <Fragment key={i}>{i % 2 === 1 ? slots[Number(piece)] : piece}</Fragment>)}</>;
}

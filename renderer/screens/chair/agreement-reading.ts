import type { Agreement } from '../../../shared/domain/chair.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';

/**
 * An agreement coefficient in words. Kendall's W on the usual bands (Schmidt 1997: 0.3 weak, 0.5
 * moderate, 0.7 strong); an ICC on Koo & Li's (2016): 0.5 moderate, 0.75 good, 0.9 excellent. A
 * value outside 0–1 reads as its reason, never as a band (an ICC(2,k) of 3 is not "excellent"), and
 * an undefined one as why it is undefined.
 */
export function agreementReading(kind: 'w' | 'icc', value: Agreement): MessageKey {
  if (!value.defined) return `stats.reason.${value.reason}`;
  if (value.outOfRange === 'aboveOne') return 'stats.icc.aboveOne';
  if (value.outOfRange === 'belowZero' || value.value < 0) return 'stats.icc.belowChance';
  const v = value.value;
  if (kind === 'w') return v >= 0.7 ? 'stats.w.strong' : v >= 0.5 ? 'stats.w.moderate' : v >= 0.3 ? 'stats.w.weak' : 'stats.w.none';
  return v >= 0.9 ? 'stats.icc.excellent' : v >= 0.75 ? 'stats.icc.good' : v >= 0.5 ? 'stats.icc.moderate' : 'stats.icc.poor';
}

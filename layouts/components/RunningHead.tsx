import { View, Text } from '@react-pdf/renderer';
import { mm } from '../../src/units.js';
import { ink } from '../ink.js';
import { text, keepWhole } from '../styles.js';
import { frames } from '../frames.js';
import { theme } from '../theme.js';
import { advanceWidth } from '../../src/render/fonts.js';

/**
 * `s` as a one-line head `width` pt wide: as it is when it fits, else its first words that fit
 * and « … » — never a word cut (« Hauts-de-… »). A single word too wide is left to react-pdf's
 * ellipsis.
 */
export function wholeWordsIn(s: string, face: { family: string | readonly string[]; weight: number }, size: number, width: number, tracking = 0, upper = false): string {
  const wide = (t: string) => {
    const shown = upper ? t.toLocaleUpperCase('fr') : t;
    return advanceWidth(shown, face, size) + tracking * [...shown].length;
  };
  if (wide(s) <= width) return s;
  const words = s.split(' ');
  for (let n = words.length - 1; n > 0; n--) {
    const t = `${words.slice(0, n).join(' ').replace(/[\s,;:·–-]+$/u, '')}…`;
    if (wide(t) <= width) return t;
  }
  return s;
}

/**
 * The running head of a booklet page: the section name on the outside, the campaign on the
 * inside, above a hairline, one line each (a longer name ends in an ellipsis). `recto` (odd
 * pages) puts the section on the right.
 * Placed absolutely in the top margin; left/right/top in mm. Its rule and tracking, and the
 * section's share of the measure, are the theme's (`programme.runningHead`, `tracking.label`).
 */
export function RunningHead({ section, campaign, colour, recto, top, inside, outside }: {
  section: string; campaign: string; colour: string; recto: boolean; top: number; inside: number; outside: number;
}) {
  const left = recto ? inside : outside;
  const right = recto ? outside : inside;
  // The section on the outside (its share of the measure), the campaign on the inside (the rest).
  const { ruleGap, sectionShare } = theme.programme.runningHead;
  const measure = frames.programme.format.width - inside - outside;
  // One line each, whatever the names: a longer one ends after its last whole word, in an ellipsis.
  const size = text.caption.fontSize;
  const sectionLine = wholeWordsIn(section, { family: text.caption.fontFamily, weight: 600 }, size, mm(measure * sectionShare), theme.tracking.label, true);
  const campaignLine = wholeWordsIn(campaign, { family: text.caption.fontFamily, weight: 400 }, size, mm(measure * (1 - sectionShare)));
  const sectionText = <Text hyphenationCallback={keepWhole} style={{ ...text.caption, ...text.semibold, color: colour, textTransform: 'uppercase', letterSpacing: theme.tracking.label, width: mm(measure * sectionShare), textAlign: recto ? 'right' : 'left', maxLines: 1, textOverflow: 'ellipsis' }}>{sectionLine}</Text>;
  const campaignText = <Text hyphenationCallback={keepWhole} style={{ ...text.caption, width: mm(measure * (1 - sectionShare)), textAlign: recto ? 'left' : 'right', maxLines: 1, textOverflow: 'ellipsis' }}>{campaignLine}</Text>;
  return (
    <View fixed style={{ position: 'absolute', top: mm(top), left: mm(left), right: mm(right), flexDirection: 'row', justifyContent: 'space-between', borderBottomWidth: theme.rules.hairline, borderBottomColor: ink('rule'), paddingBottom: mm(ruleGap) }}>
      {recto ? campaignText : sectionText}
      {recto ? sectionText : campaignText}
    </View>
  );
}

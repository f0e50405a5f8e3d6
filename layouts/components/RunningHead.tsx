import { View, Text } from '@react-pdf/renderer';
import { mm } from '../../src/units.js';
import { ink } from '../ink.js';
import { text, keepWhole } from '../styles.js';
import { frames } from '../frames.js';

/**
 * The running head of a booklet page: the section name on the outside, the campaign on the
 * inside, above a hairline, one line each (a longer name ends in an ellipsis). `recto` (odd
 * pages) puts the section on the right.
 * Placed absolutely in the top margin; left/right/top in mm.
 */
export function RunningHead({ section, campaign, colour, recto, top, inside, outside }: {
  section: string; campaign: string; colour: string; recto: boolean; top: number; inside: number; outside: number;
}) {
  const left = recto ? inside : outside;
  const right = recto ? outside : inside;
  // The section on the outside (55 % of the measure), the campaign on the inside (45 %).
  const measure = frames.programme.format.width - inside - outside;
  // One line each, whatever the names: a longer one ends in an ellipsis.
  const sectionText = <Text hyphenationCallback={keepWhole} style={{ ...text.caption, ...text.semibold, color: colour, textTransform: 'uppercase', letterSpacing: 0.6, width: mm(measure * 0.55), textAlign: recto ? 'right' : 'left', maxLines: 1, textOverflow: 'ellipsis' }}>{section}</Text>;
  const campaignText = <Text hyphenationCallback={keepWhole} style={{ ...text.caption, width: mm(measure * 0.45), textAlign: recto ? 'left' : 'right', maxLines: 1, textOverflow: 'ellipsis' }}>{campaign}</Text>;
  return (
    <View fixed style={{ position: 'absolute', top: mm(top), left: mm(left), right: mm(right), flexDirection: 'row', justifyContent: 'space-between', borderBottomWidth: 0.5, borderBottomColor: ink('rule'), paddingBottom: mm(1) }}>
      {recto ? campaignText : sectionText}
      {recto ? sectionText : campaignText}
    </View>
  );
}

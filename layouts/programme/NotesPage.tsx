import { View, Text } from '@react-pdf/renderer';
import { mm } from '../../src/units.js';
import { theme } from '../theme.js';
import { ink } from '../ink.js';
import { text, type } from '../styles.js';
import { BookletPage } from './BookletPage.js';

/**
 * A designed "Notes" page (ruled lines) that pads the booklet to a multiple of 4 pages: the
 * theme's `programme.notes` gives the number of rules and their spacing.
 */
export function NotesPage({ number, campaign }: { number: number; campaign: string }) {
  const { lines, ruleSpacing } = theme.programme.notes;
  return (
    <BookletPage number={number} campaign={campaign} head="Notes">
      <Text style={{ ...text.display, ...type('h1'), color: ink('ink'), marginBottom: mm(theme.space.md) }}>Notes</Text>
      {Array.from({ length: lines }, (_, i) => (
        <View key={i} style={{ height: mm(ruleSpacing), borderBottomWidth: theme.rules.hairline, borderBottomColor: ink('rule') }} />
      ))}
    </BookletPage>
  );
}

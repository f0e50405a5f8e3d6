import { View, Text } from '@react-pdf/renderer';
import { mm } from '../../src/units.js';
import { theme } from '../theme.js';
import { ink } from '../ink.js';
import { text, type, keepWhole } from '../styles.js';
import { frames, textArea } from '../frames.js';
import { BookletPage } from './BookletPage.js';
import { FigureRow } from '../components/KeyFigure.js';
import { Headline } from '../components/Headline.js';

/**
 * The programme's introduction: the editorial paragraphs, then the campaign's objectives
 * (bullets in the theme's `programme.introduction.bulletWidth`); `figures` and `areas`, given
 * for a short édito, the campaign in figures and its départements at the page's foot, on a rule.
 */
export function Introduction({ number, campaign, paragraphs, objectives, organiser, figures, areas }: {
  number: number; campaign: string; paragraphs: string[]; objectives: string[]; organiser: string; figures?: { value: string; label: string }[]; areas?: string;
}) {
  const bullet = theme.programme.introduction.bulletWidth;
  return (
    <BookletPage number={number} campaign={campaign} head="Édito">
      <Text style={{ ...text.display, ...type('h1'), color: ink('ink'), marginBottom: mm(theme.space.lg) }}>Édito</Text>
      {paragraphs.map((p, i) => (
        <Text key={i} hyphenationCallback={i === 0 ? keepWhole : undefined} style={{ ...text.body, ...(i === 0 ? { ...type('lead'), ...text.semibold } : {}), marginBottom: mm(theme.space.md) }}>{p}</Text>
      ))}
      {objectives.length > 0 ? (
        <View style={{ marginTop: mm(theme.space.md), backgroundColor: ink('tint'), padding: mm(theme.space.md) }}>
          <Text style={{ ...text.displayBold, ...type('h3'), color: ink('brandText'), marginBottom: mm(theme.space.sm) }}>Objectifs</Text>
          {objectives.map((o, i) => (
            <View key={i} style={{ flexDirection: 'row', marginBottom: mm(theme.space.xs) }}>
              <Text style={{ ...text.body, ...text.strong, color: ink('brand'), width: mm(bullet) }}>›</Text>
              <Text style={{ ...text.body, width: mm(textArea(frames.programme).width - 2 * theme.space.md - bullet) }}>{o}</Text>
            </View>
          ))}
        </View>
      ) : null}
      <Text style={{ ...text.caption, ...text.italic, marginTop: mm(theme.space.md) }}>{organiser}</Text>
      {figures && figures.length > 0 ? (
        <View style={{ flexGrow: 1, justifyContent: 'flex-end' }}>
          <View style={{ borderTopWidth: theme.rules.regular, borderTopColor: ink('brand'), paddingTop: mm(theme.space.md) }}>
            <FigureRow figures={figures} width={textArea(frames.programme).width} colour={ink('brand')} size="display" />
            {areas ? <Headline width={textArea(frames.programme).width} style={{ ...text.semibold, ...type('lead'), color: ink('ink'), marginTop: mm(theme.space.sm) }}>{areas}</Headline> : null}
          </View>
        </View>
      ) : null}
    </BookletPage>
  );
}

import type { ReactNode } from 'react';
import { View } from '@react-pdf/renderer';
import { mm } from '../../src/units.js';
import { Sheet } from '../components/Sheet.js';
import { frames } from '../frames.js';
import { theme } from '../theme.js';
import { ink } from '../ink.js';
import { RunningHead } from '../components/RunningHead.js';
import { Folio } from '../components/Folio.js';

/**
 * A text page of the programme booklet: A5, margins swapped by parity (odd pages are
 * rectos, inside margin on the left), running head and folio (in the margins, the theme's
 * `programme.runningHead.offset` and `programme.folio.offset` from the text area). Children
 * fill the text area.
 */
export function BookletPage({ number, head, headColour, campaign, children }: {
  number: number; head?: string; headColour?: string; campaign: string; children: ReactNode;
}) {
  const { format, margins } = frames.programme;
  const recto = number % 2 === 1;
  return (
    <Sheet format={format} background={ink('paper')} number={number}>
      {head ? (
        <RunningHead section={head} campaign={campaign} colour={headColour ?? ink('muted')} recto={recto} top={margins.top - theme.programme.runningHead.offset} inside={margins.inside} outside={margins.outside} />
      ) : null}
      <View style={{ position: 'absolute', top: mm(margins.top), left: mm(recto ? margins.inside : margins.outside), right: mm(recto ? margins.outside : margins.inside), bottom: mm(margins.bottom) }}>
        {children}
      </View>
      <Folio number={number} recto={recto} bottom={margins.bottom - theme.programme.folio.offset} outside={margins.outside} colour={headColour} />
    </Sheet>
  );
}

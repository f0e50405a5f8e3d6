import { createElement, type ReactElement } from 'react';
import { Svg, G, Path, Rect, Circle, Ellipse, Line, Polyline, Polygon } from '@react-pdf/renderer';
import type { SvgNode, VectorLogo as Logo } from '../../src/assets/svg.js';

const ELEMENTS = { G, Path, Rect, Circle, Ellipse, Line, Polyline, Polygon };

/**
 * An SVG logo drawn as vectors (src/assets/svg.ts): react-pdf's <Svg> at `width` × `height`
 * pt, with the logo's shapes and colours as read from its file (print files write each
 * colour as its CMYK through the printer's profile: src/render/cmyk.ts).
 */
export function VectorLogo({ logo, width, height, style }: { logo: Logo; width: number; height: number; style?: Record<string, unknown> }) {
  const draw = (n: SvgNode, key: number): ReactElement => createElement(ELEMENTS[n.tag] as never, { key, ...n.props }, ...n.children.map(draw));
  return (
    <Svg viewBox={logo.viewBox.join(' ')} style={{ ...style, width, height }}>
      <G {...logo.props}>{logo.children.map(draw)}</G>
    </Svg>
  );
}

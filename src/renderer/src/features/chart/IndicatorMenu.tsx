import { useEffect, useRef, useState, type ReactElement } from 'react';
import type { IndicatorKind, IndicatorSpec } from '@shared/dto/indicators';
import { INDICATORS, MAX_INDICATORS, isOverlay, newIndicator } from './indicator-catalog';

interface IndicatorMenuProps {
  indicators: readonly IndicatorSpec[];
  onChange: (indicators: IndicatorSpec[]) => void;
}

/** "+ Indicator": a menu of every kind; overlays go on the price pane, the others below it. */
export function IndicatorMenu({ indicators, onChange }: IndicatorMenuProps): ReactElement {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const full = indicators.length >= MAX_INDICATORS;

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent): void => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const add = (kind: IndicatorKind): void => {
    const spec = newIndicator(kind, indicators);
    if (spec) onChange([...indicators, spec]);
    setOpen(false);
  };

  return (
    <div className="menu-anchor" ref={ref}>
      <button
        type="button"
        className="button button-small"
        data-testid="add-indicator"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={full}
        title={full ? `At most ${MAX_INDICATORS} indicators` : 'Add an indicator'}
        onClick={() => setOpen((value) => !value)}
      >
        + Indicator
      </button>
      {open && (
        <ul className="menu" role="menu" aria-label="Indicators">
          {INDICATORS.map((info) => (
            <li key={info.kind} role="none">
              <button type="button" role="menuitem" className="menu-item" data-testid={`indicator-kind-${info.kind}`} onClick={() => add(info.kind)}>
                <span className="menu-item-label">{info.short}</span>
                <span className="menu-item-name">{info.name}</span>
                <span className="menu-item-meta">{isOverlay(info.kind) ? 'price' : 'pane'}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

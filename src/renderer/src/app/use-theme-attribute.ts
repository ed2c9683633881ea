import { useEffect } from 'react';
import type { Theme } from '@shared/dto/settings';

/** Mirrors the theme setting onto `<html data-theme>`, which selects the CSS variables. */
export function useThemeAttribute(theme: Theme): void {
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}

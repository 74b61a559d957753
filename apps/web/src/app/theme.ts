import { type CSSVariablesResolver, createTheme } from '@mantine/core';

/**
 * Accessible theme: Mantine's default blue at shade 6 fails axe colour-contrast on white, so the primary
 * colour is used at shade 8 (#1864ab-ish, ≥ 4.5:1) and dimmed text is darkened from gray.6 to gray.7.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 5 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
  defaultRadius: 'sm',
  cursorType: 'pointer',
  focusRing: 'auto',
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-anchor': 'var(--mantine-color-blue-8)',
  },
  dark: {},
});

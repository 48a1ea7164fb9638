import { createTheme, type MantineColorsTuple } from '@mantine/core';

// One brand colour: an indigo leaning to violet. Shade 6 is the button colour (#5546e0).
const brand: MantineColorsTuple = [
  '#f1f0ff',
  '#e1defd',
  '#c0baf7',
  '#9e94f2',
  '#8073ed',
  '#6d5fea',
  '#5546e0',
  '#4638c7',
  '#3d31b3',
  '#30279e',
];

export const theme = createTheme({
  primaryColor: 'brand',
  primaryShade: 6,
  colors: { brand },
  defaultRadius: 'md',
  fontFamily:
    'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
  // People who ask their system for less motion get modals and notifications without animation.
  respectReducedMotion: true,
  components: {
    Button: { defaultProps: { fw: 550 } },
    Modal: { defaultProps: { centered: true, radius: 'lg', padding: 'lg', closeButtonProps: { 'aria-label': 'Close' } } },
    Paper: { defaultProps: { radius: 'lg' } },
    Card: { defaultProps: { radius: 'lg' } },
    Tooltip: { defaultProps: { withArrow: true, openDelay: 300 } },
    // A closed option list left in the DOM is labelled like its input, so getByLabel('Role')
    // would find two elements; mount it only while open.
    Select: { defaultProps: { comboboxProps: { keepMounted: false } } },
    MultiSelect: { defaultProps: { comboboxProps: { keepMounted: false } } },
    TagsInput: { defaultProps: { comboboxProps: { keepMounted: false } } },
    Autocomplete: { defaultProps: { comboboxProps: { keepMounted: false } } },
  },
});

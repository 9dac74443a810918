import type { ConfigProviderProps, ThemeConfig } from 'antd';

/**
 * The workbench's antd theme. antd's default greys and status colours are drawn below the 4.5:1 contrast that
 * WCAG 2.1 AA asks of text (its secondary text is 3.4:1 on white, a green tag's text 3.4:1 on its tint), so the
 * tokens that colour text are set here, once, instead of screen by screen. Each ratio is against white, or
 * against the tint the colour is drawn on, whichever is lower.
 */
const workbenchTheme: ThemeConfig = {
  token: {
    // A deeper blue than the #1664ff used before (4.3:1 as the selected menu entry's text on its tint): 5.5:1.
    colorPrimary: '#0958d9',
    colorInfo: '#0958d9',
    colorLink: '#0958d9',
    // Under the pointer a primary button darkens (antd lightens it, to 4.2:1 under white text): 9:1.
    colorPrimaryHover: '#003eb3',
    // Secondary text (descriptions, hints, empty tables) 5.3:1 even on a table header's grey; placeholders 4.7:1.
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.57)',
    // Form messages and error tags: 5.6:1 on white, 4.8:1 on the error tint.
    colorError: '#cf1322',
    borderRadius: 4,
  },
  components: {
    // An empty table's text (暂无数据) is drawn in the disabled grey, 1.6:1: the secondary text's 5.3:1 instead.
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.6)' },
    // Tags write in their colour on its tint: the colour's eighth shade reaches 4.5:1 where antd's seventh does not.
    Tag: {
      colorSuccess: '#237804',
      colorWarning: '#ad4e00',
      green7: '#237804',
      orange7: '#ad4e00',
      gold7: '#874d00',
      cyan7: '#006d75',
      lime7: '#3f6600',
      volcano7: '#ad2102',
    },
  },
};

/**
 * The workbench's antd configuration: its theme, and buttons that keep their text as written. antd spaces out a
 * button's two Chinese characters (办 理); a button labelled for a screen reader (办理 UR3502…) then reads
 * differently from what is shown, which axe reports (label-content-name-mismatch) and speech input cannot match.
 */
export const workbenchConfig = { theme: workbenchTheme, button: { autoInsertSpace: false } } satisfies ConfigProviderProps;

import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { localeOf } from '../i18n';
import { loadPreference } from '../preferences';
import { Standalone } from './Standalone';

// No Office here: the language last chosen on the page, else the browser's, chooses Chinese or English.
const saved = loadPreference('locale');
const locale = saved === 'zh-CN' || saved === 'en-US' ? saved : localeOf(navigator.language);
document.documentElement.lang = locale;
createRoot(document.getElementById('root')!).render(
  <FluentProvider theme={webLightTheme}>
    <Standalone locale={locale} />
  </FluentProvider>,
);

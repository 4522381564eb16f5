import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { localeOf } from '../i18n';
import { Standalone } from './Standalone';

// No Office here: the browser's language chooses Chinese or English.
const locale = localeOf(navigator.language);
document.documentElement.lang = locale;
createRoot(document.getElementById('root')!).render(
  <FluentProvider theme={webLightTheme}>
    <Standalone locale={locale} />
  </FluentProvider>,
);

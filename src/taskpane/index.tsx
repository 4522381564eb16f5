/* global Office */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { createExcelActions } from './actions';
import { App } from './App';
import { localeOf } from './i18n';

void Office.onReady(() => {
  const locale = localeOf(Office.context.displayLanguage);
  createRoot(document.getElementById('root')!).render(
    <FluentProvider theme={webLightTheme}>
      <App actions={createExcelActions(locale)} locale={locale} />
    </FluentProvider>,
  );
});

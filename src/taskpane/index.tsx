import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { whenOfficeReady } from '../office/locale';
import { createExcelActions } from './actions';
import { App } from './App';

whenOfficeReady((locale) => {
  createRoot(document.getElementById('root')!).render(
    <FluentProvider theme={webLightTheme}>
      <App actions={createExcelActions(locale)} locale={locale} />
    </FluentProvider>,
  );
});

import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Field,
  Input,
  Select,
} from '@fluentui/react-components';
import {
  PROFILE_IDS,
  PROFILES,
  ConfigSchema,
  parseConfig,
  normalizeText,
  type ConfigInput,
  type Locale,
  type ProfileId,
} from '../validation';
import { STRINGS } from './i18n';

/** What the user typed: numbers stay text until checked, so a half-typed "0." is not lost. Blank = the profile's value. */
export interface SettingsInput {
  profile: ProfileId;
  tolerance: string;
  satisfactionFloor: string;
}

export const DEFAULT_SETTINGS: SettingsInput = { profile: 'national-2021', tolerance: '', satisfactionFloor: '' };

type SettingsErrors = Partial<Record<'tolerance' | 'satisfactionFloor', string>>;
/** A config when every field is valid; otherwise the message for each invalid field. */
export interface SettingsResult {
  config?: ConfigInput;
  errors: SettingsErrors;
}

/** The settings as the engine's config (the same schema as the CLI's --config), or what is wrong with each field. */
export function settingsToConfig(input: SettingsInput, locale: Locale): SettingsResult {
  const t = STRINGS[locale];
  const errors: SettingsErrors = {};
  const options: Record<string, number> = {};
  for (const field of ['tolerance', 'satisfactionFloor'] as const) {
    const text = normalizeText(input[field]).trim();
    if (text === '') continue;
    const value = Number(text);
    if (!Number.isFinite(value)) errors[field] = t.notANumber;
    else options[field] = value;
  }
  if (Object.keys(errors).length > 0) return { errors };
  const config: ConfigInput = { profile: input.profile, options };
  const parsed = ConfigSchema.safeParse(config);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[1];
      if (field === 'tolerance' || field === 'satisfactionFloor')
        errors[field] = field === 'tolerance' ? t.toleranceRange : t.floorRange;
    }
    return { errors };
  }
  return { config, errors: {} };
}

/** Profile, money tolerance and satisfaction floor: the engine's config schema, with the profile's values as placeholders. */
export function Settings({
  value,
  onChange,
  locale,
  defaultOpen = false,
}: {
  value: SettingsInput;
  onChange: (value: SettingsInput) => void;
  locale: Locale;
  defaultOpen?: boolean;
}) {
  const t = STRINGS[locale];
  const result = settingsToConfig(value, locale);
  const defaults = parseConfig({ profile: value.profile }).options;
  return (
    <Accordion collapsible defaultOpenItems={defaultOpen ? ['settings'] : []}>
      <AccordionItem value="settings">
        <AccordionHeader>{t.settings}</AccordionHeader>
        <AccordionPanel>
          <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
            <Field label={t.profile}>
              <Select
                value={value.profile}
                onChange={(_, data) => {
                  onChange({ ...value, profile: data.value as ProfileId });
                }}
              >
                {PROFILE_IDS.map((id) => (
                  <option key={id} value={id}>
                    {PROFILES[id].description[locale]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t.tolerance} hint={t.toleranceHint} validationMessage={result.errors.tolerance}>
              <Input
                inputMode="decimal"
                value={value.tolerance}
                placeholder={String(defaults.tolerance)}
                onChange={(_, data) => {
                  onChange({ ...value, tolerance: data.value });
                }}
              />
            </Field>
            <Field label={t.satisfactionFloor} validationMessage={result.errors.satisfactionFloor}>
              <Input
                inputMode="decimal"
                value={value.satisfactionFloor}
                placeholder={String(defaults.satisfactionFloor)}
                contentAfter="%"
                onChange={(_, data) => {
                  onChange({ ...value, satisfactionFloor: data.value });
                }}
              />
            </Field>
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

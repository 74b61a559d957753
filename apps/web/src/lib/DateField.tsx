import { TextInput, type TextInputProps } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, parseDate } from './dates';

type Props = Omit<TextInputProps, 'value' | 'onChange'> & {
  /** yyyy-mm-dd or '' */
  value: string;
  onChange: (iso: string) => void;
};

/** A date typed as dd/mm/yyyy (how Vietnamese documents write it); the value stays ISO yyyy-mm-dd. */
export function DateField({ value, onChange, error, ...rest }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(formatDate(value));
  const [bad, setBad] = useState(false);
  useEffect(() => {
    setText(formatDate(value));
    setBad(false);
  }, [value]);
  const commit = () => {
    if (text.trim() === '') {
      setBad(false);
      if (value !== '') onChange('');
      return;
    }
    const iso = parseDate(text);
    setBad(iso === null);
    if (iso && iso !== value) onChange(iso);
  };
  return (
    <TextInput
      {...rest}
      value={text}
      inputMode="numeric"
      placeholder="dd/mm/yyyy"
      autoComplete="off"
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        }
      }}
      error={bad ? t('common.badDate') : error}
    />
  );
}

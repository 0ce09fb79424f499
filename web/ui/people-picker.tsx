import { TagsInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiFetch } from '../app/api';
import { addressOf, namedAddress } from './addresses';
import '../i18n/lazy/activities';
import { apiPaths } from '../app/api-paths';
import type { ApiResource } from '../app/api-types';

/**
 * **To**, **Cc** or **Bcc**: a people picker over the organization's users (found by name as one
 * types two letters or more) that also takes any address typed (`ada@example.com` or
 * `Ada Lovelace <ada@example.com>`), ended by Enter, comma or semicolon. Addresses that cannot be
 * read are named under the field.
 */
export function PeoplePicker({
  label,
  value,
  onChange,
  error,
  autoFocus,
}: {
  label: string;
  value: string[];
  onChange: (value: string[]) => void;
  error?: string | undefined;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation('activities');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const people = usePeopleSearch(debounced);
  const options = (people.data ?? [])
    .map((person) => namedAddress(person.name, person.email))
    .filter((option) => !value.includes(option));
  const unreadable = value.filter((item) => !addressOf(item));
  return (
    <TagsInput
      label={label}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      data={options}
      splitChars={[',', ';']}
      acceptValueOnBlur
      clearable
      autoFocus={autoFocus}
      placeholder={value.length === 0 ? t('email.pickerPlaceholder') : undefined}
      error={
        error ??
        (unreadable.length > 0 ? t('email.notAnAddress', { list: unreadable.join(', ') }) : undefined)
      }
      comboboxProps={{ withinPortal: true }}
      clearButtonProps={{ 'aria-label': t('email.clearField', { field: label }) }}
    />
  );
}

/** A person the people picker offers: an organization user with their address. */
export type Person = { id: string; name: string; email: string };

/**
 * Organization users whose name or email contains the text (for To/Cc/Bcc). A viewer who may not
 * list users gets none, and types addresses instead.
 */
export function usePeopleSearch(text: string) {
  const term = text.trim();
  return useQuery({
    queryKey: ['people', term],
    enabled: term.length >= 2,
    staleTime: 30_000,
    retry: false,
    queryFn: async ({ signal }): Promise<Person[]> => {
      const query = new URLSearchParams({ 'filter[name][contains]': term, 'page[size]': '10' });
      try {
        const document = await apiFetch<{ data: ApiResource<'User'>[] }>(`${apiPaths.users}?${query}`, {
          signal,
        });
        return document.data.map((resource) => ({
          id: resource.id,
          name: resource.attributes.fullName,
          email: resource.attributes.email,
        }));
      } catch (error) {
        if (error instanceof ApiError && error.status === 403) return [];
        throw error;
      }
    },
  });
}

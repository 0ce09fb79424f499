import { Avatar, type AvatarProps } from '@mantine/core';
import { avatarColors } from '../app/theme';

type UserAvatarProps = Omit<AvatarProps, 'src' | 'color' | 'children' | 'name'> & {
  person: { firstName: string; lastName: string };
  src?: string | null;
};

/**
 * A person's picture, or their initials on a colour of their own when they have none (or it
 * fails to load). Decorative: the person's name is always written next to it.
 */
export function UserAvatar({ person, src, ...props }: UserAvatarProps) {
  const initials = `${firstGrapheme(person.firstName)}${firstGrapheme(person.lastName)}`.toUpperCase();
  return (
    <Avatar
      src={src ?? null}
      alt=""
      aria-hidden="true"
      variant="filled"
      color={colorFor(`${person.firstName} ${person.lastName}`)}
      {...props}
    >
      {initials || '?'}
    </Avatar>
  );
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function firstGrapheme(text: string): string {
  const first = segmenter.segment(text.trim())[Symbol.iterator]().next();
  return first.done ? '' : first.value.segment;
}

function colorFor(text: string): string {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return avatarColors[hash % avatarColors.length] ?? 'indigo.8';
}

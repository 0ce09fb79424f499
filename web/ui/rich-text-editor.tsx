import { ActionIcon, Group, Paper, Text, Tooltip } from '@mantine/core';
import { IconBold, IconItalic, IconLink, IconList, IconListNumbers, IconUnlink } from '@tabler/icons-react';
import { type Editor, EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import type { TFunction } from 'i18next';
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './rich-text-editor.module.css';
import '../i18n/lazy/activities';

export type RichTextEditorProps = {
  label: string;
  /** The HTML to start from; replaced whenever `version` changes (a template inserted). */
  value: string;
  version: number;
  onChange: (html: string) => void;
  error?: string | undefined;
};

/**
 * Asks for a link's address (the current one offered): an empty answer removes the link, an
 * address other than http(s) or mailto is ignored.
 */
function promptForLink(editor: Editor, t: TFunction<'activities'>) {
  const previous = editor.getAttributes('link').href as string | undefined;
  const url = window.prompt(t('editor.linkPrompt'), previous ?? 'https://');
  if (url === null) return;
  if (url === '' || url === 'https://') editor.chain().focus().extendMarkRange('link').unsetLink().run();
  else if (/^(https?:|mailto:)/i.test(url))
    editor.chain().focus().extendMarkRange('link').setLink({ href: url }).run();
}

/** The formatting buttons, each pressed while the selection has its format (Link and Unlink are not toggles). */
function EditorToolbar({ editor, label }: { editor: Editor | null; label: string }) {
  const { t } = useTranslation('activities');
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current?.isActive('bold') ?? false,
      italic: current?.isActive('italic') ?? false,
      bulletList: current?.isActive('bulletList') ?? false,
      orderedList: current?.isActive('orderedList') ?? false,
      link: current?.isActive('link') ?? false,
    }),
  });

  const tools = [
    {
      key: 'bold',
      label: t('editor.bold'),
      icon: IconBold,
      run: () => editor?.chain().focus().toggleBold().run(),
      active: state?.bold,
    },
    {
      key: 'italic',
      label: t('editor.italic'),
      icon: IconItalic,
      run: () => editor?.chain().focus().toggleItalic().run(),
      active: state?.italic,
    },
    {
      key: 'bullet',
      label: t('editor.bulletList'),
      icon: IconList,
      run: () => editor?.chain().focus().toggleBulletList().run(),
      active: state?.bulletList,
    },
    {
      key: 'ordered',
      label: t('editor.orderedList'),
      icon: IconListNumbers,
      run: () => editor?.chain().focus().toggleOrderedList().run(),
      active: state?.orderedList,
    },
    {
      key: 'link',
      label: t('editor.link'),
      icon: IconLink,
      run: () => editor && promptForLink(editor, t),
      active: state?.link,
    },
    {
      key: 'unlink',
      label: t('editor.unlink'),
      icon: IconUnlink,
      run: () => editor?.chain().focus().unsetLink().run(),
      active: false,
    },
  ];

  return (
    <Group
      gap={2}
      p={4}
      className={classes.toolbar}
      role="toolbar"
      aria-label={t('editor.formatting', { label })}
    >
      {tools.map((tool) => (
        <Tooltip key={tool.key} label={tool.label} withArrow>
          <ActionIcon
            variant={tool.active ? 'filled' : 'subtle'}
            color="gray.8"
            aria-label={tool.label}
            aria-pressed={tool.key === 'unlink' || tool.key === 'link' ? undefined : Boolean(tool.active)}
            onClick={tool.run}
            disabled={!editor}
          >
            <tool.icon size={16} aria-hidden="true" />
          </ActionIcon>
        </Tooltip>
      ))}
    </Group>
  );
}

/**
 * The email **Body**: a Tiptap editor (bold, italic, lists, links) whose HTML goes to the server,
 * which sanitizes it with its allow-list before storing or sending. Loaded lazily with the Send
 * Email dialog (the default export), so the pages that never write an email do not carry it.
 */
export default function RichTextEditor({ label, value, version, onChange, error }: RichTextEditorProps) {
  const labelId = useId();
  const errorId = useId();
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] },
      }),
    ],
    content: value,
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
        ...(error ? { 'aria-invalid': 'true', 'aria-describedby': errorId } : {}),
        class: classes.content ?? '',
      },
    },
    onUpdate: ({ editor: current }) => onChange(current.getHTML()),
  });
  // A template inserted or a reply prepared: the new text replaces what is there.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new version replaces the text
  useEffect(() => {
    if (editor && version > 0) editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, version]);
  return (
    <div>
      <Text id={labelId} size="sm" fw={500} component="div" mb={4}>
        {label}
      </Text>
      <Paper withBorder radius="sm" className={classes.frame} data-invalid={error ? true : undefined}>
        <EditorToolbar editor={editor} label={label} />
        <EditorContent editor={editor} />
      </Paper>
      {error ? (
        <Text id={errorId} size="xs" c="red.8" mt={4}>
          {error}
        </Text>
      ) : null}
    </div>
  );
}

import type MessageFormat from '@messageformat/core';
import { messageArgumentNames, messageFormatFor, selectArgumentNames } from '../../common/icu-messages';
import { setSourceCompiler } from '../../web/i18n/icu-format';

/**
 * Vitest loads the catalogs (web/i18n/<language>/*.ts) as written, ICU source, where the build
 * compiles them (scripts/icu-catalogs.ts): the i18n instance of the tests compiles each message
 * when first used, with the build's library and options.
 */
const formats = new Map<string, MessageFormat<'string'>>();

setSourceCompiler({
  compile(source, language) {
    let format = formats.get(language);
    if (!format) {
      format = messageFormatFor(language);
      formats.set(language, format);
    }
    return format.compile(source);
  },
  argumentNames: messageArgumentNames,
  selectNames: selectArgumentNames,
});

/** Toneless pinyin of a person's name, for search and sorting. */
import { pinyin } from 'pinyin-pro';

export interface NamePinyin {
  /** Lowercase, no tones or spaces, ü written as v: '吕布' -> 'lvbu'. */
  full: string;
  /** First letter of each syllable; letters and digits in the name are kept as they are. */
  initials: string;
}

// Surname mode at the head only, so 单/曾/仇 read as surnames but 单 later in the name reads normally.
const PINYIN_OPTIONS = { mode: 'surname', surname: 'head', toneType: 'none', type: 'array', v: true } as const;

export function namePinyin(name: string): NamePinyin {
  let full = '';
  let initials = '';
  // 'array' keeps each non-Chinese character as its own element, so initials of a Latin run stay verbatim.
  for (const syllable of pinyin(name, PINYIN_OPTIONS)) {
    const kept = keepLettersAndDigits(syllable);
    if (kept === '') continue;
    full += kept;
    initials += kept[0];
  }
  return { full, initials };
}

function keepLettersAndDigits(text: string): string {
  let kept = '';
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    // Full-width forms (Ａ, ８) sit at a fixed offset from ASCII.
    if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
    if (code >= 65 && code <= 90) code += 32;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) kept += String.fromCharCode(code);
  }
  return kept;
}

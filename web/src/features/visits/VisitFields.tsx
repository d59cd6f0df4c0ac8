/** The visit form's own controls, sized for a thumb: large checkable tags, a note per need found, photos from the camera. */
import { CameraOutlined, CloseOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Tag } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useT } from '@/lib/i18n';
import { HOUSEHOLD_NEEDS, VISIT_LIMITS } from './visits.api';

/** A multi-select as tags of at least 44 px: one tap checks, another unchecks. */
export function CheckTags({ value = [], onChange, options, label }: {
  value?: string[];
  onChange?: (value: string[]) => void;
  options: Record<string, string>;
  label: string;
}) {
  const t = useT();
  const toggle = (key: string, checked: boolean) => {
    // Kept in the catalogue's order, whatever order they were tapped in.
    const next = new Set(value);
    if (checked) next.add(key);
    else next.delete(key);
    onChange?.(Object.keys(options).filter((k) => next.has(k)));
  };
  return (
    <Flex wrap gap={8} role="group" aria-label={label}>
      {Object.entries(options).map(([key, text]) => (
        <Tag.CheckableTag key={key} className="touch-tag" checked={value.includes(key)} onChange={(checked) => toggle(key, checked)}>
          {t(text)}
        </Tag.CheckableTag>
      ))}
    </Flex>
  );
}

export interface NeedValue {
  need: string;
  note: string;
}

/** Needs found on the visit: tap a need to add it, then say what it is about. */
export function NeedsInput({ value = [], onChange }: { value?: NeedValue[]; onChange?: (value: NeedValue[]) => void }) {
  const t = useT();
  const chosen = value.map((n) => n.need);
  const pick = (needs: string[]) => onChange?.(needs.map((need) => value.find((n) => n.need === need) ?? { need, note: '' }));
  const note = (need: string, text: string) => onChange?.(value.map((n) => (n.need === need ? { ...n, note: text } : n)));
  return (
    <Flex vertical gap={12}>
      <CheckTags value={chosen} onChange={pick} options={HOUSEHOLD_NEEDS} label={t('发现需求')} />
      {value.map((n) => (
        <Input
          key={n.need}
          value={n.note}
          maxLength={VISIT_LIMITS.needNote}
          onChange={(e) => note(n.need, e.target.value)}
          prefix={<Tag color="volcano" style={{ marginInlineEnd: 4 }}>{t(HOUSEHOLD_NEEDS[n.need as keyof typeof HOUSEHOLD_NEEDS] ?? n.need)}</Tag>}
          placeholder={t('具体情况（可不填）')}
          aria-label={t('{need}需求说明', { need: t(HOUSEHOLD_NEEDS[n.need as keyof typeof HOUSEHOLD_NEEDS] ?? n.need) })}
        />
      ))}
    </Flex>
  );
}

/** Photos taken or chosen on the device, shown as thumbnails before they are sent. */
export function PhotoPicker({ files, onChange, max = VISIT_LIMITS.photos, busy }: {
  files: File[];
  onChange: (files: File[]) => void;
  max?: number;
  busy?: boolean;
}) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const urls = useMemo(() => files.map((f) => URL.createObjectURL(f)), [files]);
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u)), [urls]);
  return (
    <Flex vertical gap={8}>
      {files.length > 0 && (
        <Flex wrap gap={8} data-testid="photo-thumbnails">
          {files.map((file, i) => (
            <div key={`${file.name}-${i}`} className="visit-thumb">
              <img src={urls[i]} alt={file.name} />
              <Button size="small" shape="circle" icon={<CloseOutlined />} aria-label={t('移除照片 {name}', { name: file.name })}
                onClick={() => onChange(files.filter((_, j) => j !== i))} disabled={busy} />
            </div>
          ))}
        </Flex>
      )}
      <input ref={input} type="file" accept="image/*" capture="environment" multiple style={{ display: 'none' }} data-testid="photo-input"
        onChange={(e) => {
          onChange([...files, ...Array.from(e.target.files ?? [])].slice(0, max));
          // The same photo chosen again after removing it must fire a change too.
          e.target.value = '';
        }} />
      <Button block icon={<CameraOutlined />} className="touch-button" onClick={() => input.current?.click()} disabled={busy || files.length >= max}>
        {files.length >= max ? t('最多 {n} 张照片', { n: max }) : t('拍照或选择照片')}
      </Button>
    </Flex>
  );
}

/** Several regions, picked one at a time with the app's region tree and shown as removable tags. */
import { Flex, Tag } from 'antd';
import { RegionTreeSelect } from '@/components/RegionTreeSelect';
import { useT } from '@/lib/i18n';
import { RegionNames } from './RegionNames';

export function RegionsPicker({ value = [], onChange, id }: { value?: string[]; onChange?: (codes: string[]) => void; id?: string }) {
  const t = useT();
  const add = (code: string | undefined) => code && !value.includes(code) && onChange?.([...value, code]);
  return (
    <Flex vertical gap={8} style={{ width: '100%' }}>
      <RegionTreeSelect id={id} value={undefined} onChange={add} placeholder={t('添加区划（不选为全部）')} />
      {value.length > 0 && (
        <Flex wrap gap={4} data-testid="chosen-regions">
          {value.map((code) => (
            <Tag key={code} closable onClose={() => onChange?.(value.filter((c) => c !== code))}>
              <RegionNames codes={[code]} />
            </Tag>
          ))}
        </Flex>
      )}
    </Flex>
  );
}

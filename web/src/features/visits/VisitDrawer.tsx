/**
 * One visit in full: purposes, outcome, findings, needs with their notes (each may become a
 * measure of the plan), visitors, photos (each view is audited), and adding photos later. A
 * public matter found on the way (a broken streetlight, a blocked drain) is raised as a 12345
 * appeal: the intake form opens filled from the visit.
 */
import { Alert, App, Button, Descriptions, Drawer, Flex, Image, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '@/components/ErrorAlert';
import { useAuth } from '@/lib/auth';
import { formatDateTime } from '@/lib/dayjs';
import { useT } from '@/lib/i18n';
import { useIsNarrow } from '@/lib/useMedia';
import { useRequest } from '@/lib/useRequest';
import { NeedMeasure } from './NeedMeasure';
import { needLabel, OutcomeTag, PurposeTags } from './VisitCard';
import { PhotoPicker } from './VisitFields';
import { getVisit, photoUrl, uploadPhotos, VISIT_LIMITS } from './visits.api';

export function VisitDrawer({ visitId, onClose, onChanged }: { visitId: number; onClose: () => void; onChanged?: () => void }) {
  const t = useT();
  const narrow = useIsNarrow();
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { data: visit, error, reload } = useRequest((signal) => getVisit(visitId, signal), [visitId]);
  const [uploading, setUploading] = useState(false);
  const [failed, setFailed] = useState<Array<{ file: File; error: string }>>([]);

  const addPhotos = async (files: File[]) => {
    if (!visit || files.length === 0) return;
    setUploading(true);
    try {
      const refused = await uploadPhotos(visit.id, files);
      setFailed(refused);
      if (refused.length < files.length) message.success(t('已上传 {n} 张照片', { n: files.length - refused.length }));
      await reload();
      onChanged?.();
    } finally {
      setUploading(false);
    }
  };

  return (
    <Drawer open onClose={onClose} size={narrow ? '100%' : 520} title={visit ? t('走访详情 · {date}', { date: visit.visitedOn }) : t('加载中…')} destroyOnHidden>
      {error && <ErrorAlert error={error} onRetry={reload} />}
      {!visit && !error && <Skeleton active />}
      {visit && (
        <Flex vertical gap={16} data-testid="visit-detail">
          <Descriptions column={1} size="small" items={[
            { key: 'household', label: t('家庭'), children: `${t('{name} 户', { name: visit.headName ?? t('（未指定户主）') })}${visit.address ? ` · ${visit.address}` : ''}` },
            { key: 'outcome', label: t('走访结果'), children: <OutcomeTag outcome={visit.outcome} /> },
            { key: 'purposes', label: t('走访事项'), children: <PurposeTags purposes={visit.purposes} /> },
            { key: 'visitors', label: t('走访人'), children: [visit.recordedByName, ...visit.companions].join('、') },
            { key: 'findings', label: t('走访情况'), children: visit.findings ? <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{visit.findings}</Typography.Paragraph> : '—' },
            { key: 'needs', label: t('发现需求'), children: visit.needs.length ? (
              <Flex vertical gap={4}>
                {visit.needs.map((n, i) => (
                  <Flex key={n.need} gap={8} align="center" wrap data-testid="visit-need">
                    <span><Tag color="volcano">{t(needLabel(n.need))}</Tag>{n.note}</span>
                    <NeedMeasure visit={visit} index={i} onChanged={() => { void reload(); onChanged?.(); }} />
                  </Flex>
                ))}
              </Flex>
            ) : '—' },
            { key: 'recorded', label: t('记录时间'), children: formatDateTime(visit.createdAt) },
          ]} />
          {can('appeal:intake') && (
            <Button onClick={() => navigate(`/appeals/new?visit=${visit.id}`)} data-testid="visit-to-appeal">{t('登记为诉求（12345）')}</Button>
          )}
          <div>
            <Typography.Title level={5}>{t('照片')}（{visit.photos.length}）</Typography.Title>
            {visit.photos.length > 0 && (
              <Image.PreviewGroup>
                <Flex wrap gap={8}>
                  {visit.photos.filter((p) => p.contentType.startsWith('image/')).map((p) => (
                    <Image key={p.id} src={photoUrl(visit.id, p.id)} alt={p.fileName} width={96} height={96} style={{ objectFit: 'cover', borderRadius: 6 }} />
                  ))}
                  {visit.photos.filter((p) => !p.contentType.startsWith('image/')).map((p) => (
                    <a key={p.id} href={photoUrl(visit.id, p.id)}>{p.fileName}</a>
                  ))}
                </Flex>
              </Image.PreviewGroup>
            )}
            {failed.map((f) => <Alert key={f.file.name} type="error" showIcon title={`${f.file.name}：${f.error}`} style={{ marginTop: 8 }} />)}
            {can('visit:write') && visit.photos.length < VISIT_LIMITS.photos && (
              <div style={{ marginTop: 8 }}>
                <PhotoPicker files={[]} onChange={(files) => void addPhotos(files)} max={VISIT_LIMITS.photos - visit.photos.length} busy={uploading} />
              </div>
            )}
          </div>
        </Flex>
      )}
    </Drawer>
  );
}

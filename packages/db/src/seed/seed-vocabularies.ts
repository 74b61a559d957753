import type { Db } from '../client';
import { listVocabularyTerms, upsertVocabularyTerms, type VocabularyTermInput } from '../queries/indicators';
import { findProvinceByCode } from './seed';

/*
 * Hải Phòng's vocabularies as plan 54/KH-UBND (2023) uses them (issue 16): the three person roles of I.2.c, the
 * training tags, the contest / workshop / extracurricular kinds and the "cấp thành phố" level of I.2.đ–e, model
 * kinds of I.2.d and the channel kinds of I.2.b. Data of the province, not code: another province seeds its own
 * and the administrator edits them.
 */
const T = (
  vocabulary: VocabularyTermInput['vocabulary'],
  terms: [code: string, vi: string, en: string][],
): VocabularyTermInput[] =>
  terms.map(([code, labelVi, labelEn], position) => ({ vocabulary, code, labelVi, labelEn, position }));

export const HAI_PHONG_VOCABULARIES: VocabularyTermInput[] = [
  ...T('person_role', [
    ['reporter', 'phóng viên', 'reporter'],
    ['editor', 'biên tập viên', 'editor'],
    ['grassroots_officer', 'cán bộ thông tin cơ sở', 'grassroots information officer'],
  ]),
  ...T('training_tag', [
    ['dx_writing', 'viết tin, bài về chuyển đổi số', 'writing news on digital transformation'],
    ['dx_general', 'kiến thức chung về chuyển đổi số', 'digital transformation basics'],
    ['other', 'nội dung khác', 'other'],
  ]),
  ...T('event_kind', [
    ['contest', 'cuộc thi', 'contest'],
    ['workshop', 'hội thảo', 'workshop'],
    ['extracurricular', 'buổi ngoại khóa', 'extracurricular session'],
    ['other', 'hoạt động khác', 'other activity'],
  ]),
  ...T('event_level', [
    ['city', 'cấp thành phố', 'city level'],
    ['district', 'cấp quận, huyện', 'district level'],
    ['unit', 'cấp đơn vị', 'unit level'],
  ]),
  ...T('model_kind', [
    ['model', 'mô hình chuyển đổi số thành công', 'successful DX model'],
    ['role_model', 'gương điển hình', 'role model'],
  ]),
  ...T('channel_kind', [
    ['newspaper', 'báo in', 'newspaper'],
    ['tv', 'truyền hình', 'television'],
    ['radio', 'phát thanh', 'radio'],
    ['press_portal', 'báo điện tử', 'online newspaper'],
    ['portal', 'cổng/trang thông tin điện tử', 'web portal'],
    ['district_radio', 'hệ thống truyền thanh cấp huyện', 'district radio system'],
    ['commune_loudspeaker', 'loa truyền thanh cơ sở', 'commune loudspeakers'],
    ['zalo', 'Zalo OA', 'Zalo OA'],
    ['facebook', 'trang Facebook', 'Facebook page'],
    ['youtube', 'kênh YouTube', 'YouTube channel'],
    ['other', 'kênh khác', 'other channel'],
  ]),
];

/** Seeds Hải Phòng's vocabularies (idempotent: an existing term is left as the administrator edited it). */
export async function seedVocabularies(db: Db): Promise<number> {
  const provinceId = await findProvinceByCode(db, '31');
  if (!provinceId) return 0;
  const have = new Set((await listVocabularyTerms(db, provinceId)).map((t) => `${t.vocabulary}:${t.code}`));
  return upsertVocabularyTerms(
    db,
    provinceId,
    HAI_PHONG_VOCABULARIES.filter((t) => !have.has(`${t.vocabulary}:${t.code}`)),
  );
}

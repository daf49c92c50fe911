import type { z } from 'zod';
import type { Entry, Expert } from '../../../shared/domain/contest.ts';

type EntryInput = z.input<typeof Entry>;
type ExpertInput = z.input<typeof Expert>;

const YUGRA = 'Ханты-Мансийский автономный округ — Югра';
const INVENTED_ENTRY = 'Демо-данные: вымышленный участник, не связан с реальной организацией.';
const MOSCOW = 'Москва';

/** A network entry: where it comes from, and a one-line description. */
function network(id: string, categoryId: string, title: string, region: string, description: string, n: number): EntryInput {
  return {
    id,
    nominationId: 'nom-network',
    categoryId,
    title,
    organisation: title,
    region,
    description,
    applicationNo: `МФЦ-${String(n).padStart(3, '0')}`,
    appliedOn: `2026-06-${String(1 + (n % 28)).padStart(2, '0')}`,
  };
}

function invented(id: string, categoryId: string, title: string, region: string, n: number): EntryInput {
  return network(id, categoryId, `${title} (демо)`, region, INVENTED_ENTRY, n);
}

/** Invented entries of a nomination without categories: [id, title, region] each, numbered from `first`. */
function inventedPeople(nominationId: string, code: string, description: string, month: string, first: number, rows: [string, string, string][]): EntryInput[] {
  return rows.map(([id, title, region], i) => ({
    id,
    nominationId,
    title: `${title} (демо)`,
    organisation: `МФЦ «${region}» (демо)`,
    region,
    description,
    applicationNo: `${code}-${String(first + i).padStart(3, '0')}`,
    appliedOn: `${month}-${String(first + i).padStart(2, '0')}`,
  }));
}

/** Entries named in the seed come first in their lists; the rest are invented and say so in title and description. */
export const entries: EntryInput[] = [
  network('entry-yugra-khanty', 'cat-network-small', 'Филиал МФЦ Югры в г. Ханты-Мансийске', YUGRA,
    'Филиал МФЦ Югры, представляет автономный округ в категории «Малая региональная сеть МФЦ» (по тексту новости).', 1),
  network('entry-yugra-urai', 'cat-network-small', 'Филиал МФЦ Югры в г. Урае', YUGRA,
    'Филиал МФЦ Югры, представляет автономный округ в категории «Малая региональная сеть МФЦ» (по тексту новости).', 2),
  network('entry-yugra-langepas', 'cat-network-small', 'Филиал МФЦ Югры в г. Лангепасе', YUGRA,
    'Филиал МФЦ Югры, представляет автономный округ в категории «Малая региональная сеть МФЦ» (по тексту новости).', 3),
  invented('entry-altai', 'cat-network-small', 'Сеть МФЦ «Горный край»', 'Республика Алтай', 4),
  invented('entry-chukotka', 'cat-network-small', 'Сеть МФЦ «Северное сияние»', 'Чукотский автономный округ', 5),
  invented('entry-nenets', 'cat-network-small', 'Сеть МФЦ «Тундра»', 'Ненецкий автономный округ', 6),
  invented('entry-magadan', 'cat-network-small', 'Сеть МФЦ «Колыма»', 'Магаданская область', 7),

  invented('entry-vologda', 'cat-network-medium', 'Сеть МФЦ «Вологодские просторы»', 'Вологодская область', 8),
  invented('entry-kaluga', 'cat-network-medium', 'Сеть МФЦ «Калужская застава»', 'Калужская область', 9),
  invented('entry-tomsk', 'cat-network-medium', 'Сеть МФЦ «Томь»', 'Томская область', 10),
  invented('entry-mordovia', 'cat-network-medium', 'Сеть МФЦ «Сура»', 'Республика Мордовия', 11),
  invented('entry-kostroma', 'cat-network-medium', 'Сеть МФЦ «Волжский берег»', 'Костромская область', 12),
  invented('entry-pskov', 'cat-network-medium', 'Сеть МФЦ «Псковское окно»', 'Псковская область', 13),

  invented('entry-bashkortostan', 'cat-network-large', 'Сеть МФЦ «Агидель»', 'Республика Башкортостан', 14),
  invented('entry-tatarstan', 'cat-network-large', 'Сеть МФЦ «Кама»', 'Республика Татарстан', 15),
  invented('entry-krasnodar', 'cat-network-large', 'Сеть МФЦ «Кубань рядом»', 'Краснодарский край', 16),
  invented('entry-sverdlovsk', 'cat-network-large', 'Сеть МФЦ «Уральский узел»', 'Свердловская область', 17),
  invented('entry-moscow-region', 'cat-network-large', 'Сеть МФЦ «Подмосковье рядом»', 'Московская область', 18),

  {
    id: 'entry-volkov',
    nominationId: 'nom-specialist',
    title: 'Сергей Волков',
    organisation: 'Филиал МФЦ Югры в г. Урае',
    region: YUGRA,
    description: 'Специалист МФЦ из Урая; поборется за звание «Лучший универсальный специалист МФЦ» (по тексту новости).',
    applicationNo: 'СП-001',
    appliedOn: '2026-06-10',
  },
  ...inventedPeople('nom-specialist', 'СП', 'Демо-данные: вымышленный специалист.', '2026-06', 2, [
    ['entry-spec-kuznetsova', 'Анна Кузнецова', 'Вологодская область'],
    ['entry-spec-ibragimov', 'Ринат Ибрагимов', 'Республика Татарстан'],
    ['entry-spec-belova', 'Ольга Белова', 'Калужская область'],
    ['entry-spec-sidorenko', 'Дмитрий Сидоренко', 'Краснодарский край'],
    ['entry-spec-gareeva', 'Лилия Гареева', 'Республика Башкортостан'],
    ['entry-spec-morozov', 'Илья Морозов', 'Томская область'],
  ]),
  ...inventedPeople('nom-project', 'ПР', 'Демо-данные: вымышленный проект.', '2026-07', 1, [
    ['entry-proj-outreach', 'Выездной офис для отдалённых посёлков', 'Республика Саха (Якутия)'],
    ['entry-proj-messenger', 'Запись в МФЦ через мессенджер', 'Новосибирская область'],
    ['entry-proj-business', 'Единое окно предпринимателя', 'Самарская область'],
    ['entry-proj-assistant', 'Цифровой помощник в зале ожидания', 'Нижегородская область'],
    ['entry-proj-sign', 'Услуги на русском жестовом языке', 'Пермский край'],
    ['entry-proj-post', 'Мобильный МФЦ в почтовых отделениях', 'Алтайский край'],
    ['entry-proj-feedback', 'Отзывы заявителей в реальном времени', 'Тульская область'],
  ]),
];

const INVENTED_EXPERT = '(демо)';

/**
 * The seed says experts are representatives of the Government Office and of the relevant
 * ministries and agencies; every person here is invented.
 */
export const experts: ExpertInput[] = [
  { id: 'orlova', name: `Орлова Наталья Сергеевна ${INVENTED_EXPERT}`, organisation: 'Минэкономразвития России', region: MOSCOW, position: 'Председатель жюри', role: 'chair' },
  { id: 'smirnov', name: `Смирнов Алексей Викторович ${INVENTED_EXPERT}`, organisation: 'Аппарат Правительства Российской Федерации', region: MOSCOW, position: 'Консультант департамента' },
  { id: 'lebedeva', name: `Лебедева Марина Олеговна ${INVENTED_EXPERT}`, organisation: 'Аппарат Правительства Российской Федерации', region: MOSCOW, position: 'Советник департамента' },
  { id: 'fedorov', name: `Фёдоров Игорь Андреевич ${INVENTED_EXPERT}`, organisation: 'Минэкономразвития России', region: MOSCOW, position: 'Заместитель директора департамента' },
  { id: 'kim', name: `Ким Елена Владимировна ${INVENTED_EXPERT}`, organisation: 'Минцифры России', region: MOSCOW, position: 'Начальник отдела' },
  { id: 'popov', name: `Попов Андрей Николаевич ${INVENTED_EXPERT}`, organisation: 'Росреестр', region: MOSCOW, position: 'Советник руководителя' },
  { id: 'sokolova', name: `Соколова Татьяна Ивановна ${INVENTED_EXPERT}`, organisation: 'ФНС России', region: MOSCOW, position: 'Начальник управления' },
  { id: 'nurmukhametov', name: `Нурмухаметов Айдар Рустемович ${INVENTED_EXPERT}`, organisation: 'Министерство цифрового развития Республики Башкортостан', region: 'Республика Башкортостан', position: 'Эксперт' },
  { id: 'yakovleva', name: `Яковлева Светлана Петровна ${INVENTED_EXPERT}`, organisation: 'Департамент экономического развития Югры', region: YUGRA, position: 'Эксперт' },
];

"""Bundled English glosses of Japanese and Russian trade vocabulary.

multilingual-e5-small is weakest on Japanese and on rare technical words: it does not know
that ベアリング and подшипник are both "bearings". Before a Japanese or Russian text is embedded,
the English glosses of the domain terms it contains are appended in brackets, so both sides
meet in the model's strongest language. The original text is still what explanations show.

The vocabulary is general trade and industry terminology (machinery, food, fisheries, timber,
energy, medicine, logistics, IT, agriculture, tourism...), not a list of development-set words.
"""

from __future__ import annotations

import re
from functools import lru_cache

JA_TERMS: dict[str, str] = {
    # machinery, metalworking, automation
    "工作機械": "machine tools", "旋盤": "lathe", "マシニングセンタ": "machining centre",
    "フライス": "milling machine", "研削盤": "grinding machine", "プレス機": "press machine",
    "金型": "moulds and dies", "ダイカスト": "die casting", "鋳造": "casting", "鍛造": "forging",
    "溶接": "welding", "切削工具": "cutting tools", "ベアリング": "bearings",
    "軸受": "bearings", "油圧": "hydraulics", "空圧": "pneumatics", "ポンプ": "pumps",
    "バルブ": "valves", "コンプレッサ": "compressors", "減速機": "gearboxes", "モーター": "motors",
    "ロボット": "robots", "自動化": "automation", "協働ロボット": "collaborative robots",
    "センサ": "sensors", "制御盤": "control panels", "計測": "measurement",
    "測定機": "measuring machines", "ゲージ": "gauges", "検査装置": "inspection equipment",
    "レーザ": "laser", "光学": "optics", "レンズ": "lenses", "半導体": "semiconductors",
    "電子部品": "electronic components", "基板": "circuit boards", "クレーン": "cranes",
    "建設機械": "construction machinery", "油圧ショベル": "hydraulic excavators",
    "鉱山": "mining", "補修部品": "spare parts", "部品": "parts", "スペアパーツ": "spare parts",
    "レトロフィット": "retrofit", "メンテナンス": "maintenance",
    "アフターサービス": "after-sales service",
    "受託製造": "contract manufacturing", "OEM": "OEM manufacturing", "3Dプリンタ": "3D printer",
    "金属粉末": "metal powder", "粉末": "powder", "チタン": "titanium", "アルミ": "aluminium",
    "鉄鋼": "steel", "樹脂": "plastic resin", "フィルム": "film", "繊維": "textiles",
    "染色": "dyeing", "織物": "woven fabrics", "包装": "packaging", "真空包装": "vacuum packaging",
    "包装機": "packaging machines", "梱包": "packing",
    # energy, environment
    "発電": "power generation", "発電機": "generators", "タービン": "turbines",
    "コージェネ": "cogeneration", "太陽光": "solar power", "風力": "wind power",
    "蓄電池": "battery storage", "水素": "hydrogen", "電解装置": "electrolysers",
    "バイオマス": "biomass", "ペレット": "wood pellets", "木材チップ": "wood chips",
    "チップ": "chips", "LNG": "liquefied natural gas", "極低温": "cryogenic",
    "省エネ": "energy saving", "断熱": "thermal insulation", "サッシ": "window frames",
    "窓": "windows", "ごみ": "waste", "廃棄物": "waste", "リサイクル": "recycling",
    "選別": "sorting", "水処理": "water treatment", "浄水": "water purification",
    "排水": "wastewater", "膜": "membrane", "ろ過": "filtration",
    # timber, construction
    "木材": "timber", "製材": "sawmill lumber", "製材所": "sawmill", "カラマツ": "larch",
    "集成材": "glued laminated timber", "プレカット": "precut timber framing",
    "構造材": "structural timber", "乾燥": "drying", "家具": "furniture", "無垢材": "solid wood",
    "白樺": "birch", "合板": "plywood", "パルプ": "pulp", "製紙": "paper making", "紙": "paper",
    "住宅": "housing", "建設": "construction", "建材": "building materials",
    # food, agriculture, fisheries
    "水産": "fisheries seafood", "水産物": "seafood", "水産加工": "fish processing",
    "ホタテ": "scallops", "ウニ": "sea urchin", "カニ": "crab", "鮭": "salmon", "サケ": "salmon",
    "いくら": "salmon roe", "昆布": "kelp", "海藻": "seaweed", "養殖": "aquaculture",
    "漁業": "fishing", "漁船": "fishing vessels", "冷凍": "freezing frozen",
    "急速冷凍": "rapid freezing", "冷凍コンテナ": "refrigerated containers",
    "食品": "food", "食品加工": "food processing", "健康食品": "health food",
    "サプリメント": "dietary supplements", "調味料": "seasonings", "味噌": "miso",
    "醤油": "soy sauce", "豆腐": "tofu", "豆乳": "soy milk", "大豆": "soybeans",
    "遺伝子組換え": "genetically modified GMO", "そば": "buckwheat soba",
    "そば粉": "buckwheat flour",
    "玄そば": "buckwheat grain", "製麺": "noodle making", "麺": "noodles", "米": "rice",
    "田植機": "rice transplanters", "トラクタ": "tractors", "コンバイン": "combine harvesters",
    "農業": "agriculture", "農機": "agricultural machinery", "農薬": "pesticides",
    "散布": "spraying", "ドローン": "drones", "種子": "seeds", "温室": "greenhouses",
    "植物工場": "plant factory", "野菜": "vegetables", "果物": "fruit", "酪農": "dairy farming",
    "乳牛": "dairy cattle", "牛": "cattle", "はちみつ": "honey", "蜂蜜": "honey", "ナッツ": "nuts",
    "ベリー": "berries", "菓子": "confectionery sweets", "和菓子": "Japanese sweets",
    "抹茶": "matcha green tea", "日本酒": "sake", "酒": "alcoholic beverages", "ワイン": "wine",
    "ウイスキー": "whisky", "飲料": "beverages",
    # medicine, care, cosmetics
    "医療機器": "medical devices", "医療": "medical", "超音波": "ultrasound",
    "内視鏡": "endoscopes", "診断": "diagnostics", "検診": "medical check-up",
    "人間ドック": "health screening", "病院": "hospitals", "クリニック": "clinics",
    "歯科": "dental", "インプラント": "implants", "リハビリ": "rehabilitation",
    "介護": "elderly care", "介護施設": "nursing homes", "医薬品": "pharmaceuticals",
    "製薬": "pharmaceutical manufacturing", "化粧品": "cosmetics", "スキンケア": "skincare",
    "美容液": "serum", "化粧水": "facial lotion", "植物エキス": "plant extracts",
    "エキス": "extracts", "ハーブ": "herbs", "オイル": "oils", "圧電": "piezoelectric",
    "振動子": "transducers", "トランスデューサ": "transducers", "プローブ": "probes",
    # logistics, trade, services
    "物流": "logistics", "海上輸送": "sea freight", "海運": "shipping", "航路": "shipping line",
    "コンテナ": "containers", "鉄道": "railway", "シベリア鉄道": "Trans-Siberian Railway",
    "輸送": "transport", "通関": "customs clearance", "倉庫": "warehouse", "港": "port",
    "船舶": "ships", "船": "ships", "エンジン": "engines", "修理": "repair",
    "輸入": "import", "輸出": "export", "卸売": "wholesale", "販売代理店": "distributor dealer",
    "代理店": "agent distributor", "ディーラー": "dealer", "商社": "trading company",
    "通販": "mail order e-commerce", "ネット通販": "online shop e-commerce",
    "中古車": "used cars", "自動車": "automobiles", "車載": "automotive",
    "信号": "signalling", "列車制御": "train control",
    "ソフトウェア": "software", "組込み": "embedded", "オフショア開発": "offshore development",
    "ローカライズ": "localisation", "翻訳": "translation", "通訳": "interpreting",
    "アニメ": "animation", "ゲーム": "games", "生産管理": "production management",
    "生産計画": "production planning", "スケジューラ": "scheduler",
    "観光": "tourism", "旅行": "travel", "ツアー": "tours", "スキー": "skiing",
    "温泉": "hot springs onsen", "医療ツーリズム": "medical tourism",
    "日本語": "Japanese language", "研修": "training", "人材": "human resources",
    "コンサルティング": "consulting", "技術指導": "technical guidance",
}  # fmt: skip

RU_TERMS: dict[str, str] = {
    # stems (matched at a word start, any ending) -> English gloss
    "станк": "machine tools", "токарн": "lathe", "фрезерн": "milling",
    "обрабатывающ": "machining", "чпу": "CNC", "металлообработ": "metalworking",
    "подшипник": "bearings", "гидравлик": "hydraulics", "насос": "pumps", "клапан": "valves",
    "задвижк": "valves", "компрессор": "compressors", "редуктор": "gearboxes",
    "двигател": "engines motors", "робот": "robots", "манипулятор": "robot arms",
    "автоматизац": "automation", "роботизац": "robotisation", "датчик": "sensors",
    "измерительн": "measuring", "метролог": "metrology", "калибровк": "calibration",
    "лазер": "laser", "оптическ": "optics", "кристалл": "crystals", "сварк": "welding",
    "сварочн": "welding", "литьё": "casting", "литьем": "casting", "литья": "casting",
    "пресс-форм": "moulds", "запчаст": "spare parts", "запасн": "spare parts",
    "экскаватор": "excavators", "самосвал": "dump trucks", "карьерн": "mining",
    "добыч": "mining extraction", "уголь": "coal", "угля": "coal", "кран": "cranes",
    "3d-печат": "3D printing", "порошк": "powders", "титан": "titanium",
    "алюмини": "aluminium", "ткан": "fabrics textiles", "текстил": "textiles",
    "красильн": "dyeing", "упаковк": "packaging", "упаковочн": "packaging",
    "плёнк": "film", "пленк": "film", "биоразлагаем": "biodegradable",
    # energy, environment, construction
    "электростанц": "power plants", "энерг": "energy", "когенерац": "cogeneration",
    "дизельн": "diesel", "ветр": "wind", "ветрогенератор": "wind turbines",
    "солнечн": "solar", "водород": "hydrogen", "электролиз": "electrolysers",
    "пеллет": "wood pellets", "биомасс": "biomass", "спг": "LNG liquefied natural gas",
    "криоген": "cryogenic", "отход": "waste", "мусор": "waste", "сортировк": "sorting",
    "переработк": "processing recycling", "очистн": "treatment", "водоочистк": "water treatment",
    "водопровод": "water supply", "мембран": "membrane", "фильтрац": "filtration",
    "теплоизоляц": "thermal insulation", "окн": "windows", "энергоэффективн": "energy efficient",
    "строительств": "construction", "жил": "housing residential",
    "пиломатериал": "sawn timber lumber", "лесопил": "sawmill", "лиственниц": "larch",
    "сосн": "pine", "клеён": "glued laminated", "брус": "timber beams", "сушк": "drying",
    "сушильн": "drying kilns", "древесин": "wood", "древесн": "wood", "мебел": "furniture",
    "берёз": "birch", "берез": "birch", "массив": "solid wood", "целлюлоз": "pulp",
    "бумаг": "paper",
    # food, agriculture, fisheries
    "морепродукт": "seafood", "рыб": "fish", "гребеш": "scallops", "морск": "sea",
    "краб": "crab", "лосос": "salmon",
    "икр": "roe caviar", "минтай": "pollock", "трепанг": "sea cucumber", "треск": "cod",
    "марикультур": "aquaculture", "аквакультур": "aquaculture", "молод": "juvenile seed stock",
    "вылов": "catch fishing", "заморозк": "freezing", "заморож": "frozen", "мороже": "frozen",
    "сои": "soybeans", "соя": "soybeans", "соев": "soy", "тофу": "tofu", "натто": "natto",
    "гмо": "GMO", "гречк": "buckwheat", "гречнев": "buckwheat", "рисов": "rice",
    "орех": "nuts", "ягод": "berries", "облепих": "sea buckthorn",
    "экстракт": "extracts", "растительн": "plant herbal", "бад": "dietary supplements",
    "трактор": "tractors", "комбайн": "combine harvesters", "рисопосадочн": "rice transplanters",
    "сельхоз": "agricultural", "земледел": "farming", "дрон": "drones",
    "опрыскиван": "spraying", "семен": "seeds", "тепли": "greenhouses", "овощ": "vegetables",
    "фитосветильник": "grow lights", "светодиод": "LED", "молочн": "dairy", "коров": "cows",
    "генетик": "genetics", "стад": "herd", "соус": "sauces", "приправ": "seasonings",
    "лапш": "noodles", "продукт": "food products", "пищев": "food", "вино": "wine", "винн": "wine",
    "саке": "sake", "виски": "whisky", "напит": "beverages", "сладост": "sweets",
    # medicine, care, cosmetics
    "медицинск": "medical", "узи": "ultrasound", "ультразвук": "ultrasound",
    "эндоскоп": "endoscopes", "диагностическ": "diagnostic", "стоматолог": "dental",
    "дентальн": "dental", "имплант": "implants", "реабилитац": "rehabilitation",
    "экзоскелет": "exoskeletons", "клиник": "clinics", "больниц": "hospitals",
    "пациент": "patients", "лечени": "medical treatment", "пожил": "elderly",
    "пансионат": "care homes", "уход": "care", "косметик": "cosmetics", "кож": "skin",
    "пьезо": "piezoelectric", "преобразовател": "transducers", "зонд": "probes",
    # logistics, trade, services
    "логистик": "logistics", "контейнер": "containers", "перевоз": "transport",
    "мультимодальн": "multimodal", "транссиб": "Trans-Siberian Railway",
    "железнодорожн": "railway", "таможен": "customs", "склад": "warehouse",
    "терминал": "terminal", "стивидор": "stevedoring", "порт": "port", "суд": "vessels ships",
    "судоремонт": "ship repair", "ремонт": "repair", "обслуживан": "maintenance service",
    "сигнализац": "signalling", "телемеханик": "telemechanics", "дистрибуц": "distribution",
    "дистрибьютор": "distributors", "дилер": "dealer", "импорт": "import", "экспорт": "export",
    "оптов": "wholesale", "интернет-магазин": "online shop", "маркетплейс": "marketplaces",
    "автомобил": "automobiles cars", "подержан": "used", "аукцион": "auctions",
    "программн": "software", "erp": "ERP", "mes": "MES",
    "внедрен": "implementation", "локализац": "localisation", "разработк": "development",
    "аутсорсинг": "outsourcing", "анимац": "animation", "перевод": "translation",
    "туризм": "tourism", "турбин": "turbines", "тур": "tours", "туроператор": "tour operators",
    "горнолыжн": "skiing", "онсэн": "hot springs onsen", "чартерн": "charter flights",
    "японск": "Japanese", "курс": "courses", "стажировк": "internships",
    "обучени": "training", "консалтинг": "consulting",
}  # fmt: skip

# short Russian words matched only as whole words (as stems they would catch "риск", "винт")
RU_WORDS: dict[str, str] = {
    "рис": "rice", "риса": "rice", "рисом": "rice", "ёж": "sea urchin", "ежа": "sea urchin",
    "ежи": "sea urchin", "мёд": "honey", "мед": "honey", "мёда": "honey", "меда": "honey",
    "жд": "railway", "вин": "wine", "вина": "wine",
}  # fmt: skip

_WORD_RE = re.compile(r"[\w\-]+", re.UNICODE)


@lru_cache(maxsize=1)
def _ja_pattern() -> re.Pattern[str]:
    terms = sorted(JA_TERMS, key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in terms))


@lru_cache(maxsize=1)
def _ru_stem_lengths() -> tuple[int, ...]:
    """The lengths of the Russian stems, longest first."""
    return tuple(sorted({len(stem) for stem in RU_TERMS}, reverse=True))


@lru_cache(maxsize=65536)
def _ru_gloss(word: str) -> str | None:
    """The gloss of one lower-cased Russian word: a whole-word entry, else its longest stem.

    At most one stem of a given length can start ``word`` (its prefix of that length), so
    trying the prefixes longest first finds the same stem as scanning every stem by length.
    """
    if word in RU_WORDS:
        return RU_WORDS[word]
    for size in _ru_stem_lengths():
        if size > len(word):
            continue
        stem = word[:size]
        if stem in RU_TERMS and (size >= 3 or word == stem):
            return RU_TERMS[stem]
    return None


def glosses(text: str, language: str) -> list[str]:
    """English glosses of the known terms in ``text`` (in order of appearance, unique)."""
    found: list[str] = []
    if language == "ja":
        found = [JA_TERMS[m.group(0)] for m in _ja_pattern().finditer(text)]
    elif language == "ru":
        for word in _WORD_RE.findall(text.lower()):
            gloss = _ru_gloss(word)
            if gloss is not None:
                found.append(gloss)
    return list(dict.fromkeys(found))


def expand(text: str, language: str) -> str:
    """``text`` with the English glosses of its domain terms appended in brackets."""
    extra = glosses(text, language)
    if not extra:
        return text
    return f"{text} ({'; '.join(extra)})"

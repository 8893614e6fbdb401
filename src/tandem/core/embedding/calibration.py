"""Language centring: remove the "which language is this" direction from e5 vectors.

multilingual-e5-small puts texts of one language close together whatever they say, so a
Japanese need is pulled towards Japanese offers instead of the Russian offer that meets it.
Subtracting the mean vector of each (language, e5 kind) and re-normalising removes most of that
bias. The means come from the small parallel set of generic business sentences below (written
for this purpose; none is taken from the development set), embedded once through the same
embedder, so they are independent of what happens to be indexed and never drift.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import numpy.typing as npt

from tandem.core.embedding.base import Embedder, EmbedKind

F32 = npt.NDArray[np.float32]

# (en, ja, ru): the same generic sentence in the three languages
REFERENCE_SENTENCES: tuple[tuple[str, str, str], ...] = (
    ("We are a family-owned company founded in 1985.",
     "当社は1985年創業の家族経営の会社です。",
     "Мы семейная компания, основанная в 1985 году."),
    ("We sell office furniture to companies in our city.",
     "市内の企業にオフィス家具を販売しています。",
     "Мы продаём офисную мебель компаниям нашего города."),
    ("Our factory produces plastic parts for household appliances.",
     "当社の工場では家電製品向けのプラスチック部品を生産しています。",
     "Наш завод производит пластиковые детали для бытовой техники."),
    ("We are looking for new customers abroad.",
     "海外の新しい顧客を探しています。",
     "Мы ищем новых клиентов за рубежом."),
    ("We provide repair and maintenance services.",
     "修理とメンテナンスのサービスを提供しています。",
     "Мы оказываем услуги по ремонту и техническому обслуживанию."),
    ("We want to find a reliable supplier of raw materials.",
     "信頼できる原材料の供給元を見つけたいです。",
     "Мы хотим найти надёжного поставщика сырья."),
    ("Our company has 40 employees and two warehouses.",
     "従業員は40名で、倉庫を2つ持っています。",
     "В нашей компании 40 сотрудников и два склада."),
    ("We import and distribute consumer goods.",
     "消費財の輸入と卸売を行っています。",
     "Мы импортируем и распространяем потребительские товары."),
    ("We develop mobile applications for retail chains.",
     "小売チェーン向けのモバイルアプリを開発しています。",
     "Мы разрабатываем мобильные приложения для розничных сетей."),
    ("We need a partner for joint production.",
     "共同生産のためのパートナーが必要です。",
     "Нам нужен партнёр для совместного производства."),
    ("We grow vegetables and fruit on our own farm.",
     "自社農場で野菜と果物を栽培しています。",
     "Мы выращиваем овощи и фрукты на собственной ферме."),
    ("We offer consulting on quality management and certification.",
     "品質管理と認証取得のコンサルティングを提供します。",
     "Мы предлагаем консалтинг по управлению качеством и сертификации."),
    ("We are interested in investment and new technologies.",
     "投資と新しい技術に関心があります。",
     "Нас интересуют инвестиции и новые технологии."),
    ("We build houses and commercial buildings.",
     "住宅と商業ビルを建設しています。",
     "Мы строим жилые дома и коммерческие здания."),
    ("We transport goods by truck across the region.",
     "地域全体でトラックによる貨物輸送を行っています。",
     "Мы перевозим грузы грузовиками по всему региону."),
    ("We are searching for distributors of our products.",
     "当社製品の販売代理店を探しています。",
     "Мы ищем дистрибьюторов нашей продукции."),
    ("We print books, catalogues and labels.",
     "書籍、カタログ、ラベルを印刷しています。",
     "Мы печатаем книги, каталоги и этикетки."),
    ("Our hotel welcomes guests from many countries.",
     "当ホテルは多くの国からお客様をお迎えしています。",
     "Наша гостиница принимает гостей из многих стран."),
    ("We would like to buy modern equipment for our plant.",
     "工場のために最新の設備を購入したいと考えています。",
     "Мы хотели бы купить современное оборудование для нашего завода."),
    ("We train staff and organise seminars.",
     "社員研修やセミナーを開催しています。",
     "Мы обучаем персонал и организуем семинары."),
    ("We manufacture electrical cables and wires.",
     "電線とケーブルを製造しています。",
     "Мы производим электрические кабели и провода."),
    ("We seek a long-term business partner in another country.",
     "他の国で長期的なビジネスパートナーを求めています。",
     "Мы ищем долгосрочного делового партнёра в другой стране."),
    ("We run a chain of restaurants and cafes.",
     "レストランとカフェのチェーンを運営しています。",
     "Мы управляем сетью ресторанов и кафе."),
    ("We supply spare parts and tools to workshops.",
     "整備工場に部品と工具を供給しています。",
     "Мы поставляем запчасти и инструменты в мастерские."),
    ("Our engineers design custom solutions for clients.",
     "当社のエンジニアがお客様向けに個別のソリューションを設計します。",
     "Наши инженеры разрабатывают индивидуальные решения для клиентов."),
    ("We want to export our products to Asia.",
     "当社の製品をアジアへ輸出したいです。",
     "Мы хотим экспортировать нашу продукцию в Азию."),
    ("We clean offices and public buildings.",
     "オフィスと公共施設の清掃を行っています。",
     "Мы убираем офисы и общественные здания."),
    ("We look for licences and know-how to start new production.",
     "新しい生産を始めるためのライセンスとノウハウを探しています。",
     "Мы ищем лицензии и ноу-хау для запуска нового производства."),
    ("We sell clothes and shoes online.",
     "衣料品と靴をネットで販売しています。",
     "Мы продаём одежду и обувь через интернет."),
    ("Our laboratory tests products for safety.",
     "当社の試験所では製品の安全性を検査しています。",
     "Наша лаборатория проверяет продукцию на безопасность."),
)  # fmt: skip
_LANG_COLUMN = {"en": 0, "ja": 1, "ru": 2}


class LanguageCentering:
    """Per-(kind, language) mean vectors and the centring transform that uses them.

    The mean used is the reference mean blended with the running mean of the indexed
    population: ``(population_sum + prior_weight * reference) / (count + prior_weight)``.
    A small index is centred by the reference sentences, a big one by its own texts.
    :meth:`freeze` fixes the means used by :meth:`apply` until the next call, so stored
    vectors stay consistent; :meth:`drift` says how much the population changed since.
    """

    def __init__(
        self, reference: Mapping[tuple[EmbedKind, str], F32], *, prior_weight: float = 20.0
    ) -> None:
        self.reference: dict[tuple[EmbedKind, str], F32] = {
            k: np.asarray(v, dtype=np.float32) for k, v in reference.items()
        }
        self.prior_weight = prior_weight
        self._sums: dict[tuple[EmbedKind, str], npt.NDArray[np.float64]] = {}
        self._counts: dict[tuple[EmbedKind, str], int] = {}
        self._frozen: dict[tuple[EmbedKind, str], F32] = {}
        self._frozen_counts: dict[tuple[EmbedKind, str], int] = {}
        self.freeze()

    @classmethod
    def from_embedder(cls, embedder: Embedder, *, prior_weight: float = 20.0) -> LanguageCentering:
        """Embed the reference sentences (180 short texts, cached by a cached embedder)."""
        means: dict[tuple[EmbedKind, str], F32] = {}
        for language, column in _LANG_COLUMN.items():
            texts = [row[column] for row in REFERENCE_SENTENCES]
            for kind in ("query", "passage"):
                vectors = embedder.embed(texts, kind)
                means[(kind, language)] = vectors.mean(axis=0).astype(np.float32)
        return cls(means, prior_weight=prior_weight)

    def observe(self, vector: F32, kind: EmbedKind, language: str, sign: int = 1) -> None:
        """Add (``sign=1``) or withdraw (``sign=-1``) one raw vector of the population."""
        key = (kind, language)
        if key not in self.reference:
            return
        total = self._sums.setdefault(key, np.zeros(vector.shape[-1], dtype=np.float64))
        total += sign * np.asarray(vector, dtype=np.float64)
        self._counts[key] = self._counts.get(key, 0) + sign

    def mean(self, kind: EmbedKind, language: str) -> F32 | None:
        key = (kind, language)
        ref = self.reference.get(key)
        if ref is None:
            return None
        count = self._counts.get(key, 0)
        total = self._sums.get(key)
        blended = ref.astype(np.float64) * self.prior_weight
        if total is not None:
            blended = blended + total
        return (blended / (count + self.prior_weight)).astype(np.float32)

    def freeze(self) -> None:
        """Fix the current means for :meth:`apply`."""
        self._frozen = {}
        for kind, language in self.reference:
            mean = self.mean(kind, language)
            if mean is not None:
                self._frozen[(kind, language)] = mean
        self._frozen_counts = dict(self._counts)

    def frozen_mean(self, kind: EmbedKind, language: str) -> list[float] | None:
        """The mean :meth:`apply` uses now (to centre the same way in another process)."""
        mean = self._frozen.get((kind, language))
        return None if mean is None else [float(x) for x in mean]

    def drift(self) -> float:
        """Largest relative change of a population count since :meth:`freeze`."""
        worst = 0.0
        for key in self.reference:
            before = self._frozen_counts.get(key, 0)
            now = self._counts.get(key, 0)
            worst = max(worst, abs(now - before) / (before + self.prior_weight))
        return worst

    def apply(self, vectors: F32, kind: EmbedKind, language: str) -> F32:
        """Centre and re-normalise rows with the frozen means; other languages pass through."""
        mean = self._frozen.get((kind, language))
        if mean is None or vectors.size == 0:
            return np.asarray(vectors, dtype=np.float32)
        out: F32 = np.asarray(vectors, dtype=np.float32) - mean
        norms = np.linalg.norm(out, axis=-1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 1e-12)
        return out

"""The search benches' passages and queries, and their one recall@10 measurement
(`bench/search.py` and `bench/pages.py` both use it).

Passages: the first `REAL` (5,000) are sentences written from templates over 40 migration
topics (an actor, an action, one of the topic's phrasings, a place, sometimes a second topic)
and embedded for real with all-MiniLM-L6-v2 (cached in bench/results/). Every passage after
those is a *variant* of a real one, as a corpus's other passages on the same subject are: the
normalised sum of a real passage's embedding, a share w ~ U(0, 0.6) of another real passage of
the same topic, and Gaussian noise of norm 0.35. A variant's cosine to its real passage is about
0.85-0.95 and to the other one 0.5-0.8, close to what real paraphrases and passages of one
document give (`describe()` prints the figures). Variants are deterministic per passage number,
so a corpus grown from a tenth to full scale is the same as one built at once.

Queries: short search strings as people type them (a topic phrase, sometimes with a place or
an actor), embedded for real; their cosine to their best passages is 0.4-0.75.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent.parent
RESULTS = ROOT / "bench" / "results"
REAL = 5_000
BLOCK = 1_000  # variants are drawn per block of passage numbers, seeded by the block
VARIANT_SHARE = 0.6
VARIANT_NOISE = 0.35

TOPICS = {
    "remittances": [
        "the cost of sending remittances",
        "remittance transfer fees",
        "digital payments for migrant remittances",
    ],
    "labour": [
        "fair and ethical recruitment of migrant workers",
        "recruitment fees charged to workers",
        "decent work for migrant workers",
    ],
    "skills": [
        "recognition of skills and qualifications",
        "skills partnerships with countries of origin",
        "vocational training for migrants",
    ],
    "pathways": [
        "regular pathways for migration",
        "labour mobility agreements",
        "visa options for family reunification",
    ],
    "detention": [
        "alternatives to immigration detention",
        "ending child immigration detention",
        "community-based case management instead of detention",
    ],
    "children": [
        "protection of unaccompanied and separated children",
        "guardianship for migrant children",
        "best interests of the child in migration procedures",
    ],
    "trafficking": [
        "prevention of trafficking in persons",
        "identification of victims of trafficking",
        "prosecution of traffickers",
    ],
    "smuggling": [
        "countering the smuggling of migrants",
        "protection of smuggled migrants",
        "cooperation against smuggling networks",
    ],
    "missing": [
        "search and rescue at sea",
        "identification of missing and dead migrants",
        "support to families of missing migrants",
    ],
    "climate": [
        "displacement in the context of climate change",
        "disaster displacement and planned relocation",
        "environmental degradation as a driver of migration",
    ],
    "data": [
        "migration data and statistics",
        "disaggregated data on migrants",
        "data sharing between migration authorities",
    ],
    "return": [
        "safe and dignified return",
        "sustainable reintegration of returning migrants",
        "readmission cooperation between states",
    ],
    "consular": [
        "consular protection and assistance",
        "consular services for nationals abroad",
        "consular support in crises",
    ],
    "diaspora": [
        "diaspora engagement in development",
        "diaspora investment and entrepreneurship",
        "the contribution of diasporas to their countries of origin",
    ],
    "integration": [
        "social inclusion of migrants",
        "integration in host communities",
        "language courses for newcomers",
    ],
    "xenophobia": [
        "combating xenophobia and discrimination",
        "hate speech against migrants",
        "balanced public narratives on migration",
    ],
    "health": [
        "migrants' access to health care",
        "mental health services for migrants",
        "vaccination campaigns reaching migrants",
    ],
    "education": [
        "access to education for migrant children",
        "school enrolment of refugee children",
        "recognition of diplomas",
    ],
    "social_protection": [
        "portability of social security benefits",
        "pensions of migrant workers",
        "social protection for migrant workers",
    ],
    "documents": [
        "proof of legal identity and documents",
        "civil registration and birth certificates",
        "digital identity for migrants",
    ],
    "borders": [
        "integrated border management",
        "human rights at international borders",
        "screening and referral at borders",
    ],
    "gender": [
        "gender-responsive migration policies",
        "women migrant domestic workers",
        "gender-based violence against migrant women",
    ],
    "youth": [
        "youth mobility and employment",
        "young migrants' participation",
        "student mobility programmes",
    ],
    "local": [
        "local authorities and city networks on migration",
        "municipal services for migrants",
        "urban migration governance",
    ],
    "rights": [
        "human rights of all migrants",
        "access to justice for migrants",
        "labour rights of migrant workers",
    ],
    "regularization": [
        "regularization of migrants in an irregular situation",
        "amnesty programmes",
        "residence permits for long-term residents",
    ],
    "information": [
        "accurate information at all stages of migration",
        "pre-departure orientation",
        "information campaigns on the risks of irregular migration",
    ],
    "seasonal": [
        "seasonal agricultural workers",
        "circular migration schemes",
        "temporary labour migration programmes",
    ],
    "domestic": ["domestic workers' rights", "live-in care workers", "inspection of domestic work"],
    "financial": [
        "financial inclusion of migrants",
        "bank accounts for migrants",
        "financial literacy for migrant families",
    ],
    "capacity": [
        "capacity building for migration governance",
        "technical assistance to governments",
        "the start-up fund for capacity building",
    ],
    "review": [
        "the voluntary national review of the Global Compact",
        "the International Migration Review Forum",
        "regional reviews of implementation",
    ],
    "network": [
        "the United Nations Network on Migration",
        "the network's workplan",
        "champion countries of the Global Compact",
    ],
    "stakeholders": [
        "engagement of civil society",
        "trade unions and employers in migration policy",
        "the whole-of-society approach",
    ],
    "evidence": [
        "evidence-based policy making on migration",
        "research on migration trends",
        "impact evaluation of migration programmes",
    ],
    "crisis": [
        "migrants caught in countries in crisis",
        "evacuation of migrants during conflict",
        "humanitarian assistance to stranded migrants",
    ],
    "mixed": [
        "mixed movements of refugees and migrants",
        "route-based approaches along migration routes",
        "protection along the Central Mediterranean route",
    ],
    "development": [
        "migration and sustainable development",
        "the 2030 Agenda and migration",
        "poverty reduction in communities of origin",
    ],
    "labour_markets": [
        "labour market needs and skills shortages",
        "matching employers with migrant workers",
        "employment services for migrants",
    ],
    "wages": [
        "wage theft and unpaid wages",
        "minimum wage for migrant workers",
        "wage protection systems",
    ],
}
TOPIC_NAMES = list(TOPICS)

ACTORS = [
    "The government",
    "The ministry of labour",
    "The network's secretariat",
    "IOM",
    "UNHCR",
    "ILO",
    "UNICEF",
    "Civil society organisations",
    "Trade unions",
    "Local authorities",
    "The working group",
    "Member States",
    "The regional network",
    "The national coordination mechanism",
    "Employers' organisations",
    "The ombudsperson",
    "Migrant-led organisations",
    "The champion countries",
    "The consulate",
    "The national statistics office",
]
ACTIONS = [
    "adopted a national strategy on",
    "published guidance on",
    "launched a pilot project on",
    "reviewed the legislation on",
    "held consultations on",
    "trained officials on",
    "reported progress on",
    "called for more funding for",
    "set up a working group on",
    "collected data on",
    "signed an agreement on",
    "evaluated the results of work on",
    "presented a pledge on",
    "raised concerns about",
    "shared a promising practice on",
]
PLACES = [
    "in Mexico",
    "in Morocco",
    "in the Philippines",
    "in Kenya",
    "in Bangladesh",
    "in Ecuador",
    "in Senegal",
    "in Nepal",
    "in Germany",
    "in Jordan",
    "in Thailand",
    "in Colombia",
    "in the Pacific",
    "in West Africa",
    "in the Gulf countries",
    "in Central America",
    "in the Western Balkans",
    "in South Asia",
    "",
    "",
    "",
]
YEARS = ["in 2019", "in 2020", "in 2021", "during 2022", "in 2023", "since 2024", "", ""]
LINKS = ["with attention to", "linking it to", "together with", "as part of a plan on"]
# What people type, in words other than the passages' (one or two per topic).
QUERIES = [
    "money sent home by migrants",
    "how to lower transfer fees",
    "recruitment agencies charging workers",
    "ethical hiring abroad",
    "diploma recognition for foreign professionals",
    "training for newcomers",
    "legal routes to work abroad",
    "visas for relatives joining family",
    "no locking up of migrant kids",
    "options other than detention centres",
    "minors travelling alone",
    "child guardians",
    "human trafficking victims",
    "exploitation and forced labour",
    "people smugglers",
    "boats in the Mediterranean rescue",
    "migrants who died or disappeared",
    "sea level rise forcing people to move",
    "drought and relocation",
    "statistics on migrants",
    "data collection",
    "going back home and reintegration",
    "deportation agreements",
    "embassy help for citizens abroad",
    "emigrants investing at home",
    "newcomers fitting into society",
    "racism towards foreigners",
    "hate speech online",
    "medical care for undocumented people",
    "psychological support for refugees",
    "refugee kids in school",
    "transferable pensions",
    "social security abroad",
    "birth registration",
    "ID papers for stateless people",
    "border control and rights",
    "female domestic workers abuse",
    "jobs for young people abroad",
    "cities welcoming migrants",
    "justice for migrants",
    "legalisation of undocumented",
    "warning people about dangerous journeys",
    "farm workers on short contracts",
    "nannies and carers rights",
    "banking for migrants",
    "funding for governments' training",
    "national progress report on the compact",
    "IMRF 2026",
    "UN migration network priorities",
    "civil society participation",
    "research on migration",
    "migrants stuck in war zones",
    "refugees and migrants on the same routes",
    "SDGs and migration",
    "labour shortages and foreign workers",
    "unpaid salaries",
]
QUERY_ADDITIONS = [
    "",
    "",
    "",
    " in Africa",
    " in Asia",
    " in Latin America",
    " for women",
    " for children",
    " good practices",
    " policy",
    " 2023",
]


def passage_topic(i: int) -> str:
    return TOPIC_NAMES[i % len(TOPIC_NAMES)]


def sentence(i: int) -> str:
    """The text of real passage `i`: one or two sentences on its topic."""
    rng = random.Random(1_000_003 * 7 + i)
    topic = passage_topic(i)
    parts = [rng.choice(ACTORS), rng.choice(ACTIONS), rng.choice(TOPICS[topic])]
    place, year = rng.choice(PLACES), rng.choice(YEARS)
    parts += [p for p in (place, year) if p]
    if rng.random() < 0.4:
        other = rng.choice(TOPIC_NAMES)
        parts += [rng.choice(LINKS), rng.choice(TOPICS[other])]
    text = " ".join(parts) + "."
    if rng.random() < 0.5:
        text += f" {rng.choice(ACTORS)} {rng.choice(ACTIONS)} {rng.choice(TOPICS[topic])}."
    return text


def query_texts(count: int, *, seed: int = 11) -> list[str]:
    """Search strings as typed: a way of asking in other words than the passages', sometimes
    qualified by a region, a group or a year."""
    rng = random.Random(seed)
    return [rng.choice(QUERIES) + rng.choice(QUERY_ADDITIONS) for _ in range(count)]


def _encode(texts: list[str]) -> np.ndarray:
    sys.path.insert(0, str(ROOT))
    from nethub.search.embeddings import encode

    return encode(texts, batch_size=128)


def real_vectors() -> np.ndarray:
    """The REAL passages' embeddings, computed once (about 10 s on two idle cores) and kept."""
    path = RESULTS / f"search-corpus-{REAL}.npy"
    if path.exists():
        return np.load(path)
    vectors = _encode([sentence(i) for i in range(REAL)]).astype(np.float32)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.save(path, vectors)
    return vectors


def _variant_block(block: int, real: np.ndarray) -> np.ndarray:
    rng = np.random.default_rng([20_251_206, block])
    count, dims = BLOCK, real.shape[1]
    topics = len(TOPIC_NAMES)
    base = rng.integers(0, len(real), count)
    # Another real passage of the same topic (passage i's topic is i % topics).
    other = (base % topics) + topics * rng.integers(0, len(real) // topics, count)
    share = rng.uniform(0, VARIANT_SHARE, count)[:, None]
    noise = rng.standard_normal((count, dims)) * (VARIANT_NOISE / np.sqrt(dims))
    data = real[base] + share * real[other] + noise
    return (data / np.linalg.norm(data, axis=1, keepdims=True)).astype(np.float32)


def passage_vectors(start: int, stop: int) -> np.ndarray:
    """Unit vectors of passages start..stop-1: real embeddings below REAL, variants above."""
    real = real_vectors()
    rows = []
    if start < REAL:
        rows.append(real[start : min(stop, REAL)])
    first = max(start, REAL)
    for block in range((first - REAL) // BLOCK, max(0, stop - REAL + BLOCK - 1) // BLOCK):
        lo = REAL + block * BLOCK
        data = _variant_block(block, real)
        rows.append(data[max(first, lo) - lo : min(stop, lo + BLOCK) - lo])
    if not rows:
        return np.zeros((0, real.shape[1]), dtype=np.float32)
    return np.concatenate(rows)


def query_vectors(count: int) -> np.ndarray:
    return _encode(query_texts(count)).astype(np.float32)


# Recall --------------------------------------------------------------------------------------


def recall_at_10(query_vectors: np.ndarray) -> dict:
    """Share of the exact scan's ten nearest passages (over every stored vector) that the
    vector index (`vectors.index()`, as the app opens it) returns; with the queries' best
    cosine, to show they are like real queries (neither copies of a passage nor noise)."""
    from nethub.search import vectors
    from nethub.search.models import Passage

    stored = list(Passage.objects.exclude(embedding=None).values_list("id", "embedding"))
    ids = np.array([pk for pk, _ in stored])
    matrix = np.frombuffer(b"".join(bytes(b) for _, b in stored), dtype=np.float16)
    matrix = matrix.reshape(len(stored), -1).astype(np.float32)
    index = vectors.index()
    found, best = [], []
    for query in np.asarray(query_vectors, dtype=np.float32):
        scores = matrix @ query
        top = np.argsort(-scores)[:10]
        best.append(float(scores[top[0]]))
        approximate = {pk for pk, _ in index.search(query, limit=10)}
        found.append(len(set(ids[top].tolist()) & approximate) / 10)
    return {
        "recall": float(np.mean(found)),
        "worst": float(np.min(found)),
        "best_cosine_p10": float(np.percentile(best, 10)),
        "best_cosine_p90": float(np.percentile(best, 90)),
    }


def describe(count: int = 20_000) -> None:
    """Print how the corpus looks: nearest-neighbour cosines of real and variant passages,
    and the queries' best cosines (python bench/support/search_corpus.py)."""
    data = passage_vectors(0, count)
    rng = np.random.default_rng(3)
    for label, rows in (
        ("real", rng.choice(REAL, 200)),
        ("variant", rng.integers(REAL, count, 200)),
    ):
        scores = data[rows] @ data.T
        scores[np.arange(len(rows)), rows] = -1
        nearest = np.sort(scores, axis=1)[:, ::-1]
        print(
            f"{label}: nearest cosine p50 {np.median(nearest[:, 0]):.2f}, "
            f"10th nearest p50 {np.median(nearest[:, 9]):.2f}, "
            f"100th {np.median(nearest[:, 99]):.2f}, mean {scores.mean():.2f}"
        )
    queries = query_vectors(100)
    best = np.sort(queries @ data.T, axis=1)[:, ::-1]
    print(
        f"queries: best cosine p10/p50/p90 {np.percentile(best[:, 0], [10, 50, 90]).round(2)}, "
        f"10th best p50 {np.median(best[:, 9]):.2f}"
    )


if __name__ == "__main__":
    describe()

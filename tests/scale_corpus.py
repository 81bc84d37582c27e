"""A small corpus of articles we wrote for the scale-out tests: events, agreements, statements,
a non-English text, a duplicate and inputs that fail, so every kind of result crosses the
cluster."""

from __future__ import annotations

from communique.records import Failure, RawDocument

_ARTICLES = [
    ("2025-03-03", ("Oslo, March 3 -- Norway and Sweden held talks on Monday on fishing rights in the "
     "Barents Sea. The Norwegian Foreign Minister said the meeting had been useful.")),
    ("2025-03-04", ("Nairobi, March 4 -- Kenya accused Uganda of violating its border near Busia on "
     "Tuesday. The Kenyan government demanded an explanation from Kampala.")),
    ("2025-03-05", ("Lima, March 5 -- Chile and Peru signed a trade agreement on Wednesday. Under the "
     "agreement, the two countries will lower tariffs on copper and fruit.")),
    ("2025-03-06", ("Hanoi, March 6 -- Vietnam protested against China's survey ship in its exclusive "
     "economic zone, a spokesperson of the Vietnamese Foreign Ministry said on Thursday.")),
    ("2025-03-07", ("Ottawa, March 7 -- Canada imposed sanctions on Iran over the detention of "
     "protesters. Iran rejected the sanctions as groundless.")),
    ("2025-03-08", ("Accra, March 8 -- Ghana sent food aid to Burkina Faso on Saturday after floods in "
     "the north of the country.")),
    ("2025-03-09", ("Berlin, March 9 -- German Chancellor Olaf Scholz met French President Emmanuel "
     "Macron in Berlin on Sunday. \"Europe must stand together,\" Scholz told reporters.")),
    ("2025-03-10", ("Manila, March 10 -- The Philippines and Japan agreed to hold joint coast guard "
     "exercises next month. The Philippine navy said the exercises would take place near Luzon.")),
    ("2025-03-11", ("Cairo, March 11 -- Egypt called on Ethiopia to resume negotiations on the dam. "
     "Ethiopia said it was ready to meet in Addis Ababa.")),
    ("2025-03-12", ("Seoul, March 12 -- South Korea condemned North Korea's missile launch on "
     "Wednesday and called for an emergency meeting of the UN Security Council.")),
    ("2025-03-13", ("Warsaw, March 13 -- Poland expelled two Belarusian diplomats on Thursday. Belarus "
     "threatened to respond in kind.")),
    ("2025-03-14", ("Canberra, March 14 -- Australia and Indonesia signed a memorandum of "
     "understanding on maritime cooperation in Canberra on Friday.")),
]

_GERMAN = ("Berlin, 15. März -- Die Bundesregierung hat am Freitag neue Hilfen für die Ukraine "
           "beschlossen. Der Außenminister reiste anschließend nach Kiew.")


def corpus() -> list[RawDocument | Failure]:
    """The inputs, in order: 12 English articles, one German, one repeated, an empty one, a
    failure from a reader and an HTML page."""
    items: list[RawDocument | Failure] = [
        RawDocument(source=f"mem:{i}", text=text, published=published, input_id=f"a{i:02d}")
        for i, (published, text) in enumerate(_ARTICLES)
    ]
    items.append(RawDocument(source="mem:de", text=_GERMAN, published="2025-03-15"))
    items.append(RawDocument(source="mem:again", text=_ARTICLES[0][1], published=_ARTICLES[0][0]))
    items.append(RawDocument(source="mem:blank", text="   \n  "))
    items.append(Failure("mem:broken.bin", "encoding", "binary data (NUL bytes), not a text or HTML article"))
    items.append(RawDocument(
        source="mem:page.html",
        html="<html><head><title>Talks in Rabat</title></head><body><article><p>Rabat, March 16 -- "
             "Morocco and Spain held talks on migration on Sunday, the Moroccan Foreign Ministry "
             "said.</p></article></body></html>",
        published="2025-03-16",
    ))
    return items

"""The ``communique`` command: thin wrappers over the Python API.

Exit status: 0 everything done; 1 an error stopped the command; 2 bad usage;
3 partial success (some inputs failed and were recorded; the rest were stored).
"""

from __future__ import annotations

import csv
import dataclasses
import json
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

import click

from communique.errors import CommuniqueError
from communique.events.ontology import EVENT_TYPES
from communique.records import CodedDocument, Failure, RawDocument

EXIT_PARTIAL = 3
DB_HELP = "SQLite database file [default: $COMMUNIQUE_DB or ./communique.db]"


def _db(path: str | None) -> str:
    return path or os.environ.get("COMMUNIQUE_DB") or "communique.db"


def _progress(items: Iterable[Any], label: str) -> Iterator[Any]:
    """A progress spinner on a terminal, nothing when piped."""
    if not sys.stderr.isatty():
        yield from items
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description} {task.completed} documents"),
                  TimeElapsedColumn(), transient=True) as progress:
        task = progress.add_task(label, total=None)
        for item in items:
            yield item
            progress.advance(task)


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CommuniqueError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)


@click.group(cls=_Group)
@click.version_option(package_name="communique")
def cli() -> None:
    """communique: news articles in, traceable PLOVER event data out."""


@cli.command()
@click.argument("inputs", nargs=-1, metavar="[FILE ... | -]")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date for inputs that carry none.")
def code(inputs: tuple[str, ...], published: str | None) -> None:
    """Code articles and print one JSON object per document, in input order.

    Reads files, folders, JSONL/CSV exports, or standard input ("-", the default).

    Example: communique code article.txt --published 2000-07-21
    """
    from communique.ingest import read_inputs
    from communique.pipeline import process

    def with_date(items: Iterable[RawDocument | Failure]) -> Iterator[RawDocument | Failure]:
        for item in items:
            if published and isinstance(item, RawDocument) and not item.published:
                item = dataclasses.replace(item, published=published)
            yield item

    failed = 0
    for result in process(with_date(read_inputs(inputs or ("-",)))):
        if isinstance(result, Failure):
            failed += 1
            click.echo(f"skipped {result.source}: {result.detail}", err=True)
        else:
            click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
    if failed:
        sys.exit(EXIT_PARTIAL)


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH ...")
@click.option("--db", "db_path", metavar="FILE", help=DB_HELP)
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes that parse in parallel (spaCy n_process).")
@click.option("--time-limit", type=click.FloatRange(min=0), default=None, metavar="SECONDS",
              help="Seconds that cleaning, and coding, one document may take before it is recorded "
                   "as a timeout; 0: no limit [default: 60].")
def ingest(paths: tuple[str, ...], db_path: str | None, workers: int, time_limit: float | None) -> None:
    """Code articles and store them; re-running adds nothing twice.

    Bad inputs are recorded with their reason and the batch goes on.

    Example: communique ingest examples/ --db news.db
    """
    from communique.ingest import read_inputs
    from communique.pipeline import DOCUMENT_TIME_LIMIT, process
    from communique.store import Store

    tally: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    limit = DOCUMENT_TIME_LIMIT if time_limit is None else (time_limit or None)
    with Store(_db(db_path)) as store:
        results = process(read_inputs(paths), n_process=workers, skip=lambda doc: store.has_document(doc.id),
                          time_limit=limit)
        for result in _progress(results, "coding"):
            if isinstance(result, Failure):
                reasons[result.reason] += 1
                tally["new failures" if store.add_failure(result) else "known failures"] += 1
            elif store.add(result):
                tally["stored"] += 1
                tally["events"] += len(result.events)
            else:
                tally["already stored"] += 1
        totals = store.counts()
    failed = tally["new failures"] + tally["known failures"]
    click.echo(
        f"{tally['stored']} documents stored ({tally['events']} events), "
        f"{tally['already stored']} already stored, {failed} failed"
        + (f" ({', '.join(f'{n} {r}' for r, n in reasons.most_common())})" if failed else "")
        + f". Database {_db(db_path)}: {totals['documents']} documents, {totals['events']} events.",
        err=True,
    )
    if failed:
        click.echo("See the failures with: communique failures", err=True)
        sys.exit(EXIT_PARTIAL)


EVENT_COLUMNS = ("id", "date", "event", "mode", "quad_code", "intensity", "actor", "actor_country",
                 "recipient", "recipient_country", "cameo", "doc_id", "doc_outlet", "event_text")


def _flat(record: dict[str, Any]) -> dict[str, Any]:
    def names(key: str) -> str:
        return "; ".join(e["entity_name"] for e in record[key])

    def codes(key: str) -> str:
        return "; ".join(e.get("code") or "" for e in record[key])

    return {"id": record["id"], "date": record.get("date") or "", "event": record["event"],
            "mode": record.get("mode") or "", "quad_code": record["quad_code"], "intensity": record["intensity"],
            "actor": names("actor"), "actor_country": codes("actor"), "recipient": names("recipient"),
            "recipient_country": codes("recipient"), "cameo": record.get("cameo") or "",
            "doc_id": record["doc_id"], "doc_outlet": record.get("doc_outlet") or "", "event_text": record["event_text"]}


def _write_events(rows: list[dict[str, Any]], fmt: str, out: TextIO) -> None:
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=EVENT_COLUMNS)
        writer.writeheader()
        writer.writerows(_flat(r) for r in rows)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(show_lines=False)
        for column in ("date", "event", "actor", "recipient", "evidence"):
            table.add_column(column, overflow="fold")
        for row in rows:
            flat = _flat(row)
            table.add_row(flat["date"] or "?", f"{flat['event']} {flat['mode']}".strip(),
                          f"{flat['actor']} [{flat['actor_country']}]",
                          f"{flat['recipient']} [{flat['recipient_country']}]" if flat["recipient"] else "",
                          flat["event_text"][:160])
        Console(file=out, width=None if out.isatty() else 200).print(table)
        out.write(f"{len(rows)} events\n")


@cli.command()
@click.option("--db", "db_path", metavar="FILE", help=DB_HELP)
@click.option("--actor", help="Actor or recipient name contains this text.")
@click.option("--country", metavar="ISO3", help="Actor or recipient country code.")
@click.option("--type", "event_type", type=click.Choice(EVENT_TYPES, case_sensitive=False))
@click.option("--since", metavar="DATE", help="Events on or after this date.")
@click.option("--until", metavar="DATE", help="Events on or before this date.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Write here instead of stdout.")
def events(db_path: str | None, actor: str | None, country: str | None, event_type: str | None,
           since: str | None, until: str | None, fmt: str, output: TextIO) -> None:
    """List stored events, filtered.

    Example: communique events --country PRK --type SUPPORT --format jsonl
    """
    from communique.store import Store

    with Store(_db(db_path), readonly=True) as store:
        try:
            rows = store.events(actor=actor, country=country, event_type=event_type, since=since, until=until)
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from exc
    _write_events(rows, fmt, output)


AGREEMENT_COLUMNS = ("id", "date", "kind", "title", "parties", "signatories", "place", "clause_count",
                     "clauses", "doc_id", "doc_outlet", "evidence")


def _flat_agreement(record: dict[str, Any]) -> dict[str, Any]:
    def person(e: dict[str, Any]) -> str:
        return f"{e['entity_name']} ({e['office']})" if e.get("office") else e["entity_name"]

    return {"id": record["id"], "date": record.get("date") or "", "kind": record["kind"], "title": record["title"],
            "parties": "; ".join(record["parties"]), "signatories": "; ".join(map(person, record["signatories"])),
            "place": record.get("place") or "", "clause_count": len(record["clauses"]),
            "clauses": "\n".join(c["text"] for c in record["clauses"]), "doc_id": record["doc_id"],
            "doc_outlet": record.get("doc_outlet") or "", "evidence": record["evidence"][0]["text"] if record["evidence"] else ""}


def _write_agreements(rows: list[dict[str, Any]], fmt: str, out: TextIO) -> None:
    if fmt == "jsonl":
        out.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=AGREEMENT_COLUMNS)
        writer.writeheader()
        writer.writerows(_flat_agreement(r) for r in rows)
    else:
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        table = Table(show_lines=True, expand=True)
        table.add_column("date", no_wrap=True)
        table.add_column("kind", no_wrap=True)
        table.add_column("title and clauses", overflow="fold", ratio=3)
        table.add_column("parties", overflow="fold", ratio=1)
        for row in rows:
            flat = _flat_agreement(row)
            body = Text(flat["title"], style="bold")
            for number, clause in enumerate(row["clauses"], start=1):
                body.append(f"\n   {number}. {clause['text']}", style="")
            parties = Text(flat["parties"] + (f"\nsigned by {flat['signatories']}" if flat["signatories"] else "")
                           + (f"\nin {flat['place']}" if flat["place"] else ""))
            table.add_row(Text(flat["date"] or "?"), Text(flat["kind"]), body, parties)
        Console(file=out, width=None if out.isatty() else 200).print(table)
        out.write(f"{len(rows)} agreements\n")


@cli.command()
@click.option("--db", "db_path", metavar="FILE", help=DB_HELP)
@click.option("--party", metavar="ISO3", help="Country code of a party or signatory.")
@click.option("--since", metavar="DATE", help="Agreements dated on or after this date.")
@click.option("--until", metavar="DATE", help="Agreements dated on or before this date.")
@click.option("--text", help="Title or a clause contains this text.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Write here instead of stdout.")
def agreements(db_path: str | None, party: str | None, since: str | None, until: str | None, text: str | None,
               fmt: str, output: TextIO) -> None:
    """List stored agreements (title, kind, parties, date) with their clauses.

    Example: communique agreements --party PRK --since 2000 --format jsonl
    """
    from communique.store import Store

    with Store(_db(db_path), readonly=True) as store:
        try:
            rows = store.agreements(party=party, since=since, until=until, text=text)
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from exc
    _write_agreements(rows, fmt, output)


STATEMENT_COLUMNS = ("id", "date", "speaker", "speaker_country", "speaker_sector", "speaker_office", "verb",
                     "direct", "claim", "about", "doc_id", "doc_outlet", "sentence")


def _flat_statement(record: dict[str, Any]) -> dict[str, Any]:
    speaker = record["speaker"]
    return {"id": record["id"], "date": record.get("date") or "", "speaker": speaker["entity_name"],
            "speaker_country": speaker.get("code") or "", "speaker_sector": speaker.get("sector") or "",
            "speaker_office": speaker.get("office") or "", "verb": record["verb"], "direct": record["direct"],
            "claim": record["claim"], "about": "; ".join(e["entity_name"] for e in record.get("about", [])),
            "doc_id": record["doc_id"], "doc_outlet": record.get("doc_outlet") or "",
            "sentence": record["text_info"]["text"]}


def _write_statements(rows: list[dict[str, Any]], fmt: str, out: TextIO) -> None:
    if fmt == "jsonl":
        out.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=STATEMENT_COLUMNS)
        writer.writeheader()
        writer.writerows(_flat_statement(r) for r in rows)
    else:
        from rich.console import Console
        from rich.markup import escape
        from rich.table import Table

        table = Table(show_lines=False)
        for column in ("date", "speaker", "verb", "claim"):
            table.add_column(column, overflow="fold")
        for row in rows:
            flat = _flat_statement(row)
            claim = f"“{flat['claim']}”" if flat["direct"] else flat["claim"]
            table.add_row(flat["date"] or row.get("doc_published") or "?",
                          escape(f"{flat['speaker']} [{flat['speaker_country']}]"),
                          escape(flat["verb"]), escape(claim[:200]))
        Console(file=out, width=None if out.isatty() else 200).print(table)
        out.write(f"{len(rows)} statements\n")


@cli.command()
@click.option("--db", "db_path", metavar="FILE", help=DB_HELP)
@click.option("--speaker", help="Speaker name contains this text.")
@click.option("--country", metavar="ISO3", help="Speaker country code.")
@click.option("--since", metavar="DATE", help="Statements on or after this date.")
@click.option("--until", metavar="DATE", help="Statements on or before this date.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Write here instead of stdout.")
def statements(db_path: str | None, speaker: str | None, country: str | None, since: str | None,
               until: str | None, fmt: str, output: TextIO) -> None:
    """List stored attributed statements (who claimed what), filtered.

    A statement whose text gives no date is dated by its article's publication date.

    Example: communique statements --country PRK --since 2024-01 --format jsonl
    """
    from communique.store import Store

    with Store(_db(db_path), readonly=True) as store:
        try:
            rows = store.statements(speaker=speaker, country=country, since=since, until=until)
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from exc
    _write_statements(rows, fmt, output)


@cli.command()
@click.argument("doc_id")
@click.option("--db", "db_path", metavar="FILE", help=DB_HELP)
def show(doc_id: str, db_path: str | None) -> None:
    """Show one stored document (id or a unique prefix of 6+ characters) as JSON.

    Example: communique show 90af895ba466
    """
    from communique.store import Store

    with Store(_db(db_path), readonly=True) as store:
        found = store.document(doc_id)
    if found is None:
        click.echo(f"Error: no document {doc_id!r}; list them with `communique events`.", err=True)
        sys.exit(1)
    click.echo(json.dumps(found, ensure_ascii=False, indent=1))


@cli.command()
@click.option("--db", "db_path", metavar="FILE", help=DB_HELP)
def failures(db_path: str | None) -> None:
    """List inputs that could not be stored, with the reason.

    Example: communique failures
    """
    from communique.store import Store

    with Store(_db(db_path), readonly=True) as store:
        for failure in store.failures():
            click.echo(f"{failure.source}\t{failure.reason}\t{failure.detail}")


@cli.command()
@click.option("--sql", is_flag=True, help="Print the database schema instead.")
def schema(sql: bool) -> None:
    """Print the JSON Schema of `communique code` output.

    Example: communique schema > communique.schema.json
    """
    if sql:
        from communique.store import SCHEMA_SQL

        click.echo(SCHEMA_SQL)
        return
    from communique.schema import output_schema

    click.echo(json.dumps(output_schema(), indent=1))


@cli.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Machine-readable scores.")
@click.option("--save-output", type=click.File("w", encoding="utf-8"), help="Also write the system output (JSONL).")
def evaluate(gold: str, as_json: bool, save_output: TextIO | None) -> None:
    """Code the gold articles and score the result (precision/recall/F1).

    Example: communique evaluate ../shared/benchmarks/seeds/gold.jsonl --json
    """
    from communique.eval import read_gold, score
    from communique.pipeline import process

    golds = read_gold(gold)
    raws = [RawDocument(source=f"{gold}:{i + 1}", text=g["text"], input_id=g.get("id"),
                        published=g.get("published"), outlet=g.get("outlet")) for i, g in enumerate(golds)]
    systems: list[dict[str, Any]] = []
    for result in process(raws):
        systems.append(result.to_dict() if isinstance(result, CodedDocument) else {"events": []})
    if save_output is not None:
        for item in systems:
            save_output.write(json.dumps(item, ensure_ascii=False) + "\n")
    result = score(golds, systems)
    if as_json:
        click.echo(json.dumps(result, indent=1))
        return
    for name, v in result["per_type"].items():
        click.echo(f"{name:10} tp={v['tp']:3} fp={v['fp']:3} fn={v['fn']:3} f1={v['f1']}")
    e = result["events"]
    click.echo(f"agreements_recall={result['agreements_recall']} clause_count_ok={result['clause_count_ok']} "
               f"statements_recall={result['statements_recall']} people_recall={result['people_recall']}")
    click.echo(f"event P={e['precision']} R={e['recall']} F1={e['f1']}")


def main() -> None:
    """Entry point of the ``communique`` script."""
    cli(prog_name="communique")

